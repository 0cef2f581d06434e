"""Handling a complaint: the acceptance decision (受理/不予受理/转办), the
investigation (officers, actions, extension, disposal, rectification order,
transfer, withdrawal), the legal review and the decision (行政处理/处罚决定).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.commands import CaseCommands
from app.complaints.common import (
    MIN_OFFICERS,
    OFFICER_CATEGORY,
    clean_text,
    refuse_in_status,
    whole_fen,
)
from app.complaints.models import (
    ActionKind,
    Complaint,
    ComplaintOfficer,
    ComplaintStatus,
    DisposalMethod,
    LegalReview,
    ReviewOpinion,
)
from app.complaints.rows import ComplaintDetail
from app.errors import UserError
from app.kernel.numbering import allocate_number
from app.kernel.unit_of_work import UnitOfWork
from app.legal.deadlines import due
from app.legal.rates import format_yuan
from app.staff.models import Officer

S = ComplaintStatus


class HandlingCommands(CaseCommands):
    """Acceptance, investigation and decision (a part of `ComplaintService`)."""

    def request_correction(self, complaint_id: int, version: int, on: date, note: str) -> ComplaintDetail:
        if not clean_text(note):
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
        if not clean_text(ground):
            raise UserError("complaint.ground_required", field="ground")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "refuse", on, ground)
            complaint.decided_on = on
            complaint.decision_ground = clean_text(ground)
        return self.get(complaint_id)

    def redirect(self, complaint_id: int, version: int, on: date, to: str, ground: str = "") -> ComplaintDetail:
        """告知走调解仲裁/诉讼, 转送有关部门 (条例 art 21)."""
        if not clean_text(to):
            raise UserError("complaint.redirect_to_required", field="to")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "redirect", on, ground or to)
            complaint.decided_on = on
            complaint.redirected_to = clean_text(to, limit=200)
            complaint.decision_ground = clean_text(ground) or None
        return self.get(complaint_id)

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
                assigned = existing.get(officer_id)
                if assigned is None:
                    uow.session.add(
                        ComplaintOfficer(
                            complaint_id=complaint.id, officer_id=officer_id, lead=officer_id == lead, assigned_on=on
                        )
                    )
                elif assigned.lead != (officer_id == lead):
                    assigned.lead = officer_id == lead
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
        if not clean_text(note):
            raise UserError("complaint.note_required", field="note")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._require_investigating(complaint, "record_action")
            on = self._check_day(on, complaint)
            if not officers:
                officers = self._officer_names(uow.session, complaint.id)
            self._event(uow, complaint, kind, on, note, officers)
        return self.get(complaint_id)

    def extend(self, complaint_id: int, version: int, days: int, on: date, approved_by: str) -> ComplaintDetail:
        """Extend the 60-working-day investigation (I2) with the head's approval (at most 30 WD in all)."""
        if not clean_text(approved_by):
            raise UserError("complaint.approver_required", field="approved_by")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            if S(complaint.status) not in rules.RECORDING_STEPS["extend"] or complaint.filed_on is None:
                raise refuse_in_status("complaint.not_in_investigation", complaint.status)
            on = self._check_day(on, complaint)
            total = complaint.extension_days + days
            due(complaint.filed_on, self.rules.get("I2"), extension=total, calendar=self.calendar)  # checks the ceiling
            complaint.extension_days = total
            complaint.extension_approved_by = clean_text(approved_by, limit=100)
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
            complaint.responsible_department = clean_text(department, limit=200) or None
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

    def mark_rectified(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "rectified", on, note)

    def mark_not_rectified(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "not_rectified", on, note)

    def transfer(self, complaint_id: int, version: int, on: date, to: str) -> ComplaintDetail:
        if not clean_text(to):
            raise UserError("complaint.redirect_to_required", field="to")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, "transfer", on, f"移送{to}")
            complaint.redirected_to = clean_text(to, limit=200)
        return self.get(complaint_id)

    def withdraw_case(self, complaint_id: int, version: int, on: date, reason: str) -> ComplaintDetail:
        if not clean_text(reason):
            raise UserError("complaint.reason_required", field="reason")
        return self._simple(complaint_id, version, "withdraw_case", on, reason)

    def record_legal_review(
        self, complaint_id: int, reviewer_id: int, decision_kind: str, opinion: str, on: date, text: str
    ) -> ComplaintDetail:
        """法制审核 by a reviewer whose roster entry has the legal qualification (行政处罚法 art 58)."""
        if decision_kind not in ("admin_decision", "penalty"):
            raise UserError("complaint.decision_kind_unknown", field="decision_kind", value=decision_kind)
        if opinion not in {o.value for o in ReviewOpinion}:
            raise UserError("complaint.opinion_unknown", field="opinion", value=opinion)
        if not clean_text(text):
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
                    text=clean_text(text),
                )
            )
            self._event(
                uow, complaint, "legal_review", on,
                f"{rules.label(rules.OPINION_LABELS, opinion)}：{clean_text(text)}", reviewer.name,
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
        facts, basis, order = clean_text(facts), clean_text(basis), clean_text(order)
        if not facts:
            raise UserError("complaint.decision_facts_required", field="facts")
        if not basis:
            raise UserError("complaint.decision_basis_required", field="basis")
        if decision_kind == "penalty":
            if ordered_fen is not None:
                raise UserError("complaint.ordered_only_for_admin_decision", field="ordered")
            if fine_fen is None:
                raise UserError("complaint.fine_required", field="fine")
            if whole_fen(fine_fen, "fine") < 0:
                raise UserError("complaint.fine_negative", field="fine")
            if fine_fen == 0 and not order:
                raise UserError("complaint.penalty_empty", field="fine")
            amounts = f"罚款{format_yuan(fine_fen)}元"
        else:
            if fine_fen is not None:
                raise UserError("complaint.fine_only_for_penalty", field="fine")
            if not order:
                raise UserError("complaint.decision_order_required", field="order")
            if ordered_fen is not None and whole_fen(ordered_fen, "ordered") < 0:
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
            procedure_rules.check_ready(self._current(uow, complaint, decision_kind), on, self.rules, self.calendar)
            self._transition(uow, complaint, decision_kind, on, "；".join(t for t in (amounts, clean_text(note)) if t))
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
