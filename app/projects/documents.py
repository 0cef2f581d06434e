"""在建项目“6项制度”落实情况表: the compliance report as a landscape A4 table.

One row per project (its latest check on or before the date): name, general
contractor, status, check date, one column per checklist item (落实 / 未落实 /
不适用), 落实/适用 and the item rate.  Under the table: the overall figures —
综合达标率 and 项目达标率, each with its definition written out, so a reader
never has to guess which rate is meant (DOMAIN B §6).  Every rate comes from
app/projects/service.py; nothing is computed here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.clock import bureau_today
from app.documents.base import (
    LANDSCAPE,
    BoldParagraph,
    TableColumn,
    TablePages,
    chinese_date,
    text,
)
from app.documents.table_document import desk_header, print_table
from app.kernel.paging import query_pages
from app.legal.rates import format_percent
from app.projects.service import PROJECT_STATUS_WORDS_ZH, STATUS_WORDS_ZH, ComplianceSummary
from app.projects.spreadsheet import ITEM_RATE_DEFINITION, PROJECT_RATE_DEFINITION, ROUNDING_NOTE

DEFAULT_TITLE = "在建项目“6项制度”落实情况表"
NOT_IN_FORCE_WORD = STATUS_WORDS_ZH["not_in_force"]
RED = "#B3261E"
READ_PAGE_SIZE = 200

# Weights ≈ points of the 742-pt landscape frame: names of ~16 characters fit on
# one line; the item columns hold "不适用" and wrap their headers.
LEADING = (
    TableColumn("序号", 26, "center"),
    TableColumn("项目名称", 150),
    TableColumn("施工总承包单位", 148),
    TableColumn("状态", 26, "center"),
    TableColumn("检查日期", 52, "center"),
)
ITEM_WEIGHT = 40
TRAILING = (
    TableColumn("落实/适用", 46, "center"),
    TableColumn("达标率", 44, "center"),
)


class _ComplianceTable(TablePages):
    """The paged table, with 未落实 in red so a reader's eye finds it."""

    def row_cells(self, values: Sequence[Any]) -> list[Any]:
        cells: list[Any] = list(super().row_cells(values))
        for index, value in enumerate(values):
            if value == NOT_IN_FORCE_WORD:
                style = getattr(cells[index], "style", None) or self._cell_styles[index]
                cells[index] = Paragraph(f'<font color="{RED}">{text(value)}</font>', style)
        return cells


def _values(number: int, row: Any, standing: Any, codes: list[str]) -> list[Any]:
    statuses = [STATUS_WORDS_ZH.get(standing.statuses.get(code, ""), "") for code in codes]
    if not standing.checked:
        statuses = ["" for _ in codes]
    return [
        number,
        row.name,
        row.contractor_name,
        PROJECT_STATUS_WORDS_ZH.get(row.status, row.status),
        standing.checked_on.isoformat() if standing.checked_on else "未检查",
        *statuses,
        f"{standing.in_force}/{standing.applicable}" if standing.checked else "",
        format_percent(standing.item_rate) if standing.checked else "",
    ]


def summary_flowables(summary: ComplianceSummary, styles: dict[str, ParagraphStyle]) -> list[Any]:
    """The overall figures under the table, with the definitions written out."""
    cell = styles["cell"]
    rows = [
        ["统计日", chinese_date(summary.as_of), "在建项目", f"{summary.projects_under_way} 个（纳入实名制平台 {summary.projects_on_platform} 个）"],
        ["已检查项目", f"{summary.projects_checked} 个", "落实项 / 适用项", f"{summary.items_in_force} / {summary.items_applicable}"],
        ["综合达标率", format_percent(summary.item_rate), "项目达标率",
         f"{format_percent(summary.project_rate)}（{summary.projects_compliant} / {summary.projects_rated} 个项目）"],
    ]
    table = Table(
        [[Paragraph(text(v), cell) for v in r] for r in rows],
        colWidths=[70, 150, 90, 250],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "#606060"),
                ("BACKGROUND", (0, 0), (0, -1), "#E8EEF4"),
                ("BACKGROUND", (2, 0), (2, -1), "#E8EEF4"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        ),
    )
    indent = 2 * styles["note"].fontSize  # the width of "注："
    hanging = ParagraphStyle("note_hanging", parent=styles["note"], leftIndent=indent)
    notes = [
        Paragraph(text("注：1. " + ITEM_RATE_DEFINITION + "；"),
                  ParagraphStyle("note_first", parent=hanging, firstLineIndent=-indent)),
        Paragraph(text("2. " + PROJECT_RATE_DEFINITION + "；"), hanging),
        Paragraph(text("3. " + ROUNDING_NOTE), hanging),
    ]
    return [Spacer(1, 4 * mm), KeepTogether([BoldParagraph(text("汇总"), styles["small"]), Spacer(1, 1.5 * mm),
                                             table, Spacer(1, 2 * mm), *notes])]


def write_compliance_pdf(
    pages: Any,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
    title: str | None = None,
    organisation: str = "",
    printed_on: date | None = None,
) -> ComplianceSummary:
    """Print `pages` (a CompliancePages: the filtered projects as of a date) at `path`;
    return the figures of the rows printed.  Atomic; `cancel` leaves no file."""
    title = title or DEFAULT_TITLE
    printed_on = printed_on or bureau_today()
    total = pages.count()
    items = list(pages.columns())
    codes = [item.code for item in items]

    def rows() -> Iterator[list[Any]]:
        number = 0
        for batch in query_pages(pages, total, READ_PAGE_SIZE, cancel=cancel):
            for row, standing in batch:
                number += 1
                yield _values(number, row, standing, codes)

    print_table(
        path,
        title=title,
        subtitle=f"统计日：{chinese_date(pages.as_of)}　　共 {total} 个项目　　打印日期：{chinese_date(printed_on)}",
        layout=LANDSCAPE,
        columns=[*LEADING, *(TableColumn(item.label, ITEM_WEIGHT, "center") for item in items), *TRAILING],
        rows=rows(),
        total=total,
        header_left=desk_header(organisation, title),
        header_right=f"统计日：{chinese_date(pages.as_of)}",
        subject="在建项目农民工工资支付“6项制度”落实情况",
        table=_ComplianceTable,
        after=lambda styles: summary_flowables(pages.summary(), styles),
        progress=progress,
        cancel=cancel,
        trace=trace,
    )
    summary: ComplianceSummary = pages.summary()
    return summary
