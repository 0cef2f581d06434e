"""The arbitration docket's life cycle (DOMAIN B §3.2) as data: per action, the statuses
that allow it, its words, the permission it needs and the inputs of its step form — in
the order the case page shows the steps.  The service (`ArbitrationCaseService._act`)
refuses an action in any other status; the case page offers exactly the allowed ones.

Choice fields declared without choices are filled by the case page from the case (its
parties, claims, the arbitrators, the hearing rooms …).
"""

from __future__ import annotations

from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationStatus
from app.kernel import lifecycle
from app.kernel.lifecycle import StepField, Transition

S = ArbitrationStatus
ACTIVE = frozenset({S.ACCEPTED, S.TRIBUNAL_FORMED, S.HEARING_SCHEDULED, S.HEARD})
BEFORE_DECISION = frozenset({S.RECEIVED, S.AWAITING_CORRECTION})

ArbitrationTransition = Transition[ArbitrationStatus, None]

# The inputs several steps share.
ON = StepField("on", "date", "Date:", "日期：")
REASON = StepField("reason", "text", "Reason:", "理由：")
APPROVER = StepField("approver", "line", "Approved by:", "审批人：")
TRIBUNAL = (
    ON,
    StepField("chief", "person", "Chief / sole arbitrator:", "首席/独任仲裁员：", argument="chief_id"),
    StepField("second", "person", "Arbitrator:", "仲裁员：", required=False, argument="arbitrator_2_id"),
    StepField("third", "person", "Arbitrator:", "仲裁员：", required=False, argument="arbitrator_3_id"),
    StepField("clerk", "person", "Clerk:", "书记员：", argument="clerk_id"),
)
HEARING = (
    StepField("held_on", "date", "Hearing date:", "开庭日期："),
    StepField("starts_at", "time", "From:", "开始时间："),
    StepField("ends_at", "time", "To:", "结束时间：", follows=("starts_at", 120)),
    StepField("room", "choice", "Room:", "仲裁庭："),  # a line to type in when no rooms are kept
)
CLAIM = (
    ON,
    StepField("category", "choice", "Category:", "类别："),
    StepField("description", "line", "Claim:", "请求事项："),
    StepField("amount", "money", "Amount (yuan):", "金额（元）：", required=False),
)
SERVICE_METHOD_CHOICES = (
    ("in person", "直接送达", "direct"),
    ("by post", "邮寄送达", "post"),
    ("electronic", "电子送达", "electronic"),
    ("left at the address", "留置送达", "left_at_address"),
    ("public notice", "公告送达", "public_notice"),
)

# Side events on a running case (DOMAIN B §3.2): on the timeline, no deadline of their own.
SIDE_EVENTS: dict[str, str] = {
    "recusal_request": "回避申请",
    "recusal_decision": "回避决定",
    "jurisdiction_objection": "管辖异议",
    "jurisdiction_decision": "管辖异议处理决定",
    "appraisal": "委托鉴定",
    "investigation": "调查取证",
    "evidence": "举证、质证",
    "other": "其他事项",
}
SIDE_EVENTS_EN: dict[str, str] = {
    "recusal_request": "Request for recusal",
    "recusal_decision": "Decision on recusal",
    "jurisdiction_objection": "Objection to jurisdiction",
    "jurisdiction_decision": "Decision on the objection to jurisdiction",
    "appraisal": "Appraisal commissioned",
    "investigation": "Investigation",
    "evidence": "Evidence produced and examined",
    "other": "Other step",
}


def side_event_label(what: str, language: str) -> str:
    if language == "en":
        return SIDE_EVENTS_EN.get(what, SIDE_EVENTS.get(what, what))
    return SIDE_EVENTS.get(what, what)


def action_words(action: str, language: str) -> str:
    """An action carried by a refusal, in words (the arbitration area's `message_values`)."""
    return lifecycle.action_words(TRANSITIONS, action, language)


def _t(action: str, sources: frozenset[ArbitrationStatus], en: str, zh: str, permission: Permission,
       *fields: StepField, apply: str = "") -> ArbitrationTransition:
    return Transition(action, sources, None, permission, tuple(fields), apply, label_en=en, label_zh=zh)


_R, _H = Permission.ARBITRATION_RECEIVE, Permission.ARBITRATION_HANDLE
_ONLY = frozenset
TRANSITIONS: dict[str, ArbitrationTransition] = lifecycle.table((
    _t("accept", _ONLY({S.RECEIVED}), "accept", "受理", _R, ON),
    _t("request_correction", _ONLY({S.RECEIVED}), "request a correction", "通知补正", _R,
       ON, StepField("note", "text", "What to correct:", "需补正内容：")),
    _t("correct", _ONLY({S.AWAITING_CORRECTION}), "record the correction", "登记补正", _R, ON),
    # only the grounds of 办案规则 art 31 (art 30 items (1)–(3)): the page lists REFUSAL_GROUNDS
    _t("refuse", BEFORE_DECISION, "refuse", "不予受理", _R,
       ON, StepField("ground", "choice", "Ground for refusal:", "不予受理理由："),
       StepField("reason", "text", "Particulars:", "具体情况：", required=False, argument="detail")),
    _t("not_competent", BEFORE_DECISION, "refer to the competent commission", "告知向有管辖权的仲裁委申请", _R,
       ON, StepField("body", "line", "Competent commission:", "有管辖权的仲裁委：", argument="competent_body")),
    _t("withdraw_before_acceptance", BEFORE_DECISION, "withdraw", "撤回申请", _R, ON, REASON),
    _t("form_tribunal", _ONLY({S.ACCEPTED}), "form the tribunal", "组成仲裁庭", _H, *TRIBUNAL),
    # a member replaced (回避决定 …) before the hearing is scheduled
    _t("change_tribunal", _ONLY({S.TRIBUNAL_FORMED}), "change the tribunal", "变更仲裁庭组成", _H, *TRIBUNAL),
    _t("record_service", ACTIVE | {S.SUSPENDED, S.CLOSED}, "record service", "登记送达", _H,
       StepField("on", "date", "Served on:", "送达日期：", argument="served_on"),
       StepField("document", "choice", "Document:", "送达文书："),
       StepField("party", "choice", "Served on party:", "受送达人：", argument="party_id"),
       StepField("method", "choice", "Method:", "送达方式：", choices=SERVICE_METHOD_CHOICES),
       StepField("notice_days", "int", "Public-notice days (not counted):", "公告期间天数（不计入审限）：",
                 required=False)),
    _t("record_answer", ACTIVE, "record the answer", "登记答辩", _H, ON),
    # one date on the form, the hearing's; the step is recorded today
    _t("schedule_hearing", _ONLY({S.TRIBUNAL_FORMED, S.HEARING_SCHEDULED, S.HEARD}), "schedule a hearing", "安排开庭", _H,
       StepField("on", "hidden", "Date:", "日期："), *HEARING),
    _t("postpone_hearing", _ONLY({S.HEARING_SCHEDULED}), "postpone the hearing", "延期开庭", _H,
       StepField("on", "date", "Postponed on:", "决定延期日期："), REASON, *HEARING),
    _t("hold_hearing", _ONLY({S.HEARING_SCHEDULED}), "record the hearing", "登记开庭", _H, ON),
    _t("suspend", ACTIVE, "suspend", "中止审理", _H, ON, StepField("ground", "text", "Ground:", "中止事由："), APPROVER),
    _t("resume", _ONLY({S.SUSPENDED}), "resume", "恢复审理", _H, ON),
    _t("extend", ACTIVE, "extend the period", "延长审理期限", _H,
       ON, StepField("days", "int", "Extension (days, at most 15):", "延长天数（不超过15日）：", default=15),
       APPROVER, StepField("reason", "text", "Reason:", "理由：", required=False)),
    _t("convert_procedure", ACTIVE, "change the procedure", "转换程序", _H,
       ON, StepField("procedure", "choice", "Procedure:", "程序：")),
    _t("add_party", ACTIVE, "add a party", "追加当事人", _H,
       ON, StepField("party", "party", "Party (from the register):", "当事人（从当事人库选择）：", argument="party_id"),
       StepField("role", "choice", "As:", "地位：", default="third_party")),
    _t("change_claims", ACTIVE, "change the claims", "增加或变更仲裁请求", _H, *CLAIM),
    # a claim entered (or classified by migration 0016) under the wrong category, put right before the award
    _t("correct_claim_category", BEFORE_DECISION | ACTIVE | {S.SUSPENDED}, "correct a claim's category",
       "更正请求类别", _H,
       ON, StepField("claim", "choice", "Claim:", "请求事项：", argument="claim_id"),
       StepField("category", "choice", "Correct category:", "更正为："), REASON),
    _t("join_counterclaim", ACTIVE, "join a counter-claim", "受理反申请并合并审理", _H, *CLAIM, apply="change_claims"),
    # the award and the mediation statement add one amount (and result) per live claim: the page adds them
    _t("close_award", _ONLY({S.HEARD}), "close by award", "裁决结案", _H, ON),
    _t("close_mediation", ACTIVE, "close by mediation", "调解结案", _H, ON),
    _t("close_withdrawal", ACTIVE | {S.SUSPENDED}, "close by withdrawal", "撤回结案", _H,
       ON, StepField("deemed", "choice", "Withdrawal:", "撤回方式：",
                     choices=(("the applicant withdrew", "申请人申请撤回", False),
                              ("deemed withdrawn (absent without cause)", "按撤回处理（无正当理由拒不到庭）", True))),
       REASON),
    _t("revoke", ACTIVE | {S.SUSPENDED}, "revoke the case", "撤销案件", _H, ON, REASON),
    _t("terminate", ACTIVE | {S.SUSPENDED}, "terminate", "终止审理", _H, ON, REASON),
    _t("transfer_out", ACTIVE, "transfer", "移送管辖", _H,
       ON, StepField("body", "line", "Transferred to:", "移送至：", argument="to_body")),
    _t("record_side_event", ACTIVE | {S.SUSPENDED}, "record another step", "登记其他事项", _H,
       ON, StepField("what", "choice", "What:", "事项：",
                     choices=tuple((SIDE_EVENTS_EN[k], SIDE_EVENTS[k], k) for k in SIDE_EVENTS)),
       StepField("note", "text", "Note:", "说明：", required=False)),
))
EVENT_LABELS: dict[str, str] = lifecycle.event_labels(TRANSITIONS, "zh_CN", receive="收到仲裁申请")
EVENT_LABELS_EN: dict[str, str] = lifecycle.event_labels(TRANSITIONS, "en", receive="Application received")
