"""SQL pieces the complaints' lists, figures and the desk share: sums over a
case's workers and payments, its first employer, and the instalment that its
worker's payments do not cover yet.

Correlated scalar subqueries over ``Complaint``: each list selects them as
columns, so filtering and sorting stay in SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import ScalarSelect

from app.complaints import rules
from app.complaints.models import (
    Complaint,
    ComplaintEmployer,
    ComplaintStatus,
    ComplaintWorker,
    PaymentInstalment,
    WagePayment,
)
from app.parties.models import Party

recovered_by_complaint = (
    select(func.coalesce(func.sum(WagePayment.amount_fen), 0))
    .where(WagePayment.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
owed_by_complaint = (
    select(func.coalesce(func.sum(ComplaintWorker.owed_fen), 0))
    .where(ComplaintWorker.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
workers_by_complaint = (
    select(func.count(ComplaintWorker.id))
    .where(ComplaintWorker.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
employer_count = (
    select(func.count(ComplaintEmployer.id))
    .where(ComplaintEmployer.complaint_id == Complaint.id)
    .correlate(Complaint)
    .scalar_subquery()
)
Complainant = aliased(Party, name="complainant_party")


def first_employer_name(alias_name: str) -> ScalarSelect[str]:
    """The name of the case's first employer (in the order they were entered)."""
    employer = aliased(Party, name=alias_name)
    return (
        select(employer.name)
        .join(ComplaintEmployer, ComplaintEmployer.party_id == employer.id)
        .where(ComplaintEmployer.complaint_id == Complaint.id)
        .order_by(ComplaintEmployer.id)
        .limit(1)
        .correlate(Complaint)
        .scalar_subquery()
    )


first_employer = first_employer_name("employer_party")


def employers_text(first: str | None, count: int | None) -> str:
    """The first employer's name, with "等N家" when the case names more than one."""
    text = first or ""
    if (count or 0) > 1:
        text += f" 等{count}家"
    return text


def instalment_uncovered(inst: Any, earlier_name: str) -> ColumnElement[bool]:
    """The instalment `inst` (an alias of PaymentInstalment) is not covered by its worker's payments:
    payments fill a worker's instalments in due order, so it is uncovered when the plan up to and
    including it exceeds all that the worker was paid."""
    earlier = aliased(PaymentInstalment, name=earlier_name)
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
    return planned_through > paid


def _overdue_instalment_clause(today: date) -> ColumnElement[bool]:
    """An instalment of the case is past its date and not covered by the worker's payments."""
    inst = aliased(PaymentInstalment, name="inst")
    return exists(
        select(inst.id).where(
            inst.complaint_id == Complaint.id, inst.due_on < today, instalment_uncovered(inst, "earlier")
        )
    ).correlate(Complaint)


def overdue_clause(today: date) -> ColumnElement[bool]:
    """The case's running time limit (the dates kept on the case, or an instalment) is past."""
    return or_(
        and_(Complaint.status.in_([s.value for s in rules.REVIEW_STATES]), Complaint.decision_due < today),
        and_(
            Complaint.status.in_([s.value for s in rules.INVESTIGATION_STATES]),
            Complaint.investigation_due < today,
        ),
        and_(Complaint.status == ComplaintStatus.RECTIFICATION_ORDERED.value, Complaint.rectification_due < today),
        and_(Complaint.status.in_([s.value for s in rules.PAYMENT_STATES]), _overdue_instalment_clause(today)),
    )
