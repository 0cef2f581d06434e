"""The complaint case page runs its steps from the life cycle's declaration (app/complaints/rules.py):
each button runs its step by action, the values read from the widgets named by the step's fields.
Driven as a clerk would: a date, an amount and a choice typed or picked, then the button clicked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.complaints import rules
from tests.conftest import make_actor
from tests.fixtures.complaint_pages import CLOSURE_TAB, HISTORY_TAB, _case_under_investigation
from tests.ui.helpers import type_text
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
INVESTIGATION_TAB, PAYMENTS_TAB = 1, 2


@pytest.fixture
def case_page(qtbot, store):
    from ui.complaints.case_page import ComplaintCasePage

    svc, detail, _lawyer, today = _case_under_investigation(store)
    context = AppContext(store=store, actor=make_actor("inspector", username="inspector"), error_windows=False)
    page = ComplaintCasePage(context, svc, detail.id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    yield page, svc, today
    if context.tasks is not None:
        context.tasks.wait_all()


def _click(qtbot, page, action: str) -> None:
    qtbot.mouseClick(page.step_buttons[action], Qt.MouseButton.LeftButton)


def _choose_type_and_click(qtbot, page, combo, value: str, line, text: str, action: str) -> None:
    """Pick `value` in a step's list, type `text` in its line, click the step's button."""
    combo.setCurrentIndex(combo.findData(value))
    line.setFocus()
    type_text(line, text)
    _click(qtbot, page, action)


def test_every_step_button_reads_widgets_the_declaration_names(case_page) -> None:
    page, _svc, _today = case_page
    assert set(page.step_buttons) == {
        "accept", "refuse", "redirect", "request_correction", "corrected", "assign_officers", "record_action",
        "set_disposal", "extend", "order_rectification", "rectified", "not_rectified", "transfer",
        "add_instalment", "record_payment", "close", "notify_result", "archive", "record_notice",
        "record_service", "record_statement", "record_hearing_request", "record_hearing_notice",
        "record_hearing", "record_discussion", "record_review", "issue_decision", "published"}
    for action, button in page.step_buttons.items():
        step = rules.step(action)
        assert button.property("permission") == step.permission.value, action
        for field in step.fields:
            if field.kind != "hidden":  # one widget of that name holds the field's value
                assert len(page.findChildren(QWidget, field.name)) == 1, (action, field.name)
    assert len(page.findChildren(QPushButton)) >= len(page.step_buttons)


def test_a_choice_a_date_and_an_amount_move_the_case_through_their_buttons(qtbot, case_page) -> None:
    page, svc, today = case_page
    page.tabs.setCurrentIndex(INVESTIGATION_TAB)
    # a choice: the kind of investigation step, with its note; the note is cleared once recorded
    _choose_type_and_click(qtbot, page, page.action_kind, "site_inspection", page.action_note, "到工地现场检查考勤表",
                           "record_action")
    assert page.last_error is None, page.status.text()
    last = page.detail.events[-1]
    assert (last.action, last.note) == ("site_inspection", "到工地现场检查考勤表")
    assert page.action_note.text() == ""
    page.disposal.setCurrentIndex(page.disposal.findData("coordinated"))
    _click(qtbot, page, "set_disposal")
    assert page.last_error is None, page.status.text()
    assert svc.get(page.detail.id).disposal_method == "coordinated"

    # a date: rectify by a day before the order is refused, a later one orders the rectification
    page.rectify_by.set_value(today)
    _click(qtbot, page, "order_rectification")
    assert page.last_error is not None and page.last_error.code == "complaint.rectify_by_after_order"
    assert page.detail.status == "investigating"
    page.rectify_by.set_value(today + timedelta(days=15))
    _click(qtbot, page, "order_rectification")
    assert page.last_error is None, page.status.text()
    assert svc.get(page.detail.id).status == "rectification_ordered"
    assert not page.rectify_by.isVisible()  # the order is made: its date is no longer asked for

    # an amount: an instalment, then another appended to the plan; a typed non-amount is refused as before
    page.tabs.setCurrentIndex(PAYMENTS_TAB)
    worker = page.detail.workers[0]
    page.plan_due.set_value(today + timedelta(days=10))
    type_text(page.plan_amount, "三千")
    _click(qtbot, page, "add_instalment")
    assert page.last_error is not None and page.last_error.code == "money.invalid"
    assert page.detail.instalments == ()
    refusal = page.status.text()
    page.plan_amount.clear()
    _click(qtbot, page, "add_instalment")  # no amount: nothing to record, nothing more said
    assert page.detail.instalments == () and page.status.text() == refusal
    qtbot.keyClicks(page.plan_amount, "3,000")
    _click(qtbot, page, "add_instalment")
    assert page.last_error is None, page.status.text()
    page.plan_due.set_value(today + timedelta(days=40))
    qtbot.keyClicks(page.plan_amount, "5000")
    qtbot.keyClick(page.plan_amount, Qt.Key.Key_Return)  # Enter in the amount adds it too
    assert page.last_error is None, page.status.text()
    assert [(i.worker_id, i.due_on, i.amount_fen) for i in svc.get(page.detail.id).instalments] == [
        (worker.id, today + timedelta(days=10), 300_000), (worker.id, today + timedelta(days=40), 500_000)]
    assert page.plan_amount.text() == ""
    qtbot.keyClicks(page.pay_amount, "1,200.50")
    type_text(page.pay_method, "银行转账")
    _click(qtbot, page, "record_payment")
    assert page.last_error is None, page.status.text()
    assert svc.get(page.detail.id).recovered_fen == 120_050 and page.pay_amount.text() == ""
    assert page.detail.payments[-1].method == "银行转账"

    # rectified (recorded today), then closed the way the clerk chose
    page.tabs.setCurrentIndex(INVESTIGATION_TAB)
    _click(qtbot, page, "rectified")
    assert page.detail.status == "rectified", page.status.text()
    page.tabs.setCurrentIndex(CLOSURE_TAB)
    _choose_type_and_click(qtbot, page, page.closure_kind, "other", page.close_reason, "双方达成和解", "close")
    assert page.last_error is None, page.status.text()
    closed = svc.get(page.detail.id)
    assert (closed.status, closed.closure_kind, closed.close_reason, closed.closed_on) == (
        "closed", "other", "双方达成和解", today)
    page.tabs.setCurrentIndex(HISTORY_TAB)
    assert [e.action for e in closed.events][-7:] == [
        "disposal", "order_rectification", "plan", "plan", "payment", "rectified", "close"]
    assert page.events_table.rowCount() == len(closed.events)


def _shown_investigation_steps(page) -> set[str]:
    return {action for action in ("record_action", "set_disposal", "extend", "order_rectification", "rectified",
                                  "not_rectified", "transfer")
            if page.step_buttons[action].isVisibleTo(page)}


def test_the_investigation_tab_offers_only_the_steps_the_state_allows(qtbot, case_page) -> None:
    page, _svc, today = case_page
    page.tabs.setCurrentIndex(INVESTIGATION_TAB)
    # investigating: the order can be made; rectified / not rectified cannot be said yet
    # (the row that shows the order used to show all three buttons whatever the state)
    assert _shown_investigation_steps(page) == {
        "record_action", "set_disposal", "extend", "order_rectification", "transfer"}
    page.rectify_by.set_value(today + timedelta(days=15))
    _click(qtbot, page, "order_rectification")
    assert page.detail.status == "rectification_ordered", page.status.text()
    # the order is made: not again; now rectified or not rectified (or transfer)
    assert _shown_investigation_steps(page) == {"record_action", "set_disposal", "extend", "rectified",
                                                "not_rectified", "transfer"}
    for action, button in page.step_buttons.items():  # no button anywhere on the page the state refuses
        if button.isVisibleTo(page) and action in rules.TRANSITIONS:
            assert rules.TRANSITIONS[action].allows(page.detail.status), action
