"""The backups the program knows of: `catalogue.json` in the data folder's `backups/`.

A JSON file rather than a table: it must be readable when the database is not
(a damaged database is restored from it), and it needs no migration.  It is
rewritten whole through a temporary file and `os.replace`, so a crash leaves
the old or the new catalogue, never half of one.

Pruning (automatic daily backups only; manual, pre-upgrade and pre-restore
backups are kept until a person deletes them): keep the newest backup of each
of the last 7 days that have one, of each of the last 4 weeks and of each of
the last 12 months — days, weeks and months of the bureau's calendar.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.clock import BUREAU_TZ

CATALOGUE_NAME = "catalogue.json"
KINDS = ("daily", "manual", "pre-upgrade", "pre-restore")
PRUNED_KINDS = ("daily",)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass
class Entry:
    at: str  # ISO 8601, UTC
    kind: str
    file: str
    size: int
    database: str  # the database it was taken of (a file path, or a URL without password)
    revision: str | None = None
    check: str = "ok"  # "ok" or the error code of what the check found
    counts: dict[str, int] = field(default_factory=dict)
    audit_seq: int = 0
    audit_hash: str = ""

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at)

    @property
    def ok(self) -> bool:
        return self.check == "ok"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"exists": Path(self.file).exists()}


def backups_dir() -> Path:
    from app.config import data_dir

    path = data_dir() / "backups"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # copies of personal data: the user's eyes only
    return path


def catalogue_path() -> Path:
    return backups_dir() / CATALOGUE_NAME


def load() -> list[Entry]:
    path = catalogue_path()
    if not path.exists():
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Entry(**item) for item in raw.get("backups", [])]
    except (ValueError, TypeError, AttributeError):
        return []  # an unreadable catalogue lists nothing; the backup files stay where they are


def save(entries: Iterable[Entry]) -> None:
    path = catalogue_path()
    document = {"version": 1, "backups": [asdict(e) for e in entries]}
    fd, temp_name = tempfile.mkstemp(prefix=".catalogue-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def add(entry: Entry) -> None:
    save([*load(), entry])


def entries_for(database: str) -> list[Entry]:
    """The backups of one database, newest first."""
    return sorted((e for e in load() if e.database == database), key=lambda e: e.at, reverse=True)


def bureau_day(moment: datetime) -> date:
    return moment.astimezone(BUREAU_TZ).date()


def to_prune(entries: Iterable[Entry]) -> list[Entry]:
    """The automatic backups the 7 daily / 4 weekly / 12 monthly rule lets go."""
    candidates = sorted((e for e in entries if e.kind in PRUNED_KINDS), key=lambda e: e.at, reverse=True)
    kept: set[int] = set()
    for bucket, keep in (
        (lambda d: d, KEEP_DAILY),
        (lambda d: tuple(d.isocalendar())[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen: list[Any] = []
        for index, entry in enumerate(candidates):  # newest first: the newest of each bucket
            key = bucket(bureau_day(entry.moment))
            if key in seen:
                continue
            if len(seen) == keep:
                break
            seen.append(key)
            kept.add(index)
    return [e for i, e in enumerate(candidates) if i not in kept]


def prune(database: str) -> list[Entry]:
    """Delete the backup files the rule lets go and drop them from the catalogue."""
    entries = load()
    gone = to_prune(e for e in entries if e.database == database)
    if not gone:
        return []
    for entry in gone:
        Path(entry.file).unlink(missing_ok=True)
    gone_ids = {id(e) for e in gone}
    save(e for e in entries if id(e) not in gone_ids)
    return gone
