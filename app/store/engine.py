"""Opening the database: engine, SQLite pragmas, sessions, migrations on start."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StorageError

log = logging.getLogger(__name__)


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # A saved case must survive a power cut: WAL + synchronous=FULL.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


@dataclass
class Store:
    """The engine and the session factory every service is given."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session."""
        with translate_storage_errors(), self.sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def as_storage_error(exc: OperationalError) -> StorageError | None:
    """The StorageError a user can act on for this fault, or None for a bug."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "disk" in text and "full" in text:
        return StorageError("db.disk_full")
    if "locked" in text or "busy" in text:
        return StorageError("db.locked")
    from app.store.postgres import storage_error_code

    if (code := storage_error_code(text)) is not None:
        return StorageError(code, server=_server_of(exc), detail=text)
    if "unable to open" in text or "could not connect" in text:
        return StorageError("db.unreachable", detail=text)
    return None


def _server_of(exc: OperationalError) -> str:
    info = getattr(exc.orig, "info", None) if exc.orig is not None else None  # psycopg's ConnectionInfo
    try:
        return f"{info.host}:{info.port}" if info is not None else ""
    except Exception:  # noqa: BLE001 - a closed connection may not say
        return ""


@contextmanager
def translate_storage_errors() -> Iterator[None]:
    """Turn the storage faults a user can act on into StorageError."""
    try:
        yield
    except OperationalError as exc:
        translated = as_storage_error(exc)
        if translated is None:
            raise
        raise translated from exc


def open_store(url: str, *, migrate: bool = True, backup: bool = True) -> Store:
    """Open (and by default create or upgrade) the database at `url`."""
    from app.store.migrate import upgrade

    if migrate:
        upgrade(url, backup=backup)
    engine = make_engine(url)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Store(url=url, engine=engine, sessions=sessions)
