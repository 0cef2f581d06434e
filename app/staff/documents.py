"""行政执法人员公示名单: the public roster for 执法公示 (portrait A4).

Only what the law asks to publish (DOMAIN B §7, S20): name, unit, certificate
type and number, enforcement category — nothing personal (no ID number, birth
date or sex).  Each certificate valid on the date is one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.clock import bureau_today
from app.documents.base import PORTRAIT, TableColumn, chinese_date, signature_block, text
from app.documents.table_document import print_table
from app.staff.service import CERT_TYPE_LABELS_ZH, PublicEntry

DEFAULT_TITLE = "行政执法人员公示名单"

COLUMNS = (
    # Points of the 442-pt portrait frame: 劳动保障监察证, a 13-digit number, a
    # 12-character bureau name and "劳动保障监察、社会保险" each fit on one line.
    TableColumn("序号", 24, "center"),
    TableColumn("姓名", 46, "center"),
    TableColumn("执法单位", 116),
    TableColumn("证件类型", 72, "center"),
    TableColumn("证件编号", 78, "center"),
    TableColumn("执法类别", 106),
)


def write_public_roster_pdf(
    entries: Sequence[PublicEntry],
    path: str | os.PathLike[str],
    *,
    as_of: date,
    organisation: str = "",
    printed_on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
    title: str = DEFAULT_TITLE,
) -> int:
    """Print the public roster at `path`; return the number of lines printed."""
    printed_on = printed_on or bureau_today()
    total = len(entries)
    persons = len({(e.name, e.unit) for e in entries})

    def rows() -> Iterator[list[Any]]:
        for index, entry in enumerate(entries, start=1):
            yield [index, entry.name, entry.unit, CERT_TYPE_LABELS_ZH.get(entry.cert_type, entry.cert_type),
                   entry.number, entry.category]

    def after(styles: dict[str, ParagraphStyle]) -> Iterator[Flowable]:
        yield Spacer(1, 3)
        yield Paragraph(
            text("以上人员均持有效行政执法证件，可在其执法类别和区域内从事行政执法活动。"
                 "公众可通过证件编号核验执法人员身份。"),
            styles["note"],
        )
        if organisation:
            yield from signature_block(organisation, printed_on, styles, space_before=10)

    print_table(
        path,
        title=title,
        subtitle=f"（截至{chinese_date(as_of)}持有效执法证件人员，共{persons}人、{total}本证件）",
        layout=PORTRAIT,
        columns=COLUMNS,
        rows=rows(),
        total=total,
        header_left=f"{organisation} · 执法公示" if organisation else "执法公示",
        header_right=f"截至{chinese_date(as_of)}",
        subject="行政执法人员公示名单（姓名、证件编号、执法类别）",
        after=after,
        progress=progress,
        cancel=cancel,
        trace=trace,
    )
    return total
