"""The projects area's part of the year's figures (在建项目, “6项制度”: DOMAIN A4), gathered by
app/reports/yearly.py through the area registry (app/kernel/figures.py): each project's latest
check in the period, its standing on the period's last day."""

from __future__ import annotations

from typing import Any

from app.kernel.figures import AreaFigures, FiguresRequest

DEFINITIONS_ZH: dict[str, str] = {
    "projects_active": "截至统计期末在建（已开工、未停工、未完工）的工程建设项目数。",
    "project_compliance_rate": "“6项制度”综合达标率＝落实项数÷适用项数（不适用项不计），取各项目统计期内最近一次检查；"
                               "项目达标率＝全部适用项均落实的项目数÷参评项目数。",
}


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.projects.service import ProjectService

    period = request.period
    return {"compliance": ProjectService(request.store, request.reader).compliance(period.last, since=period.first)}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH)
