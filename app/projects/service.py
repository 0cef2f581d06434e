"""在建项目: construction projects and the six wage-payment systems (DOMAIN A3, B §4.4, §6).

- Projects: parties (建设单位, 施工总承包, 分包) come from the parties register and
  must be employers; money in integer fen; the wage account number and the
  劳资专管员's phone leave the service masked.
- The yearly checklist (`ComplianceItem`): read with `checklist(year)`, which
  never writes — a year with no stored list shows the list it would get: the
  nearest earlier year's list, else DOMAIN A3's default six.  The list is
  stored ("seeded") by the first write that needs it (a check, or an
  administrator's edit).  Only the current or a future year's list can be
  edited; an item a recorded check uses cannot be removed.
- Checks: one status per item of the check year's list (落实 / 未落实 / 不适用);
  未落实 needs a rectification deadline on or after the check date; the
  rectification is recorded later on the item.
- Rates — computed HERE ONLY (`item_rate`, `project_rate`, `ComplianceSummary`),
  for the screen, the exports and the yearly report.  As of a date, each
  project counts with its latest check on or before that date:
    item rate    = Σ items 落实 / Σ applicable items (不适用 excluded)
    project rate = projects whose every applicable item is 落实 / projects with
                   at least one applicable item
  A check's findings are what count: a rectification recorded later does not
  turn a 未落实 into 落实; the next check does.
- Overdue rectifications: 未落实 items of a project's latest check whose
  deadline has passed and whose rectification is not recorded (an earlier
  check's finding is superseded by the later check).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.identity import normalise_phone
from app.legal.rates import percent
from app.parties.models import Party, PartyKind
from app.privacy import Sensitive, mask
from app.projects.models import (
    DEFAULT_COMPLIANCE_ITEMS,
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
    GuaranteeForm,
    ItemStatus,
    Project,
    ProjectStatus,
    ProjectSubcontractor,
    SubcontractorRole,
)
from app.store.engine import Store

NAME_LIMIT = 200
LABEL_LIMIT = 100
SORTABLE = ("name", "id", "checked_on")
REVEALABLE_FIELDS = ("wage_account_no", "wage_manager_phone")

EDITABLE_FIELDS = (
    "name",
    "location",
    "permit_no",
    "builder_id",
    "contractor_id",
    "subcontractors",
    "contract_value_fen",
    "start_date",
    "planned_completion",
    "completed_on",
    "status",
    "on_realname_platform",
    "wage_manager_name",
    "wage_manager_phone",
    "wage_account_bank",
    "wage_account_no",
    "guarantee_form",
    "guarantee_amount_fen",
    "guarantee_date",
)
_COLUMN_FIELDS = tuple(f for f in EDITABLE_FIELDS if f != "subcontractors")

# Which party field names which role, for messages (en, zh).
PARTY_ROLES: dict[str, tuple[str, str]] = {
    "builder_id": ("the developer", "建设单位"),
    "contractor_id": ("the general contractor", "施工总承包单位"),
    "subcontractors": ("a subcontractor", "分包单位"),
}


# ---------------------------------------------------------------- the rates (the one place)
def item_rate(in_force: int, applicable: int) -> Decimal | None:
    """综合达标率 (item rate) = items 落实 / applicable items; None when nothing applies."""
    return percent(in_force, applicable)


def project_rate(compliant: int, rated: int) -> Decimal | None:
    """项目达标率 = projects with every applicable item 落实 / projects rated; None when none."""
    return percent(compliant, rated)


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class SubcontractorRow:
    party_id: int
    name: str
    uscc: str
    role: str


@dataclass(frozen=True)
class ProjectRow:
    """A project as lists, forms and exports see it: phone and account masked."""

    id: int
    version: int
    name: str
    location: str
    permit_no: str
    builder_id: int | None
    builder_name: str
    builder_uscc: str
    contractor_id: int | None
    contractor_name: str
    contractor_uscc: str
    contract_value_fen: int | None
    start_date: date | None
    planned_completion: date | None
    completed_on: date | None
    status: str
    on_realname_platform: bool
    wage_manager_name: str
    wage_manager_phone: str  # masked
    wage_account_bank: str
    wage_account_no: str  # masked: last four
    guarantee_form: str
    guarantee_amount_fen: int | None
    guarantee_date: date | None
    latest_check_id: int | None = None
    latest_checked_on: date | None = None
    latest_in_force: int = 0
    latest_applicable: int = 0
    overdue: int = 0  # overdue rectifications of the latest check
    subcontractors: tuple[SubcontractorRow, ...] = ()

    @property
    def item_rate(self) -> Decimal | None:
        """The latest check's item rate (None before the first check or when nothing applies)."""
        if self.latest_check_id is None:
            return None
        return item_rate(self.latest_in_force, self.latest_applicable)


@dataclass(frozen=True)
class ChecklistItemRow:
    id: int | None  # None: not stored yet (the list the year would get)
    year: int
    code: str
    label: str
    position: int
    in_use: bool = False  # a recorded check uses it: it cannot be removed


@dataclass(frozen=True)
class CheckItemRow:
    id: int
    code: str
    label: str
    status: str
    rectify_by: date | None
    rectified_on: date | None
    evidence: str
    overdue: bool


@dataclass(frozen=True)
class CheckRow:
    id: int
    project_id: int
    checked_on: date
    inspector: str
    note: str
    in_force: int
    applicable: int
    not_in_force: int
    pending_rectification: int  # 未落实 without a recorded rectification
    items: tuple[CheckItemRow, ...] = ()

    @property
    def item_rate(self) -> Decimal | None:
        return item_rate(self.in_force, self.applicable)


@dataclass(frozen=True)
class OverdueRow:
    check_item_id: int
    project_id: int
    project_name: str
    checked_on: date
    code: str
    label: str
    rectify_by: date
    days_overdue: int


@dataclass(frozen=True)
class ProjectCompliance:
    """One project's standing as of a date: its latest check on or before it."""

    project_id: int
    name: str
    contractor_name: str
    status: str
    check_id: int | None
    checked_on: date | None
    statuses: Mapping[str, str]  # item code -> ItemStatus value
    in_force: int
    applicable: int
    under_way: bool = False  # 在建 on the as-of date
    on_platform: bool = False

    @property
    def checked(self) -> bool:
        return self.check_id is not None

    @property
    def item_rate(self) -> Decimal | None:
        return item_rate(self.in_force, self.applicable)

    @property
    def rated(self) -> bool:
        """Counts in the project rate: checked, with at least one applicable item."""
        return self.check_id is not None and self.applicable > 0

    @property
    def compliant(self) -> bool:
        return self.rated and self.in_force == self.applicable


@dataclass(frozen=True)
class ComplianceSummary:
    """The overall figures as of a date (the screen's panel, the exports, the yearly report)."""

    as_of: date
    items: tuple[ChecklistItemRow, ...]  # the columns: the as-of year's list, then other codes seen
    projects: tuple[ProjectCompliance, ...]  # every project counted, checked or not

    @property
    def checked(self) -> tuple[ProjectCompliance, ...]:
        return tuple(p for p in self.projects if p.checked)

    @property
    def projects_checked(self) -> int:
        return sum(1 for p in self.projects if p.checked)

    @property
    def projects_under_way(self) -> int:
        return sum(1 for p in self.projects if p.under_way)

    @property
    def projects_on_platform(self) -> int:
        """Projects under way that are on the real-name platform."""
        return sum(1 for p in self.projects if p.under_way and p.on_platform)

    @property
    def items_in_force(self) -> int:
        return sum(p.in_force for p in self.projects)

    @property
    def items_applicable(self) -> int:
        return sum(p.applicable for p in self.projects)

    @property
    def projects_rated(self) -> int:
        return sum(1 for p in self.projects if p.rated)

    @property
    def projects_compliant(self) -> int:
        return sum(1 for p in self.projects if p.compliant)

    @property
    def item_rate(self) -> Decimal | None:
        return item_rate(self.items_in_force, self.items_applicable)

    @property
    def project_rate(self) -> Decimal | None:
        return project_rate(self.projects_compliant, self.projects_rated)


# ---------------------------------------------------------------- validation
def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _optional_text(value: Any) -> str | None:
    return _text(value) or None


def _money(value: Any, field_name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("money.invalid", field=field_name, value=str(value))
    if value < 0:
        raise UserError("project.amount_negative", field=field_name)
    return value


def _account(value: Any) -> str | None:
    account = "".join(str(value or "").split()).replace("-", "")
    if not account:
        return None
    if not account.isdigit() or not 8 <= len(account) <= 32:
        raise UserError("project.account_format", field="wage_account_no")
    return account


def _subcontractor_entries(value: Any) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []
    for item in value or ():
        if isinstance(item, Mapping):
            party_id, role = item.get("party_id"), item.get("role") or SubcontractorRole.SUBCONTRACTOR.value
        elif isinstance(item, tuple | list):
            party_id, role = item[0], (item[1] if len(item) > 1 else SubcontractorRole.SUBCONTRACTOR.value)
        else:
            party_id, role = item, SubcontractorRole.SUBCONTRACTOR.value
        try:
            role = SubcontractorRole(role).value
        except ValueError as exc:
            raise UserError("project.role_unknown", field="subcontractors", value=role) from exc
        entries.append((int(party_id), role))
    return entries


def clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise a project's fields (not the parties: see _check_parties)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown project fields: {sorted(unknown)}")
    name = _text(fields.get("name"))
    if not name:
        raise UserError("project.name_required", field="name")
    if len(name) > NAME_LIMIT:
        raise UserError("project.name_too_long", field="name", limit=NAME_LIMIT)
    status = fields.get("status") or ProjectStatus.ACTIVE.value
    try:
        status = ProjectStatus(status).value
    except ValueError as exc:
        raise UserError("project.status_unknown", field="status", value=status) from exc
    form = fields.get("guarantee_form") or GuaranteeForm.NONE.value
    try:
        form = GuaranteeForm(form).value
    except ValueError as exc:
        raise UserError("project.guarantee_form_unknown", field="guarantee_form", value=form) from exc
    start = fields.get("start_date")
    planned = fields.get("planned_completion")
    completed = fields.get("completed_on")
    if start and planned and planned < start:
        raise UserError("project.completion_before_start", field="planned_completion",
                        start=start.isoformat(), end=planned.isoformat())
    if start and completed and completed < start:
        raise UserError("project.completion_before_start", field="completed_on",
                        start=start.isoformat(), end=completed.isoformat())
    subcontractors = _subcontractor_entries(fields.get("subcontractors"))
    seen: set[int] = set()
    for party_id, _role in subcontractors:
        if party_id in seen:
            raise UserError("project.subcontractor_duplicate", field="subcontractors")
        seen.add(party_id)
    return {
        "name": name,
        "location": _text(fields.get("location")),
        "permit_no": _optional_text(fields.get("permit_no")),
        "builder_id": fields.get("builder_id") or None,
        "contractor_id": fields.get("contractor_id") or None,
        "subcontractors": subcontractors,
        "contract_value_fen": _money(fields.get("contract_value_fen"), "contract_value_fen"),
        "start_date": start or None,
        "planned_completion": planned or None,
        "completed_on": completed or None,
        "status": status,
        "on_realname_platform": bool(fields.get("on_realname_platform")),
        "wage_manager_name": _optional_text(fields.get("wage_manager_name")),
        "wage_manager_phone": normalise_phone(str(fields.get("wage_manager_phone") or ""),
                                              field="wage_manager_phone") or None,
        "wage_account_bank": _optional_text(fields.get("wage_account_bank")),
        "wage_account_no": _account(fields.get("wage_account_no")),
        "guarantee_form": form,
        "guarantee_amount_fen": _money(fields.get("guarantee_amount_fen"), "guarantee_amount_fen"),
        "guarantee_date": fields.get("guarantee_date") or None,
    }


def _check_parties(session: Session, cleaned: Mapping[str, Any]) -> None:
    """Each chosen party exists and is an employer (kind org)."""
    wanted: list[tuple[str, int]] = [
        (name, cleaned[name]) for name in ("builder_id", "contractor_id") if cleaned.get(name)
    ]
    wanted += [("subcontractors", party_id) for party_id, _role in cleaned.get("subcontractors", ())]
    for field_name, party_id in wanted:
        role_en, role_zh = PARTY_ROLES[field_name]
        party = session.get(Party, party_id)
        if party is None:
            raise UserError("project.party_not_found", field=field_name, role_en=role_en, role_zh=role_zh)
        if party.kind != PartyKind.ORG.value:
            raise UserError("project.party_not_employer", field=field_name, name=party.name,
                            role_en=role_en, role_zh=role_zh)


# ---------------------------------------------------------------- list statement
_builder = aliased(Party, name="builder")
_contractor = aliased(Party, name="contractor")


def _latest_check_id(as_of: date | None = None) -> Any:
    statement = select(ComplianceCheck.id).where(ComplianceCheck.project_id == Project.id)
    if as_of is not None:
        statement = statement.where(ComplianceCheck.checked_on <= as_of)
    return (
        statement.order_by(ComplianceCheck.checked_on.desc(), ComplianceCheck.id.desc())
        .limit(1)
        .correlate(Project)
        .scalar_subquery()
    )


def _item_count(check_id: Any, *conditions: ColumnElement[bool]) -> Any:
    return (
        select(func.count(ComplianceCheckItem.id))
        .where(ComplianceCheckItem.check_id == check_id, *conditions)
        .correlate(Project)
        .scalar_subquery()
    )


def _overdue_conditions(today: date) -> tuple[ColumnElement[bool], ...]:
    return (
        ComplianceCheckItem.status == ItemStatus.NOT_IN_FORCE.value,
        ComplianceCheckItem.rectify_by < today,
        ComplianceCheckItem.rectified_on.is_(None),
    )


def _list_statement(today: date) -> tuple[Select[Any], Any, Any]:
    latest = _latest_check_id().label("latest_check_id")
    latest_on = (
        select(ComplianceCheck.checked_on)
        .where(ComplianceCheck.id == _latest_check_id())
        .correlate(Project)
        .scalar_subquery()
        .label("latest_checked_on")
    )
    check_id = _latest_check_id()
    overdue = _item_count(check_id, *_overdue_conditions(today)).label("overdue")
    statement = (
        select(
            *(getattr(Project, name) for name in ("id", "version", *_COLUMN_FIELDS)),
            _builder.name.label("builder_name"),
            _builder.uscc.label("builder_uscc"),
            _contractor.name.label("contractor_name"),
            _contractor.uscc.label("contractor_uscc"),
            latest,
            latest_on,
            _item_count(check_id, ComplianceCheckItem.status == ItemStatus.IN_FORCE.value).label("latest_in_force"),
            _item_count(check_id, ComplianceCheckItem.status != ItemStatus.NOT_APPLICABLE.value).label(
                "latest_applicable"
            ),
            overdue,
        )
        .outerjoin(_builder, _builder.id == Project.builder_id)
        .outerjoin(_contractor, _contractor.id == Project.contractor_id)
    )
    return statement, overdue, latest_on


def row_from(values: Any, subcontractors: tuple[SubcontractorRow, ...] = ()) -> ProjectRow:
    return ProjectRow(
        id=values.id,
        version=values.version,
        name=values.name,
        location=values.location or "",
        permit_no=values.permit_no or "",
        builder_id=values.builder_id,
        builder_name=values.builder_name or "",
        builder_uscc=values.builder_uscc or "",
        contractor_id=values.contractor_id,
        contractor_name=values.contractor_name or "",
        contractor_uscc=values.contractor_uscc or "",
        contract_value_fen=values.contract_value_fen,
        start_date=values.start_date,
        planned_completion=values.planned_completion,
        completed_on=values.completed_on,
        status=values.status,
        on_realname_platform=bool(values.on_realname_platform),
        wage_manager_name=values.wage_manager_name or "",
        wage_manager_phone=mask(Sensitive.PHONE, values.wage_manager_phone),
        wage_account_bank=values.wage_account_bank or "",
        wage_account_no=mask(Sensitive.BANK_ACCOUNT, values.wage_account_no),
        guarantee_form=values.guarantee_form or GuaranteeForm.NONE.value,
        guarantee_amount_fen=values.guarantee_amount_fen,
        guarantee_date=values.guarantee_date,
        latest_check_id=values.latest_check_id,
        latest_checked_on=values.latest_checked_on,
        latest_in_force=int(values.latest_in_force or 0),
        latest_applicable=int(values.latest_applicable or 0),
        overdue=int(values.overdue or 0),
        subcontractors=subcontractors,
    )


def _filtered_statement(text: str, status: str | None, overdue_only: bool, today: date) -> tuple[Select[Any], Any]:
    statement, overdue, latest_on = _list_statement(today)
    for word in text.split():
        statement = statement.where(or_(*(column.contains(word, autoescape=True)
                                          for column in (Project.name, Project.location, Project.permit_no))))
    if status:
        statement = statement.where(Project.status == ProjectStatus(status).value)
    if overdue_only:
        statement = statement.where(overdue > 0)
    return statement, latest_on


def is_under_way(start_date: date | None, status: str, completed_on: date | None, as_of: date) -> bool:
    """在建 on `as_of`: started by then (or no start date given) and not completed by then.

    A halted (停工) project is not under way; a completed one was, until its
    completion date (when recorded)."""
    if start_date is not None and start_date > as_of:
        return False
    if status == ProjectStatus.ACTIVE.value:
        return True
    return status == ProjectStatus.COMPLETED.value and completed_on is not None and completed_on > as_of


# ---------------------------------------------------------------- checklist helpers
def _stored_items(session: Session, year: int) -> list[ComplianceItem]:
    return list(
        session.scalars(
            select(ComplianceItem).where(ComplianceItem.year == year).order_by(ComplianceItem.position, ComplianceItem.id)
        )
    )


def _seed_source(session: Session, year: int) -> list[tuple[str, str]]:
    """(code, label) pairs a year with no stored list gets: the nearest earlier year's, else the default six."""
    earlier = session.scalar(select(func.max(ComplianceItem.year)).where(ComplianceItem.year < year))
    if earlier is not None:
        return [(i.code, i.label) for i in _stored_items(session, earlier)]
    return list(DEFAULT_COMPLIANCE_ITEMS)


def _codes_in_use(session: Session, year: int) -> set[str]:
    return set(
        session.scalars(
            select(ComplianceCheckItem.item_code)
            .join(ComplianceCheck, ComplianceCheck.id == ComplianceCheckItem.check_id)
            .where(ComplianceCheck.checked_on >= date(year, 1, 1), ComplianceCheck.checked_on <= date(year, 12, 31))
            .distinct()
        )
    )


def _ensure_items(session: Session, year: int) -> list[ComplianceItem]:
    """The year's stored list, seeding it first when the year has none (inside a unit of work)."""
    items = _stored_items(session, year)
    if items:
        return items
    for position, (code, label) in enumerate(_seed_source(session, year)):
        session.add(ComplianceItem(year=year, code=code, label=label, position=position))
    session.flush()
    return _stored_items(session, year)


def _labels_for(session: Session, pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """{(year, code): label} for the stored items asked for (falls back to the default labels)."""
    wanted = set(pairs)
    years = {y for y, _ in wanted}
    labels = dict(((0, c), lbl) for c, lbl in DEFAULT_COMPLIANCE_ITEMS)
    found: dict[tuple[int, str], str] = {}
    if years:
        for item in session.scalars(select(ComplianceItem).where(ComplianceItem.year.in_(years))):
            found[(item.year, item.code)] = item.label
    return {(y, c): found.get((y, c)) or labels.get((0, c), c) for y, c in wanted}


# ---------------------------------------------------------------- the service
class ProjectService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # ---------------------------------------------------------------- projects: reads
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
        statement, latest_on = _filtered_statement(text, status, overdue_only, today or bureau_today())
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
        statement, _overdue, _latest = _list_statement(today or bureau_today())
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
            _check_parties(uow.session, cleaned)
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
            project = uow.session.get(Project, project_id)
            if project is None:
                raise UserError("project.not_found")
            if project.version != version:
                raise changed_elsewhere(uow.session, project)
            merged: dict[str, Any] = {name: getattr(project, name) for name in _COLUMN_FIELDS}
            merged["subcontractors"] = [(s.party_id, s.role) for s in project.subcontractors]
            merged.update(changes)
            cleaned = clean_fields(merged)
            _check_parties(uow.session, cleaned)
            subs = cleaned.pop("subcontractors")
            for name, value in cleaned.items():
                if getattr(project, name) != value:
                    setattr(project, name, value)
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

    # ---------------------------------------------------------------- the yearly checklist
    def checklist(self, year: int) -> list[ChecklistItemRow]:
        """The year's list; a year with no stored list shows the list it would get (ids None). Never writes."""
        self.actor.require(Permission.PROJECT_VIEW)
        with self.store.read() as session:
            items = _stored_items(session, year)
            in_use = _codes_in_use(session, year)
            if items:
                return [ChecklistItemRow(i.id, year, i.code, i.label, i.position, i.code in in_use) for i in items]
            return [
                ChecklistItemRow(None, year, code, label, position, code in in_use)
                for position, (code, label) in enumerate(_seed_source(session, year))
            ]

    def ensure_checklist(self, year: int) -> list[ChecklistItemRow]:
        """Store the year's list if it is not stored yet (as the first check would); return it."""
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            _ensure_items(uow.session, year)
        return self.checklist(year)

    def save_checklist(
        self, year: int, items: Sequence[tuple[str | None, str]], *, today: date | None = None
    ) -> list[ChecklistItemRow]:
        """Replace the year's list with `items` = [(code or None for a new item, label)], in order.

        Administrators only; the current or a future year only; an item used by
        a recorded check cannot be removed (its label may change)."""
        today = today or bureau_today()
        with UnitOfWork(self.store, self.actor, Permission.CHECKLIST_EDIT) as uow:
            if year < today.year:
                raise UserError("checklist.past_year", field="year", year=year)
            cleaned: list[tuple[str | None, str]] = []
            labels: set[str] = set()
            for code, label in items:
                label = _text(label)
                if not label:
                    raise UserError("checklist.label_required", field="label")
                if len(label) > LABEL_LIMIT:
                    raise UserError("checklist.label_too_long", field="label", limit=LABEL_LIMIT)
                if label in labels:
                    raise UserError("checklist.duplicate_label", field="label", label=label)
                labels.add(label)
                cleaned.append((code or None, label))
            if not cleaned:
                raise UserError("checklist.empty", field="label")
            stored = {i.code: i for i in _ensure_items(uow.session, year)}
            kept = {code for code, _ in cleaned if code}
            unknown = kept - set(stored)
            if unknown:
                raise UserError("check.item_not_on_list", field="label", item=sorted(unknown)[0], year=year)
            in_use = _codes_in_use(uow.session, year)
            for code, item in stored.items():
                if code not in kept:
                    if code in in_use:
                        raise UserError("checklist.item_in_use", field="label", label=item.label)
                    uow.session.delete(item)
            uow.flush()
            for position, (code, label) in enumerate(cleaned):
                if code is None:
                    uow.session.add(ComplianceItem(year=year, code=f"item_{uuid.uuid4().hex[:10]}",
                                                   label=label, position=position))
                    continue
                item = stored[code]
                if item.label != label:
                    item.label = label
                if item.position != position:
                    item.position = position
            uow.flush()
        return self.checklist(year)

    # ---------------------------------------------------------------- checks
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
            inspector = _text(inspector)
            if not inspector:
                raise UserError("check.inspector_required", field="inspector")
            year = checked_on.year
            listed = _ensure_items(uow.session, year)
            by_code = {i.code: i for i in listed}
            for code in items:
                if code not in by_code:
                    raise UserError("check.item_not_on_list", field=f"item:{code}", item=code, year=year)
            check = ComplianceCheck(project_id=project.id, checked_on=checked_on, inspector=inspector,
                                    note=_text(note) or None)
            for item in listed:
                entry = items.get(item.code)
                if isinstance(entry, str):
                    entry = {"status": entry}
                status = (entry or {}).get("status")
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
                                                       evidence=_text(entry.get("evidence")) or None))
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
            evidence = _text(evidence)
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
            order = {i.code: (i.position, i.label) for i in _stored_items(session, year)}
            labels = _labels_for(session, [(year, i.item_code) for i in check.items])
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

        return PagedQuery(self.store, statement, SortSpec([ComplianceCheck.checked_on, ComplianceCheck.id], True), make)

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
            .where(ComplianceCheck.id == _latest_check_id(), *_overdue_conditions(today))
        )
        defaults = dict(DEFAULT_COMPLIANCE_ITEMS)

        def make(values: Any) -> OverdueRow:
            return OverdueRow(
                check_item_id=values.id, project_id=values.project_id, project_name=values.name,
                checked_on=values.checked_on, code=values.item_code,
                label=values.label or defaults.get(values.item_code, values.item_code), rectify_by=values.rectify_by,
                days_overdue=(today - values.rectify_by).days,
            )

        return PagedQuery(self.store, statement,
                          SortSpec([ComplianceCheckItem.rectify_by, ComplianceCheckItem.id]), make)

    # ---------------------------------------------------------------- rates
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
            statement, _ = _filtered_statement(text, status, overdue_only, today or bureau_today())
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


def _check_row(check: ComplianceCheck, items: tuple[CheckItemRow, ...]) -> CheckRow:
    in_force = sum(1 for i in check.items if i.status == ItemStatus.IN_FORCE.value)
    applicable = sum(1 for i in check.items if i.status != ItemStatus.NOT_APPLICABLE.value)
    failing = [i for i in check.items if i.status == ItemStatus.NOT_IN_FORCE.value]
    return CheckRow(
        id=check.id, project_id=check.project_id, checked_on=check.checked_on, inspector=check.inspector or "",
        note=check.note or "", in_force=in_force, applicable=applicable, not_in_force=len(failing),
        pending_rectification=sum(1 for i in failing if i.rectified_on is None), items=items,
    )


def _standings(
    session: Session,
    as_of: date,
    *,
    since: date | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ProjectCompliance]:
    latest = _latest_check_id(as_of)
    statement = (
        select(Project.id, Project.name, Project.status, Project.start_date, Project.completed_on,
               Project.on_realname_platform, _contractor.name.label("contractor_name"), latest.label("check_id"))
        .outerjoin(_contractor, _contractor.id == Project.contractor_id)
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
    stored = _stored_items(session, year)
    if stored:
        columns = [ChecklistItemRow(i.id, year, i.code, i.label, i.position) for i in stored]
    else:
        columns = [ChecklistItemRow(None, year, c, lbl, p) for p, (c, lbl) in enumerate(_seed_source(session, year))]
    known = {c.code for c in columns}
    extra = sorted({(s.checked_on.year, code) for s in standings if s.checked_on for code in s.statuses
                    if code not in known})
    labels = _labels_for(session, extra)
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


ITEM_STATUSES = tuple(s.value for s in ItemStatus)
# Words for the item statuses where no translation layer exists (exports, documents).
STATUS_WORDS_ZH = {
    ItemStatus.IN_FORCE.value: "落实",
    ItemStatus.NOT_IN_FORCE.value: "未落实",
    ItemStatus.NOT_APPLICABLE.value: "不适用",
}
PROJECT_STATUS_WORDS_ZH = {
    ProjectStatus.ACTIVE.value: "在建",
    ProjectStatus.HALTED.value: "停工",
    ProjectStatus.COMPLETED.value: "完工",
}
GUARANTEE_FORM_WORDS_ZH = {
    GuaranteeForm.DEPOSIT.value: "工资保证金",
    GuaranteeForm.BANK_GUARANTEE.value: "银行保函",
    GuaranteeForm.INSURANCE.value: "工程保证保险",
    GuaranteeForm.NONE.value: "无",
}
__all__ = [
    "CheckItemRow",
    "CheckRow",
    "ChecklistItemRow",
    "CompliancePages",
    "ComplianceSummary",
    "OverdueRow",
    "ProjectCompliance",
    "ProjectRow",
    "ProjectService",
    "SubcontractorRow",
    "item_rate",
    "project_rate",
]
