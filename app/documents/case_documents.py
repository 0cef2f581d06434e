"""One case's document (文书) written to a PDF, audited as an export (issue 13).

Complaint documents (登记表, 立案审批表, 决定书, 送达回证, …) and arbitration documents
(受理通知书, 裁决书, …) leave one audit entry each, through the same path as every
list export (`exports.ExportTrace`, here `exports.document_trace`): who, which document,
which case (the entry's record, and its number), the file's name; and the PDF's
properties carry the chain's head after that entry (`audit verify --anchor-from FILE`).

The windows write their documents through the same trace (the complaint case page,
the arbitration and mediation document dialog); the command line through
`issue_complaint_document` and `issue_arbitration_document` below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationCase
from app.complaints.models import Complaint
from app.errors import UserError
from app.kernel.exports import document_trace
from app.store.engine import Store


@dataclass(frozen=True)
class IssuedDocument:
    file: Path
    pages: int
    case_no: str
    title: str
    anchor: str  # the audit chain's head the file carries (SEQ:HASH)


def complaint_id_for(store: Store, actor: Actor, number: str) -> int:
    """The complaint registered as `number` (登记号) or filed as it (立案号)."""
    actor.require(Permission.COMPLAINT_VIEW)
    with store.read() as session:
        found = session.scalar(select(Complaint.id).where(or_(Complaint.number == number, Complaint.case_no == number)))
    if found is None:
        raise UserError("document.case_not_found", number=number)
    return int(found)


def arbitration_id_for(store: Store, actor: Actor, number: str) -> int:
    """The arbitration case numbered `number` (案号); a case not yet accepted by its id."""
    actor.require(Permission.ARBITRATION_VIEW)
    with store.read() as session:
        found = session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.case_no == number))
        if found is None and number.isdigit():
            found = session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.id == int(number)))
    if found is None:
        raise UserError("document.case_not_found", number=number)
    return int(found)


def issue_complaint_document(
    store: Store, actor: Actor, complaint_id: int, kind: str, path: str | os.PathLike[str],
    *, printed_on: date | None = None,
) -> IssuedDocument:
    """Write the complaint's document `kind` (complaint_documents.DOCUMENTS) to `path`, audited."""
    from app.complaints.documents import (
        DOCUMENTS,
        available_documents,
        write_complaint_document,
    )
    from app.complaints.service import ComplaintService
    from app.kernel.settings import SettingsService

    if kind not in DOCUMENTS:
        raise UserError("document.unknown", kind=kind, choices=", ".join(DOCUMENTS))
    detail = ComplaintService(store, actor).get(complaint_id)
    case_no = detail.case_no or detail.number
    if kind not in available_documents(detail):
        raise UserError("document.not_yet", title=DOCUMENTS[kind])
    organisation = SettingsService(store, actor).get("organisation")
    trace = document_trace(store, actor, table_name=Complaint.__tablename__, case_id=detail.id, case_no=case_no,
                           document=kind, title=DOCUMENTS[kind])
    pages = write_complaint_document(kind, detail, path, organisation=organisation, printed_on=printed_on, trace=trace)
    return IssuedDocument(Path(path), pages, case_no, DOCUMENTS[kind], trace.anchor)


def issue_arbitration_document(
    store: Store, actor: Actor, case_id: int, kind: str, path: str | os.PathLike[str], *, today: date | None = None,
) -> IssuedDocument:
    """Write the arbitration case's document `kind` (arbitration_documents.DOCUMENTS), as drafted
    from the case, to `path`, audited (the window lets the clerk edit the draft first)."""
    from app.arbitration import documents as docs
    from app.arbitration.service import ArbitrationCaseService
    from app.kernel.settings import SettingsService

    if kind not in docs.DOCUMENTS:
        raise UserError("document.unknown", kind=kind, choices=", ".join(docs.DOCUMENTS))
    case = ArbitrationCaseService(store, actor).get(case_id)
    organisation = SettingsService(store, actor).get("organisation")["arbitration_commission"]
    draft = docs.draft(kind, case, organisation, today=today)  # a case not there yet: its UserError
    case_no = case.case_no or f"收件{case.id}"
    trace = document_trace(store, actor, table_name=ArbitrationCase.__tablename__, case_id=case.id, case_no=case_no,
                           document=kind, title=draft.title)
    pages = docs.render(draft, path, trace=trace)
    return IssuedDocument(Path(path), pages, case_no, draft.title, trace.anchor)
