"""The database engine: SQLite pragmas, sessions, storage errors; `open_store` (app/store/opening.py) opens it.

Who may create a database: `open_store(url, create=True)` (the default: the
GUI's first start, `db upgrade`, and commands meant to make data — demo,
imports, users add).  Read-only commands pass `create=False`: a missing file
is then refused with `db.missing` and nothing is made, not even its folder.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StorageError

log = logging.getLogger(__name__)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # SQLAlchemy's pysqlite recipe (dialect docs, "Serializable isolation /
    # Savepoints / Transactional DDL"): the driver must not open or commit
    # transactions on its own, or SAVEPOINTs and DDL run outside the
    # transaction they belong to; _begin_sqlite_transaction emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # A saved case must survive a power cut: WAL + synchronous=FULL.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


# Execution option that makes a connection's transactions BEGIN IMMEDIATE (Store.write_session).
IMMEDIATE = "renshe_begin_immediate"


def _begin_sqlite_transaction(connection: Connection) -> None:
    # Reads: a plain (deferred) BEGIN, so a report never takes the write lock.
    # Writes (the unit of work): BEGIN IMMEDIATE.  A deferred transaction that
    # reads, then writes after another process has committed cannot upgrade its
    # stale snapshot: SQLite answers "database is locked" at once, without
    # waiting (SQLITE_BUSY_SNAPSHOT) — a clerk's save would fail whenever a
    # command next to the program had just written.  IMMEDIATE takes the write
    # lock first, waiting up to busy_timeout, and then reads fresh data.
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_sqlite(engine: Engine) -> None:
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin_sqlite_transaction)


def make_engine(url: str) -> Engine:
    # hide_parameters: values (names, addresses) stay out of error messages and the log.
    engine = create_engine(url, future=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


@dataclass
class Store:
    """The engine and the session factory every service is given."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session] | None = None  # transactions that take the write lock first

    def write_session(self) -> Session:
        """A session for a unit of work: on SQLite its transaction begins IMMEDIATE."""
        return (self.write_sessions or self.sessions)()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session."""
        with translate_storage_errors(where_is(self.url)), self.sessions() as session:
            yield session

    @contextmanager
    def read_statements(self) -> Iterator[Connection | Session]:
        """Where to run read statements that each stand alone (a count, a page): on a server
        outside any transaction, so each costs one round trip instead of BEGIN, the
        statement and ROLLBACK (each statement still sees one consistent snapshot); on
        SQLite, whose transactions cost no round trip, a read session as usual."""
        if self.dialect == "sqlite":
            with self.read() as session:
                yield session
            return
        with translate_storage_errors(where_is(self.url)), self.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


def as_storage_error(exc: DatabaseError, where: str = "") -> StorageError | None:
    """The StorageError a user can act on for this fault, or None for a bug.  `where`: the
    database's file or URL, for the messages that name it."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "disk" in text and "full" in text:
        return StorageError("db.disk_full")
    if "locked" in text or "busy" in text:
        return StorageError("db.locked")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StorageError("db.corrupt", path=where)
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StorageError("db.permission", path=where)
    if "disk i/o error" in text:
        return StorageError("db.io")
    from app.store.postgres import storage_error_code

    if (code := storage_error_code(text)) is not None:
        return StorageError(code, server=_server_of(exc), detail=text)
    if "unable to open" in text or "could not connect" in text:
        return StorageError("db.unreachable", detail=text)
    return None


def _server_of(exc: DatabaseError) -> str:
    info = getattr(exc.orig, "info", None) if exc.orig is not None else None  # psycopg's ConnectionInfo
    try:
        return f"{info.host}:{info.port}" if info is not None else ""
    except Exception:  # noqa: BLE001 - a closed connection may not say
        return ""


@contextmanager
def translate_storage_errors(where: str = "") -> Iterator[None]:
    """Turn the storage faults a user can act on into StorageError."""
    try:
        yield
    except DatabaseError as exc:
        translated = as_storage_error(exc, where)
        if translated is None:
            raise
        raise translated from exc


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory ones)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):  # a SQLite URI filename
        if parsed.query.get("mode") == "memory":
            return None
        return Path(parsed.database[len("file:"):].split("?", 1)[0])
    return Path(parsed.database)


def where_is(url: str) -> str:
    """The database as a user names it: its file, or the URL without a password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def is_file_of_database(url: str, candidate: Path) -> bool:
    """Whether `candidate` is the SQLite file of `url` or one of its companions (-wal, -shm,
    -journal): a file nothing but SQLite may open while the program holds the database."""
    database = sqlite_path(url)
    if database is None or not candidate.exists():
        return False
    for name in (str(database), f"{database}-wal", f"{database}-shm", f"{database}-journal"):
        try:
            if os.path.samefile(name, candidate):  # stat only: samefile opens nothing
                return True
        except OSError:
            continue
    return False


def check_sqlite_location(path: Path, *, create: bool) -> None:
    """Refuse, before SQLite sees it, a path the program must not use (StorageError)."""
    from app.store.location import is_network_path

    shown = str(path)
    if is_network_path(shown):
        raise StorageError("db.network_share", path=shown)
    if path.exists():
        if not path.is_file():
            raise StorageError("db.not_a_file", path=shown)
        if not os.access(path, os.R_OK | os.W_OK):
            raise StorageError("db.permission", path=shown)
        folder = path.parent
        # WAL mode writes the -wal and -shm files beside the database.
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StorageError("db.permission", path=str(folder))
        return
    if not create:
        raise StorageError("db.missing", path=shown)
    folder = path.parent
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise StorageError("db.folder_is_a_file", path=str(existing))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise StorageError("db.permission", path=str(existing))


def storage_error_for_os_error(exc: OSError, path: str) -> StorageError:
    """The StorageError for a file-system fault around the database (full disk, permission …)."""
    if exc.errno == errno.ENOSPC:
        return StorageError("db.disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError("db.permission", path=path)
    if exc.errno == errno.ENOENT:
        return StorageError("db.missing", path=path)
    return StorageError("db.unreachable", detail=exc.strerror or str(exc))
