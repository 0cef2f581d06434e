"""系统管理 → 备份与恢复, driven as an administrator would: back up to a folder,
change something, restore, see the change gone and the replaced database kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.accounts.actor import setup_actor
from app.accounts.service import AccountService
from app.parties.service import PartyService
from ui.admin.backup import BackupTab
from ui.admin.window import AdminWindow
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True, scope="module")
def _chinese_font(qapp):
    from ui.application import install_font

    install_font(qapp)


@pytest.fixture
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def context(qtbot, store):
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "admin-pass-1")
    admin = AccountService(store, setup_actor()).sign_in("admin", "admin-pass-1")
    runner = TaskRunner(error_windows=False)
    yield AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=runner)
    runner.shutdown()


@pytest.fixture
def dialogs(monkeypatch, tmp_path: Path) -> dict[str, list]:
    """The page's dialog seams: a USB folder is chosen, restores are confirmed, messages recorded."""
    usb = tmp_path / "usb"
    usb.mkdir()
    seen: dict[str, list] = {"confirm": [], "tell": [], "folder": [usb]}
    monkeypatch.setattr(BackupTab, "choose_folder", classmethod(lambda cls, parent: seen["folder"][0]))
    monkeypatch.setattr(
        BackupTab, "confirm_restore", classmethod(lambda cls, parent, text: seen["confirm"].append(text) or True)
    )
    monkeypatch.setattr(BackupTab, "tell", classmethod(lambda cls, parent, text: seen["tell"].append(text)))
    return seen


def party_names(store) -> list[str]:
    path = Path(store.url.removeprefix("sqlite:///"))
    with sqlite3.connect(path.as_uri() + "?mode=ro", uri=True) as connection:
        return [n for (n,) in connection.execute("SELECT name FROM party ORDER BY id")]


def cells(tab: BackupTab, row: int) -> list[str]:
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def test_back_up_change_restore(qtbot, store, context, dialogs, chinese, tmp_path: Path) -> None:
    parties = PartyService(store, context.actor)
    parties.create({"kind": "person", "name": "张伟"})
    window = AdminWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    tab = window.show_backup()
    assert "备份与恢复" in window.tab_titles() and window.tabs.currentWidget() is tab
    assert tab.table.rowCount() == 0 and not tab.restore_button.isEnabled()

    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert context.tasks.wait_all(30_000)
    assert tab.table.rowCount() == 1
    time_text, kind, size, records, check, file = cells(tab, 0)
    assert kind == "手动" and check == "校验通过" and "当事人 1" in records and size.endswith("KB")
    assert Path(file).parent == (tmp_path / "usb").resolve()
    assert "已写出并校验" in tab.status.text()

    parties.create({"kind": "person", "name": "李娜"})  # the change the restore takes back
    assert party_names(store) == ["张伟", "李娜"]

    tab.select_row(0)
    assert tab.restore_button.isEnabled() and tab.open_folder_button.isEnabled()
    with qtbot.waitSignal(tab.restored, timeout=30_000) as restored:
        qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert file in dialogs["confirm"][0]
    assert party_names(store) == ["张伟"]  # the change is gone
    kept = restored.args[0].kept
    assert kept.exists() and kept.name.startswith("test.db.before-restore-")
    assert kept.parent == Path(store.url.removeprefix("sqlite:///")).parent
    assert "请重新启动" in dialogs["tell"][0] and str(kept) in dialogs["tell"][0]
    assert not window.isVisible()  # the program closes; nothing goes on with the replaced database
    kinds = [cells(tab, r)[1] for r in range(tab.table.rowCount())]
    assert sorted(kinds) == ["恢复前", "手动"]


def test_restore_from_a_file_that_is_not_a_backup_is_refused(qtbot, store, context, dialogs, monkeypatch, tmp_path: Path, chinese) -> None:
    PartyService(store, context.actor).create({"kind": "person", "name": "张伟"})
    notes = tmp_path / "notes.db"
    notes.write_text("不是备份\n" * 100, encoding="utf-8")
    monkeypatch.setattr(BackupTab, "choose_file", classmethod(lambda cls, parent: notes))
    tab = BackupTab(context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.mouseClick(tab.restore_file_button, Qt.MouseButton.LeftButton)
    assert context.tasks.wait_all(30_000)
    assert tab.status.text() == f"{notes} 不是数据库文件。"
    assert party_names(store) == ["张伟"] and tab.isVisible()
    assert tab.restore_file_button.isEnabled()
    assert not list(tmp_path.glob("test.db.before-restore-*"))


def test_screenshot(qtbot, store, context, dialogs, chinese, tmp_path: Path) -> None:
    from app.backup import service

    parties = PartyService(store, context.actor)
    for name in ("张伟", "李娜", "王芳"):
        parties.create({"kind": "person", "name": name})
    service.make_daily(store.url)
    service.create(store.url, tmp_path / "usb")
    window = AdminWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 560)
    window.show()
    tab = window.show_backup()
    tab.select_row(0)
    qtbot.wait(50)
    out = tmp_path / "backup-page.png"
    assert window.grab().save(str(out))
    print(out)


def test_daily_backup_at_start_runs_once_a_day_in_the_background(qtbot, store, context) -> None:
    from app.backup import service
    from ui.admin.backup import start_daily_backup

    PartyService(store, context.actor).create({"kind": "person", "name": "张伟"})
    start_daily_backup(context)
    assert context.tasks.active == 1  # off the GUI thread
    assert context.tasks.wait_all(30_000)
    (entry,) = service.list_backups(store.url)
    assert entry.kind == "daily" and entry.ok and entry.counts["party"] == 1
    start_daily_backup(context)  # the second start of the day: nothing
    assert context.tasks.active == 0
    assert len(service.list_backups(store.url)) == 1
