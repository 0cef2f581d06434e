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

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.complaints import procedure as procedure_rules
from app.complaints import rules
from app.complaints.common import SHANGHAI
from app.complaints.document_parts import (
    DOCUMENTS,
    SEAL_NOTE,
    addressed_employers,
    addressee_names,
    amount_text,
    approval_table,
    employers_text,
    form_table,
    grid,
    heading,
    label_zh,
    officers_text,
    party_lines,
    remedy_clause,
)
from app.complaints.documents_procedure import (
    story_discussion,
    story_hearing_notice,
    story_hearing_record,
    story_prior_notice,
    story_service_receipt,
    story_statement,
)
from app.complaints.procedure import Procedure
from app.complaints.rows import ComplaintDetail
from app.documents.base import PORTRAIT, OfficialDocument, chinese_date, signature_block, text
from app.legal.rates import format_yuan


def _story_registration(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    complainant = "匿名" if d.anonymous else (d.complainant or "—")
    if d.complainant_id_no:
        complainant += f"　身份证号：{d.complainant_id_no}"
    if d.complainant_phone:
        complainant += f"　电话：{d.complainant_phone}"
    rows = [
        ("登记号", d.number),
        ("类别/来源", f"{label_zh(rules.KIND_LABELS, d.kind)}　{label_zh(rules.CHANNEL_LABELS, d.channel)}"),
        ("接收时间", d.received_at.astimezone(SHANGHAI).strftime("%Y年%m月%d日 %H:%M")),
        ("接收人", d.received_by),
        ("投诉（举报）人", complainant),
        ("被投诉单位", employers_text(d)),
        ("在建项目", d.project or "—"),
        ("涉及人数/金额", f"{len(d.workers)}人，其中农民工{sum(1 for w in d.workers if w.is_migrant_worker)}人；"
                     f"欠薪合计{format_yuan(d.owed_fen)}元"),
        ("投诉事项", d.matters),
        ("请求事项", d.requests or "—"),
        ("证据材料", d.evidence or "—"),
    ]
    story = [*heading(doc, DOCUMENTS["registration"], ""), form_table(rows, st, width), Spacer(1, 4 * mm)]
    story.append(
        grid(
            ["序号", "姓名", "身份证号", "农民工", "欠薪金额（元）"],
            [[i + 1, w.name, w.id_no, "是" if w.is_migrant_worker else "否", format_yuan(w.owed_fen)]
             for i, w in enumerate(d.workers)],
            st, [12 * mm, 30 * mm, 50 * mm, 18 * mm, width - 110 * mm],
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(approval_table(st, width, ("审查意见",)))
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
        *heading(doc, "不予受理投诉通知书", d.number),
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
        ("案件来源", f"{label_zh(rules.KIND_LABELS, d.kind)}（{label_zh(rules.CHANNEL_LABELS, d.channel)}），登记号{d.number}"),
        ("当事人（单位）", employers_text(d)),
        ("涉及劳动者", f"{len(d.workers)}人，欠薪合计{format_yuan(d.owed_fen)}元"),
        ("简要案情", d.matters),
        ("承办人员", officers_text(d)),
        ("受理（立案）日期", chinese_date(d.filed_on) if d.filed_on else "—"),
    ]
    return [
        *heading(doc, DOCUMENTS["filing"], d.case_no),
        form_table(rows, st, width),
        Spacer(1, 4 * mm),
        approval_table(st, width),
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
        roles = {e.role for e in addressed_employers(d)}
        if d.project_id is not None and roles & {"subcontractor", "general_contractor"}:
            article += "、第三十条"
        norms.append(f"《保障农民工工资支付条例》{article}")
    return "、".join(norms)


def _story_rectification(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """Goes to the employer: nothing about the complainant or reporter."""
    st, width = doc.styles, doc.layout.frame_width
    addressee = addressee_names(d)
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
        *heading(doc, DOCUMENTS["rectification"], d.rectification_no),
        Paragraph(text(f"{addressee}："), st["body_flush"]),
        Paragraph(text(facts), st["body"]),
        Paragraph(text(order), st["body"]),
        grid(
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
        grid(["序号", "证据名称", "证据种类", "取得日期"],
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


def _story_admin_decision(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """行政处理决定书, to the employer: nothing about the complainant; workers by name and amount only."""
    st, width = doc.styles, doc.layout.frame_width
    order = d.decision_order.rstrip("。；;") or "（请填写责令事项）"
    story: list[Flowable] = [*heading(doc, DOCUMENTS["admin_decision"], d.decision_no)]
    story += [Paragraph(text(line), st["body_flush"]) for line in party_lines(d, "被处理单位")]
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(text(p), st["body"]) for p in _decision_intro(d)]
    story += _evidence(doc, d)
    if recited := recital(d.procedure("admin_decision")):
        story.append(Paragraph(text(recited), st["body"]))
    story.append(Paragraph(text(f"依据{_basis(d)}，本机关决定：{order}。"), st["body"]))
    if d.ordered_fen is not None:
        story.append(Paragraph(text(f"责令你单位支付的金额合计{amount_text(d.ordered_fen)}。"), st["body"]))
        # What each worker was still owed on the day of the decision (names and amounts only).
        issued = d.decision_issued_on or on
        owed = [(w.name, w.owed_fen - sum(p.amount_fen for p in d.payments if p.worker_id == w.id
                                          and p.paid_on <= issued)) for w in d.workers]
        owed = [(name, fen) for name, fen in owed if fen > 0]
        if owed:
            story.append(Paragraph(text("截至本决定作出之日，你单位尚欠下列劳动者工资："), st["body"]))
            story.append(grid(["序号", "姓名", "尚欠工资（元）"],
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
        items.append(f"罚款{amount_text(fine)}")
    if d.decision_order:
        items.append(d.decision_order.rstrip("。；;"))
    if not items:
        items.append("（请填写处罚内容）")
    story: list[Flowable] = [*heading(doc, DOCUMENTS["penalty"], d.decision_no)]
    story += [Paragraph(text(line), st["body_flush"]) for line in party_lines(d, "被处罚单位")]
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
        ("当事人（单位）", employers_text(d)),
        ("承办人员", officers_text(d)),
        ("处置方式", label_zh(rules.DISPOSAL_LABELS, d.disposal_method) or "—"),
        ("责令支付金额", f"{format_yuan(d.owed_fen)}元"),
        ("实际追回金额", f"{format_yuan(d.recovered_fen)}元"),
        ("获支付人数", f"{len(paid_workers)}人，其中农民工{sum(1 for w in paid_workers if w.is_migrant_worker)}人"),
        ("处理/处罚决定", decision),
        ("罚款", fine),
        ("结案方式", label_zh(rules.CLOSURE_LABELS, d.closure_kind) or "—"),
        ("结案理由", d.close_reason or "—"),
        ("结案日期", chinese_date(d.closed_on) if d.closed_on else "—"),
    ]
    return [
        *heading(doc, DOCUMENTS["closure"], d.case_no),
        form_table(rows, st, width),
        Spacer(1, 4 * mm),
        grid(
            ["姓名", "欠薪金额（元）", "已支付（元）", "尚欠（元）"],
            [[w.name, format_yuan(w.owed_fen), format_yuan(w.recovered_fen), format_yuan(w.outstanding_fen)]
             for w in d.workers],
            st, [40 * mm, (width - 40 * mm) / 3, (width - 40 * mm) / 3, (width - 40 * mm) / 3],
        ),
        Spacer(1, 4 * mm),
        approval_table(st, width),
    ]


_STORIES = {
    "registration": _story_registration,
    "refusal": _story_refusal,
    "filing": _story_filing,
    "rectification": _story_rectification,
    "admin_decision": _story_admin_decision,
    "penalty": _story_penalty,
    "prior_notice": story_prior_notice,
    "statement": story_statement,
    "hearing_notice": story_hearing_notice,
    "hearing_record": story_hearing_record,
    "discussion": story_discussion,
    "service_receipt": story_service_receipt,
    "closure": _story_closure,
}


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


__all__ = ["DOCUMENTS", "available_documents", "recital", "remedy_clause", "write_complaint_document"]
