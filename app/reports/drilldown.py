"""The records behind each figure of the yearly report: click 757 → the 757 applications.

`drill_down(store, actor, key, first, last)` returns a paged source (count() and
page(offset, limit), what ui/lists' PagedTableModel reads) of `DrillRow`s: the
same conditions as the figure's definition (app/reports/yearly.py and the
areas' year functions), as a list.  tests/unit/test_reports.py checks each
list's count against its figure.

Lists show records, so they need the area's own VIEW permission (the figures
alone need REPORT_VIEW).  Personal data is masked: ID numbers as 520102********1234;
a reporter's identity is never listed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationParty,
    ArbitrationStatus,
    ClosureMethod,
    PartyRole,
)
from app.arbitration.service import status_label as arbitration_status
from app.arbitration.yearly_figures import CLOSURE_LABELS_ZH
from app.complaints import rules
from app.complaints.models import Complaint, ComplaintEmployer, ComplaintWorker, WagePayment
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.mediation.models import Channel, MediationCase, MediationClosure, MediationParty
from app.mediation.yearly_figures import OUTCOME_LABELS_ZH as MEDIATION_OUTCOME_LABELS_ZH
from app.parties.models import Party
from app.privacy import Sensitive, mask
from app.store.engine import Store
from app.training.models import Exam, SessionKind, TrainingSession
from app.training.service import SESSION_KIND_LABELS_ZH


def _zh(labels: dict[str, tuple[str, str]], value: str) -> str:
    """complaint_rules' labels are (Chinese, English)."""
    return labels.get(value, (value, value))[0]


@dataclass(frozen=True)
class DrillRow:
    """One counted record: what it is, its number, a name or title, the date it counts by."""

    id: int
    number: str
    title: str
    on: date | None
    detail: str = ""
    amount_fen: int | None = None


@dataclass(frozen=True)
class Figure:
    key: str
    label_zh: str
    label_en: str
    permission: Permission


FIGURES: dict[str, Figure] = {f.key: f for f in (
    Figure("complaints_received", "投诉举报（各渠道）", "Complaints and leads received", Permission.COMPLAINT_VIEW),
    Figure("workers_recovered", "追回工资人数", "Workers whose wages were recovered", Permission.COMPLAINT_VIEW),
    Figure("wages_recovered", "追回工资金额", "Wages recovered", Permission.COMPLAINT_VIEW),
    Figure("projects_active", "在建工程项目", "Projects under way", Permission.PROJECT_VIEW),
    Figure("project_compliance_rate", "“6项制度”综合达标率", "Six-system compliance rate", Permission.PROJECT_VIEW),
    Figure("arbitration_received", "仲裁案件接收", "Arbitration applications received", Permission.ARBITRATION_VIEW),
    Figure("arbitration_accepted", "仲裁受理", "Accepted", Permission.ARBITRATION_VIEW),
    Figure("arbitration_not_accepted", "不予受理", "Not accepted", Permission.ARBITRATION_VIEW),
    Figure("arbitration_amount", "涉案金额", "Amount in dispute", Permission.ARBITRATION_VIEW),
    Figure("arbitration_closed_award_or_mediation", "裁决和调解结案", "Closed by award or mediation",
           Permission.ARBITRATION_VIEW),
    Figure("arbitration_closed", "结案（全部方式）", "Closed (all methods)", Permission.ARBITRATION_VIEW),
    Figure("arbitration_pending", "期末待处理", "Pending at the end", Permission.ARBITRATION_VIEW),
    Figure("mediation_online_handled", "“互联网+调解”处理", "Online mediation handled", Permission.MEDIATION_VIEW),
    Figure("mediation_online_successful", "其中调解成功", "Of which successful", Permission.MEDIATION_VIEW),
    Figure("certified_staff", "持执法证人员", "Staff holding enforcement certificates", Permission.STAFF_VIEW),
    Figure("study_sessions", "学习培训", "Study sessions", Permission.TRAINING_VIEW),
    *(Figure(f"study_sessions.{k.value}", "学习培训", "Study sessions", Permission.TRAINING_VIEW) for k in SessionKind),
    Figure("exams", "考试", "Exams", Permission.TRAINING_VIEW),
)}
FIGURES["exam_participation_rate"] = Figure("exam_participation_rate", "参考率", "Exam participation rate",
                                            Permission.TRAINING_VIEW)
FIGURES["exam_pass_rate"] = Figure("exam_pass_rate", "合格率", "Exam pass rate", Permission.TRAINING_VIEW)


class RowList:
    """A ready list with the PagedQuery surface (for the few figures computed in Python, e.g. projects)."""

    def __init__(self, rows: Sequence[DrillRow]) -> None:
        self.rows = list(rows)

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> list[DrillRow]:
        return self.rows[offset:offset + max(limit, 0)]


def _names(store: Store, table: Any, case_column: Any, owner: Any, role: str) -> Any:
    joined = func.string_agg(Party.name, "、") if store.dialect == "postgresql" else func.group_concat(Party.name, "、")
    return (select(joined).select_from(table).join(Party, Party.id == table.party_id)
            .where(case_column == owner.id, table.role == role).correlate(owner).scalar_subquery())


def _first_employer() -> Any:
    return (select(Party.name).join(ComplaintEmployer, ComplaintEmployer.party_id == Party.id)
            .where(ComplaintEmployer.complaint_id == Complaint.id).order_by(ComplaintEmployer.id).limit(1)
            .correlate(Complaint).scalar_subquery())


def drill_down(store: Store, actor: Actor, key: str, first: date, last: date) -> PagedQuery[DrillRow] | RowList | MappedSource:
    """The records figure `key` counts over [first, last]."""
    figure = FIGURES.get(key)
    if figure is None:
        raise UserError("report.figure_unknown", field="key", value=key)
    actor.require(Permission.REPORT_VIEW)
    actor.require(figure.permission)
    builder = _BUILDERS.get(key) or (_sessions if key.startswith("study_sessions") else None)
    assert builder is not None, key
    return builder(store, actor, key, first, last)


# ---------------------------------------------------------------- inspection
def _complaints(store: Store, _actor: Actor, _key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    c = Complaint
    statement = select(c.id, c.number, c.received_on, c.channel, c.kind, _first_employer().label("employer")).where(
        c.received_on.between(first, last))
    return PagedQuery(store, statement, SortSpec([c.received_on, c.id]),
                      lambda r: DrillRow(r.id, r.number, r.employer or "", r.received_on,
                                         f"{_zh(rules.KIND_LABELS, r.kind)}／{_zh(rules.CHANNEL_LABELS, r.channel)}"))


def _workers(store: Store, _actor: Actor, _key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    statement = (
        select(Party.id, Party.name, Party.id_no, func.min(WagePayment.paid_on).label("first_paid"),
               func.sum(WagePayment.amount_fen).label("paid"))
        .join(ComplaintWorker, ComplaintWorker.party_id == Party.id)
        .join(WagePayment, WagePayment.worker_id == ComplaintWorker.id)
        .where(WagePayment.paid_on.between(first, last), WagePayment.amount_fen > 0)
        .group_by(Party.id, Party.name, Party.id_no)
    )
    return PagedQuery(store, statement, SortSpec([Party.id]),
                      lambda r: DrillRow(r.id, mask(Sensitive.ID_NO, r.id_no), r.name, r.first_paid, "",
                                         int(r.paid or 0)))


def _payments(store: Store, _actor: Actor, _key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    statement = (
        select(WagePayment.id, WagePayment.paid_on, WagePayment.amount_fen, Complaint.number, Party.name)
        .join(Complaint, Complaint.id == WagePayment.complaint_id)
        .join(ComplaintWorker, ComplaintWorker.id == WagePayment.worker_id)
        .join(Party, Party.id == ComplaintWorker.party_id)
        .where(WagePayment.paid_on.between(first, last), WagePayment.amount_fen > 0)
    )
    return PagedQuery(store, statement, SortSpec([WagePayment.paid_on, WagePayment.id]),
                      lambda r: DrillRow(r.id, r.number, r.name, r.paid_on, "", int(r.amount_fen)))


# ---------------------------------------------------------------- arbitration
_ARB_CONDITIONS: dict[str, Callable[[date, date], tuple[Any, Any]]] = {
    # key -> (where, the date column the row shows)
    "arbitration_received": lambda lo, hi: (ArbitrationCase.received_on.between(lo, hi), ArbitrationCase.received_on),
    "arbitration_accepted": lambda lo, hi: (ArbitrationCase.accepted_on.between(lo, hi), ArbitrationCase.accepted_on),
    "arbitration_amount": lambda lo, hi: (ArbitrationCase.accepted_on.between(lo, hi), ArbitrationCase.accepted_on),
    "arbitration_not_accepted": lambda lo, hi: (
        and_(ArbitrationCase.status == ArbitrationStatus.NOT_ACCEPTED.value, ArbitrationCase.decided_on.between(lo, hi)),
        ArbitrationCase.decided_on),
    "arbitration_closed": lambda lo, hi: (ArbitrationCase.closed_on.between(lo, hi), ArbitrationCase.closed_on),
    "arbitration_closed_award_or_mediation": lambda lo, hi: (
        and_(ArbitrationCase.closed_on.between(lo, hi),
             ArbitrationCase.closure_method.in_([ClosureMethod.AWARD.value, ClosureMethod.MEDIATION.value])),
        ArbitrationCase.closed_on),
    "arbitration_pending": lambda lo, hi: (
        and_(ArbitrationCase.accepted_on <= hi, ArbitrationCase.closed_on.is_(None) | (ArbitrationCase.closed_on > hi)),
        ArbitrationCase.accepted_on),
}


def _arbitration(store: Store, _actor: Actor, key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    c = ArbitrationCase
    where, day = _ARB_CONDITIONS[key](first, last)
    applicants = _names(store, ArbitrationParty, ArbitrationParty.case_id, c, PartyRole.APPLICANT.value)
    statement = select(c.id, c.case_no, c.received_on, c.status, c.closure_method, c.accepted_claims_fen,
                       day.label("day"), applicants.label("applicants")).where(where)

    def make(r: Any) -> DrillRow:
        detail = arbitration_status(r.status)
        if r.closure_method:
            detail += f"（{CLOSURE_LABELS_ZH.get(r.closure_method, r.closure_method)}）"
        return DrillRow(r.id, r.case_no or f"（收件 {r.received_on.isoformat()}）", r.applicants or "", r.day, detail,
                        r.accepted_claims_fen)

    return PagedQuery(store, statement, SortSpec([day, c.id]), make)


# ---------------------------------------------------------------- mediation
def _mediation(store: Store, _actor: Actor, key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    c = MediationCase
    where = [c.closed_on.between(first, last), c.channel == Channel.ONLINE.value]
    if key == "mediation_online_successful":
        where.append(c.closure == MediationClosure.AGREEMENT.value)
    applicants = _names(store, MediationParty, MediationParty.case_id, c, PartyRole.APPLICANT.value)
    statement = select(c.id, c.case_no, c.closed_on, c.closure, c.organisation, applicants.label("applicants")).where(*where)
    return PagedQuery(store, statement, SortSpec([c.closed_on, c.id]),
                      lambda r: DrillRow(r.id, r.case_no or "", r.applicants or "", r.closed_on,
                                         f"{MEDIATION_OUTCOME_LABELS_ZH.get(r.closure or '', r.closure or '')} "
                                         f"{r.organisation or ''}".strip()))


# ---------------------------------------------------------------- staff and training
class MappedSource:
    """Another service's paged query, its rows turned into DrillRows as pages are read."""

    def __init__(self, source: Any, make: Callable[[Any], DrillRow]) -> None:
        self.source = source
        self.make = make

    def count(self) -> int:
        return int(self.source.count())

    def page(self, offset: int, limit: int) -> list[DrillRow]:
        return [self.make(r) for r in self.source.page(offset, limit)]


def _certified(store: Store, actor: Actor, _key: str, _first: date, last: date) -> MappedSource:
    """The roster's own "valid on the day" list (StaffService.count_certified_on counts the same query)."""
    from app.staff.service import RosterFilter, StaffService

    query = StaffService(store, actor).query(as_of=last, show=RosterFilter.VALID)
    return MappedSource(query, lambda r: DrillRow(
        r.id, r.certificate.number if r.certificate else "", r.name,
        r.certificate.expiry_date if r.certificate else None, r.section or r.unit or ""))


def _sessions(store: Store, _actor: Actor, key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    s = TrainingSession
    statement = select(s.id, s.kind, s.held_on, s.topic, s.hours, s.on_rule_of_law).where(s.held_on.between(first, last))
    if "." in key:
        statement = statement.where(s.kind == key.split(".", 1)[1])
    return PagedQuery(store, statement, SortSpec([s.held_on, s.id]),
                      lambda r: DrillRow(r.id, SESSION_KIND_LABELS_ZH.get(r.kind, r.kind), r.topic, r.held_on,
                                         f"{r.hours}学时" + ("（学法）" if r.on_rule_of_law else "")))


def _exams(store: Store, _actor: Actor, _key: str, first: date, last: date) -> PagedQuery[DrillRow]:
    statement = select(Exam.id, Exam.title, Exam.held_on, Exam.organiser).where(Exam.held_on.between(first, last))
    return PagedQuery(store, statement, SortSpec([Exam.held_on, Exam.id]),
                      lambda r: DrillRow(r.id, "", r.title, r.held_on, r.organiser or ""))


def _projects(store: Store, actor: Actor, key: str, first: date, last: date) -> RowList:
    from app.projects.service import ProjectService

    summary = ProjectService(store, actor).compliance(last, since=first)
    rows = []
    for p in summary.projects:
        if key == "projects_active" and not p.under_way:
            continue
        if key == "project_compliance_rate" and not p.checked:
            continue
        detail = f"{p.in_force}/{p.applicable}" if p.checked else "未检查"
        rows.append(DrillRow(p.project_id, "", p.name, p.checked_on, detail))
    return RowList(rows)


_BUILDERS: dict[str, Callable[..., Any]] = {
    "complaints_received": _complaints,
    "workers_recovered": _workers,
    "wages_recovered": _payments,
    "projects_active": _projects,
    "project_compliance_rate": _projects,
    **{k: _arbitration for k in _ARB_CONDITIONS},
    "mediation_online_handled": _mediation,
    "mediation_online_successful": _mediation,
    "certified_staff": _certified,
    "exams": _exams,
    "exam_participation_rate": _exams,
    "exam_pass_rate": _exams,
}
