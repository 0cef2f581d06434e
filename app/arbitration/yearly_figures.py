"""The arbitration area's part of the year's figures (劳动人事争议仲裁: DOMAIN A4, B §5.2),
gathered by app/reports/yearly.py through the area registry (app/kernel/figures.py).

For the calendar year it asks `ArbitrationCaseService.year_counts(year)`; over any other
period the same definitions run here, by the date of each case's own event
(tests/unit/test_reports.py checks that both agree over a year).  The stock at the
period's start (B) and the cases under review at either end (P) feed the report's
two reconciliations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationCase, ArbitrationStatus, ClosureMethod
from app.arbitration.views import DecisionCounts
from app.kernel.figures import AreaFigures, FiguresRequest, Period, by_month, count_by_day

S = ArbitrationStatus

# in the order of ClosureMethod: the report's tables, charts and JSON list the methods in it
CLOSURE_LABELS_ZH = {
    ClosureMethod.AWARD.value: "裁决",
    ClosureMethod.MEDIATION.value: "仲裁调解",
    ClosureMethod.WITHDRAWAL.value: "撤回",
    ClosureMethod.REVOCATION.value: "撤销案件",
    ClosureMethod.TERMINATION.value: "终止审理",
    ClosureMethod.TRANSFER.value: "移送管辖",
}

DEFINITIONS_ZH: dict[str, str] = {
    "arbitration_received": "统计期内收到（登记）的仲裁申请件数（R）。",
    "arbitration_accepted": "统计期内作出受理决定的件数（A），按受理日期统计。",
    "arbitration_not_accepted": "统计期内出具不予受理通知书的件数（N）。",
    "arbitration_amount": "统计期内受理案件的受理时请求金额之和（涉案金额）。",
    "arbitration_closed": "统计期内结案件数（C），按结案日期统计；“裁决和调解结案”＝裁决＋仲裁调解。",
    "arbitration_pending": "统计期末已受理未结案件数（E，含中止审理）。",
    "reconciliation_received": "R＝A＋N＋（J＋W0＋ΔP）：J为告知向有管辖权的仲裁委申请，W0为受理前撤回，ΔP为期末与期初审查中（含待补正）件数之差。",
    "reconciliation_stock": "B＋A＝C＋E：B为期初未结，A为受理，C为结案，E为期末未结。",
}


@dataclass(frozen=True)
class ArbitrationPeriod(DecisionCounts):
    pending_at_end: int
    amount_in_dispute_fen: int


def arbitration(session: Session, period: Period) -> ArbitrationPeriod:
    """As ArbitrationCaseService.year_counts, over [first, last]."""
    c = ArbitrationCase
    lo, hi = period.first, period.last

    def count(*where: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(c).where(*where)) or 0)

    closed_by = dict(session.execute(
        select(c.closure_method, func.count()).where(c.closed_on.between(lo, hi)).group_by(c.closure_method)).all())
    amount = session.scalar(select(func.coalesce(func.sum(c.accepted_claims_fen), 0)).where(c.accepted_on.between(lo, hi)))
    return ArbitrationPeriod(
        received=count(c.received_on.between(lo, hi)),
        accepted=count(c.accepted_on.between(lo, hi)),
        not_accepted=count(c.status == S.NOT_ACCEPTED.value, c.decided_on.between(lo, hi)),
        not_competent=count(c.status == S.NOT_COMPETENT.value, c.decided_on.between(lo, hi)),
        withdrawn_before_decision=count(c.status == S.WITHDRAWN_BEFORE_ACCEPTANCE.value, c.decided_on.between(lo, hi)),
        closed_by={str(k): int(v) for k, v in closed_by.items()},
        pending_at_end=arbitration_pending_on(session, hi),
        amount_in_dispute_fen=int(amount or 0),
    )


def arbitration_pending_on(session: Session, day: date) -> int:
    """Accepted on or before `day` and not closed by then (E; B is this on the day before the period).

    Counted as accepted-by-then minus closed-by-then: two index range counts
    instead of a scan of every case (1M cases: 0.3 s → 0.03 s).  Exact because
    the docket closes only accepted cases, on or after their acceptance
    (ArbitrationCaseService refuses steps out of date order)."""
    c = ArbitrationCase
    accepted = session.scalar(select(func.count()).select_from(c).where(c.accepted_on <= day)) or 0
    closed = session.scalar(select(func.count()).select_from(c).where(c.closed_on <= day)) or 0
    return int(accepted) - int(closed)


def arbitration_under_review_on(session: Session, day: date) -> int:
    """Received on or before `day` and not yet decided then (审查中 / 待补正): the P of ΔP.

    Received-by-then minus decided-by-then (a decision never precedes receipt)."""
    c = ArbitrationCase
    received = session.scalar(select(func.count()).select_from(c).where(c.received_on <= day)) or 0
    decided = session.scalar(select(func.count()).select_from(c).where(c.decided_on <= day)) or 0
    return int(received) - int(decided)


def arbitration_months(session: Session, period: Period) -> dict[str, list[int]]:
    c = ArbitrationCase
    return {
        "received": by_month(count_by_day(session, c.received_on, period), period),
        "accepted": by_month(count_by_day(session, c.accepted_on, period), period),
        "closed": by_month(count_by_day(session, c.closed_on, period), period),
    }


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.arbitration.service import ArbitrationCaseService

    store, period, reader = request.store, request.period, request.reader
    if request.whole_year:
        counts = ArbitrationCaseService(store, reader).year_counts(request.year)
        figures = ArbitrationPeriod(
            counts.received, counts.accepted, counts.not_accepted, counts.not_competent,
            counts.withdrawn_before_decision, {str(k): int(v) for k, v in counts.closed_by.items() if k},
            counts.pending_at_year_end, counts.amount_in_dispute_fen)
        with store.read() as session:  # B: what year_counts(year - 1) calls pending at its year end
            pending_start = arbitration_pending_on(session, period.day_before())
    else:
        reader.require(Permission.ARBITRATION_VIEW)
        with store.read() as session:
            figures = arbitration(session, period)
            pending_start = arbitration_pending_on(session, period.day_before())
    with store.read() as session:
        review_start = arbitration_under_review_on(session, period.day_before())
        review_end = arbitration_under_review_on(session, period.last)
        monthly = {f"arbitration.{k}": v for k, v in arbitration_months(session, period).items()}
    return {"counts": figures, "pending_start": pending_start, "under_review_start": review_start,
            "under_review_end": review_end, "monthly": monthly}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH, labels={"closure": CLOSURE_LABELS_ZH})
