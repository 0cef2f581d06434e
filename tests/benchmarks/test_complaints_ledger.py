"""Complaints ledger benchmarks (issue 5): import a 100,000-row ledger and export
the 1,000,000-row wage-recovery ledger, each against the fastest bare path doing the
same work in the same run: for the import, the program's own reader (calamine)
plus one raw sqlite3 `executemany` of the rows; for the export, a bare openpyxl
write-only workbook of the same rows.

Each side runs in its own child process, so its time and peak RSS are its own
(`python -m tests.benchmarks.test_complaints_ledger SIDE …` prints one JSON
line).  The program's import is `import_ledger_file`, exactly as the window and
the command line call it: for a file this large it reads and prepares the rows
in a second process (app/spreadsheets/background.py), so its memory is
sampled over both processes together (`_TreeMemory`), and its time is the wall
clock of the whole import — on this 2-core machine the two halves overlap.  Inputs are built
once, in the `bench_folder` (cached in $RENSHE_BENCH_DIR for the timed run).  Row counts:
`bench_rows` / 10 to import and `bench_rows` to export (100,000 and 1,000,000 timed; 1,000
and 10,000 in the untimed default run), or RENSHE_BENCH_IMPORT_ROWS / RENSHE_BENCH_LEDGER_ROWS.  Run with: pytest tests/benchmarks/test_complaints_ledger.py --benchmark-enable -s
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKERS_PER_CASE = 4
BUILDER_VERSION = 1
TARGET_RATIO = 1.5


@pytest.fixture
def import_rows(bench_rows: int) -> int:
    return int(os.environ.get("RENSHE_BENCH_IMPORT_ROWS") or bench_rows // 10)


@pytest.fixture
def ledger_rows(bench_rows: int) -> int:
    return int(os.environ.get("RENSHE_BENCH_LEDGER_ROWS") or bench_rows)


def _peak_mb() -> float:
    """This process's own peak RSS.  VmHWM, not ru_maxrss: Linux carries ru_maxrss
    over an exec from the parent (here the whole pytest process)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- inputs
def build_import_file(path: Path, rows: int) -> None:
    """A filled complaints-ledger template of `rows` rows (write-only, streamed)."""
    from openpyxl import Workbook

    from app.complaints.spreadsheet import COLUMNS
    from tests.fixtures.identities import chinese_name, org_codes, person_ids

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


def build_ledger_db(path: Path, rows: int) -> None:
    """A migrated database with `rows` complaint-worker rows (bulk sqlite3 inserts)."""
    from app.store.migrate import upgrade
    from tests.fixtures.identities import chinese_name, person_ids

    upgrade(f"sqlite:///{path}", backup_first=None)
    cases = rows // WORKERS_PER_CASE
    stamp = "2023-12-31 00:00:00.000000"

    def common(i: int) -> tuple[int, str, int, str, str]:
        return (i, uuid.uuid4().hex, 1, stamp, stamp)

    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    cols = "id, uuid, version, created_at, updated_at"
    employers = max(1, cases // 50)
    con.executemany(
        f"INSERT INTO party ({cols}, kind, name, uscc, is_migrant_worker) VALUES (?,?,?,?,?,'org',?,?,0)",
        (common(i + 1) + (f"贵州某建筑劳务有限公司{i}", f"91520102MA{i:08d}") for i in range(employers)),
    )
    first_person = employers + 1
    con.executemany(
        f"INSERT INTO party ({cols}, kind, name, id_type, id_no, is_migrant_worker) "
        "VALUES (?,?,?,?,?,'person',?,'resident_id',?,1)",
        (common(first_person + i) + (chinese_name(i), id_no) for i, id_no in enumerate(person_ids(rows))),
    )
    start = date(2023, 1, 1)

    def complaint(i: int) -> tuple[Any, ...]:
        day = start + timedelta(days=i % 360)
        return common(i + 1) + (
            f"某区人社监投字〔2023〕第{i + 1}号", f"某区人社监立字〔2023〕第{i + 1}号", "complaint", "visit",
            f"{day.isoformat()} 01:00:00.000000", day.isoformat(), "bench", first_person + i * WORKERS_PER_CASE,
            "拖欠工资", "investigating", day.isoformat(), day.isoformat(),
        )

    con.executemany(
        f"INSERT INTO complaint ({cols}, number, case_no, kind, channel, received_at, received_on, received_by, "
        "complainant_id, anonymous, matters, requests, evidence, status, extension_days, publish_required, "
        "decided_on, filed_on) VALUES (" + "?," * 13 + "0,?,'','',?,0,0,?,?)",
        (complaint(i) for i in range(cases)),
    )
    con.executemany(
        f"INSERT INTO complaint_employer ({cols}, complaint_id, party_id, role) VALUES (?,?,?,?,?,?,?,'employer')",
        (common(i + 1) + (i + 1, 1 + i % employers) for i in range(cases)),
    )
    con.executemany(
        f"INSERT INTO complaint_worker ({cols}, complaint_id, party_id, owed_fen) VALUES (?,?,?,?,?,?,?,?)",
        (common(i + 1) + (i // WORKERS_PER_CASE + 1, first_person + i, 500_000 + i % 1000) for i in range(rows)),
    )
    con.executemany(
        f"INSERT INTO wage_payment ({cols}, complaint_id, worker_id, paid_on, amount_fen, method, note) "
        "VALUES (?,?,?,?,?,?,?,?,?,'','')",
        (common(i + 1) + (i // WORKERS_PER_CASE + 1, i + 1, "2023-12-01", 250_000) for i in range(0, rows, 2)),
    )
    con.commit()
    con.close()


def _cached(directory: Path, name: str, build: Any, size: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    from app.store.migrate import head_revision

    path = directory / f"{name}-{size}-{head_revision()}-v{BUILDER_VERSION}{'.xlsx' if name == 'ledger-import' else '.db'}"
    if not path.exists():
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        build(partial, size)
        partial.replace(path)
    return path


# ---------------------------------------------------------------- the sides (child processes)
def side_import_program(xlsx: Path, db: Path) -> int:
    from app.accounts.actor import setup_actor
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import import_ledger_file
    from app.store import open_store

    global _TREE
    store = open_store(f"sqlite:///{db}", backup=False)  # migrated before the clock starts
    _TREE = _TreeMemory()
    started = time.perf_counter()
    report, _read = import_ledger_file(ComplaintService(store, setup_actor(), today=lambda: date(2024, 1, 1)), xlsx)
    _report(time.perf_counter() - started, report.imported)
    store.dispose()
    return report.imported


def side_import_bare(xlsx: Path, db: Path) -> int:
    """The floor of the import: the program's reader (calamine) and one raw executemany of every
    row into a table of the sheet's columns, with the program's durability (WAL, synchronous=FULL)."""
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(xlsx))
    rows = workbook.get_sheet_by_index(0).to_python()
    header, body = rows[0], rows[1:]
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(f"c{i}" for i in range(len(header)))
    connection.execute(f"CREATE TABLE ledger_row (id INTEGER PRIMARY KEY, {columns})")
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO ledger_row ({columns}) VALUES ({', '.join('?' * len(header))})",
                           [tuple(str(v) if isinstance(v, date) else v for v in row) for row in body])
    connection.execute("COMMIT")
    n = connection.execute("SELECT count(*) FROM ledger_row").fetchone()[0]
    connection.close()
    workbook.close()
    _report(time.perf_counter() - started, n)
    return n


def side_export_program(db: Path, out: Path) -> int:
    from app.accounts.actor import anonymous_reader
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import export_ledger
    from app.store import open_store

    store = open_store(f"sqlite:///{db}", backup=False)
    started = time.perf_counter()
    rows = export_ledger(ComplaintService(store, anonymous_reader()).ledger(), out)
    _report(time.perf_counter() - started, rows)
    store.dispose()
    return rows


BARE_LEDGER_SQL = """
SELECT c.number, c.case_no, c.received_on, c.status,
       (SELECT p.name FROM complaint_employer e JOIN party p ON p.id = e.party_id
         WHERE e.complaint_id = c.id ORDER BY e.id LIMIT 1),
       NULL, wp.name, wp.id_no, wp.is_migrant_worker, w.owed_fen,
       (SELECT coalesce(sum(amount_fen), 0) FROM wage_payment WHERE worker_id = w.id),
       (SELECT max(paid_on) FROM wage_payment WHERE worker_id = w.id)
FROM complaint c JOIN complaint_worker w ON w.complaint_id = c.id JOIN party wp ON wp.id = w.party_id
ORDER BY c.received_on DESC, c.id DESC, w.id DESC
"""


def side_export_bare(db: Path, out: Path) -> int:
    """The same rows (same SQL shape) straight from sqlite3 into a write-only openpyxl sheet."""
    from openpyxl import Workbook

    from app.complaints.spreadsheet import LEDGER_HEADERS

    started = time.perf_counter()
    con = sqlite3.connect(db)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("追欠台账")
    ws.append(list(LEDGER_HEADERS))
    n = 0
    for r in con.execute(BARE_LEDGER_SQL):
        ws.append([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], "是" if r[8] else "否",
                   r[9] / 100, r[10] / 100, (r[9] - r[10]) / 100, r[11]])
        n += 1
    wb.save(out)
    con.close()
    _report(time.perf_counter() - started, n)
    return n


class _TreeMemory:
    """The largest total resident memory of this process and its children, sampled every 20 ms.

    A large ledger is read and prepared by a child process (app/spreadsheets/background.py);
    the memory an import needs is what both hold at the same time.
    """

    def __init__(self) -> None:
        import threading

        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def _rss_mb(pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    @staticmethod
    def _children(pid: int) -> list[int]:
        try:
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.02):
            total = self._rss_mb(me) + sum(self._rss_mb(c) for c in self._children(me))
            self.peak_mb = max(self.peak_mb, total)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.peak_mb, _peak_mb())


_TREE: _TreeMemory | None = None


def _report(seconds: float, rows: int) -> None:
    tree_peak = _TREE.stop() if _TREE is not None else _peak_mb()
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": _peak_mb(), "tree_peak_mb": tree_peak}),
          flush=True)


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.test_complaints_ledger", *args],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the benchmarks
def _pair(benchmark: Any, operation: str, program: list[str], bare: list[str]) -> dict[str, Any]:
    from tests.benchmarks.conftest import RESULTS

    results: dict[str, Any] = {}

    def run() -> None:
        # Program first, then bare: a cold page cache on the first read penalises the program, not the yardstick.
        results["program"] = _child(*program)
        results["bare"] = _child(*bare)

    benchmark.pedantic(run, rounds=1, iterations=1)
    if not benchmark.disabled:  # the untimed default run keeps no figures
        RESULTS[operation] = {
            "program": results["program"]["seconds"], "bare": results["bare"]["seconds"], "target_ms": None,
        }
    ratio = results["program"]["seconds"] / results["bare"]["seconds"]
    print(
        f"\n{operation}: program {results['program']['seconds']:.1f} s, {results['program']['peak_mb']:.0f} MB peak; "
        f"bare {results['bare']['seconds']:.1f} s, {results['bare']['peak_mb']:.0f} MB peak; "
        f"ratio {ratio:.2f}x (target {TARGET_RATIO}x)"
    )
    results["ratio"] = ratio
    return results


def test_import_ledger_against_bare_calamine_read_and_insert(
    benchmark: Any, tmp_path: Path, bench_folder: Path, import_rows: int
) -> None:
    xlsx = _cached(bench_folder, "ledger-import", build_import_file, import_rows)
    db = tmp_path / "import.db"
    from app.store.migrate import upgrade

    upgrade(f"sqlite:///{db}", backup_first=None)
    results = _pair(benchmark, f"import {import_rows:,}-row ledger",
                    ["import-program", str(xlsx), str(db)], ["import-bare", str(xlsx), str(tmp_path / "bare.db")])
    assert results["program"]["rows"] == results["bare"]["rows"] == import_rows
    # Memory must stay bounded: a sheet is held in memory only up to sheet_rows.IN_MEMORY_LIMIT, else streamed.
    print(f"import: program process {results['program']['peak_mb']:.0f} MB; with its reader process "
          f"{results['program']['tree_peak_mb']:.0f} MB at the most")
    assert results["program"]["tree_peak_mb"] < 400


@pytest.mark.benchmark_million
def test_export_million_row_recovery_ledger_against_bare_openpyxl_write(
    benchmark: Any, tmp_path: Path, bench_folder: Path, ledger_rows: int
) -> None:
    db = _cached(bench_folder, "ledger-export", build_ledger_db, ledger_rows)
    results = _pair(benchmark, f"export {ledger_rows:,}-row recovery ledger",
                    ["export-program", str(db), str(tmp_path / "program.xlsx")],
                    ["export-bare", str(db), str(tmp_path / "bare.xlsx")])
    assert results["program"]["rows"] == results["bare"]["rows"] == ledger_rows
    assert results["program"]["peak_mb"] < 400  # constant memory: write-only, streamed


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    side, *rest = sys.argv[1:]
    if side == "import-program":
        side_import_program(Path(rest[0]), Path(rest[1]))
    elif side == "import-bare":
        side_import_bare(Path(rest[0]), Path(rest[1]))
    elif side == "export-program":
        side_export_program(Path(rest[0]), Path(rest[1]))
    elif side == "export-bare":
        side_export_bare(Path(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(f"unknown side {side}")
