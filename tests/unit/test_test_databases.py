"""The test databases themselves: a reused PostgreSQL database is as new for each test, and a
seeded copy is a test's own (tests/fixtures/postgres.py ReusedDatabase, tests/fixtures/seeded.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.audit.models import AuditEntry, AuditHead
from app.parties.models import Party
from app.parties.service import PartyService
from app.store import open_store
from tests.conftest import make_actor
from tests.fixtures.seeded import Seed, SeededDatabases

CLERK = make_actor("intake")


def _parties_and_head(url: str) -> tuple[list[tuple[int, str]], int, int]:
    store = open_store(url, migrate=False)
    try:
        with store.read() as session:
            parties = [(p.id, p.name) for p in session.scalars(select(Party).order_by(Party.id))]
            entries = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
            head = session.scalar(select(AuditHead.last_seq)) or 0
        return parties, entries, head
    finally:
        store.dispose()


@pytest.mark.postgresql_only
def test_a_reused_postgresql_database_is_as_new_for_the_next_test(backend: str, pg_server) -> None:
    from tests.fixtures.postgres import ReusedDatabase

    reused = ReusedDatabase(pg_server)
    name = reused.take()
    url = pg_server.url(name)
    new = _parties_and_head(url)
    store = open_store(url, migrate=False)
    PartyService(store, CLERK).create({"kind": "person", "name": "张伟"})
    PartyService(store, CLERK).create({"kind": "person", "name": "李娜"})
    assert _parties_and_head(url) != new
    forgotten = store.engine.connect()  # a transaction a test left open, holding a lock the emptying needs
    forgotten.execute(text("LOCK TABLE party IN SHARE MODE"))
    reused.give_back()
    store.dispose()

    assert reused.take() == name  # the same database, emptied
    assert _parties_and_head(url) == new  # no rows, the audit chain's head and key as the template has them
    store = open_store(url, migrate=False)
    try:
        again = PartyService(store, CLERK).create({"kind": "person", "name": "王芳"})
    finally:
        store.dispose()
    assert again.id == 1  # the sequences start again

    with pg_server.admin().cursor() as admin:
        admin.execute(f"ALTER DATABASE {name} SET statement_timeout = '1s'")  # more than rows changed
    reused.give_back()
    renewed = reused.take()
    assert renewed != name
    assert _parties_and_head(pg_server.url(renewed)) == new
    reused.give_back()


def test_a_seeded_copy_is_each_tests_own(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    built: list[int] = []

    def two_people(store) -> list[int]:
        built.append(1)
        service = PartyService(store, CLERK)
        return [service.create({"kind": "person", "name": n}).id for n in ("张伟", "李娜")]

    seed = Seed("two-people", two_people)
    seeded = SeededDatabases(tmp_path / "seeded")
    (tmp_path / "seeded").mkdir()
    urls = []
    for i in range(2):
        if backend == "sqlite":
            target = tmp_path / f"test{i}.db"
            ids = seeded.sqlite(seed, target)
            urls.append(f"sqlite:///{target}")
        else:
            server = request.getfixturevalue("pg_server")
            name, ids = seeded.postgresql(seed, server)
            urls.append(server.url(name))
        assert ids == [1, 2]
    assert built == [1]  # built once, copied twice
    store = open_store(urls[0], migrate=False)
    try:
        PartyService(store, CLERK).create({"kind": "person", "name": "王芳"})
    finally:
        store.dispose()
    assert [n for _, n in _parties_and_head(urls[0])[0]] == ["张伟", "李娜", "王芳"]
    assert [n for _, n in _parties_and_head(urls[1])[0]] == ["张伟", "李娜"]  # the other copy is untouched
