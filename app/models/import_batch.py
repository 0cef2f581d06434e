"""One import of a spreadsheet: which file (its SHA-256), by whom, when, and how many rows went in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
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
