"""Import an existing docket (rows read by app/arbitration/spreadsheet.py).

Each row becomes a received application through the same code the clerk's
form uses (`create_received_case`): parties are found in the register by ID
number / credit code, else by exact name, else added to it; a row with a
受理日期 is accepted as well (the program numbers it; the old number is kept
in the timeline).  A refused row changes nothing and is reported with its
row number and reason; the rest are saved together at the end.  Cancelling
saves nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationEvent,
    ArbitrationParty,
    ArbitrationStatus,
)
from app.arbitration.service import (
    ClaimInput,
    _refresh_deadlines,
    clean_claims,
    create_received_case,
)
from app.errors import UserError
from app.imports import batches as import_batches
from app.imports.batches import ImportSource
from app.kernel.import_report import ImportReport, RowProblem
from app.kernel.numbering import allocate_number
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.unit_of_work import UnitOfWork
from app.legal.calendar import LegalCalendar
from app.legal.holidays import calendar_for
from app.legal.identity import normalise_id_no, normalise_uscc
from app.parties.models import Party, PartyKind
from app.parties.service import clean_fields
from app.privacy import Sensitive, mask
from app.store.engine import Store


def _find_party(session: Session, kind: PartyKind, name: str, number: str) -> tuple[int | None, dict[str, Any]]:
    """(the registered party's id, or None and the cleaned fields of a new one).
    Validates before anything is written, so a refused row writes nothing.

    A person is found by ID number only (normalised: spaces, lower-case x and
    full-width digits do not make another person), and the row's name must
    agree with the register's; a person without an ID number is a new party,
    never attached by name alone.  An employer without a credit code is found
    by its exact name."""
    is_person = kind is PartyKind.PERSON
    number = normalise_id_no(number) if is_person else normalise_uscc(number)
    name = " ".join(name.split())
    column = Party.id_no if is_person else Party.uscc
    found = None
    if number:
        row = session.execute(select(Party.id, Party.kind, Party.name).where(column == number)).first()
        if row is not None:
            if is_person and row.name != name:
                raise UserError("import.identity_mismatch", field="applicant_id_no",
                                number=mask(Sensitive.ID_NO, number), registered=row.name, typed=name)
            found = row.id
    elif not is_person:
        found = session.scalar(select(Party.id).where(Party.kind == kind.value, Party.name == name).limit(1))
    if found is not None:
        return found, {}
    fields: dict[str, Any] = {"kind": kind.value, "name": name}
    if number:
        fields["id_no" if kind is PartyKind.PERSON else "uscc"] = number
    return None, clean_fields(fields)


def _refuse_existing_case(
    session: Session, applicant: int, respondent: int, received_on: date, claims: list[Any]
) -> None:
    """The same applicant against the same respondent, received the same day with the same claims, is
    the case already on the docket (an imported docket is not doubled): refused, naming it."""
    applicant_link = aliased(ArbitrationParty)
    respondent_link = aliased(ArbitrationParty)
    candidates = session.execute(
        select(ArbitrationCase.id, ArbitrationCase.case_no)
        .join(applicant_link, applicant_link.case_id == ArbitrationCase.id)
        .join(respondent_link, respondent_link.case_id == ArbitrationCase.id)
        .where(ArbitrationCase.received_on == received_on,
               applicant_link.party_id == applicant, applicant_link.role == "applicant",
               respondent_link.party_id == respondent, respondent_link.role == "respondent")
    ).all()
    wanted = sorted((c.category, c.amount_fen) for c in claims)
    for case_id, case_no in candidates:
        held = sorted(
            (c.category, c.original_amount_fen if c.original_amount_fen is not None else c.amount_claimed_fen)
            for c in session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case_id))
        )
        if held == wanted:
            raise UserError("import.duplicate_case", field="applicant", number=case_no or f"收件{received_on}")


def _party_id(session: Session, found: tuple[int | None, dict[str, Any]]) -> int:
    party_id, cleaned = found
    if party_id is not None:
        return party_id
    party = Party(**cleaned)
    session.add(party)
    session.flush()
    return party.id


def import_docket(
    store: Store,
    actor: Actor,
    records: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    total: int = 0,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    calendar: LegalCalendar | None = None,
    source: ImportSource | None = None,
) -> ImportReport:
    calendar = calendar or calendar_for(store)
    report = ImportReport(total=total)
    with UnitOfWork(store, actor, Permission.ARBITRATION_RECEIVE, Permission.PARTY_EDIT) as uow:
        import_batches.refuse_repeat(uow.session, source)
        keys = import_batches.RowKeys(uow.session, "arbitration")
        done = 0
        for row_no, fields in records:
            done += 1
            if cancel is not None and done % 100 == 0:
                cancel.check()
            try:
                problem = fields.get("_problem")
                if problem is not None:
                    raise problem
                # every check comes before the row's first write (no savepoints:
                # pysqlite's RELEASE would commit the whole import)
                case, key = _import_row(uow, fields, calendar, keys)
                report.imported_ids.append(case.id)
                keys.saved(row_no, case, key)
            except UserError as err:
                report.refused.append(RowProblem(row_no, err.code, err.field, err.params))
            if progress and done % 100 == 0:
                progress(done, total)
        if cancel is not None:
            cancel.check()
        report.total = max(total, done)
        report.imported = len(report.imported_ids)
        import_batches.record(uow, source, report.imported, len(report.refused), keys)
        if progress:
            progress(done, report.total)
    return report


def natural_key(fields: Mapping[str, Any], claims: list[Any]) -> str:
    """What makes a docket row the same case again (import_batches.RowKeys): applicant, respondent,
    day received and claims — the numbers normalised, a name where there is no number."""
    applicant = normalise_id_no(fields.get("applicant_id_no", "")) or "name:" + " ".join(fields["applicant"].split())
    respondent = normalise_uscc(fields.get("respondent_uscc", "")) or "name:" + " ".join(fields["respondent"].split())
    asked = ";".join(f"{category}:{fen}" for category, fen in sorted((c.category, c.amount_fen) for c in claims))
    return "\x1f".join((applicant, respondent, fields["received_on"].isoformat(), asked))


def _import_row(
    uow: UnitOfWork, fields: Mapping[str, Any], calendar: LegalCalendar, keys: import_batches.RowKeys
) -> tuple[ArbitrationCase, str | None]:
    session = uow.session
    accepted_on: date | None = fields.get("accepted_on")
    if accepted_on is not None and accepted_on < fields["received_on"]:
        raise UserError("arbitration.date_before_previous", field="accepted_on", date=accepted_on.isoformat(),
                        previous=fields["received_on"].isoformat())
    found_applicant = _find_party(session, PartyKind.PERSON, fields["applicant"], fields.get("applicant_id_no", ""))
    found_respondent = _find_party(session, PartyKind.ORG, fields["respondent"], fields.get("respondent_uscc", ""))
    claims = clean_claims([ClaimInput(category, fen) for category, fen in fields["claims"]])
    if found_applicant[0] is not None and found_applicant[0] == found_respondent[0]:
        raise UserError("arbitration.party_twice", field="respondent", name=fields["respondent"])
    if found_applicant[0] is not None and found_respondent[0] is not None:
        _refuse_existing_case(session, found_applicant[0], found_respondent[0], fields["received_on"], claims)
    key = keys.check(natural_key(fields, claims), "applicant")  # imported before, the case edited since
    applicant = _party_id(session, found_applicant)
    respondent = _party_id(session, found_respondent)
    received_on: date = fields["received_on"]
    old_no = fields.get("old_case_no", "")
    note = "；".join(p for p in (f"导入，原案号{old_no}" if old_no else "导入", fields.get("note", "")) if p)
    case = create_received_case(
        uow, applicants=[applicant], respondents=[respondent],
        claims=claims,
        received_on=received_on, cause=fields.get("cause", ""), note=note, calendar=calendar,
        derive_deadlines=accepted_on is None,  # an accepted row's are derived once it is accepted, below
    )
    if accepted_on is not None:
        case.case_no = allocate_number(uow, "arbitration", accepted_on.year, record_table=ArbitrationCase.__tablename__,
                                       record_id=case.id)
        case.status = ArbitrationStatus.ACCEPTED.value
        case.decided_on = case.accepted_on = accepted_on
        stored_claims = session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id)).all()
        for claim in stored_claims:
            claim.original_amount_fen = claim.amount_claimed_fen
        case.accepted_claims_fen = sum(c.amount_claimed_fen for c in stored_claims)
        session.add(ArbitrationEvent(case_id=case.id, kind="accept", on=accepted_on, actor=uow.actor.username,
                                     details=json.dumps({"case_no": case.case_no, "old_case_no": old_no}, ensure_ascii=False),
                                     note=note))
        uow.flush()
        _refresh_deadlines(session, case, calendar)
    return case, key
