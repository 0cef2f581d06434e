"""A damaged database at start-up: a dialog in Chinese offering the newest backup
that verified; without dialogs one line and a non-zero exit."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.backup import service
from app.backup.check import quick_check
from app.parties.service import PartyService
from app.store import open_store
from tests.conftest import make_actor
from ui.damaged_database import DamagedDatabaseDialog, check_at_start

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
ROOT = Path(__file__).resolve().parents[2]


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
def damaged(tmp_path: Path) -> tuple[str, Path]:
    """A database with two parties and a verified backup, closed, then garbage written into its pages."""
    path = tmp_path / "office.db"
    url = f"sqlite:///{path}"
    store = open_store(url)
    parties = PartyService(store, make_actor("intake"))
    parties.create({"kind": "person", "name": "张伟"})
    parties.create({"kind": "person", "name": "李娜"})
    entry = service.make_daily(url)
    assert entry is not None and entry.ok
    parties.create({"kind": "person", "name": "王芳"})  # after the backup: lost by the restore
    store.dispose()
    assert not path.with_name("office.db-wal").exists()  # closed: the test writes to a file nobody has open
    with open(path, "r+b") as raw:
        for offset in range(4096, path.stat().st_size, 4096):
            raw.seek(offset + 64)
            raw.write(os.urandom(1000))
    return url, Path(entry.file)


def names(path: Path) -> list[str]:
    with sqlite3.connect(path.as_uri() + "?mode=ro", uri=True) as connection:
        return [n for (n,) in connection.execute("SELECT name FROM party ORDER BY id")]


def test_restore_the_newest_backup_and_go_on(qtbot, damaged, monkeypatch, capsys) -> None:
    url, backup = damaged
    asked = []
    monkeypatch.setattr(
        DamagedDatabaseDialog, "ask",
        classmethod(lambda cls, parent, problem, entry, language: asked.append((problem, entry)) or True),
    )
    assert check_at_start(url, "zh_CN", True) is True
    problem, entry = asked[0]
    assert "已损坏" in problem and entry.file == str(backup)
    path = Path(url.removeprefix("sqlite:///"))
    assert names(path) == ["张伟", "李娜"]
    (kept,) = [p for p in path.parent.glob("office.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert quick_check(kept) is not None  # the damaged file, kept as it was
    store = open_store(url)  # start-up goes on: the store opens and the audit chain verifies
    try:
        from app.audit import chain as audit

        with store.read() as session:
            assert audit.verify(session).ok
    finally:
        store.dispose()
    assert check_at_start(url, "zh_CN", True) is True  # sound now: no question
    assert len(asked) == 1


def test_quit_leaves_the_file_as_it_is(qtbot, damaged, monkeypatch) -> None:
    url, _backup = damaged
    path = Path(url.removeprefix("sqlite:///"))
    before = path.read_bytes()  # the test reading its own closed file
    monkeypatch.setattr(DamagedDatabaseDialog, "ask", classmethod(lambda cls, *args: False))
    assert check_at_start(url, "zh_CN", True) is False
    assert path.read_bytes() == before and not list(path.parent.glob("office.db.damaged-*"))


def test_without_dialogs_one_line_and_non_zero_exit(damaged, tmp_path: Path) -> None:
    url, _backup = damaged
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = os.environ["RENSHE_DATA_DIR"]
    env["PYTHONIOENCODING"] = "utf-8"
    env["QT_QPA_PLATFORM"] = "offscreen"
    for flag in ("--smoke-test", "--no-err-windows"):
        done = subprocess.run(
            [sys.executable, "main.py", flag, "--db", url], cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert done.returncode == 1, done.stderr
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("错误: ")
        assert "已损坏" in lines[0] or "不是数据库" in lines[0]


def test_dialog_screenshot(qtbot, damaged, chinese, tmp_path: Path) -> None:
    url, _backup = damaged
    entry = service.newest_good_backup(url)
    problem = f"{url.removeprefix('sqlite:///')} 已损坏（SQLite 完整性检查未通过）。"
    dialog = DamagedDatabaseDialog(None, problem, entry, "zh_CN")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "数据库已损坏"
    assert dialog.restore_button is not None and dialog.restore_button.text() == "恢复此备份并继续"
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "damaged-dialog.png"
    assert dialog.grab().save(str(out))
    print(out)
    none = DamagedDatabaseDialog(None, problem, None, "zh_CN")
    qtbot.addWidget(none)
    assert none.restore_button is None and "没有找到" in none.informativeText()
