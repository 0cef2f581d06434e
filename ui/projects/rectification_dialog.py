"""Record that a 未落实 item has been put right: the date and the evidence."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.projects.service import CheckItemRow
from ui.widgets.optional_date import OptionalDateEdit


class RectificationDialog(QDialog):
    """Tests patch `ask`."""

    def __init__(self, item: CheckItemRow, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rectification_dialog")
        self.setWindowTitle(self.tr("Record the rectification"))
        self.rectified_on = OptionalDateEdit(empty=False)
        self.rectified_on.setObjectName("rectified_on")
        self.rectified_on.set_value(today or bureau_today())
        self.evidence = QLineEdit()
        self.evidence.setObjectName("evidence")
        self.evidence.setPlaceholderText(self.tr("e.g. notice board put up, photo on file"))
        heading = QLabel(self.tr("%1 — to be put right by %2").replace("%1", item.label).replace(
            "%2", item.rectify_by.isoformat() if item.rectify_by else ""))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Rectified on"), self.rectified_on)
        form.addRow(self.tr("Evidence"), self.evidence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    @classmethod
    def ask(cls, parent: QWidget | None, item: CheckItemRow) -> tuple[date | None, str] | None:
        """(rectified on, evidence), or None if the clerk cancelled."""
        dialog = cls(item, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.rectified_on.value(), dialog.evidence.text().strip()
        return None
