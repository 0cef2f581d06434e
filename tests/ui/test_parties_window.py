"""当事人库 driven as a clerk would: type, click, save, search, export, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.parties.service import PartyService
from app.privacy import Sensitive, mask
from tests.conftest import make_actor
from tests.ui.helpers import (
    ime_commit,
    make_id_no,
    retype,
    seed_parties,
    type_text,
    wrong_check_digit,
)
from ui.context import AppContext
from ui.parties.export_dialog import ExportChoiceDialog
from ui.parties.form import PartyForm, RevealReasonDialog
from ui.parties.window import PartiesWindow
from ui.tasks import TaskRunner
from ui.widgets import files

# The offscreen platform's notice when a window has size limits; not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD_ID = make_id_no(123, birth="19850612")  # a man born 1985-06-12


@pytest.fixture(autouse=True)
def chinese(qapp):
    """The clerk's language: the shipped zh_CN translation, as run_gui installs it."""
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def make_window(qtbot, store, actor) -> PartiesWindow:
    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=actor, language="zh_CN", error_windows=False, tasks=tasks)
    window = PartiesWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window


@pytest.fixture
def window(qtbot, store, admin_actor, monkeypatch):
    # An administrator may export in full and is asked; these tests export masked.
    monkeypatch.setattr(ExportChoiceDialog, "ask", classmethod(lambda cls, parent: (False, "")))
    w = make_window(qtbot, store, admin_actor)
    yield w
    w.tasks.shutdown()


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def check(qtbot, box) -> None:
    """Click a check box on its indicator (its middle may be empty space)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def save_form(qtbot, form: PartyForm) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))


def column_text(window: PartiesWindow, row: int, key: str) -> str:
    model = window.model
    return model.data(model.index(row, model.column_index(key)))


def search_for(qtbot, window: PartiesWindow, text: str) -> None:
    window.search.setFocus()
    retype(window.search, text)
    qtbot.waitUntil(lambda: window.search.search_text == text.strip(), timeout=3000)


def test_clerk_adds_a_person_fixing_a_wrong_id(qtbot, window) -> None:
    click(qtbot, window.buttons["add_person"])
    form = window.form
    assert form is not None and form.isVisible()
    ime_commit(form.inputs["name"], "张三丰")
    wrong = wrong_check_digit(GOOD_ID)
    type_text(form.inputs["id_no"], wrong)
    # Refused on the spot, in Chinese, next to the field.
    assert form.error_text("id_no") == f"身份证号校验位错误（应为{GOOD_ID[-1]}）。"
    assert form.errors["id_no"].isVisible()
    assert form.sex.text() == "" and form.birth_date.text() == ""
    save_form(qtbot, form)  # the service refuses it too; the form stays open
    assert window.form is form and form.isVisible()
    assert form.error_text("id_no").startswith("身份证号校验位错误")
    # Fix it: sex and birth date appear as soon as the number is right.
    retype(form.inputs["id_no"], GOOD_ID)
    assert form.error_text("id_no") == ""
    assert form.sex.text() == "男" and form.birth_date.text() == "1985-06-12"
    type_text(form.inputs["phone"], "13912345678")
    ime_commit(form.inputs["address"], "北京市东城区东华门街道某某胡同1号")
    check(qtbot, form.inputs["is_migrant_worker"])
    save_form(qtbot, form)
    assert not form.isVisible() and form.saved_row is not None
    saved = form.saved_row
    # The list refreshed and the new row is selected.
    assert window.model.rowCount() == 1
    assert window.view.selected_ids() == [saved.id]
    # Find it with the search box, by name and by ID number.
    search_for(qtbot, window, "张三")
    assert window.model.rowCount() == 1
    assert column_text(window, 0, "name") == "张三丰"
    assert column_text(window, 0, "identity_number") == mask(Sensitive.ID_NO, GOOD_ID)
    assert column_text(window, 0, "phone") == "139****5678"
    assert column_text(window, 0, "sex") == "男"
    assert column_text(window, 0, "is_migrant_worker") == "✓"
    search_for(qtbot, window, "李四")
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "共 0 个当事人"
    search_for(qtbot, window, GOOD_ID[:6])
    assert window.model.rowCount() == 1


def test_live_check_says_what_is_wrong(qtbot, window) -> None:
    form = window.add_person()
    type_text(form.inputs["id_no"], "11010119900307")
    assert form.error_text("id_no") == ""  # still typing
    type_text(form.inputs["id_no"], "00541")
    assert form.error_text("id_no") == "身份证号应为18位（现为19位）。"
    retype(form.inputs["id_no"], "110101199013070053")
    assert form.error_text("id_no") != ""
    retype(form.inputs["id_no"], make_id_no(5).lower())
    assert form.error_text("id_no") == ""


def test_duplicate_id_is_refused_pointing_at_the_existing_party(qtbot, window, store, admin_actor) -> None:
    PartyService(store, admin_actor).create({"kind": "person", "name": "王五", "id_no": GOOD_ID})
    window.refresh()
    form = window.add_person()
    ime_commit(form.inputs["name"], "王五五")
    type_text(form.inputs["id_no"], GOOD_ID)
    save_form(qtbot, form)
    assert form.isVisible()
    assert form.error_text("id_no") == "该身份证号已登记：王五。"


def test_name_required_shown_at_the_name(qtbot, window) -> None:
    form = window.add_person()
    save_form(qtbot, form)
    assert form.error_text("name") == "请填写名称/姓名。"


def test_add_an_employer_with_a_wrong_credit_code(qtbot, window) -> None:
    from stdnum.cn import uscc

    click(qtbot, window.buttons["add_org"])
    form = window.form
    ime_commit(form.inputs["name"], "某某建筑工程有限公司")
    body = "91520102MA6DKX4J0"
    good = body + uscc.calc_check_digit(body + "0")
    bad = body + ("1" if good[-1] != "1" else "2")
    type_text(form.inputs["uscc"], bad)
    assert form.error_text("uscc").startswith("统一社会信用代码校验位错误")
    retype(form.inputs["uscc"], good)
    assert form.error_text("uscc") == ""
    combo = form.inputs["org_type"]
    combo.setCurrentIndex(combo.findData("contractor"))
    ime_commit(form.inputs["legal_rep"], "赵六")
    save_form(qtbot, form)
    assert not form.isVisible()
    assert column_text(window, 0, "identity_number") == good
    assert column_text(window, 0, "org_type") == "个人承包经营者（包工头）"
    assert column_text(window, 0, "kind") == "单位"
    window.kind.setCurrentIndex(window.kind.findData("person"))
    assert window.model.rowCount() == 0
    window.kind.setCurrentIndex(window.kind.findData("org"))
    assert window.model.rowCount() == 1


def test_edit_sends_only_what_changed(qtbot, window, store, admin_actor, monkeypatch) -> None:
    party = PartyService(store, admin_actor).create(
        {"kind": "person", "name": "陈七", "id_no": GOOD_ID, "phone": "13800001111", "address": "贵州省贵阳市云岩区某路8号"}
    )
    window.refresh()
    window.view.select_ids([party.id])
    assert window.buttons["edit"].isEnabled()
    sent: list[dict] = []
    original = window.service.update
    monkeypatch.setattr(window.service, "update", lambda pid, version, changes: sent.append(changes) or original(pid, version, changes))
    click(qtbot, window.buttons["edit"])
    form = window.form
    # Personal data arrives masked.
    assert form.inputs["id_no"].text() == mask(Sensitive.ID_NO, GOOD_ID)
    assert form.inputs["phone"].text() == "138****1111"
    assert form.inputs["address"].text() == mask(Sensitive.ADDRESS, "贵州省贵阳市云岩区某路8号")
    # Typing into a masked field replaces it whole.
    form.inputs["phone"].setFocus()
    type_text(form.inputs["phone"], "13900002222")
    assert form.inputs["phone"].text() == "13900002222"
    save_form(qtbot, form)
    assert not form.isVisible()
    assert sent == [{"phone": "13900002222"}]
    assert column_text(window, window.view.selected_rows()[0], "phone") == "139****2222"
    full = PartyService(store, admin_actor).reveal(party.id, "id_no", "测试")
    assert full == GOOD_ID  # untouched masked fields were not overwritten


def test_a_save_after_another_desk_saved_says_who_and_keeps_the_input(qtbot, window, store, admin_actor, tmp_path) -> None:
    from app.accounts.actor import Actor

    party = PartyService(store, admin_actor).create({"kind": "person", "name": "陈七", "address": "某路8号"})
    window.refresh()
    window.view.select_ids([party.id])
    click(qtbot, window.buttons["edit"])
    form = window.form
    retype(form.inputs["name"], "陈七七")
    # meanwhile another desk renames the party and saves first
    other = Actor(username="clerk2", user_id=None, roles=frozenset({"admin"}), machine="desk-2")
    PartyService(store, other).update(party.id, party.version, {"name": "陈启"})
    save_form(qtbot, form)
    assert form.isVisible()  # not closed, nothing lost
    message = form.form_error.message
    assert "clerk2" in message and "已由" in message
    assert "您的输入仍保留在表单中" in message
    assert "陈启" in message  # the saved value is shown
    assert form.inputs["name"].text() == "陈七七"  # the clerk's own input is still there
    form.grab().save(str(tmp_path / "party-changed-elsewhere.png"))
    # saving again puts the clerk's change on top of the saved version, knowingly
    save_form(qtbot, form)
    assert not form.isVisible()
    assert PartyService(store, admin_actor).get(party.id).name == "陈七七"


def test_clerk_without_reveal_permission_sees_show_disabled(qtbot, store, admin_actor) -> None:
    party = PartyService(store, admin_actor).create({"kind": "person", "name": "周八", "id_no": GOOD_ID})
    window = make_window(qtbot, store, make_actor("intake", username="clerk"))
    window.view.select_ids([party.id])
    click(qtbot, window.buttons["edit"])
    button = window.form.reveal_buttons["id_no"]
    assert not button.isEnabled()
    assert button.toolTip() == "需要权限：查看完整个人信息"
    window.form.reject()
    window.tasks.shutdown()


def test_read_only_user_cannot_add_edit_or_import(qtbot, store) -> None:
    window = make_window(qtbot, store, make_actor("leadership", username="boss"))
    for key in ("add_person", "add_org", "edit", "import"):
        assert not window.buttons[key].isEnabled(), key
    assert window.buttons["add_person"].toolTip() == "需要权限：新增和修改当事人"
    assert window.buttons["import"].toolTip() == "需要权限：导入当事人"
    assert window.buttons["export_xlsx"].isEnabled()
    window.tasks.shutdown()


def test_admin_reveals_with_a_reason_and_it_is_audited(qtbot, window, store, admin_actor, monkeypatch) -> None:
    from app.audit.models import AuditEntry

    party = PartyService(store, admin_actor).create({"kind": "person", "name": "吴九", "id_no": GOOD_ID})
    window.refresh()
    window.view.select_ids([party.id])
    form = window.edit_selected()
    asked: list[str] = []
    monkeypatch.setattr(RevealReasonDialog, "ask", classmethod(lambda cls, parent, label: asked.append(label) or "核实投诉人身份"))
    click(qtbot, form.reveal_buttons["id_no"])
    assert asked == ["身份证号"]
    assert form.inputs["id_no"].text() == GOOD_ID
    assert form.sex.text() == "男"
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(e.record_id, e.reason, e.actor) for e in entries] == [(party.id, "核实投诉人身份", "admin")]
    # Cancelling the reason reveals nothing.
    monkeypatch.setattr(RevealReasonDialog, "ask", classmethod(lambda cls, parent, label: None))
    click(qtbot, form.reveal_buttons["phone"])
    with store.read() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()) == 1
    form.reject()


def test_export_to_excel_writes_the_filtered_rows_masked(qtbot, window, store, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    seed_parties(store, 30)
    window.refresh()
    name = window.model.row_at(0).name
    search_for(qtbot, window, name)
    expected = window.model.rowCount()
    target = tmp_path / "导出.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: target)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_xlsx"])
    assert window.status.text() == f"已导出 {expected} 行到 {target}。"
    ws = load_workbook(target, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if any(v is not None for v in r)]
    assert len(body) == expected
    names = [r[header.index("姓名/名称")] for r in body]
    assert all(name in n for n in names)
    ids = [r[header.index("身份证号/证件号码")] for r in body]
    assert all("********" in i for i in ids)


def test_import_with_a_bad_row_shows_the_report(qtbot, window, store, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    from app.parties.spreadsheet import write_template

    template = tmp_path / "模板.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: template)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["template"])
    assert template.is_file()
    wb = load_workbook(template)
    ws = wb["当事人"]
    header = [c.value for c in ws[1]]

    def put(row: int, **values: str) -> None:
        for label, value in values.items():
            ws.cell(row=row, column=header.index(label) + 1, value=value)

    put(2, 类别="个人", **{"姓名/名称": "郑十", "身份证号/证件号码": make_id_no(7)})
    put(3, 类别="个人", **{"姓名/名称": "钱十一", "身份证号/证件号码": wrong_check_digit(make_id_no(8))})
    put(4, 类别="个人", **{"姓名/名称": "孙十二", "身份证号/证件号码": make_id_no(9), "联系电话": "13700001234"})
    filled = tmp_path / "填好的.xlsx"
    wb.save(filled)
    assert write_template is not None
    monkeypatch.setattr(files, "choose_open_path", lambda *a: filled)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text() == "共读取 3 行：导入 2 行，拒绝 1 行。"
    (row, reason), = dialog.refused_rows()
    assert row == 3 and reason.startswith("身份证号校验位错误")
    assert window.model.rowCount() == 2
    dialog.reject()


def test_a_file_imported_before_is_imported_again_only_when_the_clerk_confirms(qtbot, window, tmp_path, monkeypatch) -> None:
    import openpyxl

    import ui.file_actions as file_actions
    from app.parties.spreadsheet import write_template

    filled = tmp_path / "名单.xlsx"
    write_template(filled)
    wb = openpyxl.load_workbook(filled)
    wb["当事人"].append(["个人", "郑十", None, make_id_no(7)])
    wb.save(filled)
    monkeypatch.setattr(files, "choose_open_path", lambda *a: filled)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    assert window.report_dialog is not None
    window.report_dialog.reject()
    asked: list[str] = []
    answer = [False]

    def ask(parent, error, language):
        asked.append(error.message(language))
        return answer[0]

    monkeypatch.setattr(file_actions, "ask_import_again", ask)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    assert len(asked) == 1 and "已于" in asked[0] and "名单.xlsx" in asked[0]
    assert "已于" in window.status.text()  # declined: said so, nothing imported
    if window.message_box is not None:
        window.message_box.close()
    answer[0] = True
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    qtbot.waitUntil(lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=20_000)
    assert window.report_dialog.summary.text() == "共读取 1 行：导入 0 行，拒绝 1 行。"  # imported again: a duplicate
    window.report_dialog.reject()


def test_import_of_a_file_that_is_not_a_workbook_says_so(qtbot, window, tmp_path, monkeypatch) -> None:
    bogus = tmp_path / "not.xlsx"
    bogus.write_text("hello")
    monkeypatch.setattr(files, "choose_open_path", lambda *a: bogus)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
    assert "不是Excel工作簿" in window.status.text()
    assert window.message_box is not None and window.message_box.isVisible()
    window.message_box.close()
    assert window.report_dialog is None


def test_cancelled_import_saves_nothing(qtbot, window, store, tmp_path, monkeypatch) -> None:
    import threading

    gate = threading.Event()
    records = [(i + 2, {"kind": "person", "name": f"测试{i}", "id_no": make_id_no(i)}) for i in range(600)]

    def slow_read(path: Path):
        def rows():
            for i, record in enumerate(records):
                if i == 550:
                    gate.wait(10)
                yield record

        return len(records), rows()

    import app.parties.spreadsheet as sheets

    monkeypatch.setattr(sheets, "read_records", slow_read)
    (tmp_path / "x.xlsx").write_bytes(b"PK")  # hashed for the import record; its rows come from slow_read
    monkeypatch.setattr(files, "choose_open_path", lambda *a: tmp_path / "x.xlsx")
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["import"])
        task = window.tasks.tasks[0]
        qtbot.waitUntil(lambda: task.progress[0] >= 500, timeout=10_000)
        task.cancel()
        gate.set()
    assert window.status.text() == "已取消，未保存任何数据。"
    window.refresh()
    assert window.model.rowCount() == 0


def test_export_to_pdf_prints_the_filtered_register(qtbot, window, store, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader

    seed_parties(store, 12)
    window.refresh()
    target = tmp_path / "名册.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: target)
    with qtbot.waitSignal(window.tasks.all_done, timeout=30_000):
        click(qtbot, window.buttons["export_pdf"])
    assert window.status.text() == f"已导出 12 行到 {target}。"
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    first = window.model.row_at(0)
    assert first.name in text
    assert mask(Sensitive.ID_NO, first.id_no) in text or first.id_no in text
    assert "当事人名册" in text


def test_export_cancelled_in_the_file_dialog_does_nothing(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(files, "choose_save_path", lambda *a: None)
    with qtbot.assertNotEmitted(window.tasks.all_done):
        click(qtbot, window.buttons["export_xlsx"])
    assert window.tasks.active == 0 and window.status.text() == ""


def test_admin_exports_in_full_with_a_reason_and_it_is_audited(qtbot, window, store, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook

    from app.audit.models import AuditEntry

    PartyService(store, window.context.actor).create({"kind": "person", "name": "冯十三", "id_no": GOOD_ID})
    monkeypatch.setattr(ExportChoiceDialog, "ask", classmethod(lambda cls, parent: (True, "移送仲裁院")))
    target = tmp_path / "full.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: target)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_xlsx"])
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert GOOD_ID in rows[1]
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert [e.reason for e in entries] == ["移送仲裁院"]


def test_export_choice_dialog_needs_a_reason_for_full(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = ExportChoiceDialog()
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.choice() == (False, "")
    dialog.full.setChecked(True)
    assert not ok.isEnabled()
    ime_commit(dialog.reason, "移送仲裁院")
    assert ok.isEnabled() and dialog.choice() == (True, "移送仲裁院")


def test_clerk_without_full_export_is_not_asked(qtbot, store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ExportChoiceDialog, "ask", classmethod(lambda cls, parent: pytest.fail("asked")))
    window = make_window(qtbot, store, make_actor("intake", username="clerk"))
    monkeypatch.setattr(files, "choose_save_path", lambda *a: tmp_path / "x.xlsx")
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_xlsx"])
    assert (tmp_path / "x.xlsx").is_file()
    window.tasks.shutdown()
