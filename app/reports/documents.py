"""年度法治建设数据统计报告: the yearly figures as a PDF (portrait A4).

A title page (the bureau, the year or period), an overview of every figure,
then one section per area with its table and a chart drawn with
reportlab.graphics (the shipped font for every label), the two arbitration
reconciliations with ✓ or the difference, and the definitions as numbered
notes.  Everything comes from one `YearlyFigures` (app/reports/yearly.py);
nothing is recomputed here.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, cast

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.clock import bureau_today
from app.documents.base import (
    FONT_NAME,
    PORTRAIT,
    BoldParagraph,
    OfficialDocument,
    TableColumn,
    TablePages,
    chinese_date,
    text,
)
from app.legal.rates import fen_to_wan_yuan, format_percent
from app.reports.yearly import YearlyFigures

PALETTE = [colors.HexColor(c) for c in ("#2F5597", "#C55A11", "#548235", "#7F6000", "#7030A0", "#1F9FA0")]
GRID = colors.HexColor("#BFBFBF")
TICK = "✓"


def period_title(f: YearlyFigures) -> str:
    if f.is_calendar_year:
        return f"{f.year}年度"
    return f"{chinese_date(f.first)}至{chinese_date(f.last)}"


def reconciliation_text(holds: bool, difference: int) -> str:
    return f"{TICK} 相符" if holds else f"不相符，相差{difference:+d}"


def overview_rows(f: YearlyFigures) -> list[tuple[str, str, str, str]]:
    """(area, figure, value, note key) — the overview table, the Excel summary sheet and the screen share it."""
    s = f.study_sessions
    return [
        ("劳动保障监察", "各渠道接到投诉举报（含线索）", f"{f.complaints_received}起", "complaints_received"),
        ("劳动保障监察", "追回工资的劳动者", f"{f.workers_recovered}人", "workers_recovered"),
        ("劳动保障监察", "追回工资金额", f"{f.wages_recovered_wan_yuan:,}万元（{f.wages_recovered_yuan:,}元）", "wages_recovered"),
        ("在建项目", "在建工程项目", f"{f.projects_active}个", "projects_active"),
        ("在建项目", "纳入实名制平台管理", f"{f.projects_on_platform}个", "projects_active"),
        ("在建项目", "“6项制度”综合达标率（项目达标率）",
         f"{format_percent(f.project_compliance_rate)}（{format_percent(f.project_rate)}）", "project_compliance_rate"),
        ("劳动人事争议仲裁", "接收", f"{f.arbitration_received}件", "arbitration_received"),
        ("劳动人事争议仲裁", "受理", f"{f.arbitration_accepted}件", "arbitration_accepted"),
        ("劳动人事争议仲裁", "不予受理", f"{f.arbitration_not_accepted}件", "arbitration_not_accepted"),
        ("劳动人事争议仲裁", "涉案金额", f"{f.arbitration_amount_wan_yuan:,}万元", "arbitration_amount"),
        ("劳动人事争议仲裁", "裁决和调解结案", f"{f.arbitration_closed_award_or_mediation}件", "arbitration_closed"),
        ("劳动人事争议仲裁", "结案（全部方式）", f"{f.arbitration_closed}件", "arbitration_closed"),
        ("劳动人事争议仲裁", "期末待处理", f"{f.arbitration_pending}件", "arbitration_pending"),
        ("乡镇（街道）调解", "“互联网+调解”处理", f"{f.mediation_online_handled}件", "mediation_online"),
        ("乡镇（街道）调解", "其中调解成功", f"{f.mediation_online_successful}件", "mediation_online"),
        ("执法人员", "具有执法资格证人员", f"{f.certified_staff}人", "certified_staff"),
        ("学法培训", "党组中心组学习", f"{s.get('party_group', 0)}次", "study_sessions"),
        ("学法培训", "全局干部职工集中学习", f"{s.get('bureau_wide', 0)}次", "study_sessions"),
        ("学法培训", "党支部集中学习", f"{s.get('party_branch', 0)}次", "study_sessions"),
        ("学法培训", "考试参考率", format_percent(f.exam_participation_rate), "exam_rates"),
        ("学法培训", "考试合格率", format_percent(f.exam_pass_rate), "exam_rates"),
    ]


# ---------------------------------------------------------------- charts
def _title(drawing: Drawing, title: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, title, fontName=FONT_NAME, fontSize=10, textAnchor="middle"))


def _legend(drawing: Drawing, names: Sequence[str], x: float, y: float) -> None:
    """A one-line legend (swatch and name per series) under the title."""
    if len(names) < 2:
        return
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = FONT_NAME
    legend.fontSize = 8
    legend.alignment = "right"  # swatch first, then the name
    legend.columnMaximum = 1
    legend.deltax = 56
    legend.dx = legend.dy = 7
    legend.dxTextSpace = 3
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    drawing.add(legend)


def _nice_step(top: float, integers: bool) -> float | None:
    """An axis step giving about five gridlines; whole numbers for counts."""
    if top <= 0:
        return 1.0 if integers else None
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    # an int step stays an int (reportlab then labels the axis 3, not 3.0)
    return cast(float, max(1.0, math.ceil(step))) if integers else cast(float, step)


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float = PORTRAIT.frame_width,
    height: float = 60 * mm,
    unit: str = "",
    horizontal: bool = False,
) -> Drawing:
    """A labelled bar chart in the shipped font (vertical by month, or horizontal by name)."""
    drawing = Drawing(width, height, initialFontName=FONT_NAME)  # no Helvetica referenced by the renderer
    _title(drawing, title + (f"（{unit}）" if unit else ""), width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 120 if horizontal else 36
    chart.x, chart.y = left, 22
    legend_room = 12 if len(series) > 1 else 0
    chart.width = width - left - 24
    chart.height = height - 52 - legend_room
    data = [[float(v) for v in values] for _, values in series] or [[0.0] * len(categories)]
    chart.data = data
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    top = max((max(v) for v in data if v), default=0.0)
    integers = all(float(v).is_integer() for values in data for v in values) and unit != "%"
    step = _nice_step(top, integers)
    if step:
        chart.valueAxis.valueStep = step
        chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step) if unit != "%" else 100
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = lambda v: f"{v:g}" if v else ""
    chart.barLabels.boxAnchor = "w" if horizontal else "s"
    chart.barLabels.nudge = 2
    chart.groupSpacing = 4
    for i in range(len(data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    if horizontal:
        chart.categoryAxis.reverseDirection = True
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    drawing.add(chart)
    _legend(drawing, [n for n, _ in series], left, height - 20)
    return drawing


def month_names(f: YearlyFigures) -> list[str]:
    return [f"{m}月" if f.is_calendar_year else f"{y % 100:02d}/{m}" for y, m in f.months]


# ---------------------------------------------------------------- the document
def write_yearly_report_pdf(
    figures: YearlyFigures,
    path: str | os.PathLike[str],
    *,
    printed_on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
) -> int:
    """Write the report at `path` (atomically); return the number of pages."""
    f = figures
    printed_on = printed_on or bureau_today()
    organisation = f.organisation or "人社办案台"
    title = f"{period_title(f)}法治建设数据统计报告"
    doc = OfficialDocument(title=title, layout=PORTRAIT, header_left=organisation,
                           header_right=f"{period_title(f)}法治建设数据", subject=title)
    st = doc.styles
    heading = st["heading"].clone("section", fontSize=14, leading=22, spaceBefore=8, spaceAfter=4, keepWithNext=1)
    sub = st["heading"].clone("sub", fontSize=11, leading=18, spaceBefore=4, spaceAfter=2, keepWithNext=1)
    notes_used: list[str] = []
    total_steps = 8

    def step(n: int) -> None:
        if progress:
            progress(n, total_steps)

    def note(key: str) -> str:
        if key not in notes_used:
            notes_used.append(key)
        return f"〔注{notes_used.index(key) + 1}〕"

    def table(columns: Sequence[TableColumn], rows: Sequence[Sequence[Any]], *, shade_last: bool = False,
              highlight: dict[int, Any] | None = None) -> Table:
        pages = TablePages(columns, PORTRAIT, st)
        data = [pages.header_cells(), *(pages.row_cells([str(v) for v in r]) for r in rows)]
        t = Table(data, colWidths=pages.col_widths, repeatRows=1)
        style = TableStyle(pages.table_style.getCommands())
        if shade_last and rows:
            style.add("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#F2F2F2"))
        for row, colour in (highlight or {}).items():
            style.add("BACKGROUND", (0, row), (-1, row), colour)
        t.setStyle(style)
        return t

    def section_notes(keys: Sequence[str]) -> Iterator[Any]:
        for key in keys:
            yield Paragraph(text(f"{note(key)} {f.definitions[key]}"), st["note"])

    figure_cols = (TableColumn("指标", 5), TableColumn("数值", 3, "right"), TableColumn("口径", 1.2, "center"))

    def story() -> Iterator[Any]:
        # -- title page
        yield Spacer(1, 55 * mm)
        yield BoldParagraph(text(organisation), st["title"].clone("org", fontSize=18, leading=28))
        yield Spacer(1, 10 * mm)
        yield BoldParagraph(text(f"{period_title(f)}法治建设数据统计报告"), st["title"])
        yield Spacer(1, 6 * mm)
        yield Paragraph(text(f"统计期间：{chinese_date(f.first)}至{chinese_date(f.last)}"), st["subtitle"])
        yield Paragraph(text(f"生成日期：{chinese_date(printed_on)}"), st["subtitle"])
        yield Spacer(1, 40 * mm)
        yield Paragraph(text("本报告各项数据均由人社办案台按各业务记录的发生日期自动统计，未经人工录入；"
                             "各项统计口径见文中注释。"), st["small"].clone("centre_small", alignment=1))
        yield PageBreak()
        step(1)

        # -- overview
        yield BoldParagraph("一、主要数据一览", heading)
        rows = [(f"{area}：{name}", value, note(key)) for area, name, value, key in overview_rows(f)]
        yield table((TableColumn("指标", 6), TableColumn("数值", 3.2, "right"), TableColumn("口径", 1.1, "center")), rows)
        yield Spacer(1, 3)
        recs = f.reconciliations
        yield Paragraph(text("仲裁数据核对：" + "；".join(
            f"{r.formula} {reconciliation_text(r.holds, r.difference)}" for r in recs) + "。"), st["small"])
        step(2)

        # -- inspection
        yield CondPageBreak(90 * mm)
        yield BoldParagraph("二、劳动保障监察与追欠", heading)
        yield table(figure_cols, [
            ("各渠道接到投诉举报（含线索）", f"{f.complaints_received}起", note("complaints_received")),
            ("追回工资的劳动者（去重）", f"{f.workers_recovered}人", note("workers_recovered")),
            ("追回工资金额", f"{f.wages_recovered_yuan:,}元（{f.wages_recovered_wan_yuan:,}万元）", note("wages_recovered")),
        ])
        yield Spacer(1, 4)
        names = month_names(f)
        yield bar_chart("各月投诉举报件数", names, [("投诉举报", f.monthly.get("inspection.complaints_received", []))],
                        unit="起")
        wages = [float(fen_to_wan_yuan(v)) for v in f.monthly.get("inspection.wages_recovered_fen", [])]
        yield bar_chart("各月追回工资金额", names, [("追回工资", wages)], unit="万元")
        yield from section_notes(["complaints_received", "workers_recovered", "wages_recovered"])
        step(3)

        # -- arbitration
        yield PageBreak()
        yield BoldParagraph("三、劳动人事争议仲裁", heading)
        closed_rows = [(f"结案：{f.label('closure', m)}", f"{f.arbitration_closed_by.get(m, 0)}件", note("arbitration_closed"))
                       for m in f.closure_order]
        yield table(figure_cols, [
            ("接收（R）", f"{f.arbitration_received}件", note("arbitration_received")),
            ("受理（A）", f"{f.arbitration_accepted}件", note("arbitration_accepted")),
            ("不予受理（N）", f"{f.arbitration_not_accepted}件", note("arbitration_not_accepted")),
            ("告知向有管辖权的仲裁委申请（J）", f"{f.arbitration_not_competent}件", note("reconciliation_received")),
            ("受理前撤回（W0）", f"{f.arbitration_withdrawn_before_decision}件", note("reconciliation_received")),
            ("期末与期初审查中件数之差（ΔP）", f"{f.arbitration_under_review_change:+d}件", note("reconciliation_received")),
            ("涉案金额", f"{f.arbitration_amount_wan_yuan:,}万元", note("arbitration_amount")),
            ("期初未结（B）", f"{f.arbitration_pending_start}件", note("reconciliation_stock")),
            *closed_rows,
            ("结案合计（C）", f"{f.arbitration_closed}件", note("arbitration_closed")),
            ("其中裁决和调解结案", f"{f.arbitration_closed_award_or_mediation}件", note("arbitration_closed")),
            ("期末待处理（E）", f"{f.arbitration_pending}件", note("arbitration_pending")),
        ])
        yield Spacer(1, 4)
        yield BoldParagraph("数据核对", sub)
        ok, bad = colors.HexColor("#E2EFDA"), colors.HexColor("#FCE4D6")
        yield table(
            (TableColumn("关系", 3), TableColumn("左边", 1, "right"), TableColumn("右边", 1, "right"),
             TableColumn("各项", 4), TableColumn("结果", 1.6, "center")),
            [(r.formula, r.left, r.right, "，".join(f"{k}={v}" for k, v in r.terms.items()),
              reconciliation_text(r.holds, r.difference)) for r in recs],
            highlight={i + 1: ok if r.holds else bad for i, r in enumerate(recs)},
        )
        yield Spacer(1, 4)
        yield bar_chart("各月仲裁案件接收、受理与结案", names, [
            ("接收", f.monthly.get("arbitration.received", [])),
            ("受理", f.monthly.get("arbitration.accepted", [])),
            ("结案", f.monthly.get("arbitration.closed", [])),
        ], unit="件", height=65 * mm)
        yield bar_chart("结案方式", [f.label("closure", m) for m in f.closure_order],
                        [("结案", [f.arbitration_closed_by.get(m, 0) for m in f.closure_order])],
                        unit="件", horizontal=True, height=50 * mm)
        yield from section_notes(["arbitration_received", "arbitration_accepted", "arbitration_not_accepted",
                                  "arbitration_amount", "arbitration_closed", "arbitration_pending",
                                  "reconciliation_received", "reconciliation_stock"])
        step(4)

        # -- mediation
        yield PageBreak()
        yield BoldParagraph("四、乡镇（街道）劳动争议调解", heading)
        yield table(figure_cols, [
            ("“互联网+调解”处理（结案）", f"{f.mediation_online_handled}件", note("mediation_online")),
            ("其中调解成功", f"{f.mediation_online_successful}件", note("mediation_online")),
            ("全部渠道处理（结案）", f"{f.mediation_handled}件", note("mediation_online")),
            ("全部渠道调解成功", f"{f.mediation_successful}件", note("mediation_online")),
        ])
        yield Spacer(1, 4)
        outcome_keys = list(f.labels.get("outcome", {}))
        yield bar_chart("“互联网+调解”结案结果", [f.label("outcome", k) for k in outcome_keys],
                        [("件数", [f.mediation_outcomes.get(k, 0) for k in outcome_keys])], unit="件",
                        horizontal=True, height=45 * mm)
        yield bar_chart("各月“互联网+调解”处理与成功", names, [
            ("处理", f.monthly.get("mediation.online_handled", [])),
            ("成功", f.monthly.get("mediation.online_successful", [])),
        ], unit="件")
        if len(f.mediation_by_site) > 1:  # cases that came from townships: who did them
            yield Spacer(1, 4)
            yield BoldParagraph("各站点调解结案", heading)
            yield table((TableColumn("站点", 4), TableColumn("全部渠道处理", 2, "right"),
                         TableColumn("其中成功", 2, "right"), TableColumn("互联网+调解处理", 2, "right"),
                         TableColumn("其中成功", 2, "right")),
                        [*((s.name, s.handled, s.successful, s.online_handled, s.online_successful)
                           for s in f.mediation_by_site),
                         ("合计", f.mediation_handled, f.mediation_successful, f.mediation_online_handled,
                          f.mediation_online_successful)], shade_last=True)
        yield from section_notes(["mediation_online"])
        step(5)

        # -- staff and training
        yield PageBreak()
        yield BoldParagraph("五、执法人员与学法培训", heading)
        kinds = list(f.labels.get("session_kind", {}))
        yield table(figure_cols, [
            (f"具有执法资格证人员（{chinese_date(f.last)}）", f"{f.certified_staff}人", note("certified_staff")),
            *((f"学习培训：{f.label('session_kind', k)}",
               f"{f.study_sessions.get(k, 0)}次（学法{f.study_sessions_rule_of_law.get(k, 0)}次）", note("study_sessions"))
              for k in kinds),
            ("考试：应参考／实际参考／合格", f"{f.exam_required}／{f.exam_attended}／{f.exam_passed}人次", note("exam_rates")),
            ("参考率", format_percent(f.exam_participation_rate), note("exam_rates")),
            ("合格率", format_percent(f.exam_pass_rate), note("exam_rates")),
        ])
        yield Spacer(1, 4)
        yield KeepTogether([
            bar_chart("各月末持有效执法证人数", names, [("持证人数", f.monthly.get("staff.certified_at_month_end", []))],
                      unit="人", height=55 * mm),
            bar_chart("学习培训次数（按类别）", [f.label("session_kind", k) for k in kinds],
                      [("次数", [f.study_sessions.get(k, 0) for k in kinds]),
                       ("其中学法", [f.study_sessions_rule_of_law.get(k, 0) for k in kinds])],
                      unit="次", horizontal=True, height=60 * mm),
        ])
        yield from section_notes(["certified_staff", "study_sessions", "exam_rates"])
        step(6)

        # -- projects
        yield PageBreak()
        yield BoldParagraph("六、在建工程项目“6项制度”", heading)
        yield Paragraph(text(
            f"在建项目{f.projects_active}个，纳入实名制平台{f.projects_on_platform}个；适用项{f.project_items_applicable}项，"
            f"落实{f.project_items_in_force}项，综合达标率{format_percent(f.project_compliance_rate)}；"
            f"全部落实的项目{f.projects_compliant}个／参评{f.projects_rated}个，"
            f"项目达标率{format_percent(f.project_rate)}。{note('project_compliance_rate')}"), st["small"])
        yield Spacer(1, 4)
        project_rows: list[tuple[object, ...]] = [(i, p.name, "在建" if p.under_way else "—", "是" if p.on_platform else "否",
                         p.checked_on.isoformat() if p.checked_on else "未检查",
                         f"{p.in_force}/{p.applicable}" if p.checked_on else "", format_percent(p.item_rate))
                        for i, p in enumerate(f.projects, start=1)]
        project_rows.append(("", "合计", f.projects_active, f.projects_on_platform, "",
                             f"{f.project_items_in_force}/{f.project_items_applicable}",
                             format_percent(f.project_compliance_rate)))
        yield table((TableColumn("序号", 0.7, "center"), TableColumn("项目名称", 5.2), TableColumn("状态", 0.9, "center"),
                     TableColumn("平台", 0.9, "center"), TableColumn("检查日期", 1.8, "center"),
                     TableColumn("落实/适用", 1.4, "center"), TableColumn("达标率", 1.3, "right")),
                    project_rows, shade_last=True)
        yield Spacer(1, 4)
        checked = [p for p in f.projects if p.item_rate is not None]
        if checked:
            yield bar_chart("各项目“6项制度”达标率", [_short(p.name) for p in checked],
                            [("达标率", [float(p.item_rate or Decimal(0)) for p in checked])], unit="%",
                            horizontal=True, height=max(50 * mm, (len(checked) * 13 + 50)))
        yield from section_notes(["projects_active", "project_compliance_rate"])
        step(7)

    pages = doc.build(path, story(), cancel=cancel, trace=trace)
    step(8)
    return pages


def _short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
