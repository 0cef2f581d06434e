"""The staff roster in Excel: the import template, the reader, the full export.

- `write_template(path)`: sheet 执法人员 (one officer per row, with at most one
  certificate) plus a 说明 sheet explaining each column.
- `read_records(path)` streams a filled template as `(Excel row number, fields)`
  for `StaffService.import_records` (certificate fields prefixed "cert_").
  A cell that cannot be read refuses its row, not the import (see
  app/parties/spreadsheet.py; the reading helpers are app/spreadsheets/template.py's and cells.py's).
- `export_roster(lines, path, as_of=…)` writes the (officer, certificate) lines
  of `StaffService.certificates_for_export` — ID numbers masked — to a
  write-only workbook, renamed into place only when complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from app.clock import bureau_today
from app.kernel.progress import ProgressCallback, raise_if_cancelled
from app.parties.spreadsheet import SEX_LABELS
from app.spreadsheets import cells, template
from app.spreadsheets.template import Column, RowFields, choice_converter
from app.spreadsheets.writer import discard_sheet
from app.staff.models import CertificateStatus
from app.staff.service import (
    CERT_TYPE_LABELS_ZH,
    STAFFING_LABELS_ZH,
    STATUS_LABELS_ZH,
    CertificateRow,
    OfficerRow,
    display_status,
)

SHEET_NAME = "执法人员"
HELP_SHEET_NAME = "说明"
EXPORT_SHEET_NAME = "执法人员名册"
TEMPLATE_ROWS = 1000
YES, NO = "是", "否"
CERT_STATUS_LABELS = {s.value: STATUS_LABELS_ZH[s.value] for s in CertificateStatus}

COLUMNS: tuple[Column, ...] = (
    Column("姓名", "name", 10, True, "必填。"),
    Column("身份证号", "id_no", 22, False,
           "选填，18位，最后一位可以是X；填写后系统校验，并由身份证号得出性别和出生日期。本列为文本格式，请勿改为数字。",
           text=True, aliases=("公民身份号码", "身份证号码")),
    Column("性别", "sex", 6, False, "仅在未填身份证号时填写：“男”或“女”。", choices=tuple(SEX_LABELS.values())),
    Column("出生日期", "birth_date", 12, False, "仅在未填身份证号时填写，格式 YYYY-MM-DD。"),
    Column("单位", "unit", 22, False, "所在单位，如“某区人力资源和社会保障局”。", aliases=("工作单位",)),
    Column("科室", "section", 18, False, "所在科室或队所，如“劳动保障监察大队”。", aliases=("科室/队所", "部门")),
    Column("职务/职级", "post", 14, False, "如“科员”“一级主任科员”。", aliases=("职务", "职级")),
    Column("编制类型", "staffing_type", 12, False,
           "留空即为“行政编制”。可选：" + "、".join(STAFFING_LABELS_ZH.values()) + "。",
           choices=tuple(STAFFING_LABELS_ZH.values()), aliases=("编制",)),
    Column("法律职业资格", "has_legal_qualification", 12, False, "“是”或“否”，留空视为“否”；填了证书编号即视为“是”。",
           choices=(YES, NO)),
    Column("法律职业资格证书编号", "legal_qualification_no", 22, False, "选填。", text=True),
    Column("在编", "on_roster", 8, False, "“是”或“否”，留空视为“是”（在执法人员名册中）。", choices=(YES, NO)),
    Column("证件类型", "cert_type", 16, False,
           "有执法证时填写，留空即为“行政执法证”。可选：" + "、".join(CERT_TYPE_LABELS_ZH.values()) + "。",
           choices=tuple(CERT_TYPE_LABELS_ZH.values())),
    Column("证件编号", "cert_number", 18, True,
           "有执法证时填写；同一编号不能重复。没有执法证的人员此列及以后各列留空。", text=True,
           aliases=("执法证号", "执法证编号")),
    Column("发证机关", "cert_issuing_authority", 18, False, "如“某省人民政府”“某省人力资源和社会保障厅”。"),
    Column("发证日期", "cert_issue_date", 12, False, "有执法证时必填，格式 YYYY-MM-DD。"),
    Column("有效期至", "cert_expiry_date", 12, False, "有执法证时必填，格式 YYYY-MM-DD，不能早于发证日期。",
           aliases=("有效期截止日期", "到期日期")),
    Column("执法类别", "cert_category", 18, False, "执法区域和类别，如“劳动保障监察”；多个类别用顿号分隔。",
           aliases=("执法类别/区域", "执法区域")),
    Column("证件状态", "cert_status", 10, False,
           "留空即为“有效”。可选：" + "、".join(CERT_STATUS_LABELS.values()) + "。过期由有效期自动判断，无需填写。",
           choices=tuple(CERT_STATUS_LABELS.values())),
)
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}
_DATE_FIELDS = ("birth_date", "cert_issue_date", "cert_expiry_date")
_TEXT_COLUMNS = {c.field for c in COLUMNS if c.text}

EXPORT_HEADERS = (*(c.label for c in COLUMNS), "当前状态", "距到期天数")


# ---------------------------------------------------------------- template
def write_template(path: str | os.PathLike[str]) -> None:
    """Write the program's roster import template to `path` (.xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    template.write_header_row(
        ws, COLUMNS, required_fields=("name",), date_fields=_DATE_FIELDS, rows=TEMPLATE_ROWS, freeze="B2"
    )

    template.write_help_sheet(
        wb, HELP_SHEET_NAME,
        [(c.label, _must(c.field), c.help) for c in COLUMNS],
        (
            "使用方法：在“执法人员”表中每行填写一名人员及其一本执法证，第一行表头不要修改；空行会被跳过。",
            template.ROW_BY_ROW_NOTE,
            "身份证号或证件编号在文件内重复、或已在执法人员名册中登记的，该行不导入。",
            "一人持有多本执法证的，先导入一本，其余在程序中该人员的“执法证”表中添加。",
        ),
        widths=(22, 16, 90),
    )
    template.save_template(wb, path)


def _must(field: str) -> str:
    """The 说明 sheet's 是否必填 of a column."""
    if field == "name":
        return "必填"
    return "有执法证时必填" if field in ("cert_number", "cert_issue_date", "cert_expiry_date") else "选填"


# ---------------------------------------------------------------- reading
def read_records(path: str | os.PathLike[str]) -> tuple[int, Iterator[tuple[int, RowFields]]]:
    """Open a filled template through the one reader (`sheet_rows.open_table`);
    return (row count, iterator of (row number, fields))."""
    return template.read_template(path, SHEET_NAME, COLUMNS, _row_fields, exact_count=True)


def _row_fields(raw: Mapping[str, Any]) -> RowFields:
    fields, problem = template.convert_cells(raw, _CONVERTERS, COLUMN_BY_FIELD)
    return RowFields(fields, problem)


_CONVERTERS: dict[str, Callable[[Any, Column], Any]] = {
    "sex": choice_converter({"M": "男", "F": "女"}),
    "birth_date": cells.day,
    "staffing_type": choice_converter(STAFFING_LABELS_ZH, {"行政": "civil_servant", "事业": "institution",
                                                           "参照公务员法管理": "managed_as_civil_servant"}),
    "has_legal_qualification": cells.yes_no,
    "on_roster": cells.yes_no,
    "cert_type": choice_converter(CERT_TYPE_LABELS_ZH, {"执法证": "admin_enforcement", "监察证": "labour_inspection"}),
    "cert_issue_date": cells.day,
    "cert_expiry_date": cells.day,
    "cert_status": choice_converter(CERT_STATUS_LABELS, {"吊销": "withdrawn"}),
}


# ---------------------------------------------------------------- export
def export_roster(
    lines: Sequence[tuple[OfficerRow, CertificateRow | None]],
    path: str | os.PathLike[str],
    *,
    as_of: date | None = None,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.spreadsheets.writer.ExportRecorder: the export audits itself
) -> int:
    """Write the roster lines (ID numbers masked as the rows carry them) to `path`; return the count."""
    from app.spreadsheets.writer import Heading, new_workbook, save_workbook, table_sheet

    day = as_of or bureau_today()
    total = len(lines)
    wb = new_workbook(write_only=True)
    headings = [Heading(c.label, c.width, "date" if c.field in _DATE_FIELDS else "text") for c in COLUMNS]
    headings += [Heading(f"状态（{day.isoformat()}）", 18), Heading(EXPORT_HEADERS[-1], 10, "count")]
    ws = table_sheet(wb, EXPORT_SHEET_NAME, headings, freeze="B2")

    written = 0
    if progress:
        progress(0, total)
    try:
        for officer, cert in lines:
            if written % 200 == 0:
                raise_if_cancelled(cancel)
                if progress:
                    progress(written, total)
            ws.append(_export_values(officer, cert, day))
            written += 1
        raise_if_cancelled(cancel)
        save_workbook(wb, path, cancel=cancel, trace=trace, rows=written)
    except BaseException:
        discard_sheet(ws)
        raise
    if progress:
        progress(written, total)
    return written


def _export_values(officer: OfficerRow, cert: CertificateRow | None, day: date) -> list[Any]:
    values: list[Any] = [
        officer.name,
        officer.id_no or None,
        SEX_LABELS.get(officer.sex or "", officer.sex),
        officer.birth_date,
        officer.unit or None,
        officer.section or None,
        officer.post or None,
        STAFFING_LABELS_ZH.get(officer.staffing_type, officer.staffing_type),
        YES if officer.has_legal_qualification else NO,
        officer.legal_qualification_no or None,
        YES if officer.on_roster else NO,
    ]
    if cert is None:
        values.extend([None] * 7)
        values.extend([STATUS_LABELS_ZH["none"], None])
    else:
        values.extend([
            CERT_TYPE_LABELS_ZH.get(cert.cert_type, cert.cert_type),
            cert.number,
            cert.issuing_authority or None,
            cert.issue_date,
            cert.expiry_date,
            cert.category or None,
            CERT_STATUS_LABELS.get(cert.status, cert.status),
            STATUS_LABELS_ZH[display_status(cert, day)],
            (cert.expiry_date - day).days,
        ])
    return values
