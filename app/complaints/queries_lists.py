"""The complaints' lists and figures: the complaints list, the wage-recovery
ledger (one row per worker per case), the payments, an employer's or a
project's totals and the yearly report's inspection figures.

Reads only, filtered and sorted in SQL; the lists page (`PagedQuery`) and an
export reads them in one streamed pass (`StreamingQuery.batches`).  Personal
data is masked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, TypedDict, Unpack

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import QueryableAttribute, aliased

from app.accounts.permissions import Permission
from app.complaints import rules
from app.complaints.case_sql import (
    Complainant,
    employer_count,
    employers_text,
    first_employer,
    overdue_clause,
    owed_by_complaint,
    recovered_by_complaint,
    workers_by_complaint,
)
from app.complaints.models import (
    Complaint,
    ComplaintEmployer,
    ComplaintStatus,
    ComplaintWorker,
    WagePayment,
)
from app.complaints.queries_case import CaseQueries
from app.complaints.rows import ComplaintRow, GroupSummary, InspectionFigures, LedgerRow, PaymentRow
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.parties.models import Party
from app.privacy import Sensitive, mask
from app.projects.models import Project

S = ComplaintStatus


class CaseFilters(TypedDict, total=False):
    """The filters the complaints list and the ledger share (every one optional)."""

    text: str  # a number, an employer's name or credit code, a worker's full name or ID number
    status: str | Sequence[str] | None
    channel: str | None
    received_from: date | None
    received_to: date | None
    employer_id: int | None
    project_id: int | None
    overdue_only: bool
    open_only: bool


def _sorted_by(*columns: QueryableAttribute[Any], descending: bool) -> SortSpec:
    return SortSpec([column.expression for column in columns], descending)


class StreamingQuery(PagedQuery[Any]):
    """A paged query that an export can also read in one streamed pass (no OFFSET)."""

    def batches(self, size: int = 2000) -> Iterator[list[Any]]:
        ordered = self._statement.order_by(*self._ordering(self._sort.descending))
        with self._store.read() as session:
            result = session.execute(ordered.execution_options(yield_per=size))
            for partition in result.partitions(size):
                yield [self._make_row(r) for r in partition]


class ListQueries(CaseQueries):
    """The lists and figures over all complaints (a part of `ComplaintService`)."""

    def query(
        self,
        *,
        descending: bool = True,
        **filters: Unpack[CaseFilters],
    ) -> PagedQuery[ComplaintRow]:
        """The complaints list, filtered and sorted in SQL (newest received first)."""
        self.actor.require(Permission.COMPLAINT_VIEW)
        statement = self._filtered(
            select(
                Complaint.id, Complaint.version, Complaint.number, Complaint.case_no, Complaint.kind,
                Complaint.channel, Complaint.received_on, Complaint.anonymous, Complaint.status,
                Complaint.decision_due, Complaint.investigation_due, Complaint.rectification_due,
                Complainant.name.label("complainant_name"),
                first_employer.label("employer_name"), employer_count.label("employer_count"),
                Project.name.label("project_name"),
                workers_by_complaint.label("worker_count"), owed_by_complaint.label("owed_fen"),
                recovered_by_complaint.label("recovered_fen"),
            )
            .outerjoin(Complainant, Complainant.id == Complaint.complainant_id)
            .outerjoin(Project, Project.id == Complaint.project_id),
            **filters,
        )
        today = self.today()

        def make(r: Any) -> ComplaintRow:
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
                employers=employers_text(r.employer_name, r.employer_count), project=r.project_name or "", workers=int(r.worker_count or 0),
                owed_fen=int(r.owed_fen or 0), recovered_fen=int(r.recovered_fen or 0), status=r.status,
                next_due=next_due, overdue=next_due is not None and next_due < today,
            )

        return StreamingQuery(self.store, statement, _sorted_by(Complaint.received_on, Complaint.id, descending=descending), make)

    def _filtered(
        self, statement: Any, *, text: str = "", status: str | Sequence[str] | None = None,
        channel: str | None = None, received_from: date | None = None, received_to: date | None = None,
        employer_id: int | None = None, project_id: int | None = None, overdue_only: bool = False,
        open_only: bool = False,
    ) -> Any:
        """`statement` narrowed to the cases that pass the filters (see `CaseFilters`)."""
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
            statement = statement.where(overdue_clause(self.today()))
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
        descending: bool = True,
        **filters: Unpack[CaseFilters],
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
                Complaint.received_on, Complaint.status, first_employer.label("employer_name"),
                employer_count.label("employer_count"), Project.name.label("project_name"),
                worker_party.name.label("worker_name"), worker_party.id_no, worker_party.is_migrant_worker,
                ComplaintWorker.owed_fen, recovered.label("recovered_fen"), last_paid.label("last_paid_on"),
            )
            .join(ComplaintWorker, ComplaintWorker.complaint_id == Complaint.id)
            .join(worker_party, worker_party.id == ComplaintWorker.party_id)
            .outerjoin(Project, Project.id == Complaint.project_id),
            **filters,
        )

        def make(r: Any) -> LedgerRow:
            return LedgerRow(
                complaint_id=r.id, number=r.number, case_no=r.case_no or "", received_on=r.received_on,
                status=r.status, employers=employers_text(r.employer_name, r.employer_count), project=r.project_name or "", worker=r.worker_name,
                id_no=mask(Sensitive.ID_NO, r.id_no), is_migrant_worker=bool(r.is_migrant_worker),
                owed_fen=int(r.owed_fen), recovered_fen=int(r.recovered_fen or 0), last_paid_on=r.last_paid_on,
            )

        return StreamingQuery(
            self.store, statement, _sorted_by(Complaint.received_on, Complaint.id, ComplaintWorker.id, descending=descending), make
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
                first_employer.label("employer_name"),
            )
            .join(Complaint, Complaint.id == WagePayment.complaint_id)
            .join(ComplaintWorker, ComplaintWorker.id == WagePayment.worker_id)
            .join(worker_party, worker_party.id == ComplaintWorker.party_id)
        )
        if paid_from:
            statement = statement.where(WagePayment.paid_on >= paid_from)
        if paid_to:
            statement = statement.where(WagePayment.paid_on <= paid_to)
        statement = self._filtered(statement, text=text, employer_id=employer_id, project_id=project_id)

        def make(r: Any) -> PaymentRow:
            return PaymentRow(
                id=r.id, paid_on=r.paid_on, amount_fen=int(r.amount_fen), method=r.method or "",
                complaint_id=r.complaint_id, number=r.number, case_no=r.case_no or "", worker=r.worker_name,
                id_no=mask(Sensitive.ID_NO, r.id_no), employer=r.employer_name or "",
            )

        return StreamingQuery(self.store, statement, _sorted_by(WagePayment.paid_on, WagePayment.id, descending=descending), make)

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
            ids = self._filtered(select(Complaint.id), employer_id=employer_id, project_id=project_id).subquery()
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

