"""调解 driven as a township clerk would: an application, a failed mediation, 转仲裁."""

from __future__ import annotations

import re
import threading
from datetime import date

import pytest

from app.arbitration.service import ArbitrationCaseService
from tests.fixtures.arbitration import CLERK, MEDIATOR, make_world
from tests.ui.helpers import ime_commit, type_text
from ui.arbitration.step_dialog import StepDialog
from ui.context import AppContext
from ui.mediation.window import MediationWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def test_failed_mediation_is_transferred_with_parties_and_claims(qtbot, qtmodeltester, store, monkeypatch) -> None:
    make_world(store)
    context = AppContext(store=store, actor=MEDIATOR, language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    window = MediationWindow(context, today=lambda: date(2024, 3, 1))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
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
