"""The audit area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.anchor_invalid": (
        "Not an anchor: {value} (write it as SEQ:HASH, with at least 16 hex digits of the hash).",
        "校验锚点格式不对：{value}（应为“序号:哈希”，哈希至少16位十六进制数字）。",
    ),
    # Records and exports (issue 13)
    "audit.anchor_file": (
        "{path} carries no audit anchor (only files exported by this program do), or cannot be read.",
        "{path} 中没有校验锚点（只有本程序导出的文件带有），或该文件无法读取。",
    ),
}
