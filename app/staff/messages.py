"""The staff area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # enforcement staff (执法人员)
    "staff.name_required": ("The name is required.", "请填写姓名。"),
    "staff.text_too_long": ("Too long (at most {limit} characters).", "内容过长（最多{limit}个字）。"),
    "staff.staffing_type_unknown": ("Unknown staffing type: {value}.", "未知的编制类型：{value}。"),
    "staff.bad_sex": ("Sex must be male or female ({value}).", "性别只能是男或女（{value}）。"),
    "staff.bad_date": ("“{value}” is not a date; write it as YYYY-MM-DD.", "“{value}”不是有效日期，请按YYYY-MM-DD填写。"),
    "staff.issue_date_required": ("The issue date is required.", "请填写发证日期。"),
    "staff.expiry_date_required": ("The expiry date is required.", "请填写有效期截止日期。"),
    "staff.cert_type_unknown": ("Unknown certificate type: {value}.", "未知的证件类型：{value}。"),
    "staff.cert_status_unknown": ("Unknown certificate status: {value}.", "未知的证件状态：{value}。"),
    "staff.cert_number_required": ("The certificate number is required.", "请填写证件编号。"),
    "staff.expiry_before_issue": (
        "The expiry date ({expiry}) is before the issue date ({issue}).",
        "有效期截止日期（{expiry}）早于发证日期（{issue}）。",
    ),
    "staff.duplicate_certificate": (
        "Certificate number {number} is already registered to {holder}.",
        "证件编号{number}已登记在{holder}名下。",
    ),
    "staff.duplicate_id_no": (
        "An officer with this ID number is already on the roster: {name}.",
        "该身份证号已在执法人员名册中：{name}。",
    ),
    "staff.review_year": ("The review year is not valid: {value}.", "年审年度无效：{value}。"),
    "staff.review_result": ("The review result must be passed or failed.", "年审结果只能是合格或不合格。"),
    "staff.duplicate_review": (
        "This certificate already has a review for {year}.",
        "该证件{year}年度的年审已登记。",
    ),
    "staff.officer_not_found": ("The officer is not on the roster.", "执法人员名册中没有该人员。"),
    "staff.certificate_not_found": ("The certificate no longer exists.", "该证件已不存在。"),
    "staff.not_on_roster": (
        "{name} is no longer on the staff roster (not in post) and cannot be assigned.",
        "{name}已不在编（不在执法人员名册中），不能指派执法。",
    ),
    "staff.no_certificate": (
        "{name} holds no enforcement certificate.",
        "{name}无执法证，不能指派执法。",
    ),
    "staff.no_certificate_for_category": (
        "{name} holds no enforcement certificate for {category}.",
        "{name}无“{category}”类别执法证，不能指派执法。",
    ),
    "staff.certificate_other_category": (
        "{name}'s certificate {number} is for {held}; it does not allow handling {category} cases.",
        "{name}的执法证（{number}）类别为{held}，不能承办{category}案件。",
    ),
    "staff.certificate_expired": (
        "{name}'s certificate {number} expired (valid until {expiry}).",
        "{name}的执法证（{number}）已过期（{expiry}到期）。",
    ),
    "staff.certificate_suspended": (
        "{name}'s certificate {number} is suspended.",
        "{name}的执法证（{number}）被暂扣。",
    ),
    "staff.certificate_cancelled": (
        "{name}'s certificate {number} has been cancelled.",
        "{name}的执法证（{number}）已注销。",
    ),
    "staff.certificate_withdrawn": (
        "{name}'s certificate {number} has been withdrawn.",
        "{name}的执法证（{number}）已被收回。",
    ),
    "staff.certificate_not_yet_valid": (
        "{name}'s certificate {number} is valid only from {issue}, so not yet on {day}.",
        "{name}的执法证（{number}）自{issue}起生效，{day}尚未生效。",
    ),
}
