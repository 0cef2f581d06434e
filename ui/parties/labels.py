"""Words for the parties' coded values (kind, sex, employer type), translated in context "PartyLabels"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.parties.models import OrgType, PartyKind
from ui.words import QT_TRANSLATE_NOOP

KIND_LABELS = {
    PartyKind.PERSON.value: QT_TRANSLATE_NOOP("PartyLabels", "Person"),
    PartyKind.ORG.value: QT_TRANSLATE_NOOP("PartyLabels", "Employer"),
}
SEX_LABELS = {
    "M": QT_TRANSLATE_NOOP("PartyLabels", "Male"),
    "F": QT_TRANSLATE_NOOP("PartyLabels", "Female"),
}
ORG_TYPE_LABELS = {
    OrgType.ENTERPRISE.value: QT_TRANSLATE_NOOP("PartyLabels", "Enterprise"),
    OrgType.INDIVIDUAL_BUSINESS.value: QT_TRANSLATE_NOOP("PartyLabels", "Individual business"),
    OrgType.PRIVATE_NON_ENTERPRISE.value: QT_TRANSLATE_NOOP("PartyLabels", "Private non-enterprise unit"),
    OrgType.PUBLIC_INSTITUTION.value: QT_TRANSLATE_NOOP("PartyLabels", "Government or public institution"),
    OrgType.UNLICENSED.value: QT_TRANSLATE_NOOP("PartyLabels", "Unlicensed or licence revoked"),
    OrgType.CONTRACTOR.value: QT_TRANSLATE_NOOP("PartyLabels", "Individual contractor (gang master)"),
}


def _word(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    source = table.get(value)
    return QCoreApplication.translate("PartyLabels", source) if source else value


def kind_label(value: str | None) -> str:
    return _word(KIND_LABELS, value)


def sex_label(value: str | None) -> str:
    return _word(SEX_LABELS, value)


def org_type_label(value: str | None) -> str:
    return _word(ORG_TYPE_LABELS, value)
