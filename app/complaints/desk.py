"""Complaints on Today's desk (今日待办): the acceptance decision (I1), the
investigation limit (I2, with its extension), the rectification date set in
the order, overdue plan instalments, and decisions waiting for publication
(I13/I13a).

The first three come from the dates the service keeps on the case for SQL
(indexed by status); instalments are matched against the worker's payments
in SQL; publication deadlines are few (issued, not yet published) and are
computed by the deadline engine.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from app.accounts.permissions import Permission
from app.complaints import rules
from app.complaints.case_sql import first_employer_name, instalment_uncovered
from app.complaints.models import Complaint, ComplaintStatus, ComplaintWorker, PaymentInstalment
from app.desk.service import DeskItem
from app.legal.calendar import default_calendar
from app.legal.deadlines import DEFAULT_RULES, due
from app.legal.rule_names import rule_name
from app.parties.models import Party

S = ComplaintStatus
_REVIEW = [s.value for s in rules.REVIEW_STATES]
_INVESTIGATION = [s.value for s in rules.INVESTIGATION_STATES]
_PAYMENT = [s.value for s in rules.PAYMENT_STATES]


def _stored(until: date, after: date | None = None) -> list[tuple[Any, ColumnElement[bool], str, str, str]]:
    """(due column, status clause, rule id, what, what in English) for the dates kept on the case."""
    return [
        (Complaint.decision_due, Complaint.status.in_(_REVIEW), "I1", "决定是否受理投诉（受理的同时立案）",
         "Decide whether to accept the complaint"),
        (Complaint.investigation_due, Complaint.status.in_(_INVESTIGATION), "I2", "调查终结", "Conclude the investigation"),
        (Complaint.rectification_due, Complaint.status == S.RECTIFICATION_ORDERED.value, "I9", "限期改正期满，核查改正情况",
         "Rectification period ends: check the rectification"),
    ]


def _uncovered_instalments(until: date, after: date | None) -> Any:
    inst = aliased(PaymentInstalment, name="desk_inst")
    conditions = [inst.due_on <= until, instalment_uncovered(inst, "desk_earlier"), Complaint.status.in_(_PAYMENT)]
    if after is not None:
        conditions.append(inst.due_on > after)
    return inst, conditions


class ComplaintDeskProvider:
    area = "complaints"
    permission = Permission.COMPLAINT_VIEW

    def items(self, session: Session, *, until: date, limit: int) -> list[DeskItem]:
        found: list[DeskItem] = []
        employer = first_employer_name("desk_employer")
        for column, state, rule_id, what, what_en in _stored(until):
            rows = session.execute(
                select(Complaint.id, Complaint.number, Complaint.case_no, column, employer)
                .where(state, column <= until)
                .order_by(column, Complaint.id)
                .limit(limit)
            ).all()
            found += [
                DeskItem(area=self.area, case_id=r[0], reference=r[2] or r[1], parties=r[4] or "",
                         rule_id=rule_id, what=what, what_en=what_en, due=r[3])
                for r in rows
            ]
        inst, conditions = _uncovered_instalments(until, None)
        worker = aliased(Party, name="desk_worker")
        rows = session.execute(
            select(Complaint.id, Complaint.number, Complaint.case_no, inst.due_on, employer, worker.name, inst.amount_fen)
            .join(Complaint, Complaint.id == inst.complaint_id)
            .join(ComplaintWorker, ComplaintWorker.id == inst.worker_id)
            .join(worker, worker.id == ComplaintWorker.party_id)
            .where(*conditions)
            .order_by(inst.due_on, inst.id)
            .limit(limit)
        ).all()
        found += [
            DeskItem(area=self.area, case_id=r[0], reference=r[2] or r[1], parties=r[4] or "", rule_id="计划",
                     what=f"按支付计划向{r[5]}支付工资", what_en=f"Pay {r[5]} under the payment plan", due=r[3])
            for r in rows
        ]
        found += [i for i in self._publications(session) if i.due <= until]
        found.sort(key=lambda i: (i.due, i.case_id))
        return found[:limit]

    def _publications(self, session: Session) -> list[DeskItem]:
        calendar = default_calendar()
        employer = first_employer_name("desk_employer")
        rows = session.execute(
            select(Complaint.id, Complaint.number, Complaint.case_no, Complaint.decision_issued_on,
                   Complaint.decision_kind, employer)
            .where(Complaint.publish_required.is_(True), Complaint.decision_issued_on.is_not(None),
                   Complaint.published_on.is_(None))
        ).all()
        items = []
        for case_id, number, case_no, issued, kind, employer_name in rows:
            rule_id = "I13" if kind == "penalty" else "I13a"
            assert issued is not None  # the query keeps only issued decisions
            deadline = due(issued, DEFAULT_RULES.get(rule_id), calendar=calendar)
            items.append(DeskItem(
                area=self.area, case_id=case_id, reference=case_no or number, parties=employer_name or "",
                rule_id=rule_id, what=DEFAULT_RULES.get(rule_id).description, what_en=rule_name(rule_id, "en"),
                due=deadline.due,
                calendar_complete=deadline.calendar_complete,
            ))
        return items

    def count(self, session: Session, *, after: date | None, until: date) -> int:
        total = 0
        for column, state, _rule, _what, _what_en in _stored(until):
            statement = select(func.count()).select_from(Complaint).where(state, column <= until)
            if after is not None:
                statement = statement.where(column > after)
            total += int(session.scalar(statement) or 0)
        inst, conditions = _uncovered_instalments(until, after)
        total += int(session.scalar(
            select(func.count()).select_from(inst).join(Complaint, Complaint.id == inst.complaint_id).where(*conditions)
        ) or 0)
        total += sum(1 for i in self._publications(session) if i.due <= until and (after is None or i.due > after))
        return total

