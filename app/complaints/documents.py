"""The documents of a complaint case (DOMAIN B §3.1), filled from the case:

- 投诉（举报）登记表   — internal form (complainant masked; a report's reporter withheld
                          unless the reader may see it — the detail already says so)
- 不予受理投诉通知书   — to the complainant
- 立案审批表           — internal approval form (officers with certificate numbers)
- 劳动保障监察限期改正指令书 — to the EMPLOYER: never names the complainant or reporter
                          (条例 art 9); workers by name and amount only
- 劳动保障监察行政处理决定书 / 行政处罚决定书 — to the EMPLOYER, the same way: the fields
                          of 行政处罚法 art 59 (DOMAIN B §3.1): party and address, facts,
                          basis, what is ordered / the fine (with the amount in capitals),
                          how to perform, the remedy periods (I11: 复议 60 days, 诉讼 6 months)
- 事先告知书, 陈述申辩记录, 听证通知书, 听证笔录, 集体讨论记录 — the procedure before a decision
                          (行政处罚法 arts 44–45, 57 ¶2, 63–65; see app/complaints/procedure.py)
- 送达回证             — one form per recorded service
- 结案审批表           — internal form with amounts ordered, actually recovered and fined

A4 portrait, the shipped font (embedded subset), the number in the 〔2023〕
style, 落款 after GB/T 9704 and a seal note.  Written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.procedure import Procedure
from app.complaints.service import ComplaintDetail, EmployerLine
from app.documents.base import (
    PORTRAIT,
    BoldParagraph,
    OfficialDocument,
    chinese_date,
    signature_block,
    text,
)
from app.legal.rates import format_yuan, yuan_in_words

DOCUMENTS: dict[str, str] = {
    "registration": "投诉（举报）登记表",
    "refusal": "不予受理投诉通知书",
    "filing": "立案审批表",
    "rectification": "劳动保障监察限期改正指令书",
    "prior_notice": "事先告知书",
    "statement": "陈述申辩记录",
    "hearing_notice": "听证通知书",
    "hearing_record": "听证笔录",
    "discussion": "集体讨论记录",
    "admin_decision": "劳动保障监察行政处理决定书",
    "penalty": "劳动保障监察行政处罚决定书",
    "service_receipt": "送达回证",
    "closure": "结案审批表",
}
SEAL_NOTE = "（印章）"
# Who an order or decision is addressed to: whoever pays the workers (not the 建设单位).
_PAYING_ROLES = ("employer", "subcontractor", "general_contractor", "gang_master")
BLANK = "_" * 16  # filled in by hand where the register lacks the fact


def remedy_clause(document: str, org: dict[str, str] | None = None) -> str:
    """The remedy clause: the route and the time (行政处罚法 art 59(5)).

    复议 within 60 days (行政复议法 2023 art 20) to the people's government at the bureau's level (art 24(1),
    since 2024-01-01), 诉讼 within 6 months (行政诉讼法 art 46) in the court where the bureau sits (art 18).
    Both bodies are the settings ``organisation.review_authority`` / ``organisation.court``.
    """
    org = org or {}
    authority = org.get("review_authority") or "本级人民政府"
    court = org.get("court") or "本机关所在地基层人民法院"
    return (
        f"如不服本决定，可以在收到{document}之日起六十日内向{authority}申请行政复议，"
        f"或者在六个月内依法向{court}提起行政诉讼。"
    )


def _label(table: dict[str, tuple[str, str]], value: str | None) -> str:
    return rules.label(table, value, "zh_CN")


def _form_table(rows: Sequence[tuple[str, Any]], styles: dict[str, Any], width: float) -> Table:
    """A two-column bordered form: label | value (values may span lines)."""
    label_w = 30 * mm
    data = [
        [Paragraph(text(label), styles["cell_center"]), Paragraph(text(value).replace("\n", "<br/>"), styles["cell"])]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _grid(header: Sequence[str], rows: Sequence[Sequence[Any]], styles: dict[str, Any], widths: Sequence[float]) -> Table:
    data = [[Paragraph(text(h), styles["cell_header"]) for h in header]]
    for row in rows:
        data.append(
            [
                Paragraph(text(v), styles["cell_right"] if isinstance(v, str) and v[:1].isdigit() and "." in v else styles["cell"])
                for v in row
            ]
        )
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _employers(d: ComplaintDetail) -> str:
    return "\n".join(
        f"{e.name}（{_label(rules.ROLE_LABELS, e.role)}）" + (f" 统一社会信用代码：{e.uscc}" if e.uscc else "")
        for e in d.employers
    )


def _officers(d: ComplaintDetail) -> str:
    if not d.officers:
        return "（尚未指派）"
    return "\n".join(
        f"{o.name}{'（主办）' if o.lead else '（协办）'} 执法证号：{o.certificate_no or '—'}" for o in d.officers
    )


def _approval(styles: dict[str, Any], width: float, rows: Sequence[str] = ("承办人意见", "负责人审批意见")) -> Table:
    return _form_table([(r, "\n\n签名：" + "_" * 18 + "　日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日") for r in rows], styles, width)


def _addressed(d: ComplaintDetail) -> list[EmployerLine]:
    return [e for e in d.employers if e.role in _PAYING_ROLES] or list(d.employers[:1])


def _addressee(d: ComplaintDetail) -> str:
    return "、".join(e.name for e in _addressed(d))


def _party_lines(d: ComplaintDetail, label: str) -> list[str]:
    """The party a decision is against, as 行政处罚法 art 59 wants it: name and address."""
    lines = []
    for e in _addressed(d):
        lines += [
            f"{label}：{e.name}",
            f"统一社会信用代码：{e.uscc or BLANK}",
            f"法定代表人（负责人）：{e.legal_rep or BLANK}",
            f"住所：{e.address or BLANK}",
        ]
    return lines


def _heading(doc: OfficialDocument, title: str, number: str) -> list[Flowable]:
    st = doc.styles
    parts: list[Flowable] = [BoldParagraph(text(title), st["title"])]
    if number:
        parts.append(Paragraph(text(number), st["subtitle"]))
    parts.append(Spacer(1, 4 * mm))
    return parts


def _story_registration(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    complainant = "匿名" if d.anonymous else (d.complainant or "—")
    if d.complainant_id_no:
        complainant += f"　身份证号：{d.complainant_id_no}"
    if d.complainant_phone:
        complainant += f"　电话：{d.complainant_phone}"
    rows = [
        ("登记号", d.number),
        ("类别/来源", f"{_label(rules.KIND_LABELS, d.kind)}　{_label(rules.CHANNEL_LABELS, d.channel)}"),
        ("接收时间", d.received_at.astimezone(_shanghai()).strftime("%Y年%m月%d日 %H:%M")),
        ("接收人", d.received_by),
        ("投诉（举报）人", complainant),
        ("被投诉单位", _employers(d)),
        ("在建项目", d.project or "—"),
        ("涉及人数/金额", f"{len(d.workers)}人，其中农民工{sum(1 for w in d.workers if w.is_migrant_worker)}人；"
                     f"欠薪合计{format_yuan(d.owed_fen)}元"),
        ("投诉事项", d.matters),
        ("请求事项", d.requests or "—"),
        ("证据材料", d.evidence or "—"),
    ]
    story = [*_heading(doc, DOCUMENTS["registration"], ""), _form_table(rows, st, width), Spacer(1, 4 * mm)]
    story.append(
        _grid(
            ["序号", "姓名", "身份证号", "农民工", "欠薪金额（元）"],
            [[i + 1, w.name, w.id_no, "是" if w.is_migrant_worker else "否", format_yuan(w.owed_fen)]
             for i, w in enumerate(d.workers)],
            st, [12 * mm, 30 * mm, 50 * mm, 18 * mm, width - 110 * mm],
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(_approval(st, width, ("审查意见",)))
    story.append(Paragraph(text("注：举报人的身份依法保密（《劳动保障监察条例》第九条）。个人信息已按规定脱敏。"), st["note"]))
    return story


def _story_refusal(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st = doc.styles
    name = "匿名投诉人" if d.anonymous else (d.complainant or "投诉人")
    employer = "、".join(e.name for e in d.employers)
    body = (
        f"你（单位）于{chinese_date(d.received_on)}向本机关投诉{employer}{d.matters.rstrip('。')}一案，"
        f"经审查，{d.decision_ground.rstrip('。') or '不符合受理条件'}。"
        "根据《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，本机关决定不予受理。"
    )
    remedy = remedy_clause("本通知书", org)
    return [
        *_heading(doc, "不予受理投诉通知书", d.number),
        Paragraph(text(f"{name}："), st["body_flush"]),
        Paragraph(text(body), st["body"]),
        Paragraph(text(remedy), st["body"]),
        *signature_block(org["bureau"], d.decided_on or on, st),
        Paragraph(text(SEAL_NOTE), st["right"]),
    ]


def _story_filing(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    rows = [
        ("立案号", d.case_no or "（尚未立案）"),
        ("案件来源", f"{_label(rules.KIND_LABELS, d.kind)}（{_label(rules.CHANNEL_LABELS, d.channel)}），登记号{d.number}"),
        ("当事人（单位）", _employers(d)),
        ("涉及劳动者", f"{len(d.workers)}人，欠薪合计{format_yuan(d.owed_fen)}元"),
        ("简要案情", d.matters),
        ("承办人员", _officers(d)),
        ("受理（立案）日期", chinese_date(d.filed_on) if d.filed_on else "—"),
    ]
    return [
        *_heading(doc, DOCUMENTS["filing"], d.case_no),
        _form_table(rows, st, width),
        Spacer(1, 4 * mm),
        _approval(st, width),
        Paragraph(text("注：承办人员不少于二人，均持有效执法证件（《劳动保障监察条例》第十六条）。审批日期即立案日期。"), st["note"]),
    ]


def _wage_norms(d: ComplaintDetail, owed: Sequence[Any]) -> str:
    """The norms an unpaid wage breaks: 劳动法 art 50 (wages paid monthly, not withheld or delayed) and
    劳动合同法 art 30 (paid in full and on time) for every worker; 保障农民工工资支付条例 art 3 ¶1 only when
    migrant workers are owed (the 条例 covers 农民工, art 2), and its art 30 (the subcontractor's direct
    responsibility, the general contractor paying first) only on a construction project whose paying
    party is a subcontractor or the general contractor.  The 劳动保障监察条例 is the power to order
    (art 26), cited in the order, not a norm the employer broke."""
    norms = ["《中华人民共和国劳动法》第五十条", "《中华人民共和国劳动合同法》第三十条"]
    if any(w.is_migrant_worker for w in owed):
        article = "第三条第一款"
        roles = {e.role for e in _addressed(d)}
        if d.project_id is not None and roles & {"subcontractor", "general_contractor"}:
            article += "、第三十条"
        norms.append(f"《保障农民工工资支付条例》{article}")
    return "、".join(norms)


def _story_rectification(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """Goes to the employer: nothing about the complainant or reporter."""
    st, width = doc.styles, doc.layout.frame_width
    addressee = _addressee(d)
    # What was still owed on the day of the order (payments made later do not change the order).
    ordered_on = d.rectification_ordered_on or on
    paid_before = {w.id: sum(p.amount_fen for p in d.payments if p.worker_id == w.id and p.paid_on < ordered_on)
                   for w in d.workers}
    owed_then = {w.id: w.owed_fen - paid_before[w.id] for w in d.workers}
    outstanding = [w for w in d.workers if owed_then[w.id] > 0]
    total = sum(owed_then[w.id] for w in outstanding)
    due = chinese_date(d.rectification_due) if d.rectification_due else "　　年　　月　　日"
    facts = (
        f"经查，你单位存在拖欠{len(outstanding)}名劳动者工资的行为，合计{format_yuan(total)}元，"
        f"违反了{_wage_norms(d, outstanding)}的规定。"
    )
    order = (
        f"根据《劳动保障监察条例》第二十六条的规定，现责令你单位于{due}前改正，"
        f"向下列劳动者足额支付所欠工资{format_yuan(total)}元，并将改正情况书面报送本机关。"
    )
    warning = (
        "逾期不改正的，本机关将依法责令你单位按照应付金额百分之五十以上一倍以下的标准加付赔偿金，"
        "并依照《劳动保障监察条例》第三十条等规定依法处理。"
    )
    return [
        *_heading(doc, DOCUMENTS["rectification"], d.rectification_no),
        Paragraph(text(f"{addressee}："), st["body_flush"]),
        Paragraph(text(facts), st["body"]),
        Paragraph(text(order), st["body"]),
        _grid(
            ["序号", "姓名", "应付金额（元）"],
            [[i + 1, w.name, format_yuan(owed_then[w.id])] for i, w in enumerate(outstanding)],
            st, [15 * mm, 50 * mm, width - 65 * mm],
        ),
        Spacer(1, 3 * mm),
        Paragraph(text(warning), st["body"]),
        *signature_block(org["bureau"], d.rectification_ordered_on or on, st),
        Paragraph(text(SEAL_NOTE), st["right"]),
    ]


def _facts_sentence(facts: str) -> str:
    """经查，… once: a clerk's text that already begins with 经查 keeps its own words."""
    facts = facts.strip().rstrip("。；;") or "（请填写违法事实）"
    for lead in ("经查明", "经查"):
        if facts.startswith(lead):
            rest = facts.removeprefix(lead).lstrip("，,：: ")
            return f"{lead}，{rest}。"
    return f"经查，你单位存在以下违法事实：{facts}。"


def _decision_intro(d: ComplaintDetail) -> list[str]:
    filed = f"于{chinese_date(d.filed_on)}" if d.filed_on else ""
    case = f"（立案号：{d.case_no}）" if d.case_no else ""
    return [
        f"本机关{filed}对你单位涉嫌违反劳动保障法律、法规的行为立案调查{case}。",
        _facts_sentence(d.decision_facts),
    ]


def _evidence(doc: OfficialDocument, d: ComplaintDetail) -> list[Flowable]:
    """The evidence the facts rest on (行政处罚法 art 59(2)), from the case's evidence records."""
    st, width = doc.styles, doc.layout.frame_width
    if not d.evidence_files:
        listed = d.evidence.strip() or "（本案未登记证据材料）"
        return [Paragraph(text(f"上述事实有以下证据证明：{listed.rstrip('。')}。"), st["body"])]
    return [
        Paragraph(text("上述事实有以下证据证明："), st["body"]),
        _grid(["序号", "证据名称", "证据种类", "取得日期"],
              [[i + 1, e.name, e.kind, chinese_date(e.added_on)] for i, e in enumerate(d.evidence_files)],
              st, [15 * mm, width - 95 * mm, 40 * mm, 40 * mm]),
        Spacer(1, 3 * mm),
    ]


def recital(proc: Procedure) -> str:
    """The sentence of the decision that recites the procedure and its dates."""
    if proc.notice is None:
        return ""
    notice = proc.notice
    served = f"并于{chinese_date(proc.served_on)}送达" if proc.served_on else ""
    rights = "陈述、申辩和要求听证的权利" if proc.hearing_offered else "陈述、申辩的权利"
    parts = [
        f"本机关于{chinese_date(notice.occurred_on)}向你单位制发《{'行政处罚' if proc.kind == 'penalty' else '行政处理'}"
        f"事先告知书》（{notice.number}）{served}，告知你单位拟作出{procedure_rules.decision_label(proc.kind)}的事实、理由、依据"
        f"及你单位依法享有的{rights}"
    ]
    s = proc.statement
    if s is None:
        parts.append("你单位在规定期限内未提出陈述、申辩")
    elif s.waived:
        parts.append(f"你单位于{chinese_date(s.occurred_on)}书面表示放弃陈述、申辩")
    else:
        parts.append(f"你单位于{chinese_date(s.occurred_on)}提出陈述、申辩，本机关已予复核")
    if proc.hearing_offered:
        r = proc.hearing_request
        if r is None:
            parts.append("在规定期限内未要求听证")
        elif r.waived:
            parts.append(f"于{chinese_date(r.occurred_on)}书面放弃听证")
        else:
            text = f"于{chinese_date(r.occurred_on)}要求听证"
            hn = proc.hearing_notice
            if hn is not None and hn.number:
                text += f"，本机关于{chinese_date(hn.occurred_on)}制发《听证通知书》（{hn.number}）"
                if proc.hearing_notice_served_on is not None:
                    text += f"并于{chinese_date(proc.hearing_notice_served_on)}送达"
            if proc.hearing is not None:
                text += (f"，{'' if hn is not None and hn.number else '本机关'}于{chinese_date(proc.hearing.occurred_on)}"
                         f"依法举行了听证（主持人：{proc.hearing.persons}）")
            parts.append(text)
    if proc.discussion is not None:
        parts.append(f"本案经本机关负责人于{chinese_date(proc.discussion.occurred_on)}集体讨论决定")
    return "，".join(parts) + "。"




def _basis(d: ComplaintDetail) -> str:
    """依据…，: the basis as typed, without a leading 依据/根据 or the final full stop."""
    basis = d.decision_basis.strip().rstrip("。；;，,")
    for word in ("依据", "根据", "依照"):
        basis = basis.removeprefix(word)
    return basis or "（请填写处理或处罚依据）"


def _decision_tail(
    doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date, last: list[Flowable]
) -> list[Flowable]:
    """The last paragraphs, the 落款 and the seal note kept on one page."""
    st = doc.styles
    return [KeepTogether([*last, *signature_block(org["bureau"], d.decision_issued_on or on, st),
                          Paragraph(text(SEAL_NOTE), st["right"])])]


def _amount(fen: int) -> str:
    return f"人民币{format_yuan(fen)}元（大写：{yuan_in_words(fen)}）"


def _story_admin_decision(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """行政处理决定书, to the employer: nothing about the complainant; workers by name and amount only."""
    st, width = doc.styles, doc.layout.frame_width
    order = d.decision_order.rstrip("。；;") or "（请填写责令事项）"
    story: list[Flowable] = [*_heading(doc, DOCUMENTS["admin_decision"], d.decision_no)]
    story += [Paragraph(text(line), st["body_flush"]) for line in _party_lines(d, "被处理单位")]
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(text(p), st["body"]) for p in _decision_intro(d)]
    story += _evidence(doc, d)
    if recited := recital(d.procedure("admin_decision")):
        story.append(Paragraph(text(recited), st["body"]))
    story.append(Paragraph(text(f"依据{_basis(d)}，本机关决定：{order}。"), st["body"]))
    if d.ordered_fen is not None:
        story.append(Paragraph(text(f"责令你单位支付的金额合计{_amount(d.ordered_fen)}。"), st["body"]))
        # What each worker was still owed on the day of the decision (names and amounts only).
        issued = d.decision_issued_on or on
        owed = [(w.name, w.owed_fen - sum(p.amount_fen for p in d.payments if p.worker_id == w.id
                                          and p.paid_on <= issued)) for w in d.workers]
        owed = [(name, fen) for name, fen in owed if fen > 0]
        if owed:
            story.append(Paragraph(text("截至本决定作出之日，你单位尚欠下列劳动者工资："), st["body"]))
            story.append(_grid(["序号", "姓名", "尚欠工资（元）"],
                               [[i + 1, name, format_yuan(fen)] for i, (name, fen) in enumerate(owed)],
                               st, [15 * mm, 50 * mm, width - 65 * mm]))
            story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(text(
        "你单位应当按照本决定确定的期限履行，并将履行情况书面报送本机关。"
        "逾期不履行的，本机关将依法申请人民法院强制执行。"), st["body"]))
    remedy = "你单位" + remedy_clause("本决定书", org) + "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。"
    return [*story, *_decision_tail(doc, d, org, on, [Paragraph(text(remedy), st["body"])])]


def _story_penalty(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """行政处罚决定书, to the employer (行政处罚法 art 59); nothing about the complainant."""
    st = doc.styles
    fine = d.fine_fen or 0
    items = []
    if fine > 0:
        items.append(f"罚款{_amount(fine)}")
    if d.decision_order:
        items.append(d.decision_order.rstrip("。；;"))
    if not items:
        items.append("（请填写处罚内容）")
    story: list[Flowable] = [*_heading(doc, DOCUMENTS["penalty"], d.decision_no)]
    story += [Paragraph(text(line), st["body_flush"]) for line in _party_lines(d, "被处罚单位")]
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(text(p), st["body"]) for p in _decision_intro(d)]
    story += _evidence(doc, d)
    if recited := recital(d.procedure("penalty")):
        story.append(Paragraph(text(recited), st["body"]))
    if len(items) == 1:
        story.append(Paragraph(text(f"依据{_basis(d)}，本机关决定对你单位作出如下行政处罚：{items[0]}。"), st["body"]))
    else:
        story.append(Paragraph(text(f"依据{_basis(d)}，本机关决定对你单位作出如下行政处罚："), st["body"]))
        numbers = "一二三四五六七八九十"
        story += [Paragraph(text(f"{numbers[i]}、{item}{'。' if i == len(items) - 1 else '；'}"), st["body"])
                  for i, item in enumerate(items[:10])]
    if fine > 0:
        story.append(Paragraph(text(
            "你单位应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。"
            "逾期不缴纳罚款的，本机关将每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额，"
            "并依法申请人民法院强制执行。"), st["body"]))
    remedy = "你单位" + remedy_clause("本决定书", org) + "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。"
    return [*story, *_decision_tail(doc, d, org, on, [Paragraph(text(remedy), st["body"])])]


def _story_closure(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    paid_workers = [w for w in d.workers if w.recovered_fen > 0]
    if d.decision_kind and d.decision_no:
        decision = f"{rules.label(rules.ACTION_LABELS, d.decision_kind).removeprefix('作出')} {d.decision_no}"
        if d.decision_issued_on:
            decision += f"（{chinese_date(d.decision_issued_on)}）"
        if d.ordered_fen is not None:
            decision += f"，责令支付{format_yuan(d.ordered_fen)}元"
    else:
        decision = "—"
    fine = (f"{format_yuan(d.fine_fen)}元（{d.decision_no}）"
            if d.decision_kind == "penalty" and d.fine_fen is not None else "—")
    rows = [
        ("立案号", d.case_no or "—"),
        ("当事人（单位）", _employers(d)),
        ("承办人员", _officers(d)),
        ("处置方式", _label(rules.DISPOSAL_LABELS, d.disposal_method) or "—"),
        ("责令支付金额", f"{format_yuan(d.owed_fen)}元"),
        ("实际追回金额", f"{format_yuan(d.recovered_fen)}元"),
        ("获支付人数", f"{len(paid_workers)}人，其中农民工{sum(1 for w in paid_workers if w.is_migrant_worker)}人"),
        ("处理/处罚决定", decision),
        ("罚款", fine),
        ("结案方式", _label(rules.CLOSURE_LABELS, d.closure_kind) or "—"),
        ("结案理由", d.close_reason or "—"),
        ("结案日期", chinese_date(d.closed_on) if d.closed_on else "—"),
    ]
    return [
        *_heading(doc, DOCUMENTS["closure"], d.case_no),
        _form_table(rows, st, width),
        Spacer(1, 4 * mm),
        _grid(
            ["姓名", "欠薪金额（元）", "已支付（元）", "尚欠（元）"],
            [[w.name, format_yuan(w.owed_fen), format_yuan(w.recovered_fen), format_yuan(w.outstanding_fen)]
             for w in d.workers],
            st, [40 * mm, (width - 40 * mm) / 3, (width - 40 * mm) / 3, (width - 40 * mm) / 3],
        ),
        Spacer(1, 4 * mm),
        _approval(st, width),
    ]


def _latest_notice_kind(d: ComplaintDetail) -> str:
    notices = [s for s in d.steps if s.step == "prior_notice"]
    return notices[-1].decision_kind if notices else "penalty"


def _story_prior_notice(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """行政处罚（处理）事先告知书 (行政处罚法 arts 44, 63–64; 若干规定 art 34), to the employer."""
    st = doc.styles
    proc = d.procedure(_latest_notice_kind(d))
    notice = proc.notice
    if notice is None:
        return [*_heading(doc, "事先告知书", ""), Paragraph(text("（尚未登记事先告知）"), st["body"])]
    penalty = proc.kind == "penalty"
    title = "行政处罚事先告知书" if penalty else "行政处理事先告知书"
    rights = (
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利"
        if penalty else
        "根据《劳动保障监察条例》第十九条、《关于实施〈劳动保障监察条例〉若干规定》第三十四条的规定，你单位享有陈述、申辩的权利"
    )
    # I5b: five working days from service (the program's choice; see the rule's basis).
    defence = f"{rights}，可以自收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。"
    story: list[Flowable] = [
        *_heading(doc, title, notice.number),
        Paragraph(text(f"{_addressee(d)}："), st["body_flush"]),
        Paragraph(text(f"本机关于{chinese_date(d.filed_on)}对你单位涉嫌违反劳动保障法律、法规的行为立案调查"
                       f"（立案号：{d.case_no}）。" if d.filed_on else "本机关对你单位涉嫌违反劳动保障法律、法规的行为进行了调查。"),
                  st["body"]),
        Paragraph(text(f"本机关拟对你单位作出{procedure_rules.decision_label(proc.kind)}：{notice.content.rstrip('。')}。"
                       + (f"拟处罚款{_amount(notice.intended_fine_fen)}。" if penalty and notice.intended_fine_fen else "")),
                  st["body"]),
        Paragraph(text(defence), st["body"]),
    ]
    if proc.hearing_offered:
        story.append(Paragraph(text(
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求举行听证的权利。"
            "如要求听证，应当自收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。"
            "当事人不承担行政机关组织听证的费用。"), st["body"]))
    story += [*signature_block(org["bureau"], notice.occurred_on, st), Paragraph(text(SEAL_NOTE), st["right"])]
    return story


def _step_form(doc: OfficialDocument, d: ComplaintDetail, title: str, rows: Sequence[tuple[str, Any]],
               note: str = "") -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    story: list[Flowable] = [
        *_heading(doc, title, d.case_no),
        _form_table([("当事人（单位）", _employers(d)), *rows], st, width),
        Spacer(1, 4 * mm),
        _form_table([("签名", "\n\n" + "_" * 18 + "　日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日")],
                    st, width),
    ]
    if note:
        story.append(Paragraph(text(note), st["note"]))
    return story


def _story_statement(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    proc = d.procedure(_latest_notice_kind(d))
    s = proc.statement
    if proc.notice is None or s is None:
        return [*_heading(doc, "陈述申辩记录", d.case_no), Paragraph(text("（尚未登记陈述申辩）"), doc.styles["body"])]
    return _step_form(doc, d, "陈述申辩记录", [
        ("事先告知书", f"{proc.notice.number}（{chinese_date(proc.notice.occurred_on)}制发"
                       + (f"，{chinese_date(proc.served_on)}送达）" if proc.served_on else "）")),
        ("日期", chinese_date(s.occurred_on)),
        ("陈述申辩情况", "当事人书面表示放弃陈述、申辩的权利。" if s.waived else "当事人提出陈述、申辩。"),
        ("陈述申辩内容", s.content or ("—" if s.waived else "")),
        ("复核意见", "\n\n"),
    ], "注：当事人明确放弃陈述或者申辩权利的，附其书面声明（《行政处罚法》第六十二条）。")


def _story_hearing_notice(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """听证通知书, to the party (行政处罚法 art 64(2)): the hearing's time and place, served at least seven
    working days before it (I5a), with what art 64(3)–(6) and art 63 ¶2 give the party — a public hearing
    save for secrets and privacy, the host and the right to ask for recusal, one or two agents, that staying
    away without good reason is a waiver, and that the party bears no cost.  Nothing about the complainant."""
    st = doc.styles
    proc = d.procedure("penalty")
    notice = proc.hearing_notice
    if notice is None or notice.scheduled_on is None:
        return [*_heading(doc, "听证通知书", ""), Paragraph(text("（尚未登记听证通知）"), st["body"])]
    request = proc.hearing_request
    prior = proc.notice
    case = f"（立案号：{d.case_no}）" if d.case_no else ""
    opening = (f"你单位于{chinese_date(request.occurred_on)}" if request is not None else "你单位") + "要求听证"
    if prior is not None:
        opening += f"（《行政处罚事先告知书》{prior.number}）"
    opening += (f"。根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关决定就你单位涉嫌违反劳动保障"
                f"法律、法规一案{case}举行听证。现将有关事项通知如下：")
    clock = procedure_rules.hearing_time_label(notice) or "　　时　　分"
    host = notice.persons or f"{BLANK}（本机关指定的非本案调查人员）"
    items = [
        f"听证时间：{chinese_date(notice.scheduled_on)}{clock}。",
        f"听证地点：{notice.place.rstrip('。')}。",
        f"听证主持人：{host}。你单位认为主持人与本案有直接利害关系的，有权申请回避。",
        "听证公开举行，涉及国家秘密、商业秘密或者个人隐私依法予以保密的除外。",
        "你单位可以亲自参加听证，也可以委托一至二人代理；委托代理的，请提交授权委托书及代理人身份证明。",
        "听证时，调查人员提出你单位违法的事实、证据和行政处罚建议，你单位可以进行申辩和质证，请携带有关证据材料。",
        "你单位及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。"
        "你单位不承担本机关组织听证的费用。",
    ]
    numbers = "一二三四五六七八九十"
    paragraphs = [Paragraph(text(f"{numbers[i]}、{item}"), st["body"]) for i, item in enumerate(items)]
    return [
        *_heading(doc, "听证通知书", notice.number),
        Paragraph(text(f"{_addressee(d)}："), st["body_flush"]),
        Paragraph(text(opening), st["body"]),
        *paragraphs[:-1],
        # the last item, the contact line and the 落款 stay together
        KeepTogether([paragraphs[-1], Paragraph(text(f"联系人：{BLANK}　联系电话：{BLANK}"), st["body"]),
                      *signature_block(org["bureau"], notice.occurred_on, st), Paragraph(text(SEAL_NOTE), st["right"])]),
    ]


def _story_hearing_record(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    proc = d.procedure("penalty")
    h = proc.hearing
    if h is None:
        return [*_heading(doc, "听证笔录", d.case_no), Paragraph(text("（尚未举行听证）"), doc.styles["body"])]
    request = proc.hearing_request
    notice = proc.hearing_notice
    notified = "—"
    if notice is not None:
        notified = f"听证通知书{notice.number or ''}，{chinese_date(notice.occurred_on)}制发"
        if proc.hearing_notice_served_on is not None:
            notified += f"，{chinese_date(proc.hearing_notice_served_on)}送达"
    return _step_form(doc, d, "听证笔录", [
        ("听证申请", chinese_date(request.occurred_on) if request else "—"),
        ("听证通知", notified),
        ("听证时间", chinese_date(h.occurred_on)),
        ("听证地点", h.place or "—"),
        ("主持人", h.persons),
        ("听证情况", h.content),
    ], "注：笔录交当事人或者其代理人核对无误后签字或者盖章；拒绝签字或者盖章的，由主持人在笔录中注明（《行政处罚法》第六十四条第八项）。")


def _story_discussion(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    disc = d.procedure("penalty").discussion
    if disc is None:
        return [*_heading(doc, "集体讨论记录", d.case_no), Paragraph(text("（尚无集体讨论）"), doc.styles["body"])]
    return _step_form(doc, d, "集体讨论记录", [
        ("讨论日期", chinese_date(disc.occurred_on)),
        ("参加人员", disc.persons),
        ("讨论结论", disc.content),
    ], "注：对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（《行政处罚法》第五十七条第二款）。")


def _story_service_receipt(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    story: list[Flowable] = [*_heading(doc, "送达回证", d.case_no)]
    if not d.services:
        return [*story, Paragraph(text("（尚未登记送达）"), st["body"])]
    for r in d.services:
        story.append(_form_table([
            ("送达文书", f"{procedure_rules.SERVED_DOCUMENTS.get(r.document, r.document)} {r.document_no}"),
            ("受送达人", r.recipient),
            ("送达方式", procedure_rules.METHOD_LABELS.get(r.method, (r.method, r.method))[0]),
            ("送达日期", chinese_date(r.served_on)),
            ("签收", "已签收" if r.signed else f"未签收：{r.note}"),
            ("送达人", r.server or "—"),
        ], st, width))
        story.append(Spacer(1, 4 * mm))
    return story


_STORIES = {
    "registration": _story_registration,
    "refusal": _story_refusal,
    "filing": _story_filing,
    "rectification": _story_rectification,
    "admin_decision": _story_admin_decision,
    "penalty": _story_penalty,
    "prior_notice": _story_prior_notice,
    "statement": _story_statement,
    "hearing_notice": _story_hearing_notice,
    "hearing_record": _story_hearing_record,
    "discussion": _story_discussion,
    "service_receipt": _story_service_receipt,
    "closure": _story_closure,
}


def _shanghai() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def write_complaint_document(
    kind: str,
    detail: ComplaintDetail,
    path: str | os.PathLike[str],
    *,
    organisation: dict[str, str],
    printed_on: date | None = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace (document_trace): the document audits itself
) -> int:
    """Write document `kind` (a key of DOCUMENTS) of the case to `path`; return the page count."""
    if kind not in _STORIES:
        raise ValueError(f"unknown complaint document {kind}")
    on = printed_on or date.today()
    title = DOCUMENTS[kind]
    doc = OfficialDocument(
        title=title,
        layout=PORTRAIT,
        header_left=organisation.get("bureau", ""),
        header_right=detail.number if kind in ("registration", "refusal") else (detail.case_no or detail.number),
        subject=title,
    )
    return doc.build(path, _STORIES[kind](doc, detail, organisation, on), trace=trace, rows=lambda: 1)


def available_documents(detail: ComplaintDetail) -> list[str]:
    """The documents the case can fill now, in DOCUMENTS order."""
    kinds = ["registration"]
    if detail.status == "not_accepted":
        kinds.append("refusal")
    if detail.case_no:
        kinds.append("filing")
    if detail.rectification_no:
        kinds.append("rectification")
    steps = {s.step for s in detail.steps}
    kinds += [kind for kind, step in (("prior_notice", "prior_notice"), ("statement", "statement"),
                                      ("hearing_notice", "hearing_notice"), ("hearing_record", "hearing"),
                                      ("discussion", "collective_discussion"))
              if step in steps]
    if detail.decision_no and detail.decision_kind in ("admin_decision", "penalty"):
        kinds.append(detail.decision_kind)
    if detail.services:
        kinds.append("service_receipt")
    if detail.closed_on is not None:
        kinds.append("closure")
    return kinds
