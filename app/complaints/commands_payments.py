"""Wage recovery: the payment plan (一案一策, instalments per worker) and the
wages actually paid.  What was recovered is the sum of the payments, never a
typed total; a payment beyond what is still owed to the worker is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from app.accounts.permissions import Permission
from app.complaints import rules
from app.complaints.commands import CaseCommands
from app.complaints.common import clean_text, refuse_in_status, whole_fen
from app.complaints.models import (
    Complaint,
    ComplaintStatus,
    ComplaintWorker,
    PaymentInstalment,
    WagePayment,
)
from app.complaints.rows import ComplaintDetail
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.legal.rates import format_yuan
from app.parties.models import Party

S = ComplaintStatus


class PaymentCommands(CaseCommands):
    """The payment plan and payments (a part of `ComplaintService`)."""

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
                raise refuse_in_status("complaint.no_payments_in_state", complaint.status)
            workers = {w.id: w for w in complaint.workers}
            planned: dict[int, int] = {}
            rows = []
            for i, item in enumerate(instalments):
                worker_id = item.get("worker_id")
                if worker_id not in workers:
                    raise UserError("complaint.worker_not_in_case", field=f"plan.{i}")
                amount = whole_fen(item.get("amount_fen"), f"plan.{i}")
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

    def add_instalment(
        self, complaint_id: int, version: int, worker_id: int, due_on: date, amount_fen: int, on: date | None = None
    ) -> ComplaintDetail:
        """One more instalment at the end of the case's plan (the case page's 增加一期): the plan as it
        stands at `version`, and this one, replace it (`set_plan` checks them all again)."""
        current = self.get(complaint_id)
        plan: list[Mapping[str, Any]] = [
            {"worker_id": i.worker_id, "due_on": i.due_on, "amount_fen": i.amount_fen} for i in current.instalments]
        plan.append({"worker_id": worker_id, "due_on": due_on, "amount_fen": amount_fen})
        return self.set_plan(complaint_id, version, plan, on)

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
        amount = whole_fen(amount_fen, "amount")
        if amount <= 0:
            raise UserError("complaint.amount_not_positive", field="amount")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._add_payment(uow, complaint, worker_id, paid_on, amount, method, note)
        return self.get(complaint_id)

    def record_payments(self, complaint_id: int, payments: Sequence[Mapping[str, Any]]) -> int:
        """A payroll (代发工资): wages paid to many workers of the case, all saved together or none —
        [{worker_id, paid_on, amount_fen, method?, note?}].  Each payment is checked as
        `record_payment` checks one (a refusal names the item, `payments.{i}`); the payments of one
        worker in the list add up against what is still owed to them.  Returns how many were saved;
        the case as pages show it is `get(complaint_id)`."""
        items = []
        for i, item in enumerate(payments):
            amount = whole_fen(item.get("amount_fen"), f"payments.{i}")
            if amount <= 0:
                raise UserError("complaint.amount_not_positive", field=f"payments.{i}")
            items.append((i, item, amount))
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            self._refuse_unless_paying(complaint)
            workers = {w.id: w for w in complaint.workers}
            paid = self._paid_so_far(uow, list(workers))
            names = self._names(uow, [w.party_id for w in workers.values()])
            for i, item, amount in items:
                worker = workers.get(item.get("worker_id", 0))
                if worker is None:
                    raise UserError("complaint.worker_not_in_case", field=f"payments.{i}")
                paid_on = self._check_day(item.get("paid_on"), complaint, f"payments.{i}")
                self._refuse_beyond_owed(worker, paid.get(worker.id, 0), amount, names[worker.party_id],
                                         f"payments.{i}")
                paid[worker.id] = paid.get(worker.id, 0) + amount
                self._write_payment(uow, complaint, worker, names[worker.party_id], paid_on, amount,
                                    str(item.get("method") or ""), str(item.get("note") or ""))
        return len(items)

    def _add_payment(
        self, uow: UnitOfWork, complaint: Complaint, worker_id: int, paid_on: date, amount: int,
        method: str, note: str, *, check_future: bool = True,
    ) -> None:
        self._refuse_unless_paying(complaint)
        worker = uow.session.get(ComplaintWorker, worker_id)
        if worker is None or worker.complaint_id != complaint.id:
            raise UserError("complaint.worker_not_in_case", field="worker")
        if check_future:
            paid_on = self._check_day(paid_on, complaint, "paid_on")
        name = self._names(uow, [worker.party_id])[worker.party_id]
        self._refuse_beyond_owed(worker, self._paid_so_far(uow, [worker.id]).get(worker.id, 0), amount, name, "amount")
        self._write_payment(uow, complaint, worker, name, paid_on, amount, method, note)

    @staticmethod
    def _refuse_unless_paying(complaint: Complaint) -> None:
        if S(complaint.status) not in rules.RECORDING_STEPS["payments"]:
            raise refuse_in_status("complaint.no_payments_in_state", complaint.status)

    @staticmethod
    def _paid_so_far(uow: UnitOfWork, worker_ids: Sequence[int]) -> dict[int, int]:
        """What each worker has been paid (fen), payments not yet flushed included (autoflush)."""
        if not worker_ids:
            return {}
        rows = uow.session.execute(
            select(WagePayment.worker_id, func.coalesce(func.sum(WagePayment.amount_fen), 0))
            .where(WagePayment.worker_id.in_(worker_ids)).group_by(WagePayment.worker_id)
        ).all()
        return {worker_id: int(total) for worker_id, total in rows}

    @staticmethod
    def _names(uow: UnitOfWork, party_ids: Sequence[int]) -> dict[int, str]:
        return {pid: name for pid, name in uow.session.execute(select(Party.id, Party.name).where(Party.id.in_(party_ids)))}

    @staticmethod
    def _refuse_beyond_owed(worker: ComplaintWorker, paid: int, amount: int, name: str, field_name: str) -> None:
        remaining = worker.owed_fen - paid
        if amount > remaining:
            raise UserError(
                "complaint.payment_exceeds_owed", field=field_name, name=name,
                amount=format_yuan(amount), remaining=format_yuan(remaining),
            )

    def _write_payment(
        self, uow: UnitOfWork, complaint: Complaint, worker: ComplaintWorker, name: str, paid_on: date, amount: int,
        method: str, note: str,
    ) -> None:
        uow.session.add(
            WagePayment(
                complaint_id=complaint.id, worker_id=worker.id, paid_on=paid_on, amount_fen=amount,
                method=clean_text(method, limit=50), note=clean_text(note),
            )
        )
        self._event(uow, complaint, "payment", paid_on, f"{name} {format_yuan(amount)}元")
