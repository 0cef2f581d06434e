"""Words for the roster's coded values, translated in context "StaffLabels"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.staff.models import CertificateStatus, CertificateType, StaffingType
from app.staff.service import DisplayStatus
from ui.words import QT_TRANSLATE_NOOP

STATUS_LABELS = {
    DisplayStatus.VALID.value: QT_TRANSLATE_NOOP("StaffLabels", "Valid"),
    DisplayStatus.SUSPENDED.value: QT_TRANSLATE_NOOP("StaffLabels", "Suspended"),
    DisplayStatus.CANCELLED.value: QT_TRANSLATE_NOOP("StaffLabels", "Cancelled"),
    DisplayStatus.WITHDRAWN.value: QT_TRANSLATE_NOOP("StaffLabels", "Withdrawn"),
    DisplayStatus.EXPIRED.value: QT_TRANSLATE_NOOP("StaffLabels", "Expired"),
    DisplayStatus.NOT_YET_VALID.value: QT_TRANSLATE_NOOP("StaffLabels", "Not yet valid"),
    DisplayStatus.NONE.value: QT_TRANSLATE_NOOP("StaffLabels", "No certificate"),
}
# The statuses a clerk may store (expiry is derived from the dates).
STORED_STATUSES = [s.value for s in CertificateStatus]
CERT_TYPE_LABELS = {
    CertificateType.ADMIN_ENFORCEMENT.value: QT_TRANSLATE_NOOP("StaffLabels", "Administrative enforcement certificate"),
    CertificateType.LABOUR_INSPECTION.value: QT_TRANSLATE_NOOP("StaffLabels", "Labour inspection certificate"),
    CertificateType.SUPERVISION.value: QT_TRANSLATE_NOOP("StaffLabels", "Enforcement supervision certificate"),
}
STAFFING_LABELS = {
    StaffingType.CIVIL_SERVANT.value: QT_TRANSLATE_NOOP("StaffLabels", "Civil service post"),
    StaffingType.MANAGED_AS_CIVIL_SERVANT.value: QT_TRANSLATE_NOOP("StaffLabels", "Managed as civil service"),
    StaffingType.INSTITUTION.value: QT_TRANSLATE_NOOP("StaffLabels", "Public institution post"),
    StaffingType.OTHER.value: QT_TRANSLATE_NOOP("StaffLabels", "Other"),
}
REVIEW_LABELS = {
    "passed": QT_TRANSLATE_NOOP("StaffLabels", "Passed"),
    "failed": QT_TRANSLATE_NOOP("StaffLabels", "Failed"),
}


def _word(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    source = table.get(value)
    return QCoreApplication.translate("StaffLabels", source) if source else value


def status_label(value: str | None) -> str:
    return _word(STATUS_LABELS, value)


def cert_type_label(value: str | None) -> str:
    return _word(CERT_TYPE_LABELS, value)


def staffing_label(value: str | None) -> str:
    return _word(STAFFING_LABELS, value)


def review_label(value: str | None) -> str:
    return _word(REVIEW_LABELS, value)
