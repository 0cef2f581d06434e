"""The case pages' step bar (ui/widgets/case_steps.py): in each state the arbitration case
page shows exactly the steps the life cycle allows, in its order; a clerk who may not take
a step sees it greyed with the permission it needs; each step's form is built from the
life cycle's fields, in Chinese."""

from __future__ import annotations

import threading
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QFormLayout, QLabel

from tests.fixtures.arbitration import ARBITRATOR, CLERK, make_world, receive
from ui.arbitration.window import ArbitrationWindow
from ui.context import AppContext
from ui.tasks import TaskRunner
from ui.widgets.step_dialog import StepDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
TODAY = date(2023, 9, 27)

# what a clerk sees on the step bar, state by state (正确请求类别 sits under the claims table)
BEFORE_ACCEPTANCE = ["accept", "request_correction", "refuse", "not_competent", "withdraw_before_acceptance"]
RUNNING = ["record_service", "record_answer", "suspend", "extend", "convert_procedure", "add_party",
           "change_claims", "join_counterclaim", "close_mediation", "close_withdrawal", "revoke", "terminate",
           "transfer_out", "record_side_event"]
ACCEPTED = ["form_tribunal", *RUNNING]
TRIBUNAL_FORMED = ["change_tribunal", "record_service", "record_answer", "schedule_hearing", *RUNNING[2:]]
HEARING_SCHEDULED = ["record_service", "record_answer", "schedule_hearing", "postpone_hearing", "hold_hearing",
                     *RUNNING[2:]]
CLOSED = ["record_service"]


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators
    from ui.application import install_font

    install_font(qapp)  # the screenshots are looked at: Chinese must render
    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def world(store):
    return make_world(store)


def open_page(qtbot, world, actor, case_id: int):
    context = AppContext(store=world.store, actor=actor, language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    window = ArbitrationWindow(context, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    return window, window.open_case(case_id)


def shown(page) -> list[str]:
    """The step buttons a clerk sees, as laid out: row by row, left to right."""
    visible = {a for a, b in page.buttons.items() if b.isVisibleTo(page)}
    laid_out = in_bar_order(page)
    assert set(laid_out) == visible, (laid_out, visible)
    return laid_out


def in_bar_order(page) -> list[str]:
    grid = page.step_bar.grid
    places = []
    for i in range(grid.count()):
        widget = grid.itemAt(i).widget()
        if widget is not None and widget.isVisibleTo(page):
            row, col, _rs, _cs = grid.getItemPosition(i)
            places.append(((row, col), widget.objectName()))
    return [name for _place, name in sorted(places)]


def clerk_answers(fill) -> dict[str, Any]:
    """The next step dialog, filled by `fill(dialog)` and confirmed with OK."""
    seen: dict[str, Any] = {}

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StepDialog) and w.isVisible())
        try:
            form = dialog.findChild(QFormLayout)
            seen["labels"] = [form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text()
                              for r in range(form.rowCount())]
            seen["title"] = dialog.windowTitle()
            fill(dialog)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, drive)
    return seen


def test_each_state_shows_exactly_its_steps_and_a_click_moves_the_case(qtbot, world, tmp_path: Path) -> None:
    cid = receive(world, date(2023, 9, 25))
    _window, page = open_page(qtbot, world, CLERK, cid)
    assert shown(page) == BEFORE_ACCEPTANCE
    page.grab().save(str(tmp_path / "received.png"))

    # the clerk clicks 受理: the form the life cycle declares (one date), OK, and the bar follows the state
    def accept_on_the_27th(dialog: StepDialog) -> None:
        widget = dialog.widgets["on"]
        assert isinstance(widget, QDateEdit)
        widget.setDate(QDate(2023, 9, 27))

    accept, ran_on = page.service.accept, []

    def accept_noting_the_thread(*args: Any, **kwargs: Any) -> Any:
        ran_on.append(threading.current_thread())
        return accept(*args, **kwargs)

    page.service.accept = accept_noting_the_thread
    seen = clerk_answers(accept_on_the_27th)
    qtbot.mouseClick(page.buttons["accept"], Qt.MouseButton.LeftButton)
    assert ran_on and ran_on[0] is not threading.current_thread()  # the write ran on the task runner's writer
    assert seen["title"] == "受理" and seen["labels"] == ["日期："]
    assert page.view.status == "accepted" and page.status.text() == "已登记：受理"
    assert shown(page) == ACCEPTED
    page.grab().save(str(tmp_path / "accepted.png"))

    # 组成仲裁庭 from the bar: the arbitrators and the clerk are offered by name
    def form_the_tribunal(dialog: StepDialog) -> None:
        chief, clerk = dialog.widgets["chief"], dialog.widgets["clerk"]
        assert isinstance(chief, QComboBox) and isinstance(clerk, QComboBox)
        seen["chiefs"] = [chief.itemText(i) for i in range(chief.count())]
        chief.setCurrentIndex(chief.findData(world.chief))
        for key, member in (("second", world.second), ("third", world.third)):  # 一般程序: three arbitrators
            other = dialog.widgets[key]
            assert isinstance(other, QComboBox) and other.itemText(0) == "（无）"
            other.setCurrentIndex(other.findData(member))
        clerk.setCurrentIndex(clerk.findData(world.clerk))
        dialog.widgets["on"].setDate(QDate(2023, 9, 28))

    seen = clerk_answers(form_the_tribunal)
    qtbot.mouseClick(page.buttons["form_tribunal"], Qt.MouseButton.LeftButton)
    assert seen["labels"] == ["日期：", "首席/独任仲裁员：", "仲裁员：", "仲裁员：", "书记员："]
    assert "王仲裁" in seen["chiefs"] and "陈书记" not in seen["chiefs"]
    assert page.view.status == "tribunal_formed" and page.view.tribunal["chief"][1] == "王仲裁"
    assert shown(page) == TRIBUNAL_FORMED

    s = world.clerk_service()
    s.schedule_hearing(cid, date(2023, 9, 28), held_on=date(2023, 10, 20), starts_at=time(9), ends_at=time(11),
                       room="第一仲裁庭")
    page.reload()
    assert shown(page) == HEARING_SCHEDULED
    s.close_withdrawal(cid, date(2023, 10, 8), "申请人撤回")
    page.reload()
    assert shown(page) == CLOSED
    assert not page.correct_category_button.isVisible()
    page.grab().save(str(tmp_path / "closed.png"))


def test_a_step_the_user_may_not_take_is_greyed_with_the_permission_it_needs(qtbot, world) -> None:
    cid = receive(world, date(2023, 9, 25))
    _window, page = open_page(qtbot, world, ARBITRATOR, cid)  # an arbitrator does not receive applications
    assert shown(page) == BEFORE_ACCEPTANCE
    accept = page.buttons["accept"]
    assert not accept.isEnabled() and accept.toolTip() == "需要权限：接收仲裁申请和审查受理"
    assert not any(page.buttons[a].isEnabled() for a in BEFORE_ACCEPTANCE)
    world.clerk_service().accept(cid, date(2023, 9, 27))
    page.reload()
    assert shown(page) == ACCEPTED and all(page.buttons[a].isEnabled() for a in ACCEPTED)  # handling is theirs
    assert page.buttons["form_tribunal"].toolTip() == ""


def test_a_step_form_comes_from_the_life_cycle_and_a_refusal_keeps_it_open(qtbot, world) -> None:
    cid = receive(world, date(2023, 9, 25))
    _window, page = open_page(qtbot, world, CLERK, cid)

    def refuse_without_a_ground_text(dialog: StepDialog) -> None:
        ground = dialog.widgets["ground"]
        assert isinstance(ground, QComboBox)
        seen["grounds"] = [ground.itemData(i) for i in range(ground.count())]
        ground.setCurrentIndex(ground.findData("no_clear_respondent"))
        dialog.widgets["on"].setDate(QDate(2023, 9, 20))  # before the receipt
        dialog.accept()  # refused in the dialog, which stays open with what was typed
        seen["error"] = dialog.findChild(QLabel, "error").text()
        seen["still_open"] = dialog.isVisible()
        dialog.widgets["on"].setDate(QDate(2023, 9, 27))

    seen: dict[str, Any] = {}
    seen.update(clerk_answers(refuse_without_a_ground_text))
    view = page.run_step("refuse")
    assert seen["grounds"] == ["outside_scope", "no_clear_claim", "no_direct_interest", "no_clear_respondent"]
    assert seen["still_open"] and seen["error"], seen
    assert view is not None and view.status == "not_accepted"
    assert shown(page) == []  # a refused application has no step left
