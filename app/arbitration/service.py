"""The arbitration docket (劳动人事争议仲裁): receive, decide, run and close a case.

The case is an explicit state machine (DOMAIN B §3.2): `TRANSITIONS` says
which action each status allows, and every write goes through `_act`, which
refuses anything else, checks that steps are recorded in date order, appends
the event to the timeline, applies the change and re-derives the deadlines
(`arbitration_deadlines.derive`) into the cache Today's desk reads — all in
one audited unit of work.

The service is composed of parts by what they do: `queries` (the docket list and figures),
`acceptance` (receiving and deciding), `tribunal` (tribunal, service, hearings),
`proceedings` (suspension, extension, parties, claims) and `closing` (closures and
finality); the words are in `labels`, the records in `views`, the intake checks in `intake`
and the deadline cache in `deadline_cache`.  The names other code imports from here stay
importable from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models import User
from app.accounts.people import display_names
from app.accounts.permissions import Permission
from app.arbitration import deadlines as deadlines_mod
from app.arbitration.acceptance import AcceptanceSteps
from app.arbitration.closing import (
    FINAL_MONETARY,
    FINAL_STANDARDS,
    ClosingSteps,
    is_final,
    minimum_wage_on,
)
from app.arbitration.deadline_cache import _facts, _refresh_deadlines
from app.arbitration.deadlines import CaseDeadline
from app.arbitration.hearings import parse_hm
from app.arbitration.intake import (
    _check_date,
    _check_parties,
    add_claims,
    clean_claims,
    create_received_case,
)
from app.arbitration.labels import (
    CATEGORY_LABELS,
    CLOSURE_LABELS,
    HEARING_STATUS_LABELS,
    PROCEDURE_LABELS,
    REFUSAL_GROUNDS,
    REFUSAL_GROUNDS_EN,
    RESULT_LABELS,
    ROLE_LABELS,
    SERVICE_DOCUMENTS,
    SERVICE_METHODS,
    STATUS_LABELS,
    hearing_status_label,
    refusal_ground_code,
    result_label,
    status_label,
)
from app.arbitration.lifecycle import (  # the life cycle; callers import these names from here
    ACTIVE,
    BEFORE_DECISION,
    EVENT_LABELS,
    EVENT_LABELS_EN,
    SIDE_EVENTS,
    SIDE_EVENTS_EN,
    TRANSITIONS,
    side_event_label,
)
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationEvent,
    ArbitrationHearing,
    ArbitrationHearingMember,
    ArbitrationParty,
    ArbitrationService,
    ArbitrationStatus,
)
from app.arbitration.proceedings import ProceedingSteps
from app.arbitration.queries import DocketQueries, Member, tribunal_candidates
from app.arbitration.steps import Apply, CaseSteps, ServicePart, ViewT
from app.arbitration.tribunal import TribunalSteps
from app.arbitration.views import (
    AwardItem,
    ClaimInput,
    ClaimView,
    DocketRow,
    HearingView,
    PartyView,
    ServiceView,
    YearCounts,
)
from app.errors import UserError
from app.kernel import lifecycle
from app.kernel.unit_of_work import UnitOfWork
from app.legal.deadlines import DEFAULT_RULES
from app.parties.models import Party

__all__ = [
    "ACTIVE", "BEFORE_DECISION", "CATEGORY_LABELS", "CLOSURE_LABELS", "EVENT_LABELS", "EVENT_LABELS_EN",
    "FINAL_MONETARY", "FINAL_STANDARDS", "HEARING_STATUS_LABELS", "PROCEDURE_LABELS", "REFUSAL_GROUNDS",
    "REFUSAL_GROUNDS_EN", "RESULT_LABELS", "ROLE_LABELS", "SERVICE_DOCUMENTS", "SERVICE_METHODS", "SIDE_EVENTS",
    "SIDE_EVENTS_EN", "STATUS_LABELS", "TRANSITIONS", "ArbitrationCaseService", "AwardItem", "CaseView",
    "ClaimInput", "ClaimView", "DocketRow", "EventView", "HearingView", "Member", "PartyView", "ServiceView",
    "YearCounts", "_check_parties", "_facts", "_refresh_deadlines", "add_claims", "clean_claims",
    "create_received_case", "deadlines_mod", "event_label", "hearing_status_label", "is_final", "minimum_wage_on",
    "refusal_ground_code", "result_label", "side_event_label", "status_label", "tribunal_candidates",
    "ArbitrationCaseSteps", "SideEventSteps", "StepTaken", "take_step",
]

S = ArbitrationStatus



def event_label(kind: str, language: str = "zh_CN") -> str:
    """A step of the timeline by its kind alone (the audit log's 办案经过 entries)."""
    return (EVENT_LABELS_EN if language == "en" else EVENT_LABELS).get(kind, kind)


@dataclass(frozen=True)
class EventView:
    id: int
    kind: str
    on: date
    details: dict[str, Any]
    note: str
    actor: str

    @property
    def label(self) -> str:
        return self.label_in("zh_CN")

    def label_in(self, language: str) -> str:
        """The step as the timeline names it, in this language."""
        if self.kind == "record_side_event":
            return side_event_label(str(self.details.get("what") or "other"), language)
        if self.kind == "close_withdrawal" and self.details.get("deemed"):
            return "Closed as deemed withdrawn" if language == "en" else "按撤回处理结案"
        labels = EVENT_LABELS_EN if language == "en" else EVENT_LABELS
        return labels.get(self.kind, self.kind)


@dataclass(frozen=True)
class CaseView:
    id: int
    version: int
    case_no: str
    status: str
    procedure: str
    cause: str
    facts: str
    collective: bool
    received_on: date
    decided_on: date | None
    accepted_on: date | None
    closed_on: date | None
    closure_method: str | None
    closure_note: str | None
    refusal_ground: str | None
    extension_days: int
    claimed_fen: int
    accepted_claims_fen: int | None
    awarded_fen: int | None
    tribunal: dict[str, tuple[int, str] | None]
    from_mediation_id: int | None
    parties: tuple[PartyView, ...]
    claims: tuple[ClaimView, ...]
    events: tuple[EventView, ...]
    hearings: tuple[HearingView, ...]
    services: tuple[ServiceView, ...]
    deadlines: tuple[CaseDeadline, ...] = field(default=())

    def names(self, role: str) -> list[str]:
        return [p.name for p in self.parties if p.role == role]

    @property
    def status_text(self) -> str:
        text = status_label(self.status)
        if self.closure_method:
            text += f"（{CLOSURE_LABELS[self.closure_method][1]}）"
        return text


class SideEventSteps(CaseSteps[ViewT]):
    def record_side_event(self, case_id: int, on: date, *, what: str, note: str, **kw: Any) -> ViewT:
        """回避, 管辖异议, 鉴定, 调查取证 …: on the timeline (and the audit), no change of state."""
        def apply(_uow: UnitOfWork, _case: ArbitrationCase) -> dict[str, Any]:
            if what not in SIDE_EVENTS:
                raise UserError("arbitration.document_unknown", field="what", value=what)
            if not note.strip():
                raise UserError("arbitration.ground_required", field="note")
            return {"what": what}
        return self._act(case_id, "record_side_event", on, apply, note=note, **kw)


class ArbitrationCaseService(DocketQueries, AcceptanceSteps[CaseView], TribunalSteps[CaseView],
                             ProceedingSteps[CaseView], ClosingSteps[CaseView], SideEventSteps[CaseView]):
    """Use cases of the docket (constructed as `ServicePart`: store, actor, calendar, today)."""

    def get(self, case_id: int) -> CaseView:
        self.actor.require(Permission.ARBITRATION_VIEW)
        with self.store.read() as session:
            case = session.get(ArbitrationCase, case_id)
            if case is None:
                raise UserError("arbitration.not_found")
            return self._view(session, case)

    def _view(self, session: Session, case: ArbitrationCase, derived: list[CaseDeadline] | None = None) -> CaseView:
        """The case as pages see it; `derived`: its deadlines when the caller has just derived them
        from the same facts (a step: _refresh_deadlines), so they are not read and derived twice."""
        if derived is None:
            derived = deadlines_mod.derive(_facts(session, case), calendar=self.calendar, rules=DEFAULT_RULES)
        parties = session.execute(
            select(ArbitrationParty.party_id, Party.name, ArbitrationParty.role, Party.kind, ArbitrationParty.added_on)
            .join(Party, Party.id == ArbitrationParty.party_id)
            .where(ArbitrationParty.case_id == case.id)
            .order_by(ArbitrationParty.role, ArbitrationParty.position, ArbitrationParty.id)
        ).all()
        claims = session.scalars(
            select(ArbitrationClaim).where(ArbitrationClaim.case_id == case.id)
            .order_by(ArbitrationClaim.position, ArbitrationClaim.id)
        ).all()
        events = session.scalars(
            select(ArbitrationEvent).where(ArbitrationEvent.case_id == case.id)
            .order_by(ArbitrationEvent.on, ArbitrationEvent.id)
        ).all()
        hearings = session.scalars(
            select(ArbitrationHearing).where(ArbitrationHearing.case_id == case.id).order_by(ArbitrationHearing.id)
        ).all()
        members: dict[int, list[int]] = {}
        for hid, uid in session.execute(
            select(ArbitrationHearingMember.hearing_id, ArbitrationHearingMember.user_id)
            .where(ArbitrationHearingMember.hearing_id.in_([h.id for h in hearings]))
            .order_by(ArbitrationHearingMember.id)
        ):
            members.setdefault(hid, []).append(uid)
        services = session.execute(
            select(ArbitrationService, Party.name).join(Party, Party.id == ArbitrationService.party_id)
            .where(ArbitrationService.case_id == case.id).order_by(ArbitrationService.served_on, ArbitrationService.id)
        ).all()
        user_ids = [i for i in (case.chief_arbitrator_id, case.arbitrator_2_id, case.arbitrator_3_id, case.clerk_id) if i]
        users = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids))).all())

        people = display_names(session, (e.actor for e in events))  # the person's name, not the login

        def member(uid: int | None) -> tuple[int, str] | None:
            return (uid, users.get(uid, "")) if uid else None

        return CaseView(
            id=case.id, version=case.version, case_no=case.case_no or "", status=case.status,
            procedure=case.procedure, cause=case.cause, facts=case.facts, collective=case.collective,
            received_on=case.received_on, decided_on=case.decided_on, accepted_on=case.accepted_on,
            closed_on=case.closed_on, closure_method=case.closure_method, closure_note=case.closure_note,
            refusal_ground=case.refusal_ground, extension_days=case.extension_days or 0,
            claimed_fen=case.claimed_fen, accepted_claims_fen=case.accepted_claims_fen, awarded_fen=case.awarded_fen,
            tribunal={
                "chief": member(case.chief_arbitrator_id), "second": member(case.arbitrator_2_id),
                "third": member(case.arbitrator_3_id), "clerk": member(case.clerk_id),
            },
            from_mediation_id=case.from_mediation_id,
            parties=tuple(PartyView(*p) for p in parties),
            claims=tuple(
                ClaimView(c.id, c.position, c.category, c.description, c.period_from, c.period_to,
                          c.amount_claimed_fen, c.original_amount_fen, c.amount_awarded_fen, c.amount_mediated_fen,
                          c.result, c.final, c.withdrawn)
                for c in claims
            ),
            events=tuple(EventView(e.id, e.kind, e.on, json.loads(e.details or "{}"), e.note, people.get(e.actor, e.actor))
                         for e in events),
            hearings=tuple(
                HearingView(h.id, h.held_on, parse_hm(h.starts_at), parse_hm(h.ends_at), h.room, h.status, h.notice_served_on,
                            tuple(members.get(h.id, ())))
                for h in hearings
            ),
            services=tuple(
                ServiceView(s.id, s.document, s.party_id, name, s.method, s.served_on, s.notice_days)
                for s, name in services
            ),
            deadlines=tuple(derived),
        )

    def _act(
        self,
        case_id: int,
        action: str,
        on: date,
        apply: Callable[[UnitOfWork, ArbitrationCase], dict[str, Any] | None],
        *,
        note: str = "",
        version: int | None = None,
    ) -> CaseView:
        return take_step(self, case_id, action, on, apply, self._view, note=note, version=version)

    def allowed_actions(self, status: str) -> list[str]:
        return lifecycle.allowed(TRANSITIONS, status)



Result = TypeVar("Result")


def take_step(
    part: ServicePart,
    case_id: int,
    action: str,
    on: date,
    apply: Callable[[UnitOfWork, ArbitrationCase], dict[str, Any] | None],
    result: Callable[[Session, ArbitrationCase, list[CaseDeadline]], Result],
    *,
    note: str = "",
    version: int | None = None,
) -> Result:
    """The one audited way to take a step on a case: refuse what the life cycle does not
    allow, apply the change, append the event to the timeline and re-derive the deadlines
    into the cache Today's desk reads — in one unit of work; then `result(session, case,
    derived deadlines)` is what the step returns."""
    transition = TRANSITIONS[action]
    _check_date(on)
    with UnitOfWork(part.store, part.actor, transition.permission) as uow:
        session = uow.session
        case = session.get(ArbitrationCase, case_id)
        if case is None:
            raise UserError("arbitration.not_found")
        lifecycle.check_step(session, case, transition, version=version, on=on,
                             refused_code="arbitration.transition_refused", event_model=ArbitrationEvent)
        details = apply(uow, case) or {}
        session.add(ArbitrationEvent(case_id=case.id, kind=action, on=on, details=json.dumps(details, ensure_ascii=False, default=str),
                                     note=note.strip(), actor=part.actor.username))
        uow.flush()
        derived = _refresh_deadlines(session, case, part.calendar)
        uow.flush()
        return result(session, case, derived)


@dataclass(frozen=True)
class StepTaken:
    """What a step of `ArbitrationCaseSteps` returns: the case, the version it is saved at, its
    status, and what the step recorded (its timeline event's details: the hearing it scheduled …)."""

    case_id: int
    version: int
    status: str
    details: dict[str, Any] = field(default_factory=dict)


class ArbitrationCaseSteps(AcceptanceSteps[StepTaken], TribunalSteps[StepTaken], ProceedingSteps[StepTaken],
                           ClosingSteps[StepTaken], SideEventSteps[StepTaken]):
    """The docket's steps for a caller that takes many and shows none (the demo's year, a
    script): the same checks, events, deadlines and audit as `ArbitrationCaseService`, without
    reading the whole case back after each step.  The case as pages show it is
    `ArbitrationCaseService.get`."""

    def _act(self, case_id: int, action: str, on: date, apply: Apply, *, note: str = "",
             version: int | None = None) -> StepTaken:
        recorded: dict[str, Any] = {}

        def apply_and_keep(uow: UnitOfWork, case: ArbitrationCase) -> dict[str, Any] | None:
            details = apply(uow, case)
            recorded.update(details or {})
            return details

        return take_step(self, case_id, action, on, apply_and_keep,
                         lambda _session, case, _derived: StepTaken(case.id, case.version, case.status, recorded),
                         note=note, version=version)
