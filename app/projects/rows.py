"""在建项目: the rows lists, forms, exports and the yearly report show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.projects.rules import item_rate, project_rate


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
