"""The table rows a complaints-ledger import writes with executemany: each
model's writer (SQLite's stored form, the audit digest of each record as the
ORM will read it back, the portable insert), the order the tables are written
in, and the time-ordered uuids of the new records.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, date, datetime
from time import time_ns
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.types import TypeDecorator

from app.audit import chain as audit
from app.complaints.models import (
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintWorker,
    WagePayment,
)
from app.kernel.numbering_model import IssuedNumber
from app.parties.models import Party


class TableWriter:
    """Writes one model's records with executemany and gives each record's audit digest.

    The digest is `audit.record_digest` of the row as the ORM will read it
    back: the values written are turned into the canonical values the ORM's
    read-back would give (the record never goes through the ORM), and
    `audit.canonical_state_digest` makes the digest of them.  SQLite gets the values in its stored form straight through the
    driver (half the time of Core's per-value processing); other databases go
    through Core.
    """

    def __init__(self, model: type[Any]) -> None:
        self.model = model
        self.table: Table = model.__table__
        self.columns = tuple(attr.key for attr in model.__mapper__.column_attrs)
        self.dates: list[int] = []
        self.moments: list[int] = []
        self.uuids: list[int] = []
        for index, name in enumerate(self.columns):
            column_type = self.table.c[name].type
            if isinstance(column_type, TypeDecorator):
                column_type = column_type.impl
            python_type = column_type.python_type
            if python_type is uuid.UUID:
                self.uuids.append(index)
            elif python_type is datetime:
                self.moments.append(index)
            elif python_type is date:
                self.dates.append(index)
        self.audited = [(self.columns.index(name), name) for name in audit.audited_columns(model)]
        # the audited columns by how their stored value becomes canonical (`digests`)
        self._moment_audited = [(index, name) for index, name in self.audited if index in self.moments]
        self._uuid_audited = [(index, name) for index, name in self.audited if index in self.uuids]
        self._plain_audited = [(index, name) for index, name in self.audited
                               if index not in self.moments and index not in self.uuids]
        names = ", ".join(self.table.c[name].name for name in self.columns)
        self.sqlite_insert = f"INSERT INTO {self.table.name} ({names}) VALUES ({', '.join('?' * len(self.columns))})"
        self._stored: dict[datetime, str] = {}
        self._canonical: dict[str, str] = {}

    def _stored_moment(self, value: datetime) -> str:
        """SQLite's stored text of an aware datetime (an import has few distinct ones)."""
        found = self._stored.get(value)
        if found is None:
            found = self._stored[value] = value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        return found

    def _canonical_moment(self, stored: str) -> str:
        """`audit.canonical` of the aware datetime the ORM reads back from SQLite's text."""
        found = self._canonical.get(stored)
        if found is None:
            found = self._canonical[stored] = datetime.fromisoformat(stored).replace(tzinfo=UTC).isoformat()
        return found

    def stored_rows(self, records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """The records as SQLite stores them, in column order (dates and times as text, uuids as hex)."""
        rows: list[tuple[Any, ...]] = []
        columns, dates, moments = self.columns, self.dates, self.moments
        stored_moment, stored_moments = self._stored_moment, self._stored
        for record in records:
            stored = list(map(record.get, columns))
            for index in dates:
                value = stored[index]
                if value is not None:
                    stored[index] = value.isoformat()
            for index in moments:
                value = stored[index]
                if value is not None:
                    stored[index] = stored_moments.get(value) or stored_moment(value)
            rows.append(tuple(stored))
        return rows

    def digests(self, rows: list[tuple[Any, ...]]) -> list[str]:
        """`audit.record_digest` of each stored row, as the ORM will read it back."""
        digest = audit.canonical_state_digest
        plain, moments, uuids = self._plain_audited, self._moment_audited, self._uuid_audited
        canonical_moment, canonical_moments = self._canonical_moment, self._canonical
        digests: list[str] = []
        for row in rows:
            # the audited columns that are set; the stored text of times and uuids in their canonical form
            state = {name: value for index, name in plain if (value := row[index]) is not None}
            for index, name in moments:
                value = row[index]
                if value is not None:
                    state[name] = canonical_moments.get(value) or canonical_moment(value)
            for index, name in uuids:  # stored as 32 hex digits; canonical is the dashed form
                value = row[index]
                if value is not None:
                    state[name] = f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
            digests.append(digest(state))
        return digests

    def insert_values(self, connection: Connection, records: list[dict[str, Any]]) -> None:
        """The portable path (PostgreSQL): Core executemany of the records' values."""
        empty = dict.fromkeys(self.columns)
        connection.execute(insert(self.table), [{**empty, **r, "uuid": uuid.UUID(hex=r["uuid"])} for r in records])


_WRITERS: dict[type[Any], TableWriter] = {}
_WRITERS_BY_TABLE: dict[str, TableWriter] = {}


def writer_for(model: type[Any]) -> TableWriter:
    writer = _WRITERS.get(model)
    if writer is None:
        writer = _WRITERS[model] = _WRITERS_BY_TABLE[model.__tablename__] = TableWriter(model)
    return writer


class TimeOrderedUuids:
    """Version 7 UUIDs (RFC 9562: 48-bit Unix milliseconds first), counting up.

    Random (version 4) keys land all over each table's uuid index; at a
    hundred thousand rows those scattered page writes cost about a tenth of an
    import's database time.  Keys that count up append to the index instead.
    Each import starts at the current millisecond with 42 random bits and
    counts up in the low 32 bits.
    """

    _RANDOM_BITS = ((1 << 80) - 1) & ~((1 << 32) - 1)  # bits 32-79; version and variant overwrite 6 of them

    def __init__(self) -> None:
        milliseconds = time_ns() // 1_000_000 & ((1 << 48) - 1)
        self.value = milliseconds << 80 | (int.from_bytes(os.urandom(10)) & self._RANDOM_BITS)

    def next_hex(self) -> str:
        self.value += 1
        value = (self.value & ~(0xF << 76)) | (0x7 << 76)  # version 7
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # variant 10
        return f"{value:032x}"


WRITE_ORDER: tuple[type[Any], ...] = (
    Party, Complaint, ComplaintEmployer, ComplaintWorker, WagePayment, ComplaintEvent, IssuedNumber,
)
MODELS_BY_TABLE = {model.__tablename__: model for model in WRITE_ORDER}


def writer_for_table(table_name: str) -> TableWriter:
    return _WRITERS_BY_TABLE.get(table_name) or writer_for(MODELS_BY_TABLE[table_name])
