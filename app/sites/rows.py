"""A record's travelling form: its columns as JSON values, references as uuids.

The same on every site for the same content (local ids, versions and time
stamps are left out; references to records that do not travel, such as user
accounts, too), so its digest tells whether two sites hold the same state.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.types import TypeDecorator

from app.sites.travel import TRAVELLING
from app.store.base import Base
from app.store.types import ScaledDecimal, UTCDateTime

LOCAL_COLUMNS = frozenset({"id", "uuid", "version", "created_at", "updated_at"})
CHUNK = 500


@dataclass(frozen=True)
class Shape:
    table: Table
    mapper: Mapper[Any]
    columns: tuple[str, ...]  # travelling columns (not references)
    references: dict[str, str]  # column -> referenced travelling table
    attr: dict[str, str]  # column -> ORM attribute key
    kinds: dict[str, type]  # column -> python type

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.columns + tuple(self.references)


def _python_type(column: Column[Any]) -> type:
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UTCDateTime, ScaledDecimal: what they hold, not what they store
        if isinstance(kind, UTCDateTime):
            return datetime
        if isinstance(kind, ScaledDecimal):
            return Decimal
        kind = kind.impl_instance
    try:
        return kind.python_type
    except NotImplementedError:
        return str


@cache
def shape(table_name: str) -> Shape:
    table = Base.metadata.tables[table_name]
    mapper = next(m for m in Base.registry.mappers if m.local_table is table)
    columns, references, attr, kinds = [], {}, {}, {}
    for column in table.columns:
        if column.name in LOCAL_COLUMNS:
            continue
        attr[column.name] = mapper.get_property_by_column(column).key
        kinds[column.name] = _python_type(column)
        foreign = list(column.foreign_keys)
        if foreign:
            target = foreign[0].column.table.name
            if target in TRAVELLING:
                references[column.name] = target
            # a reference to a table that stays (a user account) stays too
            continue
        columns.append(column.name)
    return Shape(table, mapper, tuple(columns), references, attr, kinds)


@cache
def travelling_order() -> tuple[str, ...]:
    """Travelling tables, each after the tables it refers to."""
    return tuple(t.name for t in Base.metadata.sorted_tables if t.name in TRAVELLING)


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def from_json(kind: type, value: Any) -> Any:
    if value is None:
        return None
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    return value


def digest(form: dict[str, Any]) -> str:
    # forms hold JSON values already (to_json), so plain sorted JSON is canonical
    return hashlib.sha256(json.dumps(form, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


class UuidMaps:
    """id ↔ uuid of travelling tables, loaded once per table when first asked."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._uuid: dict[str, dict[int, str]] = {}
        self._id: dict[str, dict[str, int]] = {}

    def _load(self, table_name: str) -> None:
        if table_name in self._uuid:
            return
        table = Base.metadata.tables[table_name]
        rows = self.session.execute(select(table.c.id, table.c.uuid)).all()
        self._uuid[table_name] = {i: str(u) for i, u in rows}
        self._id[table_name] = {str(u): i for i, u in rows}

    def uuid_of(self, table_name: str, record_id: int) -> str | None:
        self._load(table_name)
        return self._uuid[table_name].get(record_id)

    def id_of(self, table_name: str, record_uuid: str) -> int | None:
        self._load(table_name)
        return self._id[table_name].get(record_uuid)

    def add(self, table_name: str, record_id: int, record_uuid: str) -> None:
        self._load(table_name)
        self._uuid[table_name][record_id] = record_uuid
        self._id[table_name][record_uuid] = record_id


def form_of(sh: Shape, row: Any, maps: UuidMaps) -> dict[str, Any]:
    mapping = row._mapping
    form = {name: to_json(mapping[name]) for name in sh.columns}
    for name, target in sh.references.items():
        value = mapping[name]
        form[name] = None if value is None else maps.uuid_of(target, value)
    return form


def rows_of(session: Session, table_name: str, maps: UuidMaps,
            uuids: Iterable[str] | None = None) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(local id, uuid, travelling form) of every row, or of the rows with these uuids."""
    sh = shape(table_name)
    t = sh.table
    wanted = [t.c.id, t.c.uuid, *(t.c[name] for name in sh.all_columns)]
    if uuids is None:
        for row in session.execute(select(*wanted).order_by(t.c.id)):
            yield row.id, str(row.uuid), form_of(sh, row, maps)
        return
    keys = [uuid.UUID(u) for u in uuids]
    for start in range(0, len(keys), CHUNK):
        for row in session.execute(select(*wanted).where(t.c.uuid.in_(keys[start:start + CHUNK]))):
            yield row.id, str(row.uuid), form_of(sh, row, maps)


def attributes_from(sh: Shape, form: dict[str, Any], maps: UuidMaps, aliases: dict[str, str]) -> dict[str, Any]:
    """ORM attribute values for a travelling form, references turned into local ids.
    Raises LookupError(table, uuid) for a reference to a record this site lacks."""
    values: dict[str, Any] = {}
    for name in sh.columns:
        if name in form:
            values[sh.attr[name]] = from_json(sh.kinds[name], form[name])
    for name, target in sh.references.items():
        ref = form.get(name)
        if ref is None:
            values[sh.attr[name]] = None
            continue
        ref = aliases.get(ref, ref)
        local = maps.id_of(target, ref)
        if local is None:
            raise LookupError(target, ref)
        values[sh.attr[name]] = local
    return values
