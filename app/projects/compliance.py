"""在建项目: the six-system figures as of a date.

Each project counts with its latest check on or before that date:
    item rate    = Σ items 落实 / Σ applicable items (不适用 excluded)
    project rate = projects whose every applicable item is 落实 / projects with
                   at least one applicable item
A check's findings are what count: a rectification recorded later does not
turn a 未落实 into 落实; the next check does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.kernel.paging import PagedQuery
from app.projects.checklist import labels_for, seed_source, stored_items
from app.projects.models import ComplianceCheck, ComplianceCheckItem, ItemStatus, Project
from app.projects.register import ProjectRegister
from app.projects.rows import ChecklistItemRow, ComplianceSummary, ProjectCompliance, ProjectRow
from app.projects.statements import (
    contractor_alias,
    filtered_statement,
    is_under_way,
    latest_check_id,
)
from app.store.engine import Store


class ComplianceFigures(ProjectRegister):
    """The figures (ProjectService); the exports' rows come from the project list."""

    def compliance(
        self,
        as_of: date,
        *,
        since: date | None = None,
        text: str = "",
        status: str | None = None,
        overdue_only: bool = False,
        today: date | None = None,
    ) -> ComplianceSummary:
        """The six-system figures as of `as_of`: each project with its latest check on or
        before it (with `since`, only checks on or after `since` count).  The filters are
        the list's; without them every project counts."""
        self.actor.require(Permission.PROJECT_VIEW)
        where: list[ColumnElement[bool]] = []
        if text or status or overdue_only:
            statement, _ = filtered_statement(text, status, overdue_only, today or bureau_today())
            where.append(Project.id.in_(select(statement.subquery().c.id)))
        with self.store.read() as session:
            standings = _standings(session, as_of, since=since, where=where)
            columns = _columns_for(session, as_of.year, standings)
        return ComplianceSummary(as_of=as_of, items=columns, projects=tuple(standings))

    def compliance_rows(
        self, as_of: date, *, text: str = "", status: str | None = None, overdue_only: bool = False,
        today: date | None = None,
    ) -> CompliancePages:
        """One standing per project of the filtered list (checked or not), read page by page: what the exports write."""
        query = self.query(text=text, status=status, overdue_only=overdue_only, today=today)
        return CompliancePages(self.store, query, as_of)


def _standings(
    session: Session,
    as_of: date,
    *,
    since: date | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ProjectCompliance]:
    latest = latest_check_id(as_of)
    statement = (
        select(Project.id, Project.name, Project.status, Project.start_date, Project.completed_on,
               Project.on_realname_platform, contractor_alias.name.label("contractor_name"), latest.label("check_id"))
        .outerjoin(contractor_alias, contractor_alias.id == Project.contractor_id)
        .where(*where)
        .order_by(Project.name_sort, Project.id)
    )
    rows = session.execute(statement).all()
    check_ids = [r.check_id for r in rows if r.check_id is not None]
    checks: dict[int, tuple[date, dict[str, str]]] = {}
    for start in range(0, len(check_ids), 500):
        chunk = check_ids[start:start + 500]
        for check_id, checked_on in session.execute(
            select(ComplianceCheck.id, ComplianceCheck.checked_on).where(ComplianceCheck.id.in_(chunk))
        ):
            checks[check_id] = (checked_on, {})
        for check_id, code, status in session.execute(
            select(ComplianceCheckItem.check_id, ComplianceCheckItem.item_code, ComplianceCheckItem.status)
            .where(ComplianceCheckItem.check_id.in_(chunk))
        ):
            checks[check_id][1][code] = status
    standings = []
    for r in rows:
        found = checks.get(r.check_id) if r.check_id is not None else None
        if found is not None and since is not None and found[0] < since:
            found = None
        statuses = found[1] if found else {}
        standings.append(
            ProjectCompliance(
                project_id=r.id, name=r.name, contractor_name=r.contractor_name or "", status=r.status,
                check_id=r.check_id if found else None, checked_on=found[0] if found else None,
                statuses=dict(statuses),
                in_force=sum(1 for s in statuses.values() if s == ItemStatus.IN_FORCE.value),
                applicable=sum(1 for s in statuses.values() if s != ItemStatus.NOT_APPLICABLE.value),
                under_way=is_under_way(r.start_date, r.status, r.completed_on, as_of),
                on_platform=bool(r.on_realname_platform),
            )
        )
    return standings


def _columns_for(session: Session, year: int, standings: Iterable[ProjectCompliance]) -> tuple[ChecklistItemRow, ...]:
    """The as-of year's list (stored or as it would be seeded), then any other codes the checks used."""
    stored = stored_items(session, year)
    if stored:
        columns = [ChecklistItemRow(i.id, year, i.code, i.label, i.position) for i in stored]
    else:
        columns = [ChecklistItemRow(None, year, c, lbl, p) for p, (c, lbl) in enumerate(seed_source(session, year))]
    known = {c.code for c in columns}
    extra = sorted({(s.checked_on.year, code) for s in standings if s.checked_on for code in s.statuses
                    if code not in known})
    labels = labels_for(session, extra)
    for y, code in extra:
        if code in known:
            continue
        known.add(code)
        columns.append(ChecklistItemRow(None, y, code, labels[(y, code)], len(columns)))
    return tuple(columns)


class CompliancePages:
    """The filtered projects' standings as of a date, read page by page (what the exports write).

    `page()` returns (ProjectRow, ProjectCompliance) pairs and remembers the
    standings it handed out; `summary()` then gives the figures of exactly the
    rows written, computed by ComplianceSummary like everywhere else."""

    def __init__(self, store: Store, query: PagedQuery[ProjectRow], as_of: date) -> None:
        self.store = store
        self.query = query
        self.as_of = as_of
        self._columns: tuple[ChecklistItemRow, ...] | None = None
        self._seen: dict[int, ProjectCompliance] = {}

    def count(self) -> int:
        return self.query.count()

    def page(self, offset: int, limit: int) -> list[tuple[ProjectRow, ProjectCompliance]]:
        rows = self.query.page(offset, limit)
        ids = [r.id for r in rows]
        with self.store.read() as session:
            standings = {s.project_id: s for s in _standings(session, self.as_of, where=[Project.id.in_(ids)])}
        self._seen.update(standings)
        return [(r, standings[r.id]) for r in rows]

    def columns(self) -> tuple[ChecklistItemRow, ...]:
        """The item columns: the as-of year's list, then any other codes the projects' checks use."""
        if self._columns is None:
            with self.store.read() as session:
                self._columns = _columns_for(session, self.as_of.year, _standings(session, self.as_of))
        return self._columns

    def summary(self) -> ComplianceSummary:
        """The figures of the rows read so far (all of them, once an export has finished)."""
        return ComplianceSummary(as_of=self.as_of, items=self.columns(), projects=tuple(self._seen.values()))
