"""Closing a case (结案, with its reason), notifying the complainant of the
result and archiving.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.accounts.permissions import Permission
from app.complaints.commands import CaseCommands
from app.complaints.common import clean_text
from app.complaints.models import ClosureKind, ComplaintStatus, PaymentInstalment, WagePayment
from app.complaints.rows import ComplaintDetail
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.legal.rates import format_yuan

S = ComplaintStatus


class ClosureCommands(CaseCommands):
    """Closure (a part of `ComplaintService`)."""

    def close(self, complaint_id: int, version: int, on: date, kind: str, reason: str) -> ComplaintDetail:
        """结案: only when the plan is paid (every worker paid what is owed, or every
        instalment covered) or the case was otherwise disposed of — always with the reason."""
        if kind not in {k.value for k in ClosureKind}:
            raise UserError("complaint.closure_unknown", field="kind", value=kind)
        if not clean_text(reason):
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
                        closure=ClosureKind(kind).value, status=complaint.status,
                    )
            self._transition(uow, complaint, "close", on, reason, officers=self._officer_names(session, complaint.id))
            complaint.closed_on = on
            complaint.closure_kind = kind
            complaint.close_reason = clean_text(reason)
        return self.get(complaint_id)

    def notify_result(self, complaint_id: int, version: int, on: date, note: str = "") -> ComplaintDetail:
        return self._simple(complaint_id, version, "notify_result", on, note, Permission.COMPLAINT_CLOSE)

    def archive(self, complaint_id: int, version: int, on: date) -> ComplaintDetail:
        return self._simple(complaint_id, version, "archive", on, "", Permission.COMPLAINT_CLOSE)
