"""Shared fixtures.  Qt runs offscreen; every test gets its own data folder and
a real SQLite file migrated by Alembic — the path users take."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reads or writes the developer's real keyring (the server password's home).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from tests.fixtures.seeded import Seed, SeededDatabases  # noqa: E402
from tests.fixtures.template import SqliteTemplate  # noqa: E402

SEEDED = pytest.StashKey[object]()


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


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """argon2id at its smallest cost for the accounts the tests make (tests/fixtures/passwords.py)."""
    from tests.fixtures.passwords import cheap_password_hashing

    with cheap_password_hashing():
        yield


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection imported (the program's modules, Qt's wrappers, the test modules) lives
    to the end of the run: frozen, the collector stops walking it again at every collection.
    A full collection took 0.16 s of CPU here, two of them before each window test; the
    collections themselves are unchanged (tests/ui/conftest.py still collects before each)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_while_nothing_runs() -> None:
    """Once a window test has moved the cycle collector onto the GUI thread (ui/gui_gc.py),
    tests without an event loop would never collect: before each of them, collect what the
    collector would have collected by itself (its thresholds, as ui/gui_gc.py checks them).
    Until then a test runs with no collection at all, so what the last test left is young
    and a generation-0 collection takes it; a full one walked the whole heap each time."""
    if gc.isenabled():
        return
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    gc.collect(generation)


# The system's temporary folder as the run found it, before a test started the program in this
# process (app/config.py points the process's temporary files into its data folder).
SYSTEM_TEMP = tempfile.gettempdir()
_TEMP_VARIABLES = ("TMPDIR", "TEMP", "TMP")


@pytest.fixture(autouse=True)
def _temporary_folder_restored():
    """A test that starts the program in this process (the desktop, a command through app.cli.run)
    moves the process's temporary folder into its own data folder: tempfile's and the TMPDIR a child
    inherits.  Put both back after it, or later tests, and the PostgreSQL server started for one of
    them, would make their temporary files in a folder already deleted or closed to them."""
    before = tempfile.tempdir, {name: os.environ.get(name) for name in _TEMP_VARIABLES}
    yield
    tempfile.tempdir = before[0]
    for name, value in before[1].items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("RENSHE_DATA_DIR", str(data))
    monkeypatch.delenv("RENSHE_DB", raising=False)
    monkeypatch.delenv("RENSHE_PASSWORD", raising=False)
    return data


BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: a test of something only SQLite has (its file, pragmas, FTS5)"
    )
    config.addinivalue_line(
        "markers", "empty_database: the test's database starts empty and is migrated for real "
        "(not copied from the run's migrated template)"
    )
    config.addinivalue_line("markers", "postgresql_only: a test of the PostgreSQL server mode")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """`--dist loadfile` (the README's test command): a file per worker as before, but a file
    that runs on both databases is two units, and the longest units start first
    (tests/fixtures/scheduling.py).  Any other --dist is xdist's own."""
    if config.getoption("dist") != "loadfile":
        return None
    from tests.fixtures.scheduling import make_scheduler

    return make_scheduler(config, log)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend", choices=("both", *BACKENDS), default="both",
        help="the databases the store tests run on (default: both)",
    )
    parser.addoption(
        "--bench-rows", type=int, default=None,
        help="rows each benchmark builds (tests/benchmarks, fixture bench_rows): default 1,000,000 "
        "when the benchmarks are timed (--benchmark-enable/--benchmark-only), else 10,000",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that takes a database (`backend`, `db_url`, `store`) runs on SQLite and on
    PostgreSQL; the Qt tests stay on SQLite."""
    if "backend" not in metafunc.fixturenames:
        return
    chosen = metafunc.config.getoption("--backend")
    backends = list(BACKENDS) if chosen == "both" else [chosen]
    qt_test = metafunc.definition.path.parent.name == "ui"
    if qt_test or metafunc.definition.get_closest_marker("sqlite_only"):
        backends = [b for b in backends if b == "sqlite"] or ["sqlite"]
    elif metafunc.definition.get_closest_marker("postgresql_only"):
        backends = ["postgresql"]
    # Module scope: a module's fixtures that build one database for all its tests can follow it.
    metafunc.parametrize("backend", backends, scope="module")


@pytest.fixture(scope="session")
def pg_server():
    """The run's PostgreSQL server (tests/fixtures/postgres.py), started on first use."""
    from tests.fixtures.postgres import in_ci, start_server

    try:
        server = start_server(SYSTEM_TEMP)
    except LookupError as exc:
        if in_ci():
            pytest.fail(f"CI needs the PostgreSQL server for the PostgreSQL variants: {exc}")
        pytest.skip(f"PostgreSQL variant skipped: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def seed() -> Seed | None:
    """None; a module whose tests start from the same records overrides it with a Seed, and the
    database of each test that asks for `seeded` is then a copy of one built once
    (tests/fixtures/seeded.py).  Its other tests keep the plain migrated database."""
    return None


@pytest.fixture(scope="session")
def seeded_databases(tmp_path_factory: pytest.TempPathFactory) -> SeededDatabases:
    return SeededDatabases(tmp_path_factory.mktemp("seeded"))


@pytest.fixture
def seeded(db_url: str, request: pytest.FixtureRequest) -> object:
    """What the module's `Seed.build` returned when it filled the database this test's is a copy of."""
    return request.node.stash[SEEDED]


@pytest.fixture
def pg_database(pg_server, request: pytest.FixtureRequest, seed: Seed | None, seeded_databases: SeededDatabases):
    """A database of its own on the test server, at the newest schema (the worker's migrated one,
    emptied back to the template's rows after each test, or a copy of the module's seeded
    database), or empty for a test marked `empty_database`."""
    empty = request.node.get_closest_marker("empty_database") is not None
    if seed is not None and "seeded" in request.fixturenames and not empty:
        name, request.node.stash[SEEDED] = seeded_databases.postgresql(seed, pg_server)
    elif not empty:
        reused = request.getfixturevalue("reused_pg_database")
        yield reused.take()
        reused.give_back()
        return
    else:
        name = pg_server.new_database(migrated=False)
    yield name
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def reused_pg_database(pg_server):
    """The worker's migrated PostgreSQL test database, emptied back to the template's rows after
    each test (tests/fixtures/postgres.py ReusedDatabase): a copy per test cost 0.2-0.5 s."""
    from tests.fixtures.postgres import ReusedDatabase

    return ReusedDatabase(pg_server)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    """The run's migrated SQLite database, built on first use (tests/fixtures/template.py)."""
    return SqliteTemplate(tmp_path_factory.mktemp("sqlite-template") / "template.db")


@pytest.fixture(scope="session")
def small_district_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo district's 2023 on the small plan (seed 2023) in a closed SQLite file, built once
    per run (per xdist worker).  Modules that look at a district work on a copy of it
    (tests/fixtures/template.py copy_database): five of them built this same district each."""
    from app.demo.district import SMALL_PLAN, build_district
    from app.store import open_store

    path = tmp_path_factory.mktemp("small-district") / "district.db"
    store = open_store(f"sqlite:///{path}")
    try:
        build_district(store, year=2023, seed=2023, plan=SMALL_PLAN)
    finally:
        store.dispose()
    return path


@pytest.fixture(autouse=True)
def _fresh_sqlite_files_from_template(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, sqlite_template: SqliteTemplate
) -> None:
    """A SQLite file that does not exist yet starts as a copy of the run's migrated template
    instead of running all the migrations again (about 1 s each, 15 s on a loaded machine).
    The template is made by the same `upgrade`, so the file is what a first start makes.
    Tests of the migrations themselves are marked `empty_database` and migrate for real."""
    if request.node.get_closest_marker("empty_database"):
        return
    import app.store.migrate as migrate

    monkeypatch.setattr(migrate, "upgrade", sqlite_template.upgrade_starting_from_copy(migrate.upgrade))


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest, seed: Seed | None,
           seeded_databases: SeededDatabases) -> str:
    """A database of the test's own: a copy of the migrated template (SQLite: the file is
    made when first opened, see above; PostgreSQL: `CREATE DATABASE … TEMPLATE …`), or of the
    module's seeded database (`seed`)."""
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        return server.url(request.getfixturevalue("pg_database"))
    path = tmp_path / "test.db"
    if seed is not None and "seeded" in request.fixturenames and request.node.get_closest_marker("empty_database") is None:
        request.node.stash[SEEDED] = seeded_databases.sqlite(seed, path)
    return f"sqlite:///{path}"


@pytest.fixture
def store(db_url: str):
    from app.store import open_store

    s = open_store(db_url)
    yield s
    s.dispose()


@pytest.fixture
def setup_actor():
    from app.accounts.actor import setup_actor as make

    return make()


def make_actor(*roles: str, username: str = "tester", user_id: int | None = 1):
    """An actor with these roles (the unit of work checks permissions, not logins)."""
    from app.accounts.actor import Actor

    return Actor(username=username, user_id=user_id, roles=frozenset(roles))


@pytest.fixture
def admin_actor():
    return make_actor("admin", username="admin")
