"""The procedure before a decision (行政处罚法 ch. 5): the prior notice (事先告知),
the party's statement and defence, the hearing (request, notice, hearing), the
collective discussion, the service of a case's documents (送达回证) and the
decision's publication.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.complaints import procedure as procedure_rules
from app.complaints.commands import CaseCommands
from app.complaints.common import clean_text, whole_fen
from app.complaints.models import (
    Complaint,
    ComplaintProcedureStep,
    ProcedureStep,
    ServiceMethod,
    ServiceRecord,
)
from app.complaints.procedure import Procedure
from app.complaints.rows import ComplaintDetail
from app.errors import UserError
from app.kernel.numbering import allocate_number
from app.kernel.unit_of_work import UnitOfWork
from app.legal.deadlines import due
from app.parties.models import Party, PartyKind


def _hearing_clock(value: str) -> str:
    """A hearing's time of day as HH:MM ("" when none is given); 0930 and 9:30 are read as 09:30."""
    value = (value or "").strip().replace("：", ":")
    if not value:
        return ""
    digits = value.replace(":", "")
    if not digits.isdigit() or len(digits) not in (3, 4) or (":" in value and len(value.split(":")[1]) != 2):
        raise UserError("procedure.hearing_time_invalid", field="hearing_time", value=value)
    hour, minute = int(digits[:-2]), int(digits[-2:])
    if hour > 23 or minute > 59:
        raise UserError("procedure.hearing_time_invalid", field="hearing_time", value=value)
    return f"{hour:02d}:{minute:02d}"


class ProcedureCommands(CaseCommands):
    """The procedure before a decision (a part of `ComplaintService`)."""

    def _procedure_case(self, uow: UnitOfWork, complaint_id: int, decision_kind: str) -> Complaint:
        if decision_kind not in procedure_rules.DECISION_LABELS:
            raise UserError("complaint.decision_kind_unknown", field="decision_kind", value=decision_kind)
        complaint = self._load(uow, complaint_id, None)
        if complaint.decision_issued_on is not None:
            raise UserError("procedure.already_decided")
        self._require_investigating(complaint, "procedure")
        return complaint

    def _add_step(self, uow: UnitOfWork, complaint: Complaint, decision_kind: str, step: ProcedureStep, on: date,
                  event_note: str, **fields: Any) -> ComplaintProcedureStep:
        row = ComplaintProcedureStep(complaint_id=complaint.id, decision_kind=decision_kind, step=step.value,
                                     occurred_on=on, **fields)
        uow.session.add(row)
        uow.session.flush()
        self._event(uow, complaint, f"procedure_{step.value}", on, event_note)
        return row

    def _after_service(self, proc: Procedure, on: date) -> None:
        if proc.notice is None:
            raise UserError("procedure.no_notice", decision=proc.kind)
        start = proc.served_on or proc.notice.occurred_on
        if on < start:
            raise UserError("procedure.before_notice", field="on", date=on.isoformat(), served=start.isoformat())

    def record_prior_notice(
        self, complaint_id: int, decision_kind: str, on: date, content: str, *,
        intended_fine_fen: int | None = None, other_serious_penalty: bool = False, complex_case: bool = False,
    ) -> ComplaintDetail:
        """事先告知书 (行政处罚法 art 44; 若干规定 art 34): allocates its number.

        `content`: the intended measure with its facts, reasons and basis.  A penalty notice offers a
        hearing (art 63) when the fine is at or above the local 较大数额 (setting
        ``penalty_hearing_threshold``) or when the officer marks another penalty of art 63's list
        (`other_serious_penalty`: 责令停产停业, 吊销许可证 …).  `complex_case`: 情节复杂或者重大 (art 57 ¶2).
        """
        if not clean_text(content):
            raise UserError("procedure.text_required", field="content")
        if intended_fine_fen is not None and whole_fen(intended_fine_fen, "fine") < 0:
            raise UserError("complaint.fine_negative", field="fine")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, decision_kind)
            on = self._check_day(on, complaint)
            offered = False
            if decision_kind == "penalty":
                persons = [e for e in complaint.employers if e.role in ("employer", "subcontractor",
                                                                        "general_contractor", "gang_master")]
                party_is_person = bool(persons) and all(
                    uow.session.get_one(Party, e.party_id).kind == PartyKind.PERSON.value for e in persons)
                threshold = procedure_rules.hearing_threshold_fen(uow.session, party_is_person)
                offered = other_serious_penalty or (intended_fine_fen or 0) >= threshold
            number = allocate_number(uow, "prior_notice", on.year, record_table=Complaint.__tablename__,
                                     record_id=complaint.id)
            note = f"{number}：{clean_text(content)}" + ("（告知听证权利）" if offered else "")
            self._add_step(
                uow, complaint, decision_kind, ProcedureStep.PRIOR_NOTICE, on, note, number=number,
                content=clean_text(content), intended_fine_fen=intended_fine_fen if decision_kind == "penalty" else None,
                hearing_offered=offered, complex_case=complex_case and decision_kind == "penalty",
            )
        return self.get(complaint_id)

    def record_statement(
        self, complaint_id: int, decision_kind: str, on: date, *, waived: bool, content: str = ""
    ) -> ComplaintDetail:
        """陈述申辩 received (its content), or waived in writing (art 45, art 62)."""
        if not waived and not clean_text(content):
            raise UserError("procedure.text_required", field="content")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, decision_kind)
            on = self._check_day(on, complaint)
            self._after_service(self._current(uow, complaint, decision_kind), on)
            note = "书面放弃陈述、申辩" if waived else f"陈述、申辩：{clean_text(content)}"
            self._add_step(uow, complaint, decision_kind, ProcedureStep.STATEMENT, on, note,
                           waived=waived, content=clean_text(content))
        return self.get(complaint_id)

    def record_hearing_request(
        self, complaint_id: int, on: date, *, waived: bool = False, content: str = ""
    ) -> ComplaintDetail:
        """The party requests a hearing within 5 WD of the notice (art 64(1), I5), or waives it in writing."""
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            self._after_service(proc, on)
            if not proc.hearing_offered:
                raise UserError("procedure.no_hearing_offered")
            if not waived and proc.served_on is not None:
                last = due(proc.served_on, self.rules.get("I5"), calendar=self.calendar).due
                if on > last:
                    raise UserError("procedure.hearing_request_late", field="on", date=on.isoformat(),
                                    due=last.isoformat())
            note = "书面放弃听证" if waived else "要求听证" + (f"：{clean_text(content)}" if clean_text(content) else "")
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING_REQUEST, on, note,
                           waived=waived, content=clean_text(content))
        return self.get(complaint_id)

    def record_hearing_notice(
        self, complaint_id: int, on: date, hearing_on: date, place: str, *, hearing_time: str = "", host: str = "",
    ) -> ComplaintDetail:
        """听证通知书 (行政处罚法 art 64(2)): allocates its number; tells the party the hearing's date, time
        (`hearing_time`, HH:MM or HHMM; the notice leaves a blank to fill in by hand when it is not given) and
        place at least 7 WD before it (I5a).  `host`: the host the bureau designates, named so the party may
        ask for recusal (art 64(4)); never one of the case's investigators."""
        if not clean_text(place):
            raise UserError("procedure.text_required", field="place")
        clock = _hearing_clock(hearing_time)
        host = clean_text(host, limit=300)
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            if proc.hearing_request is None or proc.hearing_request.waived:
                raise UserError("procedure.no_hearing_request")
            latest = due(hearing_on, self.rules.get("I5a"), calendar=self.calendar).due
            if on > latest:
                raise UserError("procedure.hearing_notice_late", field="hearing_on", hearing=hearing_on.isoformat(),
                                latest=latest.isoformat(), date=on.isoformat())
            self._check_host(uow.session, complaint, host)
            number = allocate_number(uow, "hearing_notice", on.year, record_table=Complaint.__tablename__,
                                     record_id=complaint.id)
            when = hearing_on.isoformat() + (f" {clock}" if clock else "")
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING_NOTICE, on,
                           f"{number}：通知于{when}在{clean_text(place)}举行听证" + (f"，主持人：{host}" if host else ""),
                           number=number, scheduled_on=hearing_on, place=clean_text(place, limit=200), content=clock,
                           persons=host)
        return self.get(complaint_id)

    def _check_host(self, session: Session, complaint: Complaint, host: str) -> None:
        """Art 64(4): the hearing is hosted by someone who did not investigate the case."""
        investigators = set(self._officer_names(session, complaint.id).split("、")) - {""}
        for name in investigators:
            if name in host:
                raise UserError("procedure.host_is_investigator", field="host", name=name)

    def record_hearing(self, complaint_id: int, on: date, host: str, record: str) -> ComplaintDetail:
        """听证 held: who hosted it (not an investigator, art 64(4)) and the 听证笔录's substance (art 64(8))."""
        host = clean_text(host, limit=300)
        if not host:
            raise UserError("procedure.host_required", field="host")
        if not clean_text(record):
            raise UserError("procedure.text_required", field="record")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            proc = self._current(uow, complaint, "penalty")
            notice = proc.hearing_notice
            if notice is None or notice.scheduled_on is None:
                raise UserError("procedure.no_hearing_notice")
            if on < notice.scheduled_on:
                raise UserError("procedure.hearing_before_scheduled", field="on",
                                hearing=notice.scheduled_on.isoformat(), date=on.isoformat())
            # Art 64(2) counts to the day the party was told: the notice's recorded service.
            latest = due(notice.scheduled_on, self.rules.get("I5a"), calendar=self.calendar).due
            notified = proc.hearing_notified_on
            if notified is not None and notified > latest:
                raise UserError("procedure.hearing_notice_served_late", field="on", served=notified.isoformat(),
                                hearing=notice.scheduled_on.isoformat(), latest=latest.isoformat())
            self._check_host(uow.session, complaint, host)
            self._add_step(uow, complaint, "penalty", ProcedureStep.HEARING, on, f"听证主持人：{host}；{clean_text(record)}",
                           persons=host, content=clean_text(record), place=notice.place)
        return self.get(complaint_id)

    def record_collective_discussion(self, complaint_id: int, on: date, persons: str, conclusion: str) -> ComplaintDetail:
        """负责人集体讨论 (art 57 ¶2): who took part and what they decided."""
        persons = clean_text(persons, limit=300)
        if not persons:
            raise UserError("procedure.persons_required", field="persons")
        if not clean_text(conclusion):
            raise UserError("procedure.text_required", field="conclusion")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._procedure_case(uow, complaint_id, "penalty")
            on = self._check_day(on, complaint)
            self._after_service(self._current(uow, complaint, "penalty"), on)
            self._add_step(uow, complaint, "penalty", ProcedureStep.COLLECTIVE_DISCUSSION, on,
                           f"参加人：{persons}；{clean_text(conclusion)}", persons=persons, content=clean_text(conclusion))
        return self.get(complaint_id)

    def record_service(
        self, complaint_id: int, document: str, method: str, served_on: date, recipient: str, *,
        signed: bool = True, note: str = "", server: str = "",
    ) -> ComplaintDetail:
        """送达回证 for a document of the case: method, date, recipient, and signature or the reason for none."""
        if document not in procedure_rules.SERVED_DOCUMENTS:
            raise UserError("service.document_unknown", field="document", value=document)
        if method not in {m.value for m in ServiceMethod}:
            raise UserError("service.method_unknown", field="method", value=method)
        recipient = clean_text(recipient, limit=200)
        if not recipient:
            raise UserError("service.recipient_required", field="recipient")
        if not signed and not clean_text(note):
            raise UserError("service.reason_required", field="note")
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, None)
            served_on = self._check_day(served_on, complaint, "served_on")
            name = procedure_rules.SERVED_DOCUMENTS[document]
            number, issued = procedure_rules.document_number(
                complaint, document, procedure_rules.step_lines(uow.session, complaint.id))
            if not number or issued is None:
                raise UserError("service.document_not_issued", field="document", document=name)
            if served_on < issued:
                raise UserError("service.before_issue", field="served_on", document=name,
                                issued=issued.isoformat(), date=served_on.isoformat())
            uow.session.add(ServiceRecord(
                complaint_id=complaint.id, document=document, document_no=number, method=method,
                served_on=served_on, recipient=recipient, signed=signed, note=clean_text(note),
                server=clean_text(server, limit=200) or self._officer_names(uow.session, complaint.id)[:200],
            ))
            method_zh = procedure_rules.METHOD_LABELS[ServiceMethod(method)][0]
            self._event(uow, complaint, "service", served_on,
                        f"{name}{number}，{method_zh}，受送达人：{recipient}" + ("" if signed else f"（未签收：{clean_text(note)}）"))
        return self.get(complaint_id)

    def record_publication(self, complaint_id: int, version: int, on: date) -> ComplaintDetail:
        with UnitOfWork(self.store, self.actor, Permission.COMPLAINT_HANDLE) as uow:
            complaint = self._load(uow, complaint_id, version)
            if complaint.decision_issued_on is None:
                raise UserError("complaint.nothing_to_publish")
            on = self._check_day(on, complaint)
            complaint.published_on = on
            self._event(uow, complaint, "publish", on)
        return self.get(complaint_id)
