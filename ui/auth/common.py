"""Pieces the sign-in dialogs share: the inline error line, the password field, and
running the (slow, memory-hard) password check off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.accounts.service import MIN_PASSWORD_LENGTH
from app.errors import StorageError, UserError
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"


class InlineError(QLabel):
    """A red line under a form that says what is wrong; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def password_edit(object_name: str, parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    # Passwords are typed, never pasted from somewhere that keeps them.
    edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return edit


def plain_edit(object_name: str, parent: QWidget | None = None, max_length: int = 64) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setMaxLength(max_length)
    return edit


class NewAccountFields:
    """User name, display name, the password twice: the fields of a new account (the first
    run's administrator, 新增用户), in a form layout."""

    def __init__(self, parent: QWidget) -> None:
        self.username = plain_edit("username", parent)
        self.username.setPlaceholderText(QCoreApplication.translate("NewAccountFields", "letters, digits, . - _"))
        self.display_name = plain_edit("display_name", parent, max_length=100)
        self.password = password_edit("password", parent)
        self.password.setPlaceholderText(  # the minimum is never 1: no plural form needed
            QCoreApplication.translate("NewAccountFields", "at least %1 characters").replace(
                "%1", str(MIN_PASSWORD_LENGTH)))
        self.password_again = password_edit("password_again", parent)
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("NewAccountFields", "User name"), self.username)
        self.form.addRow(QCoreApplication.translate("NewAccountFields", "Display name"), self.display_name)
        self.form.addRow(QCoreApplication.translate("NewAccountFields", "Password"), self.password)
        self.form.addRow(QCoreApplication.translate("NewAccountFields", "Password again"), self.password_again)

    def edits(self) -> tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]:
        return self.username, self.display_name, self.password, self.password_again


class CheckingDialog(QDialog):
    """A dialog whose OK runs one service call on a worker (argon2 takes ~0.3 s).

    While the call runs the form is disabled and cannot be cancelled (the answer
    is on its way); `attempted` is emitted after each answer, success or refusal.
    """

    attempted = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks: TaskRunner = context.tasks  # the application's runner (AppContext always has one)
        self.busy = False

    # ---------------------------------------------------------------- building
    def heading(self, text: str, scale: float) -> QLabel:
        """The dialog's title line, bold and `scale` times the text size."""
        heading = QLabel(text, self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def ok_cancel(self, ok_text: str, ok_name: str) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
        """The button box: `ok_text` (the default, named `ok_name`) runs accept(); Cancel rejects."""
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName(ok_name)
        ok.setDefault(True)
        cancel = buttons.addButton(
            QCoreApplication.translate("CheckingDialog", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons, ok, cancel

    # ---------------------------------------------------------------- the seam
    def outcome(self) -> Any:
        """What `ask()` returns once the dialog was accepted."""
        raise NotImplementedError

    @staticmethod
    def run_modal(dialog: CheckingDialog) -> Any:
        """Show `dialog` until it closes; its outcome, or None if the user cancelled."""
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.outcome()
            return None
        finally:
            dialog.deleteLater()

    # ---------------------------------------------------------------- the check
    def _form_widgets(self) -> list[QWidget]:
        raise NotImplementedError

    def _refused(self, err: UserError | StorageError) -> None:
        raise NotImplementedError

    def run_check(
        self, call: Callable[[], Any], on_success: Callable[[Any], None], label: str
    ) -> None:
        self._set_busy(True)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            on_success(result)
            self.attempted.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, UserError | StorageError):
                self._refused(error)
            else:  # a bug: the excepthook logs it and tells the user
                self._tasks.default_error(error, self)
            self.attempted.emit()

        self._tasks.run(
            lambda _progress, _cancel: call(),
            on_success=succeeded,
            on_error=failed,
            label=label,
            parent=self,
            cancellable=False,
            writes=True,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in self._form_widgets():
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def reject(self) -> None:  # Qt override: not while the answer is on its way
        if not self.busy:
            super().reject()
