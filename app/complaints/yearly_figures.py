"""The complaints area's part of the year's figures (劳动保障监察: DOMAIN A4), gathered by
app/reports/yearly.py through the area registry (app/kernel/figures.py).

For the calendar year it asks `ComplaintService.figures(year)`; over any other period
the same definitions run here, by the date of each record's own event
(tests/unit/test_reports.py checks that both agree over a year)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.complaints.models import Complaint, ComplaintWorker, WagePayment
from app.kernel.figures import AreaFigures, FiguresRequest, Period, by_month, count_by_day

DEFINITIONS_ZH: dict[str, str] = {
    "complaints_received": "各渠道登记的投诉举报（含线索）件数，按登记日期统计。",
    "workers_recovered": "统计期内实际获得支付工资的劳动者人数，按身份证号去重，按支付日期统计。",
    "wages_recovered": "统计期内实际支付到位的工资金额之和（不含仅责令支付未到位的金额），按支付日期统计。",
}


@dataclass(frozen=True)
class InspectionPeriod:
    received: int
    workers_helped: int
    wages_recovered_fen: int


def inspection(session: Session, period: Period) -> InspectionPeriod:
    """As ComplaintService.figures: registered in the period; distinct workers paid and sum paid in it."""
    received = session.scalar(
        select(func.count(Complaint.id)).where(Complaint.received_on.between(period.first, period.last))) or 0
    total, helped = session.execute(
        select(func.coalesce(func.sum(WagePayment.amount_fen), 0), func.count(func.distinct(ComplaintWorker.party_id)))
        .join(ComplaintWorker, ComplaintWorker.id == WagePayment.worker_id)
        .where(WagePayment.paid_on.between(period.first, period.last), WagePayment.amount_fen > 0)
    ).one()
    return InspectionPeriod(int(received), int(helped or 0), int(total or 0))


def inspection_months(session: Session, period: Period) -> dict[str, list[int]]:
    paid = session.execute(
        select(WagePayment.paid_on, func.sum(WagePayment.amount_fen))
        .where(WagePayment.paid_on.between(period.first, period.last), WagePayment.amount_fen > 0)
        .group_by(WagePayment.paid_on)
    ).all()
    return {
        "complaints_received": by_month(count_by_day(session, Complaint.received_on, period), period),
        "wages_recovered_fen": by_month(paid, period),
    }


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.complaints.service import ComplaintService

    store, period = request.store, request.period
    if request.whole_year:
        year = ComplaintService(store, request.reader).figures(request.year)
        figures = InspectionPeriod(year.received, year.workers_helped, year.wages_recovered_fen)
    else:
        with store.read() as session:
            figures = inspection(session, period)
    with store.read() as session:
        monthly = {f"inspection.{k}": v for k, v in inspection_months(session, period).items()}
    return {"received": figures.received, "workers_helped": figures.workers_helped,
            "wages_recovered_fen": figures.wages_recovered_fen, "monthly": monthly}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH)
