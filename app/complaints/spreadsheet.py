"""Complaints ledgers in Excel: the import template (+ 说明 sheet), a streaming
reader with row numbers, and write-only exports of the complaints list and of
the wage-recovery ledger (one row per worker per case).  Personal data in the
exports is masked as the rows carry it.

One template row is one worker of one complaint against one employer, as the
bureau's existing Excel ledgers are kept; the import registers a complaint
per row (and, when the row gives them, its acceptance, the amount already
paid and its closure) through app.complaints.importing.import_ledger —
one transaction, refused rows reported with their row number and reason.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.complaints import rules
from app.errors import UserError
from app.kernel.files import save_atomically
from app.kernel.import_report import ImportReport
from app.kernel.paging import query_pages
from app.kernel.progress import ProgressCallback
from app.spreadsheets import add_choice_list, cells
from app.spreadsheets.template import (
    Column,
    RowFields,
    convert_cells,
    read_template,
    write_help_sheet,
)
from app.spreadsheets.writer import Heading, Money

if TYPE_CHECKING:
    from app.complaints.service import ComplaintService

SHEET_NAME = "投诉台账"
HELP_SHEET_NAME = "说明"
LIST_SHEET_NAME = "投诉登记"
LEDGER_SHEET_NAME = "追欠台账"
EXPORT_PAGE_SIZE = 2000
TEMPLATE_ROWS = 5000
_HEADER_SCAN_ROWS = 10


def _zh(table: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    return tuple(zh for zh, _en in table.values())


_IMPORTABLE_CLOSURES = tuple(
    zh for code, (zh, _en) in rules.CLOSURE_LABELS.items() if code in ("paid", "no_violation", "other")
)
COLUMNS: tuple[Column, ...] = (
    Column("登记日期", "received_on", 12, True, "必填。收到投诉（举报）的日期，格式 YYYY-MM-DD 或Excel日期。",
           aliases=("收到日期", "投诉日期", "接收日期")),
    Column("来源渠道", "channel", 16, True, "必填。可选：" + "、".join(_zh(rules.CHANNEL_LABELS)) + "。",
           choices=_zh(rules.CHANNEL_LABELS), aliases=("来源", "渠道")),
    Column("类别", "kind", 8, False, "“投诉”或“举报”，留空为“投诉”。", choices=_zh(rules.KIND_LABELS)),
    Column("劳动者姓名", "worker_name", 12, True, "必填。", aliases=("姓名", "投诉人")),
    Column("身份证号", "worker_id_no", 22, True,
           "必填。18位，最后一位可以是X；系统校验出生日期和校验位。本列为文本格式，请勿改为数字。",
           text=True, aliases=("公民身份号码", "证件号码")),
    Column("联系电话", "worker_phone", 14, False, "手机号或固定电话。", text=True, aliases=("电话",)),
    Column("是否农民工", "is_migrant_worker", 10, False, "“是”或“否”，留空视为“是”。", choices=("是", "否")),
    Column("用人单位名称", "employer_name", 28, True, "必填。营业执照上的全称。", aliases=("被投诉单位", "单位名称")),
    Column("统一社会信用代码", "employer_uscc", 22, False, "18位；无营业执照的可留空。", text=True,
           aliases=("信用代码",)),
    Column("单位角色", "role", 10, False, "留空为“用人单位”。可选：" + "、".join(_zh(rules.ROLE_LABELS)) + "。",
           choices=_zh(rules.ROLE_LABELS)),
    Column("欠薪金额（元）", "owed_fen", 14, True, "必填。元，最多两位小数，不能为负数。",
           aliases=("欠薪金额", "拖欠金额", "金额")),
    Column("投诉事项", "matters", 30, False, "留空为“拖欠工资”。"),
    Column("受理日期", "accepted_on", 12, False, "已受理立案的填写受理日期；留空则按“已登记待审查”导入。"),
    Column("已支付金额（元）", "paid_fen", 14, False, "已追回的金额（元）；填写后视为已受理。不能超过欠薪金额。",
           aliases=("已追回金额", "已支付金额")),
    Column("支付日期", "paid_on", 12, False, "已支付金额的支付日期；留空为受理日期。"),
    Column("结案日期", "closed_on", 12, False, "已结案的填写结案日期（不早于受理日期和支付日期）；留空则按未结案导入。"),
    Column("结案方式", "closure_kind", 16, False,
           "可选：" + "、".join(_IMPORTABLE_CLOSURES) + "。已全额支付的可留空（按“欠薪已全部支付”结案）。",
           choices=_IMPORTABLE_CLOSURES),
    Column("结案理由", "close_reason", 30, False, "留空为结案方式加“（台账导入）”。", aliases=("结案情况",)),
)
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}

LIST_HEADINGS = (
    Heading("登记号", kind="case_no"), Heading("立案号", kind="case_no"), Heading("类别", 6),
    Heading("来源渠道", 14), Heading("登记日期", kind="date"), Heading("投诉人", 10), Heading("被投诉单位", 30),
    Heading("在建项目", 20), Heading("涉及人数", 8, "count"), Heading("欠薪金额（元）", kind="money"),
    Heading("已追回（元）", kind="money"), Heading("尚欠（元）", kind="money"), Heading("状态", 12),
    Heading("期限", kind="date"), Heading("是否逾期", 8),
)
LIST_HEADERS = tuple(h.label for h in LIST_HEADINGS)
LEDGER_HEADINGS = (
    Heading("登记号", kind="case_no"), Heading("立案号", kind="case_no"), Heading("登记日期", kind="date"),
    Heading("状态", 12), Heading("被投诉单位", 30), Heading("在建项目", 20), Heading("劳动者", 10),
    Heading("身份证号", 22), Heading("农民工", 8), Heading("欠薪金额（元）", kind="money"),
    Heading("已追回（元）", kind="money"), Heading("尚欠（元）", kind="money"), Heading("最近支付日期", kind="date"),
)
LEDGER_HEADERS = tuple(h.label for h in LEDGER_HEADINGS)


# ---------------------------------------------------------------- template
def write_template(path: str | os.PathLike[str]) -> None:
    """Write the program's complaints-ledger import template to `path` (.xlsx)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index, value=column.label)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        if column.text:
            ws.column_dimensions[letter].number_format = "@"
        if column.choices:
            add_choice_list(ws, letter, column.choices, TEMPLATE_ROWS)
    ws.freeze_panes = "A2"
    write_help_sheet(
        wb, HELP_SHEET_NAME,
        [(c.label, "必填" if c.required else "选填", c.help) for c in COLUMNS],
        (
            "使用方法：在“投诉台账”表中每行填写一名劳动者对一个用人单位的一件投诉，第一行表头不要修改；空行会被跳过。",
            "导入时逐行校验：有错误的行（身份证号错误、金额为负、来源渠道不认识、与文件中前面的行重复等）不导入，"
            "导入结束后列出行号和原因；其余各行一并保存。",
            "劳动者和用人单位按身份证号、统一社会信用代码在当事人库中查找（没有信用代码的单位按名称查找），找不到的自动登记。",
            "填写了结案日期的，按“受理—调查—结案”导入为已结案；作出处理/处罚决定、移送、撤销立案的案件请在程序中办理。",
            "劳动者必须填写身份证号，只按身份证号查找，不按姓名查找。与已登记投诉的劳动者、用人单位、登记日期和欠薪金额都相同的行"
            "视为重复，不予导入，并提示已登记的登记号。",
            *cells.COMMON_NOTES,
        ),
        widths=(20, 10, 90),
        freeze=False,
    )
    wb.active = 0
    save_atomically(wb.save, Path(path))


# ---------------------------------------------------------------- reading
def read_records(path: str | os.PathLike[str]) -> tuple[int, Iterator[tuple[int, dict[str, Any]]]]:
    """Open a filled template: (estimated row count, iterator of (row number, fields)).

    Reads the sheet through the one reader (`sheet_rows.open_table`: bounded
    memory, every row, the file checked against the limits first); a bad file
    fails here with `import.not_a_workbook` / `import.wrong_template` … before
    any row is read.
    """
    return read_template(path, SHEET_NAME, COLUMNS, _row_fields)


BACKGROUND_FROM_BYTES = 512 * 1024  # ~10,000 rows: below this, starting a reader process costs more than it saves


def import_ledger_file(
    service: ComplaintService,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
    again: bool = False,
) -> tuple[ImportReport, int]:
    """Import a filled template through `import_ledger` as `service`'s user: (the report, rows read).

    A large file in a SQLite database file is read, and its rows checked and
    prepared (`complaint_import.PrepareStage`), in a second process while this
    one writes (`background`): the two halves of the work overlap on two
    cores.  A bad file fails before anything is written.
    """
    from app.complaints.importing import BATCH_ROWS, PreparedBatch, PrepareStage, import_ledger
    from app.imports.batches import source_for
    from app.spreadsheets.background import read_in_background

    file = Path(path)
    source = source_for("complaints", file, again=again)
    read = 0
    opened: list[Iterator[Any]] = []

    def counted(items: Iterator[Any]) -> Iterator[Any]:
        nonlocal read
        for item in items:
            read += item.rows if isinstance(item, PreparedBatch) else 1
            yield item

    if _prepare_in_background(service, file):
        def stage(context: Any) -> tuple[int, Iterator[Any]]:
            total, items = read_in_background(
                f"{__name__}.read_records", file, PrepareStage(context, BATCH_ROWS), per_message=1,
                waiting=2,  # a prepared batch is a few MB: one being written, one ready, one being made
            )
            opened.append(items)
            return total, counted(items)

        try:
            report = import_ledger(service, (), progress=progress, cancel=cancel, stage=stage, source=source)
        finally:
            for items in opened:
                items.close()  # type: ignore[attr-defined]
        return report, read
    total, records = read_records(file)
    try:
        report = import_ledger(service, counted(records), total=total, progress=progress, cancel=cancel,
                               source=source)
    finally:
        records.close()  # type: ignore[attr-defined]
    return report, read


def _prepare_in_background(service: ComplaintService, file: Path) -> bool:
    url = service.store.url
    return (
        file.is_file()
        and file.stat().st_size >= BACKGROUND_FROM_BYTES
        and url.startswith("sqlite:///")
        and url != "sqlite:///:memory:"
    )


def _choice(table: dict[str, tuple[str, str]]) -> Callable[[Any, Any], str | None]:
    def convert(value: Any, column: Any) -> str | None:
        text = cells.text(value, column)
        if text is None:
            return None
        code = rules.value_from_label(table, re.sub(r"\s", "", text))
        # An unknown value goes through as typed: the service refuses it with its own message.
        return code if code is not None else text

    return convert


_CONVERTERS: dict[str, Callable[[Any, Any], Any]] = {
    "received_on": cells.day,
    "accepted_on": cells.day,
    "paid_on": cells.day,
    "closed_on": cells.day,
    "closure_kind": _choice(rules.CLOSURE_LABELS),
    "channel": _choice(rules.CHANNEL_LABELS),
    "kind": _choice(rules.KIND_LABELS),
    "role": _choice(rules.ROLE_LABELS),
    "is_migrant_worker": cells.yes_no,
    "worker_id_no": cells.number_text,
    "worker_phone": cells.number_text,
    "employer_uscc": cells.number_text,
    "owed_fen": cells.money,
    "paid_fen": cells.money,
}


def _row_fields(raw: Mapping[str, Any]) -> RowFields:
    fields, problem = convert_cells(raw, _CONVERTERS, COLUMN_BY_FIELD)
    if problem is None:
        for name in ("received_on", "worker_name", "worker_id_no", "employer_name", "owed_fen"):
            if name not in fields:
                column = COLUMN_BY_FIELD[name]
                problem = UserError("import.value_required", field=name, column=column.label)
                break
    return RowFields(fields, problem)


# ---------------------------------------------------------------- exports
def _export(
    query: Any,
    path: str | os.PathLike[str],
    sheet: str,
    headings: tuple[Heading, ...],
    values: Callable[[Any], list[Any]],
    progress: ProgressCallback | None,
    cancel: Any,
    trace: Any = None,
) -> int:
    from app.spreadsheets.writer import new_workbook, table_sheet, write_pages

    total = query.count()
    wb = new_workbook(write_only=True)
    ws = table_sheet(wb, sheet, headings)
    if hasattr(query, "batches"):  # one streamed pass: no OFFSET over a million rows
        pages: Iterator[Any] = query.batches(EXPORT_PAGE_SIZE)
    else:
        pages = query_pages(query, total, EXPORT_PAGE_SIZE)
    return write_pages(wb, ws, path, pages, values, total=total, progress=progress, cancel=cancel, trace=trace)


def _zh_label(table: dict[str, tuple[str, str]], value: str | None) -> str:
    return rules.label(table, value, "zh_CN")


def export_complaints(
    query: Any, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None, cancel: Any = None,
    trace: Any = None,
) -> int:
    """The complaints list (a PagedQuery[ComplaintRow], as filtered) to .xlsx; returns rows written."""

    def values(r: Any) -> list[Any]:
        return [
            r.number, r.case_no or None, _zh_label(rules.KIND_LABELS, r.kind), _zh_label(rules.CHANNEL_LABELS, r.channel),
            # A reporter's identity never leaves the program in a file (条例 art 9).
            r.received_on, ("（举报人信息保密）" if r.kind == "report" else r.complainant) or None,
            r.employers, r.project or None, r.workers,
            Money(r.owed_fen), Money(r.recovered_fen), Money(r.outstanding_fen),
            _zh_label(rules.STATUS_LABELS, r.status), r.next_due, "是" if r.overdue else None,
        ]

    return _export(query, path, LIST_SHEET_NAME, LIST_HEADINGS, values, progress, cancel, trace)


def export_ledger(
    query: Any, path: str | os.PathLike[str], *, progress: ProgressCallback | None = None, cancel: Any = None,
    trace: Any = None,
) -> int:
    """The wage-recovery ledger (a PagedQuery[LedgerRow]) to .xlsx, ID numbers masked; returns rows written."""
    status_zh = {code: zh for code, (zh, _en) in rules.STATUS_LABELS.items()}

    def values(r: Any) -> list[Any]:
        return [
            r.number, r.case_no or None, r.received_on, status_zh.get(r.status, r.status), r.employers,
            r.project or None, r.worker, r.id_no or None, "是" if r.is_migrant_worker else "否",
            Money(r.owed_fen), Money(r.recovered_fen), Money(r.owed_fen - r.recovered_fen), r.last_paid_on,
        ]

    return _export(query, path, LEDGER_SHEET_NAME, LEDGER_HEADINGS, values, progress, cancel, trace)
