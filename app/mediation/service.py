"""Township mediation (乡镇/街道劳动争议调解, DOMAIN B §2.2, §3.3).

A state machine like the docket's: application (written, or oral and
recorded on the spot) → acceptance or not → sessions → agreement (调解协议书)
or failure, or withdrawal; the 15-day clock (M1) runs from the receipt of the
application.  A failed mediation — or one whose 15 days ran out without an
agreement — goes to arbitration with one action (`transfer_to_arbitration`):
the parties and claims are carried over into a received arbitration
application, and the two cases are linked both ways.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.arbitration.deadlines import shanghai_today
from app.arbitration.models import ArbitrationCase, PartyRole
from app.arbitration.service import ClaimInput, _check_parties, clean_claims, create_received_case
from app.errors import UserError
from app.kernel import lifecycle
from app.kernel.numbering import allocate_number
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.unit_of_work import UnitOfWork
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES, Deadline, due
from app.legal.holidays import calendar_for
from app.mediation.lifecycle import (  # the life cycle; callers import these names from here
    EVENT_LABELS as EVENT_LABELS,
)
from app.mediation.lifecycle import (
    EVENT_LABELS_EN as EVENT_LABELS_EN,
)
from app.mediation.lifecycle import (
    OPEN as OPEN,
)
from app.mediation.lifecycle import (
    TRANSITIONS as TRANSITIONS,
)
from app.mediation.models import (
    ApplicationForm,
    Channel,
    MediationCase,
    MediationClaim,
    MediationClosure,
    MediationEvent,
    MediationParty,
    MediationStatus,
    OrganisationType,
)
from app.parties.models import Party
from app.store.engine import Store

M = MediationStatus

STATUS_LABELS: dict[str, tuple[str, str]] = {
    M.APPLIED: ("applied", "已申请"),
    M.ACCEPTED: ("mediating", "调解中"),
    M.NOT_ACCEPTED: ("not accepted", "不予受理"),
    M.AGREED: ("agreement reached", "达成协议"),
    M.FAILED: ("failed", "调解不成"),
    M.WITHDRAWN: ("withdrawn", "已撤回"),
    M.TRANSFERRED: ("transferred to arbitration", "已转仲裁"),
}
CHANNEL_LABELS = {Channel.ON_SITE: ("on site", "现场"), Channel.ONLINE: ("online", "互联网+调解")}

CLOSURE_LABELS: dict[str, tuple[str, str]] = {
    MediationClosure.AGREEMENT: ("agreement reached", "达成调解协议"),
    MediationClosure.FAILURE: ("no agreement", "未达成调解协议"),
    MediationClosure.WITHDRAWAL: ("withdrawn", "撤回"),
    MediationClosure.NOT_ACCEPTED: ("not accepted", "不予受理"),
}
ORGANISATION_TYPE_LABELS: dict[str, tuple[str, str]] = {
    OrganisationType.ENTERPRISE: ("enterprise mediation committee", "企业劳动争议调解委员会"),
    OrganisationType.TOWNSHIP: ("township or street mediation", "乡镇街道劳动争议调解组织"),
    OrganisationType.ARBITRATION_PRE_FILING: ("mediation at the arbitration institute", "仲裁机构案外调解"),
    OrganisationType.PEOPLES: ("people's mediation", "人民调解组织"),
    OrganisationType.OTHER: ("other", "其他"),
}
APPLICATION_FORM_LABELS: dict[str, tuple[str, str]] = {
    ApplicationForm.WRITTEN: ("written", "书面申请"),
    ApplicationForm.ORAL: ("oral", "口头申请"),
}


def event_label(kind: str, language: str) -> str:
    """A step of the mediation's timeline, in this language."""
    return (EVENT_LABELS_EN if language == "en" else EVENT_LABELS).get(kind, kind)


def status_label(status: str, language: str = "zh_CN") -> str:
    en, zh = STATUS_LABELS.get(status, (status, status))
    return en if language == "en" else zh


@dataclass(frozen=True)
class MediationRow:
    id: int
    version: int
    case_no: str
    status: str
    channel: str
    organisation: str
    received_on: date
    due_on: date
    closed_on: date | None
    applicants: str
    respondents: str
    amount_requested_fen: int


@dataclass(frozen=True)
class MediationView:
    id: int
    version: int
    case_no: str
    status: str
    organisation_type: str
    organisation: str
    channel: str
    application_form: str
    oral_record: str
    matter: str
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    closure: str | None
    closure_note: str | None
    agreement_terms: str | None
    agreement_signed_on: date | None
    amount_requested_fen: int
    amount_agreed_fen: int | None
    amount_paid_fen: int | None
    mediator_id: int | None
    parties: tuple[tuple[int, str, str], ...]  # (party id, name, role)
    claims: tuple[ClaimInput, ...]
    events: tuple[tuple[str, date, str], ...]  # (kind, on, note)
    clock: Deadline
    arbitration_case_id: int | None
    arbitration_case_no: str

    def names(self, role: str) -> list[str]:
        return [n for _, n, r in self.parties if r == role]

    @property
    def clock_running(self) -> bool:
        return self.status in OPEN


class MediationService:
    def __init__(self, store: Store, actor: Actor, *, calendar: LegalCalendar | None = None,
                 today: Callable[[], date] = shanghai_today) -> None:
        self.store = store
        self.actor = actor
        self.calendar = calendar or calendar_for(store)
        self.today = today

    def clock(self, received_on: date) -> Deadline:
        return due(received_on, DEFAULT_RULES.get("M1"), calendar=self.calendar)

    # ---------------------------------------------------------------- reads
    def query(self, *, status: str | None = None, channel: str | None = None, text: str = "",
              received: tuple[date | None, date | None] = (None, None), descending: bool = True) -> PagedQuery[MediationRow]:
        self.actor.require(Permission.MEDIATION_VIEW)
        c = MediationCase

        def names(role: str) -> Any:
            joined = (func.string_agg(Party.name, "、") if self.store.dialect == "postgresql"
                      else func.group_concat(Party.name, "、"))
            return (select(joined).select_from(MediationParty).join(Party, Party.id == MediationParty.party_id)
                    .where(MediationParty.case_id == c.id, MediationParty.role == role)
                    .correlate(c).scalar_subquery())

        statement: Select[Any] = select(
            c.id, c.version, c.case_no, c.status, c.channel, c.organisation, c.received_on, c.due_on, c.closed_on,
            names(PartyRole.APPLICANT.value).label("applicants"), names(PartyRole.RESPONDENT.value).label("respondents"),
            c.amount_requested_fen,
        )
        if status:
            statement = statement.where(c.status == status)
        if channel:
            statement = statement.where(c.channel == channel)
        if received[0]:
            statement = statement.where(c.received_on >= received[0])
        if received[1]:
            statement = statement.where(c.received_on <= received[1])
        if text.strip():
            like = f"%{text.strip()}%"
            statement = statement.where(c.case_no.like(like) | exists(
                select(MediationParty.id).join(Party, Party.id == MediationParty.party_id)
                .where(MediationParty.case_id == c.id, Party.name.like(like))))
        return PagedQuery(self.store, statement, SortSpec([c.received_on, c.id], descending),
                          lambda r: MediationRow(r.id, r.version, r.case_no or "", r.status, r.channel, r.organisation,
                                                 r.received_on, r.due_on, r.closed_on, r.applicants or "",
                                                 r.respondents or "", r.amount_requested_fen or 0))

    def get(self, case_id: int) -> MediationView:
        self.actor.require(Permission.MEDIATION_VIEW)
        with self.store.read() as session:
            case = session.get(MediationCase, case_id)
            if case is None:
                raise UserError("mediation.not_found")
            return self._view(session, case)

    def _view(self, session: Session, case: MediationCase) -> MediationView:
        parties = session.execute(
            select(MediationParty.party_id, Party.name, MediationParty.role).join(Party, Party.id == MediationParty.party_id)
            .where(MediationParty.case_id == case.id).order_by(MediationParty.role, MediationParty.position)
        ).all()
        claims = session.scalars(select(MediationClaim).where(MediationClaim.case_id == case.id)
                                 .order_by(MediationClaim.position, MediationClaim.id)).all()
        events = session.execute(select(MediationEvent.kind, MediationEvent.on, MediationEvent.note)
                                 .where(MediationEvent.case_id == case.id)
                                 .order_by(MediationEvent.on, MediationEvent.id)).all()
        linked = session.execute(select(ArbitrationCase.id, ArbitrationCase.case_no)
                                 .where(ArbitrationCase.from_mediation_id == case.id)).first()
        return MediationView(
            id=case.id, version=case.version, case_no=case.case_no or "", status=case.status,
            organisation_type=case.organisation_type, organisation=case.organisation, channel=case.channel,
            application_form=case.application_form, oral_record=case.oral_record, matter=case.matter,
            received_on=case.received_on, accepted_on=case.accepted_on, closed_on=case.closed_on,
            closure=case.closure, closure_note=case.closure_note, agreement_terms=case.agreement_terms,
            agreement_signed_on=case.agreement_signed_on, amount_requested_fen=case.amount_requested_fen,
            amount_agreed_fen=case.amount_agreed_fen, amount_paid_fen=case.amount_paid_fen,
            mediator_id=case.mediator_id, parties=tuple(parties),
            claims=tuple(ClaimInput(c.category, c.amount_fen, c.description, c.period_from, c.period_to) for c in claims),
            events=tuple(events), clock=self.clock(case.received_on),
            arbitration_case_id=linked[0] if linked else None, arbitration_case_no=(linked[1] or "") if linked else "",
        )

    def year_counts(self, year: int, *, channel: str | None = None) -> dict[str, int]:
        """handled = closed in the year; successful = closed with an agreement (DOMAIN A3)."""
        self.actor.require(Permission.MEDIATION_VIEW)
        c = MediationCase
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        where: list[ColumnElement[bool]] = [c.closed_on.between(lo, hi)]
        if channel:
            where.append(c.channel == channel)
        with self.store.read() as session:
            handled = session.scalar(select(func.count()).select_from(c).where(*where)) or 0
            successful = session.scalar(select(func.count()).select_from(c).where(
                *where, c.closure == MediationClosure.AGREEMENT.value)) or 0
        return {"handled": int(handled), "successful": int(successful)}

    # ---------------------------------------------------------------- writes
    def apply(self, *, applicants: Sequence[int], respondents: Sequence[int], claims: Sequence[ClaimInput],
              received_on: date, matter: str = "", channel: str = Channel.ON_SITE.value,
              application_form: str = ApplicationForm.WRITTEN.value, oral_record: str = "",
              organisation: str = "", organisation_type: str = OrganisationType.TOWNSHIP.value,
              mediator_id: int | None = None) -> int:
        if received_on is None:
            raise UserError("arbitration.date_required", field="received_on")
        form = ApplicationForm(application_form).value
        if form == ApplicationForm.ORAL.value and not oral_record.strip():
            raise UserError("mediation.oral_record_required", field="oral_record")
        cleaned = clean_claims(claims)
        clock = self.clock(received_on)
        with UnitOfWork(self.store, self.actor, Permission.MEDIATION_HANDLE) as uow:
            session = uow.session
            _check_parties(session, applicants, respondents)
            case = MediationCase(
                status=M.APPLIED.value, organisation_type=OrganisationType(organisation_type).value,
                organisation=organisation.strip(), channel=Channel(channel).value, application_form=form,
                oral_record=oral_record.strip(), matter=matter.strip(), received_on=received_on,
                due_on=clock.due, due_calendar_complete=clock.calendar_complete,
                amount_requested_fen=sum(c.amount_fen for c in cleaned), mediator_id=mediator_id,
            )
            session.add(case)
            uow.flush()
            for role, ids in ((PartyRole.APPLICANT.value, applicants), (PartyRole.RESPONDENT.value, respondents)):
                for i, pid in enumerate(ids):
                    session.add(MediationParty(case_id=case.id, party_id=pid, role=role, position=i))
            for i, c in enumerate(cleaned):
                session.add(MediationClaim(case_id=case.id, position=i, category=c.category, description=c.description,
                                           period_from=c.period_from, period_to=c.period_to, amount_fen=c.amount_fen))
            session.add(MediationEvent(case_id=case.id, kind="apply", on=received_on, actor=self.actor.username,
                                       details=json.dumps({"form": form, "channel": case.channel})))
            uow.flush()
            return case.id

    def _act(self, case_id: int, action: str, on: date, apply: Callable[[UnitOfWork, MediationCase], dict[str, Any] | None],
             *, note: str = "", version: int | None = None) -> MediationView:
        transition = TRANSITIONS[action]
        if on is None:
            raise UserError("arbitration.date_required", field="on")
        with UnitOfWork(self.store, self.actor, transition.permission) as uow:
            case = uow.session.get(MediationCase, case_id)
            if case is None:
                raise UserError("mediation.not_found")
            lifecycle.check_step(uow.session, case, transition, version=version, on=on,
                                 refused_code="mediation.transition_refused", event_model=MediationEvent)
            details = apply(uow, case) or {}
            uow.session.add(MediationEvent(case_id=case.id, kind=action, on=on, note=note.strip(),
                                           details=json.dumps(details, ensure_ascii=False), actor=self.actor.username))
            uow.flush()
            return self._view(uow.session, case)

    def accept(self, case_id: int, on: date, **kw: Any) -> MediationView:
        def apply(uow: UnitOfWork, case: MediationCase) -> dict[str, Any]:
            case.case_no = allocate_number(uow, "mediation", on.year, record_table=MediationCase.__tablename__,
                                           record_id=case.id)
            case.status = M.ACCEPTED.value
            case.accepted_on = on
            return {"case_no": case.case_no}
        return self._act(case_id, "accept", on, apply, **kw)

    def _end(self, case: MediationCase, on: date, status: M, closure: MediationClosure, note: str) -> None:
        case.status = status.value
        case.closed_on = on
        case.closure = closure.value
        case.closure_note = note.strip() or None

    def refuse(self, case_id: int, on: date, reason: str, **kw: Any) -> MediationView:
        def apply(_uow: UnitOfWork, case: MediationCase) -> None:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            self._end(case, on, M.NOT_ACCEPTED, MediationClosure.NOT_ACCEPTED, reason)
        return self._act(case_id, "refuse", on, apply, note=reason, **kw)

    def record_session(self, case_id: int, on: date, note: str, **kw: Any) -> MediationView:
        return self._act(case_id, "record_session", on, lambda u, c: None, note=note, **kw)

    def agree(self, case_id: int, on: date, *, terms: str, amount_agreed_fen: int, **kw: Any) -> MediationView:
        """调解协议书 signed by both parties and the mediator, sealed: effective on `on` (M3)."""
        def apply(_uow: UnitOfWork, case: MediationCase) -> dict[str, Any]:
            if not terms.strip():
                raise UserError("mediation.terms_required", field="terms")
            if amount_agreed_fen < 0:
                raise UserError("arbitration.amount_negative", field="amount_agreed")
            case.agreement_terms = terms.strip()
            case.agreement_signed_on = on
            case.amount_agreed_fen = amount_agreed_fen
            self._end(case, on, M.AGREED, MediationClosure.AGREEMENT, "")
            return {"amount_agreed_fen": amount_agreed_fen}
        return self._act(case_id, "agree", on, apply, **kw)

    def record_payment(self, case_id: int, on: date, *, amount_fen: int, **kw: Any) -> MediationView:
        def apply(_uow: UnitOfWork, case: MediationCase) -> dict[str, Any]:
            if amount_fen <= 0:
                raise UserError("arbitration.amount_negative", field="amount")
            case.amount_paid_fen = (case.amount_paid_fen or 0) + amount_fen
            return {"amount_fen": amount_fen}
        return self._act(case_id, "record_payment", on, apply, **kw)

    def fail(self, case_id: int, on: date, reason: str, **kw: Any) -> MediationView:
        def apply(_uow: UnitOfWork, case: MediationCase) -> None:
            if not reason.strip():
                raise UserError("arbitration.ground_required", field="reason")
            self._end(case, on, M.FAILED, MediationClosure.FAILURE, reason)
        return self._act(case_id, "fail", on, apply, note=reason, **kw)

    def withdraw(self, case_id: int, on: date, reason: str = "", **kw: Any) -> MediationView:
        def apply(_uow: UnitOfWork, case: MediationCase) -> None:
            self._end(case, on, M.WITHDRAWN, MediationClosure.WITHDRAWAL, reason)
        return self._act(case_id, "withdraw", on, apply, note=reason, **kw)

    def transfer_to_arbitration(self, case_id: int, on: date, **kw: Any) -> MediationView:
        """转仲裁: a received arbitration application with the same parties and
        claims, linked both ways.  A mediation still open is closed as failed
        first, which the law allows only once its 15 days have run out (M1); an
        agreement goes only if the employer has not performed it in full (M4).
        The mediation keeps its closure (an agreement stays a successful one)."""
        def apply(uow: UnitOfWork, case: MediationCase) -> dict[str, Any]:
            session = uow.session
            if case.status in OPEN:
                if on <= case.due_on:
                    raise UserError("mediation.not_failed_yet", due=case.due_on.isoformat())
                self._end(case, on, M.FAILED, MediationClosure.FAILURE, "15日内未达成调解协议")
            elif case.status == M.AGREED.value and (case.amount_paid_fen or 0) >= (case.amount_agreed_fen or 0):
                # an agreement not performed may go to arbitration (or a 支付令, M4); a performed one not
                raise UserError("mediation.performed")
            parties = session.execute(select(MediationParty.party_id, MediationParty.role)
                                      .where(MediationParty.case_id == case.id)
                                      .order_by(MediationParty.position, MediationParty.id)).all()
            claims = session.scalars(select(MediationClaim).where(MediationClaim.case_id == case.id)
                                     .order_by(MediationClaim.position, MediationClaim.id)).all()
            arbitration = create_received_case(
                uow,
                applicants=[p for p, r in parties if r == PartyRole.APPLICANT.value],
                respondents=[p for p, r in parties if r == PartyRole.RESPONDENT.value],
                claims=[ClaimInput(c.category, c.amount_fen, c.description, c.period_from, c.period_to) for c in claims],
                received_on=on, cause=case.matter[:200], facts=case.matter, from_mediation_id=case.id,
                note=f"由调解案件{case.case_no or case.id}转来", calendar=self.calendar,
            )
            agreed = case.status == M.AGREED.value
            case.status = M.TRANSFERRED.value
            return {"arbitration_case_id": arbitration.id, "agreement_not_performed": agreed}
        return self._act(case_id, "transfer_to_arbitration", on, apply, **kw)

    def allowed_actions(self, status: str) -> list[str]:
        return lifecycle.allowed(TRANSITIONS, status)
