"""Which database this desk works on: the local SQLite file, or a PostgreSQL server.

The choice is kept in `connection.json` in the data folder — host, port, database,
user and TLS mode, never the password.  The password lives in the operating
system's keyring (the `keyring` package) when the user asks for it to be
remembered and a keyring is available; otherwise it is asked at each start.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import URL, create_engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.config import data_dir, default_db_url
from app.errors import StorageError

log = logging.getLogger(__name__)
SETTINGS_FILE = "connection.json"
KEYRING_SERVICE = "renshe-desk"
SSL_MODES = ("prefer", "require", "verify-full", "disable")
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int = 5432
    database: str = "renshe"
    user: str = "renshe_desk"
    sslmode: str = "prefer"

    def url(self, password: str | None) -> str:
        return URL.create(
            "postgresql+psycopg", username=self.user, password=password or None, host=self.host,
            port=self.port, database=self.database,
            query={"sslmode": self.sslmode, "connect_timeout": str(CONNECT_TIMEOUT_S)},
        ).render_as_string(hide_password=False)

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def load_server_settings() -> ServerSettings | None:
    """The server this desk was pointed at, or None for the local database."""
    path = settings_path()
    if not path.exists():
        return None
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("mode") != "server":
            return None
        return ServerSettings(**saved["server"])
    except (ValueError, KeyError, TypeError):
        log.warning("connection settings unreadable; using the local database")
        return None


def save_local() -> None:
    settings_path().write_text(json.dumps({"mode": "local"}), encoding="utf-8")


def save_server(settings: ServerSettings, password: str | None, *, remember: bool) -> bool:
    """Keep the settings (never the password in the file).  Returns whether the password
    went into the keyring (False: none available, it will be asked at each start)."""
    settings_path().write_text(
        json.dumps({"mode": "server", "server": asdict(settings)}, ensure_ascii=False), encoding="utf-8"
    )
    if not remember or not password:
        forget_password(settings)
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, settings.keyring_key, password)
        return True
    except Exception:  # noqa: BLE001 - no keyring on this machine: ask at each start
        log.info("no keyring available; the server password will be asked at each start")
        return False


def stored_password(settings: ServerSettings) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, settings.keyring_key)
    except Exception:  # noqa: BLE001
        return None


def forget_password(settings: ServerSettings) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, settings.keyring_key)
    except Exception:  # noqa: BLE001 - nothing stored, or no keyring
        pass


def check_server(url: str) -> str:
    """Connect to `url` and compare its schema with this program's.  Returns the revision;
    raises StorageError: db.server_unreachable, db.auth_failed, db.schema_older (run
    `db upgrade`), db.newer_than_program (update the program), db.unreachable."""
    from alembic.script import ScriptDirectory

    from app.store.migrate import alembic_config, current_revision, head_revision
    from app.store.postgres import storage_error_code

    parsed = make_url(url)
    server = f"{parsed.host}:{parsed.port or 5432}"
    engine = create_engine(url, pool_pre_ping=False)
    try:
        try:
            revision = current_revision(engine)
        except OperationalError as exc:
            text = str(exc.orig or exc).lower()
            raise StorageError(storage_error_code(text) or "db.unreachable", server=server, detail=text) from exc
        except ProgrammingError as exc:  # connected, but the role may not read the tables
            raise StorageError("db.no_rights", user=parsed.username or "") from exc
    finally:
        engine.dispose()
    head = head_revision()
    if revision == head:
        return revision
    script = ScriptDirectory.from_config(alembic_config(url))
    known = {r.revision for r in script.walk_revisions()}
    if revision is not None and revision not in known:
        raise StorageError("db.newer_than_program", revision=revision)
    raise StorageError("db.schema_older", revision=revision or "—")


def describe(url: str) -> str:
    """What the status bar says about the database: the file, or user@server/database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return f"{parsed.username}@{parsed.host}:{parsed.port or 5432}/{parsed.database}"


def is_local(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


__all__ = [
    "SSL_MODES", "ServerSettings", "check_server", "default_db_url", "describe", "forget_password",
    "is_local", "load_server_settings", "save_local", "save_server", "stored_password",
]
