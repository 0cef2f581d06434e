"""The docket's reads that need no case view: the list, the link from a mediation, the year's
figures and the people who can sit on a tribunal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Select, exists, func, select

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationCase, ArbitrationDeadline, ArbitrationParty, PartyRole
from app.arbitration.models import ArbitrationStatus as S
from app.arbitration.steps import ServicePart
from app.arbitration.views import DocketRow, YearCounts
from app.kernel.paging import PagedQuery, SortSpec
from app.parties.models import Party
from app.store.engine import Store


def _next_due_subquery() -> Any:
    return (
        select(func.min(ArbitrationDeadline.due))
        .where(ArbitrationDeadline.case_id == ArbitrationCase.id)
        .correlate(ArbitrationCase)
        .scalar_subquery()
    )


def _names_subquery(role: PartyRole, dialect: str) -> Any:
    joined = func.string_agg(Party.name, "、") if dialect == "postgresql" else func.group_concat(Party.name, "、")
    return (
        select(joined)
        .select_from(ArbitrationParty)
        .join(Party, Party.id == ArbitrationParty.party_id)
        .where(ArbitrationParty.case_id == ArbitrationCase.id, ArbitrationParty.role == role.value)
        .correlate(ArbitrationCase)
        .scalar_subquery()
    )



class DocketQueries(ServicePart):
    # ---------------------------------------------------------------- reads
    def query(
        self,
        *,
        status: str | Sequence[str] | None = None,
        procedure: str | None = None,
        arbitrator_id: int | None = None,
        received: tuple[date | None, date | None] = (None, None),
        accepted: tuple[date | None, date | None] = (None, None),
        closed: tuple[date | None, date | None] = (None, None),
        overdue: bool = False,
        text: str = "",
        descending: bool = True,
    ) -> PagedQuery[DocketRow]:
        """The docket, newest received first, filtered in SQL."""
        self.actor.require(Permission.ARBITRATION_VIEW)
        c = ArbitrationCase
        next_due = _next_due_subquery().label("next_due")
        statement: Select[*tuple[Any, ...]] = select(
            c.id, c.version, c.case_no, c.status, c.procedure, c.received_on, c.accepted_on, c.closed_on,
            c.closure_method, c.claimed_fen,
            _names_subquery(PartyRole.APPLICANT, self.store.dialect).label("applicants"),
            _names_subquery(PartyRole.RESPONDENT, self.store.dialect).label("respondents"),
            next_due,
            select(User.display_name).where(User.id == c.chief_arbitrator_id).correlate(c).scalar_subquery()
            .label("chief"),
        )
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            statement = statement.where(c.status.in_(statuses))
        if procedure:
            statement = statement.where(c.procedure == procedure)
        if arbitrator_id is not None:
            statement = statement.where(
                (c.chief_arbitrator_id == arbitrator_id) | (c.arbitrator_2_id == arbitrator_id)
                | (c.arbitrator_3_id == arbitrator_id)
            )
        for column, (lo, hi) in ((c.received_on, received), (c.accepted_on, accepted), (c.closed_on, closed)):
            if lo is not None:
                statement = statement.where(column >= lo)
            if hi is not None:
                statement = statement.where(column <= hi)
        if overdue:
            # driven from the (small, indexed) deadlines cache, not a probe per case
            statement = statement.where(
                c.id.in_(select(ArbitrationDeadline.case_id).where(ArbitrationDeadline.due < self.today()))
            )
        words = text.strip()
        if words:
            like = f"%{words}%"
            statement = statement.where(
                c.case_no.like(like)
                | exists(
                    select(ArbitrationParty.id)
                    .join(Party, Party.id == ArbitrationParty.party_id)
                    .where(ArbitrationParty.case_id == c.id, Party.name.like(like))
                )
            )
        return PagedQuery(self.store, statement, SortSpec([c.received_on, c.id], descending), _docket_row)

    def find_by_mediation(self, mediation_id: int) -> int | None:
        self.actor.require(Permission.ARBITRATION_VIEW)
        with self.store.read() as session:
            return session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.from_mediation_id == mediation_id))

    def year_counts(self, year: int) -> YearCounts:
        """The yearly report's figures, straight from the milestone columns."""
        self.actor.require(Permission.ARBITRATION_VIEW)
        c = ArbitrationCase
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        with self.store.read() as session:
            def count(*where: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(c).where(*where)) or 0)

            closed_by = dict(
                session.execute(
                    select(c.closure_method, func.count()).where(c.closed_on.between(lo, hi))
                    .group_by(c.closure_method)
                ).all()
            )
            amount = session.scalar(
                select(func.coalesce(func.sum(c.accepted_claims_fen), 0)).where(c.accepted_on.between(lo, hi))
            )
            return YearCounts(
                received=count(c.received_on.between(lo, hi)),
                accepted=count(c.accepted_on.between(lo, hi)),
                not_accepted=count(c.status == S.NOT_ACCEPTED.value, c.decided_on.between(lo, hi)),
                not_competent=count(c.status == S.NOT_COMPETENT.value, c.decided_on.between(lo, hi)),
                withdrawn_before_decision=count(
                    c.status == S.WITHDRAWN_BEFORE_ACCEPTANCE.value, c.decided_on.between(lo, hi)
                ),
                closed_by={cast(str, k): int(v) for k, v in closed_by.items()},  # a closed case has its method
                pending_at_year_end=count(c.accepted_on <= hi, (c.closed_on.is_(None)) | (c.closed_on > hi)),
                amount_in_dispute_fen=int(amount or 0),
                pending_at_year_start=count(c.accepted_on < lo, (c.closed_on.is_(None)) | (c.closed_on >= lo)),
                received_under_review_at_year_end=count(
                    c.received_on.between(lo, hi), (c.decided_on.is_(None)) | (c.decided_on > hi)
                ),
                decided_from_earlier_years=count(c.decided_on.between(lo, hi), c.received_on < lo),
            )


def _docket_row(r: Any) -> DocketRow:
    return DocketRow(
        id=r.id, version=r.version, case_no=r.case_no or "", status=r.status, procedure=r.procedure,
        received_on=r.received_on, accepted_on=r.accepted_on, closed_on=r.closed_on,
        closure_method=r.closure_method, applicants=r.applicants or "", respondents=r.respondents or "",
        claimed_fen=r.claimed_fen or 0, next_due=r.next_due, chief_arbitrator=r.chief or "",
    )


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    roles: tuple[str, ...]


def tribunal_candidates(store: Store, actor: Actor) -> list[Member]:
    """Active accounts that can sit on a tribunal (仲裁员) or keep its record (书记员)."""
    actor.require(Permission.ARBITRATION_VIEW)
    with store.read() as session:
        rows = session.execute(
            select(User.id, User.display_name, User.roles).where(User.active.is_(True)).order_by(User.display_name, User.id)
        ).all()
    out = []
    for uid, name, roles in rows:
        role_set = tuple(r for r in (roles or "").replace(";", ",").split(",") if r.strip())
        if {"arbitrator", "arb_clerk"} & {r.strip() for r in role_set}:
            out.append(Member(uid, name, tuple(r.strip() for r in role_set)))
    return out
