"""Who is using the program: the first-run set-up or the login, before any window."""

from __future__ import annotations

from app.accounts.actor import Actor
from app.accounts.service import has_accounts
from ui.auth.first_run import FirstRunDialog
from ui.auth.login_dialog import LoginDialog
from ui.context import AppContext


def sign_in(context: AppContext) -> Actor | None:
    """The signed-in actor, or None if the user cancelled.

    A database without accounts first asks for the system administrator's
    account (who is then signed in); every later start asks for a login.
    `context.actor` is only a placeholder here; the caller stores the result.
    """
    if not has_accounts(context.store):
        actor = FirstRunDialog.ask(context)
        if actor is not None or not has_accounts(context.store):
            return actor
        # The first account was created elsewhere meanwhile (another workstation on
        # the same database): sign in with it instead.
    return LoginDialog.ask(context)
