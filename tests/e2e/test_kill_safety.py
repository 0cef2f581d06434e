"""Crash safety: `kill -9` at random moments of a parties import, a complaints ledger import and the demo.

Each job is started as a real command in a subprocess and killed with SIGKILL
at a few moments while it works.  Afterwards the database passes
`PRAGMA integrity_check` and `audit verify`; it holds either none of the
killed import or all of it (an import is one transaction); and running the
import again ends with exactly the counts of one clean run (nothing twice).
The complaints ledger is large enough (> 512 KB) that its rows are read in a
second process (app/spreadsheets/background.py); that reader must not outlive
its killed parent.

Select them with `-m kill`; they run in the default test run too.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.fixtures.cli import run as run_here
from tests.fixtures.identities import chinese_name, org_codes, person_ids

pytestmark = [pytest.mark.kill, pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL and /proc")]

ROOT = Path(__file__).resolve().parents[2]
PARTIES_ROWS = 1500
LEDGER_ROWS = 11_000  # about 560 KB: above BACKGROUND_FROM_BYTES, so the reader runs in a second process


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env_for(data_dir),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_and_kill(args: list[str], data_dir: Path, after: float, *,
                   once_a_child_runs: bool = False) -> tuple[bool, list[int]]:
    """Start `main.py args`, SIGKILL it `after` seconds later — or, with `once_a_child_runs`, as
    soon as it has started a child process (at most `after` seconds).  (Whether it had already
    finished, the pids of its children at the moment of the kill.)"""
    process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env_for(data_dir),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + after
    while time.monotonic() < deadline and process.poll() is None:
        if once_a_child_runs and children_of(process.pid):
            time.sleep(0.5)  # let the reader get going
            break
        time.sleep(0.02)
    if process.poll() is not None:
        return True, []
    children = children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return False, children


def reap_orphans(children: list[int], lingering: list[int]) -> None:
    """The reader child must end with its parent; any left after 5 s is noted and killed."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.1)
    for pid in children:
        if alive(pid):
            lingering.append(pid)
            os.kill(pid, signal.SIGKILL)


def assert_intact(db: Path, data_dir: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    # the check runs in this process (the killed command is the child): the same command, no second start-up
    verified = run_here("audit", "verify", "--db", f"sqlite:///{db}", data_dir=data_dir)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        found = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    connection.close()
    return int(found)


def build_parties_file(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from app.parties.spreadsheet import COLUMNS, SHEET_NAME

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_NAME)
    ws.append([c.label for c in COLUMNS])
    for i, id_no in enumerate(person_ids(rows)):
        values = {"kind": "个人", "name": chinese_name(i), "id_type": "居民身份证", "id_no": id_no}
        ws.append([values.get(c.field) for c in COLUMNS])
    wb.save(path)


def build_ledger_file(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from app.complaints.spreadsheet import COLUMNS

    employers = list(org_codes(max(1, rows // 50)))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("投诉台账")
    ws.append([c.label for c in COLUMNS])
    for i, id_no in enumerate(person_ids(rows)):
        ws.append([
            date(2023, 1, 1) + timedelta(days=i % 360), "来访", "投诉", chinese_name(i), id_no, None, "是",
            f"贵州某建筑劳务有限公司{i % len(employers)}", employers[i % len(employers)], None,
            1000 + i % 9000, "拖欠工资", None, None, None,
        ])
    wb.save(path)


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "ledger.xlsx"
    build_ledger_file(path, LEDGER_ROWS)
    from app.complaints.spreadsheet import BACKGROUND_FROM_BYTES

    assert path.stat().st_size >= BACKGROUND_FROM_BYTES
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def migrated(tmp_path: Path, data_dir: Path) -> Path:
    """A database at the newest schema, by `db upgrade` in this process: a copy of the run's
    migrated template (tests/conftest.py), as a first start leaves it."""
    db = tmp_path / "district.db"
    assert run_here("db", "upgrade", "--db", f"sqlite:///{db}", data_dir=data_dir).returncode == 0
    return db


def kill_moments(first: float, last: float, n: int = 2) -> list[float]:
    """`n` random moments spread over [first, last] seconds after the start (one per equal slice)."""
    width = (last - first) / n
    return [round(random.uniform(first + i * width, first + (i + 1) * width), 2) for i in range(n)]


def test_killed_parties_import_keeps_all_or_nothing_and_runs_again(tmp_path: Path, data_dir: Path) -> None:
    rows = 300
    sheet = tmp_path / "parties.xlsx"
    build_parties_file(sheet, rows)
    db = migrated(tmp_path, data_dir)
    command = ["parties", "import", str(sheet), "--db", f"sqlite:///{db}"]
    for after in kill_moments(1.0, 6.0):
        finished, _ = start_and_kill(command, data_dir, after)
        assert_intact(db, data_dir)
        assert count(db, "party") in (0, rows), f"killed after {after} s"
        if finished or count(db, "party") == rows:
            break
    again = run(*command, data_dir=data_dir)
    if count(db, "party") == rows and again.returncode != 0:
        # the whole file went in before the kill: a second run of the same file is refused,
        # naming the first import (issue 13), and changes nothing
        assert "--again" in again.stderr and "Traceback" not in again.stderr
    else:
        assert again.returncode == 0, again.stderr
    assert count(db, "party") == rows
    assert_intact(db, data_dir)


def test_killed_ledger_import_keeps_all_or_nothing(tmp_path: Path, data_dir: Path, ledger_file: Path) -> None:
    db = migrated(tmp_path, data_dir)
    command = ["complaints", "import", str(ledger_file), "--db", f"sqlite:///{db}"]
    lingering: list[int] = []  # the reader outliving its parent is test_the_ledger_reader_ends_with_its_killed_parent's
    (after,) = kill_moments(2.0, 14.0, 1)
    finished, children = start_and_kill(command, data_dir, after)
    reap_orphans(children, lingering)
    assert_intact(db, data_dir)
    kept = count(db, "complaint")
    assert kept in (0, LEDGER_ROWS), f"killed after {after} s"
    if not kept:  # run again: one clean import's counts
        again = run(*command, data_dir=data_dir)
        assert again.returncode == 0, again.stderr
    assert count(db, "complaint") == LEDGER_ROWS
    assert count(db, "complaint_worker") == LEDGER_ROWS
    assert_intact(db, data_dir)


def test_the_ledger_reader_ends_with_its_killed_parent(tmp_path: Path, data_dir: Path, ledger_file: Path) -> None:
    db = migrated(tmp_path, data_dir)
    lingering: list[int] = []
    finished, children = start_and_kill(["complaints", "import", str(ledger_file), "--db", f"sqlite:///{db}"],
                                        data_dir, 60.0, once_a_child_runs=True)
    assert not finished and children, "killed before the reader started"
    reap_orphans(children, lingering)  # kills what is left, so nothing outlives the test
    assert lingering == []


def test_running_a_finished_ledger_import_again_adds_nothing(tmp_path: Path, data_dir: Path) -> None:
    # nothing is killed here: the three imports run in this process
    sheet = tmp_path / "small-ledger.xlsx"
    build_ledger_file(sheet, 20)
    db = migrated(tmp_path, data_dir)
    first = run_here("complaints", "import", str(sheet), "--db", f"sqlite:///{db}", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    again = run_here("complaints", "import", str(sheet), "--db", f"sqlite:///{db}", data_dir=data_dir)
    assert again.returncode != 0 and "Traceback" not in again.stderr  # the same file: refused, naming the first import
    forced = run_here("complaints", "import", str(sheet), "--again", "--db", f"sqlite:///{db}", data_dir=data_dir)
    assert forced.returncode == 4, forced.stderr  # asked for: every row refused as a case already registered
    assert count(db, "complaint") == 20


def test_killed_demo_leaves_an_intact_database(tmp_path: Path, data_dir: Path) -> None:
    """The demo writes through the services, one unit of work after another: what it leaves
    is a district cut short between two of them, audited and intact."""
    for n, after in enumerate(kill_moments(3.0, 12.0)):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        db = migrated(folder, data_dir)
        finished, _ = start_and_kill(["demo", "--year", "2023", "--db", f"sqlite:///{db}"], data_dir, after)
        assert not finished, "the demo ended before it was killed"
        assert_intact(db, data_dir)
