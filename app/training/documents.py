"""年度学习培训和考试情况: the year's training summary as a PDF (portrait A4).

Three parts — sessions by kind, each person's hours against the target (those
behind marked), the exams with 参考率 and 合格率 — all taken from the
YearSummary the service computed; nothing is recomputed here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.clock import bureau_today
from app.documents.base import (
    PORTRAIT,
    BoldParagraph,
    OfficialDocument,
    TableColumn,
    TablePages,
    chinese_date,
    signature_block,
    text,
)
from app.legal.rates import format_percent
from app.training.service import (
    PASS_BASIS_REQUIRED,
    SESSION_KIND_LABELS_ZH,
    YearSummary,
    format_number,
)
from app.training.spreadsheet import hours_status

KIND_COLUMNS = (
    TableColumn("学习培训类别", 3, "left"),
    TableColumn("次数", 1.2, "center"),
    TableColumn("其中专题学法", 1.6, "center"),
    TableColumn("学时合计", 1.4, "center"),
)
PERSON_COLUMNS = (
    TableColumn("序号", 0.8, "center"),
    TableColumn("姓名", 1.4, "center"),
    TableColumn("科室（单位）", 4.2),
    TableColumn("参加次数", 1.2, "center"),
    TableColumn("学时", 1.0, "center"),
    TableColumn("完成情况", 1.6, "center"),
)
EXAM_COLUMNS = (
    TableColumn("考试名称", 5.0),
    TableColumn("日期", 1.6, "center"),
    TableColumn("应考", 0.9, "center"),
    TableColumn("实考", 0.9, "center"),
    TableColumn("合格", 0.9, "center"),
    TableColumn("参考率", 1.3, "center"),
    TableColumn("合格率", 1.3, "center"),
)
BEHIND = colors.HexColor("#FCE4D6")


def write_training_summary_pdf(
    summary: YearSummary,
    path: str | os.PathLike[str],
    *,
    organisation: str = "",
    printed_on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
) -> int:
    """Print the summary at `path`; return the number of pages."""
    printed_on = printed_on or bureau_today()
    title = f"{summary.year}年度学习培训和考试情况"
    doc = OfficialDocument(
        title=title,
        layout=PORTRAIT,
        header_left=organisation or "人社办案台",
        header_right=f"打印日期：{chinese_date(printed_on)}",
        subject=title,
    )
    st = doc.styles
    heading_style = st["heading"].clone("section", fontSize=13, leading=22, spaceBefore=10, spaceAfter=4,
                                     keepWithNext=1)

    def small_table(columns: tuple[TableColumn, ...], rows: list[list[Any]], *, bold_last: bool = False,
                    shade: list[int] | None = None) -> Table:
        pages = TablePages(columns, PORTRAIT, st)
        data = [pages.header_cells(), *(pages.row_cells(r) for r in rows)]
        table = Table(data, colWidths=pages.col_widths, repeatRows=1)
        style = TableStyle(pages.table_style.getCommands())
        if bold_last:
            style.add("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#F2F2F2"))
        for row in shade or []:
            style.add("BACKGROUND", (-1, row), (-1, row), BEHIND)
        table.setStyle(style)
        return table

    def story() -> Iterator[Any]:
        yield BoldParagraph(text(title), st["title"])
        yield Paragraph(text(f"（{summary.year}年1月1日至12月31日）"), st["subtitle"])

        yield BoldParagraph("一、学习培训", heading_style)
        kind_rows = [
            [SESSION_KIND_LABELS_ZH.get(k.kind, k.kind), k.sessions, k.rule_of_law, format_number(k.hours)]
            for k in summary.by_kind
        ]
        kind_rows.append(["合计", summary.sessions_total, sum(k.rule_of_law for k in summary.by_kind),
                          format_number(sum((k.hours for k in summary.by_kind), Decimal(0)))])
        yield small_table(KIND_COLUMNS, kind_rows, bold_last=True)

        yield BoldParagraph("二、个人学时", heading_style)
        average = summary.average_hours
        yield Paragraph(
            text(
                f"年度学时目标每人{format_number(summary.hours_target)}学时；统计{len(summary.persons)}人，"
                f"人均{format_number(average) if average is not None else '—'}学时，"
                f"达到目标{summary.persons_meeting_target}人，"
                f"学时达标率{format_percent(summary.hours_completion_rate)}。未达标人员以底色标出。"
            ),
            st["small"],
        )
        yield Spacer(1, 4)
        person_rows = []
        shade = []
        for index, person in enumerate(summary.persons, start=1):
            place = person.section or person.unit  # one bureau: the section says where they work
            person_rows.append([index, person.name, place, person.sessions, format_number(person.hours),
                                hours_status(person)])
            if not person.meets_target:
                shade.append(index)
        if progress:
            progress(1, 3)
        # A bureau's roster is tens of people: one Table, split by reportlab with the header repeated.
        yield small_table(PERSON_COLUMNS, person_rows, shade=shade)

        yield BoldParagraph("三、考试", heading_style)
        totals = summary.exam_totals
        yield Paragraph(
            text(
                f"全年考试{len(summary.exams)}场，应参考{totals.required}人次，实际参考{totals.attended}人次，"
                f"合格{totals.passed}人次；参考率{format_percent(summary.participation_rate)}，"
                f"合格率{format_percent(summary.pass_rate)}。"
            ),
            st["small"],
        )
        yield Spacer(1, 4)
        exam_rows = [
            [e.title, e.held_on.isoformat(), e.tally.required, e.tally.attended, e.tally.passed,
             format_percent(e.participation_rate), format_percent(e.pass_rate)]
            for e in summary.exams
        ]
        exam_rows.append(["全年合计", "", totals.required, totals.attended, totals.passed,
                          format_percent(summary.participation_rate), format_percent(summary.pass_rate)])
        yield small_table(EXAM_COLUMNS, exam_rows, bold_last=True)
        yield Spacer(1, 3)
        basis = ("合格率＝应参考人员中合格人数÷应参考人数" if totals.basis == PASS_BASIS_REQUIRED
                 else "合格率＝合格人数÷实际参考人数")
        yield Paragraph(text(f"注：参考率＝实际参考人数÷应参考人数；{basis}；分母为0时以“—”表示。"), st["note"])
        if progress:
            progress(2, 3)
        if organisation:
            yield from signature_block(organisation, printed_on, st, space_before=12)

    pages = doc.build(path, story(), cancel=cancel, trace=trace)
    if progress:
        progress(3, 3)
    return pages
