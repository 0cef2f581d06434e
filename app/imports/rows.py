"""The row loop every register import shares (parties, staff).

An import runs in one unit of work: each (row number, fields) goes to the
area's `take`, which checks the row (raising UserError to refuse it), and only
when every check has passed builds the record, adds it to the session and
returns it with its row key (`RowKeys.check`).  A refused row is reported with
its reason and changes nothing; the session is flushed every `batch_size`
rows, when `cancel` is checked and `progress(done, total)` reported.
Cancelling, or any failure, saves nothing at all.  The file (`source`) is
refused when it was imported before, unless a repeat was asked for; the
import and its row keys are recorded (`app.imports.batches`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from app.errors import UserError
from app.imports import batches as import_batches
from app.imports.batches import ImportSource, RowKeys
from app.kernel.import_report import ImportReport, RowProblem
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.unit_of_work import UnitOfWork

TakeRow = Callable[[int, Mapping[str, Any], RowKeys], tuple[Any, str | None]]


def import_rows(
    uow: UnitOfWork,
    kind: str,
    records: Iterable[tuple[int, Mapping[str, Any]]],
    take: TakeRow,
    *,
    total: int,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    batch_size: int,
    source: ImportSource | None,
) -> ImportReport:
    """Run `records` through `take` inside `uow` (see the module); the report of what was
    imported (with the new records' ids) and what was refused, row by row."""
    report = ImportReport(total=total)
    import_batches.refuse_repeat(uow.session, source)
    keys = RowKeys(uow.session, kind)
    done = 0
    pending: list[Any] = []
    for row_no, fields in records:
        done += 1
        try:
            record, row_key = take(row_no, fields, keys)
        except UserError as err:
            report.refused.append(RowProblem(row_no, err.code, err.field, err.params))
        else:
            pending.append(record)
            keys.saved(row_no, record, row_key)
        if done % batch_size == 0:
            if cancel is not None:
                cancel.check()
            uow.flush()
            if progress:
                progress(done, total)
    if cancel is not None:
        cancel.check()
    uow.flush()
    report.total = max(total, done)
    report.imported = len(pending)
    report.imported_ids = [record.id for record in pending]
    import_batches.record(uow, source, report.imported, len(report.refused), keys)
    if progress:
        progress(done, report.total)
    return report
