"""The arbitration docket in Excel: export of the filtered docket, the import
template and its reader (an existing docket brought in row by row).

Template (sheet 仲裁案件, one row per case):
    收件日期* | 申请人* | 申请人身份证号 | 被申请人* | 被申请人统一社会信用代码 | 案由 |
    仲裁请求*（类别:金额;类别:金额）| 受理日期 | 原案号 | 备注
`read_docket(path)` yields (row number, fields) for
`app.arbitration.importing.import_docket`, which refuses a bad row with
its reason and goes on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.arbitration.service import CATEGORY_LABELS, CLOSURE_LABELS, PROCEDURE_LABELS, status_label
from app.errors import UserError
from app.kernel.files import save_atomically
from app.kernel.paging import query_pages
from app.kernel.progress import ProgressCallback
from app.spreadsheets import cells
from app.spreadsheets.sheet_rows import normalise_label, open_table
from app.spreadsheets.writer import Heading, Money

SHEET_NAME = "仲裁案件"
HELP_SHEET_NAME = "说明"
EXPORT_PAGE_SIZE = 1000


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    required: bool = False
    width: int = 14
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("received_on", "收件日期", True, 12, "仲裁委收到申请之日，如 2023-09-25"),
    Column("applicant", "申请人", True, 10, "劳动者姓名；按身份证号查找，没有身份证号的作为新的当事人登记"),
    Column("applicant_id_no", "申请人身份证号", False, 20, "请将该列设为文本格式"),
    Column("respondent", "被申请人", True, 24, "用人单位名称"),
    Column("respondent_uscc", "被申请人统一社会信用代码", False, 22, "18位"),
    Column("cause", "案由", False, 14, "如 劳动报酬争议"),
    Column("claims", "仲裁请求", True, 36, "类别:金额（元），多项用分号隔开，如 劳动报酬:12000;经济补偿:30000。类别："
           + "、".join(v[1] for v in CATEGORY_LABELS.values())),
    Column("accepted_on", "受理日期", False, 12, "已受理的填写；导入时由本程序编新案号"),
    Column("old_case_no", "原案号", False, 22, "原系统的案号，记入办案经过"),
    Column("note", "备注", False, 20, ""),
)
BY_LABEL = {c.label: c for c in COLUMNS}
BY_FIELD = {c.field: c for c in COLUMNS}
CATEGORY_BY_LABEL = {zh: str(key) for key, (_en, zh) in CATEGORY_LABELS.items()}
CATEGORY_BY_LABEL.update({"工资": "wages", "拖欠工资": "wages", "赔偿金": "damages", "二倍工资": "double_wage"})
# The older single 工伤待遇 category: read as the other benefits (not final-eligible); 工伤医疗费 is its own label.
CATEGORY_BY_LABEL.update({"工伤待遇": "injury", "其他工伤待遇": "injury", "一次性伤残补助金": "injury"})


def write_template(path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append([c.label + ("*" if c.required else "") for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(index)].width = column.width
        if column.field in ("applicant_id_no", "respondent_uscc", "old_case_no"):
            for row in range(2, 2001):
                ws.cell(row=row, column=index).number_format = "@"
    ws.freeze_panes = "A2"
    help_sheet = wb.create_sheet(HELP_SHEET_NAME)
    help_sheet.append(["列", "必填", "说明"])
    for column in COLUMNS:
        help_sheet.append([column.label, "是" if column.required else "", column.help])
    help_sheet.append([])
    for line in (
        "申请人按身份证号在当事人库中查找（空格、小写x、全角数字不影响）；没有身份证号的申请人作为新的当事人登记，"
        "不会按姓名并入库中已有的同名当事人。被申请人按统一社会信用代码查找，没有信用代码的按名称查找。",
        "与已登记案件的申请人、被申请人、收件日期和仲裁请求都相同的行视为重复，不予导入，并提示已登记的案号。",
        *cells.COMMON_NOTES,
    ):
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["C"].width = 90
    save_atomically(wb.save, Path(path))


def parse_claims(value: Any) -> list[tuple[str, int]]:
    """'劳动报酬:12000;经济补偿:30000' → [('wages', 1200000), ('compensation', 3000000)].

    Amounts take every form `cells.money` accepts (1,000, ¥1,000, 1，234元, full-width digits)."""
    text = cells.text(value, _CLAIMS) or ""
    if not text:
        raise UserError("import.value_required", field="claims", column="仲裁请求")
    out = []
    for part in re.split(r"[;；\n]+", text):
        part = part.strip()
        if not part:
            continue
        pieces = re.split(r"[:：]", part, maxsplit=1)
        if len(pieces) != 2:
            raise UserError("arbitration.import_claims", field="claims")
        label, amount = pieces[0].strip(), pieces[1].strip()
        category = CATEGORY_BY_LABEL.get(label)
        if category is None:
            raise UserError("arbitration.claim_category_unknown", field="claims", value=label)
        fen = cells.money(amount, _CLAIMS)
        if fen is None:
            raise UserError("money.invalid", field="claims", value="")
        out.append((category, fen))
    return out


_LOOKUP = {normalise_label(c.label): c.field for c in COLUMNS}
_REQUIRED = tuple((c.field, c.label) for c in COLUMNS if c.required)
_CLAIMS = next(c for c in COLUMNS if c.field == "claims")
_NUMBERS = ("applicant_id_no", "respondent_uscc")


def read_docket(path: str | os.PathLike[str]) -> tuple[int, Iterator[tuple[int, dict[str, Any]]]]:
    """(estimated rows, iterator of (row number, fields)), read through the one reader
    (`sheet_rows.open_table`); a value that cannot be read is passed as
    {'_problem': UserError} so the row is refused with its reason."""
    table = open_table(Path(path), SHEET_NAME, _LOOKUP, _REQUIRED)
    return table.estimated_rows, _docket_rows(table.rows)


def _docket_rows(rows: Iterator[tuple[int, dict[str, Any]]]) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        for row_no, raw in rows:
            yield row_no, _docket_fields(raw)
    finally:
        rows.close()  # type: ignore[attr-defined]


def _docket_fields(raw: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    try:
        for name, value in raw.items():
            column = BY_FIELD[name]
            if name in ("received_on", "accepted_on"):
                fields[name] = cells.day(value, column, not_after_today=True)
            elif name == "claims":
                fields[name] = parse_claims(value)
            elif name in _NUMBERS:
                fields[name] = cells.number_text(value, column) or ""
            else:
                fields[name] = cells.text(value, column) or ""
        for column in COLUMNS:
            if column.required and not fields.get(column.field):
                raise UserError("import.value_required", field=column.field, column=column.label)
    except UserError as err:
        fields = {"_problem": err}
    return fields


# ---------------------------------------------------------------- export

EXPORT_HEADINGS = (
    Heading("案号", kind="case_no"), Heading("收件日期", kind="date"), Heading("状态", 12), Heading("程序", 10),
    Heading("申请人", 12), Heading("被申请人", 28), Heading("请求金额（元）", kind="money"),
    Heading("最近期限", kind="date"), Heading("受理日期", kind="date"), Heading("结案日期", kind="date"),
    Heading("结案方式", 10),
)
EXPORT_HEADERS = tuple(h.label for h in EXPORT_HEADINGS)


def export_docket(query: Any, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None,
                  cancel: Any = None, trace: Any = None) -> int:
    """Stream a filtered docket (PagedQuery[DocketRow]) into an .xlsx; the number of rows."""
    from app.spreadsheets.writer import new_workbook, table_sheet, write_pages

    total = query.count()
    wb = new_workbook(write_only=True)
    ws = table_sheet(wb, SHEET_NAME, EXPORT_HEADINGS)
    return write_pages(wb, ws, path, query_pages(query, total, EXPORT_PAGE_SIZE, cancel=cancel), _docket_values,
                       total=total, progress=progress, cancel=cancel, trace=trace)


def _docket_values(r: Any) -> list[Any]:
    return [
        r.case_no or None, r.received_on, status_label(r.status), PROCEDURE_LABELS[r.procedure][1],
        r.applicants, r.respondents, Money(r.claimed_fen), r.next_due, r.accepted_on,
        r.closed_on, CLOSURE_LABELS[r.closure_method][1] if r.closure_method else None,
    ]
