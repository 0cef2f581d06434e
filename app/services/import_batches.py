"""Which spreadsheet files were imported (issue 13): the same file is not imported twice by accident.

Every import records its file's SHA-256, the file's name, who imported it,
when, and how many rows went in or were refused (`ImportBatch`, audited like
any record), in the import's own unit of work.  A second import of a file
with the same hash is refused, naming the first import's date and user,
unless the user asks for it explicitly (`again`; `--again` on the command
line, a confirmation in the windows).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.clock import BUREAU_TZ
from app.errors import UserError
from app.models.import_batch import ImportBatch
from app.services.unit_of_work import UnitOfWork

_CHUNK = 1024 * 1024


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
        raise UserError("import.already_imported", file=source.file_name, date=when, user=first.username)


def record(uow: UnitOfWork, source: ImportSource | None, imported: int, refused: int) -> None:
    """The batch, in the import's own unit of work (saved, and audited, with the rows or not at all)."""
    if source is None:
        return
    uow.session.add(ImportBatch(
        kind=source.kind, file_name=source.file_name, sha256=source.sha256, rows_imported=imported,
        rows_refused=refused, username=uow.actor.username, imported_at=datetime.now(UTC),
    ))
    uow.flush()
