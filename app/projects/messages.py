"""The projects area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "project.name_required": ("The project name is required.", "请填写项目名称。"),
    "project.name_too_long": ("The project name is too long (at most {limit} characters).", "项目名称过长（最多{limit}个字）。"),
    "project.not_found": ("The project no longer exists.", "该项目已不存在。"),
    "project.status_unknown": ("Unknown project status: {value}.", "未知的项目状态：{value}。"),
    "project.guarantee_form_unknown": ("Unknown wage guarantee form: {value}.", "未知的工资保证金形式：{value}。"),
    "project.role_unknown": ("Unknown subcontractor role: {value}.", "未知的分包类型：{value}。"),
    "project.completion_before_start": (
        "The completion date ({end}) is before the start date ({start}).",
        "竣工日期（{end}）早于开工日期（{start}）。",
    ),
    "project.amount_negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "project.account_format": (
        "The wage account number must have 8 to 32 digits.",
        "工资专用账户账号应为8至32位数字。",
    ),
    "project.party_not_found": (
        "The party chosen as {role} no longer exists in the register.",
        "选作{role}的单位在当事人库中已不存在。",
    ),
    "project.party_not_employer": (
        "{name} is a person, not an employer: {role} must be an employer from the register.",
        "{name}是个人，不是用人单位：{role}须从当事人库中选择单位。",
    ),
    "project.subcontractor_duplicate": ("The same subcontractor is listed twice.", "同一分包单位重复列出。"),
    "checklist.past_year": (
        "The checklist of {year} is closed: only the current or a future year's list can be changed.",
        "{year}年度的清单已不能修改：只能修改本年度或以后年度的清单。",
    ),
    "checklist.label_required": ("Every item needs a name.", "每一项都要填写名称。"),
    "checklist.label_too_long": ("An item name is too long (at most {limit} characters).", "项目名称过长（最多{limit}个字）。"),
    "checklist.duplicate_label": ("“{label}” is listed twice.", "“{label}”重复列出。"),
    "checklist.empty": ("The checklist needs at least one item.", "清单至少要有一项。"),
    "checklist.item_in_use": (
        "“{label}” is used by a recorded check and cannot be removed (its name may be changed).",
        "“{label}”已被检查记录使用，不能删除（可以修改名称）。",
    ),
    "check.date_required": ("The check date is required.", "请填写检查日期。"),
    "check.date_future": ("The check date cannot be in the future.", "检查日期不能晚于今天。"),
    "check.inspector_required": ("Who carried out the check?", "请填写检查人。"),
    "check.item_not_on_list": (
        "The item “{item}” is not on the {year} checklist.",
        "“{item}”不在{year}年度的检查清单上。",
    ),
    "check.status_missing": ("Choose 落实, 未落实 or 不适用 for “{label}”.", "请为“{label}”选择落实、未落实或不适用。"),
    "check.status_unknown": ("Unknown item status: {value}.", "未知的落实情况：{value}。"),
    "check.rectify_by_required": (
        "“{label}” is not in force: give the rectification deadline.",
        "“{label}”未落实，请填写整改期限。",
    ),
    "check.rectify_by_before_check": (
        "The rectification deadline of “{label}” is before the check date.",
        "“{label}”的整改期限早于检查日期。",
    ),
    "check.not_found": ("The check no longer exists.", "该检查记录已不存在。"),
    "rectify.not_needed": ("Only an item found not in force needs a rectification.", "只有未落实的项目需要登记整改。"),
    "rectify.date_required": ("The rectification date is required.", "请填写整改完成日期。"),
    "rectify.before_check": (
        "The rectification date is before the check ({checked_on}).",
        "整改完成日期早于检查日期（{checked_on}）。",
    ),
    "rectify.date_future": ("The rectification date cannot be in the future.", "整改完成日期不能晚于今天。"),
}
