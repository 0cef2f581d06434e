"""The demo area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the demo district (issue 7)
    "demo.database_not_empty": (
        "The demo fills only an empty database, and this one already holds data. "
        "Give a new database with --db (e.g. --db sqlite:///demo.db).",
        "演示数据只能写入空数据库，该数据库已有数据。请用 --db 指定一个新的数据库（如 --db sqlite:///demo.db）。",
    ),
    "demo.year_not_past": (
        "The demo makes a past year; {value} is not over yet.",
        "演示数据只能生成已经过去的年度，{value}年尚未结束。",
    ),
    "demo.scale_invalid": ("The scale must be a whole number of at least 1 (not {value}).",
                           "倍数应为不小于1的整数（不能是{value}）。"),
}
