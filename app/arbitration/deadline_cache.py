"""The facts a case's deadlines are derived from, and the cache of its open deadlines
(arbitration_deadline) that the docket's overdue filter and Today's desk read."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    String,
    Text,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal_column,
    null,
    select,
    union_all,
)
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

# What _facts reads, as one statement: each source's rows in the same columns, told apart by `source`.
_EVENT, _RESPONDENT, _HEARING, _SERVICE, _NON_FINAL = range(5)


def _no(type_: Any) -> Any:
    return cast(null(), type_)


def _facts_statement() -> Any:
    """The case's (bound parameter `case_id`) events, respondents, hearings, services and count of
    non-final claims in one UNION ALL (one round trip to a server instead of five); columns:
    source, id, day, day_2, text, details, number, number_2.  Built once: it is read at every step."""
    case_id = bindparam("case_id", type_=Integer)
    def row(source: int, id_: Any, day: Any, day_2: Any, text: Any, details: Any, number: Any, number_2: Any) -> Any:
        return (literal_column(str(source), Integer).label("source"), id_.label("id"), day.label("day"),
                day_2.label("day_2"), text.label("text"), details.label("details"), number.label("number"),
                number_2.label("number_2"))

    e, p, h, s, c = ArbitrationEvent, ArbitrationParty, ArbitrationHearing, ArbitrationService, ArbitrationClaim
    return union_all(
        select(*row(_EVENT, e.id, e.on, _no(Date), e.kind, e.details, _no(Integer), _no(Integer)))
        .where(e.case_id == case_id),
        select(*row(_RESPONDENT, p.id, _no(Date), _no(Date), _no(String), _no(Text), p.party_id, _no(Integer)))
        .where(p.case_id == case_id, p.role == PartyRole.RESPONDENT.value),
        select(*row(_HEARING, h.id, h.held_on, h.notice_served_on, h.status, _no(Text), _no(Integer), _no(Integer)))
        .where(h.case_id == case_id),
        select(*row(_SERVICE, s.id, s.served_on, _no(Date), s.document, _no(Text), s.party_id, s.notice_days))
        .where(s.case_id == case_id),
        select(*row(_NON_FINAL, literal_column("0", Integer), _no(Date), _no(Date), _no(String), _no(Text),
                    func.count(), _no(Integer)))
        .select_from(c).where(c.case_id == case_id, c.final.is_(False)),
    )


_FACTS = _facts_statement()


def _facts(session: Session, case: ArbitrationCase) -> CaseFacts:
    rows = session.execute(_FACTS, {"case_id": case.id}).all()
    by_source: dict[int, list[Any]] = {source: [] for source in range(5)}
    for r in rows:
        by_source[r.source].append(r)
    events = sorted(by_source[_EVENT], key=lambda r: (r.day, r.id))
    services = sorted(by_source[_SERVICE], key=lambda r: (r.day, r.id))
    hearings = sorted(by_source[_HEARING], key=lambda r: r.id)
    respondents = sorted(by_source[_RESPONDENT], key=lambda r: r.id)
    non_final = sum(r.number for r in by_source[_NON_FINAL])
    return CaseFacts(
        status=case.status,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        decided_on=case.decided_on,
        closed_on=case.closed_on,
        extension_days=case.extension_days or 0,
        respondent_ids=tuple(r.number for r in respondents),
        events=tuple(EventFact(r.text, r.day, json.loads(r.details or "{}")) for r in events),
        hearings=tuple(HearingFact(r.id, r.day, r.text, r.day_2) for r in hearings),
        services=tuple(ServiceFact(r.text, r.number, r.day, r.number_2) for r in services),
        any_non_final=bool(non_final) or case.closure_method != ClosureMethod.AWARD.value,
    )


def _refresh_deadlines(session: Session, case: ArbitrationCase, calendar: LegalCalendar) -> list[CaseDeadline]:
    """Derive the case's deadlines and rewrite its rows of the cache (one DELETE, one INSERT of
    all rows: the cache is not audited and nothing reads its rows back as objects)."""
    derived = deadlines_mod.derive(_facts(session, case), calendar=calendar, rules=DEFAULT_RULES)
    session.execute(delete(ArbitrationDeadline).where(ArbitrationDeadline.case_id == case.id))
    rows = [
        {"case_id": case.id, "key": d.key, "rule_id": d.rule_id, "start": d.deadline.start, "due": d.due,
         "calendar_complete": d.deadline.calendar_complete, "calendar_version": d.deadline.calendar_version,
         "rule_version": d.deadline.rule_version}
        for d in deadlines_mod.open_institute_deadlines(derived)
    ]
    if rows:
        session.execute(insert(ArbitrationDeadline), rows)
    return derived
