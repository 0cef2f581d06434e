"""A received application (receive, 转仲裁 from mediation, the bulk import): its checks and rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.arbitration.deadline_cache import _refresh_deadlines
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationEvent,
    ArbitrationParty,
    ArbitrationStatus,
    ClaimCategory,
    PartyRole,
    Procedure,
)
from app.arbitration.views import Application, ClaimInput
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.legal.calendar import LegalCalendar
from app.legal.holidays import calendar_for
from app.parties.models import Party

S = ArbitrationStatus


def _check_date(value: date | None, name: str = "on") -> date:
    if value is None:
        raise UserError("arbitration.date_required", field=name)
    if type(value) is not date:
        raise TypeError(f"{name} must be a date")
    return value


def clean_claims(claims: Iterable[ClaimInput]) -> list[ClaimInput]:
    out = list(claims)
    if not out:
        raise UserError("arbitration.claim_required", field="claims")
    for c in out:
        try:
            ClaimCategory(c.category)
        except ValueError as exc:
            raise UserError("arbitration.claim_category_unknown", field="claims", value=c.category) from exc
        if isinstance(c.amount_fen, bool) or not isinstance(c.amount_fen, int):
            raise TypeError("amount_fen must be an int (fen)")
        if c.amount_fen < 0:
            raise UserError("arbitration.amount_negative", field="claims")
        if c.period_from and c.period_to and c.period_to < c.period_from:
            raise UserError("arbitration.period_order", field="claims",
                            start=c.period_from.isoformat(), end=c.period_to.isoformat())
    return out


def add_claims(session: Session, case_id: int, claims: Sequence[ClaimInput], *, start: int = 0,
               added_on: date | None = None) -> list[ArbitrationClaim]:
    rows = [
        ArbitrationClaim(
            case_id=case_id, position=start + i, category=c.category, description=c.description.strip(),
            period_from=c.period_from, period_to=c.period_to, amount_claimed_fen=c.amount_fen, added_on=added_on,
        )
        for i, c in enumerate(claims)
    ]
    session.add_all(rows)
    return rows


def _check_parties(session: Session, applicants: Sequence[int], respondents: Sequence[int]) -> None:
    if not applicants:
        raise UserError("arbitration.applicant_required", field="applicants")
    if not respondents:
        raise UserError("arbitration.respondent_required", field="respondents")
    ids = [*applicants, *respondents]
    found = dict(session.execute(select(Party.id, Party.name).where(Party.id.in_(ids))).all())
    for pid in ids:
        if pid not in found:
            raise UserError("arbitration.party_not_found", field="parties")
    seen: set[int] = set()
    for pid in ids:
        if pid in seen:
            raise UserError("arbitration.party_twice", field="parties", name=found[pid])
        seen.add(pid)


def create_received_case(
    uow: UnitOfWork,
    *,
    from_mediation_id: int | None = None,
    note: str = "",
    calendar: LegalCalendar | None = None,
    derive_deadlines: bool = True,
    **application: Unpack[Application],
) -> ArbitrationCase:
    """A received application inside the caller's unit of work (receive, and 转仲裁).

    `derive_deadlines=False`: the caller takes a further step on the case in the same unit
    of work and derives its deadlines then (an imported row that was accepted already);
    deriving them for the received case too would be thrown away at once."""
    session = uow.session
    applicants, respondents = application["applicants"], application["respondents"]
    received_on = application["received_on"]
    _check_date(received_on, "received_on")
    cleaned = clean_claims(application["claims"])
    _check_parties(session, applicants, respondents)
    procedure = Procedure(application.get("procedure", Procedure.ORDINARY.value)).value
    case = ArbitrationCase(
        status=S.RECEIVED.value, procedure=procedure, cause=application.get("cause", "").strip(),
        facts=application.get("facts", "").strip(), collective=application.get("collective", False),
        received_on=received_on, extension_days=0,
        claimed_fen=sum(c.amount_fen for c in cleaned), from_mediation_id=from_mediation_id,
    )
    session.add(case)
    uow.flush()
    for i, pid in enumerate(applicants):
        session.add(ArbitrationParty(case_id=case.id, party_id=pid, role=PartyRole.APPLICANT.value, position=i))
    for i, pid in enumerate(respondents):
        session.add(ArbitrationParty(case_id=case.id, party_id=pid, role=PartyRole.RESPONDENT.value, position=i))
    add_claims(session, case.id, cleaned)
    details: dict[str, Any] = {}
    if from_mediation_id is not None:
        details["from_mediation_id"] = from_mediation_id
    session.add(ArbitrationEvent(case_id=case.id, kind="receive", on=received_on, details=json.dumps(details),
                                 note=note, actor=uow.actor.username))
    uow.flush()
    if derive_deadlines:
        _refresh_deadlines(session, case, calendar or calendar_for(uow.store))
    return case

