"""在建项目: the projects themselves — the paged list, one project, the audited reveal
of a masked field, and the writes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.records import assign_changed, record_at_version
from app.kernel.unit_of_work import UnitOfWork
from app.parties.models import Party
from app.projects.fields import check_parties, clean_fields
from app.projects.models import Project, ProjectSubcontractor
from app.projects.rows import ProjectRow, SubcontractorRow
from app.projects.rules import COLUMN_FIELDS, REVEALABLE_FIELDS, SORTABLE
from app.projects.statements import filtered_statement, list_statement, row_from
from app.store.engine import Store


class ProjectRegister:
    """The projects' reads and writes (ProjectService)."""

    store: Store
    actor: Actor

    def query(
        self,
        *,
        text: str = "",
        status: str | None = None,
        overdue_only: bool = False,
        sort: str = "name",
        descending: bool = False,
        today: date | None = None,
    ) -> PagedQuery[ProjectRow]:
        """The projects as a paged query, filtered and sorted in SQL; each row
        carries its latest check's date, counts and overdue rectifications."""
        self.actor.require(Permission.PROJECT_VIEW)
        statement, latest_on = filtered_statement(text, status, overdue_only, today or bureau_today())
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort projects by {sort}")
        if sort == "name":
            columns: list[Any] = [Project.name_sort, Project.id]
        elif sort == "checked_on":
            columns = [latest_on, Project.name_sort, Project.id]
        else:
            columns = [Project.id]
        return PagedQuery(self.store, statement, SortSpec(columns, descending), row_from)

    def get(self, project_id: int, *, today: date | None = None) -> ProjectRow:
        self.actor.require(Permission.PROJECT_VIEW)
        statement, _overdue, _latest = list_statement(today or bureau_today())
        with self.store.read() as session:
            values = session.execute(statement.where(Project.id == project_id)).first()
            if values is None:
                raise UserError("project.not_found")
            subs = tuple(
                SubcontractorRow(party_id=p.id, name=p.name, uscc=p.uscc or "", role=s.role)
                for s, p in session.execute(
                    select(ProjectSubcontractor, Party)
                    .join(Party, Party.id == ProjectSubcontractor.party_id)
                    .where(ProjectSubcontractor.project_id == project_id)
                    .order_by(ProjectSubcontractor.id)
                )
            )
            return row_from(values, subs)

    def reveal(self, project_id: int, field_name: str, reason: str) -> str:
        """The full wage account number or wage manager's phone; the reveal is audited with its reason."""
        if field_name not in REVEALABLE_FIELDS:
            raise ValueError(field_name)
        if not reason.strip():
            raise UserError("reveal.reason_required", field="reason")
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_VIEW, Permission.PERSONAL_DATA_REVEAL) as uow:
            project = uow.session.get(Project, project_id)
            if project is None:
                raise UserError("project.not_found")
            uow.record_event("reveal", Project.__tablename__, project.id, record_uuid=str(project.uuid),
                             changes={"field": field_name}, reason=reason.strip())
            return str(getattr(project, field_name) or "")

    # ---------------------------------------------------------------- projects: writes
    def create(self, fields: Mapping[str, Any]) -> ProjectRow:
        cleaned = clean_fields(fields)
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            check_parties(uow.session, cleaned)
            subs = cleaned.pop("subcontractors")
            project = Project(**cleaned)
            project.subcontractors = [ProjectSubcontractor(party_id=p, role=r) for p, r in subs]
            uow.session.add(project)
            uow.flush()
            project_id = project.id
        return self.get(project_id)

    def update(self, project_id: int, version: int, changes: Mapping[str, Any]) -> ProjectRow:
        """Apply `changes` (only the fields the user edited) to the project saved as `version`."""
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            project = record_at_version(uow.session, Project, project_id, version, "project.not_found")
            merged: dict[str, Any] = {name: getattr(project, name) for name in COLUMN_FIELDS}
            merged["subcontractors"] = [(s.party_id, s.role) for s in project.subcontractors]
            merged.update(changes)
            cleaned = clean_fields(merged)
            check_parties(uow.session, cleaned)
            subs = cleaned.pop("subcontractors")
            assign_changed(project, cleaned)
            if "subcontractors" in changes:
                current = {s.party_id: s for s in project.subcontractors}
                wanted = dict(subs)
                for party_id, sub in current.items():
                    if party_id not in wanted:
                        project.subcontractors.remove(sub)
                    elif sub.role != wanted[party_id]:
                        sub.role = wanted[party_id]
                for party_id, role in subs:
                    if party_id not in current:
                        project.subcontractors.append(ProjectSubcontractor(party_id=party_id, role=role))
            uow.flush()
        return self.get(project_id)
