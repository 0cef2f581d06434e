"""Opening the store: who may create a database, what is refused, and SQLite transactions that nest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.errors import StorageError
from app.store import open_store
from app.store.engine import as_storage_error, make_engine


def test_a_read_only_open_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "renshe.db"
    with pytest.raises(StorageError) as caught:
        open_store(f"sqlite:///{target}", create=False)
    assert caught.value.code == "db.missing" and caught.value.params == {"path": str(target)}
    assert list(tmp_path.iterdir()) == []


def test_creating_open_makes_the_folder_and_the_database(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "renshe.db"
    store = open_store(f"sqlite:///{target}")
    store.dispose()
    assert target.is_file()
    open_store(f"sqlite:///{target}", create=False).dispose()  # and a read-only open then works


def test_a_folder_a_text_file_and_a_file_in_place_of_a_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.db").mkdir()
    (tmp_path / "notes.db").write_text("not a database " * 100)
    (tmp_path / "plain").write_text("x")
    for path, code in (("a.db", "db.not_a_file"), ("notes.db", "db.corrupt"), ("plain/x.db", "db.folder_is_a_file")):
        with pytest.raises(StorageError) as caught:
            open_store(f"sqlite:///{tmp_path / path}")
        assert caught.value.code == code, path
    assert (tmp_path / "notes.db").read_text().startswith("not a database")


def test_no_permission_is_refused_before_sqlite_sees_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, who passes every permission bit; the check asks os.access.
    target = tmp_path / "renshe.db"
    open_store(f"sqlite:///{target}").dispose()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != target)
    with pytest.raises(StorageError) as caught:
        open_store(f"sqlite:///{target}")
    assert caught.value.code == "db.permission"
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    with pytest.raises(StorageError) as caught:  # the -wal and -shm could not be made beside it
        open_store(f"sqlite:///{target}")
    assert caught.value.code == "db.permission" and caught.value.params == {"path": str(tmp_path)}


def test_a_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.store.location as location

    monkeypatch.setattr(location, "_read_mountinfo", lambda: f"40 22 0:35 / {tmp_path} rw - cifs //srv/office rw\n")
    with pytest.raises(StorageError) as caught:
        open_store(f"sqlite:///{tmp_path / 'renshe.db'}")
    assert caught.value.code == "db.network_share"
    assert "PostgreSQL" in caught.value.message("en") and "PostgreSQL" in caught.value.message("zh_CN")
    assert list(tmp_path.iterdir()) == []


def test_a_full_database_is_a_storage_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'full.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x TEXT)"))
    with pytest.raises(DatabaseError) as caught, engine.begin() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
        connection.exec_driver_sql(f"PRAGMA max_page_count={pages}")
        connection.execute(text("INSERT INTO t VALUES (:x)"), {"x": "办" * 50_000})
    translated = as_storage_error(caught.value)
    assert translated is not None and translated.code == "db.disk_full"
    assert "办办" not in str(caught.value)  # values stay out of messages and the log
    engine.dispose()


def test_savepoints_roll_back_inside_the_transaction(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'nested.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (1)"))
        nested = connection.begin_nested()
        connection.execute(text("INSERT INTO t VALUES (2)"))
        nested.rollback()
        connection.execute(text("INSERT INTO t VALUES (3)"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT x FROM t ORDER BY x")).scalars().all() == [1, 3]
    # And the outer transaction owns its savepoints: rolling it back keeps nothing.
    with engine.connect() as connection:
        outer = connection.begin()
        nested = connection.begin_nested()  # the first statement: a SAVEPOINT the driver did not open a transaction for
        connection.execute(text("INSERT INTO t VALUES (4)"))
        nested.commit()
        outer.rollback()
        assert connection.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    engine.dispose()


def test_ddl_is_transactional(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'ddl.db'}")
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(text("CREATE TABLE made_then_undone (x INTEGER)"))
        transaction.rollback()
        assert connection.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'made_then_undone'")).scalar_one() == 0
    engine.dispose()


def test_the_pragmas_still_hold(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 5000
    engine.dispose()


def test_a_unit_of_work_that_reads_then_writes_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    # Deferred, its read snapshot would be stale once the other process commits, and SQLite
    # refuses to upgrade a stale snapshot at once ("database is locked", no waiting).
    store = open_store(f"sqlite:///{tmp_path / 'two.db'}")
    other = make_engine(store.url)
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    session = store.write_session()
    try:
        session.execute(text("SELECT count(*) FROM t")).all()  # the unit of work reads first
        import threading

        def other_process_writes() -> None:
            with other.begin() as connection:  # waits for the unit of work's write lock
                connection.execute(text("INSERT INTO t VALUES (1)"))

        writer = threading.Thread(target=other_process_writes)
        writer.start()
        writer.join(1.0)  # deferred, the other write would be committed by now
        session.execute(text("INSERT INTO t VALUES (2)"))
        session.commit()
        writer.join(10)
    finally:
        session.close()
    with store.engine.connect() as connection:
        assert sorted(connection.execute(text("SELECT x FROM t")).scalars()) == [1, 2]
    other.dispose()
    store.dispose()
