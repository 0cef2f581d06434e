"""在建项目 in Excel: the project list with each project's six-system standing.

`export_projects(pages, path, ...)` streams a `CompliancePages` (the filtered
list as of a date, app/projects/service.py) page by page into a write-only
workbook: sheet 在建项目 has one row per project (its particulars, the latest
check on or before the date, each item's status, the item rate); sheet 汇总
has the overall figures with their definitions.  The rates come from the
service (`ComplianceSummary`, `ProjectCompliance.item_rate`) — never computed
here.  The wage account and the 劳资专管员's phone are written masked, as the
rows carry them.  The file appears at `path` only once complete; a cancel
leaves nothing.
"""

from __future__ import annotations

import os
from typing import Any

from app.kernel.paging import query_pages
from app.kernel.progress import ProgressCallback
from app.projects.service import (
    GUARANTEE_FORM_WORDS_ZH,
    PROJECT_STATUS_WORDS_ZH,
    STATUS_WORDS_ZH,
    ComplianceSummary,
)

SHEET_NAME = "在建项目"
SUMMARY_SHEET_NAME = "汇总"
EXPORT_PAGE_SIZE = 500
YES, NO = "是", "否"

# (header, width) before the item columns, and after them.
LEADING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("项目名称", 30),
    ("项目地点", 20),
    ("施工许可证号", 18),
    ("建设单位", 26),
    ("施工总承包单位", 26),
    ("合同价款（元）", 16),
    ("开工日期", 12),
    ("计划竣工日期", 12),
    ("状态", 6),
    ("纳入实名制平台", 8),
    ("劳资专管员", 10),
    ("联系电话", 14),
    ("工资专用账户开户行", 24),
    ("工资专用账户账号", 14),
    ("工资保证金形式", 12),
    ("保证金金额（元）", 16),
    ("最近检查日期", 12),
)
TRAILING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("落实项", 7),
    ("适用项", 7),
    ("综合达标率", 11),
    ("逾期未整改", 9),
)
ITEM_WIDTH = 11
_KINDS = {"合同价款（元）": "money", "保证金金额（元）": "money", "开工日期": "date", "计划竣工日期": "date",
          "最近检查日期": "date", "序号": "count", "综合达标率": "percent"}

ITEM_RATE_DEFINITION = "综合达标率 = 落实项 / 适用项（“不适用”的项目不计入）"
PROJECT_RATE_DEFINITION = "项目达标率 = 全部适用项均已落实的项目数 / 有适用项的已检查项目数"
ROUNDING_NOTE = "每个项目按统计日（含）以前最近一次检查计；比率四舍五入保留两位小数。"


def export_projects(
    pages: Any,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.spreadsheets.writer.ExportRecorder: the export audits itself
) -> ComplianceSummary:
    """Write `pages` (a CompliancePages) to an .xlsx at `path`; return the figures of the rows written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from app.spreadsheets.writer import (
        Heading,
        Money,
        Percent,
        new_workbook,
        table_sheet,
        write_pages,
    )

    total = pages.count()
    items = pages.columns()
    wb = new_workbook(write_only=True)
    headings = [
        *(Heading(label, width, _KINDS.get(label, "text")) for label, width in LEADING_COLUMNS),
        *(Heading(item.label, ITEM_WIDTH) for item in items),
        *(Heading(label, width, _KINDS.get(label, "count")) for label, width in TRAILING_COLUMNS),
    ]
    ws = table_sheet(wb, SHEET_NAME, headings, freeze="C2")
    red = Font(color="B3261E")

    def cell(value: Any, *, font: Any = None) -> Any:
        c = WriteOnlyCell(ws, value=value)
        if font is not None:
            c.font = font
        return c

    line = 0

    def values(pair: tuple[Any, Any]) -> list[Any]:
        nonlocal line
        row, standing = pair
        line += 1
        statuses = [
            cell(STATUS_WORDS_ZH.get(standing.statuses[item.code], standing.statuses[item.code]),
                 font=red if standing.statuses[item.code] == "not_in_force" else None)
            if item.code in standing.statuses else None
            for item in items
        ]
        return [
            line,
            row.name,
            row.location or None,
            row.permit_no or None,
            row.builder_name or None,
            row.contractor_name or None,
            Money(row.contract_value_fen),
            row.start_date,
            row.planned_completion,
            PROJECT_STATUS_WORDS_ZH.get(row.status, row.status),
            YES if row.on_realname_platform else NO,
            row.wage_manager_name or None,
            row.wage_manager_phone or None,
            row.wage_account_bank or None,
            row.wage_account_no or None,
            GUARANTEE_FORM_WORDS_ZH.get(row.guarantee_form, row.guarantee_form),
            Money(row.guarantee_amount_fen),
            standing.checked_on,
            *statuses,
            standing.in_force if standing.checked else None,
            standing.applicable if standing.checked else None,
            Percent(standing.item_rate) if standing.checked else None,
            cell(row.overdue, font=red) if row.overdue else 0,
        ]

    summaries: list[ComplianceSummary] = []

    def add_summary() -> None:
        summaries.append(pages.summary())
        _write_summary(wb, summaries[0])

    write_pages(wb, ws, path, query_pages(pages, total, EXPORT_PAGE_SIZE, cancel=cancel), values, total=total,
                progress=progress, cancel=cancel, trace=trace, before_save=add_summary)
    return summaries[0]


def _write_summary(wb: Any, summary: ComplianceSummary) -> None:
    from app.spreadsheets.writer import Heading, Percent, table_sheet

    ws = table_sheet(wb, SUMMARY_SHEET_NAME, (Heading("指标", 34), Heading("数值", 14), Heading("说明", 64)),
                     above=[["“6项制度”落实情况汇总"]])
    ws.append(["统计日", summary.as_of, None])
    ws.append(["在建项目数", summary.projects_under_way, "统计日在建（已开工、未完工、未停工）的项目"])
    ws.append(["其中纳入实名制平台", summary.projects_on_platform, None])
    ws.append(["已检查项目数", summary.projects_checked, None])
    ws.append(["落实项", summary.items_in_force, None])
    ws.append(["适用项", summary.items_applicable, None])
    ws.append(["综合达标率", Percent(summary.item_rate), ITEM_RATE_DEFINITION])
    ws.append(["全部适用项均已落实的项目数", summary.projects_compliant, None])
    ws.append(["有适用项的已检查项目数", summary.projects_rated, None])
    ws.append(["项目达标率", Percent(summary.project_rate), PROJECT_RATE_DEFINITION])
    ws.append([None, None, None])
    ws.append(["说明", None, ROUNDING_NOTE])
