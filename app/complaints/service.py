"""Complaints and reports to labour-security inspection, and the wage recovery
that follows (劳动保障监察投诉/举报, DOMAIN A3, B §2.3, §3.1, §5.2).

- The life cycle is the table in ``complaint_rules.TRANSITIONS``; any other
  move is refused with ``complaint.transition_not_allowed`` (in Chinese: 当前
  状态“…”不能“…”).  Every transition writes a dated ``ComplaintEvent`` naming
  who recorded it, and the unit of work audits every row it changes.
- Money is integer fen.  What was recovered for a worker or a case is the sum
  of its ``WagePayment`` rows, never a typed total; a payment larger than what
  is still owed to that worker is refused.
- Deadlines come from the deadline engine (I1 acceptance, I2 investigation
  (+ extension), which also bounds a penalty (see rule I2's basis), the
  procedure before a decision (I5b defence, I5 hearing request, I5a hearing
  notice), I7 fine and I11 review counted from the recorded service,
  I13 publication) counted from the event dates;
  the dates it computed are kept on the case only so lists can filter
  "overdue" in SQL.  A year without a holiday schedule shows 节假日安排未导入.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.accounts.actor import Actor
from app.accounts.people import display_names
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.models import (
    ActionKind,
    Channel,
    ClosureKind,
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintKind,
    ComplaintOfficer,
    ComplaintProcedureStep,
    ComplaintStatus,
    ComplaintWorker,
    DisposalMethod,
    EmployerRole,
    EvidenceFile,
    LegalReview,
    PaymentInstalment,
    ProcedureStep,
    ReviewOpinion,
    ServiceMethod,
    ServiceRecord,
    WagePayment,
)
from app.complaints.procedure import Procedure, ServiceLine, StepLine
from app.errors import UserError
from app.kernel.numbering import allocate_number
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES, Deadline, RuleTable, TimeLeft, Unit, due, time_left
from app.legal.holidays import calendar_for
from app.legal.rates import format_yuan
from app.parties.models import Party, PartyKind
from app.parties.service import clean_fields
from app.privacy import Sensitive, mask
from app.projects.models import Project
from app.staff.models import Officer
from app.store.engine import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
TEXT_LIMIT = 5000
MIN_OFFICERS = 2  # 条例 art 16: at least two officers
# Handling officers need a certificate valid on the day whose category includes
# 劳动保障监察; one whose category was left blank counts too (roster data often
# leaves it empty), one of another category only (安全生产 …) does not.
OFFICER_CATEGORY = "劳动保障监察"
S = ComplaintStatus


def today_in_shanghai() -> date:
    """The bureau's day (`app.clock.bureau_today`), under the name this module's callers use."""
    return bureau_today()


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class DeadlineView:
    """One time limit as the desk shows it."""

    key: str  # decision | investigation | penalty | publication | rectification | instalment
    label_zh: str
    label_en: str
    due: date
    days_left: int  # calendar days from today (negative: overdue)
    overdue: bool
    warning: str | None  # 节假日安排未导入…, when the calendar lacks a year
    explanation: str = ""
    rule_id: str = ""
    left: TimeLeft | None = None  # in the rule's unit: 剩余3个工作日 against a working-day limit
    warning_en: str | None = None  # the warning in English
    explanation_en: str = ""

    def warning_in(self, language: str) -> str | None:
        return (self.warning_en or self.warning) if language == "en" else self.warning

    @property
    def remaining(self) -> TimeLeft:
        """Time left in the rule's unit; a date set by hand (an order's 改正期限) counts calendar days."""
        return self.left if self.left is not None else TimeLeft(self.days_left, False)


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    version: int
    number: str
    case_no: str
    kind: str
    channel: str
    received_on: date
    complainant: str  # masked / withheld as the actor may see it
    employers: str
    project: str
    workers: int
    owed_fen: int
    recovered_fen: int
    status: str
    next_due: date | None
    overdue: bool

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen


@dataclass(frozen=True)
class EmployerLine:
    id: int
    party_id: int
    name: str
    uscc: str
    role: str
    legal_rep: str = ""
    address: str = ""  # an employer's address is not personal data: shown in full


@dataclass(frozen=True)
class WorkerLine:
    id: int  # complaint_worker id
    party_id: int
    name: str
    id_no: str  # masked
    is_migrant_worker: bool
    owed_fen: int
    recovered_fen: int
    planned_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen


@dataclass(frozen=True)
class OfficerLine:
    officer_id: int
    name: str
    lead: bool
    assigned_on: date
    certificate_no: str


@dataclass(frozen=True)
class EventLine:
    id: int
    occurred_on: date
    action: str
    from_status: str | None
    to_status: str | None
    actor: str
    officers: str
    note: str


@dataclass(frozen=True)
class InstalmentLine:
    id: int
    worker_id: int
    worker_name: str
    due_on: date
    amount_fen: int
    covered_fen: int  # paid towards it (payments fill instalments in due order)
    overdue: bool

    @property
    def paid(self) -> bool:
        return self.covered_fen >= self.amount_fen


@dataclass(frozen=True)
class PaymentLine:
    id: int
    worker_id: int
    worker_name: str
    paid_on: date
    amount_fen: int
    method: str
    note: str


@dataclass(frozen=True)
class ReviewLine:
    id: int
    reviewer: str
    decision_kind: str
    opinion: str
    reviewed_on: date
    text: str


@dataclass(frozen=True)
class EvidenceLine:
    """An evidence record as a decision lists it (行政处罚法 art 59(2)): name, kind, date."""

    name: str
    kind: str
    added_on: date


_EVIDENCE_KINDS = (
    ((".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic"), "照片、图片"),
    ((".mp3", ".wav", ".m4a", ".amr", ".mp4", ".mov", ".avi", ".3gp"), "视听资料"),
    ((".xls", ".xlsx", ".csv"), "电子表格"),
    ((".pdf", ".doc", ".docx", ".txt", ".ofd"), "书证（电子文档）"),
)


def evidence_kind(filename: str) -> str:
    lower = filename.lower()
    for endings, kind in _EVIDENCE_KINDS:
        if lower.endswith(endings):
            return kind
    return "其他"


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    version: int
    number: str
    case_no: str
    kind: str
    channel: str
    received_at: datetime
    received_on: date
    received_by: str
    complainant_id: int | None
    complainant: str  # as the actor may see it
    complainant_id_no: str  # masked, "" if withheld
    complainant_phone: str  # masked
    anonymous: bool
    project_id: int | None
    project: str
    matters: str
    requests: str
    evidence: str
    status: str
    decided_on: date | None
    decision_ground: str
    redirected_to: str
    filed_on: date | None
    extension_days: int
    disposal_method: str | None
    responsible_department: str
    rectification_no: str
    rectification_ordered_on: date | None
    rectification_due: date | None
    decision_kind: str | None
    decision_no: str
    decision_issued_on: date | None
    decision_facts: str  # 违法事实
    decision_basis: str  # 处理/处罚依据
    decision_order: str  # 责令事项 / 其他处罚内容
    ordered_fen: int | None  # 责令支付金额 (行政处理决定)
    fine_fen: int | None  # 罚款金额 (行政处罚决定)
    publish_required: bool
    published_on: date | None
    closed_on: date | None
    closure_kind: str | None
    close_reason: str
    employers: tuple[EmployerLine, ...]
    workers: tuple[WorkerLine, ...]
    officers: tuple[OfficerLine, ...]
    events: tuple[EventLine, ...]
    instalments: tuple[InstalmentLine, ...]
    payments: tuple[PaymentLine, ...]
    reviews: tuple[ReviewLine, ...]
    deadlines: tuple[DeadlineView, ...]
    steps: tuple[StepLine, ...] = ()  # the procedure before a decision
    services: tuple[ServiceLine, ...] = ()  # 送达回证
    evidence_files: tuple[EvidenceLine, ...] = ()

    def procedure(self, kind: str) -> Procedure:
        return procedure_rules.procedure(self.steps, self.services, kind)

    @property
    def owed_fen(self) -> int:
        return sum(w.owed_fen for w in self.workers)

    @property
    def recovered_fen(self) -> int:
        return sum(w.recovered_fen for w in self.workers)

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen

    @property
    def planned_fen(self) -> int:
        return sum(i.amount_fen for i in self.instalments)

    @property
    def is_open(self) -> bool:
        return self.status in rules.OPEN_STATES

    def allowed_actions(self) -> list[str]:
        return [a for a, t in rules.TRANSITIONS.items() if self.status in t.sources]

    def allowed_steps(self) -> frozenset[str]:
        """The transitions and the recording steps the case's state allows now."""
        return rules.allowed_steps(self.status, decided=self.decision_issued_on is not None)


@dataclass(frozen=True)
class DuplicateWarning:
    complaint_id: int
    number: str
    worker: str
    employer: str
    status: str

    def message(self, language: str = "zh_CN") -> str:
        from app.errors import message_for

        return message_for(
            "complaint.duplicate_open",
            {"number": self.number, "worker": self.worker, "employer": self.employer},
            language,
        )


@dataclass(frozen=True)
class LedgerRow:
    """The wage-recovery ledger: one row per worker per case."""

    complaint_id: int
    number: str
    case_no: str
    received_on: date
    status: str
    employers: str
    project: str
    worker: str
    id_no: str  # masked
    is_migrant_worker: bool
    owed_fen: int
    recovered_fen: int
    last_paid_on: date | None

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen


@dataclass(frozen=True)
class PaymentRow:
    """One payment in the payments list (all cases)."""

    id: int
    paid_on: date
    amount_fen: int
    method: str
    complaint_id: int
    number: str
    case_no: str
    worker: str
    id_no: str  # masked
    employer: str


@dataclass(frozen=True)
class InspectionFigures:
    """DOMAIN A3 / B §5.2, for the yearly report."""

    year: int
    received: int  # complaints and leads registered in the year
    workers_helped: int  # distinct workers with wages paid in the year
    wages_recovered_fen: int  # sum of amounts actually paid in the year
    cases_with_recovery: int
    migrant_workers_helped: int


@dataclass(frozen=True)
class GroupSummary:
    """All complaints of one employer or one project (监察+仲裁 linkage starts here)."""

    title: str
    complaints: int
    open_complaints: int
    workers: int
    owed_fen: int
    recovered_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen


# ---------------------------------------------------------------- SQL pieces

_recovered_by_complaint = (
    select(func.coalesce(func.sum(WagePayment.amount_fen), 0))
    .where(WagePayment.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
_owed_by_complaint = (
    select(func.coalesce(func.sum(ComplaintWorker.owed_fen), 0))
    .where(ComplaintWorker.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
_workers_by_complaint = (
    select(func.count(ComplaintWorker.id))
    .where(ComplaintWorker.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
_EmployerParty = aliased(Party, name="employer_party")
_first_employer = (
    select(_EmployerParty.name)
    .join(ComplaintEmployer, ComplaintEmployer.party_id == _EmployerParty.id)
    .where(ComplaintEmployer.complaint_id == Complaint.id)
    .order_by(ComplaintEmployer.id)
    .limit(1)
    .correlate(Complaint)
    .scalar_subquery()
)
_employer_count = (
    select(func.count(ComplaintEmployer.id))
    .where(ComplaintEmployer.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
_Complainant = aliased(Party, name="complainant_party")


def _overdue_instalment_clause(today: date) -> ColumnElement[bool]:
    """An instalment of the case is past its date and not covered by the worker's payments."""
    inst = aliased(PaymentInstalment, name="inst")
    earlier = aliased(PaymentInstalment, name="earlier")
    planned_through = (
        select(func.coalesce(func.sum(earlier.amount_fen), 0))
        .where(
            earlier.worker_id == inst.worker_id,
            or_(earlier.due_on < inst.due_on, and_(earlier.due_on == inst.due_on, earlier.id <= inst.id)),
        )
        .correlate(inst)
        .scalar_subquery()
    )
    paid = (
        select(func.coalesce(func.sum(WagePayment.amount_fen), 0))
        .where(WagePayment.worker_id == inst.worker_id)
        .correlate(inst)
        .scalar_subquery()
    )
    return exists(
        select(inst.id).where(inst.complaint_id == Complaint.id, inst.due_on < today, planned_through > paid)
    ).correlate(Complaint)


def _overdue_clause(today: date) -> ColumnElement[bool]:
    return or_(
        and_(Complaint.status.in_([s.value for s in rules.REVIEW_STATES]), Complaint.decision_due < today),
        and_(
            Complaint.status.in_([s.value for s in rules.INVESTIGATION_STATES]),
            Complaint.investigation_due < today,
        ),
        and_(Complaint.status == S.RECTIFICATION_ORDERED.value, Complaint.rectification_due < today),
        and_(Complaint.status.in_([s.value for s in rules.PAYMENT_STATES]), _overdue_instalment_clause(today)),
    )


def _hearing_clock(value: str) -> str:
    """A hearing's time of day as HH:MM ("" when none is given); 0930 and 9:30 are read as 09:30."""
    value = (value or "").strip().replace("：", ":")
    if not value:
        return ""
    digits = value.replace(":", "")
    if not digits.isdigit() or len(digits) not in (3, 4) or (":" in value and len(value.split(":")[1]) != 2):
        raise UserError("procedure.hearing_time_invalid", field="hearing_time", value=value)
    hour, minute = int(digits[:-2]), int(digits[-2:])
    if hour > 23 or minute > 59:
        raise UserError("procedure.hearing_time_invalid", field="hearing_time", value=value)
    return f"{hour:02d}:{minute:02d}"


def _local_day(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def _text(value: Any, *, limit: int = TEXT_LIMIT) -> str:
    return str(value or "").strip()[:limit]


def _fen(value: Any, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("complaint.amount_invalid", field=field_name, value=value)
    return value


@dataclass
class _Facts:
    """What the deadlines of a case are computed from."""

    status: str
    received_on: date
    review_start: date
    filed_on: date | None
    extension_days: int
    decision_kind: str | None
    decision_issued_on: date | None
    publish_required: bool
    published_on: date | None
    rectification_due: date | None
    procedures: tuple[Procedure, ...] = ()
    decision_served_on: date | None = None


class StreamingQuery(PagedQuery[Any]):
    """A paged query that an export can also read in one streamed pass (no OFFSET)."""

    def batches(self, size: int = 2000) -> Iterator[list[Any]]:
        ordered = self._statement.order_by(*self._ordering(self._sort.descending))
        with self._store.read() as session:
            result = session.execute(ordered.execution_options(yield_per=size))
            for partition in result.partitions(size):
                yield [self._make_row(r) for r in partition]


# ---------------------------------------------------------------- the service


class ComplaintService:
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

    # ------------------------------------------------------------ helpers
    def _may_see_reporter(self) -> bool:
        return self.actor.can(Permission.COMPLAINT_HANDLE) or self.actor.can(Permission.COMPLAINT_REGISTER)

    def _complainant_display(self, kind: str, anonymous: bool, name: str | None) -> str:
        if anonymous or not name:
            return "匿名" if anonymous else ""
        if kind == ComplaintKind.REPORT and not self._may_see_reporter():
            return mask(Sensitive.NAME, name)
        return name

    def _deadline(self, key: str, zh: str, en: str, start: date, rule_id: str, extension: int = 0) -> DeadlineView:
        d: Deadline = due(start, self.rules.get(rule_id), extension=extension, calendar=self.calendar)
        today = self.today()
        return DeadlineView(
            key=key,
            label_zh=zh,
            label_en=en,
            due=d.due,
            days_left=(d.due - today).days,
            overdue=today > d.due,
            warning=d.warning_zh,
            warning_en=d.warning("en"),
            explanation_en=d.explained("en"),
            explanation=d.explanation,
            rule_id=d.rule_id,
            left=time_left(d.due, today, working_days=d.unit is Unit.WORKING_DAYS, calendar=self.calendar),
        )

    def deadlines(self, facts: _Facts) -> list[DeadlineView]:
        """The time limits running for a case in its current state."""
        views: list[DeadlineView] = []
        status = S(facts.status)
        if status in rules.REVIEW_STATES:
            views.append(self._deadline("decision", "受理期限", "Decide on acceptance by", facts.review_start, "I1"))
        if status in rules.INVESTIGATION_STATES and facts.filed_on is not None:
            views.append(
                self._deadline(
                    "investigation", "调查期限", "Investigation due", facts.filed_on, "I2", facts.extension_days
                )
            )
        if status in rules.INVESTIGATION_STATES:
            for proc in facts.procedures:
                views += self._procedure_deadlines(proc)
        if facts.decision_served_on is not None and status in (S.ADMIN_DECISION, S.PENALTY):
            if facts.decision_kind == "penalty":
                views.append(self._deadline("fine", "缴纳罚款期限", "Pay the fine by", facts.decision_served_on, "I7"))
            views.append(self._deadline("review", "申请行政复议期限", "Apply for review by",
                                        facts.decision_served_on, "I11"))
        if status == S.RECTIFICATION_ORDERED and facts.rectification_due is not None:
            today = self.today()
            views.append(
                DeadlineView(
                    key="rectification",
                    label_zh="改正期限",
                    label_en="Rectify by",
                    due=facts.rectification_due,
                    days_left=(facts.rectification_due - today).days,
                    overdue=today > facts.rectification_due,
                    warning=None,
                    explanation="限期改正指令书确定的期限",
                )
            )
        if facts.publish_required and facts.decision_issued_on is not None and facts.published_on is None:
            rule_id = "I13" if facts.decision_kind == "penalty" else "I13a"
            views.append(
                self._deadline("publication", "公示期限", "Publish by", facts.decision_issued_on, rule_id)
            )
        return views

    def _procedure_deadlines(self, proc: Procedure) -> list[DeadlineView]:
        """The periods of the procedure before a decision, counted from the notice's service."""
        views: list[DeadlineView] = []
        if proc.notice is None or proc.served_on is None:
            return views
        kind_zh = procedure_rules.decision_label(proc.kind)
        if proc.statement is None:
            views.append(self._deadline(f"defence_{proc.kind}", f"陈述申辩期限（{kind_zh}）", "Defence period ends",
                                        proc.served_on, "I5b"))
        if proc.hearing_offered and proc.hearing_request is None:
            views.append(self._deadline("hearing_request", "要求听证期限", "Hearing may be requested until",
                                        proc.served_on, "I5"))
        notice = proc.hearing_notice
        if (proc.hearing_offered and notice is not None and notice.scheduled_on and proc.hearing is None
                and proc.hearing_notice_served_on is None):
            views.append(self._deadline("hearing_notice", "听证通知最迟送达日", "Notify the hearing by",
                                        notice.scheduled_on, "I5a"))
        return views

    def _stored_deadlines(self, complaint: Complaint, review_start: date) -> None:
        """Keep the engine's dates on the row for the SQL 'overdue' filter."""
        complaint.decision_due = due(review_start, self.rules.get("I1"), calendar=self.calendar).due
        if complaint.filed_on is not None:
            complaint.investigation_due = due(
                complaint.filed_on, self.rules.get("I2"), extension=complaint.extension_days, calendar=self.calendar
            ).due
        complaint.deadline_calendar = self.calendar.version[:64] if hasattr(self.calendar, "version") else None

    def _check_day(self, on: date | None, complaint: Complaint, field_name: str = "on") -> date:
        if on is None:
            raise UserError("complaint.date_required", field=field_name)
        if type(on) is not date:
            raise TypeError("dates are datetime.date")
        if on > self.today():
            raise UserError("complaint.date_future", field=field_name, date=on.isoformat())
        if on < complaint.received_on:
            raise UserError(
                "complaint.date_before_received",
                field=field_name,
                date=on.isoformat(),
                received=complaint.received_on.isoformat(),
            )
        return on

    def _load(self, uow: UnitOfWork, complaint_id: int, version: int | None) -> Complaint:
        complaint = uow.session.get(Complaint, complaint_id)
        if complaint is None:
            raise UserError("complaint.not_found")
        if version is not None and complaint.version != version:
            raise changed_elsewhere(uow.session, complaint)
        return complaint

    def _transition(
        self,
        uow: UnitOfWork,
        complaint: Complaint,
        action: str,
        on: date,
        note: str = "",
        officers: str = "",
    ) -> None:
        transition = rules.TRANSITIONS[action]
        current = S(complaint.status)
        if current not in transition.sources:
            raise UserError(
                "complaint.transition_not_allowed",
                field="status",
                status_zh=rules.label(rules.STATUS_LABELS, current),
                status_en=rules.label(rules.STATUS_LABELS, current, "en"),
                action_zh=transition.label_zh,
                action_en=transition.label_en,
            )
        complaint.status = transition.target.value
        self._event(uow, complaint, action, on, note, officers, current.value, transition.target.value)

    def _event(
        self,
        uow: UnitOfWork,
        complaint: Complaint,
        action: str,
        on: date,
        note: str = "",
        officers: str = "",
        from_status: str | None = None,
        to_status: str | None = None,
    ) -> None:
        uow.session.add(
            ComplaintEvent(
                complaint_id=complaint.id,
                occurred_on=on,
                action=action,
                from_status=from_status,
                to_status=to_status,
                actor=self.actor.username,
                officers=officers,
                note=_text(note),
            )
        )

    def _resolve_party(self, session: Session, ref: Any, *, kind: PartyKind, field_name: str) -> Party:
        """A party id, or the fields of a party: found by its ID number / credit code, else created."""
        if isinstance(ref, int) and not isinstance(ref, bool):
            party = session.get(Party, ref)
            if party is None:
                raise UserError("complaint.party_not_found", field=field_name)
            if party.kind != kind.value:
                code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                raise UserError(code, field=field_name, name=party.name)
            return party
        if not isinstance(ref, Mapping):
            raise UserError("complaint.party_not_found", field=field_name)
        fields = {k: v for k, v in ref.items() if k != "kind"}
        cleaned = clean_fields({**fields, "kind": kind.value}, today=self.today())
        number = cleaned.get("id_no") or cleaned.get("uscc")
        # Parties made earlier in this registration are not flushed yet: find them here, not in the database.
        cache = self._made
        if number and number in cache:
            cached = cache[number]
            if cached in session:  # gone if its row was rolled back
                if cached.kind != kind.value:
                    code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                    raise UserError(code, field=field_name, name=cached.name)
                return cached
        if number:
            with session.no_autoflush:
                existing = session.scalars(
                    select(Party).where((Party.id_no == number) | (Party.uscc == number))
                ).first()
            if existing is not None:
                if existing.kind != kind.value:
                    code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                    raise UserError(code, field=field_name, name=existing.name)
                cache[number] = existing
                return existing
        self.actor.require(Permission.PARTY_EDIT)
        party = Party(**cleaned)
        session.add(party)  # flushed with the complaint
        if number:
            cache[number] = party
        return party

    # ------------------------------------------------------------ intake
    def open_duplicates(
        self, worker_ids: Iterable[int], employer_ids: Iterable[int], *, exclude: int | None = None
    ) -> list[DuplicateWarning]:
        """Open complaints naming one of these workers against one of these employers."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        workers, employers = list(set(worker_ids)), list(set(employer_ids))
        if not workers or not employers:
            return []
        with self.store.read() as session:
            return self._duplicates(session, workers, employers, exclude)

    def open_duplicates_by_number(
        self, worker_numbers: Iterable[str], employer_numbers: Iterable[str], employer_ids: Iterable[int] = ()
    ) -> list[DuplicateWarning]:
        """The same, for parties typed by ID number / credit code (or employers picked by id)."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        wn = [n.strip().upper() for n in worker_numbers if n and n.strip()]
        en = [n.strip().upper() for n in employer_numbers if n and n.strip()]
        picked = list(employer_ids)
        if not wn or not (en or picked):
            return []
        with self.store.read() as session:
            workers = list(session.scalars(select(Party.id).where(Party.id_no.in_(wn))))
            employers = picked + list(session.scalars(select(Party.id).where(Party.uscc.in_(en))))
            if not workers or not employers:
                return []
            return self._duplicates(session, workers, employers, None)

    def _duplicates(
        self, session: Session, workers: list[int], employers: list[int], exclude: int | None
    ) -> list[DuplicateWarning]:
        worker_party = aliased(Party, name="wp")
        employer_party = aliased(Party, name="ep")
        statement = (
            select(Complaint.id, Complaint.number, Complaint.status, worker_party.name, employer_party.name)
            .join(ComplaintWorker, ComplaintWorker.complaint_id == Complaint.id)
            .join(worker_party, worker_party.id == ComplaintWorker.party_id)
            .join(ComplaintEmployer, ComplaintEmployer.complaint_id == Complaint.id)
            .join(employer_party, employer_party.id == ComplaintEmployer.party_id)
            .where(
                ComplaintWorker.party_id.in_(workers),
                ComplaintEmployer.party_id.in_(employers),
                Complaint.status.in_([s.value for s in rules.OPEN_STATES]),
            )
            .order_by(Complaint.id)
        )
        if exclude is not None:
            statement = statement.where(Complaint.id != exclude)
        return [DuplicateWarning(r[0], r[1], r[3], r[4], r[2]) for r in session.execute(statement)]

    def register(self, fields: Mapping[str, Any]) -> tuple[ComplaintDetail, list[DuplicateWarning]]:
        """Register a complaint or report (登记).  Returns it and the duplicate warnings found.

        ``fields``: kind, channel, received_at (aware datetime; naive = Shanghai
        time), complainant (party id | person fields | None), anonymous,
        employers [{party: id | org fields, role}], workers [{party: id |
        person fields, owed_fen}], project_id, matters, requests, evidence.
        Parties given by their fields are found by number or created, in the
        same transaction: on any error nothing is saved.
        """
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_REGISTER) as uow:
            complaint, warnings = self._register(uow, fields)
            complaint_id = complaint.id
        return self.get(complaint_id), warnings

    def _register(
        self, uow: UnitOfWork, fields: Mapping[str, Any], *, warn: bool = True
    ) -> tuple[Complaint, list[DuplicateWarning]]:
        session = uow.session
        self._made = {}
        kind = str(fields.get("kind") or ComplaintKind.COMPLAINT.value)
        if kind not in {k.value for k in ComplaintKind}:
            raise UserError("complaint.kind_unknown", field="kind", value=kind)
        channel = str(fields.get("channel") or "")
        if channel not in {c.value for c in Channel}:
            raise UserError("complaint.channel_unknown", field="channel", value=channel)
        received_at = fields.get("received_at")
        if not isinstance(received_at, datetime):
            if isinstance(received_at, date):
                received_at = datetime.combine(received_at, time(9, 0))
            else:
                raise UserError("complaint.received_required", field="received_at")
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=SHANGHAI)
        received_at = received_at.astimezone(UTC)
        received_on = _local_day(received_at)
        if received_on > self.today():
            raise UserError("complaint.date_future", field="received_at", date=received_on.isoformat())
        anonymous = bool(fields.get("anonymous"))
        if anonymous and kind != ComplaintKind.REPORT:
            raise UserError("complaint.anonymous_only_report", field="anonymous")
        complainant_ref = fields.get("complainant")
        complainant: Party | None = None
        if complainant_ref is not None and not anonymous:
            complainant = self._resolve_party(session, complainant_ref, kind=PartyKind.PERSON, field_name="complainant")
        if complainant is None and not anonymous:
            raise UserError("complaint.complainant_required", field="complainant")
        employer_refs = list(fields.get("employers") or [])
        if not employer_refs:
            raise UserError("complaint.employer_required", field="employers")
        worker_refs = list(fields.get("workers") or [])
        if not worker_refs and kind == ComplaintKind.COMPLAINT and complainant is not None:
            raise UserError("complaint.worker_required", field="workers")
        project_id = fields.get("project_id")
        if project_id is not None and session.get(Project, project_id) is None:
            raise UserError("project.not_found", field="project_id")
        matters = _text(fields.get("matters"))
        if not matters:
            raise UserError("complaint.matters_required", field="matters")

        complaint = Complaint(
            number="",
            kind=kind,
            channel=channel,
            received_at=received_at,
            received_on=received_on,
            received_by=self.actor.username,
            complainant=complainant,
            anonymous=anonymous,
            project_id=project_id,
            matters=matters,
            requests=_text(fields.get("requests")),
            evidence=_text(fields.get("evidence")),
            status=S.RECEIVED.value,
            extension_days=0,
        )
        seen_employers: list[Party] = []
        for i, ref in enumerate(employer_refs):
            role = str(ref.get("role") or EmployerRole.EMPLOYER.value)
            if role not in {r.value for r in EmployerRole}:
                raise UserError("complaint.role_unknown", field=f"employers.{i}", value=role)
            party = self._resolve_party(session, ref.get("party"), kind=PartyKind.ORG, field_name=f"employers.{i}")
            if any(p is party for p in seen_employers):
                raise UserError("complaint.employer_twice", field=f"employers.{i}", name=party.name)
            seen_employers.append(party)
            complaint.employers.append(ComplaintEmployer(party=party, role=role))
        seen_workers: list[Party] = []
        for i, ref in enumerate(worker_refs):
            owed = _fen(ref.get("owed_fen"), f"workers.{i}")
            if owed < 0:
                raise UserError("complaint.amount_negative", field=f"workers.{i}")
            party = self._resolve_party(session, ref.get("party"), kind=PartyKind.PERSON, field_name=f"workers.{i}")
            if any(p is party for p in seen_workers):
                raise UserError("complaint.worker_twice", field=f"workers.{i}", name=party.name)
            seen_workers.append(party)
            complaint.workers.append(ComplaintWorker(party=party, owed_fen=owed))
        self._stored_deadlines(complaint, received_on)
        session.add(complaint)
        uow.flush()
        complaint.number = allocate_number(
            uow, "complaint", received_on.year, record_table=Complaint.__tablename__, record_id=complaint.id
        )
        self._event(uow, complaint, "register", received_on, to_status=S.RECEIVED.value)
        warnings = (
            self._duplicates(session, [p.id for p in seen_workers], [p.id for p in seen_employers], complaint.id)
            if warn else []
        )
        return complaint, warnings

    # ------------------------------------------------------------ decisions
    def request_correction(self, complaint_id: int, version: int, on: date, note: str) -> ComplaintDetail:
        if not _text(note):
            raise UserError("complaint.note_required", field="note")
        return self._simple(complaint_id, version, "request_correction", on, note)

    def corrected(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        """补正 received: the 5 working days start again from this day."""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "corrected", on, note)
            self._stored_deadlines(complaint, on)
        return self.get(complaint_id)

    def accept(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        """受理并立案 (the same day, 若干规定 art 18): allocates the case number."""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "accept", on, note)
            complaint.decided_on = on
            complaint.filed_on = on
            complaint.case_no = allocate_number(
                uow, "inspection_case", on.year, record_table=Complaint.__tablename__, record_id=complaint.id
            )
            self._stored_deadlines(complaint, complaint.received_on)
        return self.get(complaint_id)

    def refuse(self, complaint_id: int, version: int, on: date, ground: str) -> ComplaintDetail:
        """不予受理, with the ground (若干规定 art 18)."""
        if not _text(ground):
            raise UserError("complaint.ground_required", field="ground")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "refuse", on, ground)
            complaint.decided_on = on
            complaint.decision_ground = _text(ground)
        return self.get(complaint_id)

    def redirect(self, complaint_id: int, version: int, on: date, to: str, ground: str = "") -> ComplaintDetail:
        """告知走调解仲裁/诉讼, 转送有关部门 (条例 art 21)."""
        if not _text(to):
            raise UserError("complaint.redirect_to_required", field="to")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "redirect", on, ground or to)
            complaint.decided_on = on
            complaint.redirected_to = _text(to, limit=200)
            complaint.decision_ground = _text(ground) or None
        return self.get(complaint_id)

    # ------------------------------------------------------------ investigation
    def _check_officer(self, officer_id: int, day: date) -> None:
        if self._officer_check is not None:
            self._officer_check(officer_id, day)
            return
        from app.staff.service import StaffService

        StaffService(self.store, self.actor).check_assignable(officer_id, day, OFFICER_CATEGORY, blank_counts=True)

    def assign_officers(
        self, complaint_id: int, version: int, officer_ids: Sequence[int], on: date, *, lead_id: int | None = None
    ) -> ComplaintDetail:
        """Assign the handling officers (at least two, each with a certificate valid on `on`
        for labour-security inspection, see OFFICER_CATEGORY).

        The list replaces the earlier one; the first assignment of a filed case starts the investigation.
        """
        ids = list(dict.fromkeys(officer_ids))
        if len(ids) < MIN_OFFICERS:
            raise UserError("complaint.two_officers", field="officers", minimum=MIN_OFFICERS)
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            self._require_investigating(complaint, "assign_officers")
            on = self._check_day(on, complaint)
            for officer_id in ids:
                self._check_officer(officer_id, on)
            lead = lead_id if lead_id in ids else ids[0]
            existing = {
                o.officer_id: o
                for o in uow.session.scalars(select(ComplaintOfficer).where(ComplaintOfficer.complaint_id == complaint.id))
            }
            for officer_id, row in existing.items():
                if officer_id not in ids:
                    uow.session.delete(row)
            for officer_id in ids:
                row = existing.get(officer_id)
                if row is None:
                    uow.session.add(
                        ComplaintOfficer(
                            complaint_id=complaint.id, officer_id=officer_id, lead=officer_id == lead, assigned_on=on
                        )
                    )
                elif row.lead != (officer_id == lead):
                    row.lead = officer_id == lead
            names = "、".join(
                uow.session.scalars(select(Officer.name).where(Officer.id.in_(ids)).order_by(Officer.name_sort))
            )
            self._event(uow, complaint, "assign_officers", on, officers=names)
            if complaint.status == S.FILED.value:
                self._transition(uow, complaint, "start_investigation", on, officers=names)
        return self.get(complaint_id)

    def record_action(
        self, complaint_id: int, kind: str, on: date, note: str, *, officers: str = ""
    ) -> ComplaintDetail:
        """询问, 现场检查, 调取材料 …: a dated step of the investigation."""
        if kind not in {k.value for k in ActionKind}:
            raise UserError("complaint.action_unknown", field="kind", value=kind)
        if not _text(note):
            raise UserError("complaint.note_required", field="note")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._require_investigating(complaint, "record_action")
            on = self._check_day(on, complaint)
            if not officers:
                officers = self._officer_names(uow.session, complaint.id)
            self._event(uow, complaint, kind, on, note, officers)
        return self.get(complaint_id)

    def _require_investigating(self, complaint: Complaint, step: str) -> None:
        if S(complaint.status) not in rules.RECORDING_STEPS[step]:
            raise UserError(
                "complaint.not_in_investigation",
                status_zh=rules.label(rules.STATUS_LABELS, complaint.status),
                status_en=rules.label(rules.STATUS_LABELS, complaint.status, "en"),
            )

    def _officer_names(self, session: Session, complaint_id: int) -> str:
        return "、".join(
            session.scalars(
                select(Officer.name)
                .join(ComplaintOfficer, ComplaintOfficer.officer_id == Officer.id)
                .where(ComplaintOfficer.complaint_id == complaint_id)
                .order_by(ComplaintOfficer.lead.desc(), Officer.name_sort)
            )
        )

    def extend(self, complaint_id: int, version: int, days: int, on: date, approved_by: str) -> ComplaintDetail:
        """Extend the 60-working-day investigation (I2) with the head's approval (at most 30 WD in all)."""
        if not _text(approved_by):
            raise UserError("complaint.approver_required", field="approved_by")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            if S(complaint.status) not in rules.RECORDING_STEPS["extend"] or complaint.filed_on is None:
                raise UserError(
                    "complaint.not_in_investigation",
                    status_zh=rules.label(rules.STATUS_LABELS, complaint.status),
                    status_en=rules.label(rules.STATUS_LABELS, complaint.status, "en"),
                )
            on = self._check_day(on, complaint)
            total = complaint.extension_days + days
            due(complaint.filed_on, self.rules.get("I2"), extension=total, calendar=self.calendar)  # checks the ceiling
            complaint.extension_days = total
            complaint.extension_approved_by = _text(approved_by, limit=100)
            self._event(uow, complaint, "extend", on, f"延长{days}个工作日，批准人：{approved_by}")
            self._stored_deadlines(complaint, complaint.received_on)
        return self.get(complaint_id)

    def set_disposal(self, complaint_id: int, version: int, method: str, department: str, on: date) -> ComplaintDetail:
        if method not in {m.value for m in DisposalMethod}:
            raise UserError("complaint.disposal_unknown", field="method", value=method)
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            self._require_investigating(complaint, "set_disposal")
            on = self._check_day(on, complaint)
            complaint.disposal_method = method
            complaint.responsible_department = _text(department, limit=200) or None
            self._event(
                uow, complaint, "disposal", on,
                f"{rules.label(rules.DISPOSAL_LABELS, method)}；责任部门：{department or '—'}",
            )
        return self.get(complaint_id)

    def order_rectification(
        self, complaint_id: int, version: int, on: date, rectify_by: date, note: str = ""
    ) -> ComplaintDetail:
        """限期改正指令书: allocates its number; the officer sets the date."""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            if rectify_by is None or rectify_by <= on:
                raise UserError("complaint.rectify_by_after_order", field="rectify_by")
            self._transition(uow, complaint, "order_rectification", on, note or f"限期至{rectify_by.isoformat()}改正")
            complaint.rectification_ordered_on = on
            complaint.rectification_due = rectify_by
            complaint.rectification_no = allocate_number(
                uow, "rectification_order", on.year, record_table=Complaint.__tablename__, record_id=complaint.id
            )
        return self.get(complaint_id)

    def _simple(
        self, complaint_id: int, version: int, action: str, on: date, note: str = "",
        permission: Permission = Permission.COMPLAINT_HANDLE,
    ) -> ComplaintDetail:
        with UnitOfWork(self.store, self.actor, permission) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, action, on, note)
        return self.get(complaint_id)

    def mark_rectified(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "rectified", on, note)

    def mark_not_rectified(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "not_rectified", on, note)

    def transfer(self, complaint_id: int, version: int, on: date, to: str) -> ComplaintDetail:
        if not _text(to):
            raise UserError("complaint.redirect_to_required", field="to")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "transfer", on, f"移送{to}")
            complaint.redirected_to = _text(to, limit=200)
        return self.get(complaint_id)

    def withdraw_case(self, complaint_id: int, version: int, on: date, reason: str) -> ComplaintDetail:
        if not _text(reason):
            raise UserError("complaint.reason_required", field="reason")
        return self._simple(complaint_id, version, "withdraw_case", on, reason)

    # ------------------------------------------------------------ legal review and decisions
    def record_legal_review(
        self, complaint_id: int, reviewer_id: int, decision_kind: str, opinion: str, on: date, text: str
    ) -> ComplaintDetail:
        """法制审核 by a reviewer whose roster entry has the legal qualification (行政处罚法 art 58)."""
        if decision_kind not in ("admin_decision", "penalty"):
            raise UserError("complaint.decision_kind_unknown", field="decision_kind", value=decision_kind)
        if opinion not in {o.value for o in ReviewOpinion}:
            raise UserError("complaint.opinion_unknown", field="opinion", value=opinion)
        if not _text(text):
            raise UserError("complaint.note_required", field="text")
        with UnitOfWork(self.store, self.actor, Permission.LEGAL_REVIEW) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._require_investigating(complaint, "legal_review")
            on = self._check_day(on, complaint)
            reviewer = uow.session.get(Officer, reviewer_id)
            if reviewer is None:
                raise UserError("complaint.officer_not_found", field="reviewer")
            if not reviewer.has_legal_qualification:
                raise UserError("complaint.reviewer_unqualified", field="reviewer", name=reviewer.name)
            uow.session.add(
                LegalReview(
                    complaint_id=complaint.id,
                    reviewer_id=reviewer.id,
                    decision_kind=decision_kind,
                    opinion=opinion,
                    reviewed_on=on,
                    text=_text(text),
                )
            )
            self._event(
                uow, complaint, "legal_review", on,
                f"{rules.label(rules.OPINION_LABELS, opinion)}：{_text(text)}", reviewer.name,
            )
        return self.get(complaint_id)

    def issue_decision(
        self,
        complaint_id: int,
        version: int,
        decision_kind: str,
        on: date,
        *,
        facts: str = "",
        basis: str = "",
        order: str = "",
        fine_fen: int | None = None,
        ordered_fen: int | None = None,
        publish: bool = True,
        note: str = "",
    ) -> ComplaintDetail:
        """行政处理决定 / 行政处罚决定: refused until a legal review agreeing to it is recorded.

        Both state the facts found (`facts`, 违法事实) and the legal basis
        (`basis`).  A handling decision (admin_decision) states what the
        employer is ordered to do (`order`) and may carry the amount ordered
        to be paid (`ordered_fen`); a penalty states the fine (`fine_fen`,
        required, 0 or more) and, if any, other penalties (`order`).  Money in fen.
        """
        if decision_kind not in ("admin_decision", "penalty"):
            raise UserError("complaint.decision_kind_unknown", field="decision_kind", value=decision_kind)
        facts, basis, order = _text(facts), _text(basis), _text(order)
        if not facts:
            raise UserError("complaint.decision_facts_required", field="facts")
        if not basis:
            raise UserError("complaint.decision_basis_required", field="basis")
        if decision_kind == "penalty":
            if ordered_fen is not None:
                raise UserError("complaint.ordered_only_for_admin_decision", field="ordered")
            if fine_fen is None:
                raise UserError("complaint.fine_required", field="fine")
            if _fen(fine_fen, "fine") < 0:
                raise UserError("complaint.fine_negative", field="fine")
            if fine_fen == 0 and not order:
                raise UserError("complaint.penalty_empty", field="fine")
            amounts = f"罚款{format_yuan(fine_fen)}元"
        else:
            if fine_fen is not None:
                raise UserError("complaint.fine_only_for_penalty", field="fine")
            if not order:
                raise UserError("complaint.decision_order_required", field="order")
            if ordered_fen is not None and _fen(ordered_fen, "ordered") < 0:
                raise UserError("complaint.ordered_negative", field="ordered")
            amounts = f"责令支付{format_yuan(ordered_fen)}元" if ordered_fen is not None else ""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            latest = uow.session.scalars(
                select(LegalReview)
                .where(LegalReview.complaint_id == complaint.id, LegalReview.decision_kind == decision_kind)
                .order_by(LegalReview.reviewed_on.desc(), LegalReview.id.desc())
            ).first()
            if latest is None or latest.opinion != ReviewOpinion.AGREE.value or latest.reviewed_on > on:
                raise UserError("complaint.legal_review_required", field="decision_kind")
            proc = procedure_rules.procedure(
                procedure_rules.step_lines(uow.session, complaint.id),
                procedure_rules.service_lines(uow.session, complaint.id), decision_kind,
            )
            procedure_rules.check_ready(proc, on, self.rules, self.calendar)
            self._transition(uow, complaint, decision_kind, on, "；".join(t for t in (amounts, _text(note)) if t))
            complaint.decision_kind = decision_kind
            complaint.decision_issued_on = on
            complaint.decision_facts = facts
            complaint.decision_basis = basis
            complaint.decision_order = order or None
            complaint.fine_fen = fine_fen if decision_kind == "penalty" else None
            complaint.ordered_fen = ordered_fen if decision_kind == "admin_decision" else None
            complaint.publish_required = publish
            doc_type = "penalty" if decision_kind == "penalty" else "inspection_decision"
            complaint.decision_no = allocate_number(
                uow, doc_type, on.year, record_table=Complaint.__tablename__, record_id=complaint.id
            )
        return self.get(complaint_id)

    # ------------------------------------------------------------ the procedure before a decision
    def _procedure_case(self, uow: UnitOfWork, complaint_id: int, decision_kind: str) -> Complaint:
        if decision_kind not in procedure_rules.DECISION_LABELS:
            raise UserError("complaint.decision_kind_unknown", field="decision_kind", value=decision_kind)
        complaint = self._load(uow, complaint_id, None)
        if complaint.decision_issued_on is not None:
            raise UserError("procedure.already_decided")
        self._require_investigating(complaint, "procedure")
        return complaint

    def _current(self, uow: UnitOfWork, complaint: Complaint, decision_kind: str) -> Procedure:
        return procedure_rules.procedure(
            procedure_rules.step_lines(uow.session, complaint.id),
            procedure_rules.service_lines(uow.session, complaint.id), decision_kind,
        )

    def _add_step(self, uow: UnitOfWork, complaint: Complaint, decision_kind: str, step: ProcedureStep, on: date,
                  event_note: str, **fields: Any) -> ComplaintProcedureStep:
        row = ComplaintProcedureStep(complaint_id=complaint.id, decision_kind=decision_kind, step=step.value,
                                     occurred_on=on, **fields)
        uow.session.add(row)
        uow.session.flush()
        self._event(uow, complaint, f"procedure_{step.value}", on, event_note)
        return row

    def _after_service(self, proc: Procedure, on: date) -> None:
        if proc.notice is None:
            kind_zh, kind_en = procedure_rules.DECISION_LABELS[proc.kind]
            raise UserError("procedure.no_notice", kind_zh=kind_zh, kind_en=kind_en)
        start = proc.served_on or proc.notice.occurred_on
        if on < start:
            raise UserError("procedure.before_notice", field="on", date=on.isoformat(), served=start.isoformat())

    def record_prior_notice(
        self, complaint_id: int, decision_kind: str, on: date, content: str, *,
        intended_fine_fen: int | None = None, other_serious_penalty: bool = False, complex_case: bool = False,
    ) -> ComplaintDetail:
        """事先告知书 (行政处罚法 art 44; 若干规定 art 34): allocates its number.

        `content`: the intended measure with its facts, reasons and basis.  A penalty notice offers a
        hearing (art 63) when the fine is at or above the local 较大数额 (setting
        ``penalty_hearing_threshold``) or when the officer marks another penalty of art 63's list
        (`other_serious_penalty`: 责令停产停业, 吊销许可证 …).  `complex_case`: 情节复杂或者重大 (art 57 ¶2).
        """
        if not _text(content):
            raise UserError("procedure.text_required", field="content")
        if intended_fine_fen is not None and _fen(intended_fine_fen, "fine") < 0:
            raise UserError("complaint.fine_negative", field="fine")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, decision_kind)
            on = self._check_day(on, complaint)
            offered = False
            if decision_kind == "penalty":
                persons = [e for e in complaint.employers if e.role in ("employer", "subcontractor",
                                                                        "general_contractor", "gang_master")]
                party_is_person = bool(persons) and all(
                    uow.session.get(Party, e.party_id).kind == PartyKind.PERSON.value for e in persons)
                threshold = procedure_rules.hearing_threshold_fen(uow.session, party_is_person)
                offered = other_serious_penalty or (intended_fine_fen or 0) >= threshold
            number = allocate_number(uow, "prior_notice", on.year, record_table=Complaint.__tablename__,
                                     record_id=complaint.id)
            note = f"{number}：{_text(content)}" + ("（告知听证权利）" if offered else "")
            self._add_step(
                uow, complaint, decision_kind, ProcedureStep.PRIOR_NOTICE, on, note, number=number,
                content=_text(content), intended_fine_fen=intended_fine_fen if decision_kind == "penalty" else None,
                hearing_offered=offered, complex_case=complex_case and decision_kind == "penalty",
            )
        return self.get(complaint_id)

    def record_statement(
        self, complaint_id: int, decision_kind: str, on: date, *, waived: bool, content: str = ""
    ) -> ComplaintDetail:
        """陈述申辩 received (its content), or waived in writing (art 45, art 62)."""
        if not waived and not _text(content):
            raise UserError("procedure.text_required", field="content")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, decision_kind)
            on = self._check_day(on, complaint)
            self._after_service(self._current(uow, complaint, decision_kind), on)
            note = "书面放弃陈述、申辩" if waived else f"陈述、申辩：{_text(content)}"
            self._add_step(uow, complaint, decision_kind, ProcedureStep.STATEMENT, on, note,
                           waived=waived, content=_text(content))
        return self.get(complaint_id)

    def record_hearing_request(
        self, complaint_id: int, on: date, *, waived: bool = False, content: str = ""
    ) -> ComplaintDetail:
        """The party requests a hearing within 5 WD of the notice (art 64(1), I5), or waives it in writing."""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            self._after_service(proc, on)
            if not proc.hearing_offered:
                raise UserError("procedure.no_hearing_offered")
            if not waived and proc.served_on is not None:
                last = due(proc.served_on, self.rules.get("I5"), calendar=self.calendar).due
                if on > last:
                    raise UserError("procedure.hearing_request_late", field="on", date=on.isoformat(),
                                    due=last.isoformat())
            note = "书面放弃听证" if waived else "要求听证" + (f"：{_text(content)}" if _text(content) else "")
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING_REQUEST, on, note,
                           waived=waived, content=_text(content))
        return self.get(complaint_id)

    def record_hearing_notice(
        self, complaint_id: int, on: date, hearing_on: date, place: str, *, hearing_time: str = "", host: str = "",
    ) -> ComplaintDetail:
        """听证通知书 (行政处罚法 art 64(2)): allocates its number; tells the party the hearing's date, time
        (`hearing_time`, HH:MM or HHMM; the notice leaves a blank to fill in by hand when it is not given) and
        place at least 7 WD before it (I5a).  `host`: the host the bureau designates, named so the party may
        ask for recusal (art 64(4)); never one of the case's investigators."""
        if not _text(place):
            raise UserError("procedure.text_required", field="place")
        clock = _hearing_clock(hearing_time)
        host = _text(host, limit=300)
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            if proc.hearing_request is None or proc.hearing_request.waived:
                raise UserError("procedure.no_hearing_request")
            latest = due(hearing_on, self.rules.get("I5a"), calendar=self.calendar).due
            if on > latest:
                raise UserError("procedure.hearing_notice_late", field="hearing_on", hearing=hearing_on.isoformat(),
                                latest=latest.isoformat(), date=on.isoformat())
            self._check_host(uow.session, complaint, host)
            number = allocate_number(uow, "hearing_notice", on.year, record_table=Complaint.__tablename__,
                                     record_id=complaint.id)
            when = hearing_on.isoformat() + (f" {clock}" if clock else "")
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING_NOTICE, on,
                           f"{number}：通知于{when}在{_text(place)}举行听证" + (f"，主持人：{host}" if host else ""),
                           number=number, scheduled_on=hearing_on, place=_text(place, limit=200), content=clock,
                           persons=host)
        return self.get(complaint_id)

    def _check_host(self, session: Session, complaint: Complaint, host: str) -> None:
        """Art 64(4): the hearing is hosted by someone who did not investigate the case."""
        investigators = set(self._officer_names(session, complaint.id).split("、")) - {""}
        for name in investigators:
            if name in host:
                raise UserError("procedure.host_is_investigator", field="host", name=name)

    def record_hearing(self, complaint_id: int, on: date, host: str, record: str) -> ComplaintDetail:
        """听证 held: who hosted it (not an investigator, art 64(4)) and the 听证笔录's substance (art 64(8))."""
        host = _text(host, limit=300)
        if not host:
            raise UserError("procedure.host_required", field="host")
        if not _text(record):
            raise UserError("procedure.text_required", field="record")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            notice = proc.hearing_notice
            if notice is None or notice.scheduled_on is None:
                raise UserError("procedure.no_hearing_notice")
            if on < notice.scheduled_on:
                raise UserError("procedure.hearing_before_scheduled", field="on",
                                hearing=notice.scheduled_on.isoformat(), date=on.isoformat())
            # Art 64(2) counts to the day the party was told: the notice's recorded service.
            latest = due(notice.scheduled_on, self.rules.get("I5a"), calendar=self.calendar).due
            notified = proc.hearing_notified_on
            if notified is not None and notified > latest:
                raise UserError("procedure.hearing_notice_served_late", field="on", served=notified.isoformat(),
                                hearing=notice.scheduled_on.isoformat(), latest=latest.isoformat())
            self._check_host(uow.session, complaint, host)
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING, on, f"听证主持人：{host}；{_text(record)}",
                           persons=host, content=_text(record), place=notice.place)
        return self.get(complaint_id)

    def record_collective_discussion(self, complaint_id: int, on: date, persons: str, conclusion: str) -> ComplaintDetail:
        """负责人集体讨论 (art 57 ¶2): who took part and what they decided."""
        persons = _text(persons, limit=300)
        if not persons:
            raise UserError("procedure.persons_required", field="persons")
        if not _text(conclusion):
            raise UserError("procedure.text_required", field="conclusion")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            self._after_service(self._current(uow, complaint, "penalty"), on)
            self._add_step(uow, complaint, "penalty", ProcedureStep.COLLECTIVE_DISCUSSION, on,
                           f"参加人：{persons}；{_text(conclusion)}", persons=persons, content=_text(conclusion))
        return self.get(complaint_id)

    def record_service(
        self, complaint_id: int, document: str, method: str, served_on: date, recipient: str, *,
        signed: bool = True, note: str = "", server: str = "",
    ) -> ComplaintDetail:
        """送达回证 for a document of the case: method, date, recipient, and signature or the reason for none."""
        if document not in procedure_rules.SERVED_DOCUMENTS:
            raise UserError("service.document_unknown", field="document", value=document)
        if method not in {m.value for m in ServiceMethod}:
            raise UserError("service.method_unknown", field="method", value=method)
        recipient = _text(recipient, limit=200)
        if not recipient:
            raise UserError("service.recipient_required", field="recipient")
        if not signed and not _text(note):
            raise UserError("service.reason_required", field="note")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            served_on = self._check_day(served_on, complaint, "served_on")
            name = procedure_rules.SERVED_DOCUMENTS[document]
            number, issued = procedure_rules.document_number(
                complaint, document, procedure_rules.step_lines(uow.session, complaint.id))
            if not number or issued is None:
                raise UserError("service.document_not_issued", field="document", document=name)
            if served_on < issued:
                raise UserError("service.before_issue", field="served_on", document=name,
                                issued=issued.isoformat(), date=served_on.isoformat())
            uow.session.add(ServiceRecord(
                complaint_id=complaint.id, document=document, document_no=number, method=method,
                served_on=served_on, recipient=recipient, signed=signed, note=_text(note),
                server=_text(server, limit=200) or self._officer_names(uow.session, complaint.id)[:200],
            ))
            method_zh = procedure_rules.METHOD_LABELS[ServiceMethod(method)][0]
            self._event(uow, complaint, "service", served_on,
                        f"{name}{number}，{method_zh}，受送达人：{recipient}" + ("" if signed else f"（未签收：{_text(note)}）"))
        return self.get(complaint_id)

    def record_publication(self, complaint_id: int, version: int, on: date) -> ComplaintDetail:
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            if complaint.decision_issued_on is None:
                raise UserError("complaint.nothing_to_publish")
            on = self._check_day(on, complaint)
            complaint.published_on = on
            self._event(uow, complaint, "publish", on)
        return self.get(complaint_id)

    # ------------------------------------------------------------ payment plan and payments
    def set_plan(
        self, complaint_id: int, version: int, instalments: Sequence[Mapping[str, Any]], on: date | None = None
    ) -> ComplaintDetail:
        """Replace the payment plan (一案一策): [{worker_id, due_on, amount_fen}].

        Per worker the plan may not exceed what is owed to them.  Payments
        already made stay; they fill the instalments in due order.
        """
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            if S(complaint.status) not in rules.RECORDING_STEPS["payments"]:
                raise UserError(
                    "complaint.no_payments_in_state",
                    status_zh=rules.label(rules.STATUS_LABELS, complaint.status),
                    status_en=rules.label(rules.STATUS_LABELS, complaint.status, "en"),
                )
            workers = {w.id: w for w in complaint.workers}
            planned: dict[int, int] = {}
            rows = []
            for i, item in enumerate(instalments):
                worker_id = item.get("worker_id")
                if worker_id not in workers:
                    raise UserError("complaint.worker_not_in_case", field=f"plan.{i}")
                amount = _fen(item.get("amount_fen"), f"plan.{i}")
                if amount <= 0:
                    raise UserError("complaint.amount_not_positive", field=f"plan.{i}")
                due_on = item.get("due_on")
                if type(due_on) is not date:
                    raise UserError("complaint.date_required", field=f"plan.{i}")
                if due_on < complaint.received_on:
                    raise UserError(
                        "complaint.date_before_received", field=f"plan.{i}",
                        date=due_on.isoformat(), received=complaint.received_on.isoformat(),
                    )
                planned[worker_id] = planned.get(worker_id, 0) + amount
                rows.append((worker_id, due_on, amount))
            for worker_id, total in planned.items():
                owed = workers[worker_id].owed_fen
                if total > owed:
                    name = uow.session.get(Party, workers[worker_id].party_id).name  # type: ignore[union-attr]
                    raise UserError(
                        "complaint.plan_exceeds_owed", field="plan", name=name,
                        planned=format_yuan(total), owed=format_yuan(owed),
                    )
            for old in uow.session.scalars(
                select(PaymentInstalment).where(PaymentInstalment.complaint_id == complaint.id)
            ):
                uow.session.delete(old)
            for worker_id, due_on, amount in rows:
                uow.session.add(
                    PaymentInstalment(complaint_id=complaint.id, worker_id=worker_id, due_on=due_on, amount_fen=amount)
                )
            complaint.updated_at = datetime.now(UTC)  # bumps the version: the plan is part of the case
            self._event(
                uow, complaint, "plan", on or self.today(),
                f"{len(rows)}期，合计{format_yuan(sum(r[2] for r in rows))}元",
            )
        return self.get(complaint_id)

    def record_payment(
        self,
        complaint_id: int,
        worker_id: int,
        paid_on: date,
        amount_fen: int,
        *,
        method: str = "",
        note: str = "",
    ) -> ComplaintDetail:
        """Wages actually paid to one worker of the case; refused beyond what is still owed."""
        amount = _fen(amount_fen, "amount")
        if amount <= 0:
            raise UserError("complaint.amount_not_positive", field="amount")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._add_payment(uow, complaint, worker_id, paid_on, amount, method, note)
        return self.get(complaint_id)

    def _add_payment(
        self, uow: UnitOfWork, complaint: Complaint, worker_id: int, paid_on: date, amount: int,
        method: str, note: str, *, check_future: bool = True,
    ) -> None:
        if S(complaint.status) not in rules.RECORDING_STEPS["payments"]:
            raise UserError(
                "complaint.no_payments_in_state",
                status_zh=rules.label(rules.STATUS_LABELS, complaint.status),
                status_en=rules.label(rules.STATUS_LABELS, complaint.status, "en"),
            )
        worker = uow.session.get(ComplaintWorker, worker_id)
        if worker is None or worker.complaint_id != complaint.id:
            raise UserError("complaint.worker_not_in_case", field="worker")
        if check_future:
            paid_on = self._check_day(paid_on, complaint, "paid_on")
        paid = uow.session.scalar(
            select(func.coalesce(func.sum(WagePayment.amount_fen), 0)).where(WagePayment.worker_id == worker.id)
        ) or 0
        remaining = worker.owed_fen - paid
        if amount > remaining:
            name = uow.session.get(Party, worker.party_id).name  # type: ignore[union-attr]
            raise UserError(
                "complaint.payment_exceeds_owed", field="amount", name=name,
                amount=format_yuan(amount), remaining=format_yuan(remaining),
            )
        uow.session.add(
            WagePayment(
                complaint_id=complaint.id, worker_id=worker.id, paid_on=paid_on, amount_fen=amount,
                method=_text(method, limit=50), note=_text(note),
            )
        )
        name = uow.session.get(Party, worker.party_id).name  # type: ignore[union-attr]
        self._event(uow, complaint, "payment", paid_on, f"{name} {format_yuan(amount)}元")

    # ------------------------------------------------------------ closure
    def close(self, complaint_id: int, version: int, on: date, kind: str, reason: str) -> ComplaintDetail:
        """结案: only when the plan is paid (every worker paid what is owed, or every
        instalment covered) or the case was otherwise disposed of — always with the reason."""
        if kind not in {k.value for k in ClosureKind}:
            raise UserError("complaint.closure_unknown", field="kind", value=kind)
        if not _text(reason):
            raise UserError("complaint.reason_required", field="reason")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_CLOSE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            session = uow.session
            if kind == ClosureKind.PAID:
                owed = sum(w.owed_fen for w in complaint.workers)
                paid = session.scalar(
                    select(func.coalesce(func.sum(WagePayment.amount_fen), 0)).where(
                        WagePayment.complaint_id == complaint.id
                    )
                ) or 0
                planned = session.scalar(
                    select(func.coalesce(func.sum(PaymentInstalment.amount_fen), 0)).where(
                        PaymentInstalment.complaint_id == complaint.id
                    )
                ) or 0
                uncovered = self._uncovered_instalments(session, complaint.id)
                plan_paid = planned > 0 and not uncovered
                if not (owed > 0 and paid >= owed) and not plan_paid:
                    raise UserError(
                        "complaint.not_paid", field="kind",
                        paid=format_yuan(paid), owed=format_yuan(owed),
                    )
            else:
                expected = {
                    ClosureKind.TRANSFERRED: {S.TRANSFERRED},
                    ClosureKind.WITHDRAWN: {S.CASE_WITHDRAWN},
                    ClosureKind.DECISION: {S.ADMIN_DECISION, S.PENALTY},
                }.get(ClosureKind(kind))
                if expected is not None and S(complaint.status) not in expected:
                    raise UserError(
                        "complaint.closure_does_not_match", field="kind",
                        kind_zh=rules.label(rules.CLOSURE_LABELS, kind),
                        kind_en=rules.label(rules.CLOSURE_LABELS, kind, "en"),
                        status_zh=rules.label(rules.STATUS_LABELS, complaint.status),
                        status_en=rules.label(rules.STATUS_LABELS, complaint.status, "en"),
                    )
            self._transition(uow, complaint, "close", on, reason, officers=self._officer_names(session, complaint.id))
            complaint.closed_on = on
            complaint.closure_kind = kind
            complaint.close_reason = _text(reason)
        return self.get(complaint_id)

    def notify_result(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "notify_result", on, note, Permission.COMPLAINT_CLOSE)

    def archive(self, complaint_id: int, version: int, on: date) -> ComplaintDetail:
        return self._simple(complaint_id, version, "archive", on, "", Permission.COMPLAINT_CLOSE)

    def _uncovered_instalments(self, session: Session, complaint_id: int) -> list[int]:
        lines = self._instalment_lines(session, complaint_id, {}, self.today())
        return [i.id for i in lines if not i.paid]

    # ------------------------------------------------------------ reads
    def get(self, complaint_id: int) -> ComplaintDetail:
        self.actor.require(Permission.COMPLAINT_VIEW)
        with self.store.read() as session:
            complaint = session.get(Complaint, complaint_id)
            if complaint is None:
                raise UserError("complaint.not_found")
            return self._detail(session, complaint)

    def _detail(self, session: Session, c: Complaint) -> ComplaintDetail:
        today = self.today()
        parties = {
            p.id: p
            for p in session.scalars(
                select(Party).where(
                    Party.id.in_(
                        [e.party_id for e in c.employers] + [w.party_id for w in c.workers] + [c.complainant_id or 0]
                    )
                )
            )
        }
        paid = dict(
            session.execute(
                select(WagePayment.worker_id, func.sum(WagePayment.amount_fen))
                .where(WagePayment.complaint_id == c.id)
                .group_by(WagePayment.worker_id)
            ).all()
        )
        planned = dict(
            session.execute(
                select(PaymentInstalment.worker_id, func.sum(PaymentInstalment.amount_fen))
                .where(PaymentInstalment.complaint_id == c.id)
                .group_by(PaymentInstalment.worker_id)
            ).all()
        )
        workers = tuple(
            WorkerLine(
                id=w.id,
                party_id=w.party_id,
                name=parties[w.party_id].name,
                id_no=mask(Sensitive.ID_NO, parties[w.party_id].id_no),
                is_migrant_worker=bool(parties[w.party_id].is_migrant_worker),
                owed_fen=w.owed_fen,
                recovered_fen=int(paid.get(w.id, 0) or 0),
                planned_fen=int(planned.get(w.id, 0) or 0),
            )
            for w in c.workers
        )
        names = {w.id: w.name for w in workers}
        employers = tuple(
            EmployerLine(
                e.id, e.party_id, parties[e.party_id].name, parties[e.party_id].uscc or "", e.role,
                parties[e.party_id].legal_rep or "", parties[e.party_id].address or "",
            )
            for e in c.employers
        )
        officers = tuple(
            OfficerLine(o.officer_id, off.name, o.lead, o.assigned_on, self._certificate_no(off, o.assigned_on))
            for o, off in session.execute(
                select(ComplaintOfficer, Officer)
                .join(Officer, Officer.id == ComplaintOfficer.officer_id)
                .where(ComplaintOfficer.complaint_id == c.id)
                .order_by(ComplaintOfficer.lead.desc(), Officer.name_sort)
            ).all()
        )
        event_rows = list(session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == c.id)
            .order_by(ComplaintEvent.occurred_on, ComplaintEvent.id)
        ))
        people = display_names(session, [c.received_by or "", *(e.actor for e in event_rows)])  # names, not logins
        events = tuple(
            EventLine(e.id, e.occurred_on, e.action, e.from_status, e.to_status, people.get(e.actor, e.actor),
                      e.officers, e.note)
            for e in event_rows
        )
        payments = tuple(
            PaymentLine(p.id, p.worker_id, names.get(p.worker_id, ""), p.paid_on, p.amount_fen, p.method, p.note)
            for p in session.scalars(
                select(WagePayment).where(WagePayment.complaint_id == c.id).order_by(WagePayment.paid_on, WagePayment.id)
            )
        )
        reviews = tuple(
            ReviewLine(r.id, off.name, r.decision_kind, r.opinion, r.reviewed_on, r.text)
            for r, off in session.execute(
                select(LegalReview, Officer)
                .join(Officer, Officer.id == LegalReview.reviewer_id)
                .where(LegalReview.complaint_id == c.id)
                .order_by(LegalReview.reviewed_on, LegalReview.id)
            ).all()
        )
        instalments = tuple(self._instalment_lines(session, c.id, names, today))
        review_start = c.received_on
        for e in events:
            if e.action == "corrected":
                review_start = e.occurred_on
        steps = procedure_rules.step_lines(session, c.id)
        services = procedure_rules.service_lines(session, c.id)
        evidence_files = tuple(
            EvidenceLine(f.description.strip() or f.filename, evidence_kind(f.filename), f.added_on)
            for f in session.scalars(
                select(EvidenceFile).where(EvidenceFile.complaint_id == c.id)
                .order_by(EvidenceFile.added_on, EvidenceFile.id)
            )
        )
        facts = _Facts(
            c.status, c.received_on, review_start, c.filed_on, c.extension_days, c.decision_kind,
            c.decision_issued_on, c.publish_required, c.published_on, c.rectification_due,
            procedures=tuple(procedure_rules.procedure(steps, services, kind) for kind in ("admin_decision", "penalty")),
            decision_served_on=procedure_rules.decision_service(services, c.decision_kind or "", c.decision_no or ""),
        )
        deadlines = self.deadlines(facts)
        overdue_instalments = [i for i in instalments if i.overdue]
        if overdue_instalments and c.status in rules.PAYMENT_STATES:
            first = overdue_instalments[0]
            deadlines.append(
                DeadlineView(
                    key="instalment", label_zh="逾期未付分期", label_en="Overdue instalment",
                    due=first.due_on, days_left=(first.due_on - today).days, overdue=True, warning=None,
                    explanation=f"{first.worker_name} {format_yuan(first.amount_fen - first.covered_fen)}元未付",
                )
            )
        complainant = parties.get(c.complainant_id or -1)
        display = self._complainant_display(c.kind, c.anonymous, complainant.name if complainant else None)
        withheld = c.kind == ComplaintKind.REPORT and not self._may_see_reporter()
        project = session.get(Project, c.project_id) if c.project_id else None
        return ComplaintDetail(
            id=c.id, version=c.version, number=c.number, case_no=c.case_no or "", kind=c.kind, channel=c.channel,
            received_at=c.received_at, received_on=c.received_on, received_by=people.get(c.received_by, c.received_by),
            complainant_id=None if withheld else c.complainant_id, complainant=display,
            complainant_id_no="" if withheld or complainant is None else mask(Sensitive.ID_NO, complainant.id_no),
            complainant_phone="" if withheld or complainant is None else mask(Sensitive.PHONE, complainant.phone),
            anonymous=c.anonymous, project_id=c.project_id, project=project.name if project else "",
            matters=c.matters, requests=c.requests, evidence=c.evidence, status=c.status,
            decided_on=c.decided_on, decision_ground=c.decision_ground or "", redirected_to=c.redirected_to or "",
            filed_on=c.filed_on, extension_days=c.extension_days, disposal_method=c.disposal_method,
            responsible_department=c.responsible_department or "", rectification_no=c.rectification_no or "",
            rectification_ordered_on=c.rectification_ordered_on, rectification_due=c.rectification_due,
            decision_kind=c.decision_kind, decision_no=c.decision_no or "", decision_issued_on=c.decision_issued_on,
            decision_facts=c.decision_facts or "", decision_basis=c.decision_basis or "",
            decision_order=c.decision_order or "", ordered_fen=c.ordered_fen, fine_fen=c.fine_fen,
            publish_required=c.publish_required, published_on=c.published_on, closed_on=c.closed_on,
            closure_kind=c.closure_kind, close_reason=c.close_reason or "",
            employers=employers, workers=workers, officers=officers, events=events,
            instalments=instalments, payments=payments, reviews=reviews, deadlines=tuple(deadlines),
            steps=steps, services=services, evidence_files=evidence_files,
        )

    @staticmethod
    def _certificate_no(officer: Officer, day: date) -> str:
        valid = [c for c in officer.certificates if c.status == "valid" and c.issue_date <= day <= c.expiry_date]
        return valid[0].number if valid else ""

    @staticmethod
    def _instalment_lines(session: Session, complaint_id: int, names: Mapping[int, str], today: date) -> list[InstalmentLine]:
        """Payments fill each worker's instalments in due order."""
        plan = session.scalars(
            select(PaymentInstalment)
            .where(PaymentInstalment.complaint_id == complaint_id)
            .order_by(PaymentInstalment.due_on, PaymentInstalment.id)
        ).all()
        paid = dict(
            session.execute(
                select(WagePayment.worker_id, func.sum(WagePayment.amount_fen))
                .where(WagePayment.complaint_id == complaint_id)
                .group_by(WagePayment.worker_id)
            ).all()
        )
        left = {k: int(v or 0) for k, v in paid.items()}
        lines = []
        for inst in plan:
            available = left.get(inst.worker_id, 0)
            covered = min(available, inst.amount_fen)
            left[inst.worker_id] = available - covered
            lines.append(
                InstalmentLine(
                    inst.id, inst.worker_id, names.get(inst.worker_id, ""), inst.due_on, inst.amount_fen, covered,
                    overdue=inst.due_on < today and covered < inst.amount_fen,
                )
            )
        return lines

    def query(
        self,
        *,
        text: str = "",
        status: str | Sequence[str] | None = None,
        channel: str | None = None,
        received_from: date | None = None,
        received_to: date | None = None,
        employer_id: int | None = None,
        project_id: int | None = None,
        overdue_only: bool = False,
        open_only: bool = False,
        descending: bool = True,
    ) -> PagedQuery[ComplaintRow]:
        """The complaints list, filtered and sorted in SQL (newest received first)."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        statement = self._filtered(
            select(
                Complaint.id, Complaint.version, Complaint.number, Complaint.case_no, Complaint.kind,
                Complaint.channel, Complaint.received_on, Complaint.anonymous, Complaint.status,
                Complaint.decision_due, Complaint.investigation_due, Complaint.rectification_due,
                _Complainant.name.label("complainant_name"),
                _first_employer.label("employer_name"), _employer_count.label("employer_count"),
                Project.name.label("project_name"),
                _workers_by_complaint.label("worker_count"), _owed_by_complaint.label("owed_fen"),
                _recovered_by_complaint.label("recovered_fen"),
            )
            .outerjoin(_Complainant, _Complainant.id == Complaint.complainant_id)
            .outerjoin(Project, Project.id == Complaint.project_id),
            text=text, status=status, channel=channel, received_from=received_from, received_to=received_to,
            employer_id=employer_id, project_id=project_id, overdue_only=overdue_only, open_only=open_only,
        )
        today = self.today()

        def make(r: Any) -> ComplaintRow:
            employers = r.employer_name or ""
            if (r.employer_count or 0) > 1:
                employers += f" 等{r.employer_count}家"
            if r.status in rules.REVIEW_STATES:
                next_due = r.decision_due
            elif r.status == S.RECTIFICATION_ORDERED:
                next_due = min(d for d in (r.rectification_due, r.investigation_due) if d) if (
                    r.rectification_due or r.investigation_due) else None
            elif r.status in rules.INVESTIGATION_STATES:
                next_due = r.investigation_due
            else:
                next_due = None
            return ComplaintRow(
                id=r.id, version=r.version, number=r.number, case_no=r.case_no or "", kind=r.kind,
                channel=r.channel, received_on=r.received_on,
                complainant=self._complainant_display(r.kind, r.anonymous, r.complainant_name),
                employers=employers, project=r.project_name or "", workers=int(r.worker_count or 0),
                owed_fen=int(r.owed_fen or 0), recovered_fen=int(r.recovered_fen or 0), status=r.status,
                next_due=next_due, overdue=next_due is not None and next_due < today,
            )

        return StreamingQuery(self.store, statement, SortSpec([Complaint.received_on, Complaint.id], descending), make)

    def _filtered(
        self, statement: Any, *, text: str, status: str | Sequence[str] | None, channel: str | None,
        received_from: date | None, received_to: date | None, employer_id: int | None, project_id: int | None,
        overdue_only: bool, open_only: bool,
    ) -> Any:
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            statement = statement.where(Complaint.status.in_(statuses))
        if open_only:
            statement = statement.where(Complaint.status.in_([s.value for s in rules.OPEN_STATES]))
        if channel:
            statement = statement.where(Complaint.channel == channel)
        if received_from:
            statement = statement.where(Complaint.received_on >= received_from)
        if received_to:
            statement = statement.where(Complaint.received_on <= received_to)
        if employer_id is not None:
            statement = statement.where(
                exists(
                    select(ComplaintEmployer.id).where(
                        ComplaintEmployer.complaint_id == Complaint.id, ComplaintEmployer.party_id == employer_id
                    )
                )
            )
        if project_id is not None:
            statement = statement.where(Complaint.project_id == project_id)
        if overdue_only:
            statement = statement.where(_overdue_clause(self.today()))
        words = text.strip()
        if words:
            like = f"%{words}%"
            named = aliased(Party, name="named_party")
            statement = statement.where(
                or_(
                    Complaint.number.like(like),
                    Complaint.case_no.like(like),
                    exists(
                        select(ComplaintEmployer.id)
                        .join(named, named.id == ComplaintEmployer.party_id)
                        .where(
                            ComplaintEmployer.complaint_id == Complaint.id,
                            or_(named.name.like(like), named.uscc == words.upper()),
                        )
                    ),
                    exists(
                        select(ComplaintWorker.id)
                        .join(named, named.id == ComplaintWorker.party_id)
                        .where(
                            ComplaintWorker.complaint_id == Complaint.id,
                            or_(named.name == words, named.id_no == words.upper()),
                        )
                    ),
                )
            )
        return statement

    def ledger(
        self,
        *,
        text: str = "",
        status: str | Sequence[str] | None = None,
        channel: str | None = None,
        received_from: date | None = None,
        received_to: date | None = None,
        employer_id: int | None = None,
        project_id: int | None = None,
        overdue_only: bool = False,
        open_only: bool = False,
        descending: bool = True,
    ) -> PagedQuery[LedgerRow]:
        """The wage-recovery ledger: one row per worker per case, personal data masked."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        worker_party = aliased(Party, name="worker_party")
        recovered = (
            select(func.coalesce(func.sum(WagePayment.amount_fen), 0))
            .where(WagePayment.worker_id == ComplaintWorker.id)
            .correlate(ComplaintWorker)
            .scalar_subquery()
        )
        last_paid = (
            select(func.max(WagePayment.paid_on))
            .where(WagePayment.worker_id == ComplaintWorker.id)
            .correlate(ComplaintWorker)
            .scalar_subquery()
        )
        statement = self._filtered(
            select(
                ComplaintWorker.id.label("worker_row_id"), Complaint.id, Complaint.number, Complaint.case_no,
                Complaint.received_on, Complaint.status, _first_employer.label("employer_name"),
                _employer_count.label("employer_count"), Project.name.label("project_name"),
                worker_party.name.label("worker_name"), worker_party.id_no, worker_party.is_migrant_worker,
                ComplaintWorker.owed_fen, recovered.label("recovered_fen"), last_paid.label("last_paid_on"),
            )
            .join(ComplaintWorker, ComplaintWorker.complaint_id == Complaint.id)
            .join(worker_party, worker_party.id == ComplaintWorker.party_id)
            .outerjoin(Project, Project.id == Complaint.project_id),
            text=text, status=status, channel=channel, received_from=received_from, received_to=received_to,
            employer_id=employer_id, project_id=project_id, overdue_only=overdue_only, open_only=open_only,
        )

        def make(r: Any) -> LedgerRow:
            employers = r.employer_name or ""
            if (r.employer_count or 0) > 1:
                employers += f" 等{r.employer_count}家"
            return LedgerRow(
                complaint_id=r.id, number=r.number, case_no=r.case_no or "", received_on=r.received_on,
                status=r.status, employers=employers, project=r.project_name or "", worker=r.worker_name,
                id_no=mask(Sensitive.ID_NO, r.id_no), is_migrant_worker=bool(r.is_migrant_worker),
                owed_fen=int(r.owed_fen), recovered_fen=int(r.recovered_fen or 0), last_paid_on=r.last_paid_on,
            )

        return StreamingQuery(
            self.store, statement, SortSpec([Complaint.received_on, Complaint.id, ComplaintWorker.id], descending), make
        )

    def payments(
        self,
        *,
        paid_from: date | None = None,
        paid_to: date | None = None,
        employer_id: int | None = None,
        project_id: int | None = None,
        text: str = "",
        descending: bool = True,
    ) -> PagedQuery[PaymentRow]:
        """Every payment recorded, newest first, filtered in SQL (the year's 'wages recovered' is its sum)."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        worker_party = aliased(Party, name="paid_party")
        statement = (
            select(
                WagePayment.id, WagePayment.paid_on, WagePayment.amount_fen, WagePayment.method,
                Complaint.id.label("complaint_id"), Complaint.number, Complaint.case_no,
                worker_party.name.label("worker_name"), worker_party.id_no,
                _first_employer.label("employer_name"),
            )
            .join(Complaint, Complaint.id == WagePayment.complaint_id)
            .join(ComplaintWorker, ComplaintWorker.id == WagePayment.worker_id)
            .join(worker_party, worker_party.id == ComplaintWorker.party_id)
        )
        if paid_from:
            statement = statement.where(WagePayment.paid_on >= paid_from)
        if paid_to:
            statement = statement.where(WagePayment.paid_on <= paid_to)
        statement = self._filtered(
            statement, text=text, status=None, channel=None, received_from=None, received_to=None,
            employer_id=employer_id, project_id=project_id, overdue_only=False, open_only=False,
        )

        def make(r: Any) -> PaymentRow:
            return PaymentRow(
                id=r.id, paid_on=r.paid_on, amount_fen=int(r.amount_fen), method=r.method or "",
                complaint_id=r.complaint_id, number=r.number, case_no=r.case_no or "", worker=r.worker_name,
                id_no=mask(Sensitive.ID_NO, r.id_no), employer=r.employer_name or "",
            )

        return StreamingQuery(self.store, statement, SortSpec([WagePayment.paid_on, WagePayment.id], descending), make)

    def summary(self, *, employer_id: int | None = None, project_id: int | None = None) -> GroupSummary:
        """Totals over all complaints of one employer (credit code) or one project."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        if (employer_id is None) == (project_id is None):
            raise ValueError("give exactly one of employer_id, project_id")
        with self.store.read() as session:
            if employer_id is not None:
                party = session.get(Party, employer_id)
                if party is None:
                    raise UserError("party.not_found")
                title = f"{party.name}（{party.uscc}）" if party.uscc else party.name
            else:
                project = session.get(Project, project_id)
                if project is None:
                    raise UserError("project.not_found")
                title = project.name
            ids = self._filtered(
                select(Complaint.id), text="", status=None, channel=None, received_from=None, received_to=None,
                employer_id=employer_id, project_id=project_id, overdue_only=False, open_only=False,
            ).subquery()
            complaints = session.scalar(select(func.count()).select_from(ids)) or 0
            open_count = session.scalar(
                select(func.count(Complaint.id)).where(
                    Complaint.id.in_(select(ids.c.id)), Complaint.status.in_([s.value for s in rules.OPEN_STATES])
                )
            ) or 0
            workers, owed = session.execute(
                select(func.count(func.distinct(ComplaintWorker.party_id)), func.coalesce(func.sum(ComplaintWorker.owed_fen), 0))
                .where(ComplaintWorker.complaint_id.in_(select(ids.c.id)))
            ).one()
            recovered = session.scalar(
                select(func.coalesce(func.sum(WagePayment.amount_fen), 0)).where(
                    WagePayment.complaint_id.in_(select(ids.c.id))
                )
            ) or 0
        return GroupSummary(title, int(complaints), int(open_count), int(workers or 0), int(owed or 0), int(recovered))

    def figures(self, year: int) -> InspectionFigures:
        """The yearly report's inspection counts, each by the date of its own event (DOMAIN A3)."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        first, last = date(year, 1, 1), date(year, 12, 31)
        with self.store.read() as session:
            received = session.scalar(
                select(func.count(Complaint.id)).where(Complaint.received_on.between(first, last))
            ) or 0
            paid_in_year = (
                select(
                    ComplaintWorker.party_id.label("party_id"),
                    WagePayment.complaint_id.label("complaint_id"),
                    WagePayment.amount_fen.label("amount_fen"),
                )
                .join(ComplaintWorker, ComplaintWorker.id == WagePayment.worker_id)
                .where(WagePayment.paid_on.between(first, last), WagePayment.amount_fen > 0)
                .subquery()
            )
            total, helped, cases = session.execute(
                select(
                    func.coalesce(func.sum(paid_in_year.c.amount_fen), 0),
                    func.count(func.distinct(paid_in_year.c.party_id)),
                    func.count(func.distinct(paid_in_year.c.complaint_id)),
                )
            ).one()
            migrants = session.scalar(
                select(func.count(func.distinct(paid_in_year.c.party_id)))
                .join(Party, Party.id == paid_in_year.c.party_id)
                .where(Party.is_migrant_worker.is_(True))
            ) or 0
        return InspectionFigures(year, int(received), int(helped), int(total), int(cases), int(migrants))


__all__ = [
    "ComplaintDetail",
    "ComplaintRow",
    "ComplaintService",
    "DeadlineView",
    "DuplicateWarning",
    "GroupSummary",
    "InspectionFigures",
    "LedgerRow",
]


# Complaints' time limits on Today's desk (registered when this module is imported).
