"""The login dialog shown at every start once the database has accounts.

The failure message comes from the service and never says whether the name
or the password was wrong; a locked account says until when.  The dialog
stays open for another try until the user signs in or cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.accounts.actor import Actor
from app.accounts.service import AccountService
from app.errors import StorageError, UserError
from ui.auth.common import CheckingDialog, InlineError, password_edit, plain_edit
from ui.context import AppContext


class LoginDialog(CheckingDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("login_dialog")
        self._service = AccountService(context.store, context.actor)
        self.actor: Actor | None = None

        self.setWindowTitle(self.tr("Renshe Desk — sign in"))
        self.setMinimumWidth(380)

        heading = self.heading(self.tr("Renshe Desk"), 1.5)
        hint = QLabel(self.tr("Sign in with your user name and password."), self)
        hint.setWordWrap(True)

        self.username = plain_edit("username", self)
        self.password = password_edit("password", self)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.error = InlineError(self)

        self.buttons, self.sign_in_button, self.cancel_button = self.ok_cancel(self.tr("Sign in"), "sign_in")

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
        return cls.run_modal(cls(context, parent))

    def outcome(self) -> Actor | None:
        return self.actor

    # ------------------------------------------------------------------ actions
    def accept(self) -> None:
        if self.busy:
            return
        username = self.username.text().strip()
        if not username:
            self.error.show_message(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        self.error.clear_message()
        password = self.password.text()
        service = self._service
        self.run_check(
            lambda: service.sign_in(username, password), self._signed_in, self.tr("Signing in")
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        super().accept()

    def _refused(self, err: UserError | StorageError) -> None:
        self.error.show_message(err.message(self._context.language))
        self.password.clear()
        self.password.setFocus()

    def _form_widgets(self) -> list[QWidget]:
        return [self.username, self.password, self.sign_in_button, self.cancel_button]
