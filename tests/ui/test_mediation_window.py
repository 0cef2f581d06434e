"""调解 driven as a township clerk would: an application, a failed mediation, 转仲裁."""

from __future__ import annotations

import re
import threading
from datetime import date

import pytest

from app.arbitration.service import ArbitrationCaseService
from tests.fixtures.arbitration import CLERK, MEDIATOR, make_world
from tests.ui.helpers import ime_commit, type_text
from ui.context import AppContext
from ui.mediation.window import MediationWindow
from ui.tasks import TaskRunner
from ui.widgets.step_dialog import StepDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators
    from ui.application import install_font

    install_font(qapp)  # the screenshots are looked at: Chinese must render
    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def open_window(qtbot, store, width: int, height: int) -> tuple[MediationWindow, AppContext]:
    """The mediation window as a mediator opens it on 2024-03-01, at this size."""
    context = AppContext(store=store, actor=MEDIATOR, language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    window = MediationWindow(context, today=lambda: date(2024, 3, 1))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    return window, context


def test_failed_mediation_is_transferred_with_parties_and_claims(qtbot, qtmodeltester, store, monkeypatch) -> None:
    make_world(store)
    window, context = open_window(qtbot, store, 1200, 800)
    qtmodeltester.check(window.model)

    form = window.new_application()
    type_text(form.applicant.search, "李娜")
    form.applicant.search.flush()
    type_text(form.respondent.search, "劳务")
    form.respondent.search.flush()
    type_text(form.cause, "拖欠工资")
    form.channel.setCurrentIndex(form.channel.findData("online"))
    form.application_kind.setCurrentIndex(form.application_kind.findData("oral"))
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert "口头申请应当场记录" in form.error.text()  # the oral record is required
    form.oral_record.setFocus()
    ime_commit(form.oral_record, "申请人口述：2024年1月工资未发。")
    assert form.oral_record.toPlainText().startswith("申请人口述")
    _category, description, amount = form.claim_widgets(0)
    type_text(description, "2024年1月工资")
    qtbot.keyClicks(amount, "6800")
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert form.error.text() == ""
    assert window.model.rowCount() == 1 and window.current is not None
    assert window.model.row_at(0).channel == "online"
    assert "2024-03-16" in window.details.text() or "15日调解期限" in window.details.text()
    # the period by its name and the days left; the rule id only in the tooltip
    assert "M1" not in window.details.text() and "15日调解期限：" in window.details.text()
    assert re.search(r"（剩余\d+天）", window.details.text()) and window.details.toolTip().startswith("M1 ")
    assert not window.documents_button.isEnabled()  # no document fits an application yet

    answers = iter([{"on": date(2024, 3, 1)}, {"on": date(2024, 3, 8), "reason": "被申请人拒绝调解"},
                    {"on": date(2024, 3, 9)}])
    monkeypatch.setattr(StepDialog, "ask", classmethod(lambda cls, *a, **k: next(answers)))
    ran_on: dict[str, threading.Thread] = {}
    accept = window.service.accept

    def accept_and_note_the_thread(*args, **kwargs):
        ran_on["accept"] = threading.current_thread()
        return accept(*args, **kwargs)

    monkeypatch.setattr(window.service, "accept", accept_and_note_the_thread)
    window.run_step("accept")
    # the step ran on the task runner's single writer, not on the GUI thread (issue 12)
    assert ran_on["accept"] is not threading.current_thread()
    assert window.title.text() == "某区劳调字〔2024〕第1号"
    assert window.buttons["agree"].isVisible() and not window.buttons["record_payment"].isVisible()
    window.run_step("fail")
    dialog = window.open_documents()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["termination"]  # no agreement
    dialog.reject()
    view = window.run_step("transfer_to_arbitration")
    assert view is not None and view.status == "transferred"
    assert "已转仲裁" in window.details.text()
    arb = ArbitrationCaseService(store, CLERK).get(view.arbitration_case_id)
    assert arb.names("applicant") == ["李娜"] and arb.names("respondent") == ["某劳务有限公司"]
    assert [(c.category, c.amount_claimed_fen, c.description) for c in arb.claims] == [("wages", 680_000, "2024年1月工资")]
    assert arb.from_mediation_id == view.id
    context.tasks.shutdown()


# the step buttons a mediator sees, state by state, left to right (the life cycle's order)
STEPS_BY_STATE = {
    "applied": ["accept", "refuse", "fail", "withdraw", "transfer_to_arbitration"],
    "accepted": ["record_session", "agree", "fail", "withdraw", "transfer_to_arbitration"],
    "agreed": ["record_payment", "transfer_to_arbitration"],
    "failed": ["transfer_to_arbitration"],
    "transferred": [],
}


def steps_in_a_row(window) -> list[str]:
    """The visible step buttons from left to right; they share one row, left of 文书…."""
    visible = [b for b in window.buttons.values() if b.isVisibleTo(window)]
    places = sorted((b.mapTo(window, b.rect().topLeft()).toTuple(), b.objectName()) for b in visible)
    documents_at = window.documents_button.mapTo(window, window.documents_button.rect().topLeft()).toTuple()
    assert all(y == documents_at[1] for (_x, y), _name in places), places
    assert all(x < documents_at[0] for (x, _y), _name in places), places
    return [name for _place, name in places]


def clerk_fills(fill) -> dict:
    """The next step dialog: its title and labels noted, filled by `fill(dialog)`, OK pressed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFormLayout

    seen: dict = {}

    def drive() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StepDialog) and w.isVisible())
        try:
            form = dialog.findChild(QFormLayout)
            seen["title"] = dialog.windowTitle()
            seen["labels"] = [form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text()
                              for r in range(form.rowCount())]
            fill(dialog)
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        finally:
            if dialog.isVisible():  # refused: the dialog stays open and says why
                seen["error"] = dialog.error.text()
                dialog.reject()

    QTimer.singleShot(0, drive)
    return seen


def test_each_state_shows_its_steps_and_each_step_its_form(qtbot, store, tmp_path) -> None:
    from PySide6.QtCore import QDate, Qt

    from tests.fixtures.arbitration import wage_claims

    world = make_world(store)
    service = world.mediation(date(2024, 3, 1))

    def application() -> int:
        return service.apply(applicants=[world.worker], respondents=[world.employer], claims=wage_claims(),
                             received_on=date(2024, 2, 1), matter="拖欠工资", organisation="某镇劳动保障所")

    received, mediating, agreed, failed, transferred = (application() for _ in range(5))
    for case_id in (mediating, agreed, failed, transferred):
        service.accept(case_id, date(2024, 2, 2))
    service.agree(agreed, date(2024, 2, 6), terms="分两期支付", amount_agreed_fen=1_000_000)
    for case_id in (failed, transferred):
        service.fail(case_id, date(2024, 2, 20), "被申请人拒绝调解")
    service.transfer_to_arbitration(transferred, date(2024, 2, 21))

    window, context = open_window(qtbot, store, 1366, 768)
    assert steps_in_a_row(window) == []  # no case chosen
    for name, case_id in (("received", received), ("mediating", mediating), ("agreement", agreed),
                          ("failed", failed), ("transferred", transferred)):
        view = window.open_case(case_id)
        assert steps_in_a_row(window) == STEPS_BY_STATE[view.status], name
        assert all(window.buttons[a].isEnabled() for a in STEPS_BY_STATE[view.status])
        window.grab().save(str(tmp_path / f"mediation-{name}.png"))
    assert [window.buttons[a].text() for a in STEPS_BY_STATE["accepted"]] == [
        "登记调解", "达成调解协议", "调解不成", "撤回申请", "转仲裁"]

    # 达成调解协议 on the case being mediated: a date, the terms and the amount, in Chinese
    window.open_case(mediating)

    def agree(dialog: StepDialog) -> None:
        dialog.widgets["on"].setDate(QDate(2024, 2, 9))
        dialog.widgets["terms"].setPlainText("被申请人于2024年3月底前支付工资")
        dialog.widgets["amount"].set_fen(1_200_000)

    seen = clerk_fills(agree)
    qtbot.mouseClick(window.buttons["agree"], Qt.MouseButton.LeftButton)
    assert seen == {"title": "达成调解协议", "labels": ["日期：", "协议内容：", "协议金额（元）："]}
    assert window.status.text() == "已登记：达成调解协议"
    assert window.current is not None and window.current.status == "agreed"
    assert window.current.amount_agreed_fen == 1_200_000
    assert steps_in_a_row(window) == STEPS_BY_STATE["agreed"]

    # 登记履行 with no amount: refused in the dialog, nothing recorded, the case as it was
    window.open_case(agreed)
    seen = clerk_fills(lambda dialog: None)
    assert window.run_step("record_payment") is None
    assert seen["labels"] == ["日期：", "履行金额（元）："] and seen["error"]
    assert window.current.status == "agreed" and window.current.amount_paid_fen is None
    context.tasks.shutdown()
