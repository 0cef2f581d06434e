"""The reports area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # statistics (issue 7)
    "report.year_invalid": ("The year {value} is not valid.", "年份{value}无效。"),
    "report.range_invalid": (
        "The period must not end ({last}) before it starts ({first}).",
        "统计期间的结束日期（{last}）不能早于开始日期（{first}）。",
    ),
    "report.figure_unknown": ("There is no figure called {value}.", "没有名为{value}的统计项。"),
}
