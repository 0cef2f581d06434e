"""The command line on a database it cannot or must not use: one line, a non-zero exit, nothing made.

A read-only command never creates a database; a damaged file, a text file, a
folder, a locked, full or forbidden file, a network share and a fault in the
program itself each give one line in the user's language — never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

READ_ONLY_COMMANDS = {
    "audit verify": ["audit", "verify"],
    "report yearly": ["report", "yearly", "--year", "2023"],
    "parties export": ["parties", "export", "--out", "{out}/parties.xlsx"],
    "complaints export": ["complaints", "export", "--out", "{out}/complaints.xlsx"],
    "arbitration export": ["arbitration", "export", "--out", "{out}/docket.xlsx"],
    "arbitration desk": ["arbitration", "desk"],
    "arbitration counts": ["arbitration", "counts", "2023"],
    "deadline": ["deadline", "A9", "2024-01-02"],
}


def run(
    *args: str, data_dir: Path, stdin: str | None = None, extra_code: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "main.py", *args]
    if extra_code is not None:  # run main.py's main() after some set-up code (a planted bug)
        command = [sys.executable, "-c", extra_code + "\nimport sys, main\nsys.exit(main.main(sys.argv[1:]))", *args]
    if cwd is not None:
        env["PYTHONPATH"] = str(ROOT)
        command[1:2] = [str(ROOT / "main.py")] if extra_code is None else command[1:2]
    return subprocess.run(command, cwd=cwd or ROOT, env=env, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def migrated(tmp_path: Path, data_dir: Path) -> Path:
    path = tmp_path / "district.db"
    assert run("db", "upgrade", "--db", f"sqlite:///{path}", data_dir=data_dir).returncode == 0
    return path


@pytest.mark.parametrize("command", sorted(READ_ONLY_COMMANDS))
def test_a_read_only_command_on_a_missing_database_says_so_and_creates_nothing(
    command: str, tmp_path: Path, data_dir: Path
) -> None:
    missing = tmp_path / "nowhere" / "renshe.db"
    args = [a.replace("{out}", str(tmp_path)) for a in READ_ONLY_COMMANDS[command]]
    done = run(*args, "--db", f"sqlite:///{missing}", data_dir=data_dir)
    assert one_line(done) == f"错误: 数据库不存在：{missing}。请检查 --db 给出的路径；如需新建数据库，请运行 db upgrade。"
    assert done.returncode == 2
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no export written either


def test_missing_database_in_english_and_db_upgrade_creates_it(tmp_path: Path, data_dir: Path) -> None:
    missing = tmp_path / "new" / "renshe.db"
    done = run("--lang", "en", "audit", "verify", "--db", f"sqlite:///{missing}", data_dir=data_dir)
    assert one_line(done).startswith(f"error: There is no database at {missing}.")
    assert not missing.parent.exists()
    assert run("db", "upgrade", "--db", f"sqlite:///{missing}", data_dir=data_dir).returncode == 0
    assert run("audit", "verify", "--db", f"sqlite:///{missing}", data_dir=data_dir).returncode == 0


def test_a_text_file_is_not_a_database(tmp_path: Path, data_dir: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("会议记录\n" * 100, encoding="utf-8")
    done = run("audit", "verify", "--db", f"sqlite:///{notes}", data_dir=data_dir)
    assert one_line(done) == f"错误: 文件 {notes} 已损坏或不是本程序的数据库，请从备份恢复。"
    assert notes.read_text(encoding="utf-8") == "会议记录\n" * 100  # untouched
    assert not Path(f"{notes}-wal").exists()


def test_a_damaged_database(migrated: Path, data_dir: Path) -> None:
    with sqlite3.connect(migrated) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with migrated.open("r+b") as damaged:  # every page after the schema page overwritten
        size = damaged.seek(0, os.SEEK_END)
        damaged.seek(page_size)
        damaged.write(b"\xa5" * (size - page_size))
    for lang, expected in (("zh_CN", "已损坏或不是本程序的数据库"), ("en", "is damaged or is not a database")):
        done = run("--lang", lang, "report", "yearly", "--year", "2023", "--db", f"sqlite:///{migrated}", data_dir=data_dir)
        assert expected in one_line(done)


def test_a_folder_given_as_the_database(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "db-folder"
    folder.mkdir()
    done = run("--lang", "en", "audit", "verify", "--db", f"sqlite:///{folder}", data_dir=data_dir)
    assert one_line(done) == f"error: {folder} is a folder, not a database file. Give the path of the database file itself."


def test_a_database_on_a_network_share_is_refused(tmp_path: Path, data_dir: Path) -> None:
    # A UNC path (the Linux mount and Windows drive branches: tests/unit/test_store_location.py).
    share = r"\\fileserver\office\renshe.db"
    done = run("db", "upgrade", "--db", f"sqlite:///{share}", data_dir=data_dir, cwd=tmp_path)
    line = one_line(done)
    assert line.startswith(f"错误: 数据库 {share} 位于网络共享位置。") and "PostgreSQL" in line
    done = run("--lang", "en", "audit", "verify", "--db", f"sqlite:///{share}", data_dir=data_dir, cwd=tmp_path)
    assert "SQLite's locks and its write-ahead log do not work over a network" in one_line(done)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_locked_database_asks_to_try_again(migrated: Path, data_dir: Path) -> None:
    holder = sqlite3.connect(migrated, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        done = run("--lang", "en", "users", "add", "clerk", "--role", "admin", "--db", f"sqlite:///{migrated}",
                   data_dir=data_dir, stdin="correct horse 9\n")
    finally:
        holder.rollback()
        holder.close()
    assert one_line(done) == "error: The database is busy; please try again."


def test_a_full_database_disk(migrated: Path, data_dir: Path) -> None:
    # SQLite's own "database or disk is full", made by capping the file's pages on every connection.
    cap = (
        "import sqlalchemy.event, app.store.engine as engine\n"
        "make = engine.make_engine\n"
        "def capped(url):\n"
        "    e = make(url)\n"
        "    sqlalchemy.event.listen(e, 'connect', lambda c, r: c.execute(\n"
        "        'PRAGMA max_page_count=' + str(c.execute('PRAGMA page_count').fetchone()[0])))\n"
        "    return e\n"
        "engine.make_engine = capped\n"
    )
    done = run("--lang", "en", "users", "add", "clerk", "--role", "admin", "--display-name", "办" * 20_000,
               "--db", f"sqlite:///{migrated}", data_dir=data_dir, stdin="correct horse 9\n", extra_code=cap)
    assert one_line(done) == "error: The disk is full; nothing was saved."
    with sqlite3.connect(migrated) as connection:
        assert connection.execute("SELECT count(*) FROM app_user").fetchone()[0] == 0
    connection.close()


def test_a_fault_in_the_program_prints_one_line_and_the_log_file(migrated: Path, data_dir: Path) -> None:
    bug = "import app.accounts.cli as accounts\naccounts._verify = lambda args: {}['no such key']"
    done = run("audit", "verify", "--db", f"sqlite:///{migrated}", data_dir=data_dir, extra_code=bug)
    line = one_line(done)
    log = data_dir / "logs" / "renshe-desk.log"
    assert line == f"错误: 程序发生意外错误，未完成的操作没有保存。详细信息见日志文件 {log}。"
    assert done.returncode == 70
    assert "KeyError: 'no such key'" in log.read_text(encoding="utf-8")
