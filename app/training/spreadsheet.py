"""The year's training summary in Excel (年度学习培训和考试情况).

Sheets: 年度汇总 (sessions by kind, hours, exam rates), 个人学时 (each person's
hours against the target), 考试 (each exam with its two rates) and, when given,
学习培训记录 (the year's sessions).  Every figure comes from the YearSummary the
service computed — the rates are never recomputed here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.kernel.progress import ProgressCallback, raise_if_cancelled
from app.training.service import (
    PASS_BASIS_REQUIRED,
    SESSION_KIND_LABELS_ZH,
    SessionRow,
    YearSummary,
    format_number,
)


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
    from openpyxl.styles import Font, PatternFill

    from app.spreadsheets.writer import Heading, Percent, new_workbook, save_workbook, table_sheet

    bold = Font(bold=True)
    behind_fill = PatternFill("solid", fgColor="FCE4D6")
    wb = new_workbook()

    title = f"{organisation}{summary.year}年度学习培训和考试情况" if organisation else f"{summary.year}年度学习培训和考试情况"
    ws = table_sheet(wb, "年度汇总", (Heading("学习培训类别", 22), Heading("次数", 10, "count"),
                                   Heading("其中专题学法", 14, "count"), Heading("学时合计", 12)),
                     above=[[title], []])
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
        ("学时达标率", Percent(summary.hours_completion_rate)),
        ("考试场次", len(summary.exams)),
        ("应参考人次", summary.exam_totals.required),
        ("实际参考人次", summary.exam_totals.attended),
        ("合格人次", summary.exam_totals.passed),
        ("参考率", Percent(summary.participation_rate)),
        ("合格率", Percent(summary.pass_rate)),
        ("合格率口径", "合格人数÷应参考人数" if summary.exam_totals.basis == PASS_BASIS_REQUIRED
         else "合格人数÷实际参考人数"),
    ):
        ws.append([label, value])
    raise_if_cancelled(cancel)

    people = table_sheet(wb, "个人学时", (Heading("序号", 6, "count"), Heading("姓名", 10), Heading("单位", 24),
                                         Heading("科室", 20), Heading("学时", 8), Heading("参加次数", 10, "count"),
                                         Heading("完成情况", 12)), freeze="C2")
    total = len(summary.persons)
    for index, person in enumerate(summary.persons, start=1):
        people.append([index, person.name, person.unit or None, person.section or None, _number(person.hours),
                       person.sessions, hours_status(person)])
        if not person.meets_target:
            people.cell(row=people.max_row, column=7).fill = behind_fill
        if progress and index % 200 == 0:
            progress(index, total)
            raise_if_cancelled(cancel)

    exams = table_sheet(wb, "考试", (Heading("考试名称", 32), Heading("日期", kind="date"), Heading("合格线", 8),
                                   Heading("满分", 8), Heading("应参考", 8, "count"), Heading("实际参考", 10, "count"),
                                   Heading("合格", 8, "count"), Heading("参考率", kind="percent"),
                                   Heading("合格率", kind="percent")))
    for exam in summary.exams:
        exams.append([exam.title, exam.held_on, _number(exam.pass_mark), _number(exam.max_score),
                      exam.tally.required, exam.tally.attended, exam.tally.passed,
                      Percent(exam.participation_rate), Percent(exam.pass_rate)])
    exams.append(["全年合计", None, None, None, summary.exam_totals.required, summary.exam_totals.attended,
                  summary.exam_totals.passed, Percent(summary.participation_rate), Percent(summary.pass_rate)])
    exams.cell(row=exams.max_row, column=1).font = bold

    if sessions:
        log = table_sheet(wb, "学习培训记录", (Heading("日期", kind="date"), Heading("类别", 16), Heading("主题", 40),
                                             Heading("组织单位", 18), Heading("学时", 8), Heading("专题学法", 10),
                                             Heading("参加人数", 10, "count")))
        for row in sessions:
            log.append([row.held_on, SESSION_KIND_LABELS_ZH.get(row.kind, row.kind), row.topic, row.organiser or None,
                        _number(row.hours), "是" if row.on_rule_of_law else "否", row.attendee_count])
    raise_if_cancelled(cancel)
    save_workbook(wb, path, cancel=cancel, trace=trace, rows=total)
    if progress:
        progress(total, total)
    return total
