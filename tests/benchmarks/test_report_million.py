"""The yearly figures and the PDF report over the million-case docket.

Run:

    pytest tests/benchmarks/test_report_million.py --benchmark-enable -p no:randomly

Reuses the cached docket of test_docket_million.py (the `docket_db` fixture, `bench_rows` cases).  Timed
against the bare sqlite3 aggregates of the same arbitration figures in the
same run.  Targets (issue 7): the figures in under 2 s, the PDF in under 10 s.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from tests.benchmarks.conftest import run

pytestmark = pytest.mark.benchmark_million

YEAR = 2023
FIGURES_TARGET_MS = 2000
PDF_TARGET_MS = 10_000
LO, HI = f"{YEAR}-01-01", f"{YEAR}-12-31"
BARE = [
    ("SELECT count(*) FROM arbitration_case WHERE received_on BETWEEN ? AND ?", (LO, HI)),
    ("SELECT count(*), coalesce(sum(accepted_claims_fen), 0) FROM arbitration_case WHERE accepted_on BETWEEN ? AND ?",
     (LO, HI)),
    ("SELECT status, count(*) FROM arbitration_case WHERE decided_on BETWEEN ? AND ? GROUP BY status", (LO, HI)),
    ("SELECT closure_method, count(*) FROM arbitration_case WHERE closed_on BETWEEN ? AND ? GROUP BY closure_method",
     (LO, HI)),
    ("SELECT count(*) FROM arbitration_case WHERE accepted_on <= ? AND (closed_on IS NULL OR closed_on > ?)", (HI, HI)),
]


def test_yearly_figures(benchmark: Any, record: Any, docket_store: Any) -> None:
    from app.accounts.actor import setup_actor
    from app.reports.yearly import yearly_figures

    figures = run(benchmark, lambda: yearly_figures(docket_store, setup_actor(), YEAR), rounds=5)
    assert figures.arbitration_received > 0 and all(r.holds for r in figures.reconciliations)
    median_ms = record("yearly figures (1M cases)", "program", benchmark, FIGURES_TARGET_MS)
    assert median_ms is None or median_ms < FIGURES_TARGET_MS


def test_yearly_figures_bare(benchmark: Any, record: Any, bare_docket: sqlite3.Connection) -> None:
    def bare() -> Any:
        return [bare_docket.execute(sql, params).fetchall() for sql, params in BARE]

    results = run(benchmark, bare, rounds=5)
    assert results[0][0][0] > 0
    record("yearly figures (1M cases)", "bare", benchmark)


def test_yearly_pdf(benchmark: Any, record: Any, docket_store: Any, tmp_path: Any) -> None:
    from app.accounts.actor import setup_actor
    from app.reports.documents import write_yearly_report_pdf
    from app.reports.yearly import yearly_figures

    out = tmp_path / "report.pdf"
    pages = run(benchmark, lambda: write_yearly_report_pdf(yearly_figures(docket_store, setup_actor(), YEAR), out),
                rounds=3)
    assert pages >= 6
    median_ms = record("yearly report PDF incl. figures (1M cases)", "program", benchmark, PDF_TARGET_MS)
    assert median_ms is None or median_ms < PDF_TARGET_MS
