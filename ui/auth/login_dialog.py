"""The login dialog shown at every start once the database has accounts.

The failure message comes from the service and never says whether the name
or the password was wrong; a locked account says until when.  The dialog
stays open for another try until the user signs in or cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, UserError
from app.services.accounts import AccountService
from app.services.actor import Actor
from ui.auth.common import InlineError, password_edit, plain_edit
from ui.context import AppContext


class LoginDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self._context = context
        self._service = AccountService(context.store, context.actor)
        self.actor: Actor | None = None

        self.setWindowTitle(self.tr("Renshe Desk — sign in"))
        self.setMinimumWidth(380)

        heading = QLabel(self.tr("Renshe Desk"), self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(self.tr("Sign in with your user name and password."), self)
        hint.setWordWrap(True)

        self.username = plain_edit("username", self)
        self.password = password_edit("password", self)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.error = InlineError(self)

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.username.textEdited.connect(self.error.clear_message)
        self.password.textEdited.connect(self.error.clear_message)
        self.username.setFocus()

    # ------------------------------------------------------------------ seam
    @classmethod
    def ask(cls, context: AppContext, parent: QWidget | None = None) -> Actor | None:
        """Show the dialog; the signed-in actor, or None if the user cancelled."""
        dialog = cls(context, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.actor
            return None
        finally:
            dialog.deleteLater()

    # ------------------------------------------------------------------ actions
    def accept(self) -> None:
        username = self.username.text().strip()
        if not username:
            self.error.show_message(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        try:
            actor = self._service.sign_in(username, self.password.text())
        except (UserError, StorageError) as err:
            self.error.show_message(err.message(self._context.language))
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.password.clear()
        super().accept()
