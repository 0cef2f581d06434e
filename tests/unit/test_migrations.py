"""Migrations: an empty database reaches head matching the models; every
historical database is upgraded (never recreated), copied aside first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

import app.models  # noqa: F401
from app.audit import chain as audit
from app.backup.service import before_upgrade
from app.errors import StorageError
from app.models import Party
from app.parties.service import PartyService
from app.store import open_store
from app.store.base import Base
from app.store.migrate import current_revision, head_revision, include_object, upgrade
from tests.conftest import make_actor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "databases"
# These tests are about migrating: their databases start empty, not as the run's migrated copy.
pytestmark = pytest.mark.empty_database


def test_empty_database_upgrades_to_models(db_url: str) -> None:
    upgrade(db_url, backup_first=before_upgrade)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert current_revision(engine) == head_revision()
    engine.dispose()


def test_upgrade_is_idempotent_and_makes_no_backup_when_current(db_url: str) -> None:
    assert upgrade(db_url, backup_first=before_upgrade) is None  # fresh: nothing to copy
    assert upgrade(db_url, backup_first=before_upgrade) is None


def test_revision_0001_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "renshe-0001.db", path)
    url = f"sqlite:///{path}"
    store = open_store(url)
    try:
        backups = list(tmp_path.glob("old.db.before-*.bak"))
        assert len(backups) == 1
        assert sqlite3.connect(backups[0]).execute("SELECT count(*) FROM party").fetchone() == (2,)
        with store.read() as session:
            assert session.scalars(select(Party.name).order_by(Party.id)).all() == ["张伟", "贵州建筑工程有限公司"]
            # the records that predate the audit are its baseline, so the record verifies
            assert audit.verify(session).ok
        parties = PartyService(store, make_actor("intake"))
        assert [r.name for r in parties.query(text="建筑").page(0, 5)] == ["贵州建筑工程有限公司"]
        parties.create({"kind": "person", "name": "李四"})
        with store.read() as session:
            assert audit.verify(session).ok
    finally:
        store.dispose()


@pytest.mark.sqlite_only  # writes the revision through the sqlite3 module
def test_database_from_a_newer_program_is_refused(db_url: str) -> None:
    upgrade(db_url, backup_first=before_upgrade)
    connection = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError) as caught:
        upgrade(db_url, backup_first=before_upgrade)
    assert caught.value.code == "db.newer_than_program"


@pytest.mark.sqlite_only  # SQLite's pragmas
def test_sqlite_pragmas(store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_timestamps_come_back_timezone_aware_utc(store) -> None:
    row = PartyService(store, make_actor("intake")).create({"kind": "person", "name": "张伟"})
    with store.read() as session:
        party = session.get(Party, row.id)
        assert party is not None
        assert party.created_at.utcoffset() is not None
        assert party.created_at.utcoffset().total_seconds() == 0


@pytest.mark.sqlite_only  # builds a 0007 file and reads it with the sqlite3 module
def test_0008_adds_the_decision_columns_and_older_complaints_still_verify(db_url: str) -> None:
    """A complaint written before 0008 (no decision columns) upgrades with its audit digests intact."""
    from alembic import command

    from app.complaints.service import ComplaintService
    from app.store.migrate import alembic_config
    from tests.fixtures.complaints import intake

    store = open_store(db_url)
    try:
        svc = ComplaintService(store, make_actor("inspector", username="inspector"))
        detail, _ = svc.register(intake(workers=2))
    finally:
        store.dispose()
    command.downgrade(alembic_config(db_url), "0007")
    columns = {r[1] for r in sqlite3.connect(db_url.removeprefix("sqlite:///")).execute("PRAGMA table_info(complaint)")}
    assert "fine_fen" not in columns and "decision_facts" not in columns
    upgrade(db_url, backup_first=before_upgrade)
    store = open_store(db_url)
    try:
        with store.read() as session:
            assert audit.verify(session).ok
        again = ComplaintService(store, make_actor("inspector")).get(detail.id)
        assert (again.number, again.fine_fen, again.ordered_fen, again.decision_facts) == (detail.number, None, None, "")
    finally:
        store.dispose()
