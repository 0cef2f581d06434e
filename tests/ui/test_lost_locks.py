"""The lost-locks corruption of issue 11, reproduced: the program's file dialog beside an open database.

What it reproduces: the program has its SQLite store open, with a read
transaction; the program's own file dialog lists the database's folder in the
same process; a second process (a command run next to the program) writes and
reads.  Before the fix, Qt's dialog asked QMimeDatabase for each file's type,
which opened and closed the database, its -wal and its -shm to sniff their
content — and closing any descriptor of a file drops every POSIX lock the
process holds on it.  The program's locks vanished from /proc/locks; the
second process then believed itself alone, checkpointed and deleted the WAL
the program still used, and the program's next write went into the deleted
file: lost, and later "database disk image is malformed".

Run against the old dialog (`old_dialog` below, Qt's plain widget dialog),
the locks go from 3 to 0 and the whole sequence fails where the second
process should see the program's later write (it counted 3 rows, not 4: the
write went into the deleted WAL).  The "old" case here checks only the first
half — that Qt's plain dialog still drops the locks — so the test keeps
proving it can fail.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy import text

from ui import file_dialogs

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads the kernel's lock table")

SECOND_PROCESS = textwrap.dedent(
    """
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("INSERT INTO probe (who) VALUES (?)", (sys.argv[2],))
    print(connection.execute("SELECT count(*) FROM probe").fetchone()[0])
    connection.close()  # the last connection, it believes: checkpoints and deletes the WAL
    """
)


def locks_held(path: Path) -> int:
    """POSIX locks this process holds on the database and its -shm (from /proc/locks)."""
    inodes = {os.stat(p).st_ino for p in (path, Path(f"{path}-shm")) if p.exists()}
    held = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields:  # a waiting lock
            continue
        if len(fields) >= 6 and fields[4] == str(os.getpid()) and int(fields[5].split(":")[2]) in inodes:
            held += 1
    return held


def old_dialog(parent: QWidget | None, caption: str, start: str, name_filter: str, *, save: bool) -> QFileDialog:
    """Qt's dialog as the program used it before the fix (non-native, as offscreen and many Linux desktops give)."""
    dialog = QFileDialog(parent, caption, start, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def list_folder(qtbot, make_dialog: Callable[..., QFileDialog], folder: Path) -> None:
    """Show a save dialog on `folder` in the detail view until it has listed (and typed) every file."""
    dialog = make_dialog(None, "Save", str(folder / "report.pdf"), "All files (*)", save=True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.setDirectory(str(folder))
    view = dialog.findChild(QWidget, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) >= 1, timeout=5000)
    qtbot.wait(500)  # the icon and type of each row are asked for while the view paints
    dialog.reject()
    dialog.deleteLater()


def probe_store(store) -> Path:
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE probe (id INTEGER PRIMARY KEY, who TEXT NOT NULL)"))
        connection.execute(text("INSERT INTO probe (who) VALUES ('program, before')"))
    return Path(store.engine.url.database)


@pytest.mark.parametrize("dialog", ["program", "old"])
def test_the_file_dialog_beside_an_open_database_corrupts_nothing(qtbot, store, tmp_path, dialog) -> None:
    db = probe_store(store)
    (tmp_path / "notes.txt").write_text("a file the dialog lists")
    reader = store.engine.connect()
    reader.begin()
    assert reader.execute(text("SELECT count(*) FROM probe")).scalar_one() == 1  # a read transaction, held
    before = locks_held(db)
    assert before >= 1

    list_folder(qtbot, file_dialogs.make_file_dialog if dialog == "program" else old_dialog, tmp_path)
    kept = locks_held(db)
    if dialog == "old":
        # The check that this test can fail: the old dialog still drops the locks.
        assert kept < before, "Qt's plain dialog no longer sniffs files; the 'old' case proves nothing now"
        reader.close()
        return
    assert kept == before

    assert run_second_process(db, "second process, first run") == 2
    reader.rollback()
    reader.close()
    with store.engine.begin() as connection:  # the program writes on after the other process
        connection.execute(text("INSERT INTO probe (who) VALUES ('program, after')"))
    assert run_second_process(db, "second process, second run") == 4  # it sees the program's write
    store.dispose()

    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        who = [row[0] for row in check.execute("SELECT who FROM probe ORDER BY id")]
    finally:
        check.close()
    assert who == ["program, before", "second process, first run", "program, after", "second process, second run"]


def run_second_process(db: Path, who: str) -> int:
    """Another program on the same PC writes a row, reads the count and closes; the count."""
    done = subprocess.run([sys.executable, "-c", SECOND_PROCESS, str(db), who], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def test_the_program_dialog_hides_and_refuses_database_files(qtbot, tmp_path, monkeypatch) -> None:
    for name in ("renshe.db", "renshe.db-wal", "renshe.db-shm", "old.sqlite3", "notes.txt"):
        (tmp_path / name).write_text("x")
    dialog = file_dialogs.make_file_dialog(None, "Open", str(tmp_path), "All files (*)", save=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.findChild(QWidget, "listView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) >= 1, timeout=5000)
    shown = {model.index(r, 0, view.rootIndex()).data() for r in range(model.rowCount(view.rootIndex()))}
    assert shown == {"notes.txt"}
    dialog.reject()

    refused: list[Path] = []
    monkeypatch.setattr(file_dialogs, "_refuse_database", lambda parent, path: refused.append(path))
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QFileDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(tmp_path / "renshe.db")])
    assert file_dialogs.choose_open_path(None, "Attach", "All files (*)") is None
    assert refused == [tmp_path / "renshe.db"]


def test_the_backup_chooser_shows_backup_files_and_still_never_opens_them(qtbot, tmp_path) -> None:
    from ui.file_dialogs import HideDatabaseFiles, NameOnlyIconProvider, make_file_dialog

    (tmp_path / "renshe-desk-2023.db").write_bytes(b"")
    listing = make_file_dialog(None, "restore", str(tmp_path), "Backups (*.db *.bak)", save=False, show_databases=True)
    qtbot.addWidget(listing)
    assert not isinstance(listing.proxyModel(), HideDatabaseFiles)  # a backup is a database file: shown
    assert isinstance(listing.iconProvider(), NameOnlyIconProvider)  # but typed by its name only
    saving = make_file_dialog(None, "export", str(tmp_path / "x.xlsx"), "Excel (*.xlsx)", save=True)
    qtbot.addWidget(saving)
    assert isinstance(saving.proxyModel(), HideDatabaseFiles)
