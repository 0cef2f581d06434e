"""Today's desk (今日待办): what is overdue, due today and due within three
working days, across every area that has time limits.

Each area contributes through a small provider (`DeskProvider`): it answers
"your open time limits due on or before D, earliest first" and "how many
before / on / up to D" from its own indexed table.  An area names its providers
in its declaration (app/<area>/area.py, `desk_providers=`) — the desk itself
does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.arbitration.deadlines import shanghai_today
from app.legal.calendar import LegalCalendar
from app.legal.holidays import calendar_for
from app.parties.models import Party
from app.store.engine import Store

HORIZON_WORKING_DAYS = 3


class Bucket(StrEnum):
    OVERDUE = "overdue"  # 已逾期
    TODAY = "today"  # 今日到期
    SOON = "soon"  # 3个工作日内到期


BUCKET_LABELS = {
    Bucket.OVERDUE: ("Overdue", "已逾期"),
    Bucket.TODAY: ("Due today", "今日到期"),
    Bucket.SOON: ("Due within 3 working days", "3个工作日内到期"),
}


@dataclass(frozen=True)
class DeskItem:
    area: str  # "arbitration", "mediation", "complaints" …: which window opens the case
    case_id: int
    reference: str  # case number, or "收件 2023-09-25" before one is given
    parties: str
    rule_id: str
    what: str  # Chinese: what must happen
    due: date
    calendar_complete: bool = True
    bucket: Bucket = Bucket.SOON
    what_en: str = ""  # what must happen, in English
    reference_en: str = ""  # the reference and the parties in English, when they hold words of the program
    parties_en: str = ""

    def what_in(self, language: str) -> str:
        return self.what_en if language == "en" and self.what_en else self.what

    def reference_in(self, language: str) -> str:
        return self.reference_en if language == "en" and self.reference_en else self.reference

    def parties_in(self, language: str) -> str:
        return self.parties_en if language == "en" and self.parties_en else self.parties

    def explained(self, language: str) -> str:
        """The tooltip: the rule's id (A2, I2 …; none for a payment plan) before its name, and the warning
        of a deadline computed on weekends alone."""
        prefix = f"{self.rule_id} " if self.rule_id.isascii() else ""
        text = prefix + self.what_in(language)
        if not self.calendar_complete:
            text += " ⚠ " + ("holiday schedule not imported" if language == "en" else "节假日安排未导入")
        return text


@dataclass(frozen=True)
class DeskCounts:
    overdue: int
    today: int
    soon: int


class DeskProvider(Protocol):
    area: str
    permission: Permission

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        """Open time limits due on or before `until`, earliest first, at most `limit`."""

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        """How many open time limits fall due in (after, until] (after=None: no lower bound)."""


def providers() -> list[DeskProvider]:
    """Every area's providers (`desk_providers` in app/<area>/area.py), one per area key."""
    from app.kernel.areas import areas, load

    found: list[DeskProvider] = []
    for spec in areas():
        for reference in spec.desk_providers:
            provider = load(reference)
            provider = provider() if isinstance(provider, type) else provider
            if all(p.area != provider.area for p in found):
                found.append(provider)
    return found


def party_names(link: Any, case_column: Any, case_id: Any, role: str, dialect: str) -> Any:
    joined = func.string_agg(Party.name, "、") if dialect == "postgresql" else func.group_concat(Party.name, "、")
    return (
        select(joined)
        .select_from(link)
        .join(Party, Party.id == link.party_id)
        .where(case_column == case_id, link.role == role)
        .scalar_subquery()
    )


@dataclass(frozen=True)
class Desk:
    today: date
    horizon: date  # the last day of "within 3 working days"
    items: tuple[DeskItem, ...]  # earliest first, at most `limit` per area
    counts: DeskCounts

    def bucket(self, bucket: Bucket) -> list[DeskItem]:
        return [i for i in self.items if i.bucket is bucket]


class DeskService:
    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        calendar: LegalCalendar | None = None,
        today: Callable[[], date] = shanghai_today,
        sources: Sequence[DeskProvider] | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.calendar = calendar or calendar_for(store)
        self.today = today
        self._sources = sources

    def visible_providers(self) -> list[DeskProvider]:
        return [p for p in (self._sources if self._sources is not None else providers()) if self.actor.can(p.permission)]

    def horizon(self, today: date) -> date:
        return self.calendar.add_working_days(today, HORIZON_WORKING_DAYS)

    def desk(self, *, limit: int = 200) -> Desk:
        """Everything overdue, due today or due by the third working day from today
        (at most `limit` lines per area; the counts are complete)."""
        today = self.today()
        horizon = self.horizon(today)
        items: list[DeskItem] = []
        overdue = due_today = soon = 0
        with self.store.read() as session:
            for provider in self.visible_providers():
                for item in provider.items(session, until=horizon, limit=limit):
                    bucket = Bucket.OVERDUE if item.due < today else Bucket.TODAY if item.due == today else Bucket.SOON
                    items.append(_with_bucket(item, bucket))
                before = provider.count(session, after=None, until=today - _ONE_DAY)
                upto_today = provider.count(session, after=None, until=today)
                upto_horizon = provider.count(session, after=None, until=horizon)
                overdue += before
                due_today += upto_today - before
                soon += upto_horizon - upto_today
        items.sort(key=lambda i: (i.due, i.area, i.case_id))
        return Desk(today, horizon, tuple(items), DeskCounts(overdue, due_today, soon))


def _with_bucket(item: DeskItem, bucket: Bucket) -> DeskItem:
    from dataclasses import replace

    return replace(item, bucket=bucket)


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
