"""One table printed page by page under a title: what the registers' PDFs share.

The parties register, the public roster of enforcement staff and the projects'
six-system table are each a title, a subtitle line, one `TablePages` table fed
row by row, and sometimes something after it (a note, a summary, a signature).
`print_table` builds that story, reports progress page by page and writes the
PDF atomically (`OfficialDocument.build`); the area module gives the words, the
columns and the rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from app.documents.base import (
    BoldParagraph,
    OfficialDocument,
    PageLayout,
    TableColumn,
    TablePages,
    text,
)


def desk_header(organisation: str, title: str) -> str:
    """A page header's left part: the bureau and the title (the program's name without a bureau)."""
    return f"{organisation} · {title}" if organisation else f"人社办案台 · {title}"


def print_table(
    path: str | os.PathLike[str],
    *,
    title: str,
    subtitle: str,
    layout: PageLayout,
    columns: Sequence[TableColumn],
    rows: Iterable[Sequence[Any]],
    total: int,
    header_left: str,
    header_right: str,
    subject: str,
    table: type[TablePages] = TablePages,
    after: Callable[[dict[str, ParagraphStyle]], Iterable[Flowable]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: Any = None,  # app.kernel.exports.ExportTrace: the export audits itself
    printed: Callable[[], int] | None = None,
) -> int:
    """Print `rows` (pulled lazily, `total` of them) as a `table` of `columns` under the title
    and subtitle, then `after(styles)`, at `path`; return the number of pages.

    `progress(rows_done, total)` is called as pages are laid out; `cancel` raises
    Cancelled between pages and leaves no file; the audit trace records `printed()`
    rows (else `total`)."""
    doc = OfficialDocument(
        title=title, layout=layout, header_left=header_left, header_right=header_right, subject=subject
    )
    styles = doc.styles
    heading = [BoldParagraph(text(title), styles["title"]), Paragraph(text(subtitle), styles["subtitle"])]
    pages = table(columns, layout, styles)

    def on_page(done: int) -> None:
        if progress:
            progress(done, total)

    def story() -> Iterable[Flowable]:
        yield from heading
        yield from pages.flowables(rows, first_page_space=doc.space_after(heading), on_page=on_page)
        if after is not None:
            yield from after(styles)

    if progress:
        progress(0, total)
    return doc.build(path, story(), cancel=cancel, trace=trace, rows=printed or (lambda: total))
