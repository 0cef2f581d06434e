"""Opening the store: the database at a URL, created if asked, upgraded to the newest schema.

Apart from app/store/engine.py because it runs the migrations (app/store/migrate.py), which make
their own engine: the engine module imports no migration (no import circle).
"""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from app.store import engine as engines
from app.store.engine import (
    IMMEDIATE,
    Store,
    check_sqlite_location,
    sqlite_path,
    storage_error_for_os_error,
    translate_storage_errors,
    where_is,
)


def open_store(url: str, *, create: bool = True, migrate: bool = True, backup: bool = True) -> Store:
    """Open the database at `url`: upgrade it to the newest schema (`migrate`), and create it
    if it does not exist only when `create` is set (else StorageError("db.missing"))."""
    from app.backup.service import before_upgrade
    from app.store.migrate import upgrade

    path = sqlite_path(url)
    if path is not None:
        check_sqlite_location(path, create=create)
    try:
        with translate_storage_errors(where_is(url)):
            if migrate:
                upgrade(url, backup_first=before_upgrade if backup else None)
            engine = engines.make_engine(url)  # looked up when called: the one seam, as migrate's
            if path is not None and not migrate:
                with engine.connect() as connection:  # a damaged file shows itself at once
                    connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
    except OSError as exc:
        raise storage_error_for_os_error(exc, str(path or url)) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    write_sessions = sessionmaker(engine.execution_options(**{IMMEDIATE: True}), expire_on_commit=False)
    return Store(url=url, engine=engine, sessions=sessions, write_sessions=write_sessions)
