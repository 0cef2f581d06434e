"""The 听证通知书 from the case page (行政处罚法 art 64(2)): a clerk records the notice with the hearing's
date, time, place and designated host, and prints it from the case's document list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.complaints.service import ComplaintService
from tests.conftest import make_actor
from tests.fixtures.complaint_pages import PROCEDURE_TAB, _case_under_investigation
from tests.ui.helpers import type_text
from ui.context import AppContext

DOCUMENTS_TAB = 6


@pytest.fixture
def complaints_window(qtbot, store):
    from ui.complaints.window import ComplaintsWindow

    context = AppContext(store=store, actor=make_actor("inspector", username="inspector"), error_windows=False)
    w = ComplaintsWindow(context)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    yield w
    context.tasks.wait_all()


def test_the_hearing_notice_is_recorded_and_printed_from_the_case_page(
        qtbot, store, complaints_window, tmp_path, monkeypatch, request) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import install_chinese, remove_translators
    from ui.application import install_font
    from ui.widgets import files

    install_font(QApplication.instance())  # the shipped CJK font, so the screenshot shows the characters
    translators = install_chinese(QApplication.instance())  # the page as a Chinese clerk sees it
    request.addfinalizer(lambda: remove_translators(QApplication.instance(), translators))

    svc, detail, lawyer, today = _case_under_investigation(store)
    ComplaintService(store, make_actor("legal_reviewer")).record_legal_review(
        detail.id, lawyer.id, "penalty", "agree", today, "事实清楚，同意")
    svc.record_prior_notice(detail.id, "penalty", today, "拟对你单位罚款二万元", intended_fine_fen=2_000_000)
    svc.record_service(detail.id, "prior_notice", "direct", today, "某建筑公司 王会计")
    svc.record_hearing_request(detail.id, today)

    page = complaints_window.open_case(detail.id)
    assert page is not None
    page.tabs.setCurrentIndex(PROCEDURE_TAB)
    page.hearing_notice_date.set_value(today)
    page.hearing_on.set_value(today + timedelta(days=21))
    page.hearing_time.setFocus()
    type_text(page.hearing_time, "9点")  # never keyClicks with Chinese
    page.hearing_place.setFocus()
    type_text(page.hearing_place, "区人社局第一会议室")
    qtbot.mouseClick(page.hearing_notice_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "procedure.hearing_time_invalid"
    assert page.status.text() == "9点不是有效的时间，请按 09:30 或 0930 填写。"
    assert page.hearing_place.text() == "区人社局第一会议室"  # the clerk's entries stay
    page.hearing_time.clear()
    qtbot.keyClicks(page.hearing_time, "0930")
    page.hearing_notice_host.setFocus()
    type_text(page.hearing_notice_host, "王明")
    qtbot.mouseClick(page.hearing_notice_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "procedure.host_is_investigator"
    page.hearing_notice_host.clear()
    type_text(page.hearing_notice_host, "法制科孙法制")
    qtbot.mouseClick(page.hearing_notice_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    notice = page.detail.steps[-1]
    assert notice.step == "hearing_notice" and notice.number.startswith("某区人社听通字") and notice.content == "09:30"
    assert page.service_document.currentData() == "hearing_notice"  # served next
    page.service_recipient.setFocus()
    type_text(page.service_recipient, "某建筑公司 王会计")
    qtbot.mouseClick(page.service_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.services[-1].document == "hearing_notice"
    assert page.detail.services[-1].document_no == notice.number
    page.grab().save(str(tmp_path / "procedure_tab.png"))

    page.tabs.setCurrentIndex(DOCUMENTS_TAB)
    index = page.document_kind.findData("hearing_notice")
    assert index >= 0 and page.document_kind.itemText(index) == "听证通知书"
    page.document_kind.setCurrentIndex(index)
    pdf = tmp_path / "hearing_notice.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: pdf)
    assert page.print_document() == pdf
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages).replace("\n", "")
    assert notice.number in text and "上午9时" in text and "区人社局第一会议室" in text and "法制科孙法制" in text
    page.close()
