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
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update

from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.audit.models import AuditHead
from app.complaints.importing_checks import RowChecker
from app.complaints.importing_prepare import (
    BATCH_ROWS,
    ImportContext,
    LedgerPreparer,
    PreparedBatch,
    PrepareStage,
)
from app.complaints.importing_tables import WRITE_ORDER, writer_for_table
from app.complaints.service import ComplaintService
from app.imports import batches as import_batches
from app.imports.batches import ImportSource
from app.kernel.import_report import ImportReport
from app.kernel.numbering_model import NumberCounter
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.settings import read_setting
from app.kernel.unit_of_work import UnitOfWork
from app.store import search

IMPORT_CACHE_KIB = 16 * 1024


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
                for model in WRITE_ORDER
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
            writer = writer_for_table(table_name)
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


__all__ = ["BATCH_ROWS", "ImportContext", "LedgerImport", "PrepareStage", "PreparedBatch", "import_ledger"]
