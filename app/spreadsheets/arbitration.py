"""The arbitration docket in Excel: export of the filtered docket, the import
template and its reader (an existing docket brought in row by row).

Template (sheet 仲裁案件, one row per case):
    收件日期* | 申请人* | 申请人身份证号 | 被申请人* | 被申请人统一社会信用代码 | 案由 |
    仲裁请求*（类别:金额;类别:金额）| 受理日期 | 原案号 | 备注
`read_docket(path)` yields (row number, fields) for
`app.services.arbitration_import.import_docket`, which refuses a bad row with
its reason and goes on.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.legal.rates import fen_to_yuan
from app.services.arbitration import CATEGORY_LABELS, CLOSURE_LABELS, PROCEDURE_LABELS, status_label
from app.spreadsheets.parties import ProgressCallback, _check, _date, _discard, _save_atomically

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
    Column("applicant", "申请人", True, 10, "劳动者姓名；当事人库中没有的将新增"),
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
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["C"].width = 90
    _save_atomically(wb.save, Path(path))


def parse_claims(value: Any) -> list[tuple[str, int]]:
    """'劳动报酬:12000;经济补偿:30000' → [('wages', 1200000), ('compensation', 3000000)]."""
    from app.legal.rates import yuan_to_fen

    text = str(value or "").strip()
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
        label, amount = pieces[0].strip(), pieces[1].strip().replace(",", "").replace("元", "")
        category = CATEGORY_BY_LABEL.get(label)
        if category is None:
            raise UserError("arbitration.claim_category_unknown", field="claims", value=label)
        try:
            out.append((category, yuan_to_fen(amount)))
        except Exception as exc:
            raise UserError("money.invalid", field="claims", value=amount) from exc
    return out


def read_docket(path: str | os.PathLike[str]) -> tuple[int, Iterator[tuple[int, dict[str, Any]]]]:
    """(estimated rows, iterator of (row number, fields)); a value that cannot be
    read is passed as {'_problem': UserError} so the row is refused with its reason."""
    from openpyxl import load_workbook

    file = Path(path)
    if not file.is_file():
        raise UserError("file.not_found", path=str(file))
    if not zipfile.is_zipfile(file):
        raise UserError("import.not_a_workbook", detail=file.name)
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError("import.not_a_workbook", detail=f"{file.name} ({type(exc).__name__})") from exc
    ws = wb[SHEET_NAME] if SHEET_NAME in wb.sheetnames else wb.worksheets[0]
    header = next(ws.iter_rows(max_row=1, values_only=True), ())
    positions: dict[str, int] = {}
    for index, value in enumerate(header):
        column = BY_LABEL.get(re.sub(r"[\s*＊]", "", str(value or "")))
        if column is not None:
            positions[column.field] = index
    for column in COLUMNS:
        if column.required and column.field not in positions:
            wb.close()
            raise UserError("import.wrong_template", column=column.label)
    total = max(0, (ws.max_row or 1) - 1)

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            for row_no, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
                raw = {f: (values[i] if i < len(values) else None) for f, i in positions.items()}
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
                    continue
                fields: dict[str, Any] = {}
                try:
                    for name, value in raw.items():
                        column = next(c for c in COLUMNS if c.field == name)
                        if name in ("received_on", "accepted_on"):
                            fields[name] = _date(value, column)  # type: ignore[arg-type]
                        elif name == "claims":
                            fields[name] = parse_claims(value)
                        else:
                            text = "" if value is None else str(value).strip()
                            if isinstance(value, float) and name in ("applicant_id_no", "respondent_uscc"):
                                raise UserError("import.number_as_numeric", field=name, column=column.label)
                            fields[name] = text
                    for column in COLUMNS:
                        if column.required and not fields.get(column.field):
                            raise UserError("import.value_required", field=column.field, column=column.label)
                except UserError as err:
                    fields = {"_problem": err}
                yield row_no, fields
        finally:
            wb.close()

    return total, rows()


# ---------------------------------------------------------------- export

EXPORT_HEADERS = ("案号", "收件日期", "状态", "程序", "申请人", "被申请人", "请求金额（元）", "最近期限",
                  "受理日期", "结案日期", "结案方式")
EXPORT_WIDTHS = (26, 12, 12, 10, 12, 28, 14, 12, 12, 12, 10)


def export_docket(query: Any, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None,
                  cancel: Any = None, trace: Any = None) -> int:
    """Stream a filtered docket (PagedQuery[DocketRow]) into an .xlsx; the number of rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from app.spreadsheets.writer import new_workbook, save_workbook

    total = query.count()
    wb = new_workbook(write_only=True)
    ws = wb.create_sheet(SHEET_NAME)
    for index, width in enumerate(EXPORT_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    header = []
    for label in EXPORT_HEADERS:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        header.append(cell)
    ws.append(header)

    def day(value: date | None) -> Any:
        if value is None:
            return None
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell

    def money(fen: int) -> Any:
        cell = WriteOnlyCell(ws, value=fen_to_yuan(fen))
        cell.number_format = "#,##0.00"
        return cell

    written = 0
    if progress:
        progress(0, total)
    try:
        while written < total:
            _check(cancel)
            rows = query.page(written, EXPORT_PAGE_SIZE)
            if not rows:
                break
            for r in rows:
                ws.append([
                    r.case_no or None, day(r.received_on), status_label(r.status), PROCEDURE_LABELS[r.procedure][1],
                    r.applicants, r.respondents, money(r.claimed_fen), day(r.next_due), day(r.accepted_on),
                    day(r.closed_on), CLOSURE_LABELS[r.closure_method][1] if r.closure_method else None,
                ])
            written += len(rows)
            if progress:
                progress(written, total)
        _check(cancel)
        save_workbook(wb, path, cancel=cancel, trace=trace, rows=written)
    except BaseException:
        _discard(ws)
        raise
    return written
