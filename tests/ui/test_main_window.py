"""The frame: the task mechanism, the excepthook, the main window and run_gui."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.errors import Cancelled, UserError
from ui.tasks import TaskRunner

# ------------------------------------------------------------------ tasks


@pytest.fixture
def runner(qtbot):
    r = TaskRunner(error_windows=False)
    yield r
    r.shutdown()


def test_result_is_delivered_on_the_gui_thread(qtbot, runner) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def body(progress, cancel):
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        return 42

    def done(result):
        seen["result"] = result
        seen["delivered_on"] = threading.get_ident()

    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        runner.run(body, on_success=done, label="x", parent=None)
    assert seen["result"] == 42
    assert seen["delivered_on"] == gui != seen["worker"]
    assert runner.active == 0


def test_exception_is_delivered_not_lost(qtbot, runner) -> None:
    errors: list[BaseException] = []

    def body(progress, cancel):
        raise UserError("party.name_required", field="name")

    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        runner.run(body, on_success=lambda r: None, on_error=errors.append, label="x", parent=None)
    assert isinstance(errors[0], UserError) and errors[0].field == "name"


def test_progress_dialog_appears_late_and_cancel_sets_the_token(qtbot, runner) -> None:
    release = threading.Event()
    errors: list[BaseException] = []

    def body(progress, cancel):
        for i in range(10_000):
            progress(i, 10_000)
            if release.wait(0.01):
                break
            cancel.check()
        return "finished"

    shown: list[object] = []
    runner.dialog_shown.connect(shown.append)
    task = runner.run(body, on_success=lambda r: None, on_error=errors.append, label="Working", parent=None)
    assert task.dialog is None  # not at once
    with qtbot.waitSignal(runner.dialog_shown, timeout=5_000):
        pass
    dialog = task.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.value() > 0)  # polled progress reaches the dialog
    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert task.token.cancelled
    assert isinstance(errors[0], Cancelled)
    assert task.dialog is None


def test_quick_task_never_shows_a_dialog(qtbot, runner) -> None:
    with qtbot.assertNotEmitted(runner.dialog_shown), qtbot.waitSignal(runner.all_done, timeout=5_000):
        runner.run(lambda p, c: None, on_success=lambda r: None, label="x", parent=None)


def test_wait_all(qtbot, runner) -> None:
    results: list[int] = []
    for i in range(5):
        runner.run(lambda p, c, i=i: i * i, on_success=results.append, label="x", parent=None, writes=i % 2 == 0)
    assert runner.wait_all(10_000)
    assert sorted(results) == [0, 1, 4, 9, 16]


def test_bug_in_task_goes_to_the_excepthook(qtbot, runner, monkeypatch) -> None:
    import sys

    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(e))

    def body(progress, cancel):
        raise ZeroDivisionError("bug")

    with qtbot.waitSignal(runner.all_done, timeout=5_000):
        runner.run(body, on_success=lambda r: None, label="x", parent=None)
    assert isinstance(hooked[0], ZeroDivisionError)


# ------------------------------------------------------------------ excepthook


def test_excepthook_logs_and_shows_one_dialog_per_distinct_error(qtbot, monkeypatch, caplog) -> None:
    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(errors.ExceptHook, "_show", lambda self, details: shown.append(details))
    hook = errors.ExceptHook(error_windows=True)

    def fail(n: int) -> None:
        raise ValueError(f"bad {n} for 110101199003070054")

    for n in range(3):
        try:
            fail(n)
        except ValueError as exc:
            hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "110101199003070054" not in shown[0]  # personal numbers scrubbed from the dialog
    assert len([r for r in caplog.records if r.name == "renshe.crash"]) == 3


def test_excepthook_silent_without_error_windows(qtbot, monkeypatch) -> None:
    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(errors.ExceptHook, "_show", lambda self, details: shown.append(details))
    hook = errors.ExceptHook(error_windows=False)
    try:
        raise RuntimeError("x")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert shown == []


def test_show_user_error_uses_the_users_language(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.errors import show_user_error

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()) or 0)
    show_user_error(None, UserError("id_no.checksum", expected="X"), "zh_CN")
    show_user_error(None, UserError("id_no.checksum", expected="X"), "en")
    assert texts == ["身份证号校验位错误（应为X）。", "The ID number's check character is wrong (expected X)."]
    assert QApplication.instance() is not None


# ------------------------------------------------------------------ main window

# The offscreen platform's notice when a window has size limits; not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def test_a_task_whose_window_was_closed_tells_nobody(qtbot, runner) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    delivered: list[object] = []
    release = threading.Event()

    def body(progress, cancel):
        release.wait(10)
        return 1

    runner.run(body, on_success=delivered.append, label="x", parent=window)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5_000)
    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        release.set()
    assert delivered == []


def make_main_window(qtbot, store, actor):
    from ui.context import AppContext
    from ui.main_window import MainWindow

    context = AppContext(store=store, actor=actor, error_windows=False, tasks=TaskRunner(error_windows=False))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_navigation_lists_the_parties_area(qtbot, store, admin_actor, chinese) -> None:
    from ui.parties.window import PartiesWindow

    window = make_main_window(qtbot, store, admin_actor)
    assert window.windowTitle() == "人社办案台"
    assert "parties" in window.area_keys()
    assert window.area_titles()[window.area_keys().index("parties")] == "当事人库"
    assert window.stack.currentWidget() is window.area_widget(window.area_keys()[0])  # the first area opens
    parties = window.open_area("parties")
    assert isinstance(parties, PartiesWindow) and window.stack.currentWidget() is parties
    assert window.navigation.currentItem().text() == "当事人库"
    assert window.user_label.text() == "当前用户：admin"
    assert window.database_label.text() == "数据库：" + store.url.removeprefix("sqlite:///")
    window.context.tasks.shutdown()


def test_home_page_shows_this_years_figures_above_the_desk(qtbot, store, admin_actor, chinese) -> None:
    from ui.desk.window import DeskWindow
    from ui.reports.overview import OverviewWidget

    window = make_main_window(qtbot, store, admin_actor)
    home = window.area_widget(window.area_keys()[0])
    assert isinstance(home, DeskWindow)
    assert isinstance(home.overview, OverviewWidget)
    qtbot.waitUntil(lambda: home.overview.figures is not None, timeout=20_000)
    assert home.overview.tiles["complaints_received"].value.text() == "0"


def test_areas_without_permission_are_hidden(qtbot, store, monkeypatch) -> None:
    from app.accounts.permissions import Permission
    from tests.conftest import make_actor
    from ui import areas, main_window

    extra = areas.Area("extra", "Extra", "ui.parties.window:PartiesWindow", Permission.USER_MANAGE)
    parties = next(a for a in areas.AREAS if a.key == "parties")
    monkeypatch.setattr(main_window, "AREAS", [parties, extra])
    admin = make_main_window(qtbot, store, make_actor("admin", username="admin"))
    assert admin.area_keys() == ["parties", "extra"]
    clerk = make_main_window(qtbot, store, make_actor("intake", username="clerk"))
    assert clerk.area_keys() == ["parties"]
    nobody = make_main_window(qtbot, store, make_actor(username="nobody"))
    assert nobody.area_keys() == [] and nobody.navigation.count() == 0
    for w in (admin, clerk, nobody):
        w.context.tasks.shutdown()


def test_a_registered_area_window_is_listed_last_and_gone_after(qtbot, store) -> None:
    from app.accounts.permissions import Permission
    from tests.conftest import make_actor
    from ui import areas

    areas.register_area_ui(areas.AreaUi("gazette", "Gazette", "ui.parties.window:PartiesWindow", Permission.PARTY_VIEW))
    try:
        window = make_main_window(qtbot, store, make_actor("intake", username="clerk"))
        assert window.area_keys()[-1] == "gazette" and window.area_titles()[-1] == "Gazette"
        window.context.tasks.shutdown()
    finally:
        areas.unregister_area_ui("gazette")
    assert "gazette" not in [a.key for a in areas.AREAS]


def test_areas_file_is_a_plain_list() -> None:
    from ui.areas import AREAS

    assert "parties" in [a.key for a in AREAS]
    for area in AREAS:
        module, _, cls = area.factory.partition(":")
        assert module.startswith("ui.") and cls


def _args(db_url: str, **extra):
    import argparse

    values = {"db": db_url, "language": "zh_CN", "smoke_test": True, "no_err_windows": False}
    values.update(extra)
    return argparse.Namespace(**values)


def test_run_gui_smoke_test_exits_0(qtbot, tmp_path, capsys) -> None:
    import sys

    from ui.application import run_gui

    hook_before = sys.excepthook
    url = f"sqlite:///{tmp_path / 'smoke.db'}"
    assert run_gui(_args(url)) == 0
    assert (tmp_path / "smoke.db").is_file()  # created and migrated
    assert sys.excepthook is hook_before
    err = capsys.readouterr().err
    assert "Traceback" not in err and "smoke test: main window shown" in err
    # A database with accounts: the smoke test signs nobody in and reads anonymously.
    from app.accounts.actor import setup_actor
    from app.accounts.service import AccountService
    from app.store import open_store
    from ui import application
    from ui.context import AppContext

    store = open_store(url)
    context = AppContext(store=store, actor=setup_actor())
    assert application.smoke_actor(context).is_setup
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "correct horse 9")
    assert application.smoke_actor(context).is_anonymous
    store.dispose()
    assert run_gui(_args(url, language="en")) == 0


def test_run_gui_smoke_test_reports_a_database_it_cannot_open(qtbot, tmp_path, capsys) -> None:
    from ui.application import run_gui

    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run_gui(_args(f"sqlite:///{blocker / 'x.db'}")) == 1
    assert "是文件而不是文件夹" in capsys.readouterr().err


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_run_gui_on_a_file_that_is_not_a_database_says_so_in_one_line(qtbot, tmp_path, capsys, language) -> None:
    from ui.application import run_gui

    text = tmp_path / "notes.db"
    text.write_text("a clerk's notes, not a database\n" * 50)
    assert run_gui(_args(f"sqlite:///{text}", smoke_test=False, no_err_windows=True, language=language)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    # the start-up check (ui/damaged_database.py) says it before the store opens anything
    assert ("不是数据库文件" if language == "zh_CN" else "is not a database file") in err
    assert text.read_text().startswith("a clerk's notes")  # untouched


def test_run_gui_shows_one_message_box_for_a_database_it_cannot_open(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.application import run_gui

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    assert run_gui(_args(f"sqlite:///{folder}", smoke_test=False, no_err_windows=False)) == 1
    assert len(shown) == 1 and "是文件夹，不是数据库文件" in shown[0]


def test_run_gui_signs_in_through_the_session_module(qtbot, tmp_path, monkeypatch) -> None:
    """Without --smoke-test the actor comes from ui.auth.session.sign_in; None = cancelled → 0."""
    import ui.auth.session as session
    from ui.application import run_gui

    calls: list[object] = []
    monkeypatch.setattr(session, "sign_in", lambda context: calls.append(context) or None)
    assert run_gui(_args(f"sqlite:///{tmp_path / 'x.db'}", smoke_test=False, no_err_windows=True)) == 0
    assert len(calls) == 1 and calls[0].error_windows is False


def test_font_and_translations_are_installed(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.application import install_font, install_translators

    assert install_font(qapp) == "WenQuanYi Micro Hei"
    assert qapp.font().family() == "WenQuanYi Micro Hei"
    translators = install_translators(qapp, "zh_CN")
    try:
        assert len(translators) == 3  # ours, Qt's own, and what Qt's own misses (qtfixes)
        assert QCoreApplication.translate("MainWindow", "Renshe Desk") == "人社办案台"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "Renshe Desk") == "Renshe Desk"


def test_a_list_shows_what_another_desk_saved_within_seconds_but_not_under_an_open_form(
    qtbot, store, admin_actor
) -> None:
    from PySide6.QtWidgets import QDialog

    from app.accounts.actor import Actor
    from app.parties.service import PartyService
    from ui.main_window import MainWindow

    window = make_main_window(qtbot, store, admin_actor)
    assert isinstance(window, MainWindow)
    window.change_watcher.timer.setInterval(100)
    parties = window.open_area("parties")
    qtbot.waitUntil(lambda: window.change_watcher.last_seen is not None)
    assert parties.model.rowCount() == 0

    # another desk (another PC, another clerk) saves a party
    other_desk = Actor(username="clerk2", user_id=None, roles=frozenset({"admin"}), machine="desk-2")
    PartyService(store, other_desk).create({"kind": "person", "name": "张伟"})
    qtbot.waitUntil(lambda: parties.model.rowCount() == 1, timeout=5000)

    # a form is open (modal): nothing is refreshed under it; it is caught up after it closes
    form = QDialog(window)
    form.setModal(True)
    form.show()
    qtbot.waitUntil(lambda: form.isVisible())
    PartyService(store, other_desk).create({"kind": "person", "name": "李娜"})
    qtbot.waitUntil(lambda: window.change_watcher.pending, timeout=5000)
    assert parties.model.rowCount() == 1
    form.close()
    qtbot.waitUntil(lambda: parties.model.rowCount() == 2, timeout=5000)

    # this desk's own saves do not count as another desk's
    PartyService(store, admin_actor).create({"kind": "person", "name": "王芳"})
    seen = window.change_watcher.last_seen
    qtbot.waitUntil(lambda: window.change_watcher.last_seen != seen, timeout=5000)
    assert not window.change_watcher.pending
    window.close()
    window.context.tasks.shutdown()


def test_help_menu_about_shows_the_version_the_database_and_the_font_licence(qtbot, store, admin_actor, chinese, tmp_path) -> None:
    import tomllib
    from pathlib import Path

    from PySide6.QtWidgets import QDialogButtonBox

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    window = make_main_window(qtbot, store, admin_actor)
    help_menu = window.menuBar().actions()[-1]
    assert help_menu.text() == "帮助(&H)"
    about = help_menu.menu().actions()[0]
    assert about.text() == "关于人社办案台(&A)"
    about.trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "关于人社办案台"
    assert dialog.version_label.text() == pyproject["project"]["version"]
    assert dialog.database_label.text() == store.url.removeprefix("sqlite:///")
    assert "wqy-microhei.ttc" in dialog.font_label.text() and "Apache-2.0" in dialog.font_label.text()
    assert "许可" in dialog.font_label.text()
    dialog.grab().save(str(tmp_path / "about.png"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    window.context.tasks.shutdown()


def test_version_option_prints_the_pyproject_version(capsys) -> None:
    import tomllib
    from pathlib import Path

    from app.cli import run

    expected = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    with pytest.raises(SystemExit) as stopped:
        run(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"renshe-desk {expected}"


def _fails_after_the_store_opened(monkeypatch, error: Exception) -> None:
    """The main window's first read raises `error`: a damaged page SQLite's quick check at start-up
    did not reach (random damage in the full run met one), or a fault in the program."""
    from ui.auth import session
    from ui.main_window import MainWindow

    def set_context(self, context) -> None:
        raise error

    monkeypatch.setattr(session, "sign_in", lambda context: context.actor)  # no login dialog in a test
    monkeypatch.setattr(MainWindow, "set_context", set_context)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_run_gui_says_a_page_damaged_past_the_quick_check_in_one_line(qtbot, tmp_path, capsys, monkeypatch,
                                                                      language) -> None:
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    from ui.application import run_gui

    path = tmp_path / "office.db"
    _fails_after_the_store_opened(
        monkeypatch, DatabaseError("SELECT 1", {}, sqlite3.DatabaseError("database disk image is malformed")))
    assert run_gui(_args(f"sqlite:///{path}", smoke_test=False, no_err_windows=True, language=language)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    expected = f"错误: 文件 {path} 已损坏" if language == "zh_CN" else f"error: The file {path} is damaged"
    assert err.startswith(expected), err


def test_run_gui_says_a_fault_at_start_up_in_one_line_and_shows_the_crash_dialog(qtbot, tmp_path, capsys,
                                                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.application import run_gui

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.objectName()) or 0)
    _fails_after_the_store_opened(monkeypatch, RuntimeError("a fault in the program"))
    args = _args(f"sqlite:///{tmp_path / 'office.db'}", smoke_test=False, no_err_windows=False)
    assert run_gui(args) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert err.startswith("错误: 程序发生意外错误") and "a fault in the program" not in err
    assert shown == ["crash_dialog"]
