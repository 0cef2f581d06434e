"""The arbitration docket's words: statuses, closures, claim categories, procedures, roles,
the documents served, the refusal grounds (办案规则 art 30–31), claim results and hearing states —
each as (English, Chinese), for the pages, the documents and the spreadsheets."""

from __future__ import annotations

from app.arbitration.models import (
    ArbitrationStatus,
    ClaimCategory,
    ClaimResult,
    ClosureMethod,
    HearingStatus,
    PartyRole,
    Procedure,
)
from app.errors import words_from

S = ArbitrationStatus

STATUS_LABELS: dict[str, tuple[str, str]] = {
    S.RECEIVED: ("received, under review", "已收件待审查"),
    S.AWAITING_CORRECTION: ("awaiting correction", "待补正"),
    S.ACCEPTED: ("accepted", "已受理"),
    S.TRIBUNAL_FORMED: ("tribunal formed", "已组庭"),
    S.HEARING_SCHEDULED: ("hearing scheduled", "已排期开庭"),
    S.HEARD: ("heard", "已开庭"),
    S.SUSPENDED: ("suspended", "中止审理"),
    S.NOT_ACCEPTED: ("not accepted", "不予受理"),
    S.NOT_COMPETENT: ("referred to the competent commission", "告知向有管辖权的仲裁委申请"),
    S.WITHDRAWN_BEFORE_ACCEPTANCE: ("withdrawn before acceptance", "受理前撤回"),
    S.CLOSED: ("closed", "已结案"),
}
CLOSURE_LABELS: dict[str, tuple[str, str]] = {
    ClosureMethod.AWARD: ("award", "裁决"),
    ClosureMethod.MEDIATION: ("mediation", "调解"),
    ClosureMethod.WITHDRAWAL: ("withdrawal", "撤回"),
    ClosureMethod.REVOCATION: ("revocation", "撤销案件"),
    ClosureMethod.TERMINATION: ("termination", "终止审理"),
    ClosureMethod.TRANSFER: ("transfer", "移送管辖"),
}
CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    ClaimCategory.WAGES: ("wages", "劳动报酬"),
    ClaimCategory.OVERTIME: ("overtime pay", "加班费"),
    ClaimCategory.DOUBLE_WAGE: ("double wages (no contract)", "二倍工资差额"),
    ClaimCategory.COMPENSATION: ("severance", "经济补偿"),
    ClaimCategory.DAMAGES: ("damages for unlawful dismissal", "违法解除赔偿金"),
    ClaimCategory.INJURY_MEDICAL: ("work-injury medical expenses", "工伤医疗费"),
    ClaimCategory.INJURY: ("other work-injury benefits (lump sums …)", "其他工伤待遇（一次性伤残补助金等）"),
    ClaimCategory.SOCIAL_INSURANCE: ("social insurance", "社会保险"),
    ClaimCategory.ANNUAL_LEAVE: ("annual-leave pay", "年休假工资"),
    ClaimCategory.CONFIRM_RELATIONSHIP: ("confirm the employment relationship", "确认劳动关系"),
    ClaimCategory.OTHER: ("other", "其他"),
}
PROCEDURE_LABELS = {Procedure.ORDINARY: ("ordinary", "一般程序"), Procedure.SIMPLE: ("simple", "简易处理")}
ROLE_LABELS = {
    PartyRole.APPLICANT: ("applicant", "申请人"),
    PartyRole.RESPONDENT: ("respondent", "被申请人"),
    PartyRole.THIRD_PARTY: ("third party", "第三人"),
}
SERVICE_DOCUMENTS: dict[str, str] = {
    "acceptance_notice": "受理通知书",
    "application_copy": "仲裁申请书副本及应诉通知书",
    "tribunal_notice": "组庭通知书",
    "hearing_notice": "开庭通知书",
    "award": "仲裁裁决书",
    "mediation_statement": "仲裁调解书",
    "other": "其他文书",
}
SERVICE_METHODS = ("direct", "post", "electronic", "left_at_address", "public_notice")

# 办案规则 (2017) art 31: an application failing art 30 items (1)–(3) is refused with a 不予受理通知书.
REFUSAL_GROUNDS: dict[str, str] = {
    "outside_scope": "不属于《劳动人事争议仲裁办案规则》第二条规定的争议范围（第三十条第一项）",
    "no_clear_claim": "没有明确的仲裁请求和事实理由（第三十条第二项）",
    "no_direct_interest": "申请人不是与本案有直接利害关系的自然人、法人或者其他组织（第三十条第三项）",
    "no_clear_respondent": "没有明确的被申请人（第三十条第三项）",
}
# The same grounds for the English interface (the notice itself quotes the Chinese words).
REFUSAL_GROUNDS_EN: dict[str, str] = {
    "outside_scope": "Not a dispute within art. 2 of the Arbitration Rules (art. 30 item 1)",
    "no_clear_claim": "No clear claim, facts and reasons (art. 30 item 2)",
    "no_direct_interest": "The applicant has no direct interest in the case (art. 30 item 3)",
    "no_clear_respondent": "No clear respondent (art. 30 item 3)",
}


def refusal_ground_code(ground: str) -> str | None:
    """The code of a refusal ground given by its code or its words (or the words' start)."""
    wanted = (ground or "").strip()
    if wanted in REFUSAL_GROUNDS:
        return wanted
    for code, words in REFUSAL_GROUNDS.items():
        if wanted and (words.startswith(wanted) or wanted.startswith(words)):
            return code
    return None


def status_label(status: str, language: str = "zh_CN") -> str:
    en, zh = STATUS_LABELS.get(status, (status, status))
    return en if language == "en" else zh


RESULT_LABELS: dict[str, tuple[str, str]] = {
    ClaimResult.UPHELD: ("upheld", "支持"),
    ClaimResult.PARTLY_UPHELD: ("partly upheld", "部分支持"),
    ClaimResult.DISMISSED: ("dismissed", "驳回"),
    ClaimResult.WITHDRAWN: ("withdrawn", "撤回"),
}
HEARING_STATUS_LABELS: dict[str, tuple[str, str]] = {
    HearingStatus.SCHEDULED: ("scheduled", "已排期"),
    HearingStatus.POSTPONED: ("postponed", "已延期"),
    HearingStatus.HELD: ("held", "已开庭"),
    HearingStatus.CANCELLED: ("cancelled", "已取消"),
}


def category_label(category: str, language: str = "zh_CN") -> str:
    return words_from(CATEGORY_LABELS, category, language)


def result_label(result: str | None, language: str = "zh_CN") -> str:
    """A claim's result as the award words it (支持, 部分支持 …); "" when none yet."""
    if not result:
        return ""
    en, zh = RESULT_LABELS.get(result, (result, result))
    return en if language == "en" else zh


def hearing_status_label(status: str, language: str = "zh_CN") -> str:
    en, zh = HEARING_STATUS_LABELS.get(status, (status, status))
    return en if language == "en" else zh

