"""Asked before an export by a user who may export personal data in full: masked, or in full with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class ExportChoiceDialog(QDialog):
    """Masked (the default) or in full; in full needs a reason, which the audit log records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_choice")
        self.setWindowTitle(self.tr("Export"))
        self.masked = QRadioButton(self.tr("Masked (ID numbers and phones partly hidden)"))
        self.masked.setObjectName("masked")
        self.masked.setChecked(True)
        self.full = QRadioButton(self.tr("In full (recorded in the audit log)"))
        self.full.setObjectName("full")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Reason for exporting in full"))
        self.reason.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.full.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("How should personal data appear in the file?")))
        layout.addWidget(self.masked)
        layout.addWidget(self.full)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _update(self, *_args: object) -> None:
        self.reason.setEnabled(self.full.isChecked())
        self._ok.setEnabled(not self.full.isChecked() or bool(self.reason.text().strip()))

    def choice(self) -> tuple[bool, str]:
        return (True, self.reason.text().strip()) if self.full.isChecked() else (False, "")

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[bool, str] | None:
        """(in full?, reason), or None if the user cancelled.  Tests patch this seam."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
