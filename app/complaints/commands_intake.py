"""Registering a complaint or report (登记): its employers, workers and
complainant, found by ID number / credit code or created in the same
transaction; on any error nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.complaints.commands import CaseCommands
from app.complaints.common import SHANGHAI, clean_text, local_day, whole_fen
from app.complaints.models import (
    Channel,
    Complaint,
    ComplaintEmployer,
    ComplaintKind,
    ComplaintStatus,
    ComplaintWorker,
    EmployerRole,
)
from app.complaints.rows import ComplaintDetail, DuplicateWarning
from app.errors import UserError
from app.kernel.numbering import allocate_number
from app.kernel.unit_of_work import UnitOfWork
from app.parties.models import Party, PartyKind
from app.parties.service import clean_fields
from app.projects.models import Project

S = ComplaintStatus


class IntakeCommands(CaseCommands):
    """Registration (a part of `ComplaintService`)."""

    def register(self, fields: Mapping[str, Any]) -> tuple[ComplaintDetail, list[DuplicateWarning]]:
        """Register a complaint or report (登记).  Returns it and the duplicate warnings found.

        ``fields``: kind, channel, received_at (aware datetime; naive = Shanghai
        time), complainant (party id | person fields | None), anonymous,
        employers [{party: id | org fields, role}], workers [{party: id |
        person fields, owed_fen}], project_id, matters, requests, evidence.
        Parties given by their fields are found by number or created, in the
        same transaction: on any error nothing is saved.
        """
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_REGISTER) as uow:
            complaint, warnings = self._register(uow, fields)
            complaint_id = complaint.id
        return self.get(complaint_id), warnings

    def _register(
        self, uow: UnitOfWork, fields: Mapping[str, Any], *, warn: bool = True
    ) -> tuple[Complaint, list[DuplicateWarning]]:
        session = uow.session
        self._made = {}
        kind = str(fields.get("kind") or ComplaintKind.COMPLAINT.value)
        if kind not in {k.value for k in ComplaintKind}:
            raise UserError("complaint.kind_unknown", field="kind", value=kind)
        channel = str(fields.get("channel") or "")
        if channel not in {c.value for c in Channel}:
            raise UserError("complaint.channel_unknown", field="channel", value=channel)
        received_at = fields.get("received_at")
        if not isinstance(received_at, datetime):
            if isinstance(received_at, date):
                received_at = datetime.combine(received_at, time(9, 0))
            else:
                raise UserError("complaint.received_required", field="received_at")
        if received_at.tzinfo is None:
            received_at = received_at.replace(tzinfo=SHANGHAI)
        received_at = received_at.astimezone(UTC)
        received_on = local_day(received_at)
        if received_on > self.today():
            raise UserError("complaint.date_future", field="received_at", date=received_on.isoformat())
        anonymous = bool(fields.get("anonymous"))
        if anonymous and kind != ComplaintKind.REPORT:
            raise UserError("complaint.anonymous_only_report", field="anonymous")
        complainant_ref = fields.get("complainant")
        complainant: Party | None = None
        if complainant_ref is not None and not anonymous:
            complainant = self._resolve_party(session, complainant_ref, kind=PartyKind.PERSON, field_name="complainant")
        if complainant is None and not anonymous:
            raise UserError("complaint.complainant_required", field="complainant")
        employer_refs = list(fields.get("employers") or [])
        if not employer_refs:
            raise UserError("complaint.employer_required", field="employers")
        worker_refs = list(fields.get("workers") or [])
        if not worker_refs and kind == ComplaintKind.COMPLAINT and complainant is not None:
            raise UserError("complaint.worker_required", field="workers")
        project_id = fields.get("project_id")
        if project_id is not None and session.get(Project, project_id) is None:
            raise UserError("project.not_found", field="project_id")
        matters = clean_text(fields.get("matters"))
        if not matters:
            raise UserError("complaint.matters_required", field="matters")

        complaint = Complaint(
            number="",
            kind=kind,
            channel=channel,
            received_at=received_at,
            received_on=received_on,
            received_by=self.actor.username,
            complainant=complainant,
            anonymous=anonymous,
            project_id=project_id,
            matters=matters,
            requests=clean_text(fields.get("requests")),
            evidence=clean_text(fields.get("evidence")),
            status=S.RECEIVED.value,
            extension_days=0,
        )
        seen_employers: list[Party] = []
        for i, ref in enumerate(employer_refs):
            role = str(ref.get("role") or EmployerRole.EMPLOYER.value)
            if role not in {r.value for r in EmployerRole}:
                raise UserError("complaint.role_unknown", field=f"employers.{i}", value=role)
            party = self._resolve_party(session, ref.get("party"), kind=PartyKind.ORG, field_name=f"employers.{i}")
            if any(p is party for p in seen_employers):
                raise UserError("complaint.employer_twice", field=f"employers.{i}", name=party.name)
            seen_employers.append(party)
            complaint.employers.append(ComplaintEmployer(party=party, role=role))
        seen_workers: list[Party] = []
        for i, ref in enumerate(worker_refs):
            owed = whole_fen(ref.get("owed_fen"), f"workers.{i}")
            if owed < 0:
                raise UserError("complaint.amount_negative", field=f"workers.{i}")
            party = self._resolve_party(session, ref.get("party"), kind=PartyKind.PERSON, field_name=f"workers.{i}")
            if any(p is party for p in seen_workers):
                raise UserError("complaint.worker_twice", field=f"workers.{i}", name=party.name)
            seen_workers.append(party)
            complaint.workers.append(ComplaintWorker(party=party, owed_fen=owed))
        self._stored_deadlines(complaint, received_on)
        session.add(complaint)
        uow.flush()
        complaint.number = allocate_number(
            uow, "complaint", received_on.year, record_table=Complaint.__tablename__, record_id=complaint.id
        )
        self._event(uow, complaint, "register", received_on, to_status=S.RECEIVED.value)
        warnings = (
            self._duplicates(session, [p.id for p in seen_workers], [p.id for p in seen_employers], complaint.id)
            if warn else []
        )
        return complaint, warnings

    def _resolve_party(self, session: Session, ref: Any, *, kind: PartyKind, field_name: str) -> Party:
        """A party id, or the fields of a party: found by its ID number / credit code, else created."""
        if isinstance(ref, int) and not isinstance(ref, bool):
            party = session.get(Party, ref)
            if party is None:
                raise UserError("complaint.party_not_found", field=field_name)
            if party.kind != kind.value:
                code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                raise UserError(code, field=field_name, name=party.name)
            return party
        if not isinstance(ref, Mapping):
            raise UserError("complaint.party_not_found", field=field_name)
        fields = {k: v for k, v in ref.items() if k != "kind"}
        cleaned = clean_fields({**fields, "kind": kind.value}, today=self.today())
        number = cleaned.get("id_no") or cleaned.get("uscc")
        # Parties made earlier in this registration are not flushed yet: find them here, not in the database.
        cache = self._made
        if number and number in cache:
            cached = cache[number]
            if cached in session:  # gone if its row was rolled back
                if cached.kind != kind.value:
                    code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                    raise UserError(code, field=field_name, name=cached.name)
                return cached
        if number:
            with session.no_autoflush:
                existing = session.scalars(
                    select(Party).where((Party.id_no == number) | (Party.uscc == number))
                ).first()
            if existing is not None:
                if existing.kind != kind.value:
                    code = "complaint.worker_not_person" if kind is PartyKind.PERSON else "complaint.employer_not_org"
                    raise UserError(code, field=field_name, name=existing.name)
                cache[number] = existing
                return existing
        self.actor.require(Permission.PARTY_EDIT)
        party = Party(**cleaned)
        session.add(party)  # flushed with the complaint
        if number:
            cache[number] = party
        return party
