"""Words for the kinds of study session, translated in context "TrainingLabels"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.training.models import SessionKind
from ui.words import QT_TRANSLATE_NOOP

KIND_LABELS = {
    SessionKind.PARTY_GROUP.value: QT_TRANSLATE_NOOP("TrainingLabels", "Party group central study"),
    SessionKind.BUREAU_WIDE.value: QT_TRANSLATE_NOOP("TrainingLabels", "Whole-bureau study"),
    SessionKind.PARTY_BRANCH.value: QT_TRANSLATE_NOOP("TrainingLabels", "Party branch study"),
    SessionKind.SPECIAL_TRAINING.value: QT_TRANSLATE_NOOP("TrainingLabels", "Special training"),
    SessionKind.LAW_POPULARISATION.value: QT_TRANSLATE_NOOP("TrainingLabels", "Law popularisation activity"),
    SessionKind.OTHER.value: QT_TRANSLATE_NOOP("TrainingLabels", "Other"),
}


def kind_label(value: str | None) -> str:
    if not value:
        return ""
    source = KIND_LABELS.get(value)
    return QCoreApplication.translate("TrainingLabels", source) if source else value
