"""Reading the audit record: the paged, filterable 操作日志 and its verification."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationCase
from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.clock import day_start, local_time
from app.complaints.models import Complaint, ComplaintWorker
from app.kernel.paging import PagedQuery, SortSpec
from app.mediation.models import MediationCase
from app.parties.models import Party
from app.privacy import mask
from app.staff.models import Officer
from app.store.engine import Store

# Field names whose values are personal data (kept in app.audit.chain, which protects them).
SENSITIVE_FIELDS = audit.SENSITIVE_FIELDS
sensitive_fields = audit.sensitive_fields
# Fields whose values name a person, and what the value is: a login name, an account's id, an
# officer's id on the roster, a party's id, a complaint's worker row.  The 操作日志 shows the
# person's name for them ("people by name", issue 17).  A complaint's complainant stays an id:
# a reporter's name is hidden from most readers (DOMAIN, 举报人保密).
PERSON_FIELDS: dict[str, str] = {
    "actor": "login", "received_by": "login",
    "chief_arbitrator_id": "user", "arbitrator_2_id": "user", "arbitrator_3_id": "user", "clerk_id": "user",
    "mediator_id": "user", "user_id": "user",
    "officer_id": "officer", "reviewer_id": "officer",
    "party_id": "party", "builder_id": "party", "contractor_id": "party",
    "worker_id": "worker",
}
# A case a record belongs to, shown by its number (南明区劳人仲案字〔2023〕第12号), not its database id.
CASE_FIELDS: dict[tuple[str, str], str] = {
    **{(t, "case_id"): "arbitration_case" for t in ("arbitration_party", "arbitration_claim", "arbitration_event",
                                                     "arbitration_service", "arbitration_hearing")},
    **{(t, "case_id"): "mediation_case" for t in ("mediation_party", "mediation_claim", "mediation_event")},
    ("arbitration_case", "from_mediation_id"): "mediation_case",
}

# Records that are themselves something a clerk knows by name or number: the log's 记录 column
# shows that, not the database id (the id stays in the tooltip and the filter).
RECORD_KINDS: dict[str, str] = {
    "party": "party", "officer": "officer", "app_user": "user", "arbitration_case": "arbitration_case",
    "mediation_case": "mediation_case", "complaint": "complaint",
}


def reference_kind(table: str, field_name: str) -> str | None:
    """What a field's value refers to (a person, a party, a case), or None for a plain value."""
    if field_name == "complaint_id":
        return "complaint"
    return CASE_FIELDS.get((table, field_name)) or PERSON_FIELDS.get(field_name)


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
    actor_name: str = ""  # the operator's display name (张丽), "" when the login has no account
    # (kind, value) -> a person's name, for the values of PERSON_FIELDS in `changes`
    names: Mapping[tuple[str, Any], str] = dataclass_field(default_factory=dict)

    @property
    def operator(self) -> str:
        """Who did it, as a clerk reads it: the name, or the login when no account has it."""
        return self.actor_name or self.actor

    @property
    def record_label(self) -> str:
        """The record as a clerk knows it (a case number, a name); its id where it has none here."""
        kind = RECORD_KINDS.get(self.table_name)
        label = self.names.get((kind, self.record_id)) if kind else None
        return label or ("" if self.record_id is None else str(self.record_id))

    def person_name(self, field_name: str, value: Any) -> str | None:
        """The name of the person a PERSON_FIELDS value refers to, None when unknown."""
        kind = reference_kind(self.table_name, field_name)
        return self.names.get((kind, value)) if kind else None

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
        actor_name=r.actor_name or "",
    )


# Keys of a history line's details (JSON) that hold account ids: the tribunal formed.
DETAIL_PEOPLE = frozenset({"chief", "clerk", "second", "third", "arbitrators"})


def _details_people(value: Any) -> set[int]:
    found: set[int] = set()
    for text in value if isinstance(value, list) else [value]:
        if not isinstance(text, str) or not text.startswith("{"):
            continue
        try:
            details = json.loads(text)
        except ValueError:
            continue
        if isinstance(details, dict):
            for key in DETAIL_PEOPLE & set(details):
                ids = details[key] if isinstance(details[key], list) else [details[key]]
                found.update(i for i in ids if isinstance(i, int) and not isinstance(i, bool))
    return found


def _people_in(rows: Iterable[AuditRow]) -> dict[str, set[Any]]:
    wanted: dict[str, set[Any]] = {}
    for row in rows:
        if row.action == audit.BULK_INSERT:
            continue
        own_kind = RECORD_KINDS.get(row.table_name)
        if own_kind is not None and row.record_id is not None:
            wanted.setdefault(own_kind, set()).add(row.record_id)
        if "details" in row.changes:
            users = _details_people(row.changes["details"])
            if users:
                wanted.setdefault("user", set()).update(users)
        for name, value in row.changes.items():
            kind = reference_kind(row.table_name, name)
            if kind is None:
                continue
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str if kind == "login" else int) and not isinstance(v, bool):
                    wanted.setdefault(kind, set()).add(v)
    return wanted


_NAME_QUERIES: dict[str, Callable[[set[Any]], Any]] = {
    "login": lambda keys: select(User.username, User.display_name).where(User.username.in_(keys)),
    "user": lambda keys: select(User.id, User.display_name).where(User.id.in_(keys)),
    "officer": lambda keys: select(Officer.id, Officer.name).where(Officer.id.in_(keys)),
    "party": lambda keys: select(Party.id, Party.name).where(Party.id.in_(keys)),
    "arbitration_case": lambda keys: select(ArbitrationCase.id, ArbitrationCase.case_no).where(
        ArbitrationCase.id.in_(keys)),
    "mediation_case": lambda keys: select(MediationCase.id, MediationCase.case_no).where(MediationCase.id.in_(keys)),
    "complaint": lambda keys: select(Complaint.id, func.coalesce(Complaint.case_no, Complaint.number)).where(
        Complaint.id.in_(keys)),
    "worker": lambda keys: select(ComplaintWorker.id, Party.name).join(Party, Party.id == ComplaintWorker.party_id)
    .where(ComplaintWorker.id.in_(keys)),
}


class _AuditQuery(PagedQuery[AuditRow]):
    """The log's pages, with the people their changes refer to looked up by name, one query per kind and page."""

    def __init__(self, store: Store, statement: Any, sort: SortSpec) -> None:
        super().__init__(store, statement, sort, _row)

    def page(self, offset: int, limit: int) -> list[AuditRow]:
        rows = super().page(offset, limit)
        wanted = _people_in(rows)
        if not wanted:
            return rows
        names: dict[tuple[str, Any], str] = {}
        with self._store.read() as session:
            for kind, keys in wanted.items():
                names.update(((kind, key), name) for key, name in session.execute(_NAME_QUERIES[kind](keys)) if name)
        return [replace(r, names={k: v for k, v in names.items() if k in _keys_of(r)}) for r in rows]


def _keys_of(row: AuditRow) -> set[tuple[str, Any]]:
    return {(kind, v) for kind, values in _people_in([row]).items() for v in values}


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
            User.display_name.label("actor_name"),
        ).outerjoin(User, User.username == AuditEntry.actor)
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
        return _AuditQuery(self.store, statement, SortSpec([AuditEntry.seq], descending=True))

    def actors(self) -> list[tuple[str, str]]:
        """Everyone who appears in the record, as (login, name) for the filter drop-down: by name,
        in pinyin order; a login with no account keeps the login as its name."""
        from app.accounts.people import display_names
        from app.sorting import name_sort_key

        self.actor.require(Permission.AUDIT_VIEW)
        with self.store.read() as session:
            logins = list(session.scalars(select(AuditEntry.actor).distinct()))
            names = display_names(session, logins)
        return sorted(((login, names.get(login, login)) for login in logins),
                      key=lambda pair: (name_sort_key(pair[1]), pair[0]))

    def verify(
        self, progress: Callable[[int, int], None] | None = None, anchors: Iterable[tuple[int, str]] = ()
    ) -> audit.VerifyResult:
        from app.arbitration.derived_checks import deadline_cache_breaks
        from app.legal.holidays import calendar_for

        self.actor.require(Permission.AUDIT_VERIFY)
        calendar = calendar_for(self.store)
        with self.store.read() as session:
            result = audit.verify(session, progress=progress, anchors=anchors)
            # Derived data is recomputed and compared (issue 13): the chain alone does not cover it.
            result.breaks.extend(deadline_cache_breaks(session, calendar))
            return result
