"""Pointing a desk at a PostgreSQL server: the settings file never holds the password,
and each way a connection can fail has its own message."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine

from app.errors import StorageError
from app.store import connection
from app.store.migrate import head_revision
from tests.fixtures.postgres import DESK_PASSWORD, DESK_ROLE, free_port

pytestmark = pytest.mark.postgresql_only


def desk_settings(pg_server, database: str, **kw) -> connection.ServerSettings:
    values = {"host": "127.0.0.1", "port": pg_server.port, "database": database, "user": DESK_ROLE,
              "sslmode": "prefer", **kw}
    return connection.ServerSettings(**values)


def test_a_current_database_is_accepted(pg_server, pg_database) -> None:
    settings = desk_settings(pg_server, pg_database)
    assert connection.check_server(settings.url(DESK_PASSWORD)) == head_revision()
    assert connection.describe(settings.url(DESK_PASSWORD)) == f"{DESK_ROLE}@127.0.0.1:{pg_server.port}/{pg_database}"


def test_each_failure_has_its_own_message(pg_server, pg_database) -> None:
    settings = desk_settings(pg_server, pg_database)
    with pytest.raises(StorageError) as caught:
        connection.check_server(settings.url("wrong"))
    assert caught.value.code == "db.auth_failed" and "密码" in caught.value.message()

    nowhere = desk_settings(pg_server, pg_database, port=free_port())
    with pytest.raises(StorageError) as caught:
        connection.check_server(nowhere.url(DESK_PASSWORD))
    assert caught.value.code == "db.server_unreachable"
    assert f"127.0.0.1:{nowhere.port}" in caught.value.message()

    engine = create_engine(pg_server.url(pg_database))
    with engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '0008'")
    with pytest.raises(StorageError) as caught:
        connection.check_server(settings.url(DESK_PASSWORD))
    assert caught.value.code == "db.schema_older" and "db upgrade" in caught.value.message()

    with engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(StorageError) as caught:
        connection.check_server(settings.url(DESK_PASSWORD))
    assert caught.value.code == "db.newer_than_program"


def test_the_settings_file_never_holds_the_password(pg_server, pg_database) -> None:
    settings = desk_settings(pg_server, pg_database)
    connection.save_server(settings, DESK_PASSWORD, remember=True)
    text = connection.settings_path().read_text(encoding="utf-8")
    assert DESK_PASSWORD not in text
    assert json.loads(text)["server"]["host"] == "127.0.0.1"
    assert connection.load_server_settings() == settings
    connection.save_local()
    assert connection.load_server_settings() is None


def test_the_desks_role_writes_rows_but_cannot_alter_or_drop_tables(pg_server, pg_database) -> None:
    from sqlalchemy.exc import ProgrammingError

    from app.parties.service import PartyService
    from app.store import open_store
    from tests.conftest import make_actor

    url = desk_settings(pg_server, pg_database).url(DESK_PASSWORD)
    store = open_store(url)
    try:
        row = PartyService(store, make_actor("intake")).create({"kind": "person", "name": "张伟"})
        assert [p.name for p in PartyService(store, make_actor("intake")).query(text="张伟").page(0, 10)] == ["张伟"]
        assert row.id
    finally:
        store.dispose()
    engine = create_engine(url)
    for statement in ("DROP TABLE party", "ALTER TABLE party ADD COLUMN x integer", "CREATE TABLE y (z integer)"):
        with pytest.raises(ProgrammingError, match="must be owner|permission denied"), engine.begin() as c:
            c.exec_driver_sql(statement)
    engine.dispose()


def test_a_connection_lost_mid_work_is_said_and_a_retry_succeeds(pg_server, pg_database) -> None:
    from app.parties.service import PartyService
    from app.store import open_store
    from tests.conftest import make_actor

    store = open_store(desk_settings(pg_server, pg_database).url(DESK_PASSWORD))
    parties = PartyService(store, make_actor("intake"))
    try:
        parties.create({"kind": "person", "name": "张伟"})
        # the server drops this desk's connections (a restart, a network cut)
        pg_server.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{pg_database}'"
        )
        with pytest.raises(StorageError) as caught:
            parties.create({"kind": "person", "name": "李娜"})
        assert caught.value.code == "db.connection_lost"
        assert "您的输入已保留" in caught.value.message()
        parties.create({"kind": "person", "name": "李娜"})  # the retry: a fresh connection
        assert {r.name for r in parties.query().page(0, 10)} == {"张伟", "李娜"}
    finally:
        store.dispose()


def test_a_remembered_password_goes_to_the_keyring_not_the_file() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):  # stands in for the OS keyring
        priority = 1
        stored: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        settings = connection.ServerSettings(host="10.0.0.5", database="renshe", user="renshe_desk")
        assert connection.save_server(settings, "s3cret-口令", remember=True) is True
        assert "s3cret" not in connection.settings_path().read_text(encoding="utf-8")
        assert connection.stored_password(settings) == "s3cret-口令"
        connection.save_server(settings, "s3cret-口令", remember=False)  # 不记住: asked at each start
        assert connection.stored_password(settings) is None
    finally:
        keyring.set_keyring(previous)
