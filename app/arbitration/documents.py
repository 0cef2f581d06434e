"""The documents (文书) of an arbitration case (DOMAIN B §3.2), as drafts a clerk
can edit before printing.

`draft(kind, case, organisation)` fills a `Draft` from the case: a title, the
case number, the addressee, the body as plain-text paragraphs (the free-text
parts: every paragraph may be edited), optional table rows (an award's
result per claim item), the signature lines and the 落款.  `render(draft,
path)` lays it out on A4 with the shipped font (embedded subset), 落款 after
GB/T 9704, written atomically.  Nothing is stored: a document is the case
seen on paper, printed again from the case at any time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.arbitration.deadlines import shanghai_today
from app.arbitration.service import CATEGORY_LABELS, SERVICE_DOCUMENTS, CaseView
from app.documents.base import (
    PORTRAIT,
    BoldParagraph,
    OfficialDocument,
    chinese_date,
    signature_block,
    text,
)
from app.errors import UserError
from app.legal.rates import format_yuan

SEAL_NOTE = "（印章）"
_GUIZE = "《劳动人事争议仲裁办案规则》"
_FA = "《中华人民共和国劳动争议调解仲裁法》"

DOCUMENTS: dict[str, str] = {
    "acceptance": "受理通知书",
    "refusal": "不予受理通知书",
    "answer_notice": "应诉（答辩）通知书",
    "tribunal": "组庭通知书",
    "hearing": "开庭通知书",
    "extension": "延期审理通知书",
    "suspension": "中止审理决定书",
    "resumption": "恢复审理通知书",
    "award": "仲裁裁决书",
    "award_final": "仲裁裁决书（终局裁决部分）",
    "award_non_final": "仲裁裁决书（非终局裁决部分）",
    "mediation": "仲裁调解书",
    "withdrawal": "撤回仲裁申请决定书",
    "revocation": "撤销案件决定书",
    "termination": "终止审理决定书",
    "service_receipt": "送达回证",
}


@dataclass(frozen=True)
class Draft:
    kind: str
    title: str
    number: str
    addressee: str  # "张伟：" or "" (an award names the parties in its body)
    paragraphs: tuple[str, ...]  # free text, each editable
    organisation: str
    dated: date | None
    table_header: tuple[str, ...] = ()
    table_rows: tuple[tuple[str, ...], ...] = ()
    signatures: tuple[str, ...] = ()  # e.g. 首席仲裁员 王仲裁 (printed above the 落款)
    closing: tuple[str, ...] = ()  # after the 落款 (e.g. 本件与原本核对无异)

    def with_paragraphs(self, paragraphs: Sequence[str]) -> Draft:
        return replace(self, paragraphs=tuple(p for p in (s.strip() for s in paragraphs) if p))

    def editable_text(self) -> str:
        """The free text as the editor shows it: one paragraph per block, blank line between."""
        return "\n\n".join(self.paragraphs)


def _names(case: CaseView, role: str) -> str:
    return "、".join(case.names(role)) or "（未列明）"


def _cause(case: CaseView) -> str:
    return case.cause or "劳动争议"


# What a document calls a claim category where the docket's label is written to be picked from a list:
# the docket says 其他工伤待遇（一次性伤残补助金等） to set it apart from 工伤医疗费 (调解仲裁法 art 47(1));
# an award or a 调解书 names the benefit by its statutory name, 工伤保险待遇 (工伤保险条例 ch. 5), and the
# claim's own description says which one.
_DOCUMENT_LABELS = {"injury": "工伤保险待遇"}


def document_category(category: str) -> str:
    return _DOCUMENT_LABELS.get(category) or CATEGORY_LABELS[category][1]


def _item(c: Any) -> str:
    """The item as the documents name it: its category and, if given, the applicant's own words."""
    return document_category(c.category) + (f"（{c.description}）" if c.description else "")


def _claims_text(case: CaseView) -> str:
    items = [c for c in case.claims if not c.withdrawn]
    return "；".join(
        f"{i}．{_item(c)}"
        + (f"{format_yuan(c.amount_claimed_fen)}元" if c.amount_claimed_fen else "")  # 确认劳动关系: no sum
        for i, c in enumerate(items, 1)
    )


def _event(case: CaseView, kind: str) -> Any:
    found = [e for e in case.events if e.kind == kind]
    return found[-1] if found else None


def _tribunal_line(case: CaseView) -> str:
    t = case.tribunal
    others = [m[1] for m in (t["second"], t["third"]) if m]
    chief = t["chief"][1] if t["chief"] else "（未组庭）"
    if others:
        return f"由仲裁员{chief}担任首席仲裁员，仲裁员{'、'.join(others)}组成仲裁庭"
    return f"由仲裁员{chief}独任仲裁"


def _tribunal_event(case: CaseView) -> Any:
    """The latest forming of the tribunal (组成 or 变更)."""
    found = [e for e in case.events if e.kind in ("form_tribunal", "change_tribunal")]
    return found[-1] if found else None


def _mixed_award(case: CaseView) -> bool:
    """An award with final and non-final items: 规则 art 50 wants them in separate documents."""
    live = [c for c in case.claims if not c.withdrawn]
    return case.closure_method == "award" and any(c.final for c in live) and any(c.final is False for c in live)


# When each document fits the case: what it reports must have happened.  The case page
# offers only these; `draft` refuses the others (document.not_yet).
READY: dict[str, Callable[[CaseView], bool]] = {
    "acceptance": lambda c: c.accepted_on is not None,
    "refusal": lambda c: c.status == "not_accepted",
    "answer_notice": lambda c: c.accepted_on is not None,
    "tribunal": lambda c: _tribunal_event(c) is not None,
    "hearing": lambda c: any(h.status in ("scheduled", "held") for h in c.hearings),
    "extension": lambda c: _event(c, "extend") is not None,
    "suspension": lambda c: _event(c, "suspend") is not None,
    "resumption": lambda c: _event(c, "resume") is not None,
    "award": lambda c: c.closure_method == "award",
    "award_final": _mixed_award,
    "award_non_final": _mixed_award,
    "mediation": lambda c: c.closure_method == "mediation",
    "withdrawal": lambda c: c.closure_method == "withdrawal" or c.status == "withdrawn_before_acceptance",
    "revocation": lambda c: c.closure_method == "revocation",
    "termination": lambda c: c.closure_method == "termination",
    # served once something was decided (accepted, refused …) or something was served
    "service_receipt": lambda c: c.decided_on is not None or bool(c.services),
}


def available_documents(case: CaseView) -> list[str]:
    """The documents that fit the case now, in DOCUMENTS order."""
    return [kind for kind in DOCUMENTS if READY[kind](case)]


def draft(kind: str, case: CaseView, organisation: str, *, today: date | None = None) -> Draft:
    """The document `kind` for `case`, filled in; raises UserError if the case has not got there."""
    if kind not in DOCUMENTS:
        raise ValueError(kind)
    title = DOCUMENTS[kind]
    _need(READY[kind](case), title)
    applicant, respondent, cause = _names(case, "applicant"), _names(case, "respondent"), _cause(case)
    number = case.case_no
    today = today or shanghai_today()

    def make(addressee: str, paragraphs: Sequence[str], dated: date | None, **kw: Any) -> Draft:
        return Draft(kind, title, number, addressee, tuple(paragraphs), organisation, dated, **kw)

    if kind == "acceptance":
        return make(f"{applicant}：", [
            f"你（单位）诉{respondent}{cause}一案的仲裁申请，本委于{chinese_date(case.received_on)}收到。"
            f"经审查，符合受理条件，本委决定立案受理。现将有关事项通知如下：",
            "一、当事人在仲裁活动中享有申请回避、提供证据、进行辩论、请求调解、自行和解等权利，"
            "应当遵守仲裁秩序，如实陈述，按时参加仲裁活动。",
            "二、请于收到本通知书之日起五日内提交身份证明；委托代理人参加仲裁活动的，应当提交授权委托书。",
            "三、当事人对自己提出的主张有责任提供证据，请在举证期限内提交证据材料。",
        ], case.accepted_on)
    if kind == "refusal":
        return make(f"{applicant}：", [
            f"你（单位）于{chinese_date(case.received_on)}提出的仲裁申请（请求事项：{_claims_text(case)}），"
            f"经审查，{(case.refusal_ground or '不符合受理条件').rstrip('。')}。根据{_GUIZE}第三十一条的规定，本委决定不予受理。",
            # 调解仲裁法 art 29 sets no time limit for this suit; none is printed (the worker must not read
            # one into it).  规则 art 31 is the refusal article (art 30 lists the acceptance conditions).
            "根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，申请人可以就该劳动争议事项向人民法院提起诉讼。",
        ], case.decided_on)
    if kind == "answer_notice":
        assert case.accepted_on is not None  # offered only once the case is accepted
        return make(f"{respondent}：", [
            f"{applicant}诉你单位{cause}一案，本委已于{chinese_date(case.accepted_on)}立案受理（案号{number}）。"
            "现将仲裁申请书副本送达你单位，并将有关事项通知如下：",
            "一、请于收到仲裁申请书副本之日起十日内向本委提交答辩书及有关证据；逾期不提交答辩书的，不影响仲裁程序的进行。",
            "二、请提交法定代表人身份证明书；委托代理人参加仲裁活动的，应当提交由法定代表人签名并加盖单位印章的授权委托书。",
            "三、被申请人可以在答辩期间提出反申请。",
        ], case.accepted_on)
    if kind == "tribunal":
        formed = _tribunal_event(case)
        clerk = case.tribunal["clerk"][1] if case.tribunal["clerk"] else ""
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），{_tribunal_line(case)}进行审理，书记员{clerk}。",
            "当事人认为仲裁员有法定回避情形的，有权在首次开庭前以书面形式提出回避申请；回避事由在首次开庭后知道的，"
            "可以在最后一次开庭终结前提出。",
        ], formed.on)
    if kind == "hearing":
        scheduled = [h for h in case.hearings if h.status in ("scheduled", "held")]
        h = scheduled[-1]
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），定于{chinese_date(h.held_on)}"
            f"{h.starts_at.strftime('%H时%M分')}在{h.room}开庭审理，请准时到庭。",
            "申请人收到书面开庭通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；"
            "被申请人收到书面开庭通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决。",
            "当事人有正当理由的，可以在开庭三日前请求延期开庭。是否延期，由本委决定。",
        ], _event(case, "schedule_hearing").on if _event(case, "schedule_hearing") else today)
    if kind == "extension":
        e = _event(case, "extend")
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），因案情复杂，需要延期审理，"
            f"经{e.details.get('approver', '')}批准，审理期限延长{e.details.get('days', '')}日。",
            f"根据{_FA}第四十三条的规定，特此通知。",
        ], e.on)
    if kind == "suspension":
        e = _event(case, "suspend")
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），因{e.details.get('ground', '')}，"
            f"经{e.details.get('approver', '')}批准，根据{_GUIZE}第四十七条的规定，决定本案中止审理。",
            "中止审理的原因消除后，本案恢复审理。中止审理期间不计入审理期限。",
        ], e.on)
    if kind == "resumption":
        e = _event(case, "resume")
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），中止审理的原因已经消除，本案自"
            f"{chinese_date(e.on)}起恢复审理。",
        ], e.on)
    if kind == "award":
        return _award(case, organisation, today)
    if kind in ("award_final", "award_non_final"):
        # 规则 art 50 [M]: final and non-final items are awarded in separate documents
        return replace(_award(case, organisation, today, only_final=kind == "award_final"), kind=kind, title="仲裁裁决书")
    if kind == "mediation":
        items = [c for c in case.claims if c.amount_mediated_fen is not None]
        return make("", [
            f"申请人：{applicant}。", f"被申请人：{respondent}。",
            f"申请人{applicant}与被申请人{respondent}{cause}一案，本委于{chinese_date(case.accepted_on or case.received_on)}"
            f"立案受理，{_tribunal_line(case)}。",
            f"申请人的仲裁请求：{_claims_text(case)}。",
            "经仲裁庭主持调解，双方当事人自愿达成如下协议：",
            *[f"{i}．被申请人向申请人支付"
              f"{_item(c) if c.category in _DOCUMENT_LABELS else document_category(c.category)}"
              f"{format_yuan(c.amount_mediated_fen)}元。"
              for i, c in enumerate(items, 1)],
            "本调解书经双方当事人签收后，即发生法律效力。",
        ], case.closed_on, signatures=_signatures(case))
    if kind == "withdrawal":
        reason = case.closure_note or case.refusal_ground or ""
        closing = [e for e in case.events if e.kind == "close_withdrawal"]
        if closing and closing[-1].details.get("deemed"):
            return replace(make(f"{applicant}：", [
                f"你（单位）诉{respondent}{cause}一案（{number}），本委已向你（单位）书面通知开庭，"
                f"你（单位）{reason}。",
                f"根据{_FA}第三十六条的规定，本案按撤回仲裁申请处理。",
            ], case.closed_on), title="按撤回仲裁申请处理决定书")
        return make(f"{applicant}：", [
            f"你（单位）诉{respondent}{cause}一案{('（' + number + '）') if number else ''}，"
            f"于{chinese_date(case.closed_on or case.decided_on or today)}以{reason}为由申请撤回仲裁申请。",
            "经审查，本委认为，撤回仲裁申请是当事人对自己权利的处分，且不违反法律规定，决定准许撤回。",
        ], case.closed_on or case.decided_on)
    if kind == "revocation":
        return make(f"{applicant}、{respondent}：", [
            f"本委于{chinese_date(case.accepted_on or case.received_on)}受理的{applicant}与{respondent}{cause}一案（{number}），"
            f"经审查，{case.closure_note or ''}。根据{_GUIZE}第三十二条的规定，决定撤销该案件。",
        ], case.closed_on)
    if kind == "termination":
        return make(f"{applicant}、{respondent}：", [
            f"本委受理的{applicant}与{respondent}{cause}一案（{number}），因{case.closure_note or ''}，"
            f"根据{_GUIZE}第四十八条的规定，决定终止审理。",
        ], case.closed_on)
    if kind == "service_receipt":
        rows = tuple(
            (SERVICE_DOCUMENTS.get(s.document, s.document), s.party_name, _METHOD_ZH.get(s.method, s.method),
             chinese_date(s.served_on), "")
            for s in case.services
        ) or (("", "", "", "", ""),)
        return make("", [f"案号：{number or '（未编号）'}", f"案由：{cause}"], None,
                    table_header=("送达文书", "受送达人", "送达方式", "送达日期", "受送达人签名（盖章）"),
                    table_rows=rows, signatures=("送达人：", "签发人："))
    raise ValueError(kind)


_METHOD_ZH = {"direct": "直接送达", "post": "邮寄送达", "electronic": "电子送达", "left_at_address": "留置送达",
              "public_notice": "公告送达"}


def _need(condition: Any, title: str) -> None:
    if not condition:
        raise UserError("document.not_yet", title=title)


def _signatures(case: CaseView) -> tuple[str, ...]:
    t = case.tribunal
    lines = []
    if t["chief"] and (t["second"] or t["third"]):
        lines.append(f"首席仲裁员　{t['chief'][1]}")
        lines += [f"仲　裁　员　{m[1]}" for m in (t["second"], t["third"]) if m]
    elif t["chief"]:
        lines.append(f"仲　裁　员　{t['chief'][1]}")
    if t["clerk"]:
        lines.append(f"书　记　员　{t['clerk'][1]}")
    return tuple(lines)


def _award(case: CaseView, organisation: str, today: date, *, only_final: bool | None = None) -> Draft:
    """The award; `only_final` True/False: the part with the final / the non-final items only."""
    _need(case.closure_method == "award", "仲裁裁决书")
    applicant, respondent, cause = _names(case, "applicant"), _names(case, "respondent"), _cause(case)
    live = [c for c in case.claims if not c.withdrawn and (only_final is None or bool(c.final) == only_final)]
    results: list[str] = []
    n = 0
    for c in live:
        if c.result in ("upheld", "partly_upheld") and c.amount_awarded_fen:
            n += 1
            # 工伤保险待遇 alone does not say which benefit: the item's own words follow it
            name = _item(c) if c.category in _DOCUMENT_LABELS else document_category(c.category)
            results.append(f"{_cn(n)}、被申请人于本裁决生效之日起十日内支付申请人{name}"
                           f"{format_yuan(c.amount_awarded_fen)}元；")
    if any(c.result in ("dismissed", "partly_upheld") for c in live):
        n += 1
        results.append(f"{_cn(n)}、驳回申请人的其他仲裁请求。" if only_final is None
                       else f"{_cn(n)}、驳回申请人本裁决书所涉的其他仲裁请求。")
    final_items = [i for i, c in enumerate(live, 1) if c.final]
    if live and len(final_items) == len(live):
        remedy = [f"本裁决为终局裁决，自作出之日起发生法律效力。劳动者对本裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼。"
                  f"用人单位有证据证明本裁决有{_FA}第四十九条规定情形之一的，可以自收到裁决书之日起三十日内向本委所在地的中级人民法院申请撤销裁决。"]
    elif final_items:
        remedy = [f"本裁决第{'、'.join(_cn(i) for i in final_items)}项所涉请求为终局裁决事项，依照{_FA}第四十七条的规定为终局裁决；"
                  "其余各项为非终局裁决事项（终局裁决事项与非终局裁决事项应分别制作裁决书，请核对后打印）。",
                  "当事人对非终局裁决事项不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，裁决书发生法律效力。"]
    else:
        remedy = ["当事人对本裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力。"]
    hearing = [h for h in case.hearings if h.status == "held"]
    history = (f"申请人{applicant}与被申请人{respondent}{cause}一案，本委于{chinese_date(case.accepted_on or case.received_on)}"
               f"立案受理，{_tribunal_line(case)}" +
               (f"，于{chinese_date(hearing[-1].held_on)}公开开庭进行了审理" if hearing else "") + "。本案现已审理终结。")
    rows = tuple(
        (str(i), document_category(c.category), format_yuan(c.amount_claimed_fen),
         format_yuan(c.amount_awarded_fen or 0), _RESULT_ZH.get(c.result or "", ""), "终局" if c.final else "非终局")
        for i, c in enumerate(live, 1)
    )
    return Draft(
        "award", "仲裁裁决书", case.case_no, "",
        (f"申请人：{applicant}。", f"被申请人：{respondent}。", history,
         f"申请人的仲裁请求：{_claims_text(case)}。" + (
             "" if only_final is None else
             f"本裁决书就其中{'终局' if only_final else '非终局'}裁决事项作出裁决，其余事项另行制作裁决书。"),
         "经审理查明：" + (case.facts or "（请填写仲裁庭查明的争议事实）"),
         "本委认为：（请填写裁决理由及所依据的法律规定）",
         # Art 47 is what makes the items final, so a final award cites it; art 50 is the parties' right to sue
         # on a non-final award, not a ground to decide on, and is not cited as one.
         "综上，依照" + (f"{_FA}第四十七条和" if live and len(final_items) == len(live) else "")
         + "（请填写所依据的实体法律规定）的规定，裁决如下：",
         *results, *remedy),
        organisation, case.closed_on or today,
        table_header=("序号", "请求类别", "请求金额（元）", "裁决金额（元）", "结果", "终局/非终局"),
        table_rows=rows, signatures=_signatures(case),
    )


_RESULT_ZH = {"upheld": "支持", "partly_upheld": "部分支持", "dismissed": "驳回", "withdrawn": "撤回"}


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九十"
    if n <= 10:
        return digits[n]
    if n < 20:
        return "十" + digits[n - 10]
    return str(n)


# ---------------------------------------------------------------- layout


def flowables(d: Draft, styles: dict[str, Any], width: float) -> list[Flowable]:
    out: list[Flowable] = [BoldParagraph(text(d.title), styles["title"])]
    if d.number:
        out.append(Paragraph(text(d.number), styles["right"]))
    out.append(Spacer(1, 4 * mm))
    if d.addressee:
        out.append(Paragraph(text(d.addressee), styles["body_flush"]))
    body = [Paragraph(text(p).replace("\n", "<br/>"), styles["body"]) for p in d.paragraphs]
    # The 落款 never stands alone on a page: the last paragraph (or the table)
    # goes with the signatures and the date.
    tail: list[Flowable] = []
    if d.table_rows:
        out.extend(body)
        tail += [Spacer(1, 3 * mm), _table(d.table_header, d.table_rows, styles, width)]
    else:
        out.extend(body[:-1])
        tail += body[-1:]
    if d.signatures:
        tail.append(Spacer(1, 6 * mm))
        tail += [Paragraph(text(line), styles["right"]) for line in d.signatures]
    if d.dated is not None or d.kind != "service_receipt":
        tail += signature_block(d.organisation, d.dated, styles, space_before=(8 if d.signatures else 18) * mm)
        tail.append(Paragraph(text(SEAL_NOTE), styles["right"]))
    out.append(KeepTogether(tail))
    for line in d.closing:
        out.append(Paragraph(text(line), styles["small"]))
    return out


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], styles: dict[str, Any], width: float) -> Table:
    data = [[Paragraph(text(h), styles["cell_header"]) for h in header]]
    data += [[Paragraph(text(v), styles["cell"]) for v in row] for row in rows]
    n = len(header)
    table = Table(data, colWidths=[width / n] * n, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def render(d: Draft, path: str | os.PathLike[str], *, trace: Any = None) -> int:
    """Write the draft as a PDF (atomically); the number of pages.  `trace`
    (app.kernel.exports.document_trace): the document audits itself, its file carries the anchor."""
    doc = OfficialDocument(title=d.title, layout=PORTRAIT, header_left=d.organisation, header_right=d.number)
    return doc.build(path, flowables(d, doc.styles, PORTRAIT.frame_width), trace=trace, rows=lambda: 1)


__all__ = ["DOCUMENTS", "Draft", "draft", "flowables", "render"]
