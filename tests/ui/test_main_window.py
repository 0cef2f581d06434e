"""The frame: the task mechanism, the excepthook, the main window and run_gui."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.errors import Cancelled, UserError
from ui.tasks import TaskRunner

# ------------------------------------------------------------------ tasks


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = TaskRunner(error_windows=False)
    yield r
    r.shutdown()


def test_result_is_delivered_on_the_gui_thread(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def body(progress, cancel):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        return 42

    def done(result):  # type: ignore[no-untyped-def]
        seen["result"] = result
        seen["delivered_on"] = threading.get_ident()

    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        runner.run(body, on_success=done, label="x", parent=None)
    assert seen["result"] == 42
    assert seen["delivered_on"] == gui != seen["worker"]
    assert runner.active == 0


def test_exception_is_delivered_not_lost(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def body(progress, cancel):  # type: ignore[no-untyped-def]
        raise UserError("party.name_required", field="name")

    with qtbot.waitSignal(runner.all_done, timeout=10_000):
        runner.run(body, on_success=lambda r: None, on_error=errors.append, label="x", parent=None)
    assert isinstance(errors[0], UserError) and errors[0].field == "name"


def test_progress_dialog_appears_late_and_cancel_sets_the_token(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    errors: list[BaseException] = []

    def body(progress, cancel):  # type: ignore[no-untyped-def]
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


def test_quick_task_never_shows_a_dialog(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(runner.dialog_shown), qtbot.waitSignal(runner.all_done, timeout=5_000):
        runner.run(lambda p, c: None, on_success=lambda r: None, label="x", parent=None)


def test_wait_all(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    results: list[int] = []
    for i in range(5):
        runner.run(lambda p, c, i=i: i * i, on_success=results.append, label="x", parent=None, writes=i % 2 == 0)
    assert runner.wait_all(10_000)
    assert sorted(results) == [0, 1, 4, 9, 16]


def test_bug_in_task_goes_to_the_excepthook(qtbot, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(e))

    def body(progress, cancel):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("bug")

    with qtbot.waitSignal(runner.all_done, timeout=5_000):
        runner.run(body, on_success=lambda r: None, label="x", parent=None)
    assert isinstance(hooked[0], ZeroDivisionError)


# ------------------------------------------------------------------ excepthook


def test_excepthook_logs_and_shows_one_dialog_per_distinct_error(qtbot, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
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


def test_excepthook_silent_without_error_windows(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(errors.ExceptHook, "_show", lambda self, details: shown.append(details))
    hook = errors.ExceptHook(error_windows=False)
    try:
        raise RuntimeError("x")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert shown == []


def test_show_user_error_uses_the_users_language(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from ui.errors import show_user_error

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()) or 0)
    show_user_error(None, UserError("id_no.checksum", expected="X"), "zh_CN")
    show_user_error(None, UserError("id_no.checksum", expected="X"), "en")
    assert texts == ["身份证号校验位错误（应为X）。", "The ID number's check character is wrong (expected X)."]
    assert QApplication.instance() is not None
