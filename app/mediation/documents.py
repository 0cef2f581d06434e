"""The township mediation documents: 调解协议书 and 终止调解告知书, as editable
drafts laid out like the arbitration documents (app/arbitration/documents.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.arbitration.documents import Draft, document_category
from app.documents.base import chinese_date
from app.errors import UserError
from app.legal.rates import format_yuan
from app.mediation.service import MediationView

DOCUMENTS: dict[str, str] = {
    "agreement": "调解协议书",
    "termination": "终止调解告知书",
}


# When each document fits the case; the case panel offers only these.
READY: dict[str, Callable[[MediationView], bool]] = {
    "agreement": lambda c: c.closure == "agreement",
    "termination": lambda c: c.closure == "failure" or c.status in ("failed", "transferred"),
}


def available_documents(case: MediationView) -> list[str]:
    """The documents that fit the case now, in DOCUMENTS order."""
    return [kind for kind in DOCUMENTS if READY[kind](case)]


def draft(kind: str, case: MediationView, organisation: str, *, today: date | None = None) -> Draft:
    if kind not in DOCUMENTS:
        raise ValueError(kind)
    title = DOCUMENTS[kind]
    if not READY[kind](case):
        raise UserError("document.not_yet", title=title)
    applicant = "、".join(case.names("applicant")) or "（未列明）"
    respondent = "、".join(case.names("respondent")) or "（未列明）"
    organisation = case.organisation or organisation
    if kind == "agreement":
        claims = "；".join(f"{document_category(c.category)}{format_yuan(c.amount_fen)}元" for c in case.claims)
        return Draft(
            kind, title, case.case_no, "",
            (f"申请人：{applicant}。", f"被申请人：{respondent}。",
             f"争议事项：{case.matter or '劳动争议'}（申请人请求：{claims}）。",
             f"双方当事人于{chinese_date(case.received_on)}向本调解组织申请调解。经调解，双方自愿达成如下协议：",
             case.agreement_terms or "",
             f"协议金额合计{format_yuan(case.amount_agreed_fen or 0)}元。",
             "本协议自双方当事人签名或者盖章、调解员签名并加盖调解组织印章之日起生效，对双方当事人具有约束力，当事人应当履行。"
             "因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，"
             "劳动者可以持调解协议书依法向人民法院申请支付令。"),
            organisation, case.agreement_signed_on,
            signatures=("申请人（签名）：", "被申请人（签名或盖章）：", "调解员（签名）："),
        )
    return Draft(
        kind, title, case.case_no, f"{applicant}：",
        (f"你与{respondent}的劳动争议，本调解组织于{chinese_date(case.received_on)}收到调解申请。"
         f"因{case.closure_note or '双方未能达成调解协议'}，现终止调解。",
         "你可以自收到本告知书之日起，依法向劳动人事争议仲裁委员会申请仲裁。"),
        organisation, case.closed_on or today,
    )
