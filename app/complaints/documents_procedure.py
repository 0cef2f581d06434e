"""The documents of the procedure before a decision (行政处罚法 arts 44–45,
57 ¶2, 63–65; see app/complaints/procedure.py): 事先告知书, 陈述申辩记录,
听证通知书, 听证笔录, 集体讨论记录, and 送达回证 (one form per recorded service).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.complaints import procedure as procedure_rules
from app.complaints.document_parts import (
    BLANK,
    SEAL_NOTE,
    addressee_names,
    amount_text,
    employers_text,
    form_table,
    heading,
)
from app.complaints.rows import ComplaintDetail
from app.documents.base import OfficialDocument, chinese_date, signature_block, text


def _latest_notice_kind(d: ComplaintDetail) -> str:
    notices = [s for s in d.steps if s.step == "prior_notice"]
    return notices[-1].decision_kind if notices else "penalty"


def story_prior_notice(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """行政处罚（处理）事先告知书 (行政处罚法 arts 44, 63–64; 若干规定 art 34), to the employer."""
    st = doc.styles
    proc = d.procedure(_latest_notice_kind(d))
    notice = proc.notice
    if notice is None:
        return [*heading(doc, "事先告知书", ""), Paragraph(text("（尚未登记事先告知）"), st["body"])]
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
        *heading(doc, title, notice.number),
        Paragraph(text(f"{addressee_names(d)}："), st["body_flush"]),
        Paragraph(text(f"本机关于{chinese_date(d.filed_on)}对你单位涉嫌违反劳动保障法律、法规的行为立案调查"
                       f"（立案号：{d.case_no}）。" if d.filed_on else "本机关对你单位涉嫌违反劳动保障法律、法规的行为进行了调查。"),
                  st["body"]),
        Paragraph(text(f"本机关拟对你单位作出{procedure_rules.decision_label(proc.kind)}：{notice.content.rstrip('。')}。"
                       + (f"拟处罚款{amount_text(notice.intended_fine_fen)}。" if penalty and notice.intended_fine_fen else "")),
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
        *heading(doc, title, d.case_no),
        form_table([("当事人（单位）", employers_text(d)), *rows], st, width),
        Spacer(1, 4 * mm),
        form_table([("签名", "\n\n" + "_" * 18 + "　日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日")],
                    st, width),
    ]
    if note:
        story.append(Paragraph(text(note), st["note"]))
    return story


def story_statement(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    proc = d.procedure(_latest_notice_kind(d))
    s = proc.statement
    if proc.notice is None or s is None:
        return [*heading(doc, "陈述申辩记录", d.case_no), Paragraph(text("（尚未登记陈述申辩）"), doc.styles["body"])]
    return _step_form(doc, d, "陈述申辩记录", [
        ("事先告知书", f"{proc.notice.number}（{chinese_date(proc.notice.occurred_on)}制发"
                       + (f"，{chinese_date(proc.served_on)}送达）" if proc.served_on else "）")),
        ("日期", chinese_date(s.occurred_on)),
        ("陈述申辩情况", "当事人书面表示放弃陈述、申辩的权利。" if s.waived else "当事人提出陈述、申辩。"),
        ("陈述申辩内容", s.content or ("—" if s.waived else "")),
        ("复核意见", "\n\n"),
    ], "注：当事人明确放弃陈述或者申辩权利的，附其书面声明（《行政处罚法》第六十二条）。")


def story_hearing_notice(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    """听证通知书, to the party (行政处罚法 art 64(2)): the hearing's time and place, served at least seven
    working days before it (I5a), with what art 64(3)–(6) and art 63 ¶2 give the party — a public hearing
    save for secrets and privacy, the host and the right to ask for recusal, one or two agents, that staying
    away without good reason is a waiver, and that the party bears no cost.  Nothing about the complainant."""
    st = doc.styles
    proc = d.procedure("penalty")
    notice = proc.hearing_notice
    if notice is None or notice.scheduled_on is None:
        return [*heading(doc, "听证通知书", ""), Paragraph(text("（尚未登记听证通知）"), st["body"])]
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
        *heading(doc, "听证通知书", notice.number),
        Paragraph(text(f"{addressee_names(d)}："), st["body_flush"]),
        Paragraph(text(opening), st["body"]),
        *paragraphs[:-1],
        # the last item, the contact line and the 落款 stay together
        KeepTogether([paragraphs[-1], Paragraph(text(f"联系人：{BLANK}　联系电话：{BLANK}"), st["body"]),
                      *signature_block(org["bureau"], notice.occurred_on, st), Paragraph(text(SEAL_NOTE), st["right"])]),
    ]


def story_hearing_record(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    proc = d.procedure("penalty")
    h = proc.hearing
    if h is None:
        return [*heading(doc, "听证笔录", d.case_no), Paragraph(text("（尚未举行听证）"), doc.styles["body"])]
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


def story_discussion(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    disc = d.procedure("penalty").discussion
    if disc is None:
        return [*heading(doc, "集体讨论记录", d.case_no), Paragraph(text("（尚无集体讨论）"), doc.styles["body"])]
    return _step_form(doc, d, "集体讨论记录", [
        ("讨论日期", chinese_date(disc.occurred_on)),
        ("参加人员", disc.persons),
        ("讨论结论", disc.content),
    ], "注：对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（《行政处罚法》第五十七条第二款）。")


def story_service_receipt(doc: OfficialDocument, d: ComplaintDetail, org: dict[str, str], on: date) -> list[Flowable]:
    st, width = doc.styles, doc.layout.frame_width
    story: list[Flowable] = [*heading(doc, "送达回证", d.case_no)]
    if not d.services:
        return [*story, Paragraph(text("（尚未登记送达）"), st["body"])]
    for r in d.services:
        story.append(form_table([
            ("送达文书", f"{procedure_rules.SERVED_DOCUMENTS.get(r.document, r.document)} {r.document_no}"),
            ("受送达人", r.recipient),
            ("送达方式", procedure_rules.METHOD_LABELS.get(r.method, (r.method, r.method))[0]),
            ("送达日期", chinese_date(r.served_on)),
            ("签收", "已签收" if r.signed else f"未签收：{r.note}"),
            ("送达人", r.server or "—"),
        ], st, width))
        story.append(Spacer(1, 4 * mm))
    return story
