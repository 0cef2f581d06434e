"""Showing a masked value (ID number, phone, wage account) in full: the 显示 button beside
the field, and the question why the clerk needs it (the reason goes into the audit log
with the reveal, which the service records)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.errors import StorageError, UserError
from ui.widgets.masked_edit import MaskedLineEdit


class RevealReasonDialog(QDialog):
    """Asks why the clerk needs to see a masked value.  Tests patch `ask`."""

    def __init__(self, field_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reveal_reason")
        self.setWindowTitle(self.tr("Show personal data"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. checking the complainant's identity for case intake"))
        explanation = QLabel(
            self.tr("Why do you need to see the full %1? The reason is recorded in the audit log.").replace(
                "%1", field_label
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent: QWidget | None, field_label: str) -> str | None:
        """The reason given, or None if the clerk cancelled."""
        dialog = cls(field_label, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason.text().strip():
            return dialog.reason.text().strip()
        return None


class RevealsMaskedFields:
    """Mixin for a RecordForm whose service can `reveal(record_id, field, reason)`: a 显示
    button beside a masked field (`reveal_button`) that asks for a reason and shows it in full."""

    context: Any
    service: Any
    inputs: dict[str, QWidget]
    reveal_buttons: dict[str, QPushButton]

    if TYPE_CHECKING:  # given by RecordForm
        def edited_record(self) -> Any | None: ...
        def show_failure(self, err: UserError | StorageError) -> None: ...

    def reveal_button(self, name: str, label: str) -> QPushButton:
        button = QPushButton(QCoreApplication.translate("RevealsMaskedFields", "Show"))
        button.setObjectName(f"reveal_{name}")
        allowed = self.context.can(Permission.PERSONAL_DATA_REVEAL)
        button.setEnabled(allowed)
        button.setToolTip(
            QCoreApplication.translate(
                "RevealsMaskedFields", "Show the full value (asks for a reason, recorded in the audit log)")
            if allowed else self.context.missing_permission_tip(Permission.PERSONAL_DATA_REVEAL)
        )
        button.clicked.connect(lambda _checked=False, f=name, t=label: self.reveal(f, t))
        self.reveal_buttons[name] = button
        return button

    def reveal(self, field_name: str, field_label: str) -> bool:
        """Ask for a reason, then show the field in full (audited by the service)."""
        record = self.edited_record()
        if record is None:
            return False
        assert isinstance(self, QWidget)  # a form dialog (RecordForm) mixes this in
        reason = RevealReasonDialog.ask(self, field_label)
        if reason is None:
            return False
        try:
            value = self.service.reveal(record.id, field_name, reason)
        except (UserError, StorageError) as err:
            self.show_failure(err)
            return False
        edit = self.inputs[field_name]
        assert isinstance(edit, MaskedLineEdit)
        edit.set_revealed(value)
        self.reveal_buttons[field_name].setEnabled(False)
        return True
