"""Words for the projects' coded values, translated in context "ProjectLabels"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.projects.models import GuaranteeForm, ItemStatus, ProjectStatus, SubcontractorRole
from ui.words import QT_TRANSLATE_NOOP

PROJECT_STATUS_LABELS = {
    ProjectStatus.ACTIVE.value: QT_TRANSLATE_NOOP("ProjectLabels", "Under way"),
    ProjectStatus.HALTED.value: QT_TRANSLATE_NOOP("ProjectLabels", "Halted"),
    ProjectStatus.COMPLETED.value: QT_TRANSLATE_NOOP("ProjectLabels", "Completed"),
}
ITEM_STATUS_LABELS = {
    ItemStatus.IN_FORCE.value: QT_TRANSLATE_NOOP("ProjectLabels", "In force"),
    ItemStatus.NOT_IN_FORCE.value: QT_TRANSLATE_NOOP("ProjectLabels", "Not in force"),
    ItemStatus.NOT_APPLICABLE.value: QT_TRANSLATE_NOOP("ProjectLabels", "Not applicable"),
}
GUARANTEE_FORM_LABELS = {
    GuaranteeForm.NONE.value: QT_TRANSLATE_NOOP("ProjectLabels", "None"),
    GuaranteeForm.DEPOSIT.value: QT_TRANSLATE_NOOP("ProjectLabels", "Wage deposit"),
    GuaranteeForm.BANK_GUARANTEE.value: QT_TRANSLATE_NOOP("ProjectLabels", "Bank guarantee"),
    GuaranteeForm.INSURANCE.value: QT_TRANSLATE_NOOP("ProjectLabels", "Guarantee insurance"),
}
ROLE_LABELS = {
    SubcontractorRole.SUBCONTRACTOR.value: QT_TRANSLATE_NOOP("ProjectLabels", "Subcontractor"),
    SubcontractorRole.LABOUR.value: QT_TRANSLATE_NOOP("ProjectLabels", "Labour subcontractor"),
}


def _word(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    source = table.get(value)
    return QCoreApplication.translate("ProjectLabels", source) if source else value


def project_status_label(value: str | None) -> str:
    return _word(PROJECT_STATUS_LABELS, value)


def item_status_label(value: str | None) -> str:
    return _word(ITEM_STATUS_LABELS, value)


def guarantee_form_label(value: str | None) -> str:
    return _word(GUARANTEE_FORM_LABELS, value)


def role_label(value: str | None) -> str:
    return _word(ROLE_LABELS, value)
