"""Human case numbers: one counter per (issuing body, document type, year), never reused."""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class NumberCounter(TravellingRecord, Base):
    __tablename__ = "number_counter"
    __audited__ = True

    body: Mapped[str] = mapped_column(String(64))  # issuing body, e.g. the district or a township centre
    doc_type: Mapped[str] = mapped_column(String(32))
    year: Mapped[int]
    last_value: Mapped[int] = mapped_column(default=0)

    __table_args__ = (UniqueConstraint("body", "doc_type", "year"),)


class IssuedNumber(TravellingRecord, Base):
    """Every number handed out, and what it was given to; voided numbers stay, marked."""

    __tablename__ = "issued_number"
    __audited__ = True

    body: Mapped[str] = mapped_column(String(64))
    doc_type: Mapped[str] = mapped_column(String(32))
    year: Mapped[int]
    value: Mapped[int]
    text: Mapped[str] = mapped_column(String(100), unique=True)
    record_table: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[int | None]
    void: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("body", "doc_type", "year", "value"),)
