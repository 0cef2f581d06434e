"""The hash-chained audit record: writing entries and verifying the whole record.

Each entry hashes the previous entry's hash with its own canonical content, so
deleting, reordering or editing an entry breaks the chain; each entry also
carries the digest of the record's state after the change, so editing an
audited record without the program (e.g. in the sqlite3 shell) no longer
matches its last entry.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update
from sqlalchemy.orm import Mapper, Session

from app.accounts.actor import Actor
from app.audit.models import AuditEntry, AuditHead, AuditKey
from app.privacy import Sensitive, protected, scrub
from app.store.base import Base
from app.store.types import utc_now

GENESIS_HASH = "0" * 64
# An exported file's properties (xlsx keywords, PDF keywords) carry `audit-anchor:SEQ:HASH`.
ANCHOR_KEYWORD = "audit-anchor:"
ANCHOR_DIGITS = 16  # of an entry's hash in an anchor: enough to tell, short enough to copy by hand
# Columns that change on every write and say nothing a reader needs in old → new.
NOISE_COLUMNS = frozenset({"version", "updated_at", "created_at"})


_PLAIN = frozenset({str, int, float, bool, type(None)})


def canonical(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if type(value) is list:  # the common containers first, their plain members without a call each
        return [v if type(v) in _PLAIN else canonical(v) for v in value]
    if type(value) is dict:
        return {k if type(k) is str else str(k): v if type(v) in _PLAIN else canonical(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        # 2.50 saved comes back as 2.5: hash the number, not its spelling.
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    return value


# Sorted keys, no spaces, UTF-8 kept: what json.dumps(…, sort_keys=True, ensure_ascii=False,
# separators=(",", ":")) writes, with the encoder made once.
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
# The C encoder `_CANONICAL_JSON.encode` builds afresh on every call, made once: the same text (a bulk
# import digests every record it writes).  No circular-reference markers: a canonical state is a tree.
_C_ENCODE = (
    c_make_encoder(None, _CANONICAL_JSON.default, encode_basestring, None, ":", ",", True, False, True)
    if c_make_encoder is not None else None
)


def _encode(value: Any) -> str:
    if _C_ENCODE is None or type(value) is str:
        return _CANONICAL_JSON.encode(value)
    return "".join(_C_ENCODE(value, 0))


def canonical_json(value: Any) -> str:
    return _encode(canonical(value))


def audited_mappers() -> list[Mapper[Any]]:
    return [m for m in Base.registry.mappers if getattr(m.class_, "__audited__", False)]


def record_state(obj: Any) -> dict[str, Any]:
    """The audited state of a record: its columns, leaving out empty (NULL) ones —
    so a migration adding a nullable column leaves every digest as it was — and
    columns derived from others (`__audit_derived__`, e.g. a sort key)."""
    state = {}
    for key in audited_columns(type(obj)):
        value = getattr(obj, key)
        if value is not None:
            state[key] = value
    return state


def audited_columns(model: type[Any]) -> list[str]:
    """The column attributes of `model` that its records' digest covers, in the mapper's order: all
    but those derived from others (`__audit_derived__`)."""
    mapper: Mapper[Any] = model.__mapper__
    derived: frozenset[str] = getattr(model, "__audit_derived__", frozenset())
    return [attr.key for attr in mapper.column_attrs if attr.key not in derived]


def record_digest(obj: Any) -> str:
    """The digest of a record's audited state (`record_state`), as the audit entries keep it."""
    return state_digest(record_state(obj))


def state_digest(state: dict[str, Any]) -> str:
    """The digest of an audited state, given with the values the ORM reads (canonicalised here): the one
    definition that record_digest, the bulk inserts (ledger import, import row keys, exchange) and
    `verify` share."""
    return canonical_state_digest(canonical(state))


def canonical_state_digest(state: dict[str, Any]) -> str:
    """`state_digest` of a state whose values are already canonical (`canonical`: plain JSON values),
    for a writer that computes them itself from the stored row (the ledger import's bulk writer)."""
    return hashlib.sha256(_encode(state).encode()).hexdigest()


# Field names whose values are personal data in any table; models add their own in `__sensitive__`.
SENSITIVE_FIELDS: dict[str, Sensitive] = {
    "id_no": Sensitive.ID_NO,
    "phone": Sensitive.PHONE,
    "address": Sensitive.ADDRESS,
    "bank_account": Sensitive.BANK_ACCOUNT,
}


def sensitive_fields(table_name: str) -> dict[str, Sensitive]:
    return _sensitive_by_table().get(table_name, SENSITIVE_FIELDS)


_SENSITIVE_BY_TABLE: dict[str, dict[str, Sensitive]] = {}


def _sensitive_by_table() -> dict[str, dict[str, Sensitive]]:
    if len(_SENSITIVE_BY_TABLE) != len(Base.registry.mappers):  # built again once more models are imported
        _SENSITIVE_BY_TABLE.clear()
        for mapper in Base.registry.mappers:
            _SENSITIVE_BY_TABLE[mapper.local_table.name] = {  # type: ignore[attr-defined]
                **SENSITIVE_FIELDS, **getattr(mapper.class_, "__sensitive__", {})
            }
    return _SENSITIVE_BY_TABLE


_KEYS: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()  # engine -> key: it never changes


def audit_key(connection: Connection) -> bytes:
    """The database's audit key (made by migration 0010; made here if missing)."""
    key = _KEYS.get(connection.engine)
    if key is not None:
        return key
    secret = connection.execute(select(AuditKey.secret).where(AuditKey.id == 1)).scalar()
    if secret is None:
        secret = secrets.token_hex(32)
        connection.execute(insert(AuditKey).values(id=1, secret=secret))
        return bytes.fromhex(secret)  # cached once committed and read again
    key = _KEYS[connection.engine] = bytes.fromhex(secret)
    return key


def protect_changes(table_name: str, changes: dict[str, Any], key: bytes | Callable[[], bytes]) -> dict[str, Any]:
    """Personal values of `changes` ({field: [old, new]}) as masked value + keyed digest: the
    full value lives only in the record (issue 13).  `key` may be a callable, read when needed."""
    fields = sensitive_fields(table_name)
    if not any(f in changes for f in fields):
        return changes
    raw_key = key() if callable(key) else key
    result = dict(changes)
    for name, kind in fields.items():
        pair = result.get(name)
        if isinstance(pair, list):
            result[name] = [protected(kind, v, raw_key) if isinstance(v, str) and v else v for v in pair]
    return result


def redact(obj: Any, changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    hidden: frozenset[str] = getattr(type(obj), "__audit_redacted__", frozenset())
    return {k: (["***", "***"] if k in hidden else v) for k, v in changes.items()}


@dataclass
class PendingEntry:
    action: str
    table_name: str
    record_id: int | None
    record_uuid: str | None
    changes: dict[str, Any]
    record_digest: str | None
    reason: str | None = None


ROW_ACTIONS = ("insert", "update", "delete", "baseline")
# One entry for many inserted records of one table (a ledger import): its
# changes are {"count", "first_id", "last_id", "records": [[id, digest], …]}.
BULK_INSERT = "bulk_insert"
# The fields an entry's hash covers, in the stored form.
ENTRY_FIELDS = (
    "seq",
    "at",
    "actor",
    "actor_user_id",
    "machine",
    "action",
    "table_name",
    "record_id",
    "record_uuid",
    "changes",
    "reason",
    "record_digest",
)


def entry_content(seq: int, at: datetime, actor: Actor, entry: PendingEntry) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": at,
        "actor": actor.username,
        "actor_user_id": actor.user_id,
        "machine": actor.machine,
        "action": entry.action,
        "table_name": entry.table_name,
        "record_id": entry.record_id,
        "record_uuid": entry.record_uuid,
        "changes": canonical_json(entry.changes),
        "reason": entry.reason,
        "record_digest": entry.record_digest,
    }


def chain_hash(prev_hash: str, content: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(content)).encode()).hexdigest()


def append(connection: Connection, actor: Actor, entries: Iterable[PendingEntry]) -> None:
    """Append entries to the chain inside the caller's transaction."""
    entries = list(entries)
    if not entries:
        return
    # The no-op UPDATE takes the write lock (SQLite) / the row lock (PostgreSQL) and
    # reads the head under it, in one statement: two writers can never fork the chain.
    seq, prev_hash = connection.execute(
        update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq)
        .returning(AuditHead.last_seq, AuditHead.last_hash)
    ).one()
    at = utc_now()
    rows = []
    for entry in entries:
        seq += 1
        content = entry_content(seq, at, actor, entry)
        prev_hash_for_row = prev_hash
        prev_hash = chain_hash(prev_hash, content)
        rows.append({**content, "prev_hash": prev_hash_for_row, "entry_hash": prev_hash})
    connection.execute(insert(AuditEntry), rows)
    connection.execute(
        update(AuditHead).where(AuditHead.id == 1).values(last_seq=seq, last_hash=prev_hash)
    )


def bulk_insert_entry(table_name: str, records: list[tuple[int, str]], reason: str) -> PendingEntry:
    """The audit entry for records (id, record digest) inserted in bulk into one table."""
    ids = [record_id for record_id, _digest in records]
    return PendingEntry(
        action=BULK_INSERT,
        table_name=table_name,
        record_id=None,
        record_uuid=None,
        changes={"count": len(records), "first_id": min(ids), "last_id": max(ids),
                 "records": [[record_id, digest] for record_id, digest in records]},
        record_digest=None,
        reason=reason,
    )


def pending_from_flush(session: Session) -> list[PendingEntry]:
    """Audit entries for what the session is flushing (called in after_flush)."""
    from sqlalchemy import inspect

    entries: list[PendingEntry] = []
    keys: list[bytes] = []

    def key() -> bytes:  # read once per flush, and only when a personal value is in the changes
        if not keys:
            keys.append(audit_key(session.connection()))
        return keys[0]

    def make(obj: Any, action: str, changes: dict[str, list[Any]]) -> PendingEntry:
        state = inspect(obj)
        uuid_value = getattr(obj, "uuid", None)
        return PendingEntry(
            action=action,
            table_name=obj.__table__.name,
            record_id=state.identity[0] if state.identity else getattr(obj, "id", None),
            record_uuid=str(uuid_value) if uuid_value is not None else None,
            changes=protect_changes(obj.__table__.name, redact(obj, changes), key),
            record_digest=None if action == "delete" else record_digest(obj),
        )

    for obj in session.new:
        if getattr(type(obj), "__audited__", False):
            state = record_state(obj)
            changes = {k: [None, v] for k, v in state.items() if k not in NOISE_COLUMNS and v is not None}
            entries.append(make(obj, "insert", changes))
    for obj in session.dirty:
        if not getattr(type(obj), "__audited__", False) or not session.is_modified(obj):
            continue
        changes = {}
        touched = False  # any column at all, noise included: the digest changes with it
        insp = inspect(obj)
        derived: frozenset[str] = getattr(type(obj), "__audit_derived__", frozenset())
        for attr in obj.__mapper__.column_attrs:
            history = insp.attrs[attr.key].history
            if not history.has_changes():
                continue
            touched = True
            if attr.key in NOISE_COLUMNS or attr.key in derived:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [old, new]
        if changes or touched:
            # Even a change of only the version or the time stamp gets its entry,
            # or the record would no longer match the digest of its last one.
            entries.append(make(obj, "update", changes))
    for obj in session.deleted:
        if getattr(type(obj), "__audited__", False):
            state = record_state(obj)
            changes = {k: [v, None] for k, v in state.items() if k not in NOISE_COLUMNS and v is not None}
            entries.append(make(obj, "delete", changes))
    return entries


# ---------------------------------------------------------------- verification


@dataclass(frozen=True)
class Break:
    # chain_gap | prev_mismatch | hash_mismatch | head_mismatch | record_changed | record_unlogged |
    # record_missing | anchor_mismatch | anchor_missing | derived_mismatch
    code: str
    seq: int | None
    table_name: str | None = None
    record_id: int | None = None
    label: str = ""  # what a reader knows the record by (a case number)

    def describe(self, language: str = "zh_CN") -> str:
        zh = {
            "chain_gap": "第{seq}条日志之前有日志缺失或顺序被调换",
            "prev_mismatch": "第{seq}条日志与前一条日志的链接不符（被删除、插入或调换）",
            "hash_mismatch": "第{seq}条日志的内容被修改",
            "head_mismatch": "日志末尾被删除（最后一条应为第{seq}条）",
            "record_changed": "记录 {table}#{record} 在程序之外被修改（最后一条相关日志为第{seq}条）",
            "record_unlogged": "记录 {table}#{record} 没有任何日志（在程序之外写入）",
            "record_missing": "记录 {table}#{record} 在程序之外被删除（最后一条相关日志为第{seq}条）",
            "anchor_mismatch": "第{seq}条日志与先前记下的校验锚点不符（整条日志链被改写过）",
            "anchor_missing": "先前记下校验锚点的第{seq}条日志已不存在（日志被截断或改写）",
            "derived_mismatch": "仲裁案件 {label}（#{record}）的期限与其办案记录推算的不符（期限缓存在程序之外被修改）",
        }
        en = {
            "chain_gap": "entries are missing or reordered before entry {seq}",
            "prev_mismatch": "entry {seq} does not link to the entry before it (deleted, inserted or swapped)",
            "hash_mismatch": "entry {seq} has been altered",
            "head_mismatch": "the end of the record was deleted (the last entry should be {seq})",
            "record_changed": "record {table}#{record} was changed outside the program (last entry {seq})",
            "record_unlogged": "record {table}#{record} has no audit entry (written outside the program)",
            "record_missing": "record {table}#{record} was deleted outside the program (last entry {seq})",
            "anchor_mismatch": "entry {seq} no longer matches the anchor written down for it (the chain was rewritten)",
            "anchor_missing": "entry {seq}, whose anchor was written down, is gone (the record was cut or rewritten)",
            "derived_mismatch": "the deadlines of arbitration case {label} (#{record}) do not follow from its events "
            "(the deadline cache was changed outside the program)",
        }
        template = (en if language == "en" else zh)[self.code]
        return template.format(seq=self.seq, table=self.table_name, record=self.record_id, label=self.label)


@dataclass
class VerifyResult:
    entries_checked: int = 0
    records_checked: int = 0
    breaks: list[Break] = field(default_factory=list)
    # The chain's last entry: written down away from this machine (an anchor), it later
    # shows whether the whole chain was rewritten, which the unkeyed hashes alone cannot.
    head_seq: int = 0
    head_hash: str = GENESIS_HASH

    @property
    def anchor(self) -> str:
        """`SEQ:HASH` of the chain's last entry, as `verify(anchors=…)` takes it back (first 16 hex digits)."""
        return f"{self.head_seq}:{self.head_hash[:ANCHOR_DIGITS]}"

    @property
    def ok(self) -> bool:
        return not self.breaks


def parse_anchor(text: str) -> tuple[int, str]:
    """`SEQ:HASH` (at least 16 hex digits of the entry's hash) → (seq, hash prefix); ValueError otherwise."""
    seq_text, _colon, digits = text.strip().partition(":")
    digits = digits.strip().lower()
    if not seq_text.strip().isdigit() or len(digits) < ANCHOR_DIGITS or any(c not in "0123456789abcdef" for c in digits):
        raise ValueError(text)
    return int(seq_text), digits


def verify(
    session: Session,
    *,
    progress: Callable[[int, int], None] | None = None,
    max_breaks: int = 100,
    anchors: Iterable[tuple[int, str]] = (),
) -> VerifyResult:
    """Walk the chain, then compare every audited record with its last entry.

    `anchors`: (seq, hash prefix) pairs written down earlier (`VerifyResult.anchor`);
    an entry that no longer has that hash, or is gone, is a break.
    """
    result = VerifyResult()
    for brk in _breaks(session, result, progress, dict(anchors)):
        result.breaks.append(brk)
        if len(result.breaks) >= max_breaks:
            break
    return result


def _breaks(
    session: Session, result: VerifyResult, progress: Callable[[int, int], None] | None, anchors: dict[int, str]
) -> Iterator[Break]:
    total = session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
    # (table, record id) -> (seq, digest, action) of the record's last entry
    last_entry: dict[tuple[str, int], tuple[int, str | None, str]] = {}
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for entry in _entries(session):
        result.entries_checked += 1
        if entry.seq != expected_seq:
            yield Break("chain_gap", entry.seq)
        if entry.prev_hash != prev_hash:
            yield Break("prev_mismatch", entry.seq)
        content = {name: getattr(entry, name) for name in ENTRY_FIELDS}
        if chain_hash(entry.prev_hash, content) != entry.entry_hash:
            yield Break("hash_mismatch", entry.seq)
        anchored = anchors.pop(entry.seq, None)
        if anchored is not None and not entry.entry_hash.startswith(anchored):
            yield Break("anchor_mismatch", entry.seq)
        if entry.record_id is not None and entry.action in ROW_ACTIONS:
            last_entry[(entry.table_name, entry.record_id)] = (entry.seq, entry.record_digest, entry.action)
        elif entry.action == BULK_INSERT:
            for record_id, digest in _bulk_records(entry.changes):
                last_entry[(entry.table_name, record_id)] = (entry.seq, digest, "insert")
        prev_hash = entry.entry_hash
        expected_seq = entry.seq + 1
        if progress and result.entries_checked % 10_000 == 0:
            progress(result.entries_checked, total)
    head_seq, head_hash = session.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    if head_seq != expected_seq - 1 or head_hash != prev_hash:
        yield Break("head_mismatch", head_seq)
    result.head_seq, result.head_hash = expected_seq - 1, prev_hash
    for seq in sorted(anchors):  # anchors of entries no longer there
        yield Break("anchor_missing", seq)

    for mapper in audited_mappers():
        table_name = mapper.local_table.name  # type: ignore[attr-defined]
        seen: set[int] = set()
        for obj in session.scalars(select(mapper.class_).execution_options(yield_per=2000)):
            result.records_checked += 1
            seen.add(obj.id)
            logged = last_entry.get((table_name, obj.id))
            if logged is None:
                yield Break("record_unlogged", None, table_name, obj.id)
            elif logged[2] == "delete" or logged[1] != record_digest(obj):
                yield Break("record_changed", logged[0], table_name, obj.id)
            session.expunge(obj)
        for (tname, rid), (seq, _digest, action) in last_entry.items():
            if tname == table_name and rid not in seen and action != "delete":
                yield Break("record_missing", seq, tname, rid)


def _bulk_records(changes: str) -> list[tuple[int, str]]:
    try:
        return [(int(r[0]), str(r[1])) for r in json.loads(changes)["records"]]
    except (ValueError, KeyError, TypeError, IndexError):
        return []  # an altered entry: its hash no longer matches, and its records show as unlogged


def _entries(session: Session) -> Iterator[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=5000)
    for entry in session.scalars(stmt):
        yield entry
        session.expunge(entry)


# ---------------------------------------------------------------- migration 0010

RECHAIN = "rechain"


def protect_existing_entries(connection: Connection, actor: Actor, *, batch: int = 5000) -> dict[str, Any] | None:
    """Rewrite the personal values already in audit entries as masked value + keyed digest,
    recompute the chain's hashes, and append a "rechain" entry naming the old and the new
    head (so an anchor written down before can be mapped).  Returns that entry's changes,
    or None when no entry held a personal value.

    A break already in the chain is kept, not laundered: an entry whose stored hash did not
    match its content keeps that stored hash, and a link that did not hold keeps its stored
    previous hash, so `audit verify` reports the same entry afterwards.
    """
    key = audit_key(connection)
    table = cast(Table, AuditEntry.__table__)  # a declared model's table is a Table
    old_head_seq, old_head_hash = connection.execute(
        select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)
    ).one()
    old_prev, new_prev = GENESIS_HASH, GENESIS_HASH
    rewritten, first_rewritten, last_seq = 0, None, 0
    while True:
        rows = connection.execute(
            select(table).where(table.c.seq > last_seq).order_by(table.c.seq).limit(batch)
        ).mappings().all()
        if not rows:
            break
        updates = []
        for row in rows:
            last_seq = row["seq"]
            content = {name: row[name] for name in ENTRY_FIELDS}
            hash_held = chain_hash(row["prev_hash"], content) == row["entry_hash"]
            link_held = row["prev_hash"] == old_prev
            changes = row["changes"]
            if row["action"] in (*ROW_ACTIONS, "export"):
                try:
                    parsed = json.loads(changes)
                except ValueError:
                    parsed = None
                if isinstance(parsed, dict) and row["action"] == "export":  # a search typed as an ID number
                    scrubbed = {k: scrub(v) if isinstance(v, str) else v for k, v in parsed.items()}
                    if scrubbed != parsed:
                        changes = canonical_json(scrubbed)
                elif isinstance(parsed, dict):
                    protected_changes = protect_changes(row["table_name"], parsed, key)
                    if protected_changes is not parsed:
                        changes = canonical_json(protected_changes)
            if changes != row["changes"]:
                rewritten += 1
                first_rewritten = first_rewritten or row["seq"]
            prev_hash = new_prev if link_held else row["prev_hash"]
            entry_hash = chain_hash(prev_hash, {**content, "changes": changes}) if hash_held else row["entry_hash"]
            if (changes, prev_hash, entry_hash) != (row["changes"], row["prev_hash"], row["entry_hash"]):
                updates.append({"s": row["seq"], "c": changes, "p": prev_hash, "e": entry_hash})
            old_prev, new_prev = row["entry_hash"], entry_hash
        if updates:
            from sqlalchemy import bindparam

            connection.execute(
                update(table).where(table.c.seq == bindparam("s"))
                .values(changes=bindparam("c"), prev_hash=bindparam("p"), entry_hash=bindparam("e")),
                updates,
            )
    if not rewritten:
        return None
    if old_head_seq == last_seq and old_head_hash == old_prev:  # a head that held moves with the chain
        connection.execute(update(AuditHead).where(AuditHead.id == 1).values(last_hash=new_prev))
    summary = {
        "old_head": f"{old_head_seq}:{old_head_hash}",
        "new_head": f"{old_head_seq}:{new_prev}",
        "entries_rewritten": rewritten,
        "first_rewritten": first_rewritten,
    }
    append(connection, actor, [PendingEntry(
        RECHAIN, AuditEntry.__tablename__, None, None, summary, None,
        "迁移0010：日志中的身份证号、电话、地址、账号改为脱敏值加密钥摘要，日志链重新计算 / "
        "migration 0010: personal values in the log kept as masked value + keyed digest; the chain re-hashed",
    )])
    return summary
