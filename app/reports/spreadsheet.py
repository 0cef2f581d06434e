"""年度法治建设数据 in Excel: a 汇总 sheet with every figure and the reconciliations,
one sheet per area with a row per month, the definitions (说明), and the
records behind the figures (明细-…, from app/reports/drilldown.py), personal
data masked as everywhere else.

Written in openpyxl's write-only (streaming) mode, the record lists read page
by page, so a large year stays flat in memory; progress is reported per
sheet and the cancel token is checked between pages.  Nothing is recomputed:
every value comes from the one `YearlyFigures`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.errors import UserError
from app.kernel.progress import ProgressCallback, raise_if_cancelled
from app.reports.documents import (
    month_names,
    period_title,
    reconciliation_text,
)
from app.reports.drilldown import FIGURES, drill_down
from app.reports.yearly import YearlyFigures
from app.spreadsheets.writer import Money, Percent

PAGE = 5000

# The record lists written after the figures: (figure key, sheet name, what the date column is).
RECORD_SHEETS: tuple[tuple[str, str, str], ...] = (
    ("complaints_received", "明细-投诉举报", "登记日期"),
    ("wages_recovered", "明细-追欠支付", "支付日期"),
    ("workers_recovered", "明细-获追欠劳动者", "首次支付日期"),
    ("arbitration_received", "明细-仲裁接收", "收件日期"),
    ("arbitration_accepted", "明细-仲裁受理", "受理日期"),
    ("arbitration_not_accepted", "明细-不予受理", "决定日期"),
    ("arbitration_closed", "明细-仲裁结案", "结案日期"),
    ("arbitration_pending", "明细-期末未结", "受理日期"),
    ("mediation_online_handled", "明细-互联网调解", "结案日期"),
    ("certified_staff", "明细-持证人员", "证件有效期至"),
    ("study_sessions", "明细-学习培训", "日期"),
    ("exams", "明细-考试", "日期"),
)


def export_yearly_report(
    figures: YearlyFigures,
    path: str | os.PathLike[str],
    *,
    store: Any = None,
    actor: Any = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.spreadsheets.writer.ExportRecorder: the export audits itself
) -> int:
    """Write the workbook at `path` (atomically); return the number of record rows written.

    With `store` and `actor`, the record lists the actor may read are added."""
    from app.spreadsheets.writer import new_workbook

    wb = new_workbook(write_only=True)
    try:
        return _write(wb, figures, path, store, actor, progress, cancel, trace)
    except BaseException:
        for ws in wb.worksheets:  # a write-only sheet holds an open temporary file until written out
            ws.close()
        raise


# The figures' names in Chinese: the 说明 sheet's 口径 column and the 汇总 sheet's key list name
# each figure in words; the stable JSON key (`report yearly --json`) stays beside it for checking.
DEFINITION_NAMES_ZH: dict[str, str] = {
    "complaints_received": "投诉举报（各渠道）",
    "workers_recovered": "追回工资的劳动者",
    "wages_recovered": "追回工资金额",
    "projects_active": "在建工程项目",
    "project_compliance_rate": "“6项制度”达标率",
    "arbitration_received": "仲裁接收",
    "arbitration_accepted": "仲裁受理",
    "arbitration_not_accepted": "不予受理",
    "arbitration_amount": "涉案金额",
    "arbitration_closed": "仲裁结案",
    "arbitration_pending": "期末未结",
    "mediation_online": "“互联网+调解”",
    "certified_staff": "持证执法人员",
    "study_sessions": "学习培训",
    "exam_rates": "考试参考率、合格率",
    "reconciliation_received": "接收数核对",
    "reconciliation_stock": "存量核对",
}
KEY_NAMES_ZH: dict[str, str] = {
    "year": "年度",
    "date_from": "统计起始日",
    "date_to": "统计截止日",
    "complaints_received": "投诉举报（起）",
    "workers_recovered": "追回工资的劳动者（人）",
    "wages_recovered_yuan": "追回工资（元）",
    "wages_recovered_wan_yuan": "追回工资（万元）",
    "projects_active": "在建工程项目（个）",
    "projects_on_platform": "纳入实名制平台（个）",
    "project_compliance_rate": "“6项制度”综合达标率",
    "project_rate": "项目达标率",
    "arbitration_received": "仲裁接收（件）",
    "arbitration_accepted": "仲裁受理（件）",
    "arbitration_not_accepted": "不予受理（件）",
    "arbitration_amount_wan_yuan": "涉案金额（万元）",
    "arbitration_closed_award_or_mediation": "裁决和调解结案（件）",
    "arbitration_closed": "结案（件）",
    "arbitration_pending": "期末未结（件）",
    "mediation_online_handled": "“互联网+调解”处理（件）",
    "mediation_online_successful": "其中调解成功（件）",
    "certified_staff": "持有效执法证人员（人）",
    "exam_participation_rate": "考试参考率",
    "exam_pass_rate": "考试合格率",
}


def overview_values(f: YearlyFigures) -> list[tuple[str, str, Any, str, str]]:
    """(area, figure, value as a number, unit, note key): the 汇总 sheet's overview, the same
    figures as the PDF's overview table (app.reports.documents.overview_rows) as numbers."""
    s = f.study_sessions
    return [
        ("劳动保障监察", "各渠道接到投诉举报（含线索）", f.complaints_received, "起", "complaints_received"),
        ("劳动保障监察", "追回工资的劳动者", f.workers_recovered, "人", "workers_recovered"),
        ("劳动保障监察", "追回工资金额", Money(f.wages_recovered_fen), "元", "wages_recovered"),
        ("劳动保障监察", "追回工资金额", Money(f.wages_recovered_fen, wan=True), "万元", "wages_recovered"),
        ("在建项目", "在建工程项目", f.projects_active, "个", "projects_active"),
        ("在建项目", "纳入实名制平台管理", f.projects_on_platform, "个", "projects_active"),
        ("在建项目", "“6项制度”综合达标率", Percent(f.project_compliance_rate), "", "project_compliance_rate"),
        ("在建项目", "项目达标率", Percent(f.project_rate), "", "project_compliance_rate"),
        ("劳动人事争议仲裁", "接收", f.arbitration_received, "件", "arbitration_received"),
        ("劳动人事争议仲裁", "受理", f.arbitration_accepted, "件", "arbitration_accepted"),
        ("劳动人事争议仲裁", "不予受理", f.arbitration_not_accepted, "件", "arbitration_not_accepted"),
        ("劳动人事争议仲裁", "涉案金额", Money(f.arbitration_amount_fen, wan=True), "万元", "arbitration_amount"),
        ("劳动人事争议仲裁", "裁决和调解结案", f.arbitration_closed_award_or_mediation, "件", "arbitration_closed"),
        ("劳动人事争议仲裁", "结案（全部方式）", f.arbitration_closed, "件", "arbitration_closed"),
        ("劳动人事争议仲裁", "期末待处理", f.arbitration_pending, "件", "arbitration_pending"),
        ("乡镇（街道）调解", "“互联网+调解”处理", f.mediation_online_handled, "件", "mediation_online"),
        ("乡镇（街道）调解", "其中调解成功", f.mediation_online_successful, "件", "mediation_online"),
        ("执法人员", "具有执法资格证人员", f.certified_staff, "人", "certified_staff"),
        ("学法培训", "党组中心组学习", s.get("party_group", 0), "次", "study_sessions"),
        ("学法培训", "全局干部职工集中学习", s.get("bureau_wide", 0), "次", "study_sessions"),
        ("学法培训", "党支部集中学习", s.get("party_branch", 0), "次", "study_sessions"),
        ("学法培训", "考试参考率", Percent(f.exam_participation_rate), "", "exam_rates"),
        ("学法培训", "考试合格率", Percent(f.exam_pass_rate), "", "exam_rates"),
    ]


def _key_value(f: YearlyFigures, key: str, value: Any) -> Any:
    """A JSON key's value as a cell: dates as dates, money as money, rates as percentages."""
    if key == "date_from":
        return f.first
    if key == "date_to":
        return f.last
    if key == "wages_recovered_yuan":
        return Money(f.wages_recovered_fen)
    if key == "wages_recovered_wan_yuan":
        return Money(f.wages_recovered_fen, wan=True)
    if key == "arbitration_amount_wan_yuan":
        return Money(f.arbitration_amount_fen, wan=True)
    if key.endswith("_rate"):
        return Percent(None if value is None else Decimal(value))
    return value


def _write(wb: Any, f: YearlyFigures, path: str | os.PathLike[str], store: Any, actor: Any,
           progress: ProgressCallback | None, cancel: Any, trace: Any) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    from app.spreadsheets.writer import Heading, save_workbook, table_sheet

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    ok_fill = PatternFill("solid", fgColor="E2EFDA")
    bad_fill = PatternFill("solid", fgColor="FCE4D6")
    wrap = Alignment(wrap_text=True, vertical="top")
    steps = 8 + (len(RECORD_SHEETS) if store is not None else 0)
    done_steps = 0

    def step() -> None:
        nonlocal done_steps
        done_steps += 1
        raise_if_cancelled(cancel)
        if progress:
            progress(done_steps, steps)

    def styled(ws: Any, values: Sequence[Any], *, font: Any = None, fill_: Any = None, align: Any = None) -> None:
        row = []
        for value in values:
            if isinstance(value, Money | Percent) or value is None:
                row.append(value)  # the writer formats it; a style here would hide the number format
                continue
            cell = WriteOnlyCell(ws, value=value)
            if font is not None:
                cell.font = font
            if fill_ is not None:
                cell.fill = fill_
            if align is not None:
                cell.alignment = align
            row.append(cell)
        ws.append(row)

    def header(ws: Any, labels: Sequence[str]) -> None:
        styled(ws, labels, font=bold, fill_=fill)

    organisation = f.organisation
    title = f"{organisation}{period_title(f)}法治建设数据"

    # -- 汇总
    ws = table_sheet(wb, "汇总", (Heading("类别", 18), Heading("指标", 36), Heading("数值", 18, "money"),
                                Heading("单位", 6), Heading("口径", 70)),
                     above=[[title], [f"统计期间：{f.first.isoformat()}至{f.last.isoformat()}"], []])
    for area, name, value, unit, key in overview_values(f):
        styled(ws, (area, name, value, unit, f.definitions[key]), align=wrap)
    ws.append([])
    header(ws, ("数据核对", "关系", "结果", "", "各项"))
    for r in f.reconciliations:
        styled(ws, ("仲裁", r.formula, reconciliation_text(r.holds, r.difference), None,
                    "，".join(f"{k}={v}" for k, v in r.terms.items())), fill_=ok_fill if r.holds else bad_fill)
    ws.append([])
    header(ws, ("键（--json）", "名称", "数值", "", ""))
    for key, value in f.to_json().items():  # the stable JSON keys, for whoever checks against `report yearly --json`
        if isinstance(value, int | str) or value is None:
            ws.append([key, KEY_NAMES_ZH.get(key, key), _key_value(f, key, value)])
    step()

    names = month_names(f)
    # -- 劳动保障监察 per month
    ws = table_sheet(wb, "劳动保障监察", (Heading("月份", 20), Heading("投诉举报（起）", 16, "count"),
                                      Heading("追回工资（元）", 18, "money"), Heading("追回工资（万元）", 18, "money")))
    for i, name in enumerate(names):
        fen = f.monthly["inspection.wages_recovered_fen"][i]
        ws.append([name, f.monthly["inspection.complaints_received"][i], Money(fen), Money(fen, wan=True)])
    styled(ws, ("合计", f.complaints_received, Money(f.wages_recovered_fen), Money(f.wages_recovered_fen, wan=True)),
           font=bold)
    ws.append(["追回工资人数（去重）", f.workers_recovered])
    step()

    # -- 仲裁 per month and by closure
    ws = table_sheet(wb, "劳动人事争议仲裁", (Heading("月份", 30), Heading("接收", 12, "count"),
                                          Heading("受理", 12, "count"), Heading("结案", 12, "count")))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["arbitration.received"][i], f.monthly["arbitration.accepted"][i],
                   f.monthly["arbitration.closed"][i]])
    styled(ws, ("合计", f.arbitration_received, f.arbitration_accepted, f.arbitration_closed), font=bold)
    ws.append([])
    header(ws, ("结案方式", "件数", "", ""))
    for m in f.closure_order:
        ws.append([f.label("closure", m), f.arbitration_closed_by.get(m, 0)])
    ws.append([])
    for label, value in (("不予受理", f.arbitration_not_accepted), ("告知向有管辖权的仲裁委申请（J）", f.arbitration_not_competent),
                         ("受理前撤回（W0）", f.arbitration_withdrawn_before_decision),
                         ("审查中件数变化（ΔP）", f.arbitration_under_review_change),
                         ("期初未结（B）", f.arbitration_pending_start), ("期末未结（E）", f.arbitration_pending),
                         ("涉案金额（万元）", Money(f.arbitration_amount_fen, wan=True))):
        ws.append([label, value])
    step()

    # -- 调解
    ws = table_sheet(wb, "乡镇街道调解", (Heading("月份", 24), Heading("互联网+调解处理", 16, "count"),
                                      Heading("其中成功", 14, "count"), Heading("", 18), Heading("", 14)))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["mediation.online_handled"][i], f.monthly["mediation.online_successful"][i]])
    styled(ws, ("合计", f.mediation_online_handled, f.mediation_online_successful), font=bold)
    ws.append([])
    header(ws, ("结案结果（互联网+调解）", "件数", ""))
    for key, label in f.labels.get("outcome", {}).items():
        ws.append([label, f.mediation_outcomes.get(key, 0)])
    ws.append(["全部渠道处理", f.mediation_handled])
    ws.append(["全部渠道调解成功", f.mediation_successful])
    if len(f.mediation_by_site) > 1:  # cases that came from townships: who did them
        ws.append([])
        header(ws, ("站点", "全部渠道处理", "其中成功", "互联网+调解处理", "其中成功"))
        for site in f.mediation_by_site:
            ws.append([site.name, site.handled, site.successful, site.online_handled, site.online_successful])
        styled(ws, ("合计", f.mediation_handled, f.mediation_successful, f.mediation_online_handled,
                    f.mediation_online_successful), font=bold)
    step()

    # -- 执法人员
    ws = table_sheet(wb, "执法人员", (Heading("月末", 26), Heading("持有效执法证人数", 18, "count")))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["staff.certified_at_month_end"][i]])
    styled(ws, (f"统计期末（{f.last.isoformat()}）", f.certified_staff), font=bold)
    step()

    # -- 学法培训
    ws = table_sheet(wb, "学法培训", (Heading("学习培训类别", 22), Heading("次数", 10, "count"),
                                  Heading("其中学法", 12, "count")))
    for kind, label in f.labels.get("session_kind", {}).items():
        ws.append([label, f.study_sessions.get(kind, 0), f.study_sessions_rule_of_law.get(kind, 0)])
    ws.append([])
    for label, value in (("应参考人次", f.exam_required), ("实际参考人次", f.exam_attended), ("合格人次", f.exam_passed),
                         ("参考率", Percent(f.exam_participation_rate)),
                         ("合格率", Percent(f.exam_pass_rate))):
        ws.append([label, value])
    step()

    # -- 在建项目
    ws = table_sheet(wb, "在建项目", (Heading("序号", 6, "count"), Heading("项目名称", 36), Heading("在建", 8),
                                  Heading("实名制平台", 12), Heading("检查日期", kind="date"),
                                  Heading("落实项", 10, "count"), Heading("适用项", 10, "count"),
                                  Heading("达标率", kind="percent")), freeze="C2")
    for i, p in enumerate(f.projects, start=1):
        ws.append([i, p.name, "是" if p.under_way else "否", "是" if p.on_platform else "否",
                   p.checked_on if p.checked_on else "未检查", p.in_force, p.applicable, Percent(p.item_rate)])
    styled(ws, ("", "合计", f.projects_active, f.projects_on_platform, "", f.project_items_in_force,
                f.project_items_applicable, Percent(f.project_compliance_rate)), font=bold)
    ws.append(["", "项目达标率", "", "", "", f.projects_compliant, f.projects_rated, Percent(f.project_rate)])
    step()

    # -- 说明
    ws = table_sheet(wb, "说明", (Heading("口径", 24), Heading("说明", 100), Heading("键（--json）", 26)))
    for key, text in f.definitions.items():
        styled(ws, (DEFINITION_NAMES_ZH.get(key, key), text, key), align=wrap)
    ws.append([])
    ws.append(["个人信息", "身份证号等个人信息已脱敏；举报人身份不列出。"])
    ws.append(["数字格式", "金额为数字（元或万元，保留两位小数），比率为百分比，日期为日期，可直接求和、排序和筛选。"])
    step()

    # -- the records
    written = 0
    if store is not None and actor is not None:
        for key, name, date_label in RECORD_SHEETS:
            if not actor.can(FIGURES[key].permission):
                step()
                continue
            try:
                source = drill_down(store, actor, key, f.first, f.last)
            except UserError:
                step()
                continue
            with_amount = key in AMOUNT_SHEETS
            headings = [Heading("编号／案号", kind="case_no"), Heading("名称／当事人", 28),
                        Heading(date_label, kind="date"), Heading("说明", 26)]
            if with_amount:
                headings.append(Heading("金额（元）", kind="money"))
            ws = table_sheet(wb, name, headings)
            total = source.count()
            offset = 0
            while offset < total:
                for row in source.page(offset, PAGE):
                    values: list[object] = [row.number, row.title, row.on, row.detail]
                    if with_amount:
                        values.append(Money(row.amount_fen))
                    ws.append(values)
                    written += 1
                offset += PAGE
                raise_if_cancelled(cancel)
            step()
    raise_if_cancelled(cancel)
    save_workbook(wb, path, cancel=cancel, trace=trace, rows=written)
    return written


AMOUNT_SHEETS = frozenset({"wages_recovered", "workers_recovered", "arbitration_accepted", "arbitration_closed",
                           "arbitration_pending", "arbitration_received", "arbitration_not_accepted"})
