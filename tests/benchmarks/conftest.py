"""Fixtures of the million-row list benchmarks.

The database is built once (about a minute) in a child process and cached as
`$RENSHE_BENCH_DIR/parties-1m-<schema head>-v<builder version>.db`
(default directory: the user's cache folder, ~/.cache/renshe-desk/benchmarks on Linux), so a new migration or a change to the
generator builds a fresh one and every other run reuses it.  Building in a
child process keeps the build's memory out of this process's peak RSS, which
the benchmarks report.

Every timed operation is measured twice in the same run: the program's path
and the bare sqlite3 query doing the same work.  `record` keeps both medians;
the terminal summary prints each pair as a ratio.

Size: the fixture `bench_rows` is the number of rows a benchmark builds (people,
arbitration cases, ledger rows …).  The default test run has the benchmarks untimed
(--benchmark-disable: each body runs once) at 10,000 rows, in the run's temporary
folder, so none of them rots; `installer/bootstrap.sh bench` times them at 1,000,000
and caches the databases in $RENSHE_BENCH_DIR.  A new benchmark takes `bench_rows`
and `bench_folder`, and checks its targets only when `record` returns a median
(not None: untimed).
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
import pytest

ROOT = Path(__file__).resolve().parents[2]
# the million-row inputs are kept between runs (building them takes minutes): in the user's
# cache folder, not a fixed /tmp path another user or a cleaner may own
DEFAULT_DIR = platformdirs.user_cache_path("renshe-desk", appauthor=False) / "benchmarks"
FULL_ROWS = 1_000_000
SMALL_ROWS = 10_000

# operation -> {"program": seconds, "bare": seconds, "target_ms": float | None}
RESULTS: dict[str, dict[str, Any]] = {}


def bench_dir() -> Path:
    return Path(os.environ.get("RENSHE_BENCH_DIR") or DEFAULT_DIR)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(config: pytest.Config) -> bool:
    return bool(config.getoption("benchmark_enable", False) or config.getoption("benchmark_only", False))


@pytest.fixture(scope="session")
def bench_rows(pytestconfig: pytest.Config) -> int:
    """Rows each benchmark builds: --bench-rows, else 1,000,000 when timed, 10,000 when not."""
    chosen = pytestconfig.getoption("bench_rows", None)
    if chosen:
        return int(chosen)
    return FULL_ROWS if timed(pytestconfig) else SMALL_ROWS


@pytest.fixture(scope="session")
def bench_folder(bench_rows: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the benchmarks' inputs live: the cache ($RENSHE_BENCH_DIR) for the full size,
    the run's temporary folder for the small run of the default test command."""
    if bench_rows >= FULL_ROWS:
        return bench_dir()
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="session")
def million_db(bench_rows: int, bench_folder: Path) -> Path:
    """The path of a migrated database holding `bench_rows` people (1,000,000 in the timed run;
    built once, cached)."""
    from app.store.migrate import head_revision
    from tests.benchmarks.make_db import BUILDER_VERSION

    directory = bench_folder
    size = "1m" if bench_rows == FULL_ROWS else str(bench_rows)
    path = directory / f"parties-{size}-{head_revision()}-v{BUILDER_VERSION}.db"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        partial = directory / f".{path.name}.{os.getpid()}.building"
        # Half-built leftovers, and the databases of older schemas (460 MB each).
        for leftover in [*directory.glob(f".parties-{size}-*"), *directory.glob(f"parties-{size}-*.db*")]:
            leftover.unlink()
        started = time.perf_counter()
        employers = max(100, bench_rows // 50)
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.make_db", str(partial),
             "--people", str(bench_rows), "--employers", str(employers)],
            cwd=ROOT,
            check=True,
            preexec_fn=lambda: os.nice(5),  # the machine is shared: build politely
        )
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
        print(f"\nbuilt {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


@pytest.fixture(scope="session")
def million_store(million_db: Path) -> Iterator[Any]:
    """The program's own store over the million-row database (open_store: pragmas, migrations check)."""
    from app.store import open_store

    store = open_store(f"sqlite:///{million_db}", backup=False)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def party_service(million_store: Any) -> Any:
    from app.accounts.actor import setup_actor
    from app.parties.service import PartyService

    return PartyService(million_store, setup_actor())


@pytest.fixture(scope="session")
def bare(million_db: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection: the yardstick every program figure is divided by."""
    connection = sqlite3.connect(million_db)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def docket_db(bench_rows: int, bench_folder: Path) -> Path:
    """The arbitration docket of `bench_rows` cases (tests/benchmarks/make_docket.py; built once, cached)."""
    from app.store.migrate import head_revision
    from tests.benchmarks.make_docket import BUILDER_VERSION

    directory = bench_folder
    size = "1m" if bench_rows == FULL_ROWS else str(bench_rows)
    path = directory / f"docket-{size}-{head_revision()}-v{BUILDER_VERSION}.db"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob(f"docket-{size}-*.db"):
            old.unlink()
        partial = directory / f".{path.name}.{os.getpid()}.building"
        subprocess.run([sys.executable, "-m", "tests.benchmarks.make_docket", str(partial), str(bench_rows)],
                       cwd=ROOT, check=True, preexec_fn=lambda: os.nice(5))
        partial.replace(path)
    return path


@pytest.fixture(scope="session")
def docket_store(docket_db: Path) -> Iterator[Any]:
    from app.store import open_store

    store = open_store(f"sqlite:///{docket_db}", backup=False)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def bare_docket(docket_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(docket_db)
    yield connection
    connection.close()


def run(benchmark: Any, fn: Any, *, rounds: int = 15) -> Any:
    """Time `fn` (one warm-up round); untimed, it runs once."""
    return benchmark.pedantic(fn, rounds=rounds, warmup_rounds=1, iterations=1)


@pytest.fixture
def record() -> Any:
    """record(operation, "program" | "bare", benchmark, target_ms=None) -> median in ms, or None
    when the benchmark ran untimed (then there is no target to check)."""

    def _record(operation: str, side: str, benchmark: Any, target_ms: float | None = None) -> float | None:
        if benchmark.disabled or benchmark.stats is None:
            return None  # untimed (the default test run): the body ran once, there is no median
        median = benchmark.stats.stats.median
        entry = RESULTS.setdefault(operation, {"target_ms": None})
        entry[side] = median
        if target_ms is not None:
            entry["target_ms"] = target_ms
        return median * 1000

    return _record


def timer_name(config: pytest.Config) -> str:
    timer = config.getoption("benchmark_timer", None)
    return getattr(timer, "__name__", None) or str(timer or "perf_counter")


def summary_lines(timer: str = "perf_counter") -> list[str]:
    clock = "CPU time of this process" if "process_time" in timer else "wall clock"
    lines = [
        f"timer: {timer} ({clock})",
        "operation (median)                 program ms   bare ms    ratio   target",
        "---------------------------------- ----------  --------  -------  -------",
    ]
    for operation, entry in RESULTS.items():
        program, bare_s = entry.get("program"), entry.get("bare")
        p = f"{program * 1000:10.2f}" if program is not None else f"{'-':>10}"
        b = f"{bare_s * 1000:8.2f}" if bare_s is not None else f"{'-':>8}"
        ratio = f"{program / bare_s:6.1f}x" if program and bare_s else f"{'-':>7}"
        target = f"< {entry['target_ms']:.0f} ms" if entry.get("target_ms") else ""
        lines.append(f"{operation:34s} {p}  {b}  {ratio}  {target}")
    lines.append(f"peak RSS of the whole pytest process: {peak_rss_mb():.0f} MB (target < 300 MB)")
    lines.append(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    lines.append(f"load average at the end (1/5/15 min): {load} — other work on the machine inflates every figure")
    return lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS:
        return
    terminalreporter.section("parties: million-row list, program vs bare SQLite")
    timer = timer_name(terminalreporter.config)
    for line in summary_lines(timer):
        terminalreporter.write_line(line)
    if not timed(terminalreporter.config):
        return  # the untimed small run of the test command leaves nothing behind
    out = bench_dir() / "last-results.json"
    try:
        out.write_text(
            json.dumps(
                {
                    "when": datetime.now(UTC).isoformat(timespec="seconds"),
                    "peak_rss_mb": round(peak_rss_mb(), 1),
                    "load_average": os.getloadavg(),
                    "cores": os.cpu_count(),
                    "timer": timer,
                    "results_ms": {
                        op: {k: (v * 1000 if k in ("program", "bare") else v) for k, v in e.items()}
                        for op, e in RESULTS.items()
                    },
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        terminalreporter.write_line(f"(figures also written to {out})")
    except OSError:
        pass
