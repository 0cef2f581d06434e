"""What the service's parts share: the store, the actor, the calendar, and `_act` — the one
audited way to take a step on a case (`take_step` in app/arbitration/service.py, beside the life
cycle it enforces).  A part is generic in what a step returns (a `CaseView` for pages, a
`StepTaken` for a caller taking many steps), so that it needs nothing from service.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

from app.accounts.actor import Actor
from app.arbitration.deadlines import shanghai_today
from app.arbitration.models import ArbitrationCase
from app.kernel.unit_of_work import UnitOfWork
from app.legal.calendar import LegalCalendar
from app.legal.holidays import calendar_for
from app.store.engine import Store

ViewT = TypeVar("ViewT")
# A step's change to the case, inside the step's unit of work; returns the event's details.
Apply = Callable[[UnitOfWork, ArbitrationCase], dict[str, Any] | None]


class ServicePart:
    """The state every part of the service reads.  `calendar` defaults to the shipped legal
    calendar; `today` (for the overdue filter) to the system date."""

    def __init__(self, store: Store, actor: Actor, *, calendar: LegalCalendar | None = None,
                 today: Callable[[], date] = shanghai_today) -> None:
        self.store = store
        self.actor = actor
        self.calendar: LegalCalendar = calendar or calendar_for(store)
        self.today = today


class CaseSteps(ServicePart, Generic[ViewT]):
    def _act(self, case_id: int, action: str, on: date, apply: Apply, *, note: str = "",
             version: int | None = None) -> ViewT:
        """Take the step `action` on the case: see ArbitrationCaseService._act."""
        raise NotImplementedError
