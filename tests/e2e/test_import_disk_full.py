"""Disk full during an import (issue 13): one line naming the cause, the database unchanged, no log
spam, no `ZipFile.__del__` noise — for every importer, the ledger's two-process path included.

The disk fills for real, as far as SQLite is concerned: every connection the program opens is capped
at the pages the file already has (`PRAGMA max_page_count`), so the first write needing a new page
fails with SQLITE_FULL ("database or disk is full") — no root, no mounts, no fixed paths.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.fixtures.identities import make_id
from tests.unit.test_import_hostile import USCC, docket_file, ledger_file, parties_file

ROOT = Path(__file__).resolve().parents[2]
ROWS = 400  # more rows than the pages a fresh database has free

CAP = (
    "import sqlalchemy.event, app.store.engine as engine\n"
    "make = engine.make_engine\n"
    "def capped(url):\n"
    "    e = make(url)\n"
    "    sqlalchemy.event.listen(e, 'connect', lambda c, r: c.execute(\n"
    "        'PRAGMA max_page_count=' + str(c.execute('PRAGMA page_count').fetchone()[0])))\n"
    "    return e\n"
    "engine.make_engine = capped\n"
)
TABLES = ("party", "complaint", "arbitration_case", "officer", "import_batch", "import_row_key", "audit_entry")


def run(*args: str, data_dir: Path, extra_code: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-c", extra_code + "\nimport sys, main\nsys.exit(main.main(sys.argv[1:]))", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300)


def _state(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as connection:
        state: dict[str, object] = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        state["head"] = connection.execute("SELECT last_seq, last_hash FROM audit_head").fetchone()
    connection.close()
    return state


def _people(path: Path) -> Path:
    parties_file(path)
    wb = openpyxl.load_workbook(path)
    for i in range(ROWS):
        wb["当事人"].append(["个人", f"人{i}", None, make_id("520102", "19700101", 100 + 2 * i)])
    wb.save(path)
    return path


def _ledger(path: Path) -> Path:
    ledger_file(path)
    wb = openpyxl.load_workbook(path)
    for i in range(ROWS):
        wb["投诉台账"].append([date(2023, 5, 1 + i % 28), "来访", "投诉", f"人{i}", make_id("520102", "19700101", 100 + 2 * i),
                             None, "是", "贵州某建筑劳务有限公司", USCC, None, 1000 + i])
    wb.save(path)
    return path


def _docket(path: Path) -> Path:
    docket_file(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["仲裁案件"]
    for i in range(ROWS):
        row = 5 + i
        ws.cell(row=row, column=1, value=date(2023, 4, 1 + i % 28))
        ws.cell(row=row, column=2, value=f"人{i}")
        ws.cell(row=row, column=3, value=make_id("520102", "19700101", 100 + 2 * i))
        ws.cell(row=row, column=4, value="某公司")
        ws.cell(row=row, column=7, value=f"劳动报酬:{1000 + i}")
    wb.save(path)
    return path


def _roster(path: Path) -> Path:
    from app.spreadsheets import staff

    staff.write_template(path)
    wb = openpyxl.load_workbook(path)
    for i in range(ROWS):
        wb[staff.SHEET_NAME].append([f"人{i}", make_id("520102", "19700101", 100 + 2 * i)])
    wb.save(path)
    return path


IMPORTS = {
    "parties": (_people, ""),
    "complaints": (_ledger, ""),
    # the ledger read and prepared in a second process while this one writes (large files take that path)
    "complaints-two-processes": (_ledger, "import app.spreadsheets.complaints as c; c.BACKGROUND_FROM_BYTES = 0\n"),
    "arbitration": (_docket, ""),
    "staff": (_roster, ""),
}


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_an_import_onto_a_full_disk_says_so_in_one_line_and_changes_nothing(name: str, tmp_path: Path) -> None:
    make, extra = IMPORTS[name]
    data_dir = tmp_path / "data"
    db = tmp_path / "district.db"
    assert run("db", "upgrade", "--db", f"sqlite:///{db}", data_dir=data_dir).returncode == 0
    before = _state(db)
    log = data_dir / "logs" / "renshe-desk.log"
    log_before = log.read_text(encoding="utf-8").count("\n")
    path = make(tmp_path / f"{name}.xlsx")
    command = name.split("-")[0]

    done = run("--lang", "en", command, "import", str(path), "--db", f"sqlite:///{db}", data_dir=data_dir,
               extra_code=CAP + extra)

    assert done.returncode == 2, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stderr.strip() == "error: The disk is full; nothing was saved.", done.stderr[-3000:]
    assert "Exception ignored" not in done.stderr and "ZipFile" not in done.stderr
    assert "imported" not in done.stdout  # no report of rows that were never saved
    assert _state(db) == before
    written = log.read_text(encoding="utf-8").splitlines()[log_before:]
    assert not [line for line in written if "ERROR" in line or "Traceback" in line or "Logging error" in line]
    assert len(written) < 20, written  # the import logs its start-up lines, not one per row
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == []
