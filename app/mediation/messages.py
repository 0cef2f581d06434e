"""The mediation area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "mediation.not_found": ("The mediation case no longer exists.", "该调解案件已不存在。"),
    "mediation.transition_refused": (
        "“{action}” is not possible while the mediation is {status}.",
        "调解案件当前状态为“{status}”，不能进行“{action}”。",
    ),
    "mediation.oral_record_required": (
        "An oral application is recorded on the spot: write down the record.",
        "口头申请应当场记录，请填写申请笔录。",
    ),
    "mediation.terms_required": ("Write the terms of the agreement.", "请填写调解协议内容。"),
    "mediation.not_failed_yet": (
        "Only a failed mediation, or one whose 15 days ran out on {due}, can go to arbitration.",
        "只有调解不成或15日期限（{due}）届满未达成协议的案件才能转仲裁。",
    ),
    "mediation.performed": (
        "The agreement has been performed in full; there is nothing to take to arbitration.",
        "调解协议已全部履行，无需转仲裁。",
    ),
}
