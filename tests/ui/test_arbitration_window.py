"""仲裁案件 and 今日待办 driven as a clerk would: receive → accept → tribunal →
hearing → award, watching the deadlines on the case page and on the desk."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.arbitration.service import ClaimInput
from tests.fixtures.arbitration import CLERK, make_world, receive
from tests.ui.helpers import type_text
from ui.arbitration.case_page import CasePage
from ui.arbitration.window import ArbitrationWindow
from ui.context import AppContext
from ui.desk.window import DeskWindow
from ui.tasks import TaskRunner
from ui.widgets.step_dialog import StepDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
TODAY = date(2023, 9, 27)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def world(store):
    return make_world(store)


@pytest.fixture
def context(world):
    ctx = AppContext(store=world.store, actor=CLERK, language="zh_CN", error_windows=False,
                     tasks=TaskRunner(error_windows=False))
    yield ctx
    ctx.tasks.shutdown()


class Answers:
    """Stands in for StepDialog.ask: hands back prepared values, recording the titles asked."""

    def __init__(self) -> None:
        self.queue: list[dict[str, Any]] = []
        self.titles: list[str] = []

    def __call__(self, title: str, fields: Any, parent: Any = None, **_kw: Any) -> dict[str, Any] | None:
        self.titles.append(title)
        keys = {f.key for f in fields}
        values = self.queue.pop(0)
        assert set(values) <= keys, (set(values) - keys, title)
        return values


@pytest.fixture
def answers(monkeypatch):
    a = Answers()
    monkeypatch.setattr(StepDialog, "ask", classmethod(lambda cls, *args, **kw: a(*args, **kw)))
    return a


def make_window(qtbot, context) -> ArbitrationWindow:
    window = ArbitrationWindow(context, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    return window


# The deadlines by the names clerks read (the rule ids stay in the tooltip).
ACCEPT = "决定受理或者不予受理"  # A2
NOTIFY_TRIBUNAL = "书面通知仲裁庭组成情况"  # A7
AWARD = "作出仲裁裁决（结案）"  # A9


def rules(page: CasePage) -> dict[str, tuple[str, str]]:
    rows = page.deadline_rows()
    for name, *_rest in rows:
        assert not re.match(r"[AIM]\d", name), name  # no rule id where the clerk reads
    return {name: (due, state) for name, due, _left, state in rows}


def time_left(page: CasePage, name: str) -> str:
    return next(left for shown, _due, left, _state in page.deadline_rows() if shown == name)


def test_receive_accept_tribunal_hearing_award(qtbot, qtmodeltester, context, world, answers) -> None:
    window = make_window(qtbot, context)
    qtmodeltester.check(window.model)
    form = window.receive()
    type_text(form.applicant.search, "张伟")
    form.applicant.search.flush()
    type_text(form.respondent.search, "建筑")
    form.respondent.search.flush()
    assert form.applicant.party_id() == world.worker and form.respondent.party_id() == world.employer
    type_text(form.cause, "劳动报酬争议")
    _category, description, amount = form.claim_widgets(0)
    type_text(description, "2023年6月至8月工资")
    qtbot.keyClicks(amount, "12000")
    form.add_claim_row()
    category, description, amount = form.claim_widgets(1)
    category.setCurrentIndex(category.findData("compensation"))
    type_text(description, "经济补偿")
    qtbot.keyClicks(amount, "30,000.00")
    form.received_on.setDate(form.received_on.date().fromString("2023-09-25", "yyyy-MM-dd"))
    form.buttons.button(form.buttons.StandardButton.Save).click()
    assert form.error.text() == ""
    page = window.pages[form.saved_id]
    assert window.tabs.currentWidget() is page
    assert window.model.rowCount() == 1 and window.model.row_at(0).applicants == "张伟"
    assert rules(page)[ACCEPT] == ("2023-10-08", "进行中")
    # 5 working days from 25 Sep: on 27 Sep three are left (国庆 29 Sep–6 Oct, 7–8 Oct worked), not 11 days
    assert time_left(page, ACCEPT) == "剩余3个工作日"
    assert page.deadlines.item(0, 0).toolTip().startswith("A2 ")
    assert page.buttons["accept"].isVisible() and not page.buttons["close_award"].isVisible()
    assert not page.documents_button.isEnabled() and page.open_documents() is None  # nothing decided, nothing to print
    assert "42,000.00" in page.summary.text()

    answers.queue.append({"on": date(2023, 9, 27)})
    qtbot.mouseClick(page.buttons["accept"], Qt.MouseButton.LeftButton)
    assert page.title.text() == "某区劳人仲案字〔2023〕第1号"
    shown = rules(page)
    assert shown[ACCEPT][1].startswith("已完成") and shown[NOTIFY_TRIBUNAL] == ("2023-10-10", "进行中")
    assert shown[AWARD] == ("2023-11-13", "进行中")  # 27 Sep + 45 days = 11 Nov, a Saturday → Monday
    assert time_left(page, AWARD) == "剩余47天" and time_left(page, ACCEPT) == ""  # calendar days; a met one has none
    page.deadlines.setCurrentCell(0, 0)
    assert "依据" in page.deadline_note.text()
    assert window.model.row_at(0).case_no == "某区劳人仲案字〔2023〕第1号"

    # Today's desk on 10 Oct sees A4 and A7 due today
    desk = DeskWindow(context, today=lambda: date(2023, 10, 10))
    qtbot.addWidget(desk)
    qtmodeltester.check(desk.model)
    assert "今日到期：2" in desk.headline.text()
    assert {desk.model.row_at(i).rule_id for i in range(desk.model.rowCount())} == {"A4", "A7"}

    answers.queue.append({"on": date(2023, 9, 28), "chief": world.chief, "second": world.second,
                          "third": world.third, "clerk": world.clerk})
    page.run_step("form_tribunal")
    # a case with a tribunal offers to change it, not to form it again
    assert not page.buttons["form_tribunal"].isVisibleTo(page) and page.buttons["change_tribunal"].isVisibleTo(page)
    assert page.timeline.item(0, 3).text() == "陈书记"  # the person, not the login "clerk"
    answers.queue.append({"on": date(2023, 9, 28), "document": "application_copy", "party": world.employer,
                          "method": "direct", "notice_days": 0})
    page.run_step("record_service")
    answers.queue.append({"on": date(2023, 9, 28), "held_on": date(2023, 10, 20), "starts_at": time(9),
                          "ends_at": time(11), "room": "第一仲裁庭"})
    page.run_step("schedule_hearing")
    assert page.status.text().startswith("已登记"), page.status.text()
    shown = rules(page)
    assert shown[NOTIFY_TRIBUNAL][1].startswith("已完成") and shown["送达开庭通知书（2023-10-20开庭）"] == ("2023-10-13", "进行中")
    window.hearings.show_week(date(2023, 10, 20))
    assert "王仲裁" in window.hearings.cell_text("第一仲裁庭", date(2023, 10, 20))

    desk.refresh()
    assert desk.desk.counts.today == 0

    answers.queue.append({"on": date(2023, 10, 20)})
    page.run_step("hold_hearing")
    view = page.view
    wages, comp = view.claims
    answers.queue.append({"on": date(2023, 11, 6), f"award_{wages.id}": 1_200_000, f"result_{wages.id}": "upheld",
                          f"award_{comp.id}": 2_500_000, f"result_{comp.id}": "partly_upheld"})
    page.run_step("close_award")
    assert "已结案（裁决）" in page.summary.text()
    assert [page.claims.item(r, 5).text() for r in range(2)] == ["终局", "非终局"]
    assert rules(page)[AWARD][1] == "已完成 2023-11-06"
    assert page.timeline.item(0, 1).text() == "裁决结案"
    assert not any(b.isVisible() for k, b in page.buttons.items() if k != "record_service")


def test_refused_step_says_why_and_double_booking_is_refused(qtbot, context, world, answers) -> None:
    first = receive(world)
    second = receive(world)
    for cid, chief in ((first, world.chief), (second, world.other_chief)):
        s = world.clerk_service()
        s.accept(cid, date(2023, 9, 27))
        s.form_tribunal(cid, date(2023, 9, 28), chief_id=chief, arbitrator_2_id=world.second,
                        arbitrator_3_id=world.third, clerk_id=world.clerk)
    window = make_window(qtbot, context)
    page = window.open_case(first)
    answers.queue.append({"on": date(2023, 9, 28), "held_on": date(2023, 10, 20), "starts_at": time(9),
                          "ends_at": time(11), "room": "第一仲裁庭"})
    page.run_step("schedule_hearing")
    other = window.open_case(second)
    answers.queue.append({"on": date(2023, 9, 28), "held_on": date(2023, 10, 20), "starts_at": time(10),
                          "ends_at": time(12), "room": "第二仲裁庭"})
    assert other.run_step("schedule_hearing") is None
    assert "李仲裁" in other.status.text() and "已有庭审安排" in other.status.text()
    window.tabs.setCurrentWidget(page)  # the message belonged to that moment, on that case
    assert other.status.text() == ""
    # filters: overdue, status, text
    window.status_filter.setCurrentIndex(window.status_filter.findData("tribunal_formed"))
    assert window.model.rowCount() == 1
    window.status_filter.setCurrentIndex(0)
    type_text(window.search, "第2号")
    window.search.flush()
    assert window.model.rowCount() == 1 and window.model.row_at(0).id == second


def test_desk_line_opens_the_case_in_its_area(qtbot, context, world, monkeypatch) -> None:
    from ui.main_window import MainWindow

    cid = receive(world, date(2023, 9, 18))
    monkeypatch.setattr("ui.desk.window.shanghai_today", lambda: date(2023, 10, 7))
    main = MainWindow(context)
    qtbot.addWidget(main)
    assert main.area_keys()[0] == "desk"
    desk = main.area_widget("desk")
    assert isinstance(desk, DeskWindow)
    assert desk.model.rowCount() == 1 and desk.model.row_at(0).bucket.value == "overdue"
    desk.open_item(desk.model.row_at(0))
    arbitration = main.area_widget("arbitration")
    assert isinstance(arbitration, ArbitrationWindow)
    assert arbitration.tabs.currentWidget() is arbitration.pages[cid]


def test_documents_are_edited_then_saved_as_pdf(qtbot, context, world, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader
    from PySide6.QtGui import QTextCursor

    from tests.ui.helpers import ime_commit
    from ui.arbitration.document_dialog import DocumentDialog

    cid = receive(world, date(2023, 9, 25))
    world.clerk_service().accept(cid, date(2023, 9, 27))
    window = make_window(qtbot, context)
    page = window.open_case(cid)
    dialog = page.open_documents()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "acceptance" and "决定立案受理" in dialog.editor.toPlainText()
    # only the documents that fit an accepted case are offered: no award, no refusal
    offered = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert offered == ["acceptance", "answer_notice", "service_receipt"]
    dialog.editor.setFocus()
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    ime_commit(dialog.editor, "\n\n四、本案由陈书记负责联络，电话0851-12345678。")
    target = tmp_path / "受理通知书.pdf"
    monkeypatch.setattr(DocumentDialog, "choose_path", classmethod(lambda cls, parent, suggested: target))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(str(target)).pages).replace("\n", "").replace(" ", "")
    assert "本案由陈书记负责联络" in text and "某区劳人仲案字〔2023〕第1号" in text
    assert "已保存" in dialog.message.text()
    # the document is audited as an export of the case (issue 13), and the file carries the chain's head
    import json

    from sqlalchemy import select

    from app.audit.models import AuditEntry
    from app.kernel.exports import anchor_from_file

    with context.store.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (entry.action, entry.table_name, entry.record_id, entry.actor) == (
            "export", "arbitration_case", cid, context.actor.username)
        assert json.loads(entry.changes) == {"export": "document.acceptance", "document": "受理通知书",
                                             "case": "某区劳人仲案字〔2023〕第1号", "file": "受理通知书.pdf",
                                             "rows": 1, "full": False}
        assert anchor_from_file(target) == f"{entry.seq}:{entry.entry_hash}"


def test_docket_excel_template_import_and_export(qtbot, context, world, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    from ui.widgets import files

    window = make_window(qtbot, context)
    template = tmp_path / "template.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: template)
    window.buttons["template"].click()
    qtbot.waitUntil(lambda: template.exists(), timeout=10_000)
    wb = load_workbook(template)
    ws = wb["仲裁案件"]
    for c, value in enumerate(["2023-03-01", "王五", None, "某餐饮有限公司", None, "劳动报酬争议", "劳动报酬:12000", "2023-03-03"], 1):
        ws.cell(row=2, column=c, value=value)
    for c, value in enumerate(["2023-03-02", "赵六", None, "某公司", None, None, "奖金:100"], 1):
        ws.cell(row=3, column=c, value=value)
    wb.save(template)
    monkeypatch.setattr(files, "choose_open_path", lambda *a: template)
    window.buttons["import"].click()
    qtbot.waitUntil(lambda: window.report_dialog is not None, timeout=10_000)
    assert window.report_dialog.refused_rows()[0][0] == 3
    assert "1" in window.message.text() and window.model.rowCount() == 1
    window.report_dialog.close()
    exported = tmp_path / "docket.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: exported)
    window.buttons["export_xlsx"].click()
    qtbot.waitUntil(lambda: exported.exists(), timeout=10_000)
    rows = list(load_workbook(exported).active.iter_rows(values_only=True))
    assert rows[1][0] == "某区劳人仲案字〔2023〕第1号" and rows[1][4] == "王五"


def test_added_party_and_changed_claims_restart_the_award_period(qtbot, context, world, answers) -> None:
    cid = receive(world, date(2023, 9, 25))
    world.clerk_service().accept(cid, date(2023, 9, 27))
    window = make_window(qtbot, context)
    page = window.open_case(cid)
    assert rules(page)[AWARD][0] == "2023-11-13"
    answers.queue.append({"on": date(2023, 10, 9), "party": world.employer2, "role": "respondent"})
    page.run_step("add_party")
    assert "某劳务有限公司" in page.summary.text()
    assert rules(page)[AWARD][0] == "2023-11-23"  # 9 Oct + 45 days
    answers.queue.append({"on": date(2023, 10, 12), "category": "overtime", "description": "休息日加班费",
                          "amount": 500_000})
    page.run_step("change_claims")
    assert rules(page)[AWARD][0] == "2023-11-27"  # 12 Oct + 45 = 26 Nov, a Sunday
    assert "47,000.00" in page.summary.text() and page.claims.rowCount() == 3
    # the hearing calendar narrows to one arbitrator
    hearings = window.hearings
    assert hearings.arbitrator.count() >= 2


def test_print_preview_shows_the_edited_text(qtbot, context, world) -> None:
    cid = receive(world, date(2023, 9, 25))
    world.clerk_service().accept(cid, date(2023, 9, 27))
    window = make_window(qtbot, context)
    dialog = window.open_case(cid).open_documents()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText(dialog.editor.toPlainText() + "\n\n五、此段为打印前补充。")
    document = dialog.text_document()
    text = document.toPlainText()
    assert "受理通知书" in text and "五、此段为打印前补充。" in text and "某区劳动人事争议仲裁委员会" in text
    preview = dialog.print_preview()
    assert preview is not None and preview.isVisible()
    preview.close()


def test_print_sends_the_edited_draft_to_the_printer(qtbot, context, world, tmp_path, monkeypatch) -> None:
    """打印 (issue 17): Qt's print dialog, then the edited text on the printer (a PDF printer here)."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    cid = receive(world, date(2023, 9, 25))
    world.clerk_service().accept(cid, date(2023, 9, 27))
    dialog = make_window(qtbot, context).open_case(cid).open_documents()
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText(dialog.editor.toPlainText() + "\n\n五、此段为打印前补充。")
    out = tmp_path / "printed.pdf"

    def choose_pdf_printer(print_dialog: QPrintDialog) -> QPrintDialog.DialogCode:
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pages = PdfReader(str(out)).pages
    text = "".join(page.extract_text() or "" for page in pages)
    # Which font Qt's PDF printer picks depends on what the run loaded before: with one it embeds the
    # glyphs without a Unicode map (the Chinese reads back as placeholders, the digits as themselves),
    # with another the text reads back, and then the clerk's edit must be in it.
    readable = "此段为打印前补充" in text
    assert len(pages) >= 1 and "2023" in text and (readable or text.count("\x00") > 200)
    monkeypatch.setattr(QPrintDialog, "exec", lambda print_dialog: QPrintDialog.DialogCode.Rejected)
    out.unlink()
    assert dialog.print_now() is False and not out.exists()  # cancelled: nothing printed


def test_administrator_keeps_the_minimum_wage_table(qtbot, world) -> None:
    from app.arbitration.settings import read_table
    from tests.conftest import make_actor

    admin = make_actor("admin", username="admin")
    ctx = AppContext(store=world.store, actor=admin, language="zh_CN", error_windows=False,
                     tasks=TaskRunner(error_windows=False))
    window = make_window(qtbot, ctx)
    assert window.buttons["minimum_wage"].isEnabled()
    dialog = window.edit_minimum_wage()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    row = dialog.add_row("2024-13-01", "2100")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "不是有效日期" in dialog.error.text()
    dialog.table.item(row, 0).setText("2025-01-01")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error.text() == ""
    assert read_table(world.store, admin)[1][-1].monthly_fen == 210000
    ctx.tasks.shutdown()
    clerk_window = make_window(qtbot, AppContext(store=world.store, actor=CLERK, language="zh_CN", error_windows=False,
                                                 tasks=TaskRunner(error_windows=False)))
    assert not clerk_window.buttons["minimum_wage"].isEnabled()
    clerk_window.context.tasks.shutdown()


def test_a_step_on_a_case_changed_at_another_desk_is_refused(qtbot, context, world, answers) -> None:
    cid = receive(world, date(2023, 9, 25))
    mine = make_window(qtbot, context).open_case(cid)
    theirs = make_window(qtbot, context).open_case(cid)
    answers.queue.append({"on": date(2023, 9, 27)})
    theirs.run_step("accept")
    answers.queue.append({"on": date(2023, 9, 27), "ground": "outside_scope", "reason": "追讨工程款"})
    assert mine.run_step("refuse") is None
    assert "已由" in mine.status.text() and "修改" in mine.status.text()  # who changed it, and when
    assert mine.view.status == "accepted"  # the page shows the case as the other desk left it


def test_refusal_offers_only_the_rules_grounds(qtbot, context, world, answers) -> None:
    cid = receive(world, date(2023, 9, 25))
    page = make_window(qtbot, context).open_case(cid)
    fields, _call = page._step("refuse", page.view)
    (ground,) = [f for f in fields if f.key == "ground"]
    assert [code for _words, code in ground.choices] == [
        "outside_scope", "no_clear_claim", "no_direct_interest", "no_clear_respondent"]
    assert not any("时效" in words or "劳动关系" in words for words, _code in ground.choices)
    answers.queue.append({"on": date(2023, 9, 27), "ground": "no_clear_respondent", "reason": "被申请人名称无法确定"})
    view = page.run_step("refuse")
    assert view is not None and view.status == "not_accepted"
    assert view.refusal_ground == "没有明确的被申请人（第三十条第三项）：被申请人名称无法确定"


def test_deadline_calculator_dialog(qtbot, context) -> None:
    window = make_window(qtbot, context)
    calc = window.open_calculator()
    qtbot.addWidget(calc)
    # the rules by their names; the id only in the tooltip
    assert calc.rule.currentText()[:1] not in "AIM" and calc.rule.itemData(0, Qt.ItemDataRole.ToolTipRole)[:1] in "AIM"
    calc.select_rule("A9")
    assert calc.rule.currentText() == "仲裁裁决期限（经批准可延长不超过十五日）（45日）"
    calc.start.setDate(calc.start.date().fromString("2023-09-27", "yyyy-MM-dd"))
    assert calc.due_label.text() == "届满日：2023-11-13"
    calc.extension.setValue(15)
    assert calc.deadline is not None and calc.deadline.due == date(2023, 11, 27)
    calc.extension.setValue(20)
    assert "最多可延长15日" in calc.warning.text() and calc.deadline is None
    calc.select_rule("A2")
    assert not calc.extension.isEnabled() and "工作日" in calc.explanation.text()
    calc.select_rule("A8")
    assert calc.due_label.text().startswith("最迟：")
    calc.start.setDate(calc.start.date().fromString("2027-03-10", "yyyy-MM-dd"))
    assert "节假日安排未导入" in calc.warning.text()


def test_side_event_and_deemed_withdrawal_from_the_case_page(qtbot, context, world, answers) -> None:
    cid = receive(world, date(2023, 9, 25))
    world.clerk_service().accept(cid, date(2023, 9, 27))
    page = make_window(qtbot, context).open_case(cid)
    answers.queue.append({"on": date(2023, 9, 28), "what": "jurisdiction_objection", "note": "被申请人提出管辖异议"})
    page.run_step("record_side_event")
    assert page.timeline.item(0, 1).text() == "管辖异议"
    answers.queue.append({"on": date(2023, 10, 20), "deemed": True, "reason": "经书面通知无正当理由拒不到庭"})
    page.run_step("close_withdrawal")
    assert page.timeline.item(0, 1).text() == "按撤回处理结案" and "撤回" in page.summary.text()


def _imported_hearing(session, world, case_no: str, held_on: date, start: str, end: str, room: str,
                      members: tuple[int, ...]) -> None:
    from app.arbitration.models import ArbitrationCase, ArbitrationHearing, ArbitrationHearingMember

    case = ArbitrationCase(case_no=case_no, status="hearing", received_on=date(2023, 12, 1))
    session.add(case)
    session.flush()
    hearing = ArbitrationHearing(case_id=case.id, held_on=held_on, starts_at=start, ends_at=end, room=room)
    session.add(hearing)
    session.flush()
    session.add_all(ArbitrationHearingMember(hearing_id=hearing.id, user_id=u, held_on=held_on) for u in members)


def test_hearing_calendar_jumps_to_a_date_shows_a_month_and_marks_clashes_red(qtbot, world, context, tmp_path) -> None:
    from PySide6.QtCore import QDate

    from ui.arbitration.hearing_week import HearingWeek

    # As an old import left them (full case numbers, as long as real ones): 第三仲裁庭 twice at 09:30, and 王仲裁 in two rooms at once.
    with world.store.sessions() as session:
        _imported_hearing(session, world, "南明区劳人仲案字〔2024〕第101号", date(2024, 1, 9), "09:30", "11:30", "第三仲裁庭", (world.chief,))
        _imported_hearing(session, world, "南明区劳人仲案字〔2024〕第102号", date(2024, 1, 9), "09:30", "11:00", "第三仲裁庭", (world.second,))
        _imported_hearing(session, world, "南明区劳人仲案字〔2024〕第103号", date(2024, 1, 10), "14:00", "16:00", "第一仲裁庭", (world.chief,))
        _imported_hearing(session, world, "南明区劳人仲案字〔2024〕第104号", date(2024, 1, 10), "15:00", "17:00", "第二仲裁庭", (world.chief,))
        _imported_hearing(session, world, "南明区劳人仲案字〔2024〕第105号", date(2024, 1, 11), "09:00", "11:00", "第一仲裁庭", (world.third,))
        session.commit()
    week = HearingWeek(context, today=lambda: date(2026, 12, 2))
    qtbot.addWidget(week)
    week.resize(1366, 600)
    week.show()
    week.date_picker.setDate(QDate(2024, 1, 10))  # one step, not 152 clicks
    assert week.monday == date(2024, 1, 8)
    assert "南明区劳人仲案字〔2024〕第101号" in week.cell_text("第三仲裁庭", date(2024, 1, 9))
    assert set(week.clashes) and len(week.clashes) == 4  # 案5 clashes with nobody
    assert len(week.clashing_cells()) == 3  # 案1+案2 share a cell; 案3 and 案4 one each
    assert "4" in week.clash_note.text()
    week.grab().save(str(tmp_path / "hearing_week_clashes.png"))
    week.view_choice.setCurrentIndex(week.view_choice.findData("month"))
    assert week.table.rowCount() in (5, 6) and "第104号" in week.table.item(1, 2).text()  # Wednesday 10 Jan
    assert len(week.clashing_cells()) == 2  # one cell a day in the month view
    # the seven days fit the window at 1366 px: Sunday is not past the edge
    assert sum(week.table.columnWidth(c) for c in range(7)) <= week.table.viewport().width()
    week.grab().save(str(tmp_path / "hearing_month.png"))
    qtbot.mouseClick(week.this_week, Qt.MouseButton.LeftButton)
    assert week.anchor == date(2026, 12, 2)


def test_scheduling_dialog_one_date_end_follows_start_room_from_the_register_and_a_clash_keeps_the_entries(
        qtbot, world, context, monkeypatch) -> None:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel

    from ui.widgets.time_edit import TimeEdit, parse_time_text

    assert parse_time_text("0930") == time(9, 30) and parse_time_text("9点30") == time(9, 30)
    assert parse_time_text("930") == time(9, 30) and parse_time_text("25:00") is None
    first, second = receive(world), receive(world)
    for cid in (first, second):
        s = world.clerk_service()
        s.accept(cid, date(2023, 9, 27))
        s.form_tribunal(cid, TODAY, chief_id=world.chief, arbitrator_2_id=world.second,
                        arbitrator_3_id=world.third, clerk_id=world.clerk)
    s = world.clerk_service()
    s.schedule_hearing(first, TODAY, held_on=date(2023, 10, 20), starts_at=time(9), ends_at=time(11),
                       room="第一仲裁庭")
    window = make_window(qtbot, context)
    page = window.open_case(second)
    seen: dict[str, Any] = {}

    def clerk_fills(dialog: StepDialog) -> None:
        dates = [w for w in dialog.widgets.values() if isinstance(w, QDateEdit)]
        seen["dates"] = len(dates)
        start, end = dialog.widgets["starts_at"], dialog.widgets["ends_at"]
        assert isinstance(start, TimeEdit) and isinstance(end, TimeEdit)
        dialog.widgets["held_on"].setDate(QDate(2023, 10, 20))
        start.setText("0930")
        start.editingFinished.emit()
        seen["start"], seen["end"] = start.text(), end.text()
        room = dialog.widgets["room"]
        assert isinstance(room, QComboBox)
        seen["rooms"] = [room.itemText(i) for i in range(room.count())]
        dialog.accept()  # the same arbitrators at 09:30–11:30: refused, the dialog stays
        seen["after_clash"] = (dialog.isVisible() or dialog.result() == 0, start.text(),
                               dialog.findChild(QLabel, "error").text())
        start.setText("14:00")
        dialog.accept()

    from PySide6.QtCore import QDate, QTimer

    def drive() -> None:
        dialog = next(w for w in qtbot_top_levels() if isinstance(w, StepDialog))
        try:
            clerk_fills(dialog)
        finally:
            if dialog.isVisible():  # a failed check must not leave the modal dialog open
                dialog.reject()

    def qtbot_top_levels():
        from PySide6.QtWidgets import QApplication

        return QApplication.topLevelWidgets()

    QTimer.singleShot(0, drive)
    view = page.run_step("schedule_hearing")
    assert seen["dates"] == 1  # one date on the form: the hearing's
    assert (seen["start"], seen["end"]) == ("09:30", "11:30")  # typed 0930; the end follows, 2 hours on
    assert seen["rooms"] == ["第一仲裁庭", "第二仲裁庭", "第三仲裁庭"]
    kept_open, kept_start, error = seen["after_clash"]
    assert kept_start == "09:30" and "第1号" in error  # the case that holds the room is named
    assert view is not None and [h.starts_at for h in view.hearings if h.status == "scheduled"] == [time(14)]


def test_a_clerk_corrects_a_claim_s_category_on_the_case_page(qtbot, qapp, world, context, tmp_path) -> None:
    """更正请求类别 from the claims table: the clerk picks the claim, opens the correction, picks
    工伤医疗费 and gives the reason; the table and the timeline show it, and it is gone once the
    case is closed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit

    from ui.application import install_font

    install_font(qapp)  # the screenshots are looked at: Chinese must render
    s = world.clerk_service()
    cid = s.receive(applicants=[world.worker], respondents=[world.employer], received_on=date(2023, 9, 25),
                    claims=[ClaimInput("wages", 300_000, "9月工资"), ClaimInput("injury", 800_000, "住院期间工伤医疗费")],
                    cause="工伤保险待遇争议")
    s.accept(cid, date(2023, 9, 26))
    window = make_window(qtbot, context)
    page = window.open_case(cid)
    button = page.correct_category_button
    assert button.isVisible() and button.isEnabled() and button.text() == "更正类别…"
    assert page.findChild(type(button), "correct_claim_category") is button
    assert "correct_claim_category" not in [b.objectName() for b in page.buttons.values() if b.isVisible()]
    page.claims.setCurrentCell(1, 0)
    seen: dict[str, Any] = {}

    def clerk_fills() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StepDialog) and w.isVisible())
        try:
            claim, category = dialog.widgets["claim"], dialog.widgets["category"]
            assert isinstance(claim, QComboBox) and isinstance(category, QComboBox)
            seen["claim"] = claim.currentText()
            seen["first_offered"] = category.currentText()
            category.setCurrentIndex(category.findData("injury_medical"))
            dialog.accept()  # no reason yet: refused in the dialog, which stays open
            seen["refused"] = dialog.findChild(QLabel, "error").text()
            reason = dialog.widgets["reason"]
            assert isinstance(reason, QPlainTextEdit)
            reason.setFocus()
            type_text(reason, "申请书所列为住院医疗费")
            dialog.grab().save(str(tmp_path / "correct-category-dialog.png"))
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, clerk_fills)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None and page.view.claims[1].category == "injury_medical", timeout=5000)
    assert seen["claim"].startswith("其他工伤待遇") and "住院期间工伤医疗费" in seen["claim"]
    assert seen["first_offered"] != seen["claim"].split(" ")[0]
    assert seen["refused"] == "请填写更正请求类别的理由。"
    assert page.claims.item(1, 0).text() == "工伤医疗费"
    assert (page.timeline.item(0, 1).text(), page.timeline.item(0, 2).text()) == ("更正请求类别", "申请书所列为住院医疗费")
    page.grab().save(str(tmp_path / "correct-category-page.png"))
    s.close_withdrawal(cid, date(2023, 10, 9), "撤回")
    page.reload()
    assert not page.correct_category_button.isVisible()
