"""The mediation area's part of the year's figures (“互联网+调解”: DOMAIN A4), gathered by
app/reports/yearly.py through the area registry (app/kernel/figures.py).

For the calendar year it asks `MediationService.year_counts(year)`; over any other
period the same definitions run here, by the day each case was closed
(tests/unit/test_reports.py checks that both agree over a year)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.kernel.figures import AreaFigures, FiguresRequest, Period, by_month, count_by_day
from app.mediation.models import Channel, MediationCase, MediationClosure

ONLINE = Channel.ONLINE.value
OUTCOME_LABELS_ZH = {
    "agreement": "达成调解协议",
    "failure": "未达成协议",
    "withdrawal": "撤回",
    "not_accepted": "不予受理",
}

DEFINITIONS_ZH: dict[str, str] = {
    "mediation_online": "乡镇（街道）调解组织通过“互联网+调解”在统计期内结案（处理）的件数；调解成功＝达成调解协议。",
}


def mediation(session: Session, period: Period, channel: str | None) -> dict[str, int]:
    """As MediationService.year_counts: handled = closed in the period; successful = with an agreement."""
    c = MediationCase
    where: list[ColumnElement[bool]] = [c.closed_on.between(period.first, period.last)]
    if channel:
        where.append(c.channel == channel)
    handled = session.scalar(select(func.count()).select_from(c).where(*where)) or 0
    ok = session.scalar(select(func.count()).select_from(c).where(*where, c.closure == MediationClosure.AGREEMENT.value))
    return {"handled": int(handled), "successful": int(ok or 0)}


def mediation_months(session: Session, period: Period, channel: str | None) -> dict[str, list[int]]:
    c = MediationCase
    extra = [c.channel == channel] if channel else []
    return {
        "handled": by_month(count_by_day(session, c.closed_on, period, *extra), period),
        "successful": by_month(count_by_day(
            session, c.closed_on, period, *extra, c.closure == MediationClosure.AGREEMENT.value), period),
    }


def mediation_outcomes(session: Session, period: Period, channel: str | None) -> dict[str, int]:
    """Cases closed in the period by closure (agreement, failure, withdrawal, not accepted)."""
    c = MediationCase
    where: list[ColumnElement[bool]] = [c.closed_on.between(period.first, period.last)]
    if channel:
        where.append(c.channel == channel)
    return {str(k or ""): int(n) for k, n in session.execute(
        select(c.closure, func.count()).where(*where).group_by(c.closure))}


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.mediation.service import MediationService

    store, period, reader = request.store, request.period, request.reader
    if request.whole_year:
        service = MediationService(store, reader)
        online = service.year_counts(request.year, channel=ONLINE)
        everything = service.year_counts(request.year)
    else:
        reader.require(Permission.MEDIATION_VIEW)
        with store.read() as session:
            online = mediation(session, period, ONLINE)
            everything = mediation(session, period, None)
    with store.read() as session:
        outcomes = mediation_outcomes(session, period, ONLINE)
        monthly = {f"mediation.online_{k}": v for k, v in mediation_months(session, period, ONLINE).items()}
    return {"online": online, "all_channels": everything, "online_outcomes": outcomes, "monthly": monthly}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH, labels={"outcome": OUTCOME_LABELS_ZH})
