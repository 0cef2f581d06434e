"""What the complaints' queries return: the rows of the lists, a case's detail
with its lines, the duplicate warning, the ledger and the yearly figures.

Frozen dataclasses only: no session, no SQL.  Money is integer fen; personal
data arrives masked as the actor may see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.procedure import Procedure, ServiceLine, StepLine
from app.legal.deadlines import TimeLeft


class _Recovery:
    """Owed and recovered wages, in fen: what is still outstanding is their difference."""

    owed_fen: int
    recovered_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.owed_fen - self.recovered_fen


@dataclass(frozen=True)
class _CaseKey:
    """What names a case in a list and on its page (the first fields of both)."""

    id: int
    version: int
    number: str
    case_no: str
    kind: str
    channel: str


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
class ComplaintRow(_CaseKey, _Recovery):
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
class WorkerLine(_Recovery):
    id: int  # complaint_worker id
    party_id: int
    name: str
    id_no: str  # masked
    is_migrant_worker: bool
    owed_fen: int
    recovered_fen: int
    planned_fen: int


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
class ComplaintDetail(_CaseKey):
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
class LedgerRow(_Recovery):
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
class GroupSummary(_Recovery):
    """All complaints of one employer or one project (监察+仲裁 linkage starts here)."""

    title: str
    complaints: int
    open_complaints: int
    workers: int
    owed_fen: int
    recovered_fen: int
