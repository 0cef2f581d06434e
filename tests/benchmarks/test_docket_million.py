"""The docket and Today's desk at a million arbitration cases with their events.

Run:

    pytest tests/benchmarks/test_docket_million.py --benchmark-enable -p no:randomly

The database (1,000,000 cases received 2016–2026, each with two parties, two
claims, its events — receive, decide, close — and, for the ~2 % still open,
their deadlines cache; 60,000 people and 8,000 employers) is built once in a
child process with raw sqlite3 `executemany` into the Alembic-migrated schema
and cached as `$RENSHE_BENCH_DIR/docket-1m-<head>-v<version>.db`.  Like the
parties benchmark this is a read benchmark: rows do not go through the unit
of work or the audit log.

Timed, each against the bare sqlite3 query doing the same work in the same
run: Today's desk (DeskService over the arbitration and mediation providers:
counts of overdue / today / within 3 working days and the first 200 lines)
and the docket's first page (ArbitrationCaseService.query(): count + the
first 100 rows with the applicant and respondent names).  Target: < 200 ms
each.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import bench_dir

pytestmark = pytest.mark.benchmark_million

BUILDER_VERSION = 1
CASES = 1_000_000
PEOPLE = 60_000
EMPLOYERS = 8_000
TODAY = date(2026, 11, 30)
FIRST = date(2016, 1, 1)
BATCH = 50_000
TARGET_MS = 200
ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-29 12:00:00.000000"


def _uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def build(path: Path, cases: int = CASES) -> None:
    from app.store.migrate import upgrade

    upgrade(f"sqlite:///{path}")
    rng = random.Random(20261130)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚"
    db.executemany(
        "INSERT INTO party (id, uuid, version, created_at, updated_at, kind, name, is_migrant_worker) "
        "VALUES (?, ?, 1, ?, ?, ?, ?, 0)",
        [(i, _uuid(rng), NOW, NOW, "person", rng.choice(surnames) + rng.choice(given) + rng.choice(given))
         for i in range(1, PEOPLE + 1)]
        + [(PEOPLE + i, _uuid(rng), NOW, NOW, "org", f"贵州某{rng.choice('建筑劳务餐饮物流制造')}有限公司{i}")
           for i in range(1, EMPLOYERS + 1)],
    )
    span = (TODAY - FIRST).days
    case_id = party_link = claim_id = event_id = deadline_id = 0
    while case_id < cases:
        case_rows, links, claims, events, deadlines = [], [], [], [], []
        for _ in range(min(BATCH, cases - case_id)):
            case_id += 1
            received = FIRST + timedelta(days=int(span * case_id / cases))
            age = (TODAY - received).days
            amount1, amount2 = rng.randrange(100_000, 5_000_000), rng.randrange(0, 3_000_000)
            total = amount1 + amount2
            status, decided, accepted, closed, method, number = "received", None, None, None, None, None
            if age > 5:
                if rng.random() < 0.1:
                    status, decided = "not_accepted", received + timedelta(days=3)
                else:
                    decided = accepted = received + timedelta(days=3)
                    number = f"某区劳人仲案字〔{accepted.year}〕第{case_id}号"
                    status = "accepted"
                    if age > 60:
                        status, closed = "closed", accepted + timedelta(days=rng.randrange(20, 58))
                        method = rng.choice(("award", "award", "mediation", "withdrawal"))
            case_rows.append((case_id, _uuid(rng), NOW, NOW, number, status, "ordinary", "劳动报酬争议", "", 0,
                              received.isoformat(), _d(decided), _d(accepted), _d(closed), method, 0, total,
                              total if accepted else None))
            links.append((party_link + 1, _uuid(rng), NOW, NOW, case_id, rng.randrange(1, PEOPLE + 1), "applicant", 0))
            links.append((party_link + 2, _uuid(rng), NOW, NOW, case_id, PEOPLE + rng.randrange(1, EMPLOYERS + 1),
                          "respondent", 0))
            party_link += 2
            claims.append((claim_id + 1, _uuid(rng), NOW, NOW, case_id, 0, "wages", amount1))
            claims.append((claim_id + 2, _uuid(rng), NOW, NOW, case_id, 1, "compensation", amount2))
            claim_id += 2
            for kind, on in (("receive", received), ("accept" if accepted else "refuse", decided),
                             ("close_award", closed)):
                if on is not None:
                    event_id += 1
                    events.append((event_id, _uuid(rng), NOW, NOW, case_id, kind, on.isoformat()))
            if status == "received":
                deadlines.append((deadline_id + 1, case_id, "A2", "A2", received, received + timedelta(days=7)))
                deadline_id += 1
            elif status == "accepted":
                for rule, days in (("A4", 7), ("A7", 7), ("A9", 45)):
                    due_on = accepted + timedelta(days=days)
                    if rule == "A9" or due_on >= TODAY - timedelta(days=3) or rng.random() < 0.02:
                        deadline_id += 1
                        deadlines.append((deadline_id, case_id, rule, rule, accepted, due_on))
        db.executemany(
            "INSERT INTO arbitration_case (id, uuid, version, created_at, updated_at, case_no, status, procedure, "
            "cause, facts, collective, received_on, decided_on, accepted_on, closed_on, closure_method, "
            "extension_days, claimed_fen, accepted_claims_fen) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        db.executemany(
            "INSERT INTO arbitration_party (id, uuid, version, created_at, updated_at, case_id, party_id, role, position) "
            "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)", links)
        db.executemany(
            "INSERT INTO arbitration_claim (id, uuid, version, created_at, updated_at, case_id, position, category, "
            "description, amount_claimed_fen, withdrawn) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '', ?, 0)", claims)
        db.executemany(
            "INSERT INTO arbitration_event (id, uuid, version, created_at, updated_at, case_id, kind, \"on\", details, "
            "note, actor) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '{}', '', 'import')", events)
        db.executemany(
            "INSERT INTO arbitration_deadline (id, case_id, key, rule_id, start, due, calendar_complete, "
            "calendar_version, rule_version) VALUES (?, ?, ?, ?, ?, ?, 1, 'chinesecalendar', 'builtin')",
            [(i, c, k, r, s.isoformat(), d.isoformat()) for i, c, k, r, s, d in deadlines])
        db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    print(f"built {cases} cases in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


@pytest.fixture(scope="module")
def docket_db() -> Path:
    from app.store.migrate import head_revision

    directory = bench_dir()
    path = directory / f"docket-1m-{head_revision()}-v{BUILDER_VERSION}.db"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("docket-1m-*.db"):
            old.unlink()
        partial = directory / f".{path.name}.{os.getpid()}.building"
        subprocess.run([sys.executable, "-m", "tests.benchmarks.test_docket_million", str(partial)], cwd=ROOT,
                       check=True, preexec_fn=lambda: os.nice(5))
        partial.replace(path)
    return path


@pytest.fixture(scope="module")
def docket_store(docket_db: Path) -> Iterator[Any]:
    from app.store.engine import open_store

    store = open_store(f"sqlite:///{docket_db}", backup=False)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def bare_docket(docket_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(docket_db)
    yield connection
    connection.close()


def run(benchmark: Any, fn: Any, *, rounds: int = 15) -> Any:
    return benchmark.pedantic(fn, rounds=rounds, warmup_rounds=1, iterations=1)


NAMES = ("(SELECT group_concat(p.name, '、') FROM arbitration_party ap JOIN party p ON p.id = ap.party_id "
         "WHERE ap.case_id = {c}.id AND ap.role = '{role}')")
BARE_DOCKET_COUNT = "SELECT count(*) FROM arbitration_case"
BARE_DOCKET_PAGE = (
    "SELECT c.id, c.case_no, c.status, c.received_on, c.claimed_fen, "
    + NAMES.format(c="c", role="applicant") + ", " + NAMES.format(c="c", role="respondent")
    + ", (SELECT min(due) FROM arbitration_deadline d WHERE d.case_id = c.id) "
    "FROM arbitration_case c ORDER BY c.received_on DESC, c.id DESC LIMIT 100"
)
BARE_DESK_ITEMS = (
    "SELECT d.case_id, d.rule_id, d.due, c.case_no, "
    + NAMES.format(c="c", role="applicant") + ", " + NAMES.format(c="c", role="respondent")
    + " FROM arbitration_deadline d JOIN arbitration_case c ON c.id = d.case_id WHERE d.due <= ? "
    "ORDER BY d.due, d.case_id LIMIT 200"
)
BARE_DESK_COUNT = "SELECT count(*) FROM arbitration_deadline WHERE due <= ?"
BARE_MEDIATION_COUNT = "SELECT count(*) FROM mediation_case WHERE status IN ('applied', 'accepted') AND due_on <= ?"


def test_docket_first_page(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.services.actor import setup_actor
    from app.services.arbitration import ArbitrationCaseService

    service = ArbitrationCaseService(docket_store, setup_actor(), today=lambda: TODAY)

    def program() -> Any:
        query = service.query()
        return query.count(), query.page(0, 100)

    total, rows = run(benchmark, program)
    assert total == CASES and len(rows) == 100 and rows[0].applicants
    assert record("docket first page (count + 100)", "program", benchmark, TARGET_MS) < TARGET_MS


def test_docket_first_page_bare(benchmark: Any, record: Any, bare_docket: sqlite3.Connection) -> None:
    def bare() -> Any:
        return bare_docket.execute(BARE_DOCKET_COUNT).fetchone()[0], bare_docket.execute(BARE_DOCKET_PAGE).fetchall()

    total, rows = run(benchmark, bare)
    assert total == CASES and len(rows) == 100
    record("docket first page (count + 100)", "bare", benchmark)


def test_docket_overdue_filter(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.services.actor import setup_actor
    from app.services.arbitration import ArbitrationCaseService

    service = ArbitrationCaseService(docket_store, setup_actor(), today=lambda: TODAY)

    def program() -> Any:
        query = service.query(overdue=True)
        return query.count(), query.page(0, 100)

    total, _rows = run(benchmark, program, rounds=5)
    assert total > 0
    record("docket overdue filter (info)", "program", benchmark)


def test_todays_desk(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.services.actor import setup_actor
    from app.services.desk import DeskService

    service = DeskService(docket_store, setup_actor(), today=lambda: TODAY)
    desk = run(benchmark, lambda: service.desk(limit=200))
    assert desk.items and desk.counts.overdue + desk.counts.today + desk.counts.soon > 0
    assert record("Today's desk (counts + 200 lines)", "program", benchmark, TARGET_MS) < TARGET_MS


def test_todays_desk_bare(benchmark: Any, record: Any, bare_docket: sqlite3.Connection) -> None:
    from app.legal.calendar import default_calendar

    horizon = default_calendar().add_working_days(TODAY, 3).isoformat()
    yesterday, today = (TODAY - timedelta(days=1)).isoformat(), TODAY.isoformat()

    def bare() -> Any:
        items = bare_docket.execute(BARE_DESK_ITEMS, (horizon,)).fetchall()
        counts = [bare_docket.execute(BARE_DESK_COUNT, (d,)).fetchone()[0] for d in (yesterday, today, horizon)]
        counts += [bare_docket.execute(BARE_MEDIATION_COUNT, (d,)).fetchone()[0] for d in (yesterday, today, horizon)]
        return items, counts

    items, _counts = run(benchmark, bare)
    assert items
    record("Today's desk (counts + 200 lines)", "bare", benchmark)


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else CASES)
