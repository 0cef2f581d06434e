"""Township mediation's life cycle (DOMAIN B §3.3) as data: per action, the statuses that
allow it, its words, the permission it needs and the inputs of its step form, in the
order the case page shows the steps.  `MediationService._act` refuses any other move.
"""

from __future__ import annotations

from app.accounts.permissions import Permission
from app.kernel import lifecycle
from app.kernel.lifecycle import StepField, Transition
from app.mediation.models import MediationStatus

M = MediationStatus
OPEN = frozenset({M.APPLIED, M.ACCEPTED})

MediationTransition = Transition[MediationStatus, MediationStatus | None]

ON = StepField("on", "date", "Date:", "日期：")
REASON = StepField("reason", "text", "Reason:", "理由：")


def _t(action: str, sources: frozenset[MediationStatus], target: MediationStatus | None, en: str, zh: str,
       *fields: StepField) -> MediationTransition:
    return Transition(action, sources, target, Permission.MEDIATION_HANDLE, tuple(fields),
                      label_en=en, label_zh=zh)


def action_words(action: str, language: str) -> str:
    """An action carried by a refusal, in words (the mediation area's `message_values`)."""
    return lifecycle.action_words(TRANSITIONS, action, language)


TRANSITIONS: dict[str, MediationTransition] = lifecycle.table((
    _t("accept", frozenset({M.APPLIED}), M.ACCEPTED, "accept", "受理", ON),
    _t("refuse", frozenset({M.APPLIED}), M.NOT_ACCEPTED, "refuse", "不予受理", ON, REASON),
    _t("record_session", frozenset({M.ACCEPTED}), None, "record a session", "登记调解",
       ON, StepField("note", "text", "Record:", "调解笔录：")),
    _t("agree", frozenset({M.ACCEPTED}), M.AGREED, "record the agreement", "达成调解协议",
       ON, StepField("terms", "text", "Terms of the agreement:", "协议内容："),
       StepField("amount", "money", "Amount agreed (yuan):", "协议金额（元）：", argument="amount_agreed_fen")),
    _t("record_payment", frozenset({M.AGREED}), None, "record a payment", "登记履行",
       ON, StepField("amount", "money", "Amount paid (yuan):", "履行金额（元）：", argument="amount_fen")),
    _t("fail", OPEN, M.FAILED, "close as failed", "调解不成", ON, REASON),
    _t("withdraw", OPEN, M.WITHDRAWN, "withdraw", "撤回申请", ON, REASON),
    _t("transfer_to_arbitration", frozenset({M.FAILED, M.APPLIED, M.ACCEPTED, M.AGREED}), M.TRANSFERRED,
       "transfer to arbitration", "转仲裁", ON),
))
EVENT_LABELS: dict[str, str] = lifecycle.event_labels(TRANSITIONS, "zh_CN", apply="收到调解申请")
EVENT_LABELS_EN: dict[str, str] = lifecycle.event_labels(TRANSITIONS, "en", apply="Application received")
