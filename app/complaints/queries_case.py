"""Reading one complaint: its detail with every line the case page and the
documents show, the time limits running for it, and the open complaints that
name the same worker against the same employer (登记时的重复提示).

Reads only: no method here writes.  Personal data is masked, and a report's
reporter withheld, as the actor may see it (DOMAIN B §2.3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.accounts.people import display_names
from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.common import ComplaintServiceBase
from app.complaints.models import (
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintKind,
    ComplaintOfficer,
    ComplaintStatus,
    ComplaintWorker,
    EvidenceFile,
    LegalReview,
    PaymentInstalment,
    WagePayment,
)
from app.complaints.procedure import Procedure
from app.complaints.rows import (
    ComplaintDetail,
    DeadlineView,
    DuplicateWarning,
    EmployerLine,
    EventLine,
    EvidenceLine,
    InstalmentLine,
    OfficerLine,
    PaymentLine,
    ReviewLine,
    WorkerLine,
    evidence_kind,
)
from app.errors import UserError
from app.legal.deadlines import Deadline, Unit, due, time_left
from app.legal.rates import format_yuan
from app.parties.models import Party
from app.privacy import Sensitive, mask
from app.projects.models import Project
from app.staff.models import Officer

S = ComplaintStatus


def _paid_by_worker(session: Session, complaint_id: int) -> dict[int, int]:
    """What each worker of the case was paid in all (workers without a payment are absent)."""
    rows = session.execute(
        select(WagePayment.worker_id, func.sum(WagePayment.amount_fen))
        .where(WagePayment.complaint_id == complaint_id)
        .group_by(WagePayment.worker_id)
    ).all()
    return {worker_id: int(total or 0) for worker_id, total in rows}


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


class CaseQueries(ComplaintServiceBase):
    """The reads of one case (a part of `ComplaintService`)."""

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

    # ------------------------------------------------------------ duplicates
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
        paid = _paid_by_worker(session, c.id)
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
                recovered_fen=paid.get(w.id, 0),
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
        paid = _paid_by_worker(session, complaint_id)
        left = dict(paid)
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


    def _uncovered_instalments(self, session: Session, complaint_id: int) -> list[int]:
        lines = self._instalment_lines(session, complaint_id, {}, self.today())
        return [i.id for i in lines if not i.paid]

