"""Today's desk (今日待办): what is overdue, due today and due within three
working days, across every area that has time limits.

Each area contributes through a small provider (`DeskProvider`): it answers
"your open time limits due on or before D, earliest first" and "how many
before / on / up to D" from its own indexed table.  Arbitration and mediation
are registered here; complaints join by calling `register_provider` from
their own module — the desk itself does not change.
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
from app.arbitration.models import ArbitrationCase, ArbitrationDeadline, ArbitrationParty, PartyRole
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES
from app.legal.holidays import calendar_for
from app.legal.rule_names import rule_name
from app.mediation.models import MediationCase, MediationParty, MediationStatus
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


_PROVIDERS: list[DeskProvider] = []


def register_provider(provider: DeskProvider) -> None:
    if all(p.area != provider.area for p in _PROVIDERS):
        _PROVIDERS.append(provider)


# Modules of other areas that register their provider when imported.  The desk
# is the first thing built at start-up, before any other area's service is
# imported, so it imports them itself.
PROVIDER_MODULES: tuple[str, ...] = ("app.complaints.desk",)


def providers() -> list[DeskProvider]:
    import importlib

    for name in PROVIDER_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # an area not installed in this build
            if exc.name != name:
                raise
    return list(_PROVIDERS)


def _names(link: Any, case_column: Any, case_id: Any, role: str, dialect: str) -> Any:
    joined = func.string_agg(Party.name, "、") if dialect == "postgresql" else func.group_concat(Party.name, "、")
    return (
        select(joined)
        .select_from(link)
        .join(Party, Party.id == link.party_id)
        .where(case_column == case_id, link.role == role)
        .scalar_subquery()
    )


class ArbitrationDeskProvider:
    area = "arbitration"
    permission = Permission.ARBITRATION_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        d = ArbitrationDeadline
        dialect = session.get_bind().dialect.name
        rows = session.execute(
            select(
                d.case_id, d.rule_id, d.key, d.due, d.calendar_complete, ArbitrationCase.case_no,
                ArbitrationCase.received_on,
                _names(ArbitrationParty, ArbitrationParty.case_id, d.case_id, PartyRole.APPLICANT.value, dialect),
                _names(ArbitrationParty, ArbitrationParty.case_id, d.case_id, PartyRole.RESPONDENT.value, dialect),
            )
            .join(ArbitrationCase, ArbitrationCase.id == d.case_id)
            .where(d.due <= until)
            .order_by(d.due, d.case_id, d.id)
            .limit(limit)
        ).all()
        return [
            DeskItem(
                area=self.area,
                case_id=case_id,
                reference=case_no or f"收件{received_on.isoformat()}",
                parties=f"{applicants or ''} 诉 {respondents or ''}",
                reference_en=case_no or f"received {received_on.isoformat()}",
                parties_en=f"{applicants or ''} v. {respondents or ''}",
                rule_id=rule_id,
                what=DEFAULT_RULES.get(rule_id).description if rule_id in DEFAULT_RULES else rule_id,
                what_en=rule_name(rule_id, "en", DEFAULT_RULES.get(rule_id).description
                                  if rule_id in DEFAULT_RULES else rule_id),
                due=due_on,
                calendar_complete=complete,
            )
            for case_id, rule_id, _key, due_on, complete, case_no, received_on, applicants, respondents in rows
        ]

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        statement = select(func.count()).select_from(ArbitrationDeadline).where(ArbitrationDeadline.due <= until)
        if after is not None:
            statement = statement.where(ArbitrationDeadline.due > after)
        return int(session.scalar(statement) or 0)


_MEDIATION_OPEN = (MediationStatus.APPLIED.value, MediationStatus.ACCEPTED.value)


class MediationDeskProvider:
    area = "mediation"
    permission = Permission.MEDIATION_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        c = MediationCase
        dialect = session.get_bind().dialect.name
        rows = session.execute(
            select(
                c.id, c.case_no, c.received_on, c.due_on, c.due_calendar_complete,
                _names(MediationParty, MediationParty.case_id, c.id, PartyRole.APPLICANT.value, dialect),
                _names(MediationParty, MediationParty.case_id, c.id, PartyRole.RESPONDENT.value, dialect),
            )
            .where(c.status.in_(_MEDIATION_OPEN), c.due_on <= until)
            .order_by(c.due_on, c.id)
            .limit(limit)
        ).all()
        rule = DEFAULT_RULES.get("M1")
        return [
            DeskItem(
                area=self.area,
                case_id=case_id,
                reference=case_no or f"调解申请{received_on.isoformat()}",
                parties=f"{applicants or ''} 与 {respondents or ''}",
                reference_en=case_no or f"application of {received_on.isoformat()}",
                parties_en=f"{applicants or ''} and {respondents or ''}",
                rule_id="M1",
                what=f"调解期限届满（{rule.amount}日），未达成协议的可申请仲裁",
                what_en=f"The {rule.amount}-day mediation period ends: without an agreement the parties may apply "
                        "for arbitration",
                due=due_on,
                calendar_complete=complete,
            )
            for case_id, case_no, received_on, due_on, complete, applicants, respondents in rows
        ]

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        c = MediationCase
        statement = select(func.count()).select_from(c).where(c.status.in_(_MEDIATION_OPEN), c.due_on <= until)
        if after is not None:
            statement = statement.where(c.due_on > after)
        return int(session.scalar(statement) or 0)


register_provider(ArbitrationDeskProvider())
register_provider(MediationDeskProvider())


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
