"""What every complaints command shares: loading the case (refused when another
desk changed it since it was read), checking a step's date, moving the case
along its life cycle (the table in ``rules.TRANSITIONS``, kept as today) with
a dated ``ComplaintEvent`` naming who recorded it, and keeping the deadline
engine's dates on the case for the lists' SQL "overdue" filter.

Every command writes in one ``UnitOfWork`` (which audits every row it changes)
and returns the case as it now is (`CaseQueries.get`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.common import clean_text, refuse_in_status
from app.complaints.models import Complaint, ComplaintEvent, ComplaintOfficer, ComplaintStatus
from app.complaints.procedure import Procedure
from app.complaints.queries_case import CaseQueries
from app.complaints.rows import ComplaintDetail
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.deadlines import due
from app.staff.models import Officer

S = ComplaintStatus


class CaseCommands(CaseQueries):
    """The shared steps of the complaints' writes (a part of `ComplaintService`)."""

    def _load(self, uow: UnitOfWork, complaint_id: int, version: int | None) -> Complaint:
        complaint = uow.session.get(Complaint, complaint_id)
        if complaint is None:
            raise UserError("complaint.not_found")
        if version is not None and complaint.version != version:
            raise changed_elsewhere(uow.session, complaint)
        return complaint

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

    def _transition(
        self, uow: UnitOfWork, complaint: Complaint, action: str, on: date, note: str = "", officers: str = ""
    ) -> None:
        transition = rules.TRANSITIONS[action]
        current = S(complaint.status)
        if current not in transition.sources:
            raise UserError(
                "complaint.transition_not_allowed",
                field="status",
                status=current.value,
                action=action,
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
                note=clean_text(note),
            )
        )

    def _simple(
        self, complaint_id: int, version: int, action: str, on: date, note: str = "",
        permission: Permission = Permission.COMPLAINT_HANDLE,
    ) -> ComplaintDetail:
        with UnitOfWork(self.store, self.actor, permission) as uow:
            complaint = self._load(uow, complaint_id, version)
            on = self._check_day(on, complaint)
            self._transition(uow, complaint, action, on, note)
        return self.get(complaint_id)

    def _stored_deadlines(self, complaint: Complaint, review_start: date) -> None:
        """Keep the engine's dates on the row for the SQL 'overdue' filter."""
        complaint.decision_due = due(review_start, self.rules.get("I1"), calendar=self.calendar).due
        if complaint.filed_on is not None:
            complaint.investigation_due = due(
                complaint.filed_on, self.rules.get("I2"), extension=complaint.extension_days, calendar=self.calendar
            ).due
        complaint.deadline_calendar = self.calendar.version[:64] if hasattr(self.calendar, "version") else None

    def _require_investigating(self, complaint: Complaint, step: str) -> None:
        if S(complaint.status) not in rules.RECORDING_STEPS[step]:
            raise refuse_in_status("complaint.not_in_investigation", complaint.status)

    def _officer_names(self, session: Session, complaint_id: int) -> str:
        return "、".join(
            session.scalars(
                select(Officer.name)
                .join(ComplaintOfficer, ComplaintOfficer.officer_id == Officer.id)
                .where(ComplaintOfficer.complaint_id == complaint_id)
                .order_by(ComplaintOfficer.lead.desc(), Officer.name_sort)
            )
        )

    def _current(self, uow: UnitOfWork, complaint: Complaint, decision_kind: str) -> Procedure:
        return procedure_rules.procedure(
            procedure_rules.step_lines(uow.session, complaint.id),
            procedure_rules.service_lines(uow.session, complaint.id), decision_kind,
        )
