"""Every export leaves a trace: one audit entry per file written (Excel or PDF, masked or full).

The entry (action "export") says who (the entry's actor), which export, how many rows,
masked or full, and the file's name — its name only: the folder it went to often holds
the user's own name (C:\\Users\\张伟\\Desktop), which the audit record need not keep.
It is appended just before the file is saved, so the file can carry the chain's head
after it (app.spreadsheets.writer, app.documents.base): an export whose save then fails
leaves an entry for the attempt, never a file without an entry.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.audit.models import AuditHead
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.privacy import scrub
from app.store.engine import Store

EXPORT_ACTION = "export"


@dataclass
class ExportTrace:
    """The audit trace of one export: `record(file_name, rows)` is called by the writer."""

    store: Store
    actor: Actor
    export: str  # which export: "parties", "complaints.ledger", "arbitration.docket", …
    table_name: str  # the main table exported from (the 操作日志 shows it as the entry's table)
    full: bool = False  # personal data in full (else masked or none)
    reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # the filter used, etc.
    record_id: int | None = None  # one record's document (a case's 文书): the entry names that record
    anchor: str = ""  # after record(): the chain's head SEQ:HASH written into the file

    def record(self, file_name: str, rows: int) -> str:
        # A search typed as an ID number or a phone stays out of the record in full.
        details = {k: scrub(v) if isinstance(v, str) else v for k, v in self.details.items() if v not in ("", None)}
        changes = {"export": self.export, "rows": int(rows), "full": self.full, "file": scrub(file_name), **details}
        permissions = (Permission.PERSONAL_DATA_EXPORT_FULL,) if self.full else ()
        with UnitOfWork(self.store, self.actor, *permissions) as uow:
            connection = uow.session.connection()
            audit.append(
                connection,
                self.actor,
                [audit.PendingEntry(EXPORT_ACTION, self.table_name, self.record_id, None, changes, None,
                                     self.reason or None)],
            )
            seq, head = connection.execute(select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)).one()
        self.anchor = f"{seq}:{head}"
        return self.anchor


def document_trace(
    store: Store, actor: Actor, *, table_name: str, case_id: int | None, case_no: str, document: str, title: str
) -> ExportTrace:
    """The trace of one case's document (文书) written to a file: who (the entry's actor), which
    document, which case (its number, and the entry's record), and the file's name.  A document
    shows personal data masked, as the case's detail does, so it is never a full export."""
    return ExportTrace(store, actor, f"document.{document}", table_name, details={"document": title, "case": case_no},
                       record_id=case_id)


_ANCHOR_IN_FILE = re.compile(re.escape(audit.ANCHOR_KEYWORD) + r"(\d+):([0-9a-f]{64})")


def anchor_from_file(path: str | os.PathLike[str]) -> str:
    """The audit anchor (SEQ:HASH) an export carries in its properties (xlsx: docProps/core.xml
    keywords; PDF: the Info dictionary's Keywords, which reportlab writes uncompressed).

    Raises UserError("audit.anchor_file") for a file that cannot be read or carries none."""
    target = Path(path)
    try:
        if zipfile.is_zipfile(target):
            with zipfile.ZipFile(target) as archive:
                data = archive.read("docProps/core.xml")[:1_000_000]
        else:
            with target.open("rb") as handle:
                handle.seek(0, os.SEEK_END)
                size = handle.tell()
                handle.seek(max(0, size - 1_000_000))  # the Info dictionary sits near the end
                data = handle.read()
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise UserError("audit.anchor_file", path=target.name) from exc
    found = _ANCHOR_IN_FILE.findall(data.decode("latin-1"))
    if not found:
        raise UserError("audit.anchor_file", path=target.name)
    seq, digest = found[-1]
    return f"{seq}:{digest}"
