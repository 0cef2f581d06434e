"""The staff area's part of the year's figures (持证执法人员: DOMAIN A4), gathered by
app/reports/yearly.py through the area registry (app/kernel/figures.py): certified staff on
the period's last day, and at each month's end for the chart."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.kernel.figures import AreaFigures, FiguresRequest

DEFINITIONS_ZH: dict[str, str] = {
    "certified_staff": "统计期末持有效执法证件的人数（证件状态有效且在有效期内）。",
}


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.staff.service import StaffService

    period = request.period
    staff = StaffService(request.store, request.reader)
    certified = staff.count_certified_on(period.last)
    month_ends = []
    for y, m in period.months():
        end = date(y + (m == 12), m % 12 + 1, 1)
        end = min(date.fromordinal(end.toordinal() - 1), period.last)
        month_ends.append(staff.count_certified_on(end))
    return {"certified": certified, "monthly": {"staff.certified_at_month_end": month_ends}}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH)
