"""The complaint life cycle as data (DOMAIN B §3.1): which action leads from which
states to which state, and the words for each.  The service refuses any other move.
"""

from __future__ import annotations

from app.accounts.permissions import Permission
from app.complaints.models import (
    ActionKind,
    Channel,
    ClosureKind,
    ComplaintKind,
    ComplaintStatus,
    DisposalMethod,
    EmployerRole,
    ReviewOpinion,
)
from app.kernel import lifecycle
from app.kernel.lifecycle import Transition

S = ComplaintStatus
ComplaintTransition = Transition[ComplaintStatus, ComplaintStatus]
# Closing, telling the complainant and archiving need 投诉案件结案; every other move 办理.
_CLOSING = frozenset({"close", "notify_result", "archive"})


def _t(action: str, sources: set[ComplaintStatus], target: ComplaintStatus, zh: str, en: str) -> ComplaintTransition:
    permission = Permission.COMPLAINT_CLOSE if action in _CLOSING else Permission.COMPLAINT_HANDLE
    return Transition(action, frozenset(sources), target, permission, label_en=en, label_zh=zh)


# States in which the investigation clock (I2) runs.
INVESTIGATION_STATES = frozenset(
    {S.FILED, S.INVESTIGATING, S.RECTIFICATION_ORDERED, S.RECTIFIED, S.NOT_RECTIFIED}
)
# States before the acceptance decision (I1 runs).
REVIEW_STATES = frozenset({S.RECEIVED, S.NEED_CORRECTION})
# A case is "open" until it is closed or ended at the door.
ENDED_STATES = frozenset({S.NOT_ACCEPTED, S.REDIRECTED, S.CLOSED, S.RESULT_NOTIFIED, S.ARCHIVED})
OPEN_STATES = frozenset(set(S) - ENDED_STATES)
# Where payments and plans may still be recorded.
PAYMENT_STATES = frozenset(
    INVESTIGATION_STATES | {S.ADMIN_DECISION, S.PENALTY, S.TRANSFERRED, S.CASE_WITHDRAWN}
)
_HANDLING = {S.INVESTIGATING, S.NOT_RECTIFIED}

TRANSITIONS: dict[str, ComplaintTransition] = lifecycle.table(
    (
        _t("request_correction", {S.RECEIVED}, S.NEED_CORRECTION, "通知补正", "Ask for correction"),
        _t("corrected", {S.NEED_CORRECTION}, S.RECEIVED, "补正完毕", "Corrected"),
        _t("accept", {S.RECEIVED}, S.FILED, "受理并立案", "Accept and open the case"),
        _t("refuse", {S.RECEIVED, S.NEED_CORRECTION}, S.NOT_ACCEPTED, "不予受理", "Refuse"),
        _t("redirect", {S.RECEIVED, S.NEED_CORRECTION}, S.REDIRECTED, "告知/转送", "Redirect"),
        _t("start_investigation", {S.FILED}, S.INVESTIGATING, "开始调查", "Start the investigation"),
        _t("order_rectification", {S.INVESTIGATING}, S.RECTIFICATION_ORDERED, "责令限期改正", "Order rectification"),
        _t("rectified", {S.RECTIFICATION_ORDERED}, S.RECTIFIED, "已改正", "Rectified"),
        _t("not_rectified", {S.RECTIFICATION_ORDERED}, S.NOT_RECTIFIED, "逾期未改正", "Not rectified"),
        _t("admin_decision", _HANDLING, S.ADMIN_DECISION, "作出行政处理决定", "Issue an administrative decision"),
        _t("penalty", _HANDLING, S.PENALTY, "作出行政处罚决定", "Issue a penalty decision"),
        _t("transfer", _HANDLING | {S.RECTIFICATION_ORDERED}, S.TRANSFERRED, "移送", "Transfer"),
        _t(
            "withdraw_case",
            {S.FILED, S.INVESTIGATING, S.RECTIFICATION_ORDERED, S.RECTIFIED},
            S.CASE_WITHDRAWN,
            "撤销立案",
            "Withdraw the case",
        ),
        _t(
            "close",
            {S.INVESTIGATING, S.RECTIFIED, S.NOT_RECTIFIED, S.ADMIN_DECISION, S.PENALTY, S.TRANSFERRED, S.CASE_WITHDRAWN},
            S.CLOSED,
            "结案",
            "Close",
        ),
        _t("notify_result", {S.CLOSED}, S.RESULT_NOTIFIED, "告知投诉人处理结果", "Tell the complainant"),
        _t("archive", {S.CLOSED, S.RESULT_NOTIFIED}, S.ARCHIVED, "归档", "Archive"),
    )
)

# Steps that record on a case without moving it, and the states that allow each.
# The service refuses them in any other state; the case page offers them only there.
HANDLING_STATES = INVESTIGATION_STATES | {S.ADMIN_DECISION, S.PENALTY}
RECORDING_STEPS: dict[str, frozenset[ComplaintStatus]] = {
    "assign_officers": HANDLING_STATES,
    "record_action": HANDLING_STATES,
    "set_disposal": HANDLING_STATES,
    "legal_review": HANDLING_STATES,
    "procedure": HANDLING_STATES,  # 事先告知 … 集体讨论, until the decision is issued
    "extend": INVESTIGATION_STATES,
    "payments": PAYMENT_STATES,  # the plan and the payments made
}


def allowed_steps(status: str, *, decided: bool) -> frozenset[str]:
    """Every step a case in `status` allows: its transitions and its recording steps
    (the procedure before a decision ends once the decision is issued)."""
    steps = {a for a, t in TRANSITIONS.items() if status in t.sources}
    steps |= {step for step, states in RECORDING_STEPS.items() if status in states}
    if decided:
        steps.discard("procedure")
    return frozenset(steps)


STATUS_LABELS: dict[str, tuple[str, str]] = {
    S.RECEIVED: ("已登记待审查", "Registered"),
    S.NEED_CORRECTION: ("待补正", "Awaiting correction"),
    S.NOT_ACCEPTED: ("不予受理", "Not accepted"),
    S.REDIRECTED: ("已告知/转送", "Redirected"),
    S.FILED: ("已立案", "Case opened"),
    S.INVESTIGATING: ("调查中", "Investigating"),
    S.RECTIFICATION_ORDERED: ("限期改正中", "Rectification ordered"),
    S.RECTIFIED: ("已改正", "Rectified"),
    S.NOT_RECTIFIED: ("逾期未改正", "Not rectified"),
    S.ADMIN_DECISION: ("已作出处理决定", "Administrative decision"),
    S.PENALTY: ("已作出处罚决定", "Penalty decision"),
    S.CASE_WITHDRAWN: ("已撤销立案", "Case withdrawn"),
    S.TRANSFERRED: ("已移送", "Transferred"),
    S.CLOSED: ("已结案", "Closed"),
    S.RESULT_NOTIFIED: ("已告知结果", "Result notified"),
    S.ARCHIVED: ("已归档", "Archived"),
}

CHANNEL_LABELS: dict[str, tuple[str, str]] = {
    Channel.VISIT: ("来访", "Visit"),
    Channel.PHONE: ("来电/12345", "Phone / 12345"),
    Channel.LETTER: ("来信", "Letter"),
    Channel.ONLINE: ("网上/根治欠薪线索平台", "Online / wage-arrears platform"),
    Channel.ASSIGNED: ("上级交办", "Assigned from above"),
    Channel.REFERRED: ("部门转办", "Referred by a department"),
    Channel.OTHER: ("其他", "Other"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    ComplaintKind.COMPLAINT: ("投诉", "Complaint"),
    ComplaintKind.REPORT: ("举报", "Report"),
}

ROLE_LABELS: dict[str, tuple[str, str]] = {
    EmployerRole.EMPLOYER: ("用人单位", "Employer"),
    EmployerRole.BUILDER: ("建设单位", "Builder"),
    EmployerRole.GENERAL_CONTRACTOR: ("施工总承包", "General contractor"),
    EmployerRole.SUBCONTRACTOR: ("分包", "Subcontractor"),
    EmployerRole.GANG_MASTER: ("包工头", "Gang master"),
}

DISPOSAL_LABELS: dict[str, tuple[str, str]] = {
    DisposalMethod.ENFORCEMENT: ("行政执法", "Enforcement"),
    DisposalMethod.COORDINATED: ("协调支付", "Coordinated payment"),
    DisposalMethod.POLICE: ("移送公安", "Transferred to the police"),
    DisposalMethod.OTHER: ("其他", "Other"),
}

CLOSURE_LABELS: dict[str, tuple[str, str]] = {
    ClosureKind.PAID: ("欠薪已全部支付", "All wages paid"),
    ClosureKind.NO_VIOLATION: ("查无违法事实", "No violation found"),
    ClosureKind.DECISION: ("已作出处理/处罚决定", "Decision issued"),
    ClosureKind.TRANSFERRED: ("已移送", "Transferred"),
    ClosureKind.WITHDRAWN: ("撤销立案", "Case withdrawn"),
    ClosureKind.OTHER: ("其他", "Other"),
}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    ActionKind.INQUIRY: ("询问", "Inquiry"),
    ActionKind.SITE_INSPECTION: ("现场检查", "Site inspection"),
    ActionKind.RECORDS: ("调取材料", "Records obtained"),
    ActionKind.OTHER: ("其他调查", "Other action"),
    "register": ("登记", "Registered"),
    "assign_officers": ("指派执法人员", "Officers assigned"),
    "extend": ("延长调查期限", "Investigation extended"),
    "disposal": ("确定处置方式", "Disposal method set"),
    "plan": ("制定支付计划", "Payment plan"),
    "payment": ("登记支付", "Payment recorded"),
    "legal_review": ("法制审核", "Legal review"),
    "evidence": ("附加证据材料", "Evidence attached"),
    "publish": ("执法公示", "Published"),
    "procedure_prior_notice": ("事先告知", "Prior notice"),
    "procedure_statement": ("陈述申辩", "Statement and defence"),
    "procedure_hearing_request": ("听证申请", "Hearing request"),
    "procedure_hearing_notice": ("听证通知", "Hearing notice"),
    "procedure_hearing": ("举行听证", "Hearing held"),
    "procedure_collective_discussion": ("集体讨论", "Collective discussion"),
    "service": ("送达", "Served"),
    **{t.action: (t.label_zh, t.label_en) for t in TRANSITIONS.values()},
}

OPINION_LABELS: dict[str, tuple[str, str]] = {
    ReviewOpinion.AGREE: ("同意", "Agree"),
    ReviewOpinion.AMEND: ("修改", "Amend"),
    ReviewOpinion.RETURN: ("退回补充调查", "Return for further investigation"),
}


def label(table: dict[str, tuple[str, str]], value: str | None, language: str = "zh_CN") -> str:
    if value is None:
        return ""
    zh, en = table.get(value, (value, value))
    return en if language == "en" else zh


def status_words(status: str, language: str) -> str:
    """A status carried by a refusal, in words (the complaints area's `message_values`)."""
    return label(STATUS_LABELS, status, language)


def action_words(action: str, language: str) -> str:
    return lifecycle.action_words(TRANSITIONS, action, language)


def closure_words(kind: str, language: str) -> str:
    return label(CLOSURE_LABELS, kind, language)


def value_from_label(table: dict[str, tuple[str, str]], text: str) -> str | None:
    """The code for a label in either language, or the code itself (imports)."""
    wanted = (text or "").strip()
    for code, (zh, en) in table.items():
        if wanted in (str(code), zh, en):
            return str(code)
    return None
