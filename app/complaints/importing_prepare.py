"""Preparing a complaints-ledger import: ledger rows turned into the table rows
to insert (checks, parties looked up or created, case numbers, deadlines).
It only reads the database, so it can run in the reader's process beside the
writing one (`PrepareStage`).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.clock import BUREAU_TZ
from app.complaints import rules
from app.complaints.importing_checks import CheckedRow, RowChecker
from app.complaints.importing_tables import WRITE_ORDER, TimeOrderedUuids, writer_for
from app.complaints.models import (
    Complaint,
    ComplaintEmployer,
    ComplaintEvent,
    ComplaintStatus,
    ComplaintWorker,
    WagePayment,
)
from app.errors import UserError
from app.imports import batches as import_batches
from app.kernel.import_report import RowProblem
from app.kernel.numbering_model import IssuedNumber
from app.legal.deadlines import due
from app.legal.rates import format_yuan
from app.parties.models import Party, PartyKind
from app.privacy import Sensitive, mask
from app.store import search

S = ComplaintStatus

IMPORT_NOTE = "导入"
_LOOKUP_CHUNK = 500
BATCH_ROWS = 1000


class _Party(NamedTuple):
    id: int
    kind: str
    name: str | None  # the registered name: a row's name must agree with it


_KIND_TEXTS = {kind.value: kind.value for kind in PartyKind}


def _party(party_id: int, kind: str, name: str | None) -> _Party:
    """An entry of the preparer's party cache, which holds every worker of the import: the kind's
    one string and each name once (a ledger of 100,000 workers has a few thousand names)."""
    return _Party(party_id, _KIND_TEXTS.get(kind, kind), sys.intern(name) if name else name)


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
        self.uuids = TimeOrderedUuids()
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
        for model in WRITE_ORDER:
            records_of_table = batch.rows.get(model.__tablename__)
            if records_of_table:
                rows = writer_for(model).stored_rows(records_of_table)
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
                self.parties[r.id_no or r.uscc] = _party(r.id, r.kind, r.name)
        name_list = sorted(names)
        for start in range(0, len(name_list), _LOOKUP_CHUNK):
            chunk = name_list[start : start + _LOOKUP_CHUNK]
            for named in self.session.execute(
                select(func.min(Party.id).label("id"), Party.name)
                .where(Party.kind == PartyKind.ORG.value, Party.uscc.is_(None), Party.name.in_(chunk))
                .group_by(Party.name)
            ):
                self.parties[f"name:{named.name}"] = _Party(named.id, PartyKind.ORG.value, named.name)

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
        party_id = self._next_id(Party.__tablename__)
        new_parties.append(self._record({**cleaned, "id": party_id}))
        self.parties[key] = _party(party_id, kind.value, cleaned["name"])
        return party_id

    # ------------------------------------------------------------ one complaint
    def _complaint(self, row: CheckedRow, batch: _Batch) -> int:
        complaint_id = self._next_id(Complaint.__tablename__)
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
            "id": self._next_id(ComplaintEmployer.__tablename__), "complaint_id": complaint_id,
            "party_id": row.employer_id, "role": row.role,
        }))
        worker_link = self._next_id(ComplaintWorker.__tablename__)
        batch.add(ComplaintWorker.__tablename__, self._record({
            "id": worker_link, "complaint_id": complaint_id, "party_id": row.worker_id, "owed_fen": row.owed,
        }))
        if row.paid:
            batch.add(WagePayment.__tablename__, self._record({
                "id": self._next_id(WagePayment.__tablename__), "complaint_id": complaint_id, "worker_id": worker_link,
                "paid_on": row.paid_on, "amount_fen": row.paid, "method": "", "note": IMPORT_NOTE,
            }))
        for action, on, source, target, note in events:
            batch.add(ComplaintEvent.__tablename__, self._record({
                "id": self._next_id(ComplaintEvent.__tablename__), "complaint_id": complaint_id, "occurred_on": on,
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
            "id": self._next_id(IssuedNumber.__tablename__), "body": body, "doc_type": doc_type, "year": year,
            "value": value, "text": text, "record_table": Complaint.__tablename__,
            "record_id": complaint_id, "void": False,
        }))
        return text

    def _party_name(self, party_id: int, key: str) -> str:
        """A person's name for a message (a party made earlier in this import is not in the database yet)."""
        name = self.session.scalar(select(Party.name).where(Party.id == party_id))
        return name or key

    def _next_id(self, table_name: str) -> int:
        """The id the record will have, known before it is written, so links need no round trip.

        SQLite: counted on from max(id) (the importing unit of work holds the
        database's only write lock).  Other databases: taken from the table's
        sequence a thousand at a time, since another session may insert
        meanwhile (it waits only at the audit record's head)."""
        if self.context.sqlite:
            current = self.last_ids.get(table_name, 0) + 1
            self.last_ids[table_name] = current
            return current
        reserved = self._reserved.setdefault(table_name, [])
        if not reserved:
            reserved.extend(reversed(self.session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table_name, "n": BATCH_ROWS},
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
        # As in the writing process (`import_ledger`): the rows make millions of short-lived objects and
        # hardly a cycle, so the collector's full passes over everything this process holds (pypinyin's
        # dictionaries, the party cache) only cost time.  The young objects are still collected per batch.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with Session(engine) as session:
                preparer = LedgerPreparer(self.context, session)
                for batch in _batches(records, self.batch_size):
                    yield preparer.prepare(batch)
                    session.rollback()  # end the read transaction: nothing to keep between batches
                    gc.collect(1)
        finally:
            if collecting:
                gc.enable()
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
