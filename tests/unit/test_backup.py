"""Backups: made through SQLite's backup API, checked, listed, pruned, restored."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.audit import chain as audit
from app.backup import catalogue, service
from app.backup.catalogue import Entry
from app.backup.check import check_file, quick_check
from app.errors import UserError
from app.parties.service import PartyService
from app.store import open_store
from app.store.migrate import head_revision
from tests.conftest import make_actor

# SQLite backups: the backup API, the file and its catalogue (PostgreSQL: test_backup_postgres.py)
pytestmark = pytest.mark.sqlite_only

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "databases"
ROOT = Path(__file__).resolve().parents[2]


def add_party(store, name: str) -> None:
    PartyService(store, make_actor("intake")).create({"kind": "person", "name": name})


def party_names(path: Path) -> list[str]:
    with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM party ORDER BY id")]


def damage(path: Path) -> None:
    """Garbage over the pages after the first (a copy the test made, never a database in use)."""
    size = path.stat().st_size
    with open(path, "r+b") as raw:
        for offset in range(4096, size, 4096):
            raw.seek(offset + 100)
            raw.write(os.urandom(600))


@pytest.fixture
def live(store):
    add_party(store, "张伟")
    add_party(store, "李娜")
    return store


def live_path(store) -> Path:
    return Path(store.url.removeprefix("sqlite:///"))


def test_backup_is_written_checked_and_listed(live, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    entry = service.create(live.url, out)
    assert entry.ok and entry.kind == "manual"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("copy.db*[!b]"))  # no -wal, -journal or .partial beside it
    assert party_names(out) == ["张伟", "李娜"]
    assert entry.counts["party"] == 2 and entry.revision == head_revision()
    with live.read() as session:
        head = audit.verify(session)
    assert (entry.audit_seq, entry.audit_hash) == (head.head_seq, head.head_hash)
    listed = service.list_backups(live.url)
    assert [e.file for e in listed] == [str(out.resolve())]
    assert catalogue.catalogue_path().parent == Path(os.environ["RENSHE_DATA_DIR"]) / "backups"


def test_backup_into_a_folder_names_the_file_and_refuses_an_existing_one(live, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    entry = service.create(live.url, folder)
    assert Path(entry.file).parent == folder.resolve() and Path(entry.file).name.startswith("test-")
    with pytest.raises(UserError) as caught:
        service.create(live.url, Path(entry.file))
    assert caught.value.code == "backup.exists"
    with pytest.raises(UserError) as caught:
        service.create(live.url, tmp_path / "nowhere" / "x.db")
    assert caught.value.code == "backup.folder_missing"


def test_backup_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing.db'}"
    with pytest.raises(UserError) as caught:
        service.create(url, tmp_path / "out.db")
    assert caught.value.code == "backup.source_missing"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_backup_reports_progress_and_can_be_cancelled(live, tmp_path: Path, monkeypatch) -> None:
    from app.errors import Cancelled
    from app.kernel.progress import CancelToken

    monkeypatch.setattr(service, "PAGES_PER_STEP", 1)
    seen: list[tuple[int, int]] = []
    service.create(live.url, tmp_path / "a.db", progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1] > 0
    token = CancelToken()

    def cancel_midway(done: int, total: int) -> None:
        if done >= 2:
            token.cancel()

    with pytest.raises(Cancelled):
        service.create(live.url, tmp_path / "b.db", progress=cancel_midway, cancel=token)
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "b.db.partial").exists()


WRITER = """
import sys, time
from app.store import open_store
from app.parties.service import PartyService
from app.accounts.actor import Actor

store = open_store(sys.argv[1])
service = PartyService(store, Actor(username="writer", user_id=1, roles=frozenset({"intake"})))
print("ready", flush=True)
deadline = time.monotonic() + 20
n = 0
while time.monotonic() < deadline:
    service.create({"kind": "person", "name": f"并发{n}"})
    n += 1
"""


def test_backup_is_consistent_while_another_process_writes(live, tmp_path: Path, monkeypatch) -> None:
    for n in range(30):
        add_party(live, f"已有{n}")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, live.url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        monkeypatch.setattr(service, "PAGES_PER_STEP", 1)  # many steps, the writer busy between them
        entry = service.create(live.url, tmp_path / "during.db", progress=lambda d, t: time.sleep(0.01))
    finally:
        writer.kill()
        writer.wait()
    assert entry.ok, entry.check  # integrity_check and the audit chain: one moment of the database
    assert check_file(tmp_path / "during.db").audit_ok is True


def test_check_refuses_each_kind_of_bad_file(live, tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    service.create(live.url, good)
    assert check_file(good).ok

    assert check_file(tmp_path / "absent.db").problem == "backup.not_found"
    text = tmp_path / "notes.txt"
    text.write_text("这不是数据库\n" * 200, encoding="utf-8")
    assert check_file(text).problem == "backup.not_database"
    assert check_file(tmp_path).problem == "backup.not_database"

    broken = tmp_path / "broken.db"
    shutil.copy(good, broken)  # a closed backup file, not a database in use
    damage(broken)
    assert check_file(broken).problem in ("backup.corrupt", "backup.not_database")

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    assert check_file(other).problem == "backup.foreign"

    newer = tmp_path / "newer.db"
    shutil.copy(good, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert check_file(newer).problem == "backup.newer"

    altered = tmp_path / "altered.db"
    shutil.copy(good, altered)
    with sqlite3.connect(altered) as connection:
        connection.execute("UPDATE party SET name = '王五' WHERE name = '张伟'")
    result = check_file(altered)
    assert result.problem == "backup.audit_broken" and result.audit_ok is False


def test_quick_check_of_the_live_file(live, tmp_path: Path) -> None:
    assert quick_check(live_path(live)) is None
    assert quick_check(tmp_path / "absent.db") is None
    copy = tmp_path / "copy.db"
    service.create(live.url, copy)
    damage(copy)
    assert quick_check(copy) in ("backup.corrupt", "backup.not_database")


def test_restore_brings_back_the_backup_and_keeps_the_replaced_database(live, tmp_path: Path) -> None:
    backup = tmp_path / "monday.db"
    service.create(live.url, backup)
    add_party(live, "王芳")
    result = service.restore(backup, live.url)
    assert party_names(live_path(live)) == ["张伟", "李娜"]
    assert result.kept is not None and result.kept.name.startswith("test.db.before-restore-")
    assert party_names(result.kept) == ["张伟", "李娜", "王芳"]
    assert check_file(result.kept).ok
    kinds = {e.kind: e for e in service.list_backups(live.url)}
    assert kinds["pre-restore"].file == str(result.kept.resolve())
    # the store still works on the restored database and its audit chain verifies
    add_party(live, "赵敏")
    with live.read() as session:
        assert audit.verify(session).ok


@pytest.mark.parametrize("kind", ["text", "broken", "foreign", "newer", "missing", "live"])
def test_restore_refusals_leave_the_live_database_untouched(live, tmp_path: Path, kind: str) -> None:
    good = tmp_path / "good.db"
    service.create(live.url, good)
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("hello\n" * 500)
    elif kind == "broken":
        shutil.copy(good, bad)
        damage(bad)
    elif kind == "foreign":
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE contacts (name TEXT)")
    elif kind == "newer":
        shutil.copy(good, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
    elif kind == "live":
        bad = live_path(live)
    add_party(live, "王芳")
    before = sorted(p.name for p in live_path(live).parent.iterdir())
    with pytest.raises(UserError) as caught:
        service.restore(bad, live.url)
    assert caught.value.code.startswith("backup.")
    assert party_names(live_path(live)) == ["张伟", "李娜", "王芳"]
    assert sorted(p.name for p in live_path(live).parent.iterdir()) == before  # no kept copy either


def test_restore_of_an_older_schema_upgrades_it(live, tmp_path: Path) -> None:
    old = tmp_path / "old-backup.db"
    shutil.copy(FIXTURES / "renshe-0001.db", old)
    assert check_file(old).ok and check_file(old).revision == "0001"
    result = service.restore(old, live.url)
    assert result.upgraded
    live.dispose()
    reopened = open_store(live.url)
    try:
        with reopened.read() as session:
            assert audit.verify(session).ok
        assert party_names(live_path(live)) == ["张伟", "贵州建筑工程有限公司"]
    finally:
        reopened.dispose()


def test_pre_upgrade_backup_goes_through_the_backup_api_and_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "renshe-0001.db", path)
    url = f"sqlite:///{path}"
    from app.backup.service import before_upgrade
    from app.store.migrate import upgrade

    made = upgrade(url, backup_first=before_upgrade)
    assert made is not None
    assert stat.S_IMODE(Path(made).stat().st_mode) == 0o600
    (entry,) = service.list_backups(url)
    assert entry.kind == "pre-upgrade" and entry.ok and entry.revision == "0001"
    assert entry.file == str(Path(made).resolve())


def test_daily_backup_once_a_day_then_pruned(live) -> None:
    assert service.daily_due(live.url)
    entry = service.make_daily(live.url)
    assert entry is not None and entry.kind == "daily" and entry.ok
    assert Path(entry.file).parent == catalogue.backups_dir()
    assert service.make_daily(live.url) is None  # not twice on one day
    assert not service.daily_due("sqlite:///" + str(live_path(live).with_name("absent.db")))


def _entry(moment: datetime, kind: str = "daily") -> Entry:
    return Entry(at=moment.isoformat(), kind=kind, file=f"/b/{moment:%Y%m%d%H}.db", size=1, database="d")


def test_pruning_keeps_7_daily_4_weekly_12_monthly_and_every_manual() -> None:
    # One daily backup at noon (China time = 04:00 UTC) every day for 500 days, up to Wed 2 Dec 2026,
    # plus a second one on the last day, and one manual backup a year ago.
    last = datetime(2026, 12, 2, 4, tzinfo=UTC)
    entries = [_entry(last - timedelta(days=n)) for n in range(500)]
    entries.append(_entry(last + timedelta(hours=3)))
    manual = _entry(last - timedelta(days=365), kind="manual")
    upgrade = _entry(last - timedelta(days=400), kind="pre-upgrade")
    gone = catalogue.to_prune([*entries, manual, upgrade])
    kept = {e.moment.date() for e in [*entries, manual, upgrade] if e not in gone}
    days = {(last - timedelta(days=n)).date() for n in range(7)}  # 26 Nov … 2 Dec
    # the newest of each of the last 4 ISO weeks: 2 Dec, Sun 29 Nov (both among the days), 22 Nov, 15 Nov
    weeks = {datetime(2026, 11, d).date() for d in (22, 15)}
    # the newest of each of the last 12 months: 2 Dec, 30 Nov (among the days), 31 Oct … 31 Jan 2026
    months = {datetime(2026, m, 1).date() - timedelta(days=1) for m in range(2, 12)}
    assert kept == days | weeks | months | {manual.moment.date(), upgrade.moment.date()}
    assert manual not in gone and upgrade not in gone
    # of the two backups on the last day only the newer is kept
    assert entries[0] in gone and entries[-1] not in gone
    assert len(entries) - len([e for e in entries if e in gone]) == 7 + 2 + 10


def test_pruning_few_backups_keeps_them_all() -> None:
    last = datetime(2026, 12, 2, 4, tzinfo=UTC)
    entries = [_entry(last - timedelta(days=3 * n)) for n in range(5)]
    assert catalogue.to_prune(entries) == []


def test_prune_deletes_the_files_and_the_entries(tmp_path: Path) -> None:
    files = []
    entries = []
    last = datetime(2026, 12, 2, 4, tzinfo=UTC)
    for n in range(10):
        f = tmp_path / f"daily-{n}.db"
        f.write_bytes(b"x")
        files.append(f)
        moment = last - timedelta(days=n)
        entries.append(Entry(at=moment.isoformat(), kind="daily", file=str(f), size=1, database="d"))
    catalogue.save(entries)
    gone = catalogue.prune("d")
    # 2 Dec back to 23 Nov: the 7 days down to 26 Nov are kept; 23–25 Nov are neither among them
    # nor the newest of their week (29 Nov is) or month (30 Nov is), so they go.
    kept_files = {e.file for e in catalogue.load()}
    assert sorted(Path(e.file).name for e in gone) == ["daily-7.db", "daily-8.db", "daily-9.db"]
    assert len(kept_files) == 7
    for entry in gone:
        assert not Path(entry.file).exists()
    for name in kept_files:
        assert Path(name).exists()


def test_postgres_tools_missing_is_said(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    url = "postgresql+psycopg://clerk:secret@127.0.0.1:5432/renshe"
    with pytest.raises(UserError) as caught:
        service.create(url, tmp_path / "x.dump")
    assert caught.value.code == "backup.pg_tool_missing" and caught.value.params["tool"] == "pg_dump"
    assert "pg_dump" in caught.value.message("zh_CN")
    with pytest.raises(UserError) as caught:
        service.restore(tmp_path / "x.dump", url)
    assert caught.value.code == "backup.pg_tool_missing"
