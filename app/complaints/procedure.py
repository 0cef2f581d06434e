"""The procedure before a complaint case's decision, and the service of its documents.

行政处罚决定 (行政处罚法 2021):
- art 44: before deciding, tell the party the intended penalty, its facts, reasons and basis, and their
  rights (事先告知书); art 63: where the penalty is one of the listed kinds (较大数额罚款 — the amount is a
  local setting, ``penalty_hearing_threshold`` — or another 较重 penalty the officer marks), the notice
  also tells of the right to a hearing (听证告知).
- art 45 / art 62: hear the statement and defence (陈述申辩); a decision made without the notice or
  without hearing the defence cannot stand, unless the party expressly waived it.  The law sets no
  period for the defence; the program gives the five working days of rule I5b (see its basis), counted
  from the day the notice was served (送达回证).
- art 64: a hearing is requested within 5 (working) days of the notice (I5); the party is told its time and
  place at least 7 working days before it is held (I5a) by a 听证通知书 of its own (numbered, served, with
  a 送达回证), which also states what art 64(3)–(6) give the party: a public hearing unless secrets or
  privacy are involved, the host (not an investigator) and the right to ask for the host's recusal, one or
  two agents, and that staying away without good reason is a waiver; the hearing is recorded (听证笔录);
  art 65: the decision follows the record.
- art 57 ¶2: a complex or serious case is decided by the responsible persons collectively (集体讨论).
  The program requires the discussion when the notice marks the case 情节复杂或者重大, and whenever the
  notice had to offer a hearing (a 较大数额 or 较重 penalty is treated as a 重大违法行为).

行政处理决定 (责令支付 …): 关于实施《劳动保障监察条例》若干规定 (劳社部令第25号) art 34: "对违反劳动
保障法律的行为作出行政处罚或者行政处理决定前，应当告知用人单位，听取其陈述和申辩；法律、法规规定应当依法
听证的，应当告知用人单位有权依法要求举行听证" (text checked 2026-12-03), and above it 劳动保障监察条例 art 19
(a 行政法规): before a 处罚 or 处理 decision the bureau hears the employer's statement and defence, and the
decision tells of 复议 and 诉讼.  A hearing only where a law or regulation requires one (none does for a
处理决定).  So the same notice and defence period apply, without the hearing steps.

Every deadline the law counts from service (the defence period, the hearing request, the fine's 15
days, the remedy periods) counts from the recorded service date, never from the date of issue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.complaints.models import (
    Complaint,
    ComplaintProcedureStep,
    ProcedureStep,
    ServiceMethod,
    ServiceRecord,
)
from app.errors import UserError
from app.kernel.settings import DEFAULTS, read_setting
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import RuleTable, due

P = ProcedureStep

DECISION_LABELS: dict[str, tuple[str, str]] = {
    "admin_decision": ("行政处理决定", "handling decision"),
    "penalty": ("行政处罚决定", "penalty decision"),
}
STEP_LABELS: dict[str, tuple[str, str]] = {
    P.PRIOR_NOTICE: ("事先告知", "Prior notice"),
    P.STATEMENT: ("陈述申辩", "Statement and defence"),
    P.HEARING_REQUEST: ("听证申请", "Hearing request"),
    P.HEARING_NOTICE: ("听证通知", "Hearing notice"),
    P.HEARING: ("举行听证", "Hearing held"),
    P.COLLECTIVE_DISCUSSION: ("集体讨论", "Collective discussion"),
}
METHOD_LABELS: dict[str, tuple[str, str]] = {
    ServiceMethod.DIRECT: ("直接送达", "In person"),
    ServiceMethod.LEFT: ("留置送达", "Left at the address"),
    ServiceMethod.POST: ("邮寄送达", "By post"),
    ServiceMethod.ENTRUSTED: ("委托送达", "Through another authority"),
    ServiceMethod.ELECTRONIC: ("电子送达", "Electronically (with written consent)"),
    ServiceMethod.PUBLIC_NOTICE: ("公告送达", "By public notice"),
}
# The inspection documents that are served on someone, and what they are called.
SERVED_DOCUMENTS: dict[str, str] = {
    "refusal": "不予受理投诉通知书",
    "rectification": "劳动保障监察限期改正指令书",
    "prior_notice": "事先告知书",
    "hearing_notice": "听证通知书",
    "admin_decision": "劳动保障监察行政处理决定书",
    "penalty": "劳动保障监察行政处罚决定书",
}


def decision_label(kind: str, language: str = "zh_CN") -> str:
    zh, en = DECISION_LABELS.get(kind, (kind, kind))
    return en if language == "en" else zh


@dataclass(frozen=True)
class StepLine:
    id: int
    decision_kind: str
    step: str
    occurred_on: date
    number: str
    content: str
    intended_fine_fen: int | None
    hearing_offered: bool
    complex_case: bool
    waived: bool
    persons: str
    scheduled_on: date | None
    place: str


@dataclass(frozen=True)
class ServiceLine:
    id: int
    document: str
    document_no: str
    method: str
    served_on: date
    recipient: str
    signed: bool
    note: str
    server: str


def step_lines(session: Session, complaint_id: int) -> tuple[StepLine, ...]:
    return tuple(
        StepLine(
            s.id, s.decision_kind, s.step, s.occurred_on, s.number or "", s.content, s.intended_fine_fen,
            bool(s.hearing_offered), bool(s.complex_case), bool(s.waived), s.persons, s.scheduled_on, s.place or "",
        )
        for s in session.scalars(
            select(ComplaintProcedureStep)
            .where(ComplaintProcedureStep.complaint_id == complaint_id)
            .order_by(ComplaintProcedureStep.occurred_on, ComplaintProcedureStep.id)
        )
    )


def service_lines(session: Session, complaint_id: int) -> tuple[ServiceLine, ...]:
    return tuple(
        ServiceLine(r.id, r.document, r.document_no, r.method, r.served_on, r.recipient, r.signed, r.note, r.server)
        for r in session.scalars(
            select(ServiceRecord)
            .where(ServiceRecord.complaint_id == complaint_id)
            .order_by(ServiceRecord.served_on, ServiceRecord.id)
        )
    )


def hearing_threshold_fen(session: Session, party_is_person: bool) -> int:
    setting = read_setting(session, "penalty_hearing_threshold") or {}
    default = DEFAULTS["penalty_hearing_threshold"]
    key = "person_fen" if party_is_person else "organisation_fen"
    return int(setting.get(key, default[key]))


@dataclass(frozen=True)
class Procedure:
    """Where the procedure before one decision kind stands (the latest notice and what followed it)."""

    kind: str
    notice: StepLine | None
    served_on: date | None  # the notice's service date
    statement: StepLine | None
    hearing_request: StepLine | None
    hearing_notice: StepLine | None
    hearing: StepLine | None
    discussion: StepLine | None
    hearing_notice_served_on: date | None = None  # the 听证通知书's first recorded service

    @property
    def hearing_notified_on(self) -> date | None:
        """The day the party was told of the hearing: the notice's service, or its date while none is recorded."""
        if self.hearing_notice is None:
            return None
        return self.hearing_notice_served_on or self.hearing_notice.occurred_on

    @property
    def hearing_offered(self) -> bool:
        return self.kind == "penalty" and self.notice is not None and self.notice.hearing_offered

    @property
    def discussion_required(self) -> bool:
        return (
            self.kind == "penalty" and self.notice is not None
            and (self.notice.complex_case or self.notice.hearing_offered)
        )


def procedure(steps: Sequence[StepLine], services: Sequence[ServiceLine], kind: str) -> Procedure:
    mine = [s for s in steps if s.decision_kind == kind]
    notices = [s for s in mine if s.step == P.PRIOR_NOTICE]
    notice = notices[-1] if notices else None
    if notice is None:
        return Procedure(kind, None, None, None, None, None, None, None)
    after = [s for s in mine if s.id > notice.id]

    def last(step: str) -> StepLine | None:
        found = [s for s in after if s.step == step]
        return found[-1] if found else None

    served = [r.served_on for r in services if r.document == "prior_notice" and r.document_no == notice.number]
    hearing_notice = last(P.HEARING_NOTICE)
    hearing_served = [r.served_on for r in services if hearing_notice is not None and r.document == "hearing_notice"
                      and r.document_no == hearing_notice_number(hearing_notice)]
    return Procedure(
        kind, notice, min(served) if served else None, last(P.STATEMENT), last(P.HEARING_REQUEST),
        hearing_notice, last(P.HEARING), last(P.COLLECTIVE_DISCUSSION),
        min(hearing_served) if hearing_served else None,
    )


def hearing_notice_number(step: StepLine) -> str:
    """The 听证通知书's number; a notice recorded before it had one is named by its date."""
    return step.number or f"听证通知（{step.occurred_on.isoformat()}）"


def hearing_time_label(step: StepLine) -> str:
    """The hearing's time of day as the notice states it (上午9时30分), or "" if none was recorded."""
    if not step.content:
        return ""
    hour, minute = (int(x) for x in step.content.split(":"))
    half = "上午" if hour < 12 else ("中午" if hour == 12 else "下午")
    hour = hour if hour <= 12 else hour - 12
    return f"{half}{hour}时" + (f"{minute}分" if minute else "")


def _due(start: date, rule_id: str, rules: RuleTable, calendar: LegalCalendar) -> date:
    return due(start, rules.get(rule_id), calendar=calendar).due


def check_ready(proc: Procedure, on: date, rules: RuleTable, calendar: LegalCalendar) -> None:
    """Refuse the decision, naming the missing step, unless the procedure before it is complete on `on`."""
    names = {"decision": proc.kind}
    notice = proc.notice
    if notice is None or notice.occurred_on > on:
        raise UserError("procedure.notice_required", field="procedure", **names)
    if proc.served_on is None or proc.served_on > on:
        raise UserError("procedure.notice_not_served", field="procedure", number=notice.number, **names)
    statement = proc.statement
    if statement is None or statement.occurred_on > on:
        defence_due = _due(proc.served_on, "I5b", rules, calendar)
        if on <= defence_due:
            raise UserError(
                "procedure.defence_period_running", field="procedure", due=defence_due.isoformat(),
                served=proc.served_on.isoformat(), **names,
            )
    if proc.hearing_offered:
        request = proc.hearing_request if proc.hearing_request and proc.hearing_request.occurred_on <= on else None
        if request is None:
            request_due = _due(proc.served_on, "I5", rules, calendar)
            if on <= request_due:
                raise UserError("procedure.hearing_period_running", field="procedure", due=request_due.isoformat())
        elif not request.waived and (proc.hearing is None or proc.hearing.occurred_on > on):
            raise UserError(
                "procedure.hearing_not_held", field="procedure", requested=request.occurred_on.isoformat()
            )
    if proc.discussion_required and (proc.discussion is None or proc.discussion.occurred_on > on):
        raise UserError("procedure.discussion_required", field="procedure")


def decision_service(services: Sequence[ServiceLine], kind: str, number: str) -> date | None:
    served = [r.served_on for r in services if r.document == kind and number and r.document_no == number]
    return min(served) if served else None


def document_number(complaint: Complaint, document: str, steps: Sequence[StepLine]) -> tuple[str, date | None]:
    """The number and issue date of a served document of the case ("" if it has not been issued)."""
    if document == "refusal":
        return (complaint.number, complaint.decided_on) if complaint.status == "not_accepted" else ("", None)
    if document == "rectification":
        return complaint.rectification_no or "", complaint.rectification_ordered_on
    if document in ("admin_decision", "penalty"):
        if complaint.decision_kind == document:
            return complaint.decision_no or "", complaint.decision_issued_on
        return "", None
    if document == "prior_notice":
        notices = [s for s in steps if s.step == P.PRIOR_NOTICE]
        return (notices[-1].number, notices[-1].occurred_on) if notices else ("", None)
    if document == "hearing_notice":
        found = [s for s in steps if s.step == P.HEARING_NOTICE]
        return (hearing_notice_number(found[-1]), found[-1].occurred_on) if found else ("", None)
    raise UserError("service.document_unknown", field="document", value=document)
