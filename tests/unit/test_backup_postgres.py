"""PostgreSQL backups against a throw-away server (skipped where PostgreSQL's server is not installed)."""

from __future__ import annotations

import glob
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup import service
from app.parties.service import PartyService
from app.store import open_store
from tests.conftest import make_actor

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


def _as_postgres(arguments: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *arguments] if os.geteuid() == 0 else arguments


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """An empty database of its own on the run's test server (tests/fixtures/postgres.py)."""
    pytest.importorskip("psycopg")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not on PATH")
    name = pg_server.new_database(migrated=False)
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


def party_names(store) -> list[str]:
    from sqlalchemy import select

    from app.models import Party

    with store.read() as session:
        return list(session.scalars(select(Party.name).order_by(Party.id)))


def test_pg_dump_and_pg_restore(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    try:
        parties = PartyService(store, make_actor("intake"))
        parties.create({"kind": "person", "name": "张伟"})
        entry = service.create(pg_url, tmp_path)
        assert entry.ok and entry.file.endswith(".dump") and "unused" not in entry.database
        assert (Path(entry.file).stat().st_mode & 0o777) == 0o600
        parties.create({"kind": "person", "name": "李娜"})
        store.dispose()
        result = service.restore(Path(entry.file), pg_url)
        assert party_names(store) == ["张伟"]
        assert result.kept is not None and result.kept.exists()
        assert {e.kind for e in service.list_backups(pg_url)} == {"manual", "pre-restore"}
        from app.audit import chain as audit

        with store.read() as session:
            assert audit.verify(session).ok
    finally:
        store.dispose()


def test_a_file_that_is_not_a_dump_is_refused(pg_url: str, tmp_path: Path) -> None:
    from app.errors import UserError

    bad = tmp_path / "bad.dump"
    bad.write_text("not a dump")
    with pytest.raises(UserError) as caught:
        service.restore(bad, pg_url)
    assert caught.value.code == "backup.not_database"
