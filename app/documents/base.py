"""The PDF base every official document (文书) builds on.

What it gives a document module:

- `register_fonts()`: the shipped WenQuanYi Micro Hei (TrueType outlines, so
  reportlab embeds it as a subset; never the built-in STSong-Light, which is
  not embedded — TOOLCHAIN trap 4).  The font has no bold face: `<b>` maps to
  the same face, and `BoldParagraph` thickens the glyphs by stroking them
  (text render mode 2), which is how titles and table headers look bold.
  Every page starts in this font too, so no unembedded Helvetica is referenced.
- `PORTRAIT` / `LANDSCAPE` page layouts (A4) with margins for official
  documents, a header line and the footer "第 x 页 共 y 页".
- `document_styles()`: 标题 (title), subtitle, body, small, table cells.
- `TableColumn` + `table_pages()`: a long table laid out as one `Table` per
  page followed by a `PageBreak` (never `LongTable`, which is quadratic —
  TOOLCHAIN trap 6), the header row repeated on each page, the widths fitted
  to the frame, Chinese wrapping inside cells (`wordWrap='CJK'`).
- `signature_block()`: the 落款 — organisation name and date, right-aligned.
- `OfficialDocument.build(path, flowables)`: writes the PDF to a temporary
  file in the same folder and renames it into place, so a failure or a
  cancel leaves no partial file.  `flowables` may be a generator: it is
  pulled lazily while the pages are laid out, so a 500-page register never
  sits in memory as a whole.

A new document (受理通知书, 裁决书 …) typically does::

    doc = OfficialDocument(title="受理通知书", layout=PORTRAIT, header_left="××劳动人事争议仲裁委员会")
    st = doc.styles
    doc.build(path, [
        BoldParagraph("受理通知书", st["title"]),
        Paragraph(escape(text), st["body"]),
        *signature_block("××劳动人事争议仲裁委员会", bureau_today(), st),
    ])
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.audit.chain import ANCHOR_KEYWORD
from app.errors import Cancelled
from app.kernel.files import atomic_output
from app.kernel.progress import raise_if_cancelled
from app.resources import font_path

FONT_NAME = "WenQuanYi"
# The font has no bold face: <b> maps to the same face (one embedded subset);
# BoldParagraph draws bold by stroking the outlines.
BOLD_FONT_NAME = FONT_NAME
PRODUCER = "人社办案台 Renshe Desk"

_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> str:
    """Register the shipped CJK font with reportlab (once); return its name."""
    global _fonts_registered
    with _font_lock:
        if not _fonts_registered:
            path = font_path()
            if not path.is_file():  # pragma: no cover - a broken installation
                raise FileNotFoundError(f"the shipped font is missing: {path}")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
            _teach_chinese_line_breaking()
            _fonts_registered = True
    return FONT_NAME


# Punctuation that must not start a line in Chinese (标点禁则).  reportlab's
# CJK wrapping knows the Japanese set only, so "，" could open a line.
CHINESE_CANNOT_START = "，。、；：？！）》〉」』】〕”’…—·％"


def _teach_chinese_line_breaking() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in CHINESE_CANNOT_START if ch not in paragraph.ALL_CANNOT_START)
    if extra:
        paragraph.ALL_CANNOT_START += extra
        textsplit.ALL_CANNOT_START += extra


# ---------------------------------------------------------------- page layouts
@dataclass(frozen=True)
class PageLayout:
    """A page size and its margins (points).  The header and footer are drawn
    inside the top and bottom margins."""

    name: str
    pagesize: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.pagesize[0]

    @property
    def height(self) -> float:
        return self.pagesize[1]

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


# Portrait margins after GB/T 9704 (党政机关公文格式: 上37 下35 左28 右26 mm),
# a little tighter at top and bottom to leave room for header and footer text.
PORTRAIT = PageLayout("portrait", A4, left=28 * mm, right=26 * mm, top=30 * mm, bottom=28 * mm)
# Landscape for registers and tables: more width, still binding room on the left.
LANDSCAPE = PageLayout("landscape", landscape(A4), left=20 * mm, right=15 * mm, top=22 * mm, bottom=18 * mm)


# ---------------------------------------------------------------- styles
def document_styles(*, body_size: float = 16) -> dict[str, ParagraphStyle]:
    """The paragraph styles documents use.

    Sizes follow Chinese practice: 标题 二号 (22 pt), body 三号 (16 pt) in
    letters and decisions, 五号 (10.5 pt) small print, 9 pt table cells.
    """
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT_NAME, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=22, leading=32, alignment=TA_CENTER, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=18, alignment=TA_CENTER, spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=base, fontSize=body_size, leading=body_size * 1.75, spaceBefore=6),
        "body": ParagraphStyle(
            "body", parent=base, fontSize=body_size, leading=body_size * 1.75, firstLineIndent=2 * body_size
        ),
        "body_flush": ParagraphStyle("body_flush", parent=base, fontSize=body_size, leading=body_size * 1.75),
        "small": ParagraphStyle("small", parent=base, fontSize=10.5, leading=15),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=12, textColor=colors.HexColor("#404040")),
        "right": ParagraphStyle(
            "right", parent=base, fontSize=body_size, leading=body_size * 1.75, alignment=TA_RIGHT,
            rightIndent=2 * body_size,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=9, leading=11.5, alignment=TA_CENTER),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=9, leading=11.5, alignment=TA_RIGHT),
        "cell_header": ParagraphStyle("cell_header", parent=base, fontSize=9, leading=11.5, alignment=TA_CENTER),
    }


class BoldParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no types: its classes are Any
    """A Paragraph drawn bold by stroking the glyph outlines (the font has no bold face)."""

    def __init__(self, text: str, style: ParagraphStyle, *, weight: float = 0.035, **kwargs: Any) -> None:
        super().__init__(text, style, **kwargs)
        self.weight = weight

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 (reportlab API)
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * self.weight)
        canvas.setStrokeColor(self.style.textColor)
        canvas.addLiteral("2 Tr")  # fill and stroke; restored with the graphics state
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            canvas.restoreState()

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, Paragraph) and not isinstance(part, BoldParagraph):
                part.__class__ = BoldParagraph
                part.weight = self.weight
        return parts


def text(value: Any) -> str:
    """Paragraph markup for a plain value (escaped; None → empty)."""
    return "" if value is None else escape(str(value))


def chinese_date(value: date) -> str:
    """A date as official documents write it (GB/T 9704-2012: Arabic numerals)."""
    return f"{value.year}年{value.month}月{value.day}日"


def signature_block(
    organisation: str | Sequence[str],
    on: date | None,
    styles: dict[str, ParagraphStyle],
    *,
    space_before: float = 18 * mm,
) -> list[Flowable]:
    """The 落款: organisation name(s) above the date (GB/T 9704-2012 7.3.5).

    The date sits right-aligned four characters in from the right margin
    (右空四字); each organisation name is centred on the date, moved left
    only as far as needed to stay inside the margin.  Official practice
    presses the seal (印章) over name and date, so nothing else is drawn.
    """
    names = [organisation] if isinstance(organisation, str) else list(organisation)
    style = styles["body_flush"]
    size = style.fontSize
    date_indent = 4 * size
    date_text = chinese_date(on) if on is not None else ""
    date_width = pdfmetrics.stringWidth(date_text, style.fontName, size)
    block: list[Flowable] = [Spacer(1, space_before)]
    for name in names:
        width = pdfmetrics.stringWidth(name, style.fontName, size)
        if date_text:
            indent = max(0.0, date_indent + (date_width - width) / 2)
        else:
            indent = date_indent
        block.append(Paragraph(text(name), ParagraphStyle("signature", parent=style, alignment=TA_RIGHT,
                                                          rightIndent=indent)))
    if date_text:
        block.append(Paragraph(text(date_text), ParagraphStyle("signature_date", parent=style, alignment=TA_RIGHT,
                                                                rightIndent=date_indent)))
    return block


# ---------------------------------------------------------------- tables
@dataclass(frozen=True)
class TableColumn:
    """One column of a paged table: its header, relative width and alignment."""

    label: str
    weight: float = 1.0
    align: str = "left"  # left | center | right


class TablePages:
    """Lay out rows as one `Table` per page (header row repeated), each
    followed by a `PageBreak` except the last.

    Rows are measured as they arrive, so each page's Table holds exactly the
    rows that fit: no LongTable and no splitting work for reportlab.  A value
    that fits its column on one line is drawn as a plain string (fast); a
    longer one becomes a Paragraph that wraps Chinese text anywhere
    (`wordWrap='CJK'`).  `first_page_space` is the height left on the first
    page after whatever precedes the table (title etc.).
    """

    padding = 2.5

    def __init__(
        self,
        columns: Sequence[TableColumn],
        layout: PageLayout,
        styles: dict[str, ParagraphStyle] | None = None,
    ) -> None:
        self.columns = list(columns)
        self.layout = layout
        self.styles = styles or document_styles()
        total_weight = sum(c.weight for c in self.columns)
        self.col_widths = [layout.frame_width * c.weight / total_weight for c in self.columns]
        self._cell_styles = [
            self.styles["cell_center" if c.align == "center" else "cell_right" if c.align == "right" else "cell"]
            for c in self.columns
        ]
        cell = self.styles["cell"]
        self._font_size = cell.fontSize
        self._leading = cell.leading
        self._text_widths = [w - 2 * self.padding for w in self.col_widths]
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ("FONTSIZE", (0, 0), (-1, -1), self._font_size),
            ("LEADING", (0, 0), (-1, -1), self._leading),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#606060")),
            ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), self.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.padding),
            ("TOPPADDING", (0, 0), (-1, -1), self.padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.padding),
        ]
        for index, column in enumerate(self.columns):
            commands.append(("ALIGN", (index, 1), (index, -1), column.align.upper()))
        self.table_style = TableStyle(commands)

    def header_cells(self) -> list[Paragraph]:
        return [BoldParagraph(text(c.label), self.styles["cell_header"], weight=0.03) for c in self.columns]

    def row_cells(self, values: Sequence[Any]) -> list[str | Paragraph]:
        """The cells of one row: plain strings where they fit on one line, else Paragraphs."""
        cells: list[str | Paragraph] = []
        for value, style, width in zip(values, self._cell_styles, self._text_widths, strict=True):
            plain = "" if value is None else str(value)
            if "\n" not in plain and pdfmetrics.stringWidth(plain, FONT_NAME, self._font_size) <= width:
                cells.append(plain)
            else:
                cells.append(Paragraph(text(plain).replace("\n", "<br/>"), style))
        return cells

    def row_height(self, cells: Sequence[str | Paragraph]) -> float:
        tallest = self._leading
        for cell, width in zip(cells, self._text_widths, strict=True):
            if isinstance(cell, Flowable):
                _, height = cell.wrap(width, 1e6)
                tallest = max(tallest, height)
        return float(tallest + 2 * self.padding)

    def flowables(
        self,
        rows: Iterable[Sequence[Any]],
        *,
        first_page_space: float | None = None,
        on_page: Callable[[int], None] | None = None,
    ) -> Iterator[Flowable]:
        """Yield Table, PageBreak, Table, … for `rows` (an iterable of value lists).

        `on_page(rows_so_far)` is called as each page's table is completed.
        """
        # A little slack: a table that fills its frame to the last point could
        # be pushed to the next page by rounding, leaving a page with a lone break.
        slack = 4.0
        page_space = self.layout.frame_height - slack
        space = (first_page_space - slack) if first_page_space is not None else page_space
        header = self.header_cells()
        header_height = self.row_height(header)
        batch: list[list[str | Paragraph]] = []
        used = header_height
        done = 0
        for values in rows:
            cells = self.row_cells(values)
            height = self.row_height(cells)
            if batch and used + height > space:
                yield self._table(header, batch)
                if on_page:
                    on_page(done)
                yield PageBreak()
                batch, used, space = [], header_height, page_space
            batch.append(cells)
            used += height
            done += 1
        if batch or done == 0:
            yield self._table(header, batch)
            if on_page:
                on_page(done)

    def _table(self, header: list[Paragraph], rows: list[list[str | Paragraph]]) -> Table:
        # Fresh header Paragraphs for each page: a flowable must not be drawn twice.
        head = [BoldParagraph(p.text, p.style, weight=0.03) for p in header]
        return Table([head, *rows], colWidths=self.col_widths, repeatRows=1, style=self.table_style)


# ---------------------------------------------------------------- the document
class _LazyFlowables(list):  # type: ignore[type-arg]
    """A list that refills itself from an iterator as reportlab consumes it.

    BaseDocTemplate.build pops flowables from the front and asks `len()` on
    each round; refilling there keeps only a few pages' flowables in memory.
    """

    def __init__(self, source: Iterable[Flowable], cancel: Any = None, low_water: int = 8) -> None:
        super().__init__()
        self._source: Iterator[Flowable] | None = iter(source)
        self._cancel = cancel
        self._low_water = low_water
        self._refill()

    def _refill(self) -> None:
        if self._source is None:
            return
        if self._cancel is not None and getattr(self._cancel, "cancelled", False):
            raise Cancelled()
        while super().__len__() < self._low_water * 2:
            try:
                self.append(next(self._source))
            except StopIteration:
                self._source = None
                return

    def __len__(self) -> int:
        if self._source is not None and super().__len__() < self._low_water:
            self._refill()
        return super().__len__()

    def __bool__(self) -> bool:
        return len(self) > 0


TOTAL_PAGES_FORM = "TotalPages"


def _numbered_canvas(document: OfficialDocument) -> type[Canvas]:
    """A canvas class that draws each page's footer as the page ends and the
    page count once, at the end, into a form every footer refers to.

    (The usual "page x of y" recipe keeps every page's drawing in memory
    until the end; a forward-referenced form keeps memory flat.)
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        pages_done = 0

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self.pages_done += 1
            document.pages_laid = self.pages_done
            document.draw_footer(self, self.pages_done)
            super().showPage()

        def save(self) -> None:
            self.beginForm(TOTAL_PAGES_FORM)
            document.draw_total(self, self.pages_done)
            self.endForm()
            if document.keywords is not None:  # known only now, when every page is laid out
                self.setKeywords(document.keywords())
            super().save()

    return NumberedCanvas


class OfficialDocument:
    """A PDF document on the shipped font with header line and page footer.

    Subclass and override `draw_header` / `draw_footer` for a different frame;
    call `build(path, flowables)` to write it.
    """

    def __init__(
        self,
        *,
        title: str,
        layout: PageLayout = PORTRAIT,
        header_left: str = "",
        header_right: str = "",
        subject: str = "",
        author: str = PRODUCER,
        header_line: bool = True,
    ) -> None:
        register_fonts()
        self.title = title
        self.layout = layout
        self.header_left = header_left
        self.header_right = header_right
        self.subject = subject
        self.author = author
        self.header_line = header_line
        self.styles = document_styles()
        self.pages = 0
        self.pages_laid = 0
        self.keywords: Callable[[], str] | None = None

    # -- page furniture -------------------------------------------------
    def draw_header(self, canvas: Canvas, page: int) -> None:
        """The header: left and right texts above a thin rule, inside the top margin."""
        if not (self.header_left or self.header_right or self.header_line):
            return
        lay = self.layout
        y = lay.height - lay.top + 4 * mm
        canvas.saveState()
        canvas.setFont(FONT_NAME, 9)
        canvas.setFillColor(colors.HexColor("#303030"))
        if self.header_left:
            canvas.drawString(lay.left, y + 1.5 * mm, self.header_left)
        if self.header_right:
            canvas.drawRightString(lay.width - lay.right, y + 1.5 * mm, self.header_right)
        if self.header_line:
            canvas.setLineWidth(0.6)
            canvas.line(lay.left, y, lay.width - lay.right, y)
        canvas.restoreState()

    footer_size = 9
    footer_gap = 3.0

    def draw_footer(self, canvas: Canvas, page: int) -> None:
        """The footer "第 x 页 共 y 页" in the bottom margin: "第 x 页" ends just
        left of the centre, "共 y 页" (the form drawn by `draw_total` once the
        count is known) starts just right of it."""
        lay = self.layout
        canvas.saveState()
        canvas.setFont(FONT_NAME, self.footer_size)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(lay.width / 2 - self.footer_gap, lay.bottom / 2, f"第 {page} 页")
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()

    def draw_total(self, canvas: Canvas, total: int) -> None:
        """Draw "共 y 页" (into the form the footers refer to; page coordinates)."""
        lay = self.layout
        canvas.setFont(FONT_NAME, self.footer_size)
        canvas.setFillColor(colors.black)
        canvas.drawString(lay.width / 2 + self.footer_gap, lay.bottom / 2, f"共 {total} 页")

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw_header(canvas, doc.page)

    # -- building ---------------------------------------------------------
    def template(self, filename: str) -> BaseDocTemplate:
        lay = self.layout
        doc = BaseDocTemplate(
            filename,
            pagesize=lay.pagesize,
            leftMargin=lay.left,
            rightMargin=lay.right,
            topMargin=lay.top,
            bottomMargin=lay.bottom,
            title=self.title,
            author=self.author,
            subject=self.subject,
            creator=PRODUCER,
            producer=PRODUCER,
            lang="zh-CN",
            initialFontName=FONT_NAME,
            initialFontSize=10.5,
        )
        frame = Frame(lay.left, lay.bottom, lay.frame_width, lay.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id=lay.name, frames=[frame], onPage=self._on_page)])
        return doc

    def build(
        self,
        path: str | os.PathLike[str],
        flowables: Iterable[Flowable],
        *,
        cancel: Any = None,
        trace: Any = None,
        rows: Callable[[], int] | None = None,
    ) -> int:
        """Write the PDF atomically; return the number of pages.

        `flowables` may be a generator (pulled lazily); `cancel` (a CancelToken)
        is checked whenever more flowables are pulled and raises Cancelled,
        leaving no file behind.  With a `trace` (app.kernel.exports.ExportTrace)
        the export is audited once the pages are laid out, `rows()` rows (else the
        pages), and the PDF's keywords carry the audit chain's head after that entry.
        """
        target = Path(path)
        if trace is not None:
            def keywords() -> str:
                return ANCHOR_KEYWORD + str(trace.record(target.name, rows() if rows is not None else self.pages_laid))

            self.keywords = keywords
        with atomic_output(target, owner_only=trace is not None and trace.full) as temp_name:
            doc = self.template(temp_name)
            story = _LazyFlowables(flowables, cancel)
            doc.build(story, canvasmaker=_numbered_canvas(self))
            raise_if_cancelled(cancel)
            self.pages = doc.page
        return self.pages

    def space_after(self, flowables: Sequence[Flowable]) -> float:
        """Height left in the frame after `flowables` on a fresh page (for TablePages)."""
        used = 0.0
        previous_after = 0.0
        for index, flowable in enumerate(flowables):
            _, height = flowable.wrap(self.layout.frame_width, self.layout.frame_height)
            before = flowable.getSpaceBefore() if index else 0.0
            used += height + max(before, previous_after)
            previous_after = flowable.getSpaceAfter()
        return self.layout.frame_height - used - previous_after


__all__ = [
    "BOLD_FONT_NAME",
    "FONT_NAME",
    "LANDSCAPE",
    "PORTRAIT",
    "BoldParagraph",
    "OfficialDocument",
    "PageLayout",
    "TableColumn",
    "TablePages",
    "atomic_output",
    "chinese_date",
    "document_styles",
    "register_fonts",
    "signature_block",
    "text",
]
