"""The parties area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # parties
    "party.name_required": ("The name is required.", "请填写名称/姓名。"),
    "party.name_too_long": ("The name is too long (at most {limit} characters).", "名称过长（最多{limit}个字）。"),
    "party.duplicate_id_no": (
        "A person with this ID number is already registered: {name}.",
        "该身份证号已登记：{name}。",
    ),
    "party.duplicate_uscc": (
        "An employer with this credit code is already registered: {name}.",
        "该统一社会信用代码已登记：{name}。",
    ),
    "party.not_found": ("The party no longer exists.", "该当事人已不存在。"),
    "party.kind_unknown": ("Unknown party kind: {value}.", "未知的当事人类别：{value}。"),
    "party.id_type_unknown": ("Unknown kind of identity document: {value}.", "未知的证件类型：{value}。"),
    "party.org_type_unknown": ("Unknown employer type: {value}.", "未知的单位类型：{value}。"),
    "reveal.reason_required": ("Please give the reason for viewing this.", "请填写查看原因。"),
}
