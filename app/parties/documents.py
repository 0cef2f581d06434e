"""当事人名册: the parties register printed as a table (landscape A4).

Personal data is printed as the PartyRow carries it — masked (DOMAIN A5).
The rows stream from the PagedQuery page by page into one Table per PDF page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from app.clock import bureau_today
from app.documents.base import LANDSCAPE, TableColumn, chinese_date
from app.documents.table_document import desk_header, print_table
from app.kernel.paging import query_pages
from app.parties.models import PartyKind
from app.parties.spreadsheet import ID_TYPE_LABELS, KIND_LABELS, ORG_TYPE_LABELS, SEX_LABELS

DEFAULT_TITLE = "当事人名册"
READ_PAGE_SIZE = 500

# Widths in points of the 742-pt landscape frame (scaled to fit): the masked
# address (province…street + ****) and an ID number each fit on one line.
COLUMNS = (
    TableColumn("序号", 34, "center"),  # the line's number in this printout, never a database id (issue 17)
    TableColumn("类别", 27, "center"),
    TableColumn("姓名/名称", 124),
    TableColumn("证件/单位类型", 66, "center"),
    TableColumn("证件号码/信用代码", 104, "center"),
    TableColumn("性别", 26, "center"),
    TableColumn("出生日期", 56, "center"),
    TableColumn("农民工", 32, "center"),
    TableColumn("法定代表人", 52),
    TableColumn("联系电话", 70, "center"),
    TableColumn("地址", 151),
)


def _values(line: int, row: Any) -> list[Any]:
    is_person = row.kind == PartyKind.PERSON
    return [
        line,
        KIND_LABELS.get(row.kind, row.kind),
        row.name,
        (ID_TYPE_LABELS.get(row.id_type or "", row.id_type or "") if is_person
         else ORG_TYPE_LABELS.get(row.org_type or "", row.org_type or "")),
        row.id_no if is_person else row.uscc,
        SEX_LABELS.get(row.sex or "", row.sex or "") if is_person else "",
        row.birth_date.isoformat() if is_person and row.birth_date else "",
        ("是" if row.is_migrant_worker else "否") if is_person else "",
        row.legal_rep,
        row.phone,
        row.address,
    ]


def write_party_register_pdf(
    query: Any,
    path: str | os.PathLike[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
    title: str | None = None,
    organisation: str = "",
    printed_on: date | None = None,
) -> int:
    """Print the rows of `query` (a PagedQuery[PartyRow], filtered, masked) as a
    PDF register at `path`; return the number of rows printed.

    Written to a temporary file and renamed into place; `cancel` (a
    CancelToken) is checked between pages and raises Cancelled, leaving no
    file.  `progress(rows_done, total)` is called as pages are laid out.
    """
    title = title or DEFAULT_TITLE
    printed_on = printed_on or bureau_today()
    total = query.count()
    printed = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal printed
        for batch in query_pages(query, total, READ_PAGE_SIZE, cancel=cancel):
            for line, row in enumerate(batch, start=printed + 1):
                yield _values(line, row)
            printed += len(batch)

    print_table(
        path,
        title=title,
        subtitle=f"打印日期：{chinese_date(printed_on)}　　共 {total} 条　　（身份证号、联系电话、住址已按规定脱敏）",
        layout=LANDSCAPE,
        columns=COLUMNS,
        rows=rows(),
        total=total,
        header_left=desk_header(organisation, title),
        header_right=f"打印日期：{chinese_date(printed_on)}",
        subject="当事人名册（个人信息已脱敏）",
        progress=progress,
        cancel=cancel,
        trace=trace,
        printed=lambda: printed,
    )
    return printed
