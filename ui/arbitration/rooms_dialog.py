"""仲裁庭登记: the hearing rooms the scheduling form offers (administrators)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.arbitration.hearings import hearing_rooms, save_hearing_rooms
from app.errors import StorageError, UserError
from ui.context import AppContext
from ui.widgets.naming import named


class HearingRoomsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hearing_rooms_dialog")
        self.setWindowTitle(self.tr("Hearing rooms"))
        self.context = context
        self.rooms = QPlainTextEdit("\n".join(hearing_rooms(context.store, context.actor)))
        self.rooms.setObjectName("rooms")
        self.error = named(QLabel(), "error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("One room a line, as the scheduling form offers them:")))
        layout.addWidget(self.rooms, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            save_hearing_rooms(self.context.store, self.context.actor, self.rooms.toPlainText().splitlines())
        except (UserError, StorageError) as err:
            self.error.setText(err.message(self.context.language))
            return
        self.accept()
