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
from app.kernel.lifecycle import StepField, Transition

S = ComplaintStatus
ComplaintTransition = Transition[ComplaintStatus, ComplaintStatus]
ComplaintStep = Transition[ComplaintStatus, None]  # a step that records on the case without moving it
# Closing, telling the complainant and archiving need 投诉案件结案; every other move 办理.
_CLOSING = frozenset({"close", "notify_result", "archive"})

# The inputs of the steps.  A field's name is the case page's widget that holds it
# (ui/complaints/case_tabs.py); its argument the service method's keyword.
# VERSION: the service method takes the version of the case the clerk saw (the page hands it);
# TODAY: the step is recorded today (no input on the page).
VERSION = StepField("version", "hidden", "Version", "版本")
TODAY = StepField("on", "hidden", "Date:", "日期：")
DECISION_ON = StepField("decision_date", "date", "Date:", "日期：", argument="on")


def _decision_text(keyword: str) -> StepField:
    """受理 tab's one line: the ground of a refusal, where the case is redirected, what must be corrected."""
    return StepField("decision_text", "line", "Ground / to:", "理由/告知或转送至：", argument=keyword)


OFFICERS = (
    VERSION,
    StepField("officer_list", "persons", "Handling officers:", "执法人员：", argument="officer_ids"),
    StepField("officer_date", "date", "From:", "指派日期：", argument="on"),
)


def _decision(kind: StepField) -> tuple[StepField, ...]:
    """行政处理决定 / 行政处罚决定: only the amount its kind carries is read (the page's hook)."""
    return (
        VERSION, kind,
        StepField("decision_issue_date", "date", "Date:", "日期：", argument="on"),
        StepField("decision_facts", "text", "Facts found:", "认定的违法事实：", argument="facts"),
        StepField("decision_basis", "line", "Legal basis:", "法律依据：", argument="basis"),
        StepField("decision_order", "line", "Ordered to:", "责令事项：", required=False, argument="order"),
        StepField("fine_amount", "money", "Fine (yuan):", "罚款（元）：", required=False, argument="fine_fen"),
        StepField("ordered_amount", "money", "Amount ordered to be paid (yuan):", "责令支付金额（元）：",
                  required=False, argument="ordered_fen"),
        StepField("publish", "flag", "To be published", "需公示"),
    )


def _t(action: str, sources: set[ComplaintStatus], target: ComplaintStatus, zh: str, en: str,
       *fields: StepField, apply: str = "") -> ComplaintTransition:
    permission = Permission.COMPLAINT_CLOSE if action in _CLOSING else Permission.COMPLAINT_HANDLE
    return Transition(action, frozenset(sources), target, permission, tuple(fields), apply, label_en=en, label_zh=zh)


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
        _t("request_correction", {S.RECEIVED}, S.NEED_CORRECTION, "通知补正", "Ask for correction",
           VERSION, DECISION_ON, _decision_text("note")),
        _t("corrected", {S.NEED_CORRECTION}, S.RECEIVED, "补正完毕", "Corrected", VERSION, DECISION_ON),
        _t("accept", {S.RECEIVED}, S.FILED, "受理并立案", "Accept and open the case", VERSION, DECISION_ON),
        _t("refuse", {S.RECEIVED, S.NEED_CORRECTION}, S.NOT_ACCEPTED, "不予受理", "Refuse",
           VERSION, DECISION_ON, _decision_text("ground")),
        _t("redirect", {S.RECEIVED, S.NEED_CORRECTION}, S.REDIRECTED, "告知/转送", "Redirect",
           VERSION, DECISION_ON, _decision_text("to")),
        # the first assignment of officers to a filed case starts the investigation
        _t("start_investigation", {S.FILED}, S.INVESTIGATING, "开始调查", "Start the investigation",
           *OFFICERS, apply="assign_officers"),
        _t("order_rectification", {S.INVESTIGATING}, S.RECTIFICATION_ORDERED, "责令限期改正", "Order rectification",
           VERSION, TODAY, StepField("rectify_by", "date", "Rectify by:", "改正期限：")),
        _t("rectified", {S.RECTIFICATION_ORDERED}, S.RECTIFIED, "已改正", "Rectified",
           VERSION, TODAY, apply="mark_rectified"),
        _t("not_rectified", {S.RECTIFICATION_ORDERED}, S.NOT_RECTIFIED, "逾期未改正", "Not rectified",
           VERSION, TODAY, apply="mark_not_rectified"),
        _t("admin_decision", _HANDLING, S.ADMIN_DECISION, "作出行政处理决定", "Issue an administrative decision",
           *_decision(StepField("decision_kind", "hidden", "Decision:", "决定：", default="admin_decision")),
           apply="issue_decision"),
        _t("penalty", _HANDLING, S.PENALTY, "作出行政处罚决定", "Issue a penalty decision",
           *_decision(StepField("decision_kind", "hidden", "Decision:", "决定：", default="penalty")),
           apply="issue_decision"),
        _t("transfer", _HANDLING | {S.RECTIFICATION_ORDERED}, S.TRANSFERRED, "移送", "Transfer",
           VERSION, TODAY, StepField("transfer_to", "line", "Transfer to:", "移送至：", argument="to")),
        _t(
            "withdraw_case",
            {S.FILED, S.INVESTIGATING, S.RECTIFICATION_ORDERED, S.RECTIFIED},
            S.CASE_WITHDRAWN,
            "撤销立案",
            "Withdraw the case",
            VERSION, StepField("on", "date", "Date:", "日期："), StepField("reason", "line", "Reason:", "理由："),
        ),
        _t(
            "close",
            {S.INVESTIGATING, S.RECTIFIED, S.NOT_RECTIFIED, S.ADMIN_DECISION, S.PENALTY, S.TRANSFERRED, S.CASE_WITHDRAWN},
            S.CLOSED,
            "结案",
            "Close",
            VERSION,
            StepField("close_date", "date", "Date:", "结案日期：", argument="on"),
            StepField("closure_kind", "choice", "How:", "结案方式：", argument="kind"),
            StepField("close_reason", "line", "Reason:", "结案理由：", argument="reason"),
        ),
        _t("notify_result", {S.CLOSED}, S.RESULT_NOTIFIED, "告知投诉人处理结果", "Tell the complainant",
           VERSION, TODAY),
        _t("archive", {S.CLOSED, S.RESULT_NOTIFIED}, S.ARCHIVED, "归档", "Archive", VERSION, TODAY),
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



def _step(action: str, sources: frozenset[ComplaintStatus], en: str, zh: str, *fields: StepField, apply: str = "",
          permission: Permission = Permission.COMPLAINT_HANDLE) -> ComplaintStep:
    return Transition(action, sources, None, permission, tuple(fields), apply, label_en=en, label_zh=zh)


_DECISION_KIND = StepField("review_kind", "choice", "Decision:", "决定：", argument="decision_kind")
_PROCEDURE_KIND = StepField("proc_kind", "choice", "Decision:", "决定：", argument="decision_kind")
_PROCEDURE = RECORDING_STEPS["procedure"]
_DECIDED = frozenset({S.ADMIN_DECISION, S.PENALTY, S.CLOSED, S.RESULT_NOTIFIED, S.ARCHIVED})

# The recording steps as the case page runs them (the states are the groups above; a step
# of the procedure, of the payments … is allowed where its group is).  The words are those
# of the case's history (ACTION_LABELS), where it has them.
STEPS: dict[str, ComplaintStep] = lifecycle.table((
    _step("assign_officers", RECORDING_STEPS["assign_officers"], "Officers assigned", "指派执法人员", *OFFICERS),
    _step("record_action", RECORDING_STEPS["record_action"], "Record an investigation step", "登记调查",
          StepField("action_kind", "choice", "Action:", "调查事项：", argument="kind"),
          StepField("action_date", "date", "Date:", "日期：", argument="on"),
          StepField("action_note", "line", "Note:", "说明：", argument="note")),
    _step("set_disposal", RECORDING_STEPS["set_disposal"], "Disposal method set", "确定处置方式",
          VERSION, StepField("disposal", "choice", "Disposal:", "处置方式：", argument="method"),
          StepField("department", "line", "Responsible department:", "责任部门：", required=False), TODAY),
    _step("extend", RECORDING_STEPS["extend"], "Investigation extended", "延长调查期限",
          VERSION, StepField("extension", "int", "Extension (working days):", "延长（工作日）：", argument="days"),
          TODAY, StepField("approver", "line", "Approved by:", "审批人：", argument="approved_by")),
    # one more instalment at the end of the case's plan (一案一策)
    _step("add_instalment", RECORDING_STEPS["payments"], "Payment plan", "制定支付计划",
          VERSION, StepField("plan_worker", "choice", "Worker:", "劳动者：", argument="worker_id"),
          StepField("plan_due", "date", "Due:", "应付日期：", argument="due_on"),
          StepField("plan_amount", "money", "Amount (yuan):", "金额（元）：", argument="amount_fen")),
    _step("record_payment", RECORDING_STEPS["payments"], "Payment recorded", "登记支付",
          StepField("pay_worker", "choice", "Worker:", "劳动者：", argument="worker_id"),
          StepField("pay_date", "date", "Paid on:", "支付日期：", argument="paid_on"),
          StepField("pay_amount", "money", "Amount (yuan):", "金额（元）：", argument="amount_fen"),
          StepField("pay_method", "line", "Method:", "支付方式：", required=False, argument="method")),
    _step("record_review", RECORDING_STEPS["legal_review"], "Legal review", "法制审核",
          StepField("reviewer", "person", "Reviewer:", "审核人：", argument="reviewer_id"),
          _DECISION_KIND, StepField("opinion", "choice", "Opinion:", "审核意见："),
          StepField("review_date", "date", "Date:", "日期：", argument="on"),
          StepField("review_text", "line", "Text:", "审核意见内容：", argument="text"),
          apply="record_legal_review", permission=Permission.LEGAL_REVIEW),
    # 行政处理决定 or 行政处罚决定, as the review's kind says: the transition the service makes
    _step("issue_decision", TRANSITIONS["admin_decision"].sources | TRANSITIONS["penalty"].sources,
          "Issue the decision", "作出决定", *_decision(_DECISION_KIND)),
    # the service refuses it before a decision is issued
    _step("published", _DECIDED, "Published", "执法公示", VERSION, TODAY, apply="record_publication"),
    _step("record_notice", _PROCEDURE, "Prior notice", "事先告知", _PROCEDURE_KIND,
          StepField("notice_date", "date", "Date:", "日期：", argument="on"),
          StepField("notice_content", "line", "Content:", "内容：", argument="content"),
          StepField("notice_fine", "money", "Fine (yuan):", "罚款（元）：", required=False,
                    argument="intended_fine_fen"),
          StepField("notice_serious", "flag", "Another penalty of art 63", "属第六十三条所列其他处罚",
                    argument="other_serious_penalty"),
          StepField("notice_complex", "flag", "Complex or serious case", "情节复杂或者重大", argument="complex_case"),
          apply="record_prior_notice"),
    # a document of the case served (the decision too): the service checks it was issued
    _step("record_service", frozenset(S), "Served", "送达",
          StepField("service_document", "choice", "Document:", "文书：", argument="document"),
          StepField("service_method", "choice", "Method:", "送达方式：", argument="method"),
          StepField("service_date", "date", "Served on:", "送达日期：", argument="served_on"),
          StepField("service_recipient", "line", "Recipient:", "受送达人：", argument="recipient"),
          StepField("service_signed", "flag", "Signed", "已签收", argument="signed"),
          StepField("service_note", "line", "Why not signed:", "未签收的原因：", required=False, argument="note")),
    _step("record_statement", _PROCEDURE, "Statement and defence", "陈述申辩", _PROCEDURE_KIND,
          StepField("statement_date", "date", "Date:", "日期：", argument="on"),
          StepField("statement_waived", "flag", "Waived in writing", "书面放弃", argument="waived"),
          StepField("statement_content", "line", "Content:", "内容：", required=False, argument="content")),
    _step("record_hearing_request", _PROCEDURE, "Hearing request", "听证申请",
          StepField("hearing_request_date", "date", "Date:", "日期：", argument="on"),
          StepField("hearing_waived", "flag", "Hearing waived in writing", "书面放弃听证", argument="waived")),
    _step("record_hearing_notice", _PROCEDURE, "Hearing notice", "听证通知",
          StepField("hearing_notice_date", "date", "Date:", "日期：", argument="on"),
          StepField("hearing_on", "date", "Hearing on:", "听证日期："),
          StepField("hearing_time", "line", "Time:", "时间：", required=False),
          StepField("hearing_place", "line", "Place:", "地点：", argument="place"),
          StepField("hearing_notice_host", "line", "Designated host:", "指定主持人：", required=False,
                    argument="host")),
    _step("record_hearing", _PROCEDURE, "Hearing held", "举行听证",
          StepField("hearing_held_date", "date", "Date:", "日期：", argument="on"),
          StepField("hearing_host", "line", "Host:", "主持人：", argument="host"),
          StepField("hearing_record", "line", "Record:", "听证笔录要点：", argument="record")),
    _step("record_discussion", _PROCEDURE, "Collective discussion", "集体讨论",
          StepField("discussion_date", "date", "Date:", "日期：", argument="on"),
          StepField("discussion_persons", "line", "Persons present:", "参加讨论的负责人：", argument="persons"),
          StepField("discussion_conclusion", "line", "Conclusion:", "讨论结论：", argument="conclusion"),
          apply="record_collective_discussion"),
))


def step(action: str) -> ComplaintTransition | ComplaintStep:
    """A step the case page runs: a transition, or a step that records without moving the case."""
    return TRANSITIONS[action] if action in TRANSITIONS else STEPS[action]


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
