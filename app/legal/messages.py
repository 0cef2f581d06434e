"""The legal area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # holiday schedules
    "holiday.outside_year": (
        "{day} is not in the schedule of {year} (its December notice may begin in the December before).",
        "{day}不属于{year}年的节假日安排（可从上一年12月开始）。",
    ),
    "holiday.both_kinds": ("{day} cannot be both a holiday and a working day.", "{day}不能既是节假日又是调休上班日。"),
    "holiday.swap_not_weekend": (
        "{day} is not a Saturday or Sunday, so it cannot be a swapped working day.",
        "{day}不是星期六或星期日，不能作为调休上班日。",
    ),
    "holiday.bad_date": ("“{value}” is not a date (write 2027-01-01).", "“{value}”不是日期（请写成2027-01-01）。"),
    # legal calendar and deadlines
    "calendar.bad_schedule": (
        "The holiday schedule for {year} is not valid: {detail}",
        "{year}年节假日安排无效：{detail}",
    ),
    "calendar.date_outside_year": (
        "The holiday schedule for {year} lists {date}, which is not in or next to that year.",
        "{year}年节假日安排中的日期{date}不在该年度（或相邻年度）内。",
    ),
    "calendar.day_conflict": (
        "{date} is listed both as a holiday and as a working day.",
        "{date}同时被列为节假日和调休上班日。",
    ),
    "deadline.unknown_rule": ("Unknown time-limit rule: {rule}.", "未知的期限规则：{rule}。"),
    "deadline.rule_required": (
        "Give the rule id (e.g. A9); `deadline --list` lists them.",
        "请填写期限规则编号（如A9），可用 deadline --list 查看。",
    ),
    "deadline.start_required": ("Give the start date (YYYY-MM-DD).", "请填写起算日期（YYYY-MM-DD）。"),
    "deadline.bad_rule": ("The time-limit rule {rule} is not valid: {detail}", "期限规则{rule}无效：{detail}"),
    "deadline.bad_date": (
        "“{value}” is not a date; write it as YYYY-MM-DD.",
        "“{value}”不是有效日期，请按YYYY-MM-DD填写。",
    ),
    "deadline.date_out_of_range": ("The date is out of the supported range.", "日期超出可计算的范围。"),
    "deadline.negative_days": (
        "{what} cannot be negative ({value}).",
        "{what}不能为负数（{value}）。",
    ),
    "deadline.excluded_not_applicable": (
        "Days not counted apply only to periods that run forward, not to {rule}.",
        "不计入期间的天数只适用于向后计算的期限，不适用于{rule}。",
    ),
    "deadline.extension_not_allowed": (
        "The time limit {rule} cannot be extended.",
        "期限{rule}不可延长。",
    ),
    "deadline.extension_too_long": (
        "The time limit {rule} can be extended by at most {maximum} {unit}.",
        "期限{rule}最多可延长{maximum}{unit}。",
    ),
    "deadline.suspension_order": (
        "A suspension must resume after it began (suspended {start}, resumed {resume}).",
        "恢复审理日期应晚于中止审理日期（中止{start}，恢复{resume}）。",
    ),
    "deadline.suspension_overlap": (
        "Two suspensions overlap ({first} and {second}).",
        "两段中止审理期间重叠（{first}与{second}）。",
    ),
    "deadline.restart_before_acceptance": (
        "A restart event ({date}) cannot come before the acceptance ({acceptance}).",
        "重新计算审理期限的事件日期（{date}）不能早于受理日期（{acceptance}）。",
    ),
}
