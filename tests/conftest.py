"""Shared fixtures.  Qt runs offscreen; every test gets its own data folder and
a real SQLite file migrated by Alembic — the path users take."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def session_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The program's log for the whole run, in a folder of its own, so a test at
    the end can read everything the run logged (tests/ui/test_zz_log_privacy.py)."""
    from app.logs import configure_logging

    previous = os.environ.get("RENSHE_DATA_DIR")
    os.environ["RENSHE_DATA_DIR"] = str(tmp_path_factory.mktemp("session-data"))
    try:
        return configure_logging()
    finally:
        if previous is None:
            os.environ.pop("RENSHE_DATA_DIR", None)
        else:
            os.environ["RENSHE_DATA_DIR"] = previous


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("RENSHE_DATA_DIR", str(data))
    monkeypatch.delenv("RENSHE_DB", raising=False)
    monkeypatch.delenv("RENSHE_PASSWORD", raising=False)
    return data


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    from app.store import open_store

    s = open_store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def setup_actor():  # type: ignore[no-untyped-def]
    from app.services.actor import setup_actor as make

    return make()


def make_actor(*roles: str, username: str = "tester", user_id: int | None = 1):  # type: ignore[no-untyped-def]
    """An actor with these roles (the unit of work checks permissions, not logins)."""
    from app.services.actor import Actor

    return Actor(username=username, user_id=user_id, roles=frozenset(roles))


@pytest.fixture
def admin_actor():  # type: ignore[no-untyped-def]
    return make_actor("admin", username="admin")
