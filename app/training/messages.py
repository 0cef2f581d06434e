"""The training area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # training and exams (培训考试)
    "training.kind_unknown": ("Unknown kind of session: {value}.", "未知的学习培训类别：{value}。"),
    "training.topic_required": ("The topic is required.", "请填写学习培训主题。"),
    "training.title_required": ("The exam title is required.", "请填写考试名称。"),
    "training.text_too_long": ("Too long (at most {limit} characters).", "内容过长（最多{limit}个字）。"),
    "training.date_required": ("The date is required.", "请填写日期。"),
    "training.bad_date": ("“{value}” is not a date; write it as YYYY-MM-DD.", "“{value}”不是有效日期，请按YYYY-MM-DD填写。"),
    "training.hours_required": ("The hours are required.", "请填写学时。"),
    "training.hours_invalid": ("“{value}” is not a number of hours.", "“{value}”不是有效的学时数。"),
    "training.hours_range": (
        "The hours must be more than 0 and at most {maximum} ({value}).",
        "学时应大于0且不超过{maximum}（现为{value}）。",
    ),
    "training.hours_one_decimal": ("Hours take at most one decimal place ({value}).", "学时最多保留一位小数（现为{value}）。"),
    "training.target_range": ("The yearly target must be more than 0 ({value}).", "年度学时目标应大于0（现为{value}）。"),
    "training.attendee_unknown": (
        "Attendee no. {number} is not on the staff roster.",
        "参训人员（编号{number}）不在执法人员名册中。",
    ),
    "training.attendee_not_on_roster": (
        "{name} is not on the staff roster and cannot be recorded.",
        "{name}不在执法人员名册中，不能登记。",
    ),
    "training.session_not_found": ("The session no longer exists.", "该学习培训记录已不存在。"),
    "training.exam_not_found": ("The exam no longer exists.", "该考试记录已不存在。"),
    "training.score_invalid": ("“{value}” is not a score.", "“{value}”不是有效的分数。"),
    "training.score_one_decimal": ("Scores take at most one decimal place ({value}).", "分数最多保留一位小数（现为{value}）。"),
    "training.score_negative": ("A score cannot be negative ({value}).", "分数不能为负数（{value}）。"),
    "training.max_score_range": ("The full mark must be more than 0 ({value}).", "满分应大于0（现为{value}）。"),
    "training.pass_mark_required": ("The pass mark is required.", "请填写合格分数线。"),
    "training.pass_mark_above_max": (
        "The pass mark ({pass_mark}) is above the full mark ({max_score}).",
        "合格分数线（{pass_mark}）高于满分（{max_score}）。",
    ),
    "training.score_above_max": (
        "{name}: the score {score} is above the full mark {max_score}.",
        "{name}的成绩{score}超过满分{max_score}。",
    ),
    "training.score_without_attendance": (
        "{name} has a score but did not sit the exam.",
        "{name}未参考，不能登记成绩。",
    ),
    "training.result_twice": ("{name} is listed twice in the results.", "{name}在成绩表中重复出现。"),
    "training.pass_basis_unknown": ("Unknown basis for the pass rate: {value}.", "未知的合格率计算口径：{value}。"),
}
