"""在建项目 driven as a clerk would: add a project, record a check, watch the rates, see overdue rectifications."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.accounts.actor import setup_actor
from app.parties.service import PartyService
from app.projects.service import ProjectService
from tests.conftest import make_actor
from tests.fixtures.identities import make_id, org_codes
from tests.fixtures.projects import seed_report_projects
from tests.ui.helpers import ime_commit, type_text
from ui.context import AppContext
from ui.parties.form import RevealReasonDialog
from ui.projects.check_dialog import CheckDialog
from ui.projects.form import ProjectForm
from ui.projects.rectification_dialog import RectificationDialog
from ui.projects.window import RED, ProjectsWindow
from ui.tasks import TaskRunner
from ui.widgets import files

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2023, 12, 31)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def make_window(qtbot, store, actor) -> ProjectsWindow:
    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=actor, language="zh_CN", error_windows=False, tasks=tasks)
    window = ProjectsWindow(context, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    return window


@pytest.fixture
def inspector():
    return make_actor("inspector", username="jianchayuan")


@pytest.fixture
def window(qtbot, store, inspector):
    w = make_window(qtbot, store, inspector)
    yield w
    w.tasks.shutdown()


@pytest.fixture
def employers(store) -> dict[str, int]:
    parties = PartyService(store, setup_actor())
    codes = org_codes(3)
    ids = {name: parties.create({"kind": "org", "name": name, "uscc": next(codes)}).id
           for name in ("贵阳市南明区城市建设投资有限责任公司", "中建四局第三建设有限公司", "贵州黔城劳务有限公司")}
    parties.create({"kind": "person", "name": "中建四局张工", "id_no": make_id()})  # a person: never offered
    return ids


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_radio(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def cell(window: ProjectsWindow, row: int, key: str, role: int = Qt.ItemDataRole.DisplayRole):
    model = window.model
    return model.data(model.index(row, model.column_index(key)), role)


def pick(qtbot, picker, text: str) -> None:
    """Type into a party picker as a clerk does (an input-method commit) and wait for the matches."""
    picker.search.setFocus()
    ime_commit(picker.search, text)
    qtbot.waitUntil(lambda: picker.search.search_text == text, timeout=3000)


def test_clerk_adds_a_project_records_a_check_and_sees_the_rate_change(qtbot, window, employers) -> None:
    assert window.item_rate.text() == "—" and window.project_rate.text() == "—"
    click(qtbot, window.buttons["add"])
    form = window.dialog
    assert isinstance(form, ProjectForm) and form.isVisible()
    ime_commit(form.inputs["name"], "南明区第十八中学教学综合楼")
    ime_commit(form.inputs["location"], "南明区兴关路街道")
    pick(qtbot, form.inputs["builder_id"], "城市建设")
    pick(qtbot, form.inputs["contractor_id"], "中建四局")
    assert form.inputs["contractor_id"].party_id() == employers["中建四局第三建设有限公司"]
    assert form.inputs["contractor_id"].choices.count() == 1  # the person 中建四局张工 is not offered
    pick(qtbot, form.sub_picker, "劳务")
    form.sub_role.setCurrentIndex(form.sub_role.findData("labour"))
    click(qtbot, form.add_sub)
    assert form.subs.count() == 1
    type_text(form.inputs["contract_value_fen"], "86,500,000.5")
    type_text(form.inputs["wage_account_no"], "2402021109002412345")
    type_text(form.inputs["wage_manager_phone"], "13985012301")
    form.inputs["start_date"].set_value(date(2023, 3, 1))
    form.inputs["planned_completion"].set_value(date(2024, 12, 31))
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not form.isVisible() and form.saved_row is not None
    saved = form.saved_row
    assert saved.contract_value_fen == 8_650_000_050
    assert [s.role for s in saved.subcontractors] == ["labour"]
    assert window.model.rowCount() == 1
    assert window.view.selected_ids() == [saved.id]
    assert cell(window, 0, "wage_account_no") == "****2345"
    assert cell(window, 0, "wage_manager_phone") == "139****2301"
    assert cell(window, 0, "contractor") == "中建四局第三建设有限公司"
    assert cell(window, 0, "item_rate") == ""  # not checked yet

    # Record a check: five items in force, one not, with a rectification deadline.
    click(qtbot, window.buttons["check"])
    dialog = window.dialog
    assert isinstance(dialog, CheckDialog)
    ime_commit(dialog.inspector, "王强、李娜")
    for code, row in dialog.rows.items():
        click_radio(qtbot, row.buttons["not_in_force" if code == "rights_notice" else "in_force"])
    failing = dialog.rows["rights_notice"]
    assert failing.rectify_by.isEnabled() and not dialog.rows["real_name"].rectify_by.isEnabled()
    failing.rectify_by.set_value(date(2024, 1, 15))
    ime_commit(failing.evidence, "施工现场未设置维权信息告示牌")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dialog.isVisible() and dialog.saved_check is not None

    # The rates panel and the list show the new figures.
    assert window.item_rate.text() == "83.33%"
    assert window.project_rate.text() == "0.00%"
    assert "5" in window.item_rate_detail.text() and "6" in window.item_rate_detail.text()
    assert cell(window, 0, "item_rate") == "83.33%"
    assert cell(window, 0, "latest_check") == "2023-12-31"
    assert window.checks_model.rowCount() == 1
    assert window.items_model.rowCount() == 6
    # Not overdue yet: the deadline is in January.
    assert cell(window, 0, "overdue") == ""
    # As of the day before the check, nothing was checked.
    window.as_of.setDate(window.as_of.date().addDays(-1))
    assert window.item_rate.text() == "—"


def test_check_dialog_says_what_is_missing_on_the_row(qtbot, store, window, employers) -> None:
    ProjectService(store, setup_actor()).create({"name": "云关乡安置点配套道路"})
    window.model.refresh()
    window.view.selectRow(0)
    dialog = window.record_check()
    assert dialog is not None
    ime_commit(dialog.inspector, "王强")
    for code in list(dialog.rows)[:5]:
        dialog.choose(code, "in_force")
    dialog.save()
    assert dialog.isVisible()
    assert "劳资专管员" in dialog.error_text("wage_manager")
    dialog.choose("wage_manager", "not_in_force")
    dialog.rows["wage_manager"].rectify_by.clear_value()
    dialog.save()
    assert dialog.error_text("wage_manager") == "“劳资专管员”未落实，请填写整改期限。"
    assert ProjectService(store, setup_actor()).checks_query(window.selected_row().id).count() == 0
    dialog.reject()


def test_overdue_rectifications_are_red_and_can_be_filtered_and_cleared(qtbot, store, window, monkeypatch) -> None:
    seed_report_projects(store)
    window.refresh()
    assert window.model.rowCount() == 12
    assert window.count_label.text() == "共 12 个项目"
    assert window.item_rate.text() == "95.45%" and window.project_rate.text() == "75.00%"
    assert window.counts.text() == "在建项目 12 个（纳入实名制平台 12 个）· 已检查 12 个"
    assert window.item_rate_detail.text() == "适用项 66 项，落实 63 项"
    assert cell(window, 0, "status") == "在建"
    names = [cell(window, r, "name") for r in range(12)]
    late = names.index("二七路小学改扩建")
    assert cell(window, late, "overdue") == "1"
    assert cell(window, late, "overdue", Qt.ItemDataRole.ForegroundRole) == RED
    fine = names.index("云关乡安置点配套道路")
    assert cell(window, fine, "overdue", Qt.ItemDataRole.ForegroundRole) is None
    assert "3" in window.overdue_label.text() and "b3261e" in window.overdue_label.styleSheet()

    click(qtbot, window.overdue_only)
    assert window.model.rowCount() == 3
    # Record the rectification of one of them.
    window.view.select_ids([window.model.row_at(0).id])
    items = window.items_model
    failing = next(r for r in range(items.rowCount()) if items.row_at(r).status == "not_in_force")
    assert items.data(items.index(failing, items.column_index("rectify_by")), Qt.ItemDataRole.ForegroundRole) == RED
    assert items.data(items.index(failing, items.column_index("status"))) == "未落实"
    window.items_view.selectRow(failing)
    assert window.rectify_button.isEnabled()
    monkeypatch.setattr(RectificationDialog, "ask", classmethod(lambda cls, parent, item: (date(2023, 12, 28), "已设置告示牌")))
    click(qtbot, window.rectify_button)
    assert window.tasks.wait_all()  # recorded through the runner's writer, off the GUI thread
    assert window.model.rowCount() == 2
    assert "2" in window.overdue_label.text()
    # The rates count the check's findings: unchanged until the next check.
    assert window.item_rate.text() == "95.45%"


def test_checklist_editor_is_for_administrators(qtbot, store, window) -> None:
    button = window.buttons["checklist"]
    assert not button.isEnabled()
    assert button.toolTip() == "需要权限：修改年度“6项制度”清单"
    admin = make_window(qtbot, store, make_actor("admin", username="admin"))
    try:
        assert admin.buttons["checklist"].isEnabled()
        seed_report_projects(store)  # 2023 checks use every item
        click(qtbot, admin.buttons["checklist"])
        dialog = admin.dialog
        assert dialog is not None and dialog.year.value() == 2023
        assert all(not remove.isEnabled() for _c, _e, remove in dialog.lines)
        ime_commit(dialog.add_line(), "工程款支付担保")
        assert dialog.save()
        assert [i.label for i in ProjectService(store, setup_actor()).checklist(2023)][-1] == "工程款支付担保"
    finally:
        admin.tasks.shutdown()


def test_exports_write_the_filtered_list_with_the_rates(qtbot, store, window, monkeypatch, tmp_path: Path) -> None:
    seed_report_projects(store)
    window.refresh()
    target = tmp_path / "在建项目.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: target)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_xlsx"])
    assert target.exists()
    summary = {r[0]: r[1] for r in openpyxl.load_workbook(target)["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["综合达标率"] == pytest.approx(0.9545)
    assert "95.45%" in window.status.text()
    pdf = tmp_path / "落实情况.pdf"
    monkeypatch.setattr(files, "choose_save_path", lambda *a: pdf)
    with qtbot.waitSignal(window.tasks.all_done, timeout=20_000):
        click(qtbot, window.buttons["export_pdf"])
    assert pdf.read_bytes().startswith(b"%PDF")


def test_models_pass_the_model_tester(qtmodeltester, store, window) -> None:
    seed_report_projects(store)
    window.refresh()
    window.view.selectRow(0)
    qtmodeltester.check(window.model)
    qtmodeltester.check(window.checks_model)
    qtmodeltester.check(window.items_model)


def test_a_reader_sees_the_rates_but_cannot_edit(qtbot, store) -> None:
    seed_report_projects(store)
    reader = make_window(qtbot, store, make_actor("leadership", username="lingdao"))
    try:
        assert reader.item_rate.text() == "95.45%"
        assert not reader.buttons["add"].isEnabled()
        assert not reader.buttons["check"].isEnabled()
        assert reader.buttons["export_pdf"].isEnabled()
        reader.view.selectRow(0)
        assert not reader.buttons["edit"].isEnabled()
        assert reader.edit_selected() is None
    finally:
        reader.tasks.shutdown()


def test_editing_keeps_the_masked_account_unless_revealed_or_retyped(qtbot, store, window, monkeypatch) -> None:
    service = ProjectService(store, setup_actor())
    row = service.create({"name": "甘荫塘农贸市场改造", "wage_account_no": "2402021109002412345",
                          "wage_manager_phone": "13985012309", "contract_value_fen": 2_500_000_000})
    window.model.refresh()
    window.view.selectRow(0)
    form = window.edit_selected()
    assert isinstance(form, ProjectForm)
    assert form.inputs["wage_account_no"].text() == "****2345"
    assert form.inputs["contract_value_fen"].text() == "25,000,000.00"
    # an inspector may reveal personal data: asked for a reason, audited by the service
    monkeypatch.setattr(RevealReasonDialog, "ask", classmethod(lambda cls, parent, label: "核对代发工资"))
    click(qtbot, form.reveal_buttons["wage_account_no"])
    assert form.inputs["wage_account_no"].text() == "2402021109002412345"
    form.inputs["status"].setCurrentIndex(form.inputs["status"].findData("halted"))
    assert form.changes() == {"status": "halted"}  # the revealed account is not re-sent
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    saved = service.get(row.id)
    assert saved.status == "halted" and saved.wage_account_no == "****2345"
    assert cell(window, 0, "status") == "停工"


def test_an_amount_that_is_not_yuan_is_refused_on_its_field(qtbot, window) -> None:
    form = window.add_project()
    ime_commit(form.inputs["name"], "青山小区老旧小区改造")
    type_text(form.inputs["contract_value_fen"], "12.345")
    form.save()
    assert form.isVisible()
    assert form.error_text("contract_value_fen") == "“12.345”不是有效的金额（元，最多两位小数）。"
    form.inputs["start_date"].set_value(date(2023, 5, 1))
    form.inputs["planned_completion"].set_value(date(2023, 4, 1))
    form.inputs["contract_value_fen"].clear()
    form.save()
    assert form.error_text("planned_completion") == "竣工日期（2023-04-01）早于开工日期（2023-05-01）。"
    form.reject()
