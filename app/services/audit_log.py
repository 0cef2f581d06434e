"""Reading the audit record: the paged, filterable 操作日志 and its verification."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.clock import day_start, local_time
from app.models.audit import AuditEntry
from app.privacy import mask
from app.services import audit
from app.services.actor import Actor
from app.services.paging import PagedQuery, SortSpec
from app.services.permissions import Permission
from app.store.engine import Store

# Field names whose values are personal data (kept in app.services.audit, which protects them).
SENSITIVE_FIELDS = audit.SENSITIVE_FIELDS
sensitive_fields = audit.sensitive_fields
ACTIONS = ("insert", "bulk_insert", "update", "delete", "reveal", "export", "login", "baseline", "rechain")


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # UTC; shown in China time (app.clock.local_time)
    actor: str
    machine: str
    action: str
    table_name: str
    record_id: int | None
    changes: dict[str, Any]  # personal values masked
    reason: str

    @property
    def local_time(self) -> str:
        return local_time(self.at).strftime("%Y-%m-%d %H:%M:%S")

    def changes_text(self) -> str:
        """One line: field: old → new; …"""
        parts = []
        for field, value in sorted(self.changes.items()):
            if isinstance(value, list) and len(value) == 2:
                old, new = ("" if v is None else v for v in value)
                parts.append(f"{field}: {old} → {new}")
            else:
                parts.append(f"{field}: {value}")
        return "；".join(parts)


def masked_changes(raw: str, table_name: str = "") -> dict[str, Any]:
    try:
        changes = json.loads(raw) if raw else {}
    except ValueError:
        return {"?": raw}
    for field, kind in sensitive_fields(table_name).items():
        value = changes.get(field)
        if isinstance(value, list):
            # An entry keeps {"masked", "hmac"} (issue 13); one older than migration 0010 kept the value.
            changes[field] = [v.get("masked", "") if isinstance(v, dict) else mask(kind, v) if isinstance(v, str) else v
                              for v in value]
        elif isinstance(value, str):
            changes[field] = mask(kind, value)
    return changes


def _bulk_summary(raw: str) -> dict[str, Any]:
    """A bulk entry's count and id range; its list of (id, digest) is for `audit verify`, not for reading."""
    try:
        changes = json.loads(raw)
        return {key: changes[key] for key in ("count", "first_id", "last_id")}
    except (ValueError, KeyError, TypeError):
        return {"?": raw[:200]}


def _row(r: Any) -> AuditRow:
    if r.action == audit.BULK_INSERT:
        changes = _bulk_summary(r.changes)
    else:
        changes = masked_changes(r.changes, r.table_name)
    return AuditRow(
        seq=r.seq,
        at=r.at,
        actor=r.actor,
        machine=r.machine,
        action=r.action,
        table_name=r.table_name,
        record_id=r.record_id,
        changes=changes,
        reason=r.reason or "",
    )


class AuditLogService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def query(
        self,
        *,
        actor_name: str | None = None,
        table_name: str | None = None,
        record_id: int | None = None,
        action: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> PagedQuery[AuditRow]:
        """Newest first.  Dates are local (Asia/Shanghai) calendar days, inclusive."""
        self.actor.require(Permission.AUDIT_VIEW)
        statement = select(
            AuditEntry.seq,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.machine,
            AuditEntry.action,
            AuditEntry.table_name,
            AuditEntry.record_id,
            AuditEntry.changes,
            AuditEntry.reason,
        )
        if actor_name:
            statement = statement.where(AuditEntry.actor == actor_name)
        if table_name:
            statement = statement.where(AuditEntry.table_name == table_name)
        if record_id is not None:
            statement = statement.where(AuditEntry.record_id == record_id)
        if action:
            statement = statement.where(AuditEntry.action == action)
        if date_from:
            statement = statement.where(AuditEntry.at >= day_start(date_from))
        if date_to:
            statement = statement.where(AuditEntry.at < day_start(date_to + timedelta(days=1)))
        return PagedQuery(self.store, statement, SortSpec([AuditEntry.seq], descending=True), _row)

    def actors(self) -> list[str]:
        """Everyone who appears in the record (for the filter drop-down)."""
        self.actor.require(Permission.AUDIT_VIEW)
        with self.store.read() as session:
            return list(session.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))

    def verify(
        self, progress: Callable[[int, int], None] | None = None, anchors: Iterable[tuple[int, str]] = ()
    ) -> audit.VerifyResult:
        from app.services.derived_checks import deadline_cache_breaks
        from app.services.holidays import calendar_for

        self.actor.require(Permission.AUDIT_VERIFY)
        calendar = calendar_for(self.store)
        with self.store.read() as session:
            result = audit.verify(session, progress=progress, anchors=anchors)
            # Derived data is recomputed and compared (issue 13): the chain alone does not cover it.
            result.breaks.extend(deadline_cache_breaks(session, calendar))
            return result
