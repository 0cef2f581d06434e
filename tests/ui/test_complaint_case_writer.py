"""The complaint case page writes and renders through the task runner's single writer, never
on the GUI thread (issue 12): a step and a saved PDF run on the writer's thread, the page
then shows the case as saved, and a refusal still reads in Chinese on the status line."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.complaints.service import ComplaintService, today_in_shanghai
from tests.conftest import make_actor
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators
    from ui.application import install_font

    install_font(qapp)
    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def test_a_step_and_a_document_run_on_the_writer_not_on_the_gui_thread(qtbot, store, tmp_path: Path,
                                                                       monkeypatch) -> None:
    from app.complaints import documents
    from ui.complaints.window import ComplaintsWindow
    from ui.widgets import files

    inspector = make_actor("inspector", username="inspector")
    detail, _ = ComplaintService(store, inspector).register({
        "channel": "online", "received_at": today_in_shanghai(), "complainant": {"name": "李四"},
        "employers": [{"party": {"name": "某建筑公司"}}], "workers": [{"party": {"name": "李四"}, "owed_fen": 800_000}],
        "matters": "拖欠2023年工资",
    })
    tasks = TaskRunner(error_windows=False)
    window = ComplaintsWindow(AppContext(store=store, actor=inspector, error_windows=False, tasks=tasks))
    qtbot.addWidget(window)
    window.show()
    page = window.open_case(detail.id)
    assert page is not None
    gui = threading.current_thread()
    ran_on: dict[str, threading.Thread] = {}

    accept = page.service.accept

    def accept_and_note_the_thread(*args: Any, **kwargs: Any) -> Any:
        ran_on["accept"] = threading.current_thread()
        return accept(*args, **kwargs)

    monkeypatch.setattr(page.service, "accept", accept_and_note_the_thread)
    # refused first (no ground to refuse on): the message, in Chinese, and nothing written
    qtbot.mouseClick(page.refuse_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "请填写不予受理的理由。" and page.detail.status == "received"
    page.decision_date.set_value(today_in_shanghai())
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert ran_on["accept"] is not gui
    assert page.last_error is None and page.detail.status == "filed" and page.status.text() == "已保存。"
    assert page.detail.case_no and page.detail.case_no in page.title.text()
    assert tasks.active == 0

    write = documents.write_complaint_document

    def write_and_note_the_thread(*args: Any, **kwargs: Any) -> Any:
        ran_on["document"] = threading.current_thread()
        return write(*args, **kwargs)

    monkeypatch.setattr(documents, "write_complaint_document", write_and_note_the_thread)
    pdf = tmp_path / "立案审批表.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: pdf)
    page.tabs.setCurrentIndex(6)
    page.document_kind.setCurrentIndex(page.document_kind.findData("filing"))
    assert page.print_document() == pdf and pdf.stat().st_size > 1000
    assert ran_on["document"] is not gui and str(pdf) in page.status.text()
    page.grab().save(str(tmp_path / "complaint_case_after_pdf.png"))
    page.close()
    tasks.shutdown()
