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
from collections.abc import Callable, Sequence
from typing import Any

from app.documents.yearly_report import (
    month_names,
    overview_rows,
    period_title,
    reconciliation_text,
)
from app.errors import UserError
from app.legal.rates import fen_to_wan_yuan, fen_to_yuan, format_percent
from app.reports.drilldown import FIGURES, drill_down
from app.reports.yearly import (
    CLOSURE_LABELS_ZH,
    CLOSURE_ORDER,
    DEFINITIONS_ZH,
    MEDIATION_OUTCOME_LABELS_ZH,
    YearlyFigures,
)
from app.services.training import SESSION_KIND_LABELS_ZH
from app.spreadsheets.parties import _check

ProgressCallback = Callable[[int, int], None]
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


def _write(wb: Any, f: YearlyFigures, path: str | os.PathLike[str], store: Any, actor: Any,
           progress: ProgressCallback | None, cancel: Any, trace: Any) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    from app.spreadsheets.writer import save_workbook

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
        _check(cancel)
        if progress:
            progress(done_steps, steps)

    def sheet(name: str, widths: Sequence[float]) -> Any:
        ws = wb.create_sheet(name)
        for i, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = width
        return ws

    def styled(ws: Any, values: Sequence[Any], *, font: Any = None, fill_: Any = None, align: Any = None) -> None:
        row = []
        for value in values:
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
    ws = sheet("汇总", (18, 36, 26, 70))
    styled(ws, [title], font=Font(bold=True, size=14))
    ws.append([f"统计期间：{f.first.isoformat()}至{f.last.isoformat()}"])
    ws.append([])
    header(ws, ("类别", "指标", "数值", "口径"))
    for area, name, value, key in overview_rows(f):
        styled(ws, (area, name, value, DEFINITIONS_ZH[key]), align=wrap)
    ws.append([])
    header(ws, ("数据核对", "关系", "结果", "各项"))
    for r in f.reconciliations:
        styled(ws, ("仲裁", r.formula, reconciliation_text(r.holds, r.difference),
                    "，".join(f"{k}={v}" for k, v in r.terms.items())), fill_=ok_fill if r.holds else bad_fill)
    ws.append([])
    header(ws, ("键", "说明", "数值", ""))
    for key, value in f.to_json().items():  # the stable JSON keys, for whoever checks against `report yearly --json`
        if isinstance(value, int | str) or value is None:
            ws.append([key, "", value])
    step()

    names = month_names(f)
    # -- 劳动保障监察 per month
    ws = sheet("劳动保障监察", (12, 16, 18, 16))
    header(ws, ("月份", "投诉举报（起）", "追回工资（元）", "追回工资（万元）"))
    for i, name in enumerate(names):
        fen = f.monthly["inspection.wages_recovered_fen"][i]
        ws.append([name, f.monthly["inspection.complaints_received"][i], float(fen_to_yuan(fen)),
                   float(fen_to_wan_yuan(fen))])
    styled(ws, ("合计", f.complaints_received, float(f.wages_recovered_yuan), float(f.wages_recovered_wan_yuan)),
           font=bold)
    ws.append(["追回工资人数（去重）", f.workers_recovered])
    step()

    # -- 仲裁 per month and by closure
    ws = sheet("劳动人事争议仲裁", (16, 12, 12, 12))
    header(ws, ("月份", "接收", "受理", "结案"))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["arbitration.received"][i], f.monthly["arbitration.accepted"][i],
                   f.monthly["arbitration.closed"][i]])
    styled(ws, ("合计", f.arbitration_received, f.arbitration_accepted, f.arbitration_closed), font=bold)
    ws.append([])
    header(ws, ("结案方式", "件数", "", ""))
    for m in CLOSURE_ORDER:
        ws.append([CLOSURE_LABELS_ZH[m], f.arbitration_closed_by.get(m, 0)])
    ws.append([])
    for label, value in (("不予受理", f.arbitration_not_accepted), ("告知向有管辖权的仲裁委申请（J）", f.arbitration_not_competent),
                         ("受理前撤回（W0）", f.arbitration_withdrawn_before_decision),
                         ("审查中件数变化（ΔP）", f.arbitration_under_review_change),
                         ("期初未结（B）", f.arbitration_pending_start), ("期末未结（E）", f.arbitration_pending),
                         ("涉案金额（万元）", float(f.arbitration_amount_wan_yuan))):
        ws.append([label, value])
    step()

    # -- 调解
    ws = sheet("乡镇街道调解", (16, 14, 14))
    header(ws, ("月份", "互联网+调解处理", "其中成功"))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["mediation.online_handled"][i], f.monthly["mediation.online_successful"][i]])
    styled(ws, ("合计", f.mediation_online_handled, f.mediation_online_successful), font=bold)
    ws.append([])
    header(ws, ("结案结果（互联网+调解）", "件数", ""))
    for key, label in MEDIATION_OUTCOME_LABELS_ZH.items():
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
    ws = sheet("执法人员", (16, 18))
    header(ws, ("月末", "持有效执法证人数"))
    for i, name in enumerate(names):
        ws.append([name, f.monthly["staff.certified_at_month_end"][i]])
    styled(ws, (f"统计期末（{f.last.isoformat()}）", f.certified_staff), font=bold)
    step()

    # -- 学法培训
    ws = sheet("学法培训", (22, 10, 12))
    header(ws, ("学习培训类别", "次数", "其中学法"))
    for kind, label in SESSION_KIND_LABELS_ZH.items():
        ws.append([label, f.study_sessions.get(kind, 0), f.study_sessions_rule_of_law.get(kind, 0)])
    ws.append([])
    for label, value in (("应参考人次", f.exam_required), ("实际参考人次", f.exam_attended), ("合格人次", f.exam_passed),
                         ("参考率", format_percent(f.exam_participation_rate)),
                         ("合格率", format_percent(f.exam_pass_rate))):
        ws.append([label, value])
    step()

    # -- 在建项目
    ws = sheet("在建项目", (6, 36, 8, 8, 12, 10, 10, 10))
    header(ws, ("序号", "项目名称", "在建", "实名制平台", "检查日期", "落实项", "适用项", "达标率"))
    for i, p in enumerate(f.projects, start=1):
        ws.append([i, p.name, "是" if p.under_way else "否", "是" if p.on_platform else "否",
                   p.checked_on.isoformat() if p.checked_on else "未检查", p.in_force, p.applicable,
                   format_percent(p.item_rate)])
    styled(ws, ("", "合计", f.projects_active, f.projects_on_platform, "", f.project_items_in_force,
                f.project_items_applicable, format_percent(f.project_compliance_rate)), font=bold)
    ws.append(["", "项目达标率", "", "", "", f.projects_compliant, f.projects_rated, format_percent(f.project_rate)])
    step()

    # -- 说明
    ws = sheet("说明", (24, 100))
    header(ws, ("口径", "说明"))
    for key, text in DEFINITIONS_ZH.items():
        styled(ws, (key, text), align=wrap)
    ws.append([])
    ws.append(["个人信息", "身份证号等个人信息已脱敏；举报人身份不列出。"])
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
            ws = sheet(name, (8, 30, 28, 14, 26, 16))
            amount_label = "金额（元）" if key in ("wages_recovered", "workers_recovered", "arbitration_accepted",
                                              "arbitration_closed", "arbitration_pending", "arbitration_received",
                                              "arbitration_not_accepted") else ""
            header(ws, ("记录号", "编号", "名称／当事人", date_label, "说明", amount_label))
            total = source.count()
            offset = 0
            while offset < total:
                for r in source.page(offset, PAGE):
                    ws.append([r.id, r.number, r.title, r.on.isoformat() if r.on else "", r.detail,
                               float(fen_to_yuan(r.amount_fen)) if r.amount_fen is not None and amount_label else None])
                    written += 1
                offset += PAGE
                _check(cancel)
            step()
    _check(cancel)
    save_workbook(wb, path, cancel=cancel, trace=trace, rows=written)
    return written
