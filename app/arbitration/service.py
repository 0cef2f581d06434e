"""The arbitration docket (劳动人事争议仲裁): receive, decide, run and close a case.

The case is an explicit state machine (DOMAIN B §3.2): `TRANSITIONS` says
which action each status allows, and every write goes through `_act`, which
refuses anything else, checks that steps are recorded in date order, appends
the event to the timeline, applies the change and re-derives the deadlines
(`arbitration_deadlines.derive`) into the cache Today's desk reads — all in
one audited unit of work.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from sqlalchemy import Select, delete, exists, func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.people import display_names
from app.accounts.permissions import Permission
from app.arbitration import deadlines as deadlines_mod
from app.arbitration.deadlines import (
    CaseDeadline,
    CaseFacts,
    EventFact,
    HearingFact,
    ServiceFact,
    shanghai_today,
)
from app.arbitration.hearings import check_free, parse_hm
from app.arbitration.lifecycle import (  # the life cycle; callers import these names from here
    ACTIVE as ACTIVE,
)
from app.arbitration.lifecycle import (
    BEFORE_DECISION as BEFORE_DECISION,
)
from app.arbitration.lifecycle import (
    EVENT_LABELS as EVENT_LABELS,
)
from app.arbitration.lifecycle import (
    EVENT_LABELS_EN as EVENT_LABELS_EN,
)
from app.arbitration.lifecycle import (
    SIDE_EVENTS as SIDE_EVENTS,
)
from app.arbitration.lifecycle import (
    SIDE_EVENTS_EN as SIDE_EVENTS_EN,
)
from app.arbitration.lifecycle import (
    TRANSITIONS as TRANSITIONS,
)
from app.arbitration.lifecycle import (
    side_event_label as side_event_label,
)
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationDeadline,
    ArbitrationEvent,
    ArbitrationHearing,
    ArbitrationHearingMember,
    ArbitrationParty,
    ArbitrationService,
    ArbitrationStatus,
    ClaimCategory,
    ClaimResult,
    ClosureMethod,
    HearingStatus,
    PartyRole,
    Procedure,
)
from app.errors import UserError
from app.kernel import lifecycle
from app.kernel.numbering import allocate_number
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.settings import read_setting
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES
from app.legal.holidays import calendar_for
from app.legal.rates import format_yuan
from app.parties.models import Party
from app.store.engine import Store

S = ArbitrationStatus

STATUS_LABELS: dict[str, tuple[str, str]] = {
    S.RECEIVED: ("received, under review", "已收件待审查"),
    S.AWAITING_CORRECTION: ("awaiting correction", "待补正"),
    S.ACCEPTED: ("accepted", "已受理"),
    S.TRIBUNAL_FORMED: ("tribunal formed", "已组庭"),
    S.HEARING_SCHEDULED: ("hearing scheduled", "已排期开庭"),
    S.HEARD: ("heard", "已开庭"),
    S.SUSPENDED: ("suspended", "中止审理"),
    S.NOT_ACCEPTED: ("not accepted", "不予受理"),
    S.NOT_COMPETENT: ("referred to the competent commission", "告知向有管辖权的仲裁委申请"),
    S.WITHDRAWN_BEFORE_ACCEPTANCE: ("withdrawn before acceptance", "受理前撤回"),
    S.CLOSED: ("closed", "已结案"),
}
CLOSURE_LABELS: dict[str, tuple[str, str]] = {
    ClosureMethod.AWARD: ("award", "裁决"),
    ClosureMethod.MEDIATION: ("mediation", "调解"),
    ClosureMethod.WITHDRAWAL: ("withdrawal", "撤回"),
    ClosureMethod.REVOCATION: ("revocation", "撤销案件"),
    ClosureMethod.TERMINATION: ("termination", "终止审理"),
    ClosureMethod.TRANSFER: ("transfer", "移送管辖"),
}
CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    ClaimCategory.WAGES: ("wages", "劳动报酬"),
    ClaimCategory.OVERTIME: ("overtime pay", "加班费"),
    ClaimCategory.DOUBLE_WAGE: ("double wages (no contract)", "二倍工资差额"),
    ClaimCategory.COMPENSATION: ("severance", "经济补偿"),
    ClaimCategory.DAMAGES: ("damages for unlawful dismissal", "违法解除赔偿金"),
    ClaimCategory.INJURY_MEDICAL: ("work-injury medical expenses", "工伤医疗费"),
    ClaimCategory.INJURY: ("other work-injury benefits (lump sums …)", "其他工伤待遇（一次性伤残补助金等）"),
    ClaimCategory.SOCIAL_INSURANCE: ("social insurance", "社会保险"),
    ClaimCategory.ANNUAL_LEAVE: ("annual-leave pay", "年休假工资"),
    ClaimCategory.CONFIRM_RELATIONSHIP: ("confirm the employment relationship", "确认劳动关系"),
    ClaimCategory.OTHER: ("other", "其他"),
}
PROCEDURE_LABELS = {Procedure.ORDINARY: ("ordinary", "一般程序"), Procedure.SIMPLE: ("simple", "简易处理")}
ROLE_LABELS = {
    PartyRole.APPLICANT: ("applicant", "申请人"),
    PartyRole.RESPONDENT: ("respondent", "被申请人"),
    PartyRole.THIRD_PARTY: ("third party", "第三人"),
}
SERVICE_DOCUMENTS: dict[str, str] = {
    "acceptance_notice": "受理通知书",
    "application_copy": "仲裁申请书副本及应诉通知书",
    "tribunal_notice": "组庭通知书",
    "hearing_notice": "开庭通知书",
    "award": "仲裁裁决书",
    "mediation_statement": "仲裁调解书",
    "other": "其他文书",
}
SERVICE_METHODS = ("direct", "post", "electronic", "left_at_address", "public_notice")

# 办案规则 (2017) art 31: an application failing art 30 items (1)–(3) is refused with a 不予受理通知书.
REFUSAL_GROUNDS: dict[str, str] = {
    "outside_scope": "不属于《劳动人事争议仲裁办案规则》第二条规定的争议范围（第三十条第一项）",
    "no_clear_claim": "没有明确的仲裁请求和事实理由（第三十条第二项）",
    "no_direct_interest": "申请人不是与本案有直接利害关系的自然人、法人或者其他组织（第三十条第三项）",
    "no_clear_respondent": "没有明确的被申请人（第三十条第三项）",
}
# The same grounds for the English interface (the notice itself quotes the Chinese words).
REFUSAL_GROUNDS_EN: dict[str, str] = {
    "outside_scope": "Not a dispute within art. 2 of the Arbitration Rules (art. 30 item 1)",
    "no_clear_claim": "No clear claim, facts and reasons (art. 30 item 2)",
    "no_direct_interest": "The applicant has no direct interest in the case (art. 30 item 3)",
    "no_clear_respondent": "No clear respondent (art. 30 item 3)",
}


def refusal_ground_code(ground: str) -> str | None:
    """The code of a refusal ground given by its code or its words (or the words' start)."""
    wanted = (ground or "").strip()
    if wanted in REFUSAL_GROUNDS:
        return wanted
    for code, words in REFUSAL_GROUNDS.items():
        if wanted and (words.startswith(wanted) or wanted.startswith(words)):
            return code
    return None


FINAL_MONETARY = frozenset(
    {ClaimCategory.WAGES, ClaimCategory.OVERTIME, ClaimCategory.DOUBLE_WAGE, ClaimCategory.COMPENSATION,
     ClaimCategory.DAMAGES, ClaimCategory.INJURY_MEDICAL}
)
FINAL_STANDARDS = frozenset({ClaimCategory.SOCIAL_INSURANCE, ClaimCategory.ANNUAL_LEAVE})


def status_label(status: str, language: str = "zh_CN") -> str:
    en, zh = STATUS_LABELS.get(status, (status, status))
    return en if language == "en" else zh


RESULT_LABELS: dict[str, tuple[str, str]] = {
    ClaimResult.UPHELD: ("upheld", "支持"),
    ClaimResult.PARTLY_UPHELD: ("partly upheld", "部分支持"),
    ClaimResult.DISMISSED: ("dismissed", "驳回"),
    ClaimResult.WITHDRAWN: ("withdrawn", "撤回"),
}
HEARING_STATUS_LABELS: dict[str, tuple[str, str]] = {
    HearingStatus.SCHEDULED: ("scheduled", "已排期"),
    HearingStatus.POSTPONED: ("postponed", "已延期"),
    HearingStatus.HELD: ("held", "已开庭"),
    HearingStatus.CANCELLED: ("cancelled", "已取消"),
}


def result_label(result: str | None, language: str = "zh_CN") -> str:
    """A claim's result as the award words it (支持, 部分支持 …); "" when none yet."""
    if not result:
        return ""
    en, zh = RESULT_LABELS.get(result, (result, result))
    return en if language == "en" else zh


def hearing_status_label(status: str, language: str = "zh_CN") -> str:
    en, zh = HEARING_STATUS_LABELS.get(status, (status, status))
    return en if language == "en" else zh


def event_label(kind: str, language: str = "zh_CN") -> str:
    """A step of the timeline by its kind alone (the audit log's 办案经过 entries)."""
    return (EVENT_LABELS_EN if language == "en" else EVENT_LABELS).get(kind, kind)


# ------------------------------------------------------------------ finality (法 art 47)


def minimum_wage_on(table: Sequence[Mapping[str, Any]], on: date) -> int:
    """The monthly minimum wage (fen) in force on `on`: the latest row effective by then."""
    best: tuple[date, int] | None = None
    for row in table:
        effective = date.fromisoformat(str(row["effective"]))
        if effective <= on and (best is None or effective > best[0]):
            best = (effective, int(row["monthly_fen"]))
    if best is None:
        raise ValueError(f"no minimum wage in force on {on}")
    return best[1]


def is_final(category: str, awarded_fen: int, monthly_minimum_fen: int) -> bool:
    """终局: a 劳动报酬/工伤医疗费/经济补偿/赔偿金 item whose awarded amount is at most
    12 months' minimum wage, or an item under the national standards on
    working time, rest and leave, or social insurance.  Each item on its own."""
    if category in FINAL_STANDARDS:
        return True
    return category in FINAL_MONETARY and 0 <= awarded_fen <= 12 * monthly_minimum_fen


# ------------------------------------------------------------------ inputs and views


@dataclass(frozen=True)
class ClaimInput:
    category: str
    amount_fen: int
    description: str = ""
    period_from: date | None = None
    period_to: date | None = None


@dataclass(frozen=True)
class AwardItem:
    claim_id: int
    awarded_fen: int
    result: str


@dataclass(frozen=True)
class DocketRow:
    id: int
    version: int
    case_no: str
    status: str
    procedure: str
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    closure_method: str | None
    applicants: str
    respondents: str
    claimed_fen: int
    next_due: date | None
    chief_arbitrator: str = ""


@dataclass(frozen=True)
class PartyView:
    party_id: int
    name: str
    role: str
    kind: str
    added_on: date | None


@dataclass(frozen=True)
class ClaimView:
    id: int
    position: int
    category: str
    description: str
    period_from: date | None
    period_to: date | None
    amount_claimed_fen: int
    original_amount_fen: int | None
    amount_awarded_fen: int | None
    amount_mediated_fen: int | None
    result: str | None
    final: bool | None
    withdrawn: bool


@dataclass(frozen=True)
class EventView:
    id: int
    kind: str
    on: date
    details: dict[str, Any]
    note: str
    actor: str

    @property
    def label(self) -> str:
        return self.label_in("zh_CN")

    def label_in(self, language: str) -> str:
        """The step as the timeline names it, in this language."""
        if self.kind == "record_side_event":
            return side_event_label(str(self.details.get("what") or "other"), language)
        if self.kind == "close_withdrawal" and self.details.get("deemed"):
            return "Closed as deemed withdrawn" if language == "en" else "按撤回处理结案"
        labels = EVENT_LABELS_EN if language == "en" else EVENT_LABELS
        return labels.get(self.kind, self.kind)


@dataclass(frozen=True)
class HearingView:
    id: int
    held_on: date
    starts_at: time
    ends_at: time
    room: str
    status: str
    notice_served_on: date | None
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class ServiceView:
    id: int
    document: str
    party_id: int
    party_name: str
    method: str
    served_on: date
    notice_days: int


@dataclass(frozen=True)
class CaseView:
    id: int
    version: int
    case_no: str
    status: str
    procedure: str
    cause: str
    facts: str
    collective: bool
    received_on: date
    decided_on: date | None
    accepted_on: date | None
    closed_on: date | None
    closure_method: str | None
    closure_note: str | None
    refusal_ground: str | None
    extension_days: int
    claimed_fen: int
    accepted_claims_fen: int | None
    awarded_fen: int | None
    tribunal: dict[str, tuple[int, str] | None]
    from_mediation_id: int | None
    parties: tuple[PartyView, ...]
    claims: tuple[ClaimView, ...]
    events: tuple[EventView, ...]
    hearings: tuple[HearingView, ...]
    services: tuple[ServiceView, ...]
    deadlines: tuple[CaseDeadline, ...] = field(default=())

    def names(self, role: str) -> list[str]:
        return [p.name for p in self.parties if p.role == role]

    @property
    def status_text(self) -> str:
        text = status_label(self.status)
        if self.closure_method:
            text += f"（{CLOSURE_LABELS[self.closure_method][1]}）"
        return text


@dataclass(frozen=True)
class YearCounts:
    """The yearly report's arbitration figures (DOMAIN A3, B §5.2), each by its own date."""

    received: int
    accepted: int
    not_accepted: int
    not_competent: int
    withdrawn_before_decision: int
    closed_by: dict[str, int]
    pending_at_year_end: int
    amount_in_dispute_fen: int
    pending_at_year_start: int = 0  # B
    received_under_review_at_year_end: int = 0  # received in the year, still awaiting a decision (or 补正)
    decided_from_earlier_years: int = 0  # decisions in the year on applications received before it

    @property
    def closed(self) -> int:
        return sum(self.closed_by.values())

    @property
    def stock_and_flow_holds(self) -> bool:
        """B + A = C + E (DOMAIN B §5.2)."""
        return self.pending_at_year_start + self.accepted == self.closed + self.pending_at_year_end

    @property
    def receipts_reconcile(self) -> bool:
        """R = A + N + J + W₀ + ΔP, counting the decisions on this year's receipts
        (ΔP: this year's applications still under review at year end, less the
        decisions taken this year on earlier years' applications)."""
        decided = self.accepted + self.not_accepted + self.not_competent + self.withdrawn_before_decision
        return self.received == decided - self.decided_from_earlier_years + self.received_under_review_at_year_end


# ------------------------------------------------------------------ the service


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
    applicants: Sequence[int],
    respondents: Sequence[int],
    claims: Sequence[ClaimInput],
    received_on: date,
    cause: str = "",
    facts: str = "",
    procedure: str = Procedure.ORDINARY.value,
    collective: bool = False,
    from_mediation_id: int | None = None,
    note: str = "",
    calendar: LegalCalendar | None = None,
) -> ArbitrationCase:
    """A received application inside the caller's unit of work (receive, and 转仲裁)."""
    session = uow.session
    _check_date(received_on, "received_on")
    cleaned = clean_claims(claims)
    _check_parties(session, applicants, respondents)
    procedure = Procedure(procedure).value
    case = ArbitrationCase(
        status=S.RECEIVED.value, procedure=procedure, cause=cause.strip(), facts=facts.strip(),
        collective=collective, received_on=received_on, extension_days=0,
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
    _refresh_deadlines(session, case, calendar or calendar_for(uow.store))
    return case


def _facts(session: Session, case: ArbitrationCase) -> CaseFacts:
    events = session.execute(
        select(ArbitrationEvent.kind, ArbitrationEvent.on, ArbitrationEvent.details)
        .where(ArbitrationEvent.case_id == case.id)
        .order_by(ArbitrationEvent.on, ArbitrationEvent.id)
    ).all()
    respondents = session.scalars(
        select(ArbitrationParty.party_id).where(
            ArbitrationParty.case_id == case.id, ArbitrationParty.role == PartyRole.RESPONDENT.value
        )
    ).all()
    hearings = session.execute(
        select(ArbitrationHearing.id, ArbitrationHearing.held_on, ArbitrationHearing.status,
               ArbitrationHearing.notice_served_on).where(ArbitrationHearing.case_id == case.id)
        .order_by(ArbitrationHearing.id)
    ).all()
    services = session.execute(
        select(ArbitrationService.document, ArbitrationService.party_id, ArbitrationService.served_on,
               ArbitrationService.notice_days).where(ArbitrationService.case_id == case.id)
        .order_by(ArbitrationService.served_on, ArbitrationService.id)
    ).all()
    non_final = session.scalar(
        select(func.count()).select_from(ArbitrationClaim).where(
            ArbitrationClaim.case_id == case.id, ArbitrationClaim.final.is_(False)
        )
    )
    return CaseFacts(
        status=case.status,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        decided_on=case.decided_on,
        closed_on=case.closed_on,
        extension_days=case.extension_days or 0,
        respondent_ids=tuple(respondents),
        events=tuple(EventFact(k, on, json.loads(d or "{}")) for k, on, d in events),
        hearings=tuple(HearingFact(*h) for h in hearings),
        services=tuple(ServiceFact(*s) for s in services),
        any_non_final=bool(non_final) or case.closure_method != ClosureMethod.AWARD.value,
    )


def _refresh_deadlines(session: Session, case: ArbitrationCase, calendar: LegalCalendar) -> list[CaseDeadline]:
    derived = deadlines_mod.derive(_facts(session, case), calendar=calendar, rules=DEFAULT_RULES)
    session.execute(delete(ArbitrationDeadline).where(ArbitrationDeadline.case_id == case.id))
    for d in deadlines_mod.open_institute_deadlines(derived):
        session.add(
            ArbitrationDeadline(
                case_id=case.id, key=d.key, rule_id=d.rule_id, start=d.deadline.start, due=d.due,
                calendar_complete=d.deadline.calendar_complete,
                calendar_version=d.deadline.calendar_version, rule_version=d.deadline.rule_version,
            )
        )
    return derived


def _next_due_subquery() -> Any:
    return (
        select(func.min(ArbitrationDeadline.due))
        .where(ArbitrationDeadline.case_id == ArbitrationCase.id)
        .correlate(ArbitrationCase)
        .scalar_subquery()
    )


def _names_subquery(role: PartyRole, dialect: str) -> Any:
    joined = func.string_agg(Party.name, "、") if dialect == "postgresql" else func.group_concat(Party.name, "、")
    return (
        select(joined)
        .select_from(ArbitrationParty)
        .join(Party, Party.id == ArbitrationParty.party_id)
        .where(ArbitrationParty.case_id == ArbitrationCase.id, ArbitrationParty.role == role.value)
        .correlate(ArbitrationCase)
        .scalar_subquery()
    )


class ArbitrationCaseService:
    """Use cases of the docket.  `calendar` defaults to the shipped legal calendar;
    `today` (for the overdue filter) to the system date."""

    def __init__(self, store: Store, actor: Actor, *, calendar: LegalCalendar | None = None,
                 today: Callable[[], date] = shanghai_today) -> None:
        self.store = store
        self.actor = actor
        self.calendar = calendar or calendar_for(store)
        self.today = today

    # ---------------------------------------------------------------- reads
    def query(
        self,
        *,
        status: str | Sequence[str] | None = None,
        procedure: str | None = None,
        arbitrator_id: int | None = None,
        received: tuple[date | None, date | None] = (None, None),
        accepted: tuple[date | None, date | None] = (None, None),
        closed: tuple[date | None, date | None] = (None, None),
        overdue: bool = False,
        text: str = "",
        descending: bool = True,
    ) -> PagedQuery[DocketRow]:
        """The docket, newest received first, filtered in SQL."""
        self.actor.require(Permission.ARBITRATION_VIEW)
        c = ArbitrationCase
        next_due = _next_due_subquery().label("next_due")
        statement: Select[Any] = select(
            c.id, c.version, c.case_no, c.status, c.procedure, c.received_on, c.accepted_on, c.closed_on,
            c.closure_method, c.claimed_fen,
            _names_subquery(PartyRole.APPLICANT, self.store.dialect).label("applicants"),
            _names_subquery(PartyRole.RESPONDENT, self.store.dialect).label("respondents"),
            next_due,
            select(User.display_name).where(User.id == c.chief_arbitrator_id).correlate(c).scalar_subquery()
            .label("chief"),
        )
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            statement = statement.where(c.status.in_(statuses))
        if procedure:
            statement = statement.where(c.procedure == procedure)
        if arbitrator_id is not None:
            statement = statement.where(
                (c.chief_arbitrator_id == arbitrator_id) | (c.arbitrator_2_id == arbitrator_id)
                | (c.arbitrator_3_id == arbitrator_id)
            )
        for column, (lo, hi) in ((c.received_on, received), (c.accepted_on, accepted), (c.closed_on, closed)):
            if lo is not None:
                statement = statement.where(column >= lo)
            if hi is not None:
                statement = statement.where(column <= hi)
        if overdue:
            # driven from the (small, indexed) deadlines cache, not a probe per case
            statement = statement.where(
                c.id.in_(select(ArbitrationDeadline.case_id).where(ArbitrationDeadline.due < self.today()))
            )
        words = text.strip()
        if words:
            like = f"%{words}%"
            statement = statement.where(
                c.case_no.like(like)
                | exists(
                    select(ArbitrationParty.id)
                    .join(Party, Party.id == ArbitrationParty.party_id)
                    .where(ArbitrationParty.case_id == c.id, Party.name.like(like))
                )
            )
        return PagedQuery(self.store, statement, SortSpec([c.received_on, c.id], descending), _docket_row)

    def get(self, case_id: int) -> CaseView:
        self.actor.require(Permission.ARBITRATION_VIEW)
        with self.store.read() as session:
            case = session.get(ArbitrationCase, case_id)
            if case is None:
                raise UserError("arbitration.not_found")
            return self._view(session, case)

    def _view(self, session: Session, case: ArbitrationCase, derived: list[CaseDeadline] | None = None) -> CaseView:
        """The case as pages see it; `derived`: its deadlines when the caller has just derived them
        from the same facts (a step: _refresh_deadlines), so they are not read and derived twice."""
        if derived is None:
            derived = deadlines_mod.derive(_facts(session, case), calendar=self.calendar, rules=DEFAULT_RULES)
        parties = session.execute(
            select(ArbitrationParty.party_id, Party.name, ArbitrationParty.role, Party.kind, ArbitrationParty.added_on)
            .join(Party, Party.id == ArbitrationParty.party_id)
            .where(ArbitrationParty.case_id == case.id)
            .order_by(ArbitrationParty.role, ArbitrationParty.position, ArbitrationParty.id)
        ).all()
        claims = session.scalars(
            select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id)
            .order_by(ArbitrationClaim.position, ArbitrationClaim.id)
        ).all()
        events = session.scalars(
            select(ArbitrationEvent).where(ArbitrationEvent.case_id == case.id)
            .order_by(ArbitrationEvent.on, ArbitrationEvent.id)
        ).all()
        hearings = session.scalars(
            select(ArbitrationHearing).where(ArbitrationHearing.case_id == case.id).order_by(ArbitrationHearing.id)
        ).all()
        members: dict[int, list[int]] = {}
        for hid, uid in session.execute(
            select(ArbitrationHearingMember.hearing_id, ArbitrationHearingMember.user_id)
            .where(ArbitrationHearingMember.hearing_id.in_([h.id for h in hearings]))
            .order_by(ArbitrationHearingMember.id)
        ):
            members.setdefault(hid, []).append(uid)
        services = session.execute(
            select(ArbitrationService, Party.name).join(Party, Party.id == ArbitrationService.party_id)
            .where(ArbitrationService.case_id == case.id).order_by(ArbitrationService.served_on, ArbitrationService.id)
        ).all()
        user_ids = [i for i in (case.chief_arbitrator_id, case.arbitrator_2_id, case.arbitrator_3_id, case.clerk_id) if i]
        users = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids))).all())

        people = display_names(session, (e.actor for e in events))  # the person's name, not the login

        def member(uid: int | None) -> tuple[int, str] | None:
            return (uid, users.get(uid, "")) if uid else None

        return CaseView(
            id=case.id, version=case.version, case_no=case.case_no or "", status=case.status,
            procedure=case.procedure, cause=case.cause, facts=case.facts, collective=case.collective,
            received_on=case.received_on, decided_on=case.decided_on, accepted_on=case.accepted_on,
            closed_on=case.closed_on, closure_method=case.closure_method, closure_note=case.closure_note,
            refusal_ground=case.refusal_ground, extension_days=case.extension_days or 0,
            claimed_fen=case.claimed_fen, accepted_claims_fen=case.accepted_claims_fen, awarded_fen=case.awarded_fen,
            tribunal={
                "chief": member(case.chief_arbitrator_id), "second": member(case.arbitrator_2_id),
                "third": member(case.arbitrator_3_id), "clerk": member(case.clerk_id),
            },
            from_mediation_id=case.from_mediation_id,
            parties=tuple(PartyView(*p) for p in parties),
            claims=tuple(
                ClaimView(c.id, c.position, c.category, c.description, c.period_from, c.period_to,
                          c.amount_claimed_fen, c.original_amount_fen, c.amount_awarded_fen, c.amount_mediated_fen,
                          c.result, c.final, c.withdrawn)
                for c in claims
            ),
            events=tuple(EventView(e.id, e.kind, e.on, json.loads(e.details or "{}"), e.note, people.get(e.actor, e.actor))
                         for e in events),
            hearings=tuple(
                HearingView(h.id, h.held_on, parse_hm(h.starts_at), parse_hm(h.ends_at), h.room, h.status, h.notice_served_on,
                            tuple(members.get(h.id, ())))
                for h in hearings
            ),
            services=tuple(
                ServiceView(s.id, s.document, s.party_id, name, s.method, s.served_on, s.notice_days)
                for s, name in services
            ),
            deadlines=tuple(derived),
        )

    def find_by_mediation(self, mediation_id: int) -> int | None:
        self.actor.require(Permission.ARBITRATION_VIEW)
        with self.store.read() as session:
            return session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.from_mediation_id == mediation_id))

    def year_counts(self, year: int) -> YearCounts:
        """The yearly report's figures, straight from the milestone columns."""
        self.actor.require(Permission.ARBITRATION_VIEW)
        c = ArbitrationCase
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        with self.store.read() as session:
            def count(*where: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(c).where(*where)) or 0)

            closed_by = dict(
                session.execute(
                    select(c.closure_method, func.count()).where(c.closed_on.between(lo, hi))
                    .group_by(c.closure_method)
                ).all()
            )
            amount = session.scalar(
                select(func.coalesce(func.sum(c.accepted_claims_fen), 0)).where(c.accepted_on.between(lo, hi))
            )
            return YearCounts(
                received=count(c.received_on.between(lo, hi)),
                accepted=count(c.accepted_on.between(lo, hi)),
                not_accepted=count(c.status == S.NOT_ACCEPTED.value, c.decided_on.between(lo, hi)),
                not_competent=count(c.status == S.NOT_COMPETENT.value, c.decided_on.between(lo, hi)),
                withdrawn_before_decision=count(
                    c.status == S.WITHDRAWN_BEFORE_ACCEPTANCE.value, c.decided_on.between(lo, hi)
                ),
                closed_by={k: int(v) for k, v in closed_by.items()},
                pending_at_year_end=count(c.accepted_on <= hi, (c.closed_on.is_(None)) | (c.closed_on > hi)),
                amount_in_dispute_fen=int(amount or 0),
                pending_at_year_start=count(c.accepted_on < lo, (c.closed_on.is_(None)) | (c.closed_on >= lo)),
                received_under_review_at_year_end=count(
                    c.received_on.between(lo, hi), (c.decided_on.is_(None)) | (c.decided_on > hi)
                ),
                decided_from_earlier_years=count(c.decided_on.between(lo, hi), c.received_on < lo),
            )

    # ---------------------------------------------------------------- writes
    def receive(
        self,
        *,
        applicants: Sequence[int],
        respondents: Sequence[int],
        claims: Sequence[ClaimInput],
        received_on: date,
        cause: str = "",
        facts: str = "",
        procedure: str = Procedure.ORDINARY.value,
        collective: bool = False,
    ) -> int:
        with UnitOfWork(self.store, self.actor, Permission.ARBITRATION_RECEIVE) as uow:
            case = create_received_case(
                uow, applicants=applicants, respondents=respondents, claims=claims, received_on=received_on,
                cause=cause, facts=facts, procedure=procedure, collective=collective, calendar=self.calendar,
            )
            return case.id

    def _act(
        self,
        case_id: int,
        action: str,
        on: date,
        apply: Callable[[UnitOfWork, ArbitrationCase], dict[str, Any] | None],
        *,
        note: str = "",
        version: int | None = None,
    ) -> CaseView:
        transition = TRANSITIONS[action]
        _check_date(on)
        with UnitOfWork(self.store, self.actor, transition.permission) as uow:
            session = uow.session
            case = session.get(ArbitrationCase, case_id)
            if case is None:
                raise UserError("arbitration.not_found")
            if version is not None and case.version != version:
                raise changed_elsewhere(uow.session, case)
            if not transition.allows(case.status):
                en, zh = STATUS_LABELS[case.status]
                raise UserError("arbitration.transition_refused", action_en=transition.label_en,
                                action_zh=transition.label_zh,
                                status_en=en, status_zh=zh)
            previous = session.scalar(select(func.max(ArbitrationEvent.on)).where(ArbitrationEvent.case_id == case.id))
            if previous is not None and on < previous:
                raise UserError("arbitration.date_before_previous", field="on", date=on.isoformat(),
                                previous=previous.isoformat())
            details = apply(uow, case) or {}
            session.add(ArbitrationEvent(case_id=case.id, kind=action, on=on, details=json.dumps(details, ensure_ascii=False, default=str),
                                         note=note.strip(), actor=self.actor.username))
            uow.flush()
            derived = _refresh_deadlines(session, case, self.calendar)
            uow.flush()
            return self._view(session, case, derived)

    # -- before the decision
    def request_correction(self, case_id: int, on: date, note: str, **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not note.strip():
                raise UserError("arbitration.ground_required", field="note")
            case.status = S.AWAITING_CORRECTION.value
            case.correction_requested_on = on
            return {}
        return self._act(case_id, "request_correction", on, apply, note=note, **kw)

    def correct(self, case_id: int, on: date, note: str = "", **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            case.status = S.RECEIVED.value
            case.corrected_on = on
        return self._act(case_id, "correct", on, apply, note=note, **kw)

    def accept(self, case_id: int, on: date, note: str = "", **kw: Any) -> CaseView:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            case.case_no = allocate_number(uow, "arbitration", on.year, record_table=ArbitrationCase.__tablename__,
                                           record_id=case.id)
            case.status = S.ACCEPTED.value
            case.decided_on = case.accepted_on = on
            claims = uow.session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id)).all()
            for claim in claims:
                claim.original_amount_fen = claim.amount_claimed_fen
            case.accepted_claims_fen = sum(cl.amount_claimed_fen for cl in claims if not cl.withdrawn)
            return {"case_no": case.case_no}
        return self._act(case_id, "accept", on, apply, note=note, **kw)

    def _decide_against(self, case_id: int, on: date, action: str, status: S, ground: str, **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            if not ground.strip():
                raise UserError("arbitration.ground_required", field="ground")
            case.status = status.value
            case.decided_on = on
            case.refusal_ground = ground.strip()
        return self._act(case_id, action, on, apply, note=ground, **kw)

    def refuse(self, case_id: int, on: date, ground: str, detail: str = "", **kw: Any) -> CaseView:
        """不予受理 (办案规则 art 31) on one of the rules' own grounds (art 30 items (1)–(3)), given by
        its code or its words, with the particulars in `detail`.  时效 and whether an employment
        relationship exists are merits questions decided after acceptance, not refusal grounds;
        a case outside this commission's jurisdiction (item (4)) is `not_competent`, not refused."""
        code = refusal_ground_code(ground)
        if code is None:
            raise UserError("arbitration.refusal_ground_unknown", field="ground", value=ground.strip(),
                            grounds="；".join(REFUSAL_GROUNDS.values()))
        text = REFUSAL_GROUNDS[code] + (f"：{detail.strip()}" if detail.strip() else "")
        return self._decide_against(case_id, on, "refuse", S.NOT_ACCEPTED, text, **kw)

    def not_competent(self, case_id: int, on: date, competent_body: str, **kw: Any) -> CaseView:
        return self._decide_against(case_id, on, "not_competent", S.NOT_COMPETENT, competent_body, **kw)

    def withdraw_before_acceptance(self, case_id: int, on: date, reason: str, **kw: Any) -> CaseView:
        return self._decide_against(case_id, on, "withdraw_before_acceptance", S.WITHDRAWN_BEFORE_ACCEPTANCE, reason, **kw)

    # -- running the case
    def form_tribunal(self, case_id: int, on: date, *, chief_id: int, clerk_id: int,
                      arbitrator_2_id: int | None = None, arbitrator_3_id: int | None = None, **kw: Any) -> CaseView:
        return self._tribunal(case_id, on, "form_tribunal", (chief_id, arbitrator_2_id, arbitrator_3_id), clerk_id, **kw)

    def change_tribunal(self, case_id: int, on: date, *, chief_id: int, clerk_id: int,
                        arbitrator_2_id: int | None = None, arbitrator_3_id: int | None = None, **kw: Any) -> CaseView:
        """The tribunal formed anew (a member replaced after a 回避决定 …), before a hearing is scheduled."""
        return self._tribunal(case_id, on, "change_tribunal", (chief_id, arbitrator_2_id, arbitrator_3_id), clerk_id, **kw)

    def _tribunal(self, case_id: int, on: date, action: str, arbitrators: tuple[int, int | None, int | None],
                  clerk_id: int, **kw: Any) -> CaseView:
        chief_id, arbitrator_2_id, arbitrator_3_id = arbitrators

        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            members = [m for m in (chief_id, arbitrator_2_id, arbitrator_3_id) if m]
            if case.procedure == Procedure.ORDINARY.value and len(members) != 3:
                raise UserError("arbitration.tribunal_incomplete", field="arbitrators")
            if not clerk_id:
                raise UserError("arbitration.clerk_required", field="clerk")
            everyone = [*members, clerk_id]
            if len(set(everyone)) != len(everyone):
                raise UserError("arbitration.tribunal_member_twice", field="arbitrators")
            found = set(uow.session.scalars(select(User.id).where(User.id.in_(everyone))).all())
            if found != set(everyone):
                raise UserError("arbitration.user_not_found", field="arbitrators")
            case.chief_arbitrator_id = chief_id
            case.arbitrator_2_id = arbitrator_2_id
            case.arbitrator_3_id = arbitrator_3_id
            case.clerk_id = clerk_id
            case.status = S.TRIBUNAL_FORMED.value
            return {"chief": chief_id, "arbitrators": members, "clerk": clerk_id}
        return self._act(case_id, action, on, apply, **kw)

    def record_service(self, case_id: int, *, document: str, party_id: int, method: str, served_on: date,
                       notice_days: int = 0, **kw: Any) -> CaseView:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if document not in SERVICE_DOCUMENTS:
                raise UserError("arbitration.document_unknown", field="document", value=document)
            in_case = uow.session.scalar(select(ArbitrationParty.id).where(
                ArbitrationParty.case_id == case.id, ArbitrationParty.party_id == party_id))
            if in_case is None:
                raise UserError("arbitration.party_not_in_case", field="party")
            if notice_days < 0:
                raise UserError("arbitration.amount_negative", field="notice_days")
            uow.session.add(ArbitrationService(case_id=case.id, document=document, party_id=party_id,
                                               method=method, served_on=served_on, notice_days=notice_days))
            if document == "hearing_notice":
                hearing = uow.session.scalars(select(ArbitrationHearing).where(
                    ArbitrationHearing.case_id == case.id,
                    ArbitrationHearing.status == HearingStatus.SCHEDULED.value).order_by(ArbitrationHearing.id.desc())).first()
                if hearing is not None and hearing.notice_served_on is None:
                    hearing.notice_served_on = served_on
            return {"document": document, "party_id": party_id, "method": method}
        return self._act(case_id, "record_service", served_on, apply, **kw)

    def record_answer(self, case_id: int, on: date, note: str = "", **kw: Any) -> CaseView:
        return self._act(case_id, "record_answer", on, lambda u, c: None, note=note, **kw)

    def schedule_hearing(self, case_id: int, on: date, *, held_on: date, starts_at: time, ends_at: time,
                         room: str, **kw: Any) -> CaseView:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            members = [m for m in (case.chief_arbitrator_id, case.arbitrator_2_id, case.arbitrator_3_id) if m]
            if not members:
                raise UserError("arbitration.no_tribunal")
            check_free(uow.session, held_on, starts_at, ends_at, room, members)
            hearing = ArbitrationHearing(case_id=case.id, held_on=held_on, starts_at=starts_at.strftime("%H:%M"),
                                         ends_at=ends_at.strftime("%H:%M"), room=room.strip(),
                                         status=HearingStatus.SCHEDULED.value)
            uow.session.add(hearing)
            uow.flush()
            for m in members:
                uow.session.add(ArbitrationHearingMember(hearing_id=hearing.id, user_id=m, held_on=held_on))
            case.status = S.HEARING_SCHEDULED.value
            return {"hearing_id": hearing.id, "held_on": held_on.isoformat(), "starts_at": starts_at.strftime("%H:%M"),
                    "room": room.strip()}
        return self._act(case_id, "schedule_hearing", on, apply, **kw)

    def _hearing(self, session: Session, case: ArbitrationCase, hearing_id: int) -> ArbitrationHearing:
        hearing = session.get(ArbitrationHearing, hearing_id)
        if hearing is None or hearing.case_id != case.id:
            raise UserError("arbitration.hearing_not_found")
        return hearing

    def postpone_hearing(self, case_id: int, on: date, *, hearing_id: int, reason: str,
                         held_on: date, starts_at: time, ends_at: time, room: str | None = None, **kw: Any) -> CaseView:
        """延期开庭: the old hearing is marked postponed and a new one booked."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            old = self._hearing(uow.session, case, hearing_id)
            new_room = (room or old.room).strip()
            members = list(uow.session.scalars(select(ArbitrationHearingMember.user_id).where(
                ArbitrationHearingMember.hearing_id == old.id)).all())
            check_free(uow.session, held_on, starts_at, ends_at, new_room, members, exclude_hearing_id=old.id)
            old.status = HearingStatus.POSTPONED.value
            hearing = ArbitrationHearing(case_id=case.id, held_on=held_on, starts_at=starts_at.strftime("%H:%M"),
                                         ends_at=ends_at.strftime("%H:%M"), room=new_room,
                                         status=HearingStatus.SCHEDULED.value)
            uow.session.add(hearing)
            uow.flush()
            for m in members:
                uow.session.add(ArbitrationHearingMember(hearing_id=hearing.id, user_id=m, held_on=held_on))
            return {"postponed": old.id, "hearing_id": hearing.id, "held_on": held_on.isoformat()}
        return self._act(case_id, "postpone_hearing", on, apply, note=reason, **kw)

    def hold_hearing(self, case_id: int, on: date, *, hearing_id: int, note: str = "", **kw: Any) -> CaseView:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            hearing = self._hearing(uow.session, case, hearing_id)
            hearing.status = HearingStatus.HELD.value
            case.status = S.HEARD.value
            return {"hearing_id": hearing.id}
        return self._act(case_id, "hold_hearing", on, apply, note=note, **kw)

    def suspend(self, case_id: int, on: date, *, ground: str, approver: str, **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if not ground.strip():
                raise UserError("arbitration.ground_required", field="ground")
            if not approver.strip():
                raise UserError("arbitration.approver_required", field="approver")
            case.resume_status = case.status
            case.status = S.SUSPENDED.value
            return {"ground": ground.strip(), "approver": approver.strip()}
        return self._act(case_id, "suspend", on, apply, note=ground, **kw)

    def resume(self, case_id: int, on: date, note: str = "", **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> None:
            case.status = case.resume_status or S.ACCEPTED.value
            case.resume_status = None
        return self._act(case_id, "resume", on, apply, note=note, **kw)

    def extend(self, case_id: int, on: date, *, days: int, approver: str, reason: str = "", **kw: Any) -> CaseView:
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            if case.extension_days:
                raise UserError("arbitration.extension_once")
            if not approver.strip():
                raise UserError("arbitration.approver_required", field="approver")
            rule = DEFAULT_RULES.get("A9")
            if days <= 0 or (rule.max_extension is not None and days > rule.max_extension):
                raise UserError("deadline.extension_too_long", field="days", rule="A9", maximum=rule.max_extension,
                                unit_zh=rule.unit.zh, unit_en=rule.unit.en)
            case.extension_days = days
            return {"days": days, "approver": approver.strip()}
        return self._act(case_id, "extend", on, apply, note=reason, **kw)

    def convert_procedure(self, case_id: int, on: date, procedure: str, note: str = "", **kw: Any) -> CaseView:
        """简易↔一般 (规则 art 61: the clock keeps running from the original acceptance)."""
        def apply(_uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            new = Procedure(procedure).value
            if new == case.procedure:
                raise UserError("arbitration.procedure_same")
            old, case.procedure = case.procedure, new
            return {"from": old, "to": new}
        return self._act(case_id, "convert_procedure", on, apply, note=note, **kw)

    def add_party(self, case_id: int, on: date, *, party_id: int, role: str, **kw: Any) -> CaseView:
        """追加当事人: the 45 days restart from the decision to add (A9a)."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            try:
                role_value = PartyRole(role).value
            except ValueError as exc:
                raise UserError("arbitration.party_role_unknown", field="role", value=role) from exc
            party = uow.session.get(Party, party_id)
            if party is None:
                raise UserError("arbitration.party_not_found", field="party")
            if uow.session.scalar(select(ArbitrationParty.id).where(
                    ArbitrationParty.case_id == case.id, ArbitrationParty.party_id == party_id)):
                raise UserError("arbitration.party_twice", field="party", name=party.name)
            position = uow.session.scalar(select(func.count()).select_from(ArbitrationParty).where(
                ArbitrationParty.case_id == case.id, ArbitrationParty.role == role_value)) or 0
            uow.session.add(ArbitrationParty(case_id=case.id, party_id=party_id, role=role_value,
                                             position=position, added_on=on))
            return {"party_id": party_id, "role": role_value}
        return self._act(case_id, "add_party", on, apply, **kw)

    def change_claims(self, case_id: int, on: date, *, add: Sequence[ClaimInput] = (),
                      amounts: Mapping[int, int] | None = None, withdraw: Sequence[int] = (),
                      counterclaim: bool = False, **kw: Any) -> CaseView:
        """增加/变更/撤回请求 (or a joined 反申请): the 45 days restart (A9a)."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            session = uow.session
            claims = {c.id: c for c in session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id))}
            for claim_id, amount in (amounts or {}).items():
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                if amount < 0:
                    raise UserError("arbitration.amount_negative", field="claims")
                claims[claim_id].amount_claimed_fen = amount
            for claim_id in withdraw:
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                claims[claim_id].withdrawn = True
                claims[claim_id].result = ClaimResult.WITHDRAWN.value
            new = add_claims(session, case.id, clean_claims(add), start=len(claims), added_on=on) if add else []
            uow.flush()
            current = [c for c in [*claims.values(), *new] if not c.withdrawn]
            case.claimed_fen = sum(c.amount_claimed_fen for c in current)
            # the amount in dispute follows the latest accepted claim set (B §5.2)
            case.accepted_claims_fen = case.claimed_fen
            return {"added": [c.id for c in new], "amounts": {str(k): v for k, v in (amounts or {}).items()},
                    "withdrawn": list(withdraw)}
        action = "join_counterclaim" if counterclaim else "change_claims"
        return self._act(case_id, action, on, apply, **kw)

    def correct_claim_category(self, case_id: int, on: date, *, claim_id: int, category: str, reason: str,
                               **kw: Any) -> CaseView:
        """更正请求类别: a claim item recorded under the wrong category is put right, with the reason.

        The category decides whether an award item can be final (调解仲裁法 art 47(1) names
        工伤医疗费, not the other injury benefits), so a wrong one must be correctable: migration
        0016 read stored 工伤待遇 claims from their descriptions, and a clerk can mistype one at
        intake.  This is a correction of the record, not a change of what the applicant asks for
        (that is 增加或变更仲裁请求, which restarts the 45 days, A9a): the amount and wording stay,
        and no period restarts.  Only before the award: an issued award's items are what the
        award says (法释〔2020〕26号 art 18; see migration 0016), so a closed case is refused by
        the life cycle.  The claim's update is audited with its old and new category, and the
        step stands on the timeline with its reason."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            claim = uow.session.get(ArbitrationClaim, claim_id)
            if claim is None or claim.case_id != case.id or claim.withdrawn:
                raise UserError("arbitration.claim_not_found")
            try:
                new = ClaimCategory(category).value
            except ValueError as exc:
                raise UserError("arbitration.claim_category_unknown", field="category", value=category) from exc
            if not reason.strip():
                raise UserError("arbitration.category_reason_required", field="reason")
            if claim.category == new:
                label = CATEGORY_LABELS[ClaimCategory(new)]
                raise UserError("arbitration.category_unchanged", field="category", category_en=label[0],
                                category_zh=label[1])
            old = claim.category
            claim.category = new
            return {"claim_id": claim.id, "from": old, "to": new, "reason": reason.strip()}
        return self._act(case_id, "correct_claim_category", on, apply, note=reason, **kw)

    # -- closing
    def _close(self, case: ArbitrationCase, on: date, method: ClosureMethod, note: str = "") -> None:
        case.status = S.CLOSED.value
        case.closed_on = on
        case.closure_method = method.value
        case.closure_note = note.strip() or None
        case.resume_status = None

    def close_award(self, case_id: int, on: date, items: Sequence[AwardItem], note: str = "", **kw: Any) -> CaseView:
        """裁决结案: every live claim item gets its awarded amount and result; each
        item's finality follows from the minimum wage in force on the award date."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            session = uow.session
            claims = {c.id: c for c in session.scalars(select(ArbitrationClaim).where(
                ArbitrationClaim.case_id == case.id, ArbitrationClaim.withdrawn.is_(False)))}
            given = {i.claim_id: i for i in items}
            if set(given) != set(claims):
                raise UserError("arbitration.award_items", field="items")
            table = read_setting(session, "minimum_wage")["table"]
            minimum = minimum_wage_on(table, on)
            for claim_id, item in given.items():
                if item.awarded_fen < 0:
                    raise UserError("arbitration.amount_negative", field="items")
                result = ClaimResult(item.result).value
                claim = claims[claim_id]
                if item.awarded_fen > claim.amount_claimed_fen:  # 超裁: an award never exceeds what was claimed
                    label = CATEGORY_LABELS.get(claim.category, (claim.category, claim.category))[1]
                    raise UserError("arbitration.award_above_claim", field="items",
                                    item=f"{label}{('（' + claim.description + '）') if claim.description else ''}",
                                    claimed=format_yuan(claim.amount_claimed_fen), awarded=format_yuan(item.awarded_fen))
                claim.amount_awarded_fen = item.awarded_fen
                claim.result = result
                claim.final = is_final(claim.category, item.awarded_fen, minimum)
            case.awarded_fen = sum(i.awarded_fen for i in items)
            self._close(case, on, ClosureMethod.AWARD, note)
            return {"awarded_fen": case.awarded_fen, "minimum_wage_fen": minimum,
                    "final": {str(k): c.final for k, c in claims.items()}}
        return self._act(case_id, "close_award", on, apply, note=note, **kw)

    def close_mediation(self, case_id: int, on: date, *, amounts: Mapping[int, int], signed_on: date | None = None,
                        note: str = "", **kw: Any) -> CaseView:
        """调解结案: effective when both parties have signed for the 调解书 (法 art 42); `on` is that date."""
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any]:
            claims = {c.id: c for c in uow.session.scalars(select(ArbitrationClaim).where(
                ArbitrationClaim.case_id == case.id, ArbitrationClaim.withdrawn.is_(False)))}
            for claim_id, amount in amounts.items():
                if claim_id not in claims:
                    raise UserError("arbitration.claim_not_found")
                if amount < 0:
                    raise UserError("arbitration.amount_negative", field="amounts")
                claims[claim_id].amount_mediated_fen = amount
            self._close(case, on, ClosureMethod.MEDIATION, note)
            return {"mediated_fen": sum(amounts.values()), "signed_on": (signed_on or on).isoformat()}
        return self._act(case_id, "close_mediation", on, apply, note=note, **kw)

    def _close_other(self, case_id: int, on: date, action: str, method: ClosureMethod, reason: str, *,
                     details: dict[str, Any] | None = None, **kw: Any) -> CaseView:
        def apply(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any] | None:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            for hearing in uow.session.scalars(select(ArbitrationHearing).where(
                    ArbitrationHearing.case_id == case.id, ArbitrationHearing.status == HearingStatus.SCHEDULED.value)):
                hearing.status = HearingStatus.CANCELLED.value
            self._close(case, on, method, reason)
            return details
        return self._act(case_id, action, on, apply, note=reason, **kw)

    def close_withdrawal(self, case_id: int, on: date, reason: str, *, deemed: bool = False, **kw: Any) -> CaseView:
        """撤回; `deemed`: 按撤回处理 (an applicant properly notified who did not appear, 法 art 36)."""
        return self._close_other(case_id, on, "close_withdrawal", ClosureMethod.WITHDRAWAL, reason,
                                 details={"deemed": True} if deemed else None, **kw)

    def record_side_event(self, case_id: int, on: date, *, what: str, note: str, **kw: Any) -> CaseView:
        """回避, 管辖异议, 鉴定, 调查取证 …: on the timeline (and the audit), no change of state."""
        def apply(_uow: UnitOfWork, _case: ArbitrationCase) -> dict[str, Any]:
            if what not in SIDE_EVENTS:
                raise UserError("arbitration.document_unknown", field="what", value=what)
            if not note.strip():
                raise UserError("arbitration.ground_required", field="note")
            return {"what": what}
        return self._act(case_id, "record_side_event", on, apply, note=note, **kw)

    def revoke(self, case_id: int, on: date, reason: str, **kw: Any) -> CaseView:
        return self._close_other(case_id, on, "revoke", ClosureMethod.REVOCATION, reason, **kw)

    def terminate(self, case_id: int, on: date, reason: str, **kw: Any) -> CaseView:
        return self._close_other(case_id, on, "terminate", ClosureMethod.TERMINATION, reason, **kw)

    def transfer_out(self, case_id: int, on: date, to_body: str, **kw: Any) -> CaseView:
        return self._close_other(case_id, on, "transfer_out", ClosureMethod.TRANSFER, to_body, **kw)

    def allowed_actions(self, status: str) -> list[str]:
        return lifecycle.allowed(TRANSITIONS, status)


def _docket_row(r: Any) -> DocketRow:
    return DocketRow(
        id=r.id, version=r.version, case_no=r.case_no or "", status=r.status, procedure=r.procedure,
        received_on=r.received_on, accepted_on=r.accepted_on, closed_on=r.closed_on,
        closure_method=r.closure_method, applicants=r.applicants or "", respondents=r.respondents or "",
        claimed_fen=r.claimed_fen or 0, next_due=r.next_due, chief_arbitrator=r.chief or "",
    )


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    roles: tuple[str, ...]


def tribunal_candidates(store: Store, actor: Actor) -> list[Member]:
    """Active accounts that can sit on a tribunal (仲裁员) or keep its record (书记员)."""
    actor.require(Permission.ARBITRATION_VIEW)
    with store.read() as session:
        rows = session.execute(
            select(User.id, User.display_name, User.roles).where(User.active.is_(True)).order_by(User.display_name, User.id)
        ).all()
    out = []
    for uid, name, roles in rows:
        role_set = tuple(r for r in (roles or "").replace(";", ",").split(",") if r.strip())
        if {"arbitrator", "arb_clerk"} & {r.strip() for r in role_set}:
            out.append(Member(uid, name, tuple(r.strip() for r in role_set)))
    return out
