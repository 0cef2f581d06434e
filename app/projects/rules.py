"""在建项目: the limits, the editable fields, the words for statuses, and the rates.

Rates — computed HERE ONLY (`item_rate`, `project_rate`, and through them
`ComplianceSummary`), for the screen, the exports and the yearly report.
"""

from __future__ import annotations

from decimal import Decimal

from app.errors import words_from
from app.legal.rates import percent
from app.projects.models import GuaranteeForm, ItemStatus, ProjectStatus

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
COLUMN_FIELDS = tuple(f for f in EDITABLE_FIELDS if f != "subcontractors")

# Which party field names which role, for messages (en, zh).
# The parties a project names, by the field that holds each: its role, and the role's words.
PARTY_FIELD_ROLES: dict[str, str] = {
    "builder_id": "builder",
    "contractor_id": "general_contractor",
    "subcontractors": "subcontractor",
}
PARTY_ROLES: dict[str, tuple[str, str]] = {
    "builder": ("the developer", "建设单位"),
    "general_contractor": ("the general contractor", "施工总承包单位"),
    "subcontractor": ("a subcontractor", "分包单位"),
}


def party_role_words(role: str, language: str) -> str:
    """A party's role carried by a refusal, in words (the projects area's `message_values`)."""
    return words_from(PARTY_ROLES, role, language)


# ---------------------------------------------------------------- the rates (the one place)
def item_rate(in_force: int, applicable: int) -> Decimal | None:
    """综合达标率 (item rate) = items 落实 / applicable items; None when nothing applies."""
    return percent(in_force, applicable)


def project_rate(compliant: int, rated: int) -> Decimal | None:
    """项目达标率 = projects with every applicable item 落实 / projects rated; None when none."""
    return percent(compliant, rated)


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
