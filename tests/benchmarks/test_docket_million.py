"""The docket and Today's desk at a million arbitration cases with their events.

Run:

    pytest tests/benchmarks/test_docket_million.py --benchmark-enable -p no:randomly

The database (1,000,000 cases received 2016–2026, each with two parties, two
claims, its events — receive, decide, close — and, for the ~2 % still open,
their deadlines cache; 60,000 people and 8,000 employers) is built once in a
child process with raw sqlite3 `executemany` into the Alembic-migrated schema
and cached as `$RENSHE_BENCH_DIR/docket-1m-<head>-v<version>.db`
(tests/benchmarks/make_docket.py; `bench_rows` cases, 10,000 in the untimed default run).  Like the
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

import sqlite3
from datetime import timedelta
from typing import Any

import pytest

from tests.benchmarks.conftest import run
from tests.benchmarks.make_docket import TODAY

pytestmark = pytest.mark.benchmark_million

TARGET_MS = 200


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


def test_docket_first_page(benchmark: Any, record: Any, docket_store: Any, bench_rows: int) -> None:
    from app.accounts.actor import setup_actor
    from app.arbitration.service import ArbitrationCaseService

    service = ArbitrationCaseService(docket_store, setup_actor(), today=lambda: TODAY)

    def program() -> Any:
        query = service.query()
        return query.count(), query.page(0, 100)

    total, rows = run(benchmark, program)
    assert total == bench_rows and len(rows) == 100 and rows[0].applicants
    median_ms = record("docket first page (count + 100)", "program", benchmark, TARGET_MS)
    assert median_ms is None or median_ms < TARGET_MS


def test_docket_first_page_bare(benchmark: Any, record: Any, bare_docket: sqlite3.Connection, bench_rows: int) -> None:
    def bare() -> Any:
        return bare_docket.execute(BARE_DOCKET_COUNT).fetchone()[0], bare_docket.execute(BARE_DOCKET_PAGE).fetchall()

    total, rows = run(benchmark, bare)
    assert total == bench_rows and len(rows) == 100
    record("docket first page (count + 100)", "bare", benchmark)


def test_docket_overdue_filter(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.accounts.actor import setup_actor
    from app.arbitration.service import ArbitrationCaseService

    service = ArbitrationCaseService(docket_store, setup_actor(), today=lambda: TODAY)

    def program() -> Any:
        query = service.query(overdue=True)
        return query.count(), query.page(0, 100)

    total, _rows = run(benchmark, program, rounds=5)
    assert total > 0
    record("docket overdue filter (info)", "program", benchmark)


def test_todays_desk(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.accounts.actor import setup_actor
    from app.desk.service import DeskService

    service = DeskService(docket_store, setup_actor(), today=lambda: TODAY)
    desk = run(benchmark, lambda: service.desk(limit=200))
    assert desk.items and desk.counts.overdue + desk.counts.today + desk.counts.soon > 0
    median_ms = record("Today's desk (counts + 200 lines)", "program", benchmark, TARGET_MS)
    assert median_ms is None or median_ms < TARGET_MS


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
