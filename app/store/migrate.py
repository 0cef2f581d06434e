"""Alembic, driven from code: the migrations ship inside the package."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, make_url, select

from app.errors import StorageError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# The revision that created the audit record.  Records that existed before it
# get one "baseline" entry each, so the record starts from what was there.
AUDIT_INTRODUCED = "0002"


def _baseline_audit(engine: Engine) -> None:
    from sqlalchemy.orm import Session

    from app.accounts.actor import Actor
    from app.audit import chain as audit

    migration = Actor(username="(migration)")
    with Session(engine) as session, session.begin():
        entries = [
            audit.PendingEntry(
                action="baseline",
                table_name=mapper.local_table.name,  # type: ignore[attr-defined]
                record_id=obj.id,
                record_uuid=str(getattr(obj, "uuid", "")) or None,
                changes={},
                record_digest=audit.record_digest(obj),
            )
            for mapper in audit.audited_mappers()
            for obj in session.scalars(select(mapper.class_))
        ]
        audit.append(session.connection(), migration, entries)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic filter: the search index is database-specific (SQLite's FTS5 virtual table,
    PostgreSQL's index over an expression, app/store/postgres.py)."""
    from app.store.postgres import SEARCH_INDEXES

    if type_ == "index" and name in SEARCH_INDEXES:
        return False
    return not (type_ == "table" and name and name.startswith("fts_"))


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@functools.lru_cache(maxsize=1)
def head_revision() -> str:
    # Cached: reading the migration scripts takes ~65 ms, and they do not change while the program runs.
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def is_known_revision(revision: str) -> bool:
    """Whether `revision` is one of this program's migrations (else the database is newer, or not ours)."""
    return _known(ScriptDirectory.from_config(alembic_config("sqlite://")), revision)


BackupFirst = Callable[[str, Path, str], Path]
"""Makes the verified copy of an existing SQLite file before its schema changes:
(url, the file, the revision it is about to reach) -> the copy.  The backup area's
`before_upgrade`; the store does not import the backup area (it imports the store)."""


def upgrade(url: str, *, backup_first: BackupFirst | None) -> str | None:
    """Bring the database to the newest schema.  Returns the backup path, if one was made.

    An existing SQLite file that needs upgrading is first handed to `backup_first`
    (the caller's verified, listed pre-upgrade copy), so a failed migration never
    costs the user their data.  `None` only where the file is itself a fresh copy
    (a restore, a test template): every caller says which, there is no default.
    """
    from app.store.engine import make_engine

    db_file = sqlite_file(url)
    if db_file is not None:
        db_file.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return None
        script = ScriptDirectory.from_config(alembic_config(url))
        if current is not None and not _known(script, current):
            raise StorageError("db.newer_than_program", revision=current)
        backup_path = None
        if backup_first is not None and current is not None and db_file is not None and db_file.exists():
            backup_path = backup_first(url, db_file, head)
            log.info("database backed up before upgrade to %s", backup_path.name)
        applied = {rev.revision for rev in script.iterate_revisions(head, current)}
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        if current is not None and AUDIT_INTRODUCED in applied:
            _baseline_audit(engine)
        return str(backup_path) if backup_path else None
    finally:
        engine.dispose()
