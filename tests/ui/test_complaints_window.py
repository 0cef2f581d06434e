"""投诉受理 driven as a clerk would: register from the keyboard, accept, assign
officers (an expired one is refused), plan two instalments, pay, close."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.complaints.service import ComplaintService, today_in_shanghai
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.fixtures.complaint_pages import (
    CLOSURE_TAB,
    HISTORY_TAB,
    PROCEDURE_TAB,
    REVIEW_TAB,
    _case_under_investigation,
    _officers,
)
from tests.fixtures.identities import make_id, make_uscc
from tests.ui.helpers import ime_commit, type_text
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS: Path  # set for each test, under its tmp_path


@pytest.fixture(autouse=True)
def _screenshots_under_tmp_path(screenshot_dir: Path) -> None:
    global SHOTS
    SHOTS = screenshot_dir


@pytest.fixture
def window(qtbot, store):
    from ui.complaints.window import ComplaintsWindow

    context = AppContext(store=store, actor=make_actor("inspector", username="inspector"), error_windows=False)
    w = ComplaintsWindow(context)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    yield w
    if context.tasks is not None:
        context.tasks.wait_all()


def _key(qtbot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


def _shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_register_accept_assign_plan_pay_close(qtbot, store, window, qtmodeltester) -> None:
    officers = _officers(store)
    staff = StaffService(store, make_actor("admin", username="admin"))
    safety = staff.create({"name": "吴安监", "unit": "区应急局"})  # a valid certificate, but for 安全生产
    staff.add_certificate(safety.id, {"number": "AQ0001", "issue_date": date(2020, 1, 1),
                                      "expiry_date": today_in_shanghai() + timedelta(days=900), "category": "安全生产"})
    qtmodeltester.check(window.model)
    form = window.register()
    qtbot.waitExposed(form)
    form.channel.setFocus()
    _key(qtbot, form.channel, Qt.Key.Key_Down)  # 来访 → 来电/12345
    assert form.channel.currentData() == "phone"
    type_text(form.complainant_name, "张伟")
    qtbot.keyClicks(form.complainant_id, make_id("520102", "19880101", 11))
    qtbot.keyClicks(form.complainant_phone, "13812345678")
    type_text(form.employer_name, "贵州某建筑劳务有限公司")
    qtbot.keyClicks(form.employer_uscc, make_uscc("520102MA6D0001"))
    _key(qtbot, form.employer_uscc, Qt.Key.Key_Return)
    assert form.employer_table.rowCount() == 1
    for i, (name, owed) in enumerate((("张伟", "5000"), ("李强", "4,800.50"), ("王芳", "3200"))):
        type_text(form.worker_name, name)
        qtbot.keyClicks(form.worker_id, make_id("520102", "19880101", 11 + 2 * i))
        qtbot.keyClicks(form.worker_owed, owed)
        _key(qtbot, form.worker_owed, Qt.Key.Key_Return)
    assert form.worker_table.rowCount() == 3
    assert "13,000.50" in form.total_label.text()
    form.matters.setFocus()
    ime_commit(form.matters, "拖欠三个月工资")
    assert form.matters.toPlainText() == "拖欠三个月工资"
    _shot(form, "complaint_intake.png")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.last_error is None, form.last_error and form.last_error.message()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    row = window.model.row_at(0)
    assert row is not None and row.workers == 3 and row.owed_fen == 1_300_050
    assert window.model.data(window.model.index(0, window.model.column_index("owed"))) == "13,000.50"
    _shot(window, "complaints_list.png")

    page = window.open_case(row.id)
    assert page is not None
    qtbot.waitExposed(page)
    # the acceptance tab's own date is the one used (it was once shadowed by the decision's)
    page.decision_date.set_value(today_in_shanghai() + timedelta(days=1))
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "complaint.date_future"
    page.decision_date.set_value(today_in_shanghai())
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    assert page.detail.status == "filed", page.status.text()
    assert page.detail.case_no.startswith("某区人社监立字")
    # accepted: the 受理 tab shows the decision read-only, not editable fields without buttons
    assert not page.decision_fields.isVisibleTo(page) and page.decision_done.isVisibleTo(page)
    assert page.detail.case_no in page.decision_done.text()
    # the 60-working-day investigation period counts working days on the calendar
    assert "调查期限" in page.deadlines.text() and "个工作日）" in page.deadlines.text()

    # an expired officer is refused, with the reason, and nothing changes
    page.tabs.setCurrentIndex(1)
    items = {page.officer_list.item(i).text().split("　")[0]: page.officer_list.item(i)
             for i in range(page.officer_list.count())}
    items["王明"].setCheckState(Qt.CheckState.Checked)
    items["周过期"].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "staff.certificate_expired"
    assert "周过期" in page.status.text()
    page.tabs.setCurrentIndex(0)  # the message belonged to the other tab
    assert page.status.text() == ""
    page.tabs.setCurrentIndex(1)
    assert page.detail.status == "filed" and page.detail.officers == ()
    items["周过期"].setCheckState(Qt.CheckState.Unchecked)
    # a certificate of another category: shown as not usable, and refused saying why
    assert items["吴安监"].foreground().color().name() == "#b00020"
    items["吴安监"].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "staff.certificate_other_category"
    assert "AQ0001" in page.status.text() and page.detail.officers == ()
    items["吴安监"].setCheckState(Qt.CheckState.Unchecked)
    items["陈静"].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.status == "investigating"
    assert {o.officer_id for o in page.detail.officers} == {officers["王明"], officers["陈静"]}
    _shot(page, "complaint_case_investigation.png")

    # a plan of two instalments per worker
    page.tabs.setCurrentIndex(2)
    today = today_in_shanghai()
    for worker in page.detail.workers:
        half = worker.owed_fen // 2
        for due_on, amount in ((today, half), (today + timedelta(days=30), worker.owed_fen - half)):
            page.plan_worker.setCurrentIndex(page.plan_worker.findData(worker.id))
            page.plan_due.set_value(due_on)
            qtbot.keyClicks(page.plan_amount, f"{amount / 100:.2f}")
            _key(qtbot, page.plan_amount, Qt.Key.Key_Return)
            assert page.last_error is None, page.status.text()
    assert page.plan_table.rowCount() == 6
    assert page.detail.planned_fen == 1_300_050

    # closing as paid is refused while money is owed
    page.tabs.setCurrentIndex(CLOSURE_TAB)
    page.closure_kind.setCurrentIndex(page.closure_kind.findData("paid"))
    type_text(page.close_reason, "欠薪已全部支付")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "complaint.not_paid"

    # payments, one per instalment; one too many is refused
    page.tabs.setCurrentIndex(2)
    for instalment in list(page.detail.instalments):
        page.pay_worker.setCurrentIndex(page.pay_worker.findData(instalment.worker_id))
        qtbot.keyClicks(page.pay_amount, f"{instalment.amount_fen / 100:.2f}")
        _key(qtbot, page.pay_amount, Qt.Key.Key_Return)
        assert page.last_error is None, page.status.text()
    page.pay_worker.setCurrentIndex(0)
    qtbot.keyClicks(page.pay_amount, "1")
    _key(qtbot, page.pay_amount, Qt.Key.Key_Return)
    assert page.last_error is not None and page.last_error.code == "complaint.payment_exceeds_owed"
    assert page.payments_table.rowCount() == 6
    assert "recovered 13,000.50" in page.totals.text() or "已追回 13,000.50" in page.totals.text()
    assert [page.workers_table.item(r, 4).text() for r in range(3)] == ["5,000.00", "4,800.50", "3,200.00"]
    assert [page.workers_table.item(r, 5).text() for r in range(3)] == ["0.00", "0.00", "0.00"]
    _shot(page, "complaint_case_payments.png")

    page.tabs.setCurrentIndex(CLOSURE_TAB)
    _shot(page, "complaint_case_closure.png")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.status == "closed"
    page.tabs.setCurrentIndex(HISTORY_TAB)
    _shot(page, "complaint_case_history.png")
    actions = [e.action for e in page.detail.events]
    assert actions[:4] == ["register", "accept", "assign_officers", "start_investigation"]
    assert actions[-1] == "close"
    page.close()

    qtbot.waitUntil(lambda: window.model.row_at(0) is not None and window.model.row_at(0).status == "closed")
    recovered = window.model.data(window.model.index(0, window.model.column_index("recovered")))
    assert recovered == "13,000.50"
    assert ComplaintService(store, make_actor("leadership")).figures(today.year).wages_recovered_fen == 1_300_050
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.payments_model.rowCount() == 6)
    qtmodeltester.check(window.payments_model)
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.ledger_model.rowCount() == 3)
    qtmodeltester.check(window.ledger_model)
    assert {window.ledger_model.row_at(r).outstanding_fen for r in range(3)} == {0}


def test_filters_and_a_refused_transition_on_screen(qtbot, store, window) -> None:
    svc = ComplaintService(store, make_actor("inspector"))
    detail, _ = svc.register({
        "channel": "online", "received_at": today_in_shanghai(), "complainant": {"name": "李四"},
        "employers": [{"party": {"name": "某公司"}}], "workers": [{"party": {"name": "李四"}, "owed_fen": 100}],
        "matters": "欠薪",
    })
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    older, _ = svc.register({
        "channel": "online", "received_at": today_in_shanghai() - timedelta(days=3), "complainant": {"name": "王五"},
        "employers": [{"party": {"name": "另一公司"}}], "workers": [{"party": {"name": "王五"}, "owed_fen": 100}],
        "matters": "欠薪",
    })
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert [window.model.row_at(r).id for r in range(2)] == [detail.id, older.id]  # newest first
    window.view.sortByColumn(window.model.column_index("received"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.model.row_at(0) is not None and window.model.row_at(0).id == older.id)
    window.view.sortByColumn(window.model.column_index("received"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.model.row_at(0) is not None and window.model.row_at(0).id == detail.id)
    window.search.setText("李四")
    window.search.flush()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.channel_filter.setCurrentIndex(window.channel_filter.findData("visit"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.channel_filter.setCurrentIndex(window.channel_filter.findData("online"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.employer_filter.offer_matches("某公司")
    assert window.employer_filter.party_id() == detail.employers[0].party_id
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.employer_filter.offer_matches("不存在的单位")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # no match: no employer filter
    page = window.open_case(detail.id)
    assert page is not None
    # refusing without a ground is refused with the reason in Chinese
    qtbot.mouseClick(page.refuse_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "请填写不予受理的理由。"
    page.close()


def test_review_decision_documents_evidence_and_employer_view(qtbot, store, window, tmp_path, monkeypatch) -> None:
    from ui.widgets import files

    svc, detail, lawyer, today = _case_under_investigation(store)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)

    page = window.open_case(detail.id)
    assert page is not None
    page.tabs.setCurrentIndex(REVIEW_TAB)
    # the inspector may not record the review; the decision is refused without one
    assert not page.review_button.isEnabled()
    page.review_kind.setCurrentIndex(page.review_kind.findData("admin_decision"))
    # a handling decision: what is ordered and the amount to pay, no fine
    assert page.ordered_amount.isVisibleTo(page) and not page.fine_amount.isVisibleTo(page)
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "complaint.decision_facts_required"
    assert page.status.text() == "请填写决定认定的违法事实。"
    page.decision_facts.setFocus()
    type_text(page.decision_facts, "拖欠李四工资8,000.00元，经责令限期改正逾期未改正")
    type_text(page.decision_basis, "《劳动保障监察条例》第二十六条")
    type_text(page.decision_order, "责令你单位于十五日内支付所欠工资及赔偿金")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "complaint.legal_review_required"
    reviewer = ComplaintService(store, make_actor("legal_reviewer"))
    reviewer.record_legal_review(detail.id, lawyer.id, "admin_decision", "agree", today, "事实清楚，同意")
    _procedure_done(svc, detail.id, "admin_decision", today)
    page.show_detail(svc.get(detail.id))
    assert page.reviews_table.rowCount() == 1
    qtbot.keyClicks(page.ordered_amount, "-100")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "complaint.ordered_negative"
    assert page.detail.decision_no == ""
    page.ordered_amount.clear()
    qtbot.keyClicks(page.ordered_amount, "12,000")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.status == "admin_decision" and page.detail.decision_no
    assert page.detail.ordered_fen == 1_200_000 and page.detail.fine_fen is None
    assert page.detail.decision_order == "责令你单位于十五日内支付所欠工资及赔偿金"
    assert "公示期限" in page.deadlines.text()
    assert page.detail.decision_no in page.decision_summary.text() and "12,000.00" in page.decision_summary.text()
    assert not page.issue_button.isVisibleTo(page)
    _shot(page, "complaint_case_decision.png")

    # documents and evidence
    page.tabs.setCurrentIndex(5)
    pdf = tmp_path / "filing.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: pdf)
    page.document_kind.setCurrentIndex(page.document_kind.findData("filing"))
    assert page.print_document() == pdf and pdf.stat().st_size > 1000
    assert page.document_kind.findText("劳动保障监察行政处理决定书") >= 0
    assert page.document_kind.findData("penalty") < 0
    decision_pdf = tmp_path / "decision.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: decision_pdf)
    page.document_kind.setCurrentIndex(page.document_kind.findData("admin_decision"))
    assert page.print_document() == decision_pdf and decision_pdf.stat().st_size > 1000
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"photo" * 100)
    monkeypatch.setattr(files, "choose_open_path", lambda *a: photo)
    type_text(page.evidence_note, "现场检查照片")
    qtbot.mouseClick(page.attach_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.evidence_table.rowCount() == 1
    assert len(page.evidence_table.item(0, 3).text()) == 64
    _shot(page, "complaint_case_files.png")

    view = page.employer_view()
    assert view is not None
    qtbot.waitUntil(lambda: view.complaints_model.rowCount() == 1)
    assert view.summary is not None and view.summary.owed_fen == 800_000
    assert "8,000.00" in view.summary_label.text()
    _shot(view, "complaint_employer_view.png")
    view.close()
    page.close()


def _procedure_done(svc, complaint_id: int, kind: str, on) -> None:
    """事先告知 served and the defence waived in writing (行政处罚法 arts 44–45, 62): a decision may follow."""
    svc.record_prior_notice(complaint_id, kind, on, "拟作出决定的事实、理由和依据")
    svc.record_service(complaint_id, "prior_notice", "direct", on, "被投诉单位经办人")
    svc.record_statement(complaint_id, kind, on, waived=True)


def test_a_penalty_decision_records_its_fine(qtbot, store, window, tmp_path, monkeypatch) -> None:
    from ui.widgets import files

    svc, detail, lawyer, today = _case_under_investigation(store)
    ComplaintService(store, make_actor("legal_reviewer")).record_legal_review(
        detail.id, lawyer.id, "penalty", "agree", today, "事实清楚，同意")
    _procedure_done(svc, detail.id, "penalty", today)
    page = window.open_case(detail.id)
    assert page is not None
    page.tabs.setCurrentIndex(REVIEW_TAB)
    page.review_kind.setCurrentIndex(page.review_kind.findData("penalty"))
    assert page.fine_amount.isVisibleTo(page) and not page.ordered_amount.isVisibleTo(page)
    page.decision_facts.setFocus()
    type_text(page.decision_facts, "拒不支付李四工资8,000.00元")
    type_text(page.decision_basis, "《保障农民工工资支付条例》第五十七条")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)  # no fine typed
    assert page.last_error is not None and page.last_error.code == "complaint.fine_required"
    assert page.status.text() == "行政处罚决定须填写罚款金额（不罚款的填0）。"
    qtbot.keyClicks(page.fine_amount, "-5")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.status.text() == "罚款金额不能为负数。"
    page.fine_amount.clear()
    type_text(page.fine_amount, "2万")  # never keyClicks with Chinese
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "money.invalid"
    page.fine_amount.clear()
    qtbot.keyClicks(page.fine_amount, "20,000.50")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.status == "penalty" and page.detail.fine_fen == 2_000_050
    assert svc.get(detail.id).fine_fen == 2_000_050
    assert "20,000.50" in page.decision_summary.text()
    assert page.events_table.item(page.events_table.rowCount() - 1, 5).text() == "罚款20,000.50元"
    _shot(page, "complaint_case_penalty.png")
    page.tabs.setCurrentIndex(6)
    pdf = tmp_path / "penalty.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: pdf)
    page.document_kind.setCurrentIndex(page.document_kind.findData("penalty"))
    assert page.document_kind.currentText() == "劳动保障监察行政处罚决定书"
    assert page.print_document() == pdf and pdf.stat().st_size > 1000
    page.close()


def test_the_procedure_before_a_penalty_on_the_case_page(qtbot, store, window, request) -> None:
    """A clerk records the notice, its service and the waived defence; the decision waits for them."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import install_chinese, remove_translators

    svc, detail, lawyer, today = _case_under_investigation(store)
    ComplaintService(store, make_actor("legal_reviewer")).record_legal_review(
        detail.id, lawyer.id, "penalty", "agree", today, "事实清楚，同意")
    from ui.application import install_font

    install_font(QApplication.instance())  # the shipped CJK font, so the screenshot shows the characters
    translators = install_chinese(QApplication.instance())  # the page as a Chinese clerk sees it
    request.addfinalizer(lambda: remove_translators(QApplication.instance(), translators))
    page = window.open_case(detail.id)
    assert page is not None
    assert page.tabs.tabText(PROCEDURE_TAB) == "告知申辩与听证"
    page.tabs.setCurrentIndex(REVIEW_TAB)
    page.review_kind.setCurrentIndex(page.review_kind.findData("penalty"))
    page.decision_facts.setFocus()
    type_text(page.decision_facts, "经查，你单位拖欠李四工资8,000.00元")
    type_text(page.decision_basis, "《劳动保障监察条例》第三十条")
    qtbot.keyClicks(page.fine_amount, "3,000")
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "procedure.notice_required"
    assert "尚未制发事先告知书" in page.status.text()

    page.tabs.setCurrentIndex(PROCEDURE_TAB)
    assert page.proc_kind.currentData() == "penalty"
    page.notice_content.setFocus()
    type_text(page.notice_content, "拟对你单位罚款三千元")
    qtbot.keyClicks(page.notice_fine, "3,000")
    qtbot.mouseClick(page.notice_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.steps_table.rowCount() == 1 and page.steps_table.item(0, 2).text() == "事先告知"
    assert page.service_document.currentData() == "prior_notice"
    qtbot.mouseClick(page.service_button, Qt.MouseButton.LeftButton)  # nobody named
    assert page.last_error is not None and page.status.text() == "请填写受送达人（签收人）。"
    page.service_recipient.setFocus()
    type_text(page.service_recipient, "某建筑公司 王会计")
    qtbot.mouseClick(page.service_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.services_table.rowCount() == 1 and "某区人社告字" in page.services_table.item(0, 1).text()
    assert "陈述申辩期限" in page.deadlines.text()

    page.tabs.setCurrentIndex(REVIEW_TAB)
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is not None and page.last_error.code == "procedure.defence_period_running"
    page.tabs.setCurrentIndex(PROCEDURE_TAB)
    page.statement_waived.setChecked(True)
    qtbot.mouseClick(page.statement_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.steps_table.item(1, 2).text() == "陈述申辩（放弃）" and page.detail.steps[1].waived
    _shot(page, "complaint_case_procedure.png")
    page.tabs.setCurrentIndex(REVIEW_TAB)
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert page.last_error is None, page.status.text()
    assert page.detail.status == "penalty" and page.detail.fine_fen == 300_000
    page.close()


def test_template_import_and_export_from_the_window(qtbot, store, window, tmp_path, monkeypatch) -> None:
    import openpyxl

    from app.complaints.spreadsheet import COLUMNS
    from ui.widgets import files

    template = tmp_path / "t.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: template)
    window.save_template()
    qtbot.waitUntil(lambda: template.exists())
    wb = openpyxl.load_workbook(template)
    ws = wb["投诉台账"]
    labels = [c.label for c in COLUMNS]
    ws.append([{"登记日期": today_in_shanghai(), "来源渠道": "来访", "劳动者姓名": "赵敏",
                "身份证号": make_id("520102", "19900101", 31), "用人单位名称": "某公司",
                "欠薪金额（元）": 1200}.get(label) for label in labels])
    ws.append([{"登记日期": today_in_shanghai(), "来源渠道": "来访", "劳动者姓名": "钱多",
                "身份证号": "123", "用人单位名称": "某公司", "欠薪金额（元）": 1200}.get(label) for label in labels])
    wb.save(template)
    monkeypatch.setattr(files, "choose_open_path", lambda *a: template)
    window.import_file()
    qtbot.waitUntil(lambda: getattr(window, "last_report", None) is not None, timeout=10_000)
    assert window.last_report.imported == 1 and [p.row for p in window.last_report.refused] == [3]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.report_dialog.close()
    out = tmp_path / "ledger.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: out)
    window.export("ledger")
    qtbot.waitUntil(lambda: out.exists())
    assert openpyxl.load_workbook(out).active.max_row == 2


def test_a_large_ledger_is_imported_from_the_window_by_a_second_process(qtbot, store, window, tmp_path, monkeypatch) -> None:
    """The window's import runs in a worker thread, which starts the reader process (spawn) for a large file."""
    from datetime import timedelta

    import openpyxl

    from app.complaints import spreadsheet as ledger
    from app.complaints.spreadsheet import COLUMNS, write_template
    from ui.widgets import files

    monkeypatch.setattr(ledger, "BACKGROUND_FROM_BYTES", 0)  # this small file counts as large
    path = tmp_path / "ledger.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["投诉台账"]
    day = today_in_shanghai() - timedelta(days=20)
    rows = [
        {"登记日期": day, "来源渠道": "来电/12345", "劳动者姓名": "赵敏", "身份证号": make_id("520102", "19900101", 31),
         "用人单位名称": "某公司", "欠薪金额（元）": 1200, "受理日期": day, "已支付金额（元）": 1200,
         "支付日期": day + timedelta(days=5), "结案日期": day + timedelta(days=7)},
        {"登记日期": day, "来源渠道": "来访", "劳动者姓名": "孙丽", "身份证号": make_id("520102", "19900101", 41),
         "用人单位名称": "某公司", "欠薪金额（元）": 800},
        {"登记日期": day, "来源渠道": "传真", "劳动者姓名": "钱多", "身份证号": make_id("520102", "19900101", 51),
         "用人单位名称": "某公司", "欠薪金额（元）": 800},
    ]
    for row in rows:
        ws.append([row.get(c.label) for c in COLUMNS])
    wb.save(path)
    monkeypatch.setattr(files, "choose_open_path", lambda *a: path)
    window.import_file()
    qtbot.waitUntil(lambda: getattr(window, "last_report", None) is not None, timeout=30_000)
    report = window.last_report
    assert report.imported == 2 and [(p.row, p.code) for p in report.refused] == [(4, "complaint.channel_unknown")]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    statuses = {window.model.row_at(i).complainant: window.model.row_at(i).status for i in range(2)}
    assert statuses == {"赵敏": "closed", "孙丽": "received"}
    window.report_dialog.close()


def test_intake_uses_the_register_and_warns_about_an_open_complaint(qtbot, store, window, monkeypatch) -> None:
    from app.parties.service import PartyService
    from ui.complaints import intake_form

    parties = PartyService(store, make_actor("intake"))
    worker_id = make_id("520102", "19900101", 41)
    parties.create({"kind": "person", "name": "孙丽", "id_no": worker_id})
    employer = parties.create({"kind": "org", "name": "某劳务派遣有限公司", "uscc": make_uscc("520102MA6D0009")})
    svc = ComplaintService(store, make_actor("inspector"))
    first, _ = svc.register({
        "channel": "visit", "received_at": today_in_shanghai(), "complainant": {"name": "孙丽", "id_no": worker_id},
        "employers": [{"party": employer.id}], "workers": [{"party": {"name": "孙丽", "id_no": worker_id},
                                                             "owed_fen": 100}],
        "matters": "欠薪",
    })
    asked: list[str] = []
    monkeypatch.setattr(intake_form.DuplicateQuestion, "ask",
                        classmethod(lambda cls, parent, warnings, language: asked.extend(
                            w.message(language) for w in warnings) or False))
    form = window.register()
    qtbot.waitExposed(form)
    form.employer_pick.offer_matches("劳务派遣")
    assert form.employer_pick.party_id() == employer.id
    qtbot.mouseClick(form.add_employer_button, Qt.MouseButton.LeftButton)
    assert form.employers == [{"party": employer.id, "role": "employer"}]
    form.worker_id.setFocus()
    qtbot.keyClicks(form.worker_id, worker_id)
    qtbot.keyClick(form.worker_id, Qt.Key.Key_Return)  # leaving the ID number fills the name from the register
    assert form.worker_name.text() == "孙丽"
    qtbot.keyClicks(form.worker_owed, "2000")
    qtbot.keyClick(form.worker_owed, Qt.Key.Key_Return)
    assert len(form.workers) == 1
    type_text(form.complainant_name, "孙丽")
    ime_commit(form.matters, "欠薪")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [f"孙丽对某劳务派遣有限公司已有未结投诉：{first.number}。"]
    assert svc.query().count() == 1  # the clerk said no: nothing registered
    form.close()


def test_intake_rows_can_be_removed_or_changed_errors_name_the_worker_and_typed_input_is_not_lost(
        qtbot, store, window, discard_answers) -> None:
    from PySide6.QtGui import QAction

    from app.parties.service import PartyService

    employer = PartyService(store, make_actor("intake")).create(
        {"kind": "org", "name": "某建筑劳务有限公司", "uscc": make_uscc("520102MA6D0077")})
    form = window.register()
    qtbot.waitExposed(form)
    form.employer_pick.offer_matches("建筑劳务")
    form.employer_pick.choices.activated.emit(0)  # chosen from the list: added at once, with its code
    assert form.employers == [{"party": employer.id, "role": "employer"}]
    assert form.employer_table.item(0, 1).text() == employer.uscc
    for name, number, owed in (("王五", make_id("520102", "19900101", 51), "1200"),
                               ("赵六", make_id("520102", "19910101", 52), "800")):
        type_text(form.worker_name, name)
        qtbot.keyClicks(form.worker_id, number)
        qtbot.keyClicks(form.worker_owed, owed)
        qtbot.keyClick(form.worker_owed, Qt.Key.Key_Return)
    assert [w["party"]["name"] for w in form.workers] == ["王五", "赵六"]
    # a wrong check character is named with the worker's name, at once
    type_text(form.worker_name, "钱七")
    wrong = make_id("520102", "19920101", 53)
    qtbot.keyClicks(form.worker_id, wrong[:-1] + ("0" if wrong[-1] != "0" else "1"))
    qtbot.keyClicks(form.worker_owed, "500")
    qtbot.keyClick(form.worker_owed, Qt.Key.Key_Return)
    assert form.status.text().startswith("钱七：身份证号校验位错误") and len(form.workers) == 2
    # 删除 with the Delete key on the selected row; 修改 puts a row back into the fields
    form.worker_table.selectRow(0)
    form.worker_table.setFocus()
    qtbot.keyClick(form.worker_table, Qt.Key.Key_Delete)
    assert [w["party"]["name"] for w in form.workers] == ["赵六"]
    assert form.total_label.text().startswith("1")
    form.worker_table.selectRow(0)
    change = next(a for a in form.worker_table.actions() if a.objectName() == "change_row")
    assert isinstance(change, QAction) and {a.objectName() for a in form.worker_table.actions()} == {"change_row", "remove_row"}
    change.trigger()
    assert form.worker_name.text() == "赵六" and form.workers == []
    # Esc with typed input asks first; "keep editing" keeps everything
    discard_answers.keep = True
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert discard_answers.asked == 1 and form.isVisible() and form.worker_name.text() == "赵六"
    discard_answers.keep = False
    form.reject()
    assert discard_answers.asked == 2 and not form.isVisible()


def test_an_untouched_intake_form_closes_without_asking(qtbot, window, discard_answers) -> None:
    form = window.register()
    qtbot.waitExposed(form)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert discard_answers.asked == 0 and not form.isVisible()
