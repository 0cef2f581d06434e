"""One import of a spreadsheet: which file (its SHA-256), by whom, when, and how many rows went in;
and the natural key of every row it imported (`ImportRowKey`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class ImportBatch(TravellingRecord, Base):
    __tablename__ = "import_batch"
    __audited__ = True

    kind: Mapped[str] = mapped_column(String(32))  # parties, complaints, arbitration, staff
    file_name: Mapped[str] = mapped_column(String(255))  # the name only, never the folder
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    rows_imported: Mapped[int]
    rows_refused: Mapped[int]
    username: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime]


class ImportRowKey(Base):
    """The natural key of one row an import saved (app.imports.batches.row_key).

    `row_key` is a keyed digest (the audit key's HMAC) of the import's kind and the row's
    natural key — an ID number, a credit code, worker + employer + day + amount — so
    this table holds no personal value, yet a row seen before is found by one index
    lookup, whichever file it comes in.  Audited (the ledger import writes them in bulk,
    with one bulk entry per batch), never travelling (its site's own, like the batch).
    """

    __tablename__ = "import_row_key"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    row_no: Mapped[int]  # the row of the file
    record_id: Mapped[int]  # what the row became: the party, complaint, arbitration case or officer
    row_key: Mapped[str] = mapped_column(String(32), index=True)
