"""Which spreadsheet files were imported (issue 13): the same file is not imported twice by accident.

Every import records its file's SHA-256, the file's name, who imported it,
when, and how many rows went in or were refused (`ImportBatch`, audited like
any record), in the import's own unit of work.  A second import of a file
with the same hash is refused, naming the first import's date and user,
unless the user asks for it explicitly (`again`; `--again` on the command
line, a confirmation in the windows).

Every row an import saves also leaves its natural key (`ImportRowKey`, a keyed
digest of e.g. the ID number, or worker + employer + day + amount), under its
batch.  A row whose key an earlier import saved, and whose record is still
here, is refused in any later file — a ledger exported again with a few rows
more has another hash, but its old rows are still the old rows — naming the
earlier file, row, date and user.  `--again` repeats a file, not its rows: a
second run saves only the rows the first one refused.  A row whose record was
deleted since imports again (`earlier_rows` says why).  (Each importer also
asks the register itself — same ID number, same case — which catches rows
imported before keys were kept.)
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from app.accounts.actor import Actor
from app.accounts.people import display_names
from app.arbitration.models import ArbitrationCase
from app.audit import chain as audit
from app.clock import BUREAU_TZ
from app.complaints.models import Complaint
from app.errors import UserError
from app.imports.models import ImportBatch, ImportRowKey
from app.kernel.unit_of_work import UnitOfWork
from app.parties.models import Party
from app.privacy import keyed_digest
from app.staff.models import Officer

_CHUNK = 1024 * 1024
_LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class ImportSource:
    """The file an import reads: what to record, and whether a repeat was asked for."""

    kind: str
    file_name: str
    sha256: str
    again: bool = False


def source_for(kind: str, path: str | os.PathLike[str], *, again: bool = False) -> ImportSource:
    """Hash the uploaded spreadsheet (never the database).  A file that cannot be read is a UserError."""
    file = Path(path)
    digest = hashlib.sha256()
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise UserError("file.not_found", path=file.name) from None
    except OSError as exc:
        raise UserError("import.cannot_read", file=file.name, detail=exc.strerror or type(exc).__name__) from exc
    return ImportSource(kind, file.name[:255], digest.hexdigest(), again)


def refuse_repeat(session: Any, source: ImportSource | None) -> None:
    """Raise `import.already_imported` if this file was imported before (and no repeat was asked for)."""
    if source is None or source.again:
        return
    first = session.execute(
        select(ImportBatch.imported_at, ImportBatch.username, ImportBatch.file_name)
        .where(ImportBatch.kind == source.kind, ImportBatch.sha256 == source.sha256)
        .order_by(ImportBatch.id)
        .limit(1)
    ).first()
    if first is not None:
        when = first.imported_at.astimezone(BUREAU_TZ).strftime("%Y-%m-%d %H:%M")
        name = display_names(session, [first.username]).get(first.username, first.username)
        raise UserError("import.already_imported", file=source.file_name, date=when, user=name)


def record(
    uow: UnitOfWork, source: ImportSource | None, imported: int, refused: int, keys: RowKeys | None = None
) -> None:
    """The batch and its rows' keys, in the import's own unit of work (saved, and audited,
    with the rows or not at all).  Call it after the last flush: the rows' ids are known."""
    batch_id = begin(uow, source, imported, refused)
    if batch_id is not None and keys is not None and source is not None:
        write_keys(uow.session.connection(), uow.actor, batch_id, keys.saved_rows(), source.file_name)


def begin(uow: UnitOfWork, source: ImportSource | None, imported: int = 0, refused: int = 0) -> int | None:
    """Save the batch (before its rows, for an import that writes its keys as it goes): its id."""
    if source is None:
        return None
    batch = ImportBatch(
        kind=source.kind, file_name=source.file_name, sha256=source.sha256, rows_imported=imported,
        rows_refused=refused, username=uow.actor.username, imported_at=datetime.now(UTC),
    )
    uow.session.add(batch)
    uow.flush()
    return batch.id


def finish(uow: UnitOfWork, batch_id: int | None, imported: int, refused: int) -> None:
    """The batch's row counts, once they are known."""
    if batch_id is None:
        return
    batch = uow.session.get(ImportBatch, batch_id)
    assert batch is not None
    if (batch.rows_imported, batch.rows_refused) != (imported, refused):
        batch.rows_imported, batch.rows_refused = imported, refused
        uow.flush()


# ---------------------------------------------------------------- the rows' natural keys


def row_key(secret: bytes, kind: str, natural: str) -> str:
    """The stored form of a row's natural key: a keyed digest, never the ID number itself."""
    return keyed_digest(secret, f"{kind}\x1f{natural}")


@dataclass(frozen=True)
class EarlierRow:
    """Where a row key was saved before: the file, its row, when and by whom."""

    file_name: str
    row_no: int
    imported_at: datetime
    username: str

    def refusal(self, field: str | None = None) -> UserError:
        when = self.imported_at.astimezone(BUREAU_TZ).strftime("%Y-%m-%d %H:%M")
        return UserError("import.row_imported_before", field=field, file=self.file_name, row=self.row_no,
                         date=when, user=self.username)


# What each kind of import's rows become (`ImportRowKey.record_id` is an id in this table).
RECORD_TABLES: dict[str, Any] = {
    "parties": Party, "complaints": Complaint, "arbitration": ArbitrationCase, "staff": Officer,
}


def earlier_rows(connection: Connection | Any, keys: Iterable[str]) -> dict[str, EarlierRow]:
    """The keys (of `row_key`) saved by an earlier import whose record is still here:
    key -> where (its first import).

    A row whose record has since been deleted (by a tombstone from another site, or a
    conflict settled as deleted) is not "imported before" any more: nothing here holds it,
    so refusing it would leave the clerk no way to bring the row in again, and the message
    would point at a record nobody can find.  The same *file* is still refused a second
    time (`refuse_repeat`) unless asked for, so an old file does not bring a deleted record
    back by accident.  (Should a deleted record's id be reused by a newer one — SQLite
    reuses the highest id — the row is refused: the cautious side.)"""
    wanted = sorted(set(keys))
    found: dict[str, EarlierRow] = {}
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[start : start + _LOOKUP_CHUNK]
        rows = connection.execute(
            select(ImportRowKey.row_key, ImportRowKey.row_no, ImportRowKey.record_id, ImportBatch.kind,
                   ImportBatch.file_name, ImportBatch.imported_at, ImportBatch.username)
            .join(ImportBatch, ImportBatch.id == ImportRowKey.batch_id)
            .where(ImportRowKey.row_key.in_(chunk))
            .order_by(ImportRowKey.id.desc())  # the first import's row wins below
        ).all()
        present = _records_present(connection, rows)
        for r in rows:
            if (r.kind, r.record_id) in present:
                found[r.row_key] = EarlierRow(r.file_name, r.row_no, r.imported_at, r.username)
    names = display_names(connection, {row.username for row in found.values()})  # the clerk reads a name
    return {key: replace(row, username=names.get(row.username, row.username)) for key, row in found.items()}


def _records_present(connection: Connection | Any, rows: Iterable[Any]) -> set[tuple[str, int]]:
    """(kind, record id) of the rows whose record still exists."""
    by_kind: dict[str, set[int]] = {}
    for r in rows:
        by_kind.setdefault(r.kind, set()).add(r.record_id)
    present: set[tuple[str, int]] = set()
    for kind, ids in by_kind.items():
        model = RECORD_TABLES.get(kind)
        if model is None:  # a kind this program does not know: keep refusing its rows
            present.update((kind, i) for i in ids)
            continue
        present.update((kind, i) for i in connection.execute(select(model.id).where(model.id.in_(sorted(ids)))).scalars())
    return present


class RowKeys:
    """The keys of one import done through the ORM (parties, arbitration, staff), row by row.

    `check(natural)` refuses a row saved by an earlier import (a UserError naming it) and
    gives its key; `saved(row_no, record, key)` notes a row saved (its record's id is read
    when the batch is recorded, after the last flush).
    """

    def __init__(self, session: Any, kind: str) -> None:
        self.connection = session.connection()
        self.kind = kind
        self.secret = audit.audit_key(self.connection)
        self._saved: list[tuple[int, Any, str]] = []

    def check(self, natural: str | None, field: str | None = None) -> str | None:
        if not natural:
            return None
        key = row_key(self.secret, self.kind, natural)
        earlier = earlier_rows(self.connection, [key]).get(key)
        if earlier is not None:
            raise earlier.refusal(field)
        return key

    def saved(self, row_no: int, record: Any, key: str | None) -> None:
        if key is not None:
            self._saved.append((row_no, record, key))

    def saved_rows(self) -> list[tuple[int, int, str]]:
        return [(row_no, record if isinstance(record, int) else record.id, key) for row_no, record, key in self._saved]


def write_keys(connection: Connection, actor: Actor, batch_id: int, rows: list[tuple[int, int, str]],
               reason: str) -> None:
    """Insert (row number, record id, key) rows under the batch, with one audit entry listing
    each new row's id and digest (`audit.bulk_insert_entry`, as `audit verify` checks it)."""
    if not rows:
        return
    last_id = connection.execute(
        select(ImportRowKey.id).where(ImportRowKey.batch_id == batch_id).order_by(ImportRowKey.id.desc()).limit(1)
    ).scalar() or 0
    connection.execute(insert(ImportRowKey), [
        {"batch_id": batch_id, "row_no": row_no, "record_id": record_id, "row_key": key}
        for row_no, record_id, key in rows
    ])
    names = ("id", "batch_id", "row_no", "record_id", "row_key")
    written = connection.execute(
        select(*(getattr(ImportRowKey, name) for name in names))
        .where(ImportRowKey.batch_id == batch_id, ImportRowKey.id > last_id)
    ).all()
    # The digest of the record as the ORM reads it back (audit.record_digest): these columns are plain values.
    records = [(int(r[0]), audit.state_digest(dict(zip(names, r, strict=True)))) for r in written]
    audit.append(connection, actor, [audit.bulk_insert_entry(ImportRowKey.__tablename__, records,
                                                             f"导入行记录：{reason}" if reason else "导入行记录")])
