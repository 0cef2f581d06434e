"""What the imports' row keys cost (issue 13) once a million of them are stored.

Every row an import saves leaves its natural key (`import_row_key`, a keyed digest) under
its batch, and every later import looks its rows' keys up there — and, since a deleted
record's row may come in again, whether each key's record is still here
(`import_batches.earlier_rows`).  Measured over the parties benchmark's database
(`million_db`: `bench_rows` people) copied, with one key per person added
(`rowkeys-<size>-<head>-v<version>.db`, built once and cached like the others), each
against the bare sqlite3 work doing the same in the same run:

- checking a 10,000-row file (half of its rows imported before, half new):
  `earlier_rows` through the program's store, against bare `SELECT … WHERE row_key IN (…)`
  in the same chunks of 500, without the join to the batch or the records' check;
- saving 10,000 rows' keys under a batch (`write_keys`: insert, read back, one
  `bulk_insert` audit entry), against a bare `executemany` of the same rows; each round in
  a transaction rolled back, so the table stays at its size.

Targets at a million stored keys: the check < 1,000 ms and the save < 2,000 ms for a
10,000-row file (a ledger of that size takes tens of seconds to import: the keys are a
small part of it).  The table's size per key is printed.  Run with:

    pytest tests/benchmarks/test_import_row_keys_million.py --benchmark-enable -p no:randomly -s
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.conftest import FULL_ROWS, run

pytestmark = pytest.mark.benchmark_million

BUILDER_VERSION = 1
FILE_ROWS = 10_000
CHUNK = 500  # import_batches._LOOKUP_CHUNK
CHECK_TARGET_MS = 1_000
SAVE_TARGET_MS = 2_000


def _key(secret: bytes, id_no: str) -> str:
    from app.imports.batches import row_key

    return row_key(secret, "parties", f"id:{id_no}")


@pytest.fixture(scope="session")
def row_keys_db(bench_rows: int, bench_folder: Path, million_db: Path) -> Path:
    """The parties database with one stored row key per person (built once, cached)."""
    from app.store.migrate import head_revision

    size = "1m" if bench_rows == FULL_ROWS else str(bench_rows)
    path = bench_folder / f"rowkeys-{size}-{head_revision()}-v{BUILDER_VERSION}.db"
    if path.exists():
        return path
    for old in bench_folder.glob(f"rowkeys-{size}-*.db"):
        old.unlink()
    partial = bench_folder / f".{path.name}.{os.getpid()}.building"
    started = time.perf_counter()
    shutil.copyfile(million_db, partial)
    batch = _batch(partial, bench_rows)  # through the program: the batch is an audited record
    with closing(sqlite3.connect(partial)) as db:  # closed, not only committed: the WAL goes back in
        secret = bytes.fromhex(db.execute("SELECT secret FROM audit_key WHERE id = 1").fetchone()[0])
        pages_before = db.execute("PRAGMA page_count").fetchone()[0]

        def keys() -> Iterator[tuple[int, int, int, str]]:
            people = db.execute("SELECT id, id_no FROM party WHERE id_no IS NOT NULL ORDER BY id")
            for row_no, (party_id, id_no) in enumerate(people, start=2):
                yield batch, row_no, party_id, _key(secret, id_no)

        db.executemany("INSERT INTO import_row_key (batch_id, row_no, record_id, row_key) VALUES (?, ?, ?, ?)",
                       keys())
        db.commit()
        stored = db.execute("SELECT count(*) FROM import_row_key").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0] - pages_before
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    print(f"\nbuilt {path.name}: {stored:,} keys in {time.perf_counter() - started:.0f} s, "
          f"{pages * page_size / stored:.0f} bytes per key with its index")
    return path


def _batch(path: Path, rows: int) -> int:
    from app.accounts.actor import setup_actor
    from app.imports.batches import ImportSource, begin
    from app.kernel.unit_of_work import UnitOfWork
    from app.store import open_store

    store = open_store(f"sqlite:///{path}", backup=False)
    try:
        with UnitOfWork(store, setup_actor()) as uow:
            batch = begin(uow, ImportSource("parties", "people.xlsx", "0" * 64), rows, 0)
    finally:
        store.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert batch is not None
    return batch


@pytest.fixture(scope="session")
def row_keys_store(row_keys_db: Path) -> Iterator[Any]:
    from app.store import open_store

    store = open_store(f"sqlite:///{row_keys_db}", backup=False)
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def file_keys(row_keys_db: Path) -> list[str]:
    """A 10,000-row file's keys: half of its rows imported before (spread over the table), half new."""
    with closing(sqlite3.connect(row_keys_db)) as db:
        stored = db.execute("SELECT count(*) FROM import_row_key").fetchone()[0]
        step = max(1, stored // (FILE_ROWS // 2))
        old = [k for (k,) in db.execute("SELECT row_key FROM import_row_key WHERE id % ? = 0 LIMIT ?",
                                        (step, FILE_ROWS // 2))]
    new = [hashlib.sha256(f"new-{i}".encode()).hexdigest()[:32] for i in range(FILE_ROWS - len(old))]
    return old + new


def test_checking_a_file_s_row_keys(benchmark: Any, record: Any, row_keys_store: Any, row_keys_db: Path,
                                    file_keys: list[str]) -> None:
    from app.imports.batches import earlier_rows

    def program() -> int:
        with row_keys_store.read() as session:
            return len(earlier_rows(session.connection(), file_keys))

    found = run(benchmark, program, rounds=7)
    assert found == FILE_ROWS // 2  # the rows imported before, and only those
    median = record("row keys: check a 10,000-row file", "program", benchmark, CHECK_TARGET_MS)
    if median is not None:
        assert median < CHECK_TARGET_MS


def test_checking_a_file_s_row_keys_bare(benchmark: Any, record: Any, row_keys_db: Path, file_keys: list[str]) -> None:
    connection = sqlite3.connect(row_keys_db)
    wanted = sorted(set(file_keys))

    def bare() -> int:
        found = 0
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            sql = f"SELECT row_key FROM import_row_key WHERE row_key IN ({', '.join('?' * len(chunk))})"  # noqa: S608
            found += len(connection.execute(sql, chunk).fetchall())
        return found

    try:
        assert run(benchmark, bare, rounds=7) == FILE_ROWS // 2
        record("row keys: check a 10,000-row file", "bare", benchmark)
    finally:
        connection.close()


def _new_rows(first_row_no: int) -> list[tuple[int, int, str]]:
    return [(first_row_no + i, 1 + i, hashlib.sha256(f"saved-{i}".encode()).hexdigest()[:32]) for i in range(FILE_ROWS)]


def test_saving_a_file_s_row_keys(benchmark: Any, record: Any, row_keys_store: Any) -> None:
    from sqlalchemy import func, select

    from app.accounts.actor import setup_actor
    from app.imports.batches import write_keys
    from app.imports.models import ImportRowKey

    actor = setup_actor()
    rows = _new_rows(2)
    with row_keys_store.read() as session:
        batch, before = session.execute(select(func.max(ImportRowKey.batch_id), func.count(ImportRowKey.id))).one()

    def program() -> None:
        with row_keys_store.engine.connect() as connection:
            transaction = connection.begin()
            try:
                write_keys(connection, actor, batch, rows, "bench.xlsx")
                assert connection.execute(select(func.count(ImportRowKey.id))).scalar() == before + FILE_ROWS
            finally:
                transaction.rollback()  # the table stays at its size for the next round

    run(benchmark, program, rounds=5)
    median = record("row keys: save a 10,000-row file", "program", benchmark, SAVE_TARGET_MS)
    if median is not None:
        assert median < SAVE_TARGET_MS


def test_saving_a_file_s_row_keys_bare(benchmark: Any, record: Any, row_keys_db: Path) -> None:
    connection = sqlite3.connect(row_keys_db, isolation_level=None)
    rows = [(1, row_no, record_id, key) for row_no, record_id, key in _new_rows(2)]

    def bare() -> None:
        connection.execute("BEGIN")
        try:
            connection.executemany("INSERT INTO import_row_key (batch_id, row_no, record_id, row_key) "
                                   "VALUES (?, ?, ?, ?)", rows)
        finally:
            connection.execute("ROLLBACK")

    try:
        run(benchmark, bare, rounds=5)
        record("row keys: save a 10,000-row file", "bare", benchmark)
    finally:
        connection.close()
