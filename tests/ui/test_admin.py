"""系统管理: 用户与角色 and 操作日志, driven as an administrator would."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.accounts.actor import setup_actor
from app.accounts.permissions import Permission, Role, role_table
from app.accounts.service import MAX_FAILED_LOGINS, AccountService
from app.clock import bureau_today
from app.errors import UserError
from app.parties.service import PartyService
from tests.ui.helpers import make_id_no, type_text
from ui.admin.audit_log import AuditLogTab
from ui.admin.user_dialogs import EditRolesDialog, NewUserDialog, ResetPasswordDialog
from ui.admin.users import COL_ROLES, COL_STATUS, UsersTab
from ui.admin.window import AdminWindow
from ui.context import AppContext
from ui.tasks import TaskRunner

# The offscreen platform says this whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

ADMIN_PASSWORD = "admin-pass-1"


@pytest.fixture(autouse=True, scope="module")
def _chinese_font(qapp):
    from ui.application import install_font

    install_font(qapp)


@pytest.fixture
def admin(store):
    """The administrator, signed in (a real account, so the log names them)."""
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", ADMIN_PASSWORD)
    return AccountService(store, setup_actor()).sign_in("admin", ADMIN_PASSWORD)


@pytest.fixture
def runner(qtbot):
    r = TaskRunner(error_windows=False)
    yield r
    r.shutdown()


@pytest.fixture
def context(store, admin, runner) -> AppContext:
    return AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=runner)


@pytest.fixture
def window(qtbot, context) -> AdminWindow:
    w = AdminWindow(context)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


@pytest.fixture
def user_errors(monkeypatch) -> list[UserError]:
    """show_user_error's message boxes, caught instead of shown."""
    shown: list[UserError] = []
    monkeypatch.setattr(
        "ui.admin.users.show_user_error", lambda parent, err, language: shown.append(err)
    )
    monkeypatch.setattr(
        "ui.admin.audit_log.show_user_error", lambda parent, err, language: shown.append(err)
    )
    return shown


def in_modal_dialog(qtbot, fill: Callable[[QDialog], None]) -> list[str]:
    """Run `fill(dialog)` on the modal dialog the next click opens (dialogs block in exec())."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), dialog
        seen.append(dialog.objectName())
        fill(dialog)

    QTimer.singleShot(0, act)
    return seen


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def cell(tab: AuditLogTab, row: int, key: str) -> str:
    model = tab.model
    return model.index(row, model.column_index(key)).data()


def verify_and_wait(qtbot, tab: AuditLogTab) -> str:
    click(qtbot, tab.verify_button)
    qtbot.waitUntil(
        lambda: tab.verify_box is not None and tab.verify_box.isVisible(), timeout=20_000
    )
    assert tab.verify_box is not None
    text = tab.verify_box.text()
    assert tab.verify_label.text() == text
    tab.verify_box.accept()
    qtbot.waitUntil(lambda: tab.verify_box is None)
    assert tab.verify_button.isEnabled()
    return text


# ---------------------------------------------------------------- who sees what


def test_administrator_sees_both_tabs(window) -> None:
    assert window.tab_titles() == ["Users and roles", "Audit log", "Holidays", "Backup and restore", "Bureau and remedies",
                                   "Database connection", "Sites and exchange"]


def test_legal_reviewer_sees_only_the_log(qtbot, store, runner) -> None:
    admin = AccountService(store, setup_actor()).create_first_admin("admin", "", ADMIN_PASSWORD)
    AccountService(store, admin).create_user(
        "fazhi", "法制科", "reviewer-pass", [Role.LEGAL_REVIEWER]
    )
    reviewer = AccountService(store, setup_actor()).sign_in("fazhi", "reviewer-pass")
    w = AdminWindow(AppContext(store=store, actor=reviewer, error_windows=False, tasks=runner))
    qtbot.addWidget(w)
    assert w.tab_titles() == ["Audit log"]
    assert w.users is None


def test_clerk_is_not_offered_the_administration_area(qtbot, store) -> None:
    from ui.main_window import MainWindow

    admin = AccountService(store, setup_actor()).create_first_admin("admin", "", ADMIN_PASSWORD)
    AccountService(store, admin).create_user("clerk", "李登记", "clerk-pass-1", [Role.INTAKE])
    clerk = AccountService(store, setup_actor()).sign_in("clerk", "clerk-pass-1")

    clerk_window = MainWindow(AppContext(store=store, actor=clerk, error_windows=False))
    qtbot.addWidget(clerk_window)
    assert "admin" not in clerk_window.area_keys()
    assert "parties" in clerk_window.area_keys()

    admin_window = MainWindow(AppContext(store=store, actor=admin, error_windows=False))
    qtbot.addWidget(admin_window)
    assert "admin" in admin_window.area_keys()
    widget = admin_window.open_area("admin")
    assert isinstance(widget, AdminWindow)


def test_the_area_reaches_everyone_who_may_use_a_tab() -> None:
    """The area is gated by AUDIT_VIEW: whoever may manage users may also view the log."""
    from ui.areas import AREAS

    (area,) = [a for a in AREAS if a.key == "admin"]
    assert area.permission == Permission.AUDIT_VIEW
    assert role_table()[Permission.USER_MANAGE] <= role_table()[Permission.AUDIT_VIEW]


def test_permission_matrix_is_the_enforced_table(window) -> None:
    matrix = window.users.matrix
    model = matrix.model()
    assert model.rowCount() == len(Permission) and model.columnCount() == len(Role)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "系统管理员"
    assert (
        model.headerData(list(Permission).index(Permission.USER_MANAGE), Qt.Orientation.Vertical)
        == "管理用户与角色"
    )
    for permission in Permission:
        for role in Role:
            assert matrix.allowed(permission, role) == (role in role_table()[permission]), (
                permission,
                role,
            )
    assert matrix.editTriggers() == matrix.EditTrigger.NoEditTriggers


# ---------------------------------------------------------------- 用户与角色


def create_user_through_dialog(
    qtbot, tab: UsersTab, username: str, name: str, password: str, roles: list[Role]
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NewUserDialog)
        qtbot.keyClicks(dialog.username, username)
        type_text(dialog.display_name, name)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClicks(dialog.password_again, password)
        for role in roles:
            dialog.role_checks.boxes[role].click()
        click(qtbot, dialog.ok_button)

    seen = in_modal_dialog(qtbot, fill)
    click(qtbot, tab.new_button)
    assert seen == ["new_user_dialog"]


def test_create_disable_and_see_it_in_the_log(qtbot, store, window) -> None:
    tab = window.show_users()
    create_user_through_dialog(
        qtbot, tab, "zhangwei", "张伟", "inspector-1", [Role.INSPECTOR, Role.ARB_CLERK]
    )

    created = tab.selected_user()
    assert created is not None and created.username == "zhangwei"
    assert created.roles == frozenset({"inspector", "arb_clerk"})
    assert tab.cell_text("zhangwei", COL_ROLES) == "劳动保障监察员、书记员"
    assert tab.cell_text("zhangwei", COL_STATUS) == "Active"
    actor = AccountService(store, setup_actor()).sign_in("zhangwei", "inspector-1")
    assert actor.roles == frozenset({"inspector", "arb_clerk"})

    # 停用
    assert tab.active_button.text() == "Disable"
    click(qtbot, tab.active_button)
    assert tab.cell_text("zhangwei", COL_STATUS) == "Disabled"
    assert tab.selected_user().username == "zhangwei"  # still selected after the reload
    assert tab.active_button.text() == "Enable"
    with pytest.raises(UserError) as refused:
        AccountService(store, setup_actor()).sign_in("zhangwei", "inspector-1")
    assert refused.value.code == "auth.disabled"

    # 操作日志: the newest entry is the change, old → new, by the administrator.  The context is
    # zh_CN with no Chinese translator installed: the screen's own words stay English, while
    # tables and fields are named by their areas (app/<area>/area.py) in the context's language.
    log = window.show_audit()
    assert cell(log, 0, "actor") == "管理员"  # by name; the login only in the tooltip
    assert cell(log, 0, "action") == "Changed"
    assert cell(log, 0, "table") == "用户"
    assert cell(log, 0, "record") == created.display_name  # the record as the clerk knows it, not its id
    assert cell(log, 0, "changes") == "有效: yes → no"
    # Before it: the user's creation with its roles (the password hash never shown).
    assert cell(log, 1, "action") in ("Added", "Signed in")
    creation = next(
        r
        for r in range(log.model.rowCount())
        if cell(log, r, "action") == "Added" and cell(log, r, "record") == created.display_name
    )
    created_text = cell(log, creation, "changes")
    assert "角色: 劳动保障监察员、书记员" in created_text  # a new record: no arrow from nothing
    assert "显示名称: 张伟" in created_text
    assert "argon2" not in created_text and "密码: *** → ***" in created_text

    # 启用 again: signing in works.
    window.show_users()
    click(qtbot, tab.active_button)
    assert tab.cell_text("zhangwei", COL_STATUS) == "Active"
    assert (
        AccountService(store, setup_actor()).sign_in("zhangwei", "inspector-1").username
        == "zhangwei"
    )


def test_new_user_dialog_keeps_input_on_refusal(qtbot, store, context) -> None:
    service = AccountService(store, context.actor)
    dialog = NewUserDialog(context, service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "zhao")
    qtbot.keyClicks(dialog.password, "zhao-pass-1")
    qtbot.keyClicks(dialog.password_again, "zhao-pass-1")
    with qtbot.waitSignal(dialog.attempted, timeout=10_000):  # the service answers on a worker
        click(qtbot, dialog.ok_button)  # no role chosen
        assert dialog.busy and not dialog.ok_button.isEnabled()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.error.text() == "请至少选择一个角色。"
    assert dialog.username.text() == "zhao"  # nothing typed is lost
    dialog.role_checks.boxes[Role.MEDIATOR].click()
    qtbot.keyClicks(dialog.password_again, "x")
    click(qtbot, dialog.ok_button)
    assert dialog.error.text() == "两次输入的密码不一致。"
    dialog.password_again.clear()
    qtbot.keyClicks(dialog.password_again, "zhao-pass-1")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.ok_button)
    assert dialog.result_row is not None and dialog.result_row.roles == frozenset({"mediator"})


def test_change_roles_and_reset_password(qtbot, store, window) -> None:
    service = AccountService(store, window._context.actor)
    service.create_user("liu", "刘调解", "mediator-1", [Role.MEDIATOR])
    tab = window.users
    tab.reload()
    assert tab.select_username("liu")

    def fill_roles(dialog: QDialog) -> None:
        assert isinstance(dialog, EditRolesDialog)
        assert dialog.role_checks.roles() == ["mediator"]
        dialog.role_checks.boxes[Role.ARBITRATOR].click()
        click(qtbot, dialog.ok_button)

    assert in_modal_dialog(qtbot, fill_roles) is not None
    click(qtbot, tab.roles_button)
    assert tab.cell_text("liu", COL_ROLES) == "仲裁员、调解员"
    assert service.find("liu").roles == frozenset({"mediator", "arbitrator"})

    def fill_password(dialog: QDialog) -> None:
        assert isinstance(dialog, ResetPasswordDialog)
        qtbot.keyClicks(dialog.password, "brand-new-9")
        qtbot.keyClicks(dialog.password_again, "brand-new-9")
        click(qtbot, dialog.ok_button)

    in_modal_dialog(qtbot, fill_password)
    click(qtbot, tab.password_button)
    assert AccountService(store, setup_actor()).sign_in("liu", "brand-new-9").username == "liu"


def test_unlock_after_lock_out(qtbot, store, window) -> None:
    AccountService(store, window._context.actor).create_user(
        "chen", "陈", "chen-pass-1", [Role.INTAKE]
    )
    anyone = AccountService(store, setup_actor())
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(UserError):
            anyone.sign_in("chen", "wrong-password")
    tab = window.users
    tab.reload()
    assert tab.select_username("chen")
    assert tab.cell_text("chen", COL_STATUS).startswith("Locked until ")
    assert tab.unlock_button.isEnabled()
    click(qtbot, tab.unlock_button)
    assert tab.cell_text("chen", COL_STATUS) == "Active"
    assert not tab.unlock_button.isEnabled()
    assert anyone.sign_in("chen", "chen-pass-1").username == "chen"


def test_refusal_is_shown_with_show_user_error(qtbot, window, user_errors) -> None:
    tab = window.users
    assert tab.select_username("admin")
    click(qtbot, tab.active_button)  # the last administrator
    assert [e.code for e in user_errors] == ["user.last_admin"]
    assert tab.cell_text("admin", COL_STATUS) == "Active"


def test_user_filter(qtbot, store, window) -> None:
    AccountService(store, window._context.actor).create_user(
        "wu", "吴仲裁", "wu-pass-12", [Role.ARBITRATOR]
    )
    tab = window.users
    tab.reload()
    assert tab.proxy.rowCount() == 2
    type_text(tab.filter_edit, "仲裁")
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 0).data() == "wu"


# ---------------------------------------------------------------- 操作日志


def test_verify_reports_intact_then_the_tampered_party(qtbot, store, db_url, window) -> None:
    parties = PartyService(store, window._context.actor)
    party = parties.create({"kind": "person", "name": "张伟", "id_no": make_id_no(7)})
    log = window.show_audit()

    text = verify_and_wait(qtbot, log)
    assert text.startswith("The log is intact")
    assert log.last_verify is not None and log.last_verify.ok
    assert f"{log.last_verify.entries_checked} entries" in text
    assert f"{log.last_verify.records_checked} records" in text

    with sqlite3.connect(Path(db_url.removeprefix("sqlite:///"))) as raw:
        raw.execute("UPDATE party SET name = 'x' WHERE id = ?", (party.id,))

    text = verify_and_wait(qtbot, log)
    assert text.startswith("The log has been tampered with")
    assert f"记录 party#{party.id} 在程序之外被修改" in text
    assert log.last_verify is not None and not log.last_verify.ok


def test_reveal_appears_with_its_reason(qtbot, store, window) -> None:
    id_no = make_id_no(42)
    parties = PartyService(store, window._context.actor)
    party = parties.create(
        {"kind": "person", "name": "王芳", "id_no": id_no, "phone": "13812345678"}
    )
    assert parties.reveal(party.id, "id_no", "核对仲裁申请人身份") == id_no

    log = window.show_audit()
    assert cell(log, 0, "action") == "Viewed in full"
    assert cell(log, 0, "reason") == "核对仲裁申请人身份"
    assert cell(log, 0, "table") == "当事人"  # named by its area, in the context's language
    assert cell(log, 0, "record") == party.name
    assert cell(log, 0, "changes") == "字段: 身份证号"
    # Nowhere in the log is the full number or phone: masked in the changes.
    texts = [
        cell(log, r, key) for r in range(log.model.rowCount()) for key in ("changes", "reason")
    ]
    assert not any(id_no in t or "13812345678" in t for t in texts)
    assert any(id_no[:6] + "********" + id_no[-4:] in t for t in texts)


def test_filters_run_in_the_query(qtbot, store, window) -> None:
    parties = PartyService(store, window._context.actor)
    party = parties.create({"kind": "person", "name": "赵敏"})
    parties.update(party.id, party.version, {"name": "赵敏敏"})
    AccountService(store, window._context.actor).create_user(
        "sun", "孙", "sun-pass-12", [Role.INTAKE]
    )
    log = window.show_audit()
    everything = log.model.rowCount()
    assert everything >= 5

    log.action_combo.setCurrentIndex(log.action_combo.findData("update"))
    assert log.model.rowCount() == 1
    assert "赵敏 → 赵敏敏" in cell(log, 0, "changes")

    log.action_combo.setCurrentIndex(0)
    log.table_combo.setCurrentIndex(log.table_combo.findData("party"))
    assert log.model.rowCount() == 2
    assert {cell(log, r, "table") for r in range(2)} == {"当事人"}

    log.table_combo.setCurrentIndex(0)
    log.actor_combo.setCurrentIndex(log.actor_combo.findData("(setup)"))
    assert log.model.rowCount() == 1  # the first administrator's creation

    log.actor_combo.setCurrentIndex(0)
    log.dates_check.setChecked(True)
    assert log.model.rowCount() == everything  # last 30 days to today
    today = QDate(bureau_today())  # the bureau's day, whatever the machine's time zone
    log.date_to.setDate(today.addDays(-1))
    log.date_from.setDate(today.addDays(-10))
    assert log.model.rowCount() == 0
    assert log.count_label.text() == "0 entries"
    log.dates_check.setChecked(False)
    assert log.model.rowCount() == everything


def test_log_model_is_a_sound_qt_model(qtmodeltester, window) -> None:
    qtmodeltester.check(window.show_audit().model)


# ---------------------------------------------------------------- in Chinese, as shipped


@pytest.fixture
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


def test_the_area_speaks_chinese(qtbot, store, context, chinese) -> None:
    accounts = AccountService(store, context.actor)
    accounts.create_user("liuyang", "刘洋", "mediator-01", [Role.MEDIATOR])
    accounts.set_active(accounts.find("liuyang").id, False)
    party = PartyService(store, context.actor).create(
        {"kind": "person", "name": "王芳", "id_no": make_id_no(3)}
    )
    PartyService(store, context.actor).reveal(party.id, "id_no", "核对身份")

    w = AdminWindow(context)
    qtbot.addWidget(w)
    w.show()
    assert w.tab_titles() == ["用户与角色", "操作日志", "节假日", "备份与恢复", "机关与救济", "数据库连接", "站点与交换"]
    users = w.users
    assert users.new_button.text() == "新增用户"
    assert users.cell_text("liuyang", COL_STATUS) == "停用"
    assert users.cell_text("admin", COL_STATUS) == "有效"

    log = w.show_audit()
    model = log.model
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles == [
        "序号",
        "时间",
        "操作人",
        "计算机",
        "操作",
        "数据表",
        "记录",
        "变更内容",
        "原因",
    ]
    assert cell(log, 0, "action") == "查看完整信息"
    assert cell(log, 0, "changes") == "字段: 身份证号"
    assert cell(log, 0, "reason") == "核对身份"
    actions = {log.action_combo.itemText(i) for i in range(log.action_combo.count())}
    assert {
        "全部",
        "新增",
        "批量导入",
        "修改",
        "删除",
        "查看完整信息",
        "导出",  # every export, masked or full (issue 13)
        "登录",
        "原有数据登记",
        "日志重新计算",
    } == actions
    assert verify_and_wait(qtbot, log).startswith("操作日志完整：已校验")


def test_administrator_enters_a_years_holiday_schedule(qtbot, store) -> None:
    from datetime import date

    from app.legal.deadlines import DEFAULT_RULES, due
    from app.legal.holidays import calendar_for
    from ui.admin.holidays import HolidaysTab

    admin = AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    context = AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=TaskRunner(error_windows=False))
    tab = HolidaysTab(context)
    qtbot.addWidget(tab)
    tab.year.setValue(2027)
    assert tab.holidays.toPlainText() == "" and "2027" in tab.coverage.text()
    tab.holidays.setPlainText("2027-01-01\n2027-02-05\n2027-02-08")  # pasted from the notice
    qtbot.keyClicks(tab.workdays, "2027-02-15")  # a Monday: refused
    tab.save_button.click()
    assert tab.status.text() == "2027-02-15不是星期六或星期日，不能作为调休上班日。"
    tab.workdays.setPlainText("")
    qtbot.keyClicks(tab.workdays, "2027-02-13")
    tab.save_button.click()
    assert tab.status.text() == "Saved: 3 holidays and 1 swapped working days for 2027."
    assert calendar_for(store).is_rest_day(date(2027, 2, 8))
    assert due(date(2027, 2, 1), DEFAULT_RULES.get("A2"), calendar=calendar_for(store)).calendar_complete
    tab.year.setValue(2026)  # shipped with the program: shown, read-only
    assert "2026-10-01" in tab.holidays.toPlainText().splitlines() and tab.holidays.isReadOnly()
    assert not tab.save_button.isEnabled()
    tab.year.setValue(2027)
    assert tab.holidays.toPlainText().splitlines() == ["2027-01-01", "2027-02-05", "2027-02-08"]


def test_holidays_are_clicked_on_a_calendar_and_a_shipped_year_is_shown_read_only(qtbot, store, tmp_path) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from ui.admin.holidays import HolidaysTab

    admin = AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    context = AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=TaskRunner(error_windows=False))
    tab = HolidaysTab(context)
    qtbot.addWidget(tab)
    tab.resize(1366, 600)
    tab.show()
    tab.year.setValue(2025)
    assert tab.marked_days()[date(2025, 10, 1)] == "holiday"  # 国庆, as shipped
    assert tab.marked_days()[date(2025, 9, 28)] == "workday"  # a Sunday worked
    tab.calendar.clicked.emit(QDate(2025, 10, 9))
    assert "2025-10-09" not in tab.holidays.toPlainText()  # read-only: clicks change nothing
    tab.year.setValue(2028)
    assert tab.marked_days() == {}
    tab.calendar.clicked.emit(QDate(2028, 1, 3))  # a Monday
    tab.calendar.clicked.emit(QDate(2028, 1, 8))  # a Saturday
    assert tab.holidays.toPlainText() == "2028-01-03" and tab.workdays.toPlainText() == "2028-01-08"
    assert tab.marked_days() == {date(2028, 1, 3): "holiday", date(2028, 1, 8): "workday"}
    tab.calendar.clicked.emit(QDate(2028, 1, 3))  # a second click undoes it
    assert tab.holidays.toPlainText() == ""
    tab.holidays.setPlainText("2028-01-03\n2028-01-04")  # pasted from the notice
    assert set(tab.marked_days()) == {date(2028, 1, 3), date(2028, 1, 4), date(2028, 1, 8)}
    tab.save_button.click()
    assert tab.status.text() == "Saved: 2 holidays and 1 swapped working days for 2028."
    tab.grab().save(str(tmp_path / "holidays.png"))


def test_holidays_tab_refuses_a_clerk(qtbot, store) -> None:
    from ui.admin.holidays import HolidaysTab

    context = AppContext(store=store, actor=setup_actor().__class__(username="clerk", user_id=9, roles=frozenset({"arb_clerk"})),
                         error_windows=False, tasks=TaskRunner(error_windows=False))
    tab = HolidaysTab(context)
    qtbot.addWidget(tab)
    assert not tab.save_button.isEnabled()
    assert "录入年度节假日安排" in tab.save_button.toolTip()


def test_a_ledger_import_shows_one_line_per_table_with_its_count(qtbot, store, tmp_path, window) -> None:
    from datetime import date

    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import import_ledger_file
    from tests.fixtures.complaints import good, ledger_file

    path = ledger_file(tmp_path, [good(i) for i in range(4)])
    service = ComplaintService(store, window._context.actor, today=lambda: date(2023, 12, 31))
    report, _read = import_ledger_file(service, path)
    log = window.show_audit()
    lines = {
        cell(log, r, "table"): cell(log, r, "changes")
        for r in range(log.model.rowCount())
        if cell(log, r, "action") == "Imported"
    }
    first, last = min(report.imported_ids), max(report.imported_ids)
    named = log.table_label  # every audited table has a name a leader reads (app/audit/labels.py)
    assert lines[named("complaint")] == f"4 records, nos. {first}–{last}"
    assert set(lines) >= {named(t) for t in ("party", "complaint", "complaint_worker", "complaint_event", "issued_number")}
    assert "complaint" not in lines


def test_verify_gives_an_anchor_and_checks_one_typed_back(qtbot, store, window) -> None:
    PartyService(store, window._context.actor).create({"kind": "person", "name": "张伟"})
    log = window.show_audit()
    text = verify_and_wait(qtbot, log)
    assert log.last_verify is not None
    anchor = log.last_verify.anchor
    assert f"Anchor {anchor}" in text and anchor in log.verify_label.text()

    type_text(log.anchor_edit, anchor)
    assert verify_and_wait(qtbot, log).startswith("The log is intact")

    seq = anchor.split(":")[0]
    log.anchor_edit.clear()
    type_text(log.anchor_edit, f"{seq}:{'0' * 16}")
    text = verify_and_wait(qtbot, log)
    assert text.startswith("The log has been tampered with")
    assert f"第{seq}条日志与先前记下的校验锚点不符" in text

    log.anchor_edit.clear()
    type_text(log.anchor_edit, "not an anchor")
    click(qtbot, log.verify_button)
    assert log.verify_label.text().startswith("校验锚点格式不对")
    assert log.verify_button.isEnabled()


def test_the_audit_log_speaks_chinese_names_money_in_yuan_and_states_by_name(qtbot, store) -> None:
    from datetime import UTC, datetime

    from app.audit.log import AuditRow
    from ui.admin.audit_log import AuditLogTab

    admin = AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    context = AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=TaskRunner(error_windows=False))
    tab = AuditLogTab(context)
    qtbot.addWidget(tab)
    row = AuditRow(seq=7, at=datetime(2023, 5, 6, 2, 0, tzinfo=UTC), actor="jiancha", machine="desk1", action="update",
                   table_name="complaint", record_id=3, reason="",
                   changes={"status": ["filed", "investigating"], "decision_no": [None, "某区人社监处字〔2023〕1号"]})
    assert tab.table_label("complaint") == "投诉举报"
    text = tab.changes_text(row)
    assert "状态: 已立案 → " in text and "investigating" not in text and "decision_no" not in text
    worker = AuditRow(seq=8, at=datetime(2023, 5, 6, 2, 0, tzinfo=UTC), actor="jiancha", machine="desk1",
                      action="insert", table_name="complaint_worker", record_id=4, reason="",
                      changes={"owed_fen": 1200000})
    assert tab.changes_text(worker) == "拖欠金额: 12,000.00元"


# The words the audit log screen kept in its own lists until each area declared them (issue 12):
# the screen must still show exactly these, in both languages.
SCREEN_WORDS_BEFORE = {
    "tables": {"party": ("Parties", "当事人"), "app_user": ("Users", "用户")},
    "fields": {
        "kind": ("Kind", "类别"), "name": ("Name", "名称/姓名"), "id_type": ("ID type", "证件类型"),
        "id_no": ("ID number", "身份证号"), "sex": ("Sex", "性别"), "birth_date": ("Birth date", "出生日期"),
        "is_migrant_worker": ("Migrant worker", "农民工"), "uscc": ("Credit code", "统一社会信用代码"),
        "org_type": ("Employer type", "单位类型"), "legal_rep": ("Legal representative", "法定代表人"),
        "phone": ("Phone", "联系电话"), "address": ("Address", "地址"), "username": ("User name", "用户名"),
        "display_name": ("Display name", "显示名称"), "password_hash": ("Password", "密码"), "roles": ("Roles", "角色"),
        "active": ("Active", "有效"), "failed_logins": ("Failed logins", "登录失败次数"),
        "locked_until": ("Locked until", "锁定至"), "field": ("Field", "字段"), "full": ("Full values", "完整信息"),
        "search": ("Search", "搜索条件"), "export": ("Export", "导出"), "rows": ("Rows", "行数"), "file": ("File", "文件"),
    },
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_audit_log_names_tables_and_fields_as_their_areas_declare(qtbot, qapp, store, admin, language) -> None:
    """Every table and field label on the screen is the registry's (app/<area>/area.py), and the
    words the screen used to keep itself are unchanged."""
    from app.audit import labels as audit_labels
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp) if language == "zh_CN" else []
    try:
        tab = AuditLogTab(AppContext(store=store, actor=admin, language=language, error_windows=False))
        qtbot.addWidget(tab)
        in_words = 0 if language == "en" else 1
        for table, pair in audit_labels.tables().items():
            assert tab.table_label(table) == pair[in_words], table
        for field, pair in audit_labels.fields().items():
            assert tab.field_label(field) == pair[in_words], field
        assert {t: tab.table_label(t) for t in SCREEN_WORDS_BEFORE["tables"]} == {
            t: pair[in_words] for t, pair in SCREEN_WORDS_BEFORE["tables"].items()}
        assert {f: tab.field_label(f) for f in SCREEN_WORDS_BEFORE["fields"]} == {
            f: pair[in_words] for f, pair in SCREEN_WORDS_BEFORE["fields"].items()}
        # the table filter offers every audited table by its area's name
        offered = {tab.table_combo.itemData(i): tab.table_combo.itemText(i) for i in range(1, tab.table_combo.count())}
        assert offered and offered == {t: audit_labels.table_label(t, language) for t in offered}
        assert all(text != table for table, text in offered.items()), offered
    finally:
        remove_translators(qapp, translators)
