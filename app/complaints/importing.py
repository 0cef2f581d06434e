"""Importing a complaints ledger in bulk (投诉台账导入).

A ledger row is one worker's complaint against one employer, optionally with
its acceptance, what was already paid, and its closure.  The rules are the
ones a clerk meets on screen — the same checks, the same messages, the same
state machine (``complaint_rules.TRANSITIONS``) — but the rows go in by the
thousand instead of one ORM flush each:

- every row is checked in Python first; a refused row writes nothing;
- the parties of a batch are looked up in one query by ID number / credit
  code (an employer without a credit code by its exact name), and the ones not
  found are created;
- case numbers come from the same counters as ``allocate_number`` (held for
  the whole import, so the per-year sequence has no gaps or repeats);
- rows are written with Core ``executemany``; the audit gets one
  ``bulk_insert`` entry per table per batch listing each record's id and
  digest, so ``audit verify`` checks every imported record as it checks the
  others.

Everything happens in the caller's unit of work: cancelling or any failure
rolls the whole import back.
"""

from __future__ import annotations

import gc
import hashlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from time import time_ns
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, func, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.audit.models import AuditHead
from app.clock import BUREAU_TZ
from app.complaints import rules
from app.complaints.models import (
    Channel,
    ClosureKind,
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintKind,
    ComplaintStatus,
    ComplaintWorker,
    EmployerRole,
    WagePayment,
)
from app.complaints.service import ComplaintService, _text
from app.errors import UserError
from app.imports import batches as import_batches
from app.imports.batches import ImportSource
from app.kernel.import_report import ImportReport, RowProblem
from app.kernel.numbering_model import IssuedNumber, NumberCounter
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.settings import read_setting
from app.kernel.unit_of_work import UnitOfWork
from app.legal.deadlines import due
from app.legal.rates import format_yuan
from app.parties.models import Party, PartyKind
from app.parties.service import clean_fields
from app.privacy import Sensitive, mask
from app.store import search

S = ComplaintStatus
IMPORT_NOTE = "导入"
# Closures a ledger can carry: the others need a decision, a transfer or a withdrawal recorded first.
IMPORTABLE_CLOSURES = frozenset({ClosureKind.PAID.value, ClosureKind.NO_VIOLATION.value, ClosureKind.OTHER.value})
_KINDS = frozenset(k.value for k in ComplaintKind)
_CHANNELS = frozenset(c.value for c in Channel)
_ROLES = frozenset(r.value for r in EmployerRole)
_LOOKUP_CHUNK = 500
BATCH_ROWS = 1000
IMPORT_CACHE_KIB = 16 * 1024
_PARTY_ERROR_FIELDS = ("name", "id_no", "phone", "uscc")


@dataclass
class CheckedRow:
    """One ledger row that passed every check that needs no database (`RowChecker`)."""

    row_no: int
    kind: str
    channel: str
    role: str
    received_on: date
    owed: int
    paid: int
    paid_on: date | None
    accepted_on: date | None
    closed_on: date | None
    closure_kind: str | None
    close_reason: str
    matters: str
    requests: str
    worker: dict[str, Any]  # cleaned party fields
    employer: dict[str, Any]
    worker_key: str
    employer_key: str
    duplicate_key: int  # `_duplicate_key` of worker, employer and day
    natural_key: str  # worker, employer, day and amount: the row's key across imports (import_batches)
    worker_id: int = 0
    employer_id: int = 0


class _Party(NamedTuple):
    id: int
    kind: str
    name: str | None  # the registered name: a row's name must agree with it


@dataclass
class _Batch:
    """The records of one batch, by table, ready for executemany."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, values: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(values)


class RowChecker:
    """The checks of a ledger row that need no database: types, codes, dates, amounts, ID numbers.

    It is picklable, so a large file's rows can be checked in the reader's
    process (`app.spreadsheets.background`) while this one writes; called on a
    (row number, fields) record it returns the checked row or the row's problem.
    """

    def __init__(self, today: date, may_handle: bool, may_close: bool) -> None:
        self.today = today
        self.may_handle = may_handle
        self.may_close = may_close
        self._employers: dict[tuple[Any, Any], dict[str, Any]] = {}  # (name, credit code) as typed -> cleaned

    @classmethod
    def for_service(cls, service: ComplaintService) -> RowChecker:
        actor = service.actor
        return cls(service.today(), actor.can(Permission.COMPLAINT_HANDLE), actor.can(Permission.COMPLAINT_CLOSE))

    def __call__(self, record: tuple[int, Mapping[str, Any]]) -> CheckedRow | RowProblem:
        row_no, fields = record
        try:
            return self.check(row_no, fields)
        except UserError as err:
            return RowProblem(row_no, err.code, err.field, err.params)

    def check(self, row_no: int, fields: Mapping[str, Any]) -> CheckedRow:
        received_on = fields.get("received_on")
        if type(received_on) is not date:
            raise UserError("import.value_required", field="received_on", column="登记日期")
        if received_on > self.today:
            raise UserError("complaint.date_future", field="received_on", date=received_on.isoformat())
        worker = self._clean_party(
            {"name": fields.get("worker_name"), "id_no": fields.get("worker_id_no"),
             "phone": fields.get("worker_phone"), "is_migrant_worker": fields.get("is_migrant_worker", True)},
            PartyKind.PERSON, "worker_",
        )
        employer_fields = (fields.get("employer_name"), fields.get("employer_uscc"))
        employer = self._employers.get(employer_fields)  # a ledger names the same employers again and again
        if employer is None:
            employer = self._clean_party(
                {"name": employer_fields[0], "uscc": employer_fields[1]}, PartyKind.ORG, "employer_"
            )
            self._employers[employer_fields] = employer
        owed = fields.get("owed_fen")
        if owed is None:
            raise UserError("import.value_required", field="owed_fen", column="欠薪金额")
        owed = _fen(owed, "owed_fen")
        paid = _fen(fields.get("paid_fen") or 0, "paid_fen")
        kind = str(fields.get("kind") or ComplaintKind.COMPLAINT.value)
        if kind not in _KINDS:
            raise UserError("complaint.kind_unknown", field="kind", value=kind)
        channel = str(fields.get("channel") or "")
        if channel not in _CHANNELS:
            raise UserError("complaint.channel_unknown", field="channel", value=channel)
        role = str(fields.get("role") or EmployerRole.EMPLOYER.value)
        if role not in _ROLES:
            raise UserError("complaint.role_unknown", field="role", value=role)
        if paid > owed:
            raise UserError("complaint.payment_exceeds_owed", field="paid_fen", name=worker["name"],
                            amount=format_yuan(paid), remaining=format_yuan(owed))
        accepted_on = _date_or_none(fields.get("accepted_on"))
        closed_on = _date_or_none(fields.get("closed_on"))
        closure_kind = fields.get("closure_kind")
        if accepted_on is None and (paid or closed_on or closure_kind):
            accepted_on = received_on
        if accepted_on is not None:
            if not self.may_handle:
                raise UserError("complaint.import_handle_not_permitted", field="accepted_on")
            self._check_day(accepted_on, received_on, "accepted_on")
        paid_on = None
        if paid:
            paid_on = _date_or_none(fields.get("paid_on")) or accepted_on
            self._check_day(paid_on, received_on, "paid_on")  # type: ignore[arg-type]
        close_reason = ""
        if closed_on is not None or closure_kind:
            closure_kind, close_reason = self._closure(fields, closure_kind, closed_on, owed, paid)
            if closed_on is None:
                raise UserError("import.value_required", field="closed_on", column="结案日期")
            self._check_day(closed_on, received_on, "closed_on")
            latest = max(d for d in (accepted_on, paid_on) if d is not None)
            if closed_on < latest:
                raise UserError("complaint.import_closed_too_early", field="closed_on",
                                date=closed_on.isoformat(), latest=latest.isoformat())
        matters = _text(fields.get("matters")) or "拖欠工资"
        worker_key = worker["id_no"]
        employer_key = employer["uscc"] or f"name:{employer['name']}"
        employer_text = (employer["uscc"] or employer["name"]).upper()
        duplicate_key = _duplicate_key(worker_key, employer_text, received_on)
        return CheckedRow(
            row_no=row_no, kind=kind, channel=channel, role=role, received_on=received_on, owed=owed, paid=paid,
            paid_on=paid_on, accepted_on=accepted_on, closed_on=closed_on, closure_kind=closure_kind,
            close_reason=close_reason, matters=matters, requests=_text(fields.get("requests")),
            worker=worker, employer=employer, worker_key=worker_key, employer_key=employer_key,
            duplicate_key=duplicate_key,
            natural_key=f"{worker_key}\x1f{employer_text}\x1f{received_on.isoformat()}\x1f{owed}",
        )

    def _clean_party(self, fields: dict[str, Any], kind: PartyKind, prefix: str) -> dict[str, Any]:
        try:
            cleaned = clean_fields({**fields, "kind": kind.value}, today=self.today)
        except UserError as err:
            if err.field in _PARTY_ERROR_FIELDS:
                err.field = f"{prefix}{err.field}"
            raise
        if kind is PartyKind.PERSON and not cleaned["id_no"]:
            raise UserError("import.value_required", field="worker_id_no", column="身份证号")
        return cleaned

    def _check_day(self, day: date, received_on: date, field_name: str) -> None:
        if day > self.today:
            raise UserError("complaint.date_future", field=field_name, date=day.isoformat())
        if day < received_on:
            raise UserError("complaint.date_before_received", field=field_name, date=day.isoformat(),
                            received=received_on.isoformat())

    def _closure(
        self, fields: Mapping[str, Any], kind: Any, closed_on: date | None, owed: int, paid: int
    ) -> tuple[str, str]:
        if not self.may_close:
            raise UserError("complaint.import_close_not_permitted", field="closed_on")
        if not kind:
            if not (owed > 0 and paid >= owed):
                raise UserError("import.value_required", field="closure_kind", column="结案方式")
            kind = ClosureKind.PAID.value
        kind = str(kind)
        if kind not in IMPORTABLE_CLOSURES:
            raise UserError("complaint.import_closure_unknown", field="closure_kind", value=kind)
        if kind == ClosureKind.PAID.value and not (owed > 0 and paid >= owed):
            raise UserError("complaint.not_paid", field="closure_kind", paid=format_yuan(paid),
                            owed=format_yuan(owed))
        reason = _text(fields.get("close_reason")) or rules.label(rules.CLOSURE_LABELS, kind) + "（台账导入）"
        return kind, reason


def _date_or_none(value: Any) -> date | None:
    return value if type(value) is date else None


@dataclass
class ImportContext:
    """What preparing ledger rows needs, fixed when the import starts (picklable: see `PrepareStage`)."""

    url: str
    username: str
    may_create_parties: bool
    checker: RowChecker
    body: str
    patterns: dict[str, str]
    calendar: Any
    rules: Any
    calendar_version: str | None
    stamp: datetime
    last_ids: dict[str, int]  # table -> the largest id in use when the import took the write lock
    counters: dict[tuple[str, int], int]  # (doc_type, year) -> the last number handed out
    sqlite: bool
    row_key_secret: bytes  # the audit key: rows' natural keys are kept as its digests (import_batches)
    batch_id: int | None  # the import batch the rows' keys are saved under (None: no file, no keys kept)


@dataclass
class PreparedBatch:
    """One batch of ledger rows turned into table rows and the row report."""

    first_row: int
    last_row: int
    rows: int
    tables: list[tuple[str, list[tuple[Any, ...]], list[int]]]  # (table, rows as SQLite stores them, ids), in order
    records: dict[str, list[dict[str, Any]]] | None  # the same rows as values, for databases other than SQLite
    search_terms: list[tuple[int, str]]  # (party id, terms) of the parties created
    refused: list[RowProblem]
    imported_ids: list[int]
    counters: dict[tuple[str, int], int]  # the numbering counters after this batch
    row_keys: list[tuple[int, int, str]]  # (row number, complaint id, key) of the rows saved


@dataclass
class _Batch:
    """The records of one batch, by table."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, values: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(values)


class LedgerPreparer:
    """Turns ledger rows into the table rows to insert: checks, parties, numbers, deadlines.

    It only reads the database (the parties already registered), so it can
    run in the reader's process beside the writing one (`PrepareStage`).
    """

    def __init__(self, context: ImportContext, session: Session) -> None:
        self.context = context
        self.session = session
        self.checker = context.checker
        self.parties: dict[str, _Party] = {}  # worker/employer key -> party, across batches
        self.seen: dict[int, int] = {}  # duplicate key -> row number
        self.counters = dict(context.counters)
        self.last_ids = dict(context.last_ids)
        self._reserved: dict[str, list[int]] = {}  # other databases: ids taken from the sequence, not yet used
        self.username = context.username
        self.uuids = _TimeOrderedUuids()
        self.stamp = {"version": 1, "created_at": context.stamp, "updated_at": context.stamp}
        self._due: dict[tuple[str, date], date] = {}

    def prepare(self, records: list[Any]) -> PreparedBatch:
        checked: list[CheckedRow] = []
        refused: list[RowProblem] = []
        for record in records:
            item = self.checker(record)
            if isinstance(item, RowProblem):
                refused.append(item)
            else:
                checked.append(item)
        accepted: list[CheckedRow] = []
        batch = _Batch()
        new_parties: list[dict[str, Any]] = []
        self._look_up_parties(checked)
        existing = self._existing_cases(checked)
        secret = self.context.row_key_secret
        keys = {row.row_no: import_batches.row_key(secret, "complaints", row.natural_key) for row in checked}
        earlier = import_batches.earlier_rows(self.session.connection(), keys.values())
        for row in checked:
            try:
                if row.duplicate_key in self.seen:
                    raise UserError("import.duplicate_in_file", row=self.seen[row.duplicate_key])
                worker_known = row.worker_key in self.parties
                if worker_known:  # checks the name against the register; creates nothing
                    row.worker_id = self._party_for(row.worker_key, row.worker, PartyKind.PERSON, "worker_id_no",
                                                    new_parties)
                    employer = self.parties.get(row.employer_key)
                    if employer is not None:  # only registered parties can have a case already
                        number = existing.get((row.worker_id, employer.id, row.received_on, row.owed))
                        if number is not None:
                            raise UserError("import.duplicate_case", field="worker_id_no", number=number)
                seen_before = earlier.get(keys[row.row_no])
                if seen_before is not None:  # imported before (its case edited since, or its parties changed)
                    raise seen_before.refusal("worker_id_no")
                if not worker_known:
                    row.worker_id = self._party_for(row.worker_key, row.worker, PartyKind.PERSON, "worker_id_no",
                                                    new_parties)
                row.employer_id = self._party_for(row.employer_key, row.employer, PartyKind.ORG, "employer_name",
                                                  new_parties)
            except UserError as err:
                refused.append(RowProblem(row.row_no, err.code, err.field, err.params))
                continue
            self.seen[row.duplicate_key] = row.row_no
            accepted.append(row)
        for values in new_parties:
            batch.add(Party.__tablename__, values)
        imported_ids = [self._complaint(row, batch) for row in accepted]
        row_keys = [(row.row_no, complaint_id, keys[row.row_no])
                    for row, complaint_id in zip(accepted, imported_ids, strict=True)]
        refused.sort(key=lambda p: p.row)
        tables = []
        for model in _WRITE_ORDER:
            records_of_table = batch.rows.get(model.__tablename__)
            if records_of_table:
                rows = _writer(model).stored_rows(records_of_table)
                tables.append((model.__tablename__, rows, [r["id"] for r in records_of_table]))
        return PreparedBatch(
            first_row=int(records[0][0]),
            last_row=int(records[-1][0]),
            rows=len(records),
            tables=tables,
            records=None if self.context.sqlite else batch.rows,
            search_terms=[(r["id"], search.party_terms(r["name"], r.get("id_no"), r.get("uscc"))) for r in new_parties],
            refused=refused,
            imported_ids=imported_ids,
            counters=dict(self.counters),
            row_keys=row_keys,
        )

    # ------------------------------------------------------------ parties
    def _look_up_parties(self, rows: list[CheckedRow]) -> None:
        """Load the batch's parties not yet known, in a few queries."""
        numbers = {r.worker_key for r in rows} | {r.employer["uscc"] for r in rows if r.employer["uscc"]}
        names = {r.employer["name"] for r in rows if not r.employer["uscc"]}
        numbers -= self.parties.keys()
        names = {n for n in names if f"name:{n}" not in self.parties}
        number_list = sorted(numbers)
        for start in range(0, len(number_list), _LOOKUP_CHUNK):
            chunk = number_list[start : start + _LOOKUP_CHUNK]
            for r in self.session.execute(
                select(Party.id, Party.kind, Party.name, Party.id_no, Party.uscc).where(
                    Party.id_no.in_(chunk) | Party.uscc.in_(chunk)
                )
            ):
                self.parties[r.id_no or r.uscc] = _Party(r.id, r.kind, r.name)
        name_list = sorted(names)
        for start in range(0, len(name_list), _LOOKUP_CHUNK):
            chunk = name_list[start : start + _LOOKUP_CHUNK]
            for r in self.session.execute(
                select(func.min(Party.id).label("id"), Party.name)
                .where(Party.kind == PartyKind.ORG.value, Party.uscc.is_(None), Party.name.in_(chunk))
                .group_by(Party.name)
            ):
                self.parties[f"name:{r.name}"] = _Party(r.id, PartyKind.ORG.value, r.name)

    def _existing_cases(self, rows: list[CheckedRow]) -> dict[tuple[int, int, date, int], str]:
        """(worker, employer, registration day, amount owed) -> the number of a complaint already
        registered, for the batch's workers already in the register (an imported ledger is not doubled)."""
        workers = sorted({known.id for r in rows if (known := self.parties.get(r.worker_key)) is not None
                          and known.id <= self.context.last_ids.get(Party.__tablename__, 1 << 62)})
        found: dict[tuple[int, int, date, int], str] = {}
        for start in range(0, len(workers), _LOOKUP_CHUNK):
            chunk = workers[start : start + _LOOKUP_CHUNK]
            for r in self.session.execute(
                select(Complaint.number, ComplaintWorker.party_id.label("worker"),
                       ComplaintEmployer.party_id.label("employer"), Complaint.received_on, ComplaintWorker.owed_fen)
                .join(ComplaintWorker, ComplaintWorker.complaint_id == Complaint.id)
                .join(ComplaintEmployer, ComplaintEmployer.complaint_id == Complaint.id)
                .where(ComplaintWorker.party_id.in_(chunk))
            ):
                found.setdefault((r.worker, r.employer, r.received_on, r.owed_fen), r.number)
        return found

    def _party_for(
        self, key: str, cleaned: dict[str, Any], kind: PartyKind, field_name: str,
        new_parties: list[dict[str, Any]],
    ) -> int:
        known = self.parties.get(key)
        if known is not None:
            if known.kind != kind.value:
                code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                raise UserError(code, field=field_name, name=known.name or self._party_name(known.id, key))
            if kind is PartyKind.PERSON and known.name is not None and known.name != cleaned["name"]:
                # "李四" carrying 张伟's ID number would file a case for 张伟: never match on the number alone
                raise UserError("import.identity_mismatch", field=field_name, number=mask(Sensitive.ID_NO, key),
                                registered=known.name, typed=cleaned["name"])
            return known.id
        if not self.context.may_create_parties:  # the whole import stops, as a form would
            raise UserError("permission.denied", permission=Permission.PARTY_EDIT.value)
        party_id = self._next_id(Party.__table__)
        new_parties.append(self._record({**cleaned, "id": party_id}))
        self.parties[key] = _Party(party_id, kind.value, cleaned["name"])
        return party_id

    # ------------------------------------------------------------ one complaint
    def _complaint(self, row: CheckedRow, batch: _Batch) -> int:
        complaint_id = self._next_id(Complaint.__table__)
        number = self._number("complaint", row.received_on.year, complaint_id, batch)
        status = S.RECEIVED
        events: list[tuple[str, date, S | None, S | None, str]] = [
            ("register", row.received_on, None, S.RECEIVED, "")
        ]

        def step(action: str, on: date, note: str) -> None:
            nonlocal status
            transition = rules.TRANSITIONS[action]
            if status not in transition.sources:  # the ledger may only describe what the state machine allows
                raise RuntimeError(f"ledger import: {action} is not allowed from {status}")
            events.append((action, on, status, transition.target, note))
            status = transition.target

        case_no = None
        if row.accepted_on is not None:
            step("accept", row.accepted_on, IMPORT_NOTE)
            case_no = self._number("inspection_case", row.accepted_on.year, complaint_id, batch)
        if row.closed_on is not None:
            step("start_investigation", row.accepted_on, IMPORT_NOTE)  # type: ignore[arg-type]
        if row.paid:
            events.append(("payment", row.paid_on, None, None,  # type: ignore[arg-type]
                           f"{row.worker['name']} {format_yuan(row.paid)}元"))
        if row.closed_on is not None:
            step("close", row.closed_on, row.close_reason)
        received_at = datetime.combine(row.received_on, time(9, 0), tzinfo=BUREAU_TZ).astimezone(UTC)
        batch.add(Complaint.__tablename__, self._record({
            "id": complaint_id, "number": number, "case_no": case_no, "kind": row.kind, "channel": row.channel,
            "received_at": received_at, "received_on": row.received_on, "received_by": self.username,
            "complainant_id": row.worker_id, "anonymous": False, "matters": row.matters, "requests": row.requests,
            "evidence": "", "status": status.value, "decided_on": row.accepted_on, "filed_on": row.accepted_on,
            "extension_days": 0, "publish_required": False,
            "closed_on": row.closed_on, "closure_kind": row.closure_kind,
            "close_reason": row.close_reason or None,
            "decision_due": self._due_date("I1", row.received_on),
            "investigation_due": self._due_date("I2", row.accepted_on) if row.accepted_on is not None else None,
            "deadline_calendar": self.context.calendar_version,
        }))
        batch.add(ComplaintEmployer.__tablename__, self._record({
            "id": self._next_id(ComplaintEmployer.__table__), "complaint_id": complaint_id,
            "party_id": row.employer_id, "role": row.role,
        }))
        worker_link = self._next_id(ComplaintWorker.__table__)
        batch.add(ComplaintWorker.__tablename__, self._record({
            "id": worker_link, "complaint_id": complaint_id, "party_id": row.worker_id, "owed_fen": row.owed,
        }))
        if row.paid:
            batch.add(WagePayment.__tablename__, self._record({
                "id": self._next_id(WagePayment.__table__), "complaint_id": complaint_id, "worker_id": worker_link,
                "paid_on": row.paid_on, "amount_fen": row.paid, "method": "", "note": IMPORT_NOTE,
            }))
        for action, on, source, target, note in events:
            batch.add(ComplaintEvent.__tablename__, self._record({
                "id": self._next_id(ComplaintEvent.__table__), "complaint_id": complaint_id, "occurred_on": on,
                "action": action, "from_status": source.value if source else None,
                "to_status": target.value if target else None, "actor": self.username, "officers": "",
                "note": note,
            }))
        return complaint_id

    def _due_date(self, rule_id: str, start: date) -> date:
        key = (rule_id, start)
        found = self._due.get(key)
        if found is None:
            found = self._due[key] = due(start, self.context.rules.get(rule_id), calendar=self.context.calendar).due
        return found

    def _number(self, doc_type: str, year: int, complaint_id: int, batch: _Batch) -> str:
        """The next number of the year's sequence, as `numbering.allocate_number` hands it out
        (the counters are written back when the import ends)."""
        pattern = self.context.patterns.get(doc_type)
        if pattern is None:
            raise ValueError(f"no case-number pattern for {doc_type}")
        value = self.counters[(doc_type, year)] = self.counters.get((doc_type, year), 0) + 1
        body = self.context.body
        text = pattern.format(body=body, district=body, year=year, n=value)
        batch.add(IssuedNumber.__tablename__, self._record({
            "id": self._next_id(IssuedNumber.__table__), "body": body, "doc_type": doc_type, "year": year,
            "value": value, "text": text, "record_table": Complaint.__tablename__,
            "record_id": complaint_id, "void": False,
        }))
        return text

    def _party_name(self, party_id: int, key: str) -> str:
        """A person's name for a message (a party made earlier in this import is not in the database yet)."""
        name = self.session.scalar(select(Party.name).where(Party.id == party_id))
        return name or key

    def _next_id(self, table: Table) -> int:
        """The id the record will have, known before it is written, so links need no round trip.

        SQLite: counted on from max(id) (the importing unit of work holds the
        database's only write lock).  Other databases: taken from the table's
        sequence a thousand at a time, since another session may insert
        meanwhile (it waits only at the audit record's head)."""
        if self.context.sqlite:
            current = self.last_ids.get(table.name, 0) + 1
            self.last_ids[table.name] = current
            return current
        reserved = self._reserved.setdefault(table.name, [])
        if not reserved:
            reserved.extend(reversed(self.session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table.name, "n": BATCH_ROWS},
            ).scalars().all()))
        return int(reserved.pop())

    def _record(self, values: dict[str, Any]) -> dict[str, Any]:
        """The given values and the travelling-record columns (the writer takes None for any other column)."""
        return {**self.stamp, "uuid": self.uuids.next_hex(), **values}


class PrepareStage:
    """`LedgerPreparer` in the reader's process: turns the stream of records into PreparedBatches.

    It opens its own read-only connection to the (file) database; the
    importing process holds the write lock, so nobody else adds parties
    meanwhile, and the parties this import creates are in its own cache.
    """

    def __init__(self, context: ImportContext, batch_size: int) -> None:
        self.context = context
        self.batch_size = batch_size

    def __call__(self, records: Iterable[Any]) -> Iterator[PreparedBatch]:
        from app.store.engine import make_engine

        engine = make_engine(self.context.url)
        try:
            with Session(engine) as session:
                preparer = LedgerPreparer(self.context, session)
                for batch in _batches(records, self.batch_size):
                    yield preparer.prepare(batch)
                    session.rollback()  # end the read transaction: nothing to keep between batches
        finally:
            engine.dispose()


def _batches(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    pending: list[Any] = []
    for record in records:
        pending.append(record)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


class LedgerImport:
    """One import run inside one unit of work (`import_ledger`)."""

    def __init__(self, service: ComplaintService, uow: UnitOfWork, batch_id: int | None = None) -> None:
        self.service = service
        self.uow = uow
        self.session = uow.session
        self.connection = uow.session.connection()
        self.actor = service.actor
        sqlite = self.connection.dialect.name == "sqlite"
        if sqlite:
            # The indexes of a large import outgrow SQLite's default 2 MB page cache; the
            # pool gives the next user of this connection the default again (see _restore_cache).
            self.connection.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        # Take the write lock now (a no-op write): ids counted from max(id) then stay ours.
        self.connection.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq))
        body = read_setting(self.session, "organisation")["district"]
        calendar = service.calendar
        self.context = ImportContext(
            url=service.store.url,
            username=self.actor.username,
            may_create_parties=self.actor.can(Permission.PARTY_EDIT),
            checker=RowChecker.for_service(service),
            body=body,
            patterns=read_setting(self.session, "case_number_patterns"),
            calendar=calendar,
            rules=service.rules,
            calendar_version=calendar.version[:64] if hasattr(calendar, "version") else None,
            stamp=datetime.now(UTC),
            last_ids={  # other databases take ids from their sequences (LedgerPreparer._next_id)
                model.__tablename__: self.session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0
                for model in _WRITE_ORDER
            } if sqlite else {},
            counters={
                (c.doc_type, c.year): c.last_value
                for c in self.session.execute(
                    select(NumberCounter.doc_type, NumberCounter.year, NumberCounter.last_value).where(
                        NumberCounter.body == body
                    )
                )
            },
            sqlite=sqlite,
            row_key_secret=audit.audit_key(self.connection),
            batch_id=batch_id,
        )
        self.counters = dict(self.context.counters)

    def run(
        self,
        records: Iterable[Any],
        report: ImportReport,
        *,
        total: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        batch_size: int,
    ) -> None:
        """`records`: (row number, fields) tuples, or the batches a `PrepareStage` prepared of them."""
        preparer: LedgerPreparer | None = None
        done = 0
        for item in _prepared(records, batch_size):
            if not isinstance(item, PreparedBatch):
                preparer = preparer or LedgerPreparer(self.context, self.session)
                item = preparer.prepare(item)
            self._write(item)
            report.imported_ids.extend(item.imported_ids)
            report.refused.extend(item.refused)
            self.counters = item.counters
            done += item.rows
            if cancel is not None:
                cancel.check()
            if progress:
                progress(done, total)
        self._save_counters()
        report.total = max(total, done)
        report.imported = len(report.imported_ids)
        if progress:
            progress(done, report.total)

    def _write(self, batch: PreparedBatch) -> None:
        reason = f"投诉台账导入（第{batch.first_row}–{batch.last_row}行）"
        entries: list[audit.PendingEntry] = []
        for table_name, rows, ids in batch.tables:
            writer = _WRITERS_BY_TABLE.get(table_name) or _writer(_MODELS_BY_TABLE[table_name])
            if batch.records is None:
                self.connection.exec_driver_sql(writer.sqlite_insert, rows)
            else:
                writer.insert_values(self.connection, batch.records[table_name])
            digests = writer.digests(rows)  # here, not in the preparing process: it has the more work
            entries.append(audit.bulk_insert_entry(table_name, list(zip(ids, digests, strict=True)), reason))
        search.index_party_terms(self.connection, batch.search_terms)
        audit.append(self.connection, self.actor, entries)
        if self.context.batch_id is not None:
            import_batches.write_keys(self.connection, self.actor, self.context.batch_id, batch.row_keys, reason)

    def _save_counters(self) -> None:
        """The numbering counters, through the ORM: audited like any other change of theirs."""
        body = self.context.body
        for (doc_type, year), last_value in self.counters.items():
            if self.context.counters.get((doc_type, year)) == last_value:
                continue
            counter = self.session.scalar(
                select(NumberCounter).where(
                    NumberCounter.body == body, NumberCounter.doc_type == doc_type, NumberCounter.year == year
                )
            )
            if counter is None:
                counter = NumberCounter(body=body, doc_type=doc_type, year=year, last_value=0)
                self.session.add(counter)
            counter.last_value = last_value
        self.uow.flush()


def _prepared(records: Iterable[Any], batch_size: int) -> Iterator[Any]:
    """PreparedBatches as they come; anything else gathered into batches of raw records."""
    pending: list[Any] = []
    for item in records:
        if isinstance(item, PreparedBatch):
            if pending:
                yield pending
                pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield pending
            pending = []
    if pending:
        yield pending


class _TableWriter:
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
        for record in records:
            stored = [record.get(name) for name in columns]
            for index in dates:
                value = stored[index]
                if value is not None:
                    stored[index] = value.isoformat()
            for index in moments:
                value = stored[index]
                if value is not None:
                    stored[index] = self._stored_moment(value)
            rows.append(tuple(stored))
        return rows

    def digests(self, rows: list[tuple[Any, ...]]) -> list[str]:
        """`audit.record_digest` of each stored row, as the ORM will read it back."""
        digests: list[str] = []
        digest = audit.canonical_state_digest
        moments, uuids, audited = self.moments, self.uuids, self.audited
        for row in rows:
            canonical = list(row)
            for index in moments:
                if row[index] is not None:
                    canonical[index] = self._canonical_moment(row[index])
            for index in uuids:  # stored as 32 hex digits; canonical is the dashed form
                value = row[index]
                if value is not None:
                    canonical[index] = f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
            state = {name: canonical[index] for index, name in audited if canonical[index] is not None}
            digests.append(digest(state))
        return digests

    def insert_values(self, connection: Connection, records: list[dict[str, Any]]) -> None:
        """The portable path (PostgreSQL): Core executemany of the records' values."""
        empty = dict.fromkeys(self.columns)
        connection.execute(insert(self.table), [{**empty, **r, "uuid": uuid.UUID(hex=r["uuid"])} for r in records])


_WRITERS: dict[type[Any], _TableWriter] = {}
_WRITERS_BY_TABLE: dict[str, _TableWriter] = {}


def _writer(model: type[Any]) -> _TableWriter:
    writer = _WRITERS.get(model)
    if writer is None:
        writer = _WRITERS[model] = _WRITERS_BY_TABLE[model.__tablename__] = _TableWriter(model)
    return writer


class _TimeOrderedUuids:
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


_WRITE_ORDER: tuple[type[Any], ...] = (
    Party, Complaint, ComplaintEmployer, ComplaintWorker, WagePayment, ComplaintEvent, IssuedNumber,
)
_MODELS_BY_TABLE = {model.__tablename__: model for model in _WRITE_ORDER}
def _duplicate_key(worker: str, employer: str, day: date) -> int:
    """64 bits of a hash of the three: a ledger of a million rows keeps a million of these, not of the strings
    (two different rows colliding is a one-in-10^7 chance even then)."""
    digest = hashlib.blake2b(f"{worker}\x1f{employer}\x1f{day.isoformat()}".encode(), digest_size=8).digest()
    return int.from_bytes(digest)


def _fen(value: Any, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("complaint.amount_invalid", field=field_name, value=value)
    if value < 0:
        raise UserError("complaint.amount_negative", field=field_name)
    return value


def import_ledger(
    service: ComplaintService,
    records: Iterable[Any],
    *,
    total: int = 0,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    batch_size: int = BATCH_ROWS,
    stage: Callable[[ImportContext], tuple[int, Iterable[Any]]] | None = None,
    source: ImportSource | None = None,
) -> ImportReport:
    """Import ledger rows (row number, fields) in one transaction, as `service`'s user.

    Each row is one complaint with one employer and one worker, optionally
    with its acceptance, what was already paid and its closure.  A refused
    row is reported with its reason and leaves nothing behind; cancelling
    or any other failure saves nothing at all.

    (Not a ComplaintService method: this module builds on the service, and the
    service importing it back made an import circle.)

    `stage`, given the import's context once the write lock is held, returns
    (estimated rows, the records to import) instead of `records` — the reader
    process's PreparedBatches (`app.complaints.spreadsheet.import_ledger_file`).
    """
    report = ImportReport(total=total)
    collecting = gc.isenabled()
    gc.disable()  # an import allocates millions of short-lived objects and no cycles: the collector only slows it
    try:
        with UnitOfWork(
            service.store, service.actor, Permission.COMPLAINT_IMPORT, Permission.COMPLAINT_REGISTER
        ) as uow:
            import_batches.refuse_repeat(uow.session, source)
            batch_id = import_batches.begin(uow, source)
            run = LedgerImport(service, uow, batch_id)
            items = records
            if stage is not None:
                total, items = stage(run.context)
                report.total = total
            run.run(items, report, total=total, progress=progress, cancel=cancel, batch_size=batch_size)
            import_batches.finish(uow, batch_id, report.imported, len(report.refused))
    finally:
        if collecting:
            gc.enable()
    return report
