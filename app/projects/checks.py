"""在建项目: checks — one status per item of the check year's list (落实 / 未落实 /
不适用); 未落实 needs a rectification deadline on or after the check date; the
rectification is recorded later on the item.  Overdue rectifications: 未落实
items of a project's latest check whose deadline has passed and whose
rectification is not recorded (an earlier check's finding is superseded by
the later check).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, extract, func, select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.unit_of_work import UnitOfWork
from app.projects.checklist import ensure_items, labels_for, stored_items
from app.projects.fields import collapse_spaces
from app.projects.models import (
    DEFAULT_COMPLIANCE_ITEMS,
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
    ItemStatus,
    Project,
)
from app.projects.rows import CheckItemRow, CheckRow, OverdueRow
from app.projects.statements import latest_check_id, overdue_conditions
from app.store.engine import Store


class ProjectChecks:
    """The checks' reads and writes (ProjectService)."""

    store: Store
    actor: Actor

    def record_check(
        self,
        project_id: int,
        checked_on: date | None,
        items: Mapping[str, Mapping[str, Any] | str],
        *,
        inspector: str = "",
        note: str = "",
        today: date | None = None,
    ) -> CheckRow:
        """Record a dated check: `items` = {item code: status, or {"status", "rectify_by", "evidence"}}
        with one entry for every item of the check year's list."""
        today = today or bureau_today()
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            project = uow.session.get(Project, project_id)
            if project is None:
                raise UserError("project.not_found")
            if checked_on is None:
                raise UserError("check.date_required", field="checked_on")
            if checked_on > today:
                raise UserError("check.date_future", field="checked_on")
            inspector = collapse_spaces(inspector)
            if not inspector:
                raise UserError("check.inspector_required", field="inspector")
            year = checked_on.year
            listed = ensure_items(uow.session, year)
            by_code = {i.code: i for i in listed}
            for code in items:
                if code not in by_code:
                    raise UserError("check.item_not_on_list", field=f"item:{code}", item=code, year=year)
            check = ComplianceCheck(project_id=project.id, checked_on=checked_on, inspector=inspector,
                                    note=collapse_spaces(note) or None)
            for item in listed:
                given = items.get(item.code)
                entry: Mapping[str, Any] = {"status": given} if isinstance(given, str) else (given or {})
                status = entry.get("status")
                if not status:
                    raise UserError("check.status_missing", field=f"item:{item.code}", label=item.label)
                try:
                    status = ItemStatus(status).value
                except ValueError as exc:
                    raise UserError("check.status_unknown", field=f"item:{item.code}", value=status) from exc
                rectify_by = entry.get("rectify_by") if status == ItemStatus.NOT_IN_FORCE.value else None
                if status == ItemStatus.NOT_IN_FORCE.value:
                    if rectify_by is None:
                        raise UserError("check.rectify_by_required", field=f"rectify_by:{item.code}",
                                        label=item.label)
                    if rectify_by < checked_on:
                        raise UserError("check.rectify_by_before_check", field=f"rectify_by:{item.code}",
                                        label=item.label)
                check.items.append(ComplianceCheckItem(item_code=item.code, status=status, rectify_by=rectify_by,
                                                       evidence=collapse_spaces(entry.get("evidence")) or None))
            uow.session.add(check)
            uow.flush()
            check_id = check.id
        return self.check(check_id, today=today)

    def record_rectification(
        self, check_item_id: int, rectified_on: date | None, *, evidence: str = "", today: date | None = None
    ) -> CheckRow:
        """Record that a 未落实 item was put right on `rectified_on`."""
        today = today or bureau_today()
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            item = uow.session.get(ComplianceCheckItem, check_item_id)
            if item is None:
                raise UserError("check.not_found")
            if item.status != ItemStatus.NOT_IN_FORCE.value:
                raise UserError("rectify.not_needed")
            if rectified_on is None:
                raise UserError("rectify.date_required", field="rectified_on")
            if rectified_on < item.check.checked_on:
                raise UserError("rectify.before_check", field="rectified_on",
                                checked_on=item.check.checked_on.isoformat())
            if rectified_on > today:
                raise UserError("rectify.date_future", field="rectified_on")
            item.rectified_on = rectified_on
            evidence = collapse_spaces(evidence)
            if evidence:
                item.evidence = evidence
            check_id = item.check_id
        return self.check(check_id, today=today)

    def check(self, check_id: int, *, today: date | None = None) -> CheckRow:
        """One check with its items (labels from the check year's list)."""
        self.actor.require(Permission.PROJECT_VIEW)
        today = today or bureau_today()
        with self.store.read() as session:
            check = session.get(ComplianceCheck, check_id)
            if check is None:
                raise UserError("check.not_found")
            year = check.checked_on.year
            order = {i.code: (i.position, i.label) for i in stored_items(session, year)}
            labels = labels_for(session, [(year, i.item_code) for i in check.items])
            rows = sorted(
                (
                    CheckItemRow(
                        id=i.id,
                        code=i.item_code,
                        label=labels[(year, i.item_code)],
                        status=i.status,
                        rectify_by=i.rectify_by,
                        rectified_on=i.rectified_on,
                        evidence=i.evidence or "",
                        overdue=(i.status == ItemStatus.NOT_IN_FORCE.value and i.rectified_on is None
                                 and i.rectify_by is not None and i.rectify_by < today),
                    )
                    for i in check.items
                ),
                key=lambda r: (order.get(r.code, (10_000, r.code))[0], r.code),
            )
            return _check_row(check, tuple(rows))

    def checks_query(self, project_id: int) -> PagedQuery[CheckRow]:
        """A project's checks, newest first, with their counts (items not loaded)."""
        self.actor.require(Permission.PROJECT_VIEW)

        def count(*conditions: ColumnElement[bool]) -> Any:
            return (
                select(func.count(ComplianceCheckItem.id))
                .where(ComplianceCheckItem.check_id == ComplianceCheck.id, *conditions)
                .correlate(ComplianceCheck)
                .scalar_subquery()
            )

        statement = select(
            ComplianceCheck.id,
            ComplianceCheck.project_id,
            ComplianceCheck.checked_on,
            ComplianceCheck.inspector,
            ComplianceCheck.note,
            count(ComplianceCheckItem.status == ItemStatus.IN_FORCE.value).label("in_force"),
            count(ComplianceCheckItem.status != ItemStatus.NOT_APPLICABLE.value).label("applicable"),
            count(ComplianceCheckItem.status == ItemStatus.NOT_IN_FORCE.value).label("not_in_force"),
            count(ComplianceCheckItem.status == ItemStatus.NOT_IN_FORCE.value,
                  ComplianceCheckItem.rectified_on.is_(None)).label("pending"),
        ).where(ComplianceCheck.project_id == project_id)

        def make(values: Any) -> CheckRow:
            return CheckRow(id=values.id, project_id=values.project_id, checked_on=values.checked_on,
                            inspector=values.inspector or "", note=values.note or "",
                            in_force=int(values.in_force), applicable=int(values.applicable),
                            not_in_force=int(values.not_in_force), pending_rectification=int(values.pending))

        newest_first: list[Any] = [ComplianceCheck.checked_on, ComplianceCheck.id]
        return PagedQuery(self.store, statement, SortSpec(newest_first, True), make)

    def overdue_rectifications(self, *, today: date | None = None) -> PagedQuery[OverdueRow]:
        """未落实 items of each project's latest check, past their deadline, not rectified; most overdue first."""
        self.actor.require(Permission.PROJECT_VIEW)
        today = today or bureau_today()
        statement = (
            select(
                ComplianceCheckItem.id,
                ComplianceCheck.project_id,
                Project.name,
                ComplianceCheck.checked_on,
                ComplianceCheckItem.item_code,
                ComplianceCheckItem.rectify_by,
                ComplianceItem.label,
            )
            .join(ComplianceCheck, ComplianceCheck.id == ComplianceCheckItem.check_id)
            .join(Project, Project.id == ComplianceCheck.project_id)
            .outerjoin(
                ComplianceItem,
                and_(ComplianceItem.code == ComplianceCheckItem.item_code,
                     ComplianceItem.year == extract("year", ComplianceCheck.checked_on)),
            )
            .where(ComplianceCheck.id == latest_check_id(), *overdue_conditions(today))
        )
        defaults = dict(DEFAULT_COMPLIANCE_ITEMS)

        def make(values: Any) -> OverdueRow:
            return OverdueRow(
                check_item_id=values.id, project_id=values.project_id, project_name=values.name,
                checked_on=values.checked_on, code=values.item_code,
                label=values.label or defaults.get(values.item_code, values.item_code), rectify_by=values.rectify_by,
                days_overdue=(today - values.rectify_by).days,
            )

        most_overdue_first: list[Any] = [ComplianceCheckItem.rectify_by, ComplianceCheckItem.id]
        return PagedQuery(self.store, statement, SortSpec(most_overdue_first), make)


def _check_row(check: ComplianceCheck, items: tuple[CheckItemRow, ...]) -> CheckRow:
    in_force = sum(1 for i in check.items if i.status == ItemStatus.IN_FORCE.value)
    applicable = sum(1 for i in check.items if i.status != ItemStatus.NOT_APPLICABLE.value)
    failing = [i for i in check.items if i.status == ItemStatus.NOT_IN_FORCE.value]
    return CheckRow(
        id=check.id, project_id=check.project_id, checked_on=check.checked_on, inspector=check.inspector or "",
        note=check.note or "", in_force=in_force, applicable=applicable, not_in_force=len(failing),
        pending_rectification=sum(1 for i in failing if i.rectified_on is None), items=items,
    )
