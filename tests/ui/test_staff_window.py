"""执法人员 driven as the legal office's clerk would: add, certify, see the highlight, filter, export, import."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.clock import bureau_today
from app.privacy import Sensitive, mask
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.fixtures.identities import make_id
from tests.ui.helpers import ime_commit, type_text
from ui.context import AppContext
from ui.staff.roster_model import EXPIRED_COLOUR, EXPIRING_COLOUR
from ui.staff.window import StaffWindow
from ui.tasks import TaskRunner
from ui.widgets import files

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = bureau_today()
GOOD_ID = make_id("520102", "19880315", 31)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def make_window(qtbot, store, actor) -> StaffWindow:
    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=actor, language="zh_CN", error_windows=False, tasks=tasks)
    window = StaffWindow(context)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    return window


@pytest.fixture
def clerk():
    return make_actor("legal_reviewer", username="fazhi")  # the legal office keeps the roster


@pytest.fixture
def window(qtbot, store, clerk):
    w = make_window(qtbot, store, clerk)
    yield w
    w.tasks.shutdown()


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def cell(window: StaffWindow, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = window.model
    return model.data(model.index(row, model.column_index(key)), role)


def background(window: StaffWindow, row: int):
    brush = cell(window, row, "name", Qt.ItemDataRole.BackgroundRole)
    return brush.color() if brush is not None else None


def seed(store, actor) -> StaffService:
    staff = StaffService(store, actor)
    for name, number, expiry, status in (
        ("王芳", "52-001", TODAY + timedelta(days=400), "valid"),
        ("高峰", "52-002", TODAY - timedelta(days=3), "valid"),
        ("林浩", "52-003", TODAY + timedelta(days=400), "suspended"),
    ):
        officer = staff.create({"name": name, "unit": "某区人社局", "section": "劳动保障监察大队"})
        staff.add_certificate(officer.id, {"number": number, "issue_date": expiry - timedelta(days=1800),
                                           "expiry_date": expiry, "status": status, "category": "劳动保障监察"})
    return staff


def test_clerk_adds_an_officer_with_a_certificate_expiring_in_30_days_and_sees_the_highlight(qtbot, window) -> None:
    click(qtbot, window.buttons["add"])
    form = window.form
    assert form is not None and form.isVisible() and form.windowTitle() == "新增人员"
    ime_commit(form.name, "李娜")
    type_text(form.id_no, GOOD_ID)
    assert form.error_text("id_no") == ""
    assert form.sex.currentText() == "男" and form.birth_date.value() == date(1988, 3, 15)
    ime_commit(form.unit, "某区人力资源和社会保障局")
    ime_commit(form.section, "劳动保障监察大队")
    # 添加执法证 on a new officer saves the officer first, then asks for the certificate.
    click(qtbot, form.add_cert_button)
    assert form.row is not None and form.windowTitle() == "执法人员：李娜"
    dialog = form.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.inputs["number"], "5201020210002")
    ime_commit(dialog.inputs["issuing_authority"], "某省人民政府")
    dialog.inputs["issue_date"].set_value(TODAY - timedelta(days=1795))
    dialog.inputs["expiry_date"].set_value(TODAY + timedelta(days=30))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible()
    assert form.cert_table.rowCount() == 1
    assert form.cert_table.item(0, 6).text() == "有效（30天后到期）"
    assert form.cert_table.item(0, 1).background().color() == EXPIRING_COLOUR
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Close))
    qtbot.waitUntil(lambda: window.form is None)
    # The list: one officer, masked ID, amber, "有效，剩30天".
    assert window.model.rowCount() == 1
    assert cell(window, 0, "name") == "李娜"
    assert cell(window, 0, "status") == "有效，剩30天"
    assert cell(window, 0, "cert_number") == "5201020210002"
    assert background(window, 0) == EXPIRING_COLOUR
    assert window.count_label.text() == "共 1 人"
    assert StaffService(window.context.store, window.context.actor).get(form.row.id).officer.id_no == mask(
        Sensitive.ID_NO, GOOD_ID)
    # The expiring filter finds it; 31 days on it is expired and red.
    window.set_filter("expiring")
    assert window.model.rowCount() == 1
    window.set_filter("all", on=TODAY + timedelta(days=31))
    assert cell(window, 0, "status") == "过期" and background(window, 0) == EXPIRED_COLOUR


def test_valid_on_filter_and_colours(qtbot, store, window) -> None:
    seed(store, window.context.actor)
    window.refresh()
    rows = {cell(window, i, "name"): i for i in range(window.model.rowCount())}
    assert background(window, rows["高峰"]) == EXPIRED_COLOUR
    assert background(window, rows["王芳"]) is None
    assert cell(window, rows["林浩"], "status") == "暂扣"
    window.set_filter("valid")
    assert [cell(window, i, "name") for i in range(window.model.rowCount())] == ["王芳"]
    window.set_filter("valid", on=TODAY - timedelta(days=10))  # before 高峰's certificate ran out
    assert sorted(cell(window, i, "name") for i in range(window.model.rowCount())) == sorted(["王芳", "高峰"])
    window.set_filter("no_valid", on=TODAY)
    assert sorted(cell(window, i, "name") for i in range(window.model.rowCount())) == sorted(["高峰", "林浩"])
    window.set_filter("all")
    window.search.setFocus()
    ime_commit(window.search, "王")
    qtbot.waitUntil(lambda: window.search.search_text == "王", timeout=3000)
    assert window.model.rowCount() == 1


def test_certificate_mistakes_are_shown_next_to_the_field(qtbot, store, window) -> None:
    seed(store, window.context.actor)
    window.refresh()
    window.view.select_ids([window.model.row_at(0).id])
    form = window.open_selected()
    assert form is not None
    dialog = form.add_certificate()
    type_text(dialog.inputs["number"], "52-002")
    dialog.inputs["issue_date"].set_value(date(2023, 5, 1))
    dialog.inputs["expiry_date"].set_value(date(2028, 4, 30))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.isVisible()
    assert dialog.error_text("number") == "证件编号52-002已登记在高峰名下。"
    dialog.inputs["number"].setText("52-009")
    dialog.inputs["expiry_date"].set_value(date(2023, 4, 30))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.error_text("expiry_date") == "有效期截止日期（2023-04-30）早于发证日期（2023-05-01）。"
    assert dialog.error_text("number") == ""
    dialog.reject()


def test_annual_review_is_recorded_on_the_selected_certificate(qtbot, store, window) -> None:
    seed(store, window.context.actor)
    window.refresh()
    form = window.open_row(window.model.row_at(0))
    assert form.cert_table.rowCount() == 1
    click(qtbot, form.add_review_button)
    dialog = form.dialog
    dialog.inputs["year"].setValue(2023)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert form.review_table.rowCount() == 1
    assert form.review_table.item(0, 0).text() == "2023" and form.review_table.item(0, 1).text() == "合格"
    click(qtbot, form.add_review_button)  # the same year twice is refused
    dialog = form.dialog
    dialog.inputs["year"].setValue(2023)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.error_text("year") == "该证件2023年度的年审已登记。"
    dialog.reject()


def test_without_staff_edit_the_buttons_say_why(qtbot, store) -> None:
    seed(store, make_actor("admin"))
    window = make_window(qtbot, store, make_actor("intake", username="intake"))
    try:
        for key in ("add", "import"):
            assert not window.buttons[key].isEnabled()
            assert window.buttons[key].toolTip() == "需要权限：维护执法人员和执法证"
        assert window.buttons["export_xlsx"].isEnabled() and window.buttons["public_pdf"].isEnabled()
        form = window.open_row(window.model.row_at(0))  # read-only, still informative
        assert form is not None and not form.name.isEnabled()
        assert not form.add_cert_button.isEnabled()
        assert not form.buttons.button(QDialogButtonBox.StandardButton.Save).isVisible()
        form.reject()
    finally:
        window.tasks.shutdown()


def test_roster_model_passes_qtmodeltester(qtmodeltester, store, window) -> None:
    seed(store, window.context.actor)
    window.refresh()
    qtmodeltester.check(window.model, force_py=True)


def test_exports_and_import_run_through_the_task_runner(qtbot, store, window, tmp_path, monkeypatch) -> None:
    seed(store, window.context.actor)
    window.refresh()
    targets = iter([tmp_path / "roster.xlsx", tmp_path / "public.pdf", tmp_path / "template.xlsx"])
    monkeypatch.setattr(files, "choose_save_path", lambda *a, **k: next(targets))
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_xlsx"])
    assert window.status.text().startswith("已导出 3 行")
    assert load_workbook(tmp_path / "roster.xlsx")["执法人员名册"].max_row == 4
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["public_pdf"])
    assert (tmp_path / "public.pdf").stat().st_size > 1000
    assert window.status.text().startswith("已导出 1 行")  # only 王芳 holds a valid certificate today
    # each export from the window left one audit entry: which, how many rows, masked, the file's name
    import json

    from sqlalchemy import select

    from app.audit.models import AuditEntry

    with store.read() as session:
        exports = [json.loads(c) for c in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == "export").order_by(AuditEntry.seq))]
    assert [(e["export"], e["rows"], e["full"], e["file"]) for e in exports] == [
        ("staff.roster", 3, False, "roster.xlsx"), ("staff.public_roster", 1, False, "public.pdf")]
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["template"])
    # Fill the template: one good row, one with a number already registered.
    wb = load_workbook(tmp_path / "template.xlsx")
    ws = wb["执法人员"]
    headers = [c.value for c in ws[1]]
    for values in ({"姓名": "周敏", "证件编号": "52-100", "发证日期": "2022-01-01", "有效期至": "2027-01-01"},
                   {"姓名": "马超", "证件编号": "52-001", "发证日期": "2022-01-01", "有效期至": "2027-01-01"}):
        ws.append([values.get(h) for h in headers])
    wb.save(tmp_path / "filled.xlsx")
    monkeypatch.setattr(files, "choose_open_path", lambda *a, **k: tmp_path / "filled.xlsx")
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    report = window.report_dialog
    assert report is not None
    assert report.refused_rows() == [(3, "证件编号52-001已登记在王芳名下。")]
    assert window.model.rowCount() == 4
    report.reject()


def test_someone_no_longer_in_post_is_grey(qtbot, store, window) -> None:
    from ui.staff.roster_model import OFF_ROSTER_COLOUR

    staff = seed(store, window.context.actor)
    row = next(r for r in staff.query().page(0, 10) if r.name == "王芳")
    staff.update(row.id, row.version, {"on_roster": False})
    window.refresh()
    rows = {cell(window, i, "name"): i for i in range(window.model.rowCount())}
    assert cell(window, rows["王芳"], "name", Qt.ItemDataRole.ForegroundRole).color() == OFF_ROSTER_COLOUR
    assert cell(window, rows["王芳"], "on_roster") == ""
    assert cell(window, rows["高峰"], "name", Qt.ItemDataRole.ForegroundRole) is None


def test_print_preview_of_the_public_roster(qtbot, store, window, monkeypatch) -> None:
    from ui import printing

    seed(store, window.context.actor)
    window.refresh()
    shown: list = []
    monkeypatch.setattr(printing.PdfPrinting, "preview", classmethod(lambda cls, parent, path: shown.append(path) or path))
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["public_preview"])
    assert len(shown) == 1 and shown[0].suffix == ".pdf" and shown[0].stat().st_size > 1000
    import os
    from pathlib import Path

    private = Path(os.environ["RENSHE_DATA_DIR"]) / "tmp"
    assert private in shown[0].parents  # written into the private temporary folder, not beside the user's files


def test_a_roster_imported_before_is_imported_again_only_when_the_clerk_confirms(qtbot, window, tmp_path, monkeypatch) -> None:
    """The roster importer records its files like the others (issue 13): the same file again is
    refused naming the first import, unless the clerk confirms; then its rows are refused one by one."""
    import ui.file_actions as file_actions
    from app.staff.spreadsheet import write_template

    filled = tmp_path / "执法人员.xlsx"
    write_template(filled)
    wb = load_workbook(filled)
    ws = wb["执法人员"]
    headers = [c.value for c in ws[1]]
    ws.append([{"姓名": "周敏", "身份证号": make_id("520103", "19920101", 12)}.get(h) for h in headers])
    wb.save(filled)
    monkeypatch.setattr(files, "choose_open_path", lambda *a, **k: filled)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    assert window.report_dialog is not None and window.report_dialog.refused_rows() == []
    window.report_dialog.reject()
    asked: list[str] = []
    answer = [False]

    def ask(parent, error, language):
        asked.append(error.message(language))
        return answer[0]

    monkeypatch.setattr(file_actions, "ask_import_again", ask)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    assert len(asked) == 1 and "已于" in asked[0] and "执法人员.xlsx" in asked[0]
    assert "已于" in window.status.text() and window.model.rowCount() == 1  # declined: nothing imported
    window.grab().save(str(tmp_path / "staff_import_refused.png"))
    if window.message_box is not None:
        window.message_box.grab().save(str(tmp_path / "staff_import_refused_box.png"))
        window.message_box.close()
    answer[0] = True
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    qtbot.waitUntil(lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=20_000)
    assert [row for row, _message in window.report_dialog.refused_rows()] == [2]  # already registered
    assert window.model.rowCount() == 1
    window.report_dialog.reject()
