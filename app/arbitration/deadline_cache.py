"""The facts a case's deadlines are derived from, and the cache of its open deadlines
(arbitration_deadline) that the docket's overdue filter and Today's desk read."""

from __future__ import annotations

import json

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.arbitration import deadlines as deadlines_mod
from app.arbitration.deadlines import CaseDeadline, CaseFacts, EventFact, HearingFact, ServiceFact
from app.arbitration.models import (
    ArbitrationCase,
    ArbitrationClaim,
    ArbitrationDeadline,
    ArbitrationEvent,
    ArbitrationHearing,
    ArbitrationParty,
    ArbitrationService,
    ClosureMethod,
    PartyRole,
)
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES


def _facts(session: Session, case: ArbitrationCase) -> CaseFacts:
    events = session.execute(
        select(ArbitrationEvent.kind, ArbitrationEvent.on, ArbitrationEvent.details)
        .where(ArbitrationEvent.case_id == case.id)
        .order_by(ArbitrationEvent.on, ArbitrationEvent.id)
    ).all()
    respondents = session.scalars(
        select(ArbitrationParty.party_id).where(
            ArbitrationParty.case_id == case.id, ArbitrationParty.role == PartyRole.RESPONDENT.value
        )
    ).all()
    hearings = session.execute(
        select(ArbitrationHearing.id, ArbitrationHearing.held_on, ArbitrationHearing.status,
               ArbitrationHearing.notice_served_on).where(ArbitrationHearing.case_id == case.id)
        .order_by(ArbitrationHearing.id)
    ).all()
    services = session.execute(
        select(ArbitrationService.document, ArbitrationService.party_id, ArbitrationService.served_on,
               ArbitrationService.notice_days).where(ArbitrationService.case_id == case.id)
        .order_by(ArbitrationService.served_on, ArbitrationService.id)
    ).all()
    non_final = session.scalar(
        select(func.count()).select_from(ArbitrationClaim).where(
            ArbitrationClaim.case_id == case.id, ArbitrationClaim.final.is_(False)
        )
    )
    return CaseFacts(
        status=case.status,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        decided_on=case.decided_on,
        closed_on=case.closed_on,
        extension_days=case.extension_days or 0,
        respondent_ids=tuple(respondents),
        events=tuple(EventFact(k, on, json.loads(d or "{}")) for k, on, d in events),
        hearings=tuple(HearingFact(*h) for h in hearings),
        services=tuple(ServiceFact(*s) for s in services),
        any_non_final=bool(non_final) or case.closure_method != ClosureMethod.AWARD.value,
    )


def _refresh_deadlines(session: Session, case: ArbitrationCase, calendar: LegalCalendar) -> list[CaseDeadline]:
    derived = deadlines_mod.derive(_facts(session, case), calendar=calendar, rules=DEFAULT_RULES)
    session.execute(delete(ArbitrationDeadline).where(ArbitrationDeadline.case_id == case.id))
    for d in deadlines_mod.open_institute_deadlines(derived):
        session.add(
            ArbitrationDeadline(
                case_id=case.id, key=d.key, rule_id=d.rule_id, start=d.deadline.start, due=d.due,
                calendar_complete=d.deadline.calendar_complete,
                calendar_version=d.deadline.calendar_version, rule_version=d.deadline.rule_version,
            )
        )
    return derived

