"""The parties register in Excel: the import template, the reader, the export.

- `write_template(path)` writes the program's own import template (sheet 当事人
  plus a 说明 sheet explaining each column).
- `read_records(path)` streams a filled template and yields
  `(Excel row number, fields)` for `PartyService.import_records`.
- `export_parties(query, path, ...)` streams a filtered `PagedQuery[PartyRow]`
  into a write-only workbook (constant memory; values masked as the rows carry
  them) and renames it into place only when complete.

A cell whose value cannot be read (说明: an unknown 证件类型, a date that is
not a date, an ID number that Excel turned into a number) does not stop the
import: the row's fields come as a `RowFields` mapping that raises the row's
`UserError` as soon as the service reads it, so `import_records` refuses that
row with its row number and reason and goes on with the next one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.errors import UserError
from app.kernel.paging import query_pages
from app.kernel.progress import ProgressCallback
from app.parties.models import IdType, OrgType, PartyKind
from app.spreadsheets import cells
from app.spreadsheets.template import (
    ROW_BY_ROW_NOTE,
    Column,
    RowFields,
    choice_converter,
    convert_cells,
    read_template,
    save_template,
    write_header_row,
    write_help_sheet,
)

SHEET_NAME = "当事人"
HELP_SHEET_NAME = "说明"
EXPORT_SHEET_NAME = "当事人"
EXPORT_PAGE_SIZE = 1000
# Template rows that carry drop-downs and text formatting.
TEMPLATE_ROWS = 5000

KIND_LABELS: dict[str, str] = {PartyKind.PERSON.value: "个人", PartyKind.ORG.value: "单位"}
ID_TYPE_LABELS: dict[str, str] = {
    IdType.RESIDENT_ID.value: "居民身份证",
    IdType.HMT_RESIDENCE.value: "港澳台居民居住证",
    IdType.FOREIGN_PR.value: "外国人永久居留身份证",
    IdType.PASSPORT.value: "护照",
    IdType.OTHER.value: "其他",
}
ORG_TYPE_LABELS: dict[str, str] = {
    OrgType.ENTERPRISE.value: "企业",
    OrgType.INDIVIDUAL_BUSINESS.value: "个体工商户",
    OrgType.PRIVATE_NON_ENTERPRISE.value: "民办非企业单位",
    OrgType.PUBLIC_INSTITUTION.value: "机关事业单位",
    OrgType.UNLICENSED.value: "无营业执照或被吊销",
    OrgType.CONTRACTOR.value: "个人承包经营者",
}
SEX_LABELS: dict[str, str] = {"M": "男", "F": "女"}
YES, NO = "是", "否"


COLUMNS: tuple[Column, ...] = (
    Column("类别", "kind", 8, True, "必填。“个人”（劳动者等自然人）或“单位”（用人单位）。",
           choices=tuple(KIND_LABELS.values()), aliases=("当事人类别",)),
    Column("姓名/名称", "name", 24, True, "必填。个人填姓名，单位填营业执照上的全称。",
           aliases=("姓名", "名称", "姓名或名称")),
    Column("证件类型", "id_type", 20, False,
           "个人填写，留空即为“居民身份证”。可选：" + "、".join(ID_TYPE_LABELS.values()) + "。",
           choices=tuple(ID_TYPE_LABELS.values())),
    Column("身份证号/证件号码", "id_no", 22, True,
           "个人填写。居民身份证号为18位，最后一位可以是X（小写x会自动转为大写）；系统校验出生日期和校验位，"
           "性别和出生日期由身份证号自动得出。本列已设为文本格式，请勿改为数字格式，否则Excel会丢失后几位。",
           text=True, aliases=("身份证号", "证件号码", "公民身份号码")),
    Column("性别", "sex", 6, False, "仅在证件不是居民身份证时填写：“男”或“女”。", choices=tuple(SEX_LABELS.values())),
    Column("出生日期", "birth_date", 12, False,
           "仅在证件不是居民身份证时填写，格式 YYYY-MM-DD（如 1990-01-31），或Excel日期。"),
    Column("是否农民工", "is_migrant_worker", 10, False,
           "个人填写“是”或“否”，留空视为“否”。农民工指为用人单位提供劳动的农村居民，无法从身份证号判断，请如实填写。",
           choices=(YES, NO)),
    Column("统一社会信用代码", "uscc", 22, True,
           "单位填写，18位，系统校验校验位；无营业执照的单位可留空。", text=True,
           aliases=("信用代码", "社会信用代码")),
    Column("单位类型", "org_type", 20, False,
           "单位填写，留空即为“企业”。可选：" + "、".join(ORG_TYPE_LABELS.values()) + "。",
           choices=tuple(ORG_TYPE_LABELS.values())),
    Column("法定代表人", "legal_rep", 12, False, "单位填写：法定代表人或主要负责人姓名。",
           aliases=("法定代表人/负责人", "负责人")),
    Column("联系电话", "phone", 16, False, "手机号（11位）或固定电话（如 0851-85551234）。", text=True,
           aliases=("电话",)),
    Column("地址", "address", 40, False, "个人填写住址，单位填写注册地址或经营地址。", aliases=("住址",)),
)
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}

# Headers of the export: the template's columns, so a clerk recognises them (no database id: issue 17).
EXPORT_HEADERS = tuple(c.label for c in COLUMNS)


# ---------------------------------------------------------------- template
def write_template(path: str | os.PathLike[str]) -> None:
    """Write the program's own import template to `path` (.xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    write_header_row(
        ws, COLUMNS, required_fields=("kind", "name"), date_fields=("birth_date",), rows=TEMPLATE_ROWS, freeze="A2"
    )

    write_help_sheet(
        wb, HELP_SHEET_NAME,
        [(c.label, "必填" if c.field in ("kind", "name") else "按类别填写", c.help) for c in COLUMNS],
        (
            "使用方法：在“当事人”表中每行填写一个当事人，第一行表头不要修改；空行会被跳过。",
            ROW_BY_ROW_NOTE,
            "同一身份证号或统一社会信用代码在文件内重复、或已在当事人库中登记的，该行不导入。",
            "没有身份证号的个人作为新的当事人登记，不会按姓名并入库中已有的同名当事人。",
            *cells.COMMON_NOTES,
        ),
        widths=(20, 12, 90),
    )
    save_template(wb, path)


# ---------------------------------------------------------------- reading
def read_records(path: str | os.PathLike[str]) -> tuple[int, Iterator[tuple[int, RowFields]]]:
    """Open a filled template; return (row count, iterator of (row number, fields)).

    Read through the one reader (`sheet_rows.open_table`: every row, whatever
    the stored dimension says; the file checked against the limits first).
    The count is exact: the rows that are not blank, which is what the
    iterator yields.  Raises UserError `file.not_found` /
    `import.not_a_workbook` / `import.wrong_template` … before any row is
    read.  The workbook stays open until the iterator is exhausted or closed.
    """
    return read_template(path, SHEET_NAME, COLUMNS, _row_fields, exact_count=True)


def _row_fields(raw: Mapping[str, Any]) -> RowFields:
    """Turn one row's cells into service field values (labels → enum values)."""
    fields, problem = convert_cells(raw, _CONVERTERS, COLUMN_BY_FIELD)
    if problem is None and "kind" not in fields:
        # The service would default to a person; an employer row without its
        # 类别 would then be saved as a person.  Ask instead.
        column = COLUMN_BY_FIELD["kind"]
        problem = UserError("import.value_required", field="kind", column=column.label)
    return RowFields(fields, problem)


_CONVERTERS: dict[str, Callable[[Any, Column], Any]] = {
    "kind": choice_converter(KIND_LABELS, {"自然人": "person", "劳动者": "person", "用人单位": "org", "组织": "org"}),
    "id_type": choice_converter(ID_TYPE_LABELS, {"身份证": "resident_id"}),
    "sex": choice_converter({"M": "男", "F": "女"}),
    "org_type": choice_converter(ORG_TYPE_LABELS, {"包工头": "contractor", "民办非企业": "private_non_enterprise",
                                          "机关事业": "public_institution"}),
    "is_migrant_worker": cells.yes_no,
    "birth_date": cells.birth_day,
    "id_no": cells.number_text,
    "uscc": cells.number_text,
    "phone": cells.number_text,
}


# ---------------------------------------------------------------- export
def export_parties(
    query: Any,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.spreadsheets.writer.ExportRecorder: the export audits itself
) -> int:
    """Write the rows of `query` (a PagedQuery[PartyRow], already filtered and
    masked) to an .xlsx at `path`; return the number of rows written.

    Reads page by page into a write-only workbook (constant memory).  `cancel`
    (a CancelToken) is checked between pages: Cancelled is raised and no file
    is left behind.  The file appears at `path` only once it is complete.
    """
    from app.spreadsheets.writer import Heading, new_workbook, table_sheet, write_pages

    total = query.count()
    wb = new_workbook(write_only=True)
    ws = table_sheet(wb, EXPORT_SHEET_NAME, [
        Heading(c.label, c.width, "date" if c.field == "birth_date" else "text") for c in COLUMNS])
    return write_pages(wb, ws, path, query_pages(query, total, EXPORT_PAGE_SIZE, cancel=cancel), _export_values,
                       total=total, progress=progress, cancel=cancel, trace=trace)


def _export_values(row: Any) -> list[Any]:
    is_person = row.kind == PartyKind.PERSON
    return [
        KIND_LABELS.get(row.kind, row.kind),
        row.name,
        ID_TYPE_LABELS.get(row.id_type or "", row.id_type or "") if is_person else None,
        row.id_no or None,
        SEX_LABELS.get(row.sex or "", row.sex) if is_person else None,
        row.birth_date if is_person else None,
        (YES if row.is_migrant_worker else NO) if is_person else None,
        row.uscc or None,
        ORG_TYPE_LABELS.get(row.org_type or "", row.org_type) if not is_person else None,
        row.legal_rep or None,
        row.phone or None,
        row.address or None,
    ]
