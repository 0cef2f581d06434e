"""First start: create the system administrator's account before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.accounts.actor import Actor
from app.accounts.service import AccountService
from app.errors import StorageError, UserError
from ui.auth.common import CheckingDialog, InlineError, NewAccountFields
from ui.context import AppContext


class FirstRunDialog(CheckingDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("first_run_dialog")
        self._service = AccountService(context.store, context.actor)
        self.actor: Actor | None = None

        self.setWindowTitle(self.tr("Create the system administrator"))
        self.setMinimumWidth(440)

        heading = self.heading(self.tr("Create the system administrator"), 1.3)
        hint = QLabel(
            self.tr(
                "This database has no accounts yet. The first account is the system "
                "administrator, who then creates the other users and gives them roles."
            ),
            self,
        )
        hint.setWordWrap(True)

        fields = NewAccountFields(self)
        self.username, self.display_name, self.password, self.password_again = fields.edits()
        form = fields.form

        self.error = InlineError(self)

        self.buttons, self.create_button, self.cancel_button = self.ok_cancel(self.tr("Create"), "create")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        for edit in (self.username, self.display_name, self.password, self.password_again):
            edit.textEdited.connect(self.error.clear_message)
        self.username.setFocus()

    # ------------------------------------------------------------------ seam
    @classmethod
    def ask(cls, context: AppContext, parent: QWidget | None = None) -> Actor | None:
        """Show the dialog; the new administrator, or None if the user cancelled."""
        return cls.run_modal(cls(context, parent))

    def outcome(self) -> Actor | None:
        return self.actor

    # ------------------------------------------------------------------ actions
    def accept(self) -> None:
        if self.busy:
            return
        if self.password.text() != self.password_again.text():
            self._refused(UserError("user.passwords_differ", field="password_again"))
            return
        self.error.clear_message()
        service = self._service
        username, display_name, password = (
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
        )
        self.run_check(
            lambda: service.create_first_admin(username, display_name, password),
            self._created,
            self.tr("Creating the administrator"),
        )

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.password_again.clear()
        super().accept()

    def _form_widgets(self) -> list[QWidget]:
        return [
            self.username,
            self.display_name,
            self.password,
            self.password_again,
            self.create_button,
            self.cancel_button,
        ]

    def _refused(self, err: UserError | StorageError) -> None:
        if isinstance(err, UserError) and err.code == "auth.setup_closed":
            # Another workstation created the first account meanwhile: nothing to set
            # up any more; sign_in() goes on to the login dialog.
            self.password.clear()
            self.password_again.clear()
            super().reject()
            return
        self.error.show_message(err.message(self._context.language))
        field = getattr(err, "field", None)
        target: QLineEdit | None = {
            "username": self.username,
            "password": self.password,
            "password_again": self.password_again,
        }.get(field or "")
        if target is not None:
            if target is not self.username:
                self.password_again.clear()
            target.setFocus()
            target.selectAll()
