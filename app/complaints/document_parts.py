"""The pieces every complaint document is built of: the documents' titles,
the bordered form and grid, the heading, the addressee (whoever pays the
workers), the party lines of a decision, the approval rows, the remedy clause
and an amount in figures and in capitals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.complaints import rules
from app.complaints.rows import ComplaintDetail, EmployerLine
from app.documents.base import BoldParagraph, OfficialDocument, text
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


def label_zh(table: dict[str, tuple[str, str]], value: str | None) -> str:
    return rules.label(table, value, "zh_CN")


def form_table(rows: Sequence[tuple[str, Any]], styles: dict[str, Any], width: float) -> Table:
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


def grid(header: Sequence[str], rows: Sequence[Sequence[Any]], styles: dict[str, Any], widths: Sequence[float]) -> Table:
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


def employers_text(d: ComplaintDetail) -> str:
    return "\n".join(
        f"{e.name}（{label_zh(rules.ROLE_LABELS, e.role)}）" + (f" 统一社会信用代码：{e.uscc}" if e.uscc else "")
        for e in d.employers
    )


def officers_text(d: ComplaintDetail) -> str:
    if not d.officers:
        return "（尚未指派）"
    return "\n".join(
        f"{o.name}{'（主办）' if o.lead else '（协办）'} 执法证号：{o.certificate_no or '—'}" for o in d.officers
    )


def approval_table(styles: dict[str, Any], width: float, rows: Sequence[str] = ("承办人意见", "负责人审批意见")) -> Table:
    return form_table([(r, "\n\n签名：" + "_" * 18 + "　日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日") for r in rows], styles, width)


def addressed_employers(d: ComplaintDetail) -> list[EmployerLine]:
    return [e for e in d.employers if e.role in _PAYING_ROLES] or list(d.employers[:1])


def addressee_names(d: ComplaintDetail) -> str:
    return "、".join(e.name for e in addressed_employers(d))


def party_lines(d: ComplaintDetail, label: str) -> list[str]:
    """The party a decision is against, as 行政处罚法 art 59 wants it: name and address."""
    lines = []
    for e in addressed_employers(d):
        lines += [
            f"{label}：{e.name}",
            f"统一社会信用代码：{e.uscc or BLANK}",
            f"法定代表人（负责人）：{e.legal_rep or BLANK}",
            f"住所：{e.address or BLANK}",
        ]
    return lines


def heading(doc: OfficialDocument, title: str, number: str) -> list[Flowable]:
    st = doc.styles
    parts: list[Flowable] = [BoldParagraph(text(title), st["title"])]
    if number:
        parts.append(Paragraph(text(number), st["subtitle"]))
    parts.append(Spacer(1, 4 * mm))
    return parts


def amount_text(fen: int) -> str:
    return f"人民币{format_yuan(fen)}元（大写：{yuan_in_words(fen)}）"
