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
from tests.fixtures.import_files import USCC, docket_file, ledger_file, parties_file

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
    from app.staff import spreadsheet as staff

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
    "complaints-two-processes": (_ledger, "import app.complaints.spreadsheet as c; c.BACKGROUND_FROM_BYTES = 0\n"),
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


# ---------------------------------------------------------------- exports to a destination that fills up

# The kernel refuses every write past 64 KB (RLIMIT_FSIZE; SIGXFSZ ignored, so write() fails with EFBIG):
# the export's rows no longer fit where they are written — a real write failure, no root needed.
FILE_LIMIT = (
    "import resource, signal\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))\n"
)


@pytest.fixture(scope="module")
def register_of_3000(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("register")
    people = parties_file(folder / "people.xlsx")
    wb = openpyxl.load_workbook(people)
    for i in range(3000):
        wb["当事人"].append(["个人", f"人{i}", None, make_id("520102", f"19{70 + i // 300}0101", 100 + i % 300)])
    wb.save(people)
    data_dir = folder / "data"
    db = folder / "district.db"
    done = run("parties", "import", str(people), "--db", f"sqlite:///{db}", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return db, data_dir


@pytest.mark.parametrize(("suffix", "line"), [
    # the xlsx's rows are streamed into a working file in the private folder first: that is what fills up
    ("xlsx", "error: The export's working file in {tmp}/"),
    ("pdf", "error: Cannot write the file {out}: File too large"),
])
def test_an_export_that_cannot_be_written_says_so_in_one_line_and_leaves_nothing(
    suffix: str, line: str, register_of_3000: tuple[Path, Path], tmp_path: Path
) -> None:
    db, data_dir = register_of_3000
    out = tmp_path / f"register.{suffix}"
    before = _state(db)
    done = run("--lang", "en", "parties", "export", "--out", str(out), "--db", f"sqlite:///{db}", data_dir=data_dir,
               extra_code=FILE_LIMIT)
    assert done.returncode == 2, done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr[-3000:]
    assert done.stderr.startswith(line.format(tmp=data_dir / "tmp", out=out)), done.stderr
    assert "Exception ignored" not in done.stderr and "ZipFile" not in done.stderr and done.stdout == ""
    assert list(tmp_path.iterdir()) == []  # neither the file nor its .part
    assert [p for p in (data_dir / "tmp").rglob("*") if p.is_file()] == []  # no working file with the rows left
    after = _state(db)
    if suffix == "xlsx":
        assert after == before  # the rows never all fitted: no export took place, none is recorded
    else:  # the PDF is laid out, audited, then written: the entry records the attempt (app.kernel.exports)
        assert after["audit_entry"] == before["audit_entry"] + 1


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # "Exception ignored in …"
def test_a_full_disk_while_the_workbook_is_saved_is_named_and_leaves_no_noise(tmp_path: Path, monkeypatch) -> None:
    """ENOSPC itself (which only a really full disk gives) in the middle of writing the zip: "the disk is
    full", naming the file; no .part left, no ZipFile or row generator finalised later with noise."""
    import errno
    import gc

    from openpyxl.writer.excel import ExcelWriter

    from app.errors import UserError
    from app.spreadsheets.writer import new_workbook, save_workbook

    written = ExcelWriter.write_data

    def fills_up(self: ExcelWriter) -> None:
        self._archive.writestr("docProps/app.xml", b"<x/>" * 1000)  # some of it went out
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "write_data", fills_up)
    wb = new_workbook(write_only=True)
    sheet = wb.create_sheet("名册")
    for i in range(100):
        sheet.append([f"人{i}", make_id("520102", "19700101", 100 + i)])
    with pytest.raises(UserError) as caught:
        save_workbook(wb, tmp_path / "register.xlsx")
    assert caught.value.code == "file.disk_full"
    assert caught.value.message() == f"磁盘已满，未能写入 {tmp_path / 'register.xlsx'}。"
    assert list(tmp_path.iterdir()) == []
    del wb, sheet
    gc.collect()  # anything left open would complain now
    monkeypatch.setattr(ExcelWriter, "write_data", written)


def test_a_disk_too_full_for_the_log_too_gives_one_line_not_a_traceback_per_log_line(tmp_path: Path) -> None:
    """When the log cannot be written either, its lines are dropped: before, every log call printed
    "--- Logging error ---" and a traceback (hundreds of lines for one import)."""
    data_dir = tmp_path / "data"
    db = tmp_path / "district.db"
    assert run("db", "upgrade", "--db", f"sqlite:///{db}", data_dir=data_dir).returncode == 0
    before = _state(db)
    log = data_dir / "logs" / "renshe-desk.log"
    size = log.stat().st_size  # nothing more fits: not in the log, not in the database's journal
    limit = (
        "import resource, signal\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size}, {size}))\n"
    )
    path = _people(tmp_path / "people.xlsx")
    done = run("--lang", "en", "parties", "import", str(path), "--db", f"sqlite:///{db}", data_dir=data_dir,
               extra_code=limit)
    assert done.returncode == 2, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "disk" in done.stderr, done.stderr[-3000:]
    assert log.stat().st_size == size
    assert _state(db) == before
