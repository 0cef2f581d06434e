"""The first-run administrator set-up and the login dialog, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.accounts.actor import setup_actor
from app.accounts.permissions import Permission, Role
from app.accounts.service import MAX_FAILED_LOGINS, AccountService, has_accounts
from app.errors import UserError
from app.resources import font_path
from ui.auth import session
from ui.auth.first_run import FirstRunDialog
from ui.auth.login_dialog import LoginDialog
from ui.context import AppContext
from ui.tasks import TaskRunner

# The offscreen platform says this whenever a top-level window is shown; it is
# not a fault of ours (qt_log_level_fail = WARNING would fail every dialog test).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True, scope="module")
def _chinese_font(qapp):
    QFontDatabase.addApplicationFont(str(font_path()))


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def submit(qtbot, dialog, button) -> None:
    """Click OK and wait for the service's answer (it is checked on a worker thread)."""
    with qtbot.waitSignal(dialog.attempted, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def context_for(store, runner=None) -> AppContext:
    """What run_gui gives sign_in: a placeholder actor and the application's task runner."""
    return AppContext(
        store=store, actor=setup_actor(), language="zh_CN", error_windows=False, tasks=runner
    )


@pytest.fixture
def runner(qtbot):
    r = TaskRunner(error_windows=False)
    yield r
    r.shutdown()


@pytest.fixture
def accounts(store):
    """A database with an administrator and a clerk."""
    admin = AccountService(store, setup_actor()).create_first_admin(
        "admin", "管理员", "admin-pass-1"
    )
    service = AccountService(store, admin)
    service.create_user("clerk", "李登记", "clerk-pass-1", [Role.INTAKE])
    return service


# ---------------------------------------------------------------- first run


def test_first_run_creates_the_administrator(qtbot, store, runner) -> None:
    assert not has_accounts(store)
    dialog = FirstRunDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "wang")
    type_text(dialog.display_name, "王主任")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.password_again, "long-enough-2")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "两次输入的密码不一致。"
    assert not has_accounts(store)

    # The mistyped repetition was cleared; type it again.
    assert dialog.password_again.text() == ""
    qtbot.keyClicks(dialog.password_again, "long-enough-1")
    assert not dialog.error.isVisible()  # editing clears the old message
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    actor = dialog.actor
    assert actor is not None
    assert actor.username == "wang"
    assert actor.roles == frozenset({Role.ADMIN.value})
    assert actor.can(Permission.USER_MANAGE) and actor.can(Permission.AUDIT_VIEW)
    assert has_accounts(store)
    row = AccountService(store, actor).find("wang")
    assert row.display_name == "王主任"
    # And that password signs in.
    assert AccountService(store, setup_actor()).sign_in("wang", "long-enough-1").username == "wang"


def test_first_run_short_password_shows_the_service_message(qtbot, store, runner) -> None:
    dialog = FirstRunDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.password_again, "short")
    submit(qtbot, dialog, dialog.create_button)
    assert dialog.isVisible()
    assert dialog.error.text() == "密码至少需要8个字符。"
    assert not has_accounts(store)


def test_first_run_bad_user_name(qtbot, store, runner) -> None:
    dialog = FirstRunDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username, "王主任")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.password_again, "long-enough-1")
    submit(qtbot, dialog, dialog.create_button)
    assert dialog.error.text() == "用户名只能包含字母、数字、点、短横线和下划线。"
    assert not has_accounts(store)


def test_sign_in_on_a_fresh_database_runs_the_first_run_dialog(qtbot, store, runner) -> None:
    """The real session path: sign_in() opens the modal set-up dialog."""
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, FirstRunDialog)
        qtbot.keyClicks(dialog.username, "boss")
        qtbot.keyClicks(dialog.password, "boss-pass-1")
        qtbot.keyClicks(dialog.password_again, "boss-pass-1")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    actor = session.sign_in(context_for(store, runner))
    assert seen == ["FirstRunDialog"]
    assert actor is not None and actor.username == "boss"
    assert actor.roles == frozenset({"admin"})


def test_first_account_created_elsewhere_meanwhile_leads_to_the_login(qtbot, store, runner) -> None:
    seen: list[str] = []

    def first_run() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, FirstRunDialog)
        # Another workstation on the same database is quicker.
        AccountService(store, setup_actor()).create_first_admin("other", "", "other-pass-1")
        qtbot.keyClicks(dialog.username, "boss")
        qtbot.keyClicks(dialog.password, "boss-pass-1")
        qtbot.keyClicks(dialog.password_again, "boss-pass-1")
        # Once it has closed, sign_in() opens the login dialog: fill that one next.
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, login))
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    def login() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.username, "other")
        qtbot.keyClicks(dialog.password, "other-pass-1")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, first_run)
    actor = session.sign_in(context_for(store, runner))
    assert seen == ["FirstRunDialog", "LoginDialog"]
    assert actor is not None and actor.username == "other"
    assert AccountService(store, actor).find("other").roles == frozenset({"admin"})
    with pytest.raises(UserError):
        AccountService(store, actor).find("boss")


def test_sign_in_with_accounts_runs_the_login_dialog(qtbot, store, accounts, runner) -> None:
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.username, "clerk")
        qtbot.keyClicks(dialog.password, "clerk-pass-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    actor = session.sign_in(context_for(store, runner))
    assert seen == ["LoginDialog"]
    assert actor is not None and actor.username == "clerk"
    assert actor.roles == frozenset({"intake"})


def test_sign_in_cancelled_returns_none(qtbot, store, accounts, runner) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    assert session.sign_in(context_for(store, runner)) is None


# ---------------------------------------------------------------- login


def test_login_failure_then_lock_out(qtbot, store, accounts, runner) -> None:
    dialog = LoginDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()

    # An unknown name and a wrong password say the same thing.
    qtbot.keyClicks(dialog.username, "nobody")
    qtbot.keyClicks(dialog.password, "whatever-1")
    submit(qtbot, dialog, dialog.sign_in_button)
    assert dialog.isVisible()
    unknown_message = dialog.error.text()
    assert unknown_message == "用户名或密码错误。"
    assert dialog.password.text() == ""

    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "clerk")
    for attempt in range(1, MAX_FAILED_LOGINS + 1):
        qtbot.keyClicks(dialog.password, f"wrong-{attempt}")
        submit(qtbot, dialog, dialog.sign_in_button)
        assert dialog.isVisible(), "the dialog stays open for another try"
        assert dialog.error.isVisible()
        if attempt < MAX_FAILED_LOGINS:
            assert dialog.error.text() == unknown_message
    assert "锁定" in dialog.error.text()
    assert dialog.actor is None

    # Locked: even the right password is refused now.
    qtbot.keyClicks(dialog.password, "clerk-pass-1")
    submit(qtbot, dialog, dialog.sign_in_button)
    assert dialog.isVisible()
    assert "锁定" in dialog.error.text()
    assert dialog.actor is None


def test_login_success_closes_the_dialog(qtbot, store, accounts, runner) -> None:
    dialog = LoginDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong-pass")
    submit(qtbot, dialog, dialog.sign_in_button)
    assert dialog.error.isVisible()
    qtbot.keyClicks(dialog.password, "admin-pass-1")
    assert not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert dialog.actor.can(Permission.USER_MANAGE)
    assert dialog.password.text() == ""


def test_without_a_task_runner_the_check_runs_inline(qtbot, store, accounts) -> None:
    dialog = LoginDialog(context_for(store))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "wrong-pass")
    submit(qtbot, dialog, dialog.sign_in_button)
    assert dialog.error.text() == "用户名或密码错误。"
    qtbot.keyClicks(dialog.password, "clerk-pass-1")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.username == "clerk"


def test_the_form_is_locked_while_the_password_is_checked(qtbot, store, accounts, runner) -> None:
    dialog = LoginDialog(context_for(store, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "wrong-pass")
    with qtbot.waitSignal(dialog.attempted, timeout=10_000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        assert (
            dialog.busy
            and not dialog.sign_in_button.isEnabled()
            and not dialog.password.isEnabled()
        )
        dialog.reject()  # Esc while the answer is on its way: ignored
        assert dialog.isVisible()
    assert not dialog.busy and dialog.sign_in_button.isEnabled()
    assert dialog.error.text() == "用户名或密码错误。"
