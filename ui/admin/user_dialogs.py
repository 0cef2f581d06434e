"""The dialogs of 用户与角色: a new user, a user's roles, a new password.

Each dialog calls the AccountService itself when OK is pressed (on the task
runner: hashing a password takes a moment) and stays open with the service's
message in red when it refuses, so nothing typed is lost.
Each has an `ask(...)` classmethod: the one seam tests patch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Role, label
from app.accounts.service import MIN_PASSWORD_LENGTH, AccountService, UserRow
from app.errors import StorageError, UserError
from ui.auth.common import CheckingDialog, InlineError, NewAccountFields, password_edit, plain_edit
from ui.context import AppContext
from ui.widgets.stale_save import is_changed_elsewhere, other_desk_saved_first, shown


class RoleChecks(QGroupBox):
    """One check box per role, in the table's order."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Roles"))
        self.setObjectName("roles")
        self.boxes: dict[Role, QCheckBox] = {}
        grid = QGridLayout(self)
        for i, role in enumerate(Role):
            box = QCheckBox(label(role, language), self)
            box.setObjectName(f"role_{role.value}")
            self.boxes[role] = box
            grid.addWidget(box, i // 2, i % 2)

    def set_roles(self, roles: Iterable[str]) -> None:
        chosen = set(roles)
        for role, box in self.boxes.items():
            box.setChecked(role.value in chosen)

    def roles(self) -> list[str]:
        return [role.value for role, box in self.boxes.items() if box.isChecked()]


class _ServiceDialog(CheckingDialog):
    """OK runs the service call `_prepare()` returns, on the task runner (the password
    hash takes a moment); a refusal keeps the dialog open and shows its message."""

    def __init__(
        self, context: AppContext, service: AccountService, parent: QWidget | None
    ) -> None:
        super().__init__(context, parent)
        self._service = service
        self.result_row: UserRow | None = None
        self.error = InlineError(self)
        # Translated in a fixed context: at run time self.tr() would look in the subclass's.
        self.buttons, self.ok_button, self.cancel_button = self.ok_cancel(
            QCoreApplication.translate("_ServiceDialog", "OK"), "ok")

    def _finish_layout(self, *parts: QWidget | QLayout) -> None:
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _prepare(self) -> Callable[[], UserRow]:
        """Read the form (on the GUI thread) and return the service call to run."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.busy:
            return
        try:
            call = self._prepare()
        except UserError as err:
            self._refused(err)
            return
        self.error.clear_message()
        self.run_check(call, self._saved, self.tr("Saving"))

    def _saved(self, row: UserRow) -> None:
        self.result_row = row
        super().accept()

    def _refused(self, err: UserError | StorageError) -> None:
        self.error.show_message(err.message(self._context.language))

    def _form_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.ok_button, self.cancel_button]
        widgets += self.findChildren(QLineEdit)
        widgets += self.findChildren(QCheckBox)
        return widgets

    def outcome(self) -> UserRow | None:
        return self.result_row

    @classmethod
    def ask(cls, context: AppContext, service: AccountService, *args: Any, **kwargs: Any) -> UserRow | None:
        """Show the dialog (the subclass's own arguments after the service); the saved user,
        or None if the administrator cancelled."""
        return cls.run_modal(cls(context, service, *args, **kwargs))


def _passwords(password: str, again: str) -> str:
    if password != again:
        raise UserError("user.passwords_differ", field="password_again")
    return password


class NewUserDialog(_ServiceDialog):
    def __init__(
        self, context: AppContext, service: AccountService, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, service, parent)
        self.setObjectName("new_user_dialog")
        self.setWindowTitle(self.tr("New user"))
        self.setMinimumWidth(460)
        fields = NewAccountFields(self)
        self.username, self.display_name, self.password, self.password_again = fields.edits()
        form = fields.form
        self.role_checks = RoleChecks(context.language, self)
        self._finish_layout(form, self.role_checks)
        self.username.setFocus()

    def _prepare(self) -> Callable[[], UserRow]:
        password = _passwords(self.password.text(), self.password_again.text())
        service, username, name, roles = (
            self._service,
            self.username.text(),
            self.display_name.text(),
            self.role_checks.roles(),
        )
        return lambda: service.create_user(username, name, password, roles)


class _OneUserDialog(_ServiceDialog):
    """A dialog about one existing account: `_build(user)` lays it out."""

    def __init__(self, context: AppContext, service: AccountService, user: UserRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, service, parent)
        self._user = user
        self._build(user)

    def _build(self, user: UserRow) -> None:
        raise NotImplementedError


class EditRolesDialog(_OneUserDialog):
    def _build(self, user: UserRow) -> None:
        context = self._context
        self.setObjectName("edit_roles_dialog")
        self.setWindowTitle(self.tr("Roles of {username}").format(username=user.username))
        self.setMinimumWidth(460)
        self.display_name = plain_edit("display_name", self, max_length=100)
        self.display_name.setText(user.display_name)
        form = QFormLayout()
        form.addRow(self.tr("User name"), QLabel(user.username, self))
        form.addRow(self.tr("Display name"), self.display_name)
        self.role_checks = RoleChecks(context.language, self)
        self.role_checks.set_roles(user.roles)
        self._finish_layout(form, self.role_checks)

    def _prepare(self) -> Callable[[], UserRow]:
        service, user = self._service, self._user
        name, roles = self.display_name.text(), self.role_checks.roles()
        return lambda: service.update_user(user.id, user.version, display_name=name, roles=roles)

    def _refused(self, err: UserError | StorageError) -> None:
        if not is_changed_elsewhere(err):
            super()._refused(err)
            return
        assert isinstance(err, UserError)
        # Another desk saved this account first (ui/widgets/stale_save.py): who, when, the saved
        # name and roles; the ticks and the name typed here stay, the next OK is on the saved version.
        user_id = self._user.id

        def saved_user() -> UserRow:
            for row in self._service.list_users():
                if row.id == user_id:
                    return row
            raise UserError("record.changed_elsewhere")

        outcome = other_desk_saved_first(
            err, before=self._user, fetch=saved_user, language=self._context.language,
            labels={"display_name": self.tr("Display name"), "roles": self.tr("Roles")},
            show=lambda name, value: "、".join(label(role, self._context.language) for role in Role if role.value in value)
            if name == "roles" else shown(value),
        )
        if outcome.current is not None:
            self._user = outcome.current
        self.error.show_message(outcome.message)


class ResetPasswordDialog(_OneUserDialog):
    def _build(self, user: UserRow) -> None:
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("New password for {username}").format(username=user.username))
        self.setMinimumWidth(420)
        hint = QLabel(
            self.tr("Give the user the new password in person; it also lifts a lock-out."), self
        )
        hint.setWordWrap(True)
        self.password = password_edit("password", self)
        self.password.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSWORD_LENGTH))
        self.password_again = password_edit("password_again", self)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        self._finish_layout(hint, form)
        self.password.setFocus()

    def _prepare(self) -> Callable[[], UserRow]:
        password = _passwords(self.password.text(), self.password_again.text())
        service, user_id = self._service, self._user.id
        return lambda: service.reset_password(user_id, password)
