"""What the complaints' commands and queries share: the service's state (store,
actor, calendar, rule table, today), the bureau's day, and the small cleaners
every command applies to what a clerk typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.accounts.actor import Actor
from app.clock import bureau_today
from app.errors import UserError
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES, RuleTable
from app.legal.holidays import calendar_for
from app.parties.models import Party
from app.store.engine import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
TEXT_LIMIT = 5000
MIN_OFFICERS = 2  # 条例 art 16: at least two officers
# Handling officers need a certificate valid on the day whose category includes
# 劳动保障监察; one whose category was left blank counts too (roster data often
# leaves it empty), one of another category only (安全生产 …) does not.
OFFICER_CATEGORY = "劳动保障监察"


def today_in_shanghai() -> date:
    """The bureau's day (`app.clock.bureau_today`), under the name this module's callers use."""
    return bureau_today()


def local_day(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def clean_text(value: Any, *, limit: int = TEXT_LIMIT) -> str:
    return str(value or "").strip()[:limit]


def whole_fen(value: Any, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("complaint.amount_invalid", field=field_name, value=value)
    return value


def refuse_in_status(code: str, status: str) -> UserError:
    """The refusal of a step the case's status does not allow; the message names the status."""
    return UserError(code, status=str(status))


class ComplaintServiceBase:
    """The state every part of `ComplaintService` (its queries and its commands) works with."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        calendar: LegalCalendar | None = None,
        rule_table: RuleTable | None = None,
        today: Callable[[], date] = today_in_shanghai,
        officer_check: Callable[[int, date], None] | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.calendar = calendar or calendar_for(store)
        self.rules = rule_table or DEFAULT_RULES
        self.today = today
        self._officer_check = officer_check
        self._made: dict[str, Party] = {}  # number -> party, within one registration
