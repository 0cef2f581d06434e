"""Making and restoring backups.

SQLite: the copy is taken through SQLite's online backup API, a few hundred
pages per step (so progress can be shown and the work cancelled), inside one
read transaction on the source, so that the copy is one consistent moment even
while another process writes (WAL lets that writer go on).  A restore writes
the backup INTO the live database through the same API, the live database
being the destination: no file is ever replaced under an open connection.

PostgreSQL: `pg_dump -Fc` and `pg_restore --clean --if-exists`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from app.backup import catalogue, postgres
from app.backup.catalogue import Entry
from app.backup.check import CheckResult, check_file, open_read_only, quick_check
from app.clock import BUREAU_TZ, bureau_today
from app.errors import Cancelled, StorageError, UserError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
PAGES_PER_STEP = 256


class _Cancel(Protocol):  # what is used of app.kernel.progress.CancelToken
    @property
    def cancelled(self) -> bool: ...


@dataclass
class RestoreResult:
    check: CheckResult
    kept: Path | None  # the replaced database, kept beside it
    upgraded: bool


def sqlite_path(url: str) -> Path | None:
    from app.store.migrate import sqlite_file

    return sqlite_file(url)


def database_label(url: str) -> str:
    """How the catalogue names a database: its file, or its URL without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path.resolve())
    from sqlalchemy import make_url

    return make_url(url).render_as_string(hide_password=True)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(BUREAU_TZ).strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _destination(url: str, out: Path, moment: datetime, kind: str) -> Path:
    """`out` itself, or a new file named after the database and the time inside the folder `out`."""
    if out.is_dir():
        source = sqlite_path(url)
        name = source.stem if source is not None else (postgres.database_name(url) or "renshe-desk")
        tail = "" if kind == "manual" else f"-{kind}"
        return _free_name(out, f"{name}-{_stamp(moment)}{tail}", ".db" if source is not None else ".dump")
    if out.exists():
        raise UserError("backup.exists", path=str(out))
    if not out.parent.is_dir():
        raise UserError("backup.folder_missing", path=str(out.parent))
    return out


def copy_sqlite(source: Path, destination: Path, *, progress: Progress | None = None, cancel: _Cancel | None = None) -> None:
    """Copy `source` into the new file `destination` (mode 0600) through SQLite's backup API.

    The copy is written under a temporary name and renamed when complete, so an
    interrupted copy leaves no file that looks like a backup.
    """
    partial = destination.with_name(destination.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(partial, 0o600)

    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if progress is not None:
            progress(total - remaining, total)

    try:
        with closing(open_read_only(source)) as src, closing(sqlite3.connect(partial)) as dst:
            # One read transaction around every step: the copy is one moment of the
            # database, and a writer elsewhere neither restarts nor waits for it.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        os.replace(partial, destination)
    except sqlite3.OperationalError as exc:
        partial.unlink(missing_ok=True)
        raise _storage_error(exc) from exc
    except sqlite3.DatabaseError as exc:  # "malformed", "not a database": the source is damaged
        partial.unlink(missing_ok=True)
        raise UserError("backup.corrupt", path=str(source)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _storage_error(exc: sqlite3.Error) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StorageError("db.locked")
    if "full" in text:
        return StorageError("db.disk_full")
    return StorageError("db.unreachable", detail=str(exc))


def create(
    url: str,
    out: Path,
    *,
    kind: str = "manual",
    progress: Progress | None = None,
    cancel: _Cancel | None = None,
) -> Entry:
    """Back up the database at `url` to `out` (a new file, or a folder to put it in),
    check the copy and list it in the catalogue.  The entry says what the check found."""
    moment = datetime.now(UTC)
    source = sqlite_path(url)
    if source is not None and not source.is_file():
        raise UserError("backup.source_missing", path=str(source))
    destination = _destination(url, Path(out), moment, kind)
    if source is None:
        check = postgres.dump(url, destination, progress=progress)
    else:
        copy_sqlite(source, destination, progress=progress, cancel=cancel)
        check = check_file(destination)
    entry = Entry(
        at=moment.isoformat(),
        kind=kind,
        file=str(destination.resolve()),
        size=destination.stat().st_size,
        database=database_label(url),
        revision=check.revision,
        check=check.problem or "ok",
        counts=check.counts,
        audit_seq=check.audit_seq,
        audit_hash=check.audit_hash,
    )
    catalogue.add(entry)
    log.info("backup (%s) written: %s, check %s", kind, destination.name, entry.check)
    return entry


def list_backups(url: str) -> list[Entry]:
    return catalogue.entries_for(database_label(url))


# ---------------------------------------------------------------- automatic backups


def daily_due(url: str) -> bool:
    """No automatic or manual backup of this database yet today (bureau calendar), and a database to back up."""
    source = sqlite_path(url)
    if source is not None and not source.is_file():
        return False
    today = bureau_today()
    return not any(catalogue.bureau_day(e.moment) == today for e in list_backups(url) if e.ok)


def make_daily(url: str, *, progress: Progress | None = None, cancel: _Cancel | None = None) -> Entry | None:
    """The first start of the day: a backup into the data folder's backups/, then pruning."""
    if not daily_due(url):
        return None
    entry = create(url, catalogue.backups_dir(), kind="daily", progress=progress, cancel=cancel)
    for gone in catalogue.prune(database_label(url)):
        log.info("old daily backup pruned: %s", Path(gone.file).name)
    return entry


def before_upgrade(url: str, db_file: Path, head: str) -> Path:
    """The copy taken before a schema upgrade, beside the database; verified, or the upgrade stops."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = _free_name(db_file.parent, f"{db_file.name}.before-{head}-{stamp}", ".bak")
    entry = create(url, target, kind="pre-upgrade")
    if not entry.ok:
        raise StorageError("backup.pre_upgrade_failed", path=entry.file, reason=entry.check)
    return Path(entry.file)


# ---------------------------------------------------------------- restore


def restore(file: Path, url: str, *, progress: Progress | None = None) -> RestoreResult:
    """Put the backup `file` in place of the database at `url`.

    The file is checked first (a refusal leaves the live database untouched);
    the live database is then kept beside itself as `<name>.before-restore-<time>`
    (through the backup API, and listed as a pre-restore backup); then the
    backup is written into the live database; an older schema is upgraded.
    """
    file = Path(file)
    source = sqlite_path(url)
    if source is None:
        return _restore_server(file, url, progress=progress)
    check = check_file(file)
    if not check.ok:
        raise UserError(check.problem or "backup.corrupt", path=str(file))
    if source.exists() and source.resolve() == file.resolve():
        raise UserError("backup.is_live", path=str(file))
    if source.is_file() and quick_check(source) is not None:
        return restore_damaged(file, url, progress=progress)  # it cannot be copied aside page by page
    kept = None
    if source.is_file():
        moment = datetime.now(UTC)
        kept = _free_name(source.parent, f"{source.name}.before-restore-{_stamp(moment)}", "")
        create(url, kept, kind="pre-restore")
    _write_into(file, source, progress)
    from app.store.migrate import head_revision, upgrade

    upgraded = False
    if check.revision != head_revision():
        upgrade(url, backup_first=None)  # the backup itself is the copy of the state before the upgrade
        upgraded = True
    log.info("database restored from %s (replaced database kept as %s)", file.name, kept.name if kept else "-")
    return RestoreResult(check=check, kept=kept, upgraded=upgraded)


def _restore_server(file: Path, url: str, *, progress: Progress | None = None) -> RestoreResult:
    """A PostgreSQL dump in place of the server database: checked, the database kept as a dump first."""
    pg_restore = postgres.restore_tool()
    check = postgres.check_dump(file)
    if not check.ok:
        raise UserError(check.problem or "backup.corrupt", path=str(file))
    kept = create(url, catalogue.backups_dir(), kind="pre-restore")
    postgres.load(file, url, pg_restore, progress=progress)
    from app.store.migrate import upgrade

    upgrade(url, backup_first=None)
    return RestoreResult(check=check, kept=Path(kept.file), upgraded=False)


def newest_good_backup(url: str) -> Entry | None:
    """The newest backup of this database that passed its check and is still there."""
    for entry in list_backups(url):
        if entry.ok and Path(entry.file).is_file():
            return entry
    return None


def restore_damaged(file: Path, url: str, *, progress: Progress | None = None) -> RestoreResult:
    """Restore over a database SQLite cannot read (at start-up, before anything opens it).

    A damaged file cannot be copied page by page, nor written into, so it is
    moved aside whole (`<name>.damaged-<time>`, with its -wal and -shm) and
    the backup written into a new file in its place.
    """
    file = Path(file)
    live = sqlite_path(url)
    assert live is not None, "a damaged database is a SQLite file"
    check = check_file(file)
    if not check.ok:
        raise UserError(check.problem or "backup.corrupt", path=str(file))
    kept = _free_name(live.parent, f"{live.name}.damaged-{_stamp(datetime.now(UTC))}", "")
    for suffix in ("-wal", "-shm", ""):  # renaming opens nothing; the main file last
        part = live.with_name(live.name + suffix)
        if part.exists():
            os.replace(part, kept.with_name(kept.name + suffix))
    _write_into(file, live, progress)
    from app.store.migrate import head_revision, upgrade

    upgraded = check.revision != head_revision()
    if upgraded:
        upgrade(url, backup_first=None)
    log.info("damaged database set aside as %s, restored from %s", kept.name, file.name)
    return RestoreResult(check=check, kept=kept, upgraded=upgraded)


def _write_into(backup_file: Path, live: Path, progress: Progress | None) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    live.parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(open_read_only(backup_file)) as src, closing(sqlite3.connect(live, timeout=10)) as dst:
            dst.execute("PRAGMA busy_timeout=10000")
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            if dst.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise StorageError("db.corrupt_after_restore")
    except sqlite3.OperationalError as exc:
        raise _storage_error(exc) from exc
