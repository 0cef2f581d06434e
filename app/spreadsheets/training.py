"""The year's training summary in Excel (年度学习培训和考试情况).

Sheets: 年度汇总 (sessions by kind, hours, exam rates), 个人学时 (each person's
hours against the target), 考试 (each exam with its two rates) and, when given,
学习培训记录 (the year's sessions).  Every figure comes from the YearSummary the
service computed — the rates are never recomputed here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from app.legal.rates import format_percent
from app.services.training import (
    PASS_BASIS_REQUIRED,
    SESSION_KIND_LABELS_ZH,
    SessionRow,
    YearSummary,
    format_number,
)
from app.spreadsheets.parties import _check

ProgressCallback = Callable[[int, int], None]


def hours_status(person: Any) -> str:
    """已完成, or 差N学时 — the words the screen, the PDF and this sheet use."""
    return "已完成" if person.meets_target else f"差{format_number(person.behind_by)}学时"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def export_training_summary(
    summary: YearSummary,
    path: str | os.PathLike[str],
    *,
    sessions: Sequence[SessionRow] = (),
    organisation: str = "",
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.spreadsheets.writer.ExportRecorder: the export audits itself
) -> int:
    """Write the summary to `path` (.xlsx, atomically); return the number of person rows."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="DDEBF7")
    behind_fill = PatternFill("solid", fgColor="FCE4D6")
    centre = Alignment(horizontal="center", vertical="center")

    from app.spreadsheets.writer import new_workbook, save_workbook

    wb = new_workbook()
    ws = wb.active
    ws.title = "年度汇总"

    def header(sheet: Any, labels: Sequence[str], widths: Sequence[float]) -> None:
        sheet.append(list(labels))
        for index, width in enumerate(widths, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            cell.font = bold
            cell.fill = fill
            cell.alignment = centre
            sheet.column_dimensions[get_column_letter(index)].width = width

    title = f"{organisation}{summary.year}年度学习培训和考试情况" if organisation else f"{summary.year}年度学习培训和考试情况"
    ws.append([title])
    ws["A1"].font = title_font
    ws.append([])
    header(ws, ("学习培训类别", "次数", "其中专题学法", "学时合计"), (22, 10, 14, 12))
    for kind in summary.by_kind:
        ws.append([SESSION_KIND_LABELS_ZH.get(kind.kind, kind.kind), kind.sessions, kind.rule_of_law,
                   _number(kind.hours)])
    ws.append(["合计", summary.sessions_total, sum(k.rule_of_law for k in summary.by_kind),
               _number(sum((k.hours for k in summary.by_kind), Decimal(0)))])
    ws.cell(row=ws.max_row, column=1).font = bold
    ws.append([])
    for label, value in (
        ("年度学时目标（每人）", _number(summary.hours_target)),
        ("统计人数", len(summary.persons)),
        ("人均学时", _number(summary.average_hours)),
        ("达到学时目标人数", summary.persons_meeting_target),
        ("学时达标率", format_percent(summary.hours_completion_rate)),
        ("考试场次", len(summary.exams)),
        ("应参考人次", summary.exam_totals.required),
        ("实际参考人次", summary.exam_totals.attended),
        ("合格人次", summary.exam_totals.passed),
        ("参考率", format_percent(summary.participation_rate)),
        ("合格率", format_percent(summary.pass_rate)),
        ("合格率口径", "合格人数÷应参考人数" if summary.exam_totals.basis == PASS_BASIS_REQUIRED
         else "合格人数÷实际参考人数"),
    ):
        ws.append([label, value])
    _check(cancel)

    people = wb.create_sheet("个人学时")
    header(people, ("序号", "姓名", "单位", "科室", "学时", "参加次数", "完成情况"), (6, 10, 24, 20, 8, 10, 12))
    total = len(summary.persons)
    for index, person in enumerate(summary.persons, start=1):
        people.append([index, person.name, person.unit or None, person.section or None, _number(person.hours),
                       person.sessions, hours_status(person)])
        if not person.meets_target:
            people.cell(row=people.max_row, column=7).fill = behind_fill
        if progress and index % 200 == 0:
            progress(index, total)
            _check(cancel)
    people.freeze_panes = "C2"

    exams = wb.create_sheet("考试")
    header(exams, ("考试名称", "日期", "合格线", "满分", "应参考", "实际参考", "合格", "参考率", "合格率"),
           (32, 12, 8, 8, 8, 10, 8, 10, 10))
    for exam in summary.exams:
        exams.append([exam.title, exam.held_on, _number(exam.pass_mark), _number(exam.max_score),
                      exam.tally.required, exam.tally.attended, exam.tally.passed,
                      format_percent(exam.participation_rate), format_percent(exam.pass_rate)])
        exams.cell(row=exams.max_row, column=2).number_format = "yyyy-mm-dd"
    exams.append(["全年合计", None, None, None, summary.exam_totals.required, summary.exam_totals.attended,
                  summary.exam_totals.passed, format_percent(summary.participation_rate),
                  format_percent(summary.pass_rate)])
    exams.cell(row=exams.max_row, column=1).font = bold

    if sessions:
        log = wb.create_sheet("学习培训记录")
        header(log, ("日期", "类别", "主题", "组织单位", "学时", "专题学法", "参加人数"), (12, 16, 40, 18, 8, 10, 10))
        for row in sessions:
            log.append([row.held_on, SESSION_KIND_LABELS_ZH.get(row.kind, row.kind), row.topic, row.organiser or None,
                        _number(row.hours), "是" if row.on_rule_of_law else "否", row.attendee_count])
            log.cell(row=log.max_row, column=1).number_format = "yyyy-mm-dd"
    _check(cancel)
    save_workbook(wb, path, cancel=cancel, trace=trace, rows=total)
    if progress:
        progress(total, total)
    return total
