"""The one spreadsheet writer: every workbook the program writes is made and saved here.

- Text a spreadsheet program could take for a formula (it begins with `=`, `+`, `-`, `@`,
  a tab or a carriage return — OWASP's CSV-injection list) is written as plain text: an
  inline string marked "quote prefix", which is what Excel and WPS store when a user types
  `'=…`.  The text stays exactly as typed and readable (a re-import gives it back unchanged),
  no `<f>` formula element is ever written for it, and editing the cell in Excel keeps it
  text.  Numbers and dates are not touched.  Write-only sheets are made safe as rows are
  appended; ordinary (template) sheets are swept cell by cell before saving.
- An export saved with a `trace` records itself in the audit chain just before the file
  is written (who, which export, how many rows, masked or full, the file's name), and the
  file carries the chain's head after that entry in its properties (keywords
  `audit-anchor:SEQ:HASH`), for `audit verify --anchor-from FILE`.
- The file appears at its path only once complete (a temporary file beside it, renamed).

The format rules every export follows (issue 17: the file opens in Excel as a clerk expects),
applied here so that no export can forget them:
- money is written as `Money(fen)`: a number in yuan formatted `#,##0.00`, never text or
  a float that lost its cents;
- a rate is written as `Percent(rate)` (the percentage as app.legal.rates computes it): a
  fraction formatted `0.00%`, or "—" when it has no denominator;
- a date is a real date cell formatted `yyyy-mm-dd` (a date-time `yyyy-mm-dd hh:mm`);
- counts are plain numbers (an int), never "861起";
- every sheet freezes its header: `table_sheet` writes a header row and freezes below it;
  a sheet whose first appended row is not through `table_sheet` is frozen below that row;
- no column is narrower than its header (CJK characters count double), than the export asked,
  or than its kind needs (a date, an amount up to 10亿, a rate, a full case number);
- a header that names a raw database id (`编号`, `记录号`, `ID`) is refused: ids are no
  clerk's business (the register's own numbers — 登记号, 案号 — are what a clerk reads).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from app.audit.chain import ANCHOR_KEYWORD
from app.errors import UserError
from app.kernel.files import DISK_FULL_ERRNOS, save_atomically
from app.kernel.progress import raise_if_cancelled
from app.legal.rates import fen_to_wan_yuan, fen_to_yuan

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
DATE_FORMAT = "yyyy-mm-dd"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"
NOT_APPLICABLE = "—"  # a rate with no denominator (app.legal.rates.NOT_APPLICABLE)
# Headers that would put a raw database id in front of a clerk.
INTERNAL_ID_HEADERS = frozenset({"编号", "记录号", "id", "ID", "Id", "内部编号", "数据库编号"})
HEADER_FILL = "DDEBF7"
MIN_WIDTH, MAX_WIDTH = 6.0, 60.0


@dataclass(frozen=True)
class Money:
    """An amount in fen, written as yuan (`wan`: 万元, rounded half up) formatted #,##0.00
    (None: an empty cell)."""

    fen: int | None
    wan: bool = False

    def value(self) -> Decimal | None:
        if self.fen is None:
            return None
        return fen_to_wan_yuan(self.fen) if self.wan else fen_to_yuan(self.fen)


@dataclass(frozen=True)
class Percent:
    """A rate as app.legal.rates.percent gives it (12.34 for 12.34 %), written as 0.1234 formatted 0.00%."""

    rate: Decimal | int | float | None


def text_width(value: Any) -> float:
    """A column width (Excel's characters) that shows `value`: CJK and full-width characters count two."""
    if value is None:
        return 0.0
    shown = value if isinstance(value, str) else str(value)
    longest = max((line for line in shown.split("\n")), key=len, default="")
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest))


def fitted_width(*values: Any) -> float:
    return min(MAX_WIDTH, max(MIN_WIDTH, max((text_width(v) for v in values), default=0.0) + 2))


class ExportRecorder(Protocol):
    """What the writer needs of an export's audit trace (app.kernel.exports.ExportTrace)."""

    full: bool

    def record(self, file_name: str, rows: int) -> str:
        """Append the export's audit entry; return the chain's head after it (SEQ:HASH)."""
        ...


def could_run(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def make_inert(cell: Cell) -> None:
    """Keep a text cell that could run as a formula as the text it is."""
    value = cell._value
    if (cell.data_type == "f" and isinstance(value, str)) or could_run(value):
        cell.data_type = "s"
        cell.quotePrefix = True


class _SafeWriteOnlySheet(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl ships no types: its classes are Any
    def append(self, row: Iterable[Any]) -> None:
        values = [_safe(self, value) for value in row]
        if self._rows is None:  # the first row: the sheet's head (views, widths) is written with it
            _first_row_rules(self, values)
        try:
            super().append(values)
        except OSError as exc:  # the rows go to a temporary file in the private folder first
            raise _temp_file_error(exc) from exc


class _SafeSheet(Worksheet):  # type: ignore[misc]  # openpyxl ships no types
    def append(self, iterable: Iterable[Any]) -> None:
        values = [_safe(self, value) for value in iterable]
        if self._current_row == 0:
            _first_row_rules(self, values)
        super().append(values)


def _first_row_rules(ws: Any, values: Sequence[Any]) -> None:
    """A sheet the export did not frame with `table_sheet`: freeze below its first row, fit its widths."""
    if not ws.freeze_panes:
        ws.freeze_panes = "A2"
    for index, value in enumerate(values, start=1):
        letter = get_column_letter(index)
        if letter not in ws.column_dimensions or not ws.column_dimensions[letter].width:
            shown = value.value if isinstance(value, Cell) else value
            ws.column_dimensions[letter].width = fitted_width(shown)


def _safe(ws: Any, value: Any) -> Any:
    if isinstance(value, Cell):
        make_inert(value)
        return value
    if isinstance(value, Money):
        return _formatted(ws, value.value(), MONEY_FORMAT)
    if isinstance(value, Percent):
        if value.rate is None:
            return NOT_APPLICABLE
        return _formatted(ws, Decimal(str(value.rate)) / 100, PERCENT_FORMAT)
    if isinstance(value, datetime):
        return _formatted(ws, value, DATE_TIME_FORMAT)
    if isinstance(value, date):
        return _formatted(ws, value, DATE_FORMAT)
    if could_run(value):
        cell = WriteOnlyCell(ws, value=value)
        make_inert(cell)
        return cell
    return value


def _formatted(ws: Any, value: Any, number_format: str) -> Any:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


# The narrowest a column of each kind may be, so that its values never show as ##### in Excel:
# 2023-12-31; 1,234,567,890.00; 100.00%.
KIND_WIDTHS = {"text": MIN_WIDTH, "date": 12.0, "money": 16.0, "percent": 10.0, "count": MIN_WIDTH,
               "case_no": 34.0}


@dataclass(frozen=True)
class Heading:
    """A column of a table sheet: its header, what it holds (text, date, money, percent, count,
    case_no — a full case number, 南明区劳人仲案字〔2023〕第1234号) and, if the export knows
    better than the header and the kind, its width."""

    label: str
    width: float | None = None
    kind: str = "text"


def table_sheet(
    wb: Any,
    title: str,
    headings: Sequence[Heading | str | tuple[str, float]],
    *,
    freeze: str = "A2",
    above: Sequence[Sequence[Any]] = (),
) -> Any:
    """A new sheet framed as every export's sheets are: optional lines `above` (a title), the
    header row (bold, shaded), frozen below it (`freeze` names the first scrolling cell of a
    one-row header; with lines above, the rows shift down), widths fitted to the headers."""
    from openpyxl.styles import Alignment, Font, PatternFill

    columns = [h if isinstance(h, Heading) else Heading(*h) if isinstance(h, tuple) else Heading(h)
               for h in headings]
    for column in columns:
        if column.label.strip() in INTERNAL_ID_HEADERS:
            raise ValueError(f"an export shows no raw id column ({column.label!r} on {title!r})")
    ws = wb.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        # never narrower than its header or than its kind's values need
        width = max(column.width or 0.0, fitted_width(column.label), KIND_WIDTHS[column.kind])
        ws.column_dimensions[get_column_letter(index)].width = width
    letters = "".join(ch for ch in freeze if ch.isalpha())
    row = int("".join(ch for ch in freeze if ch.isdigit()) or 2)
    ws.freeze_panes = f"{letters}{row + len(above)}"
    bold = Font(bold=True)
    for line in above:
        ws.append([_bold_cell(ws, value, Font(bold=True, size=14)) if i == 0 else value
                   for i, value in enumerate(line)])
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, value=column.label)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        header.append(cell)
    ws.append(header)
    return ws


def _bold_cell(ws: Any, value: Any, font: Any) -> Any:
    if value is None or isinstance(value, Cell):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.font = font
    return cell


class _SafeWorkbook(Workbook):  # type: ignore[misc]  # openpyxl ships no types
    def __init__(self, write_only: bool = False) -> None:
        super().__init__(write_only=write_only)
        if not write_only:
            self._sheets = [_SafeSheet(self)]

    def create_sheet(self, title: str | None = None, index: int | None = None) -> Any:
        if self.write_only:
            sheet: Any = _SafeWriteOnlySheet(parent=self, title=title)
        else:
            sheet = _SafeSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet


def new_workbook(*, write_only: bool = False) -> Any:
    """A workbook whose sheets write formula-like text as text (write-only: streamed, constant memory)."""
    return _SafeWorkbook(write_only=write_only)


def save_workbook(
    wb: Any,
    path: str | os.PathLike[str],
    *,
    cancel: Any = None,
    trace: ExportRecorder | None = None,
    rows: int = 0,
) -> None:
    """Save `wb` at `path` atomically; with a trace, audited and anchored (see the module's notes)."""
    if not isinstance(wb, _SafeWorkbook):
        raise TypeError("workbooks are made by app.spreadsheets.writer.new_workbook")
    target = Path(path)
    if not wb.write_only:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    make_inert(cell)
        for ws in [w for w in wb.worksheets if w.max_row == 1 and w.max_column == 1 and w["A1"].value is None]:
            if len(wb.worksheets) > 1:
                wb.remove(ws)  # the default sheet of an ordinary workbook, left unused
    raise_if_cancelled(cancel)
    wb.properties.creator = "人社办案台 Renshe Desk"
    try:
        if trace is not None:
            wb.properties.keywords = ANCHOR_KEYWORD + trace.record(target.name, rows)
        save_atomically(lambda name: _write_zip(wb, name), target, cancel=cancel,
                        owner_only=trace is not None and trace.full)
    except BaseException:
        discard(wb)  # the write-only sheets' working files and row generators, closed now, not at exit
        raise


def write_pages(
    wb: Any,
    ws: Any,
    path: str | os.PathLike[str],
    pages: Iterable[Sequence[Any]],
    values: Callable[[Any], list[Any]],
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    trace: ExportRecorder | None = None,
    before_save: Callable[[], None] | None = None,
) -> int:
    """The export loop every register shares: append `values(row)` for each row of each page
    to the write-only sheet `ws`, report progress after each page, check `cancel` between
    pages, then (after `before_save`, e.g. a summary sheet) save `wb` at `path` atomically.
    Any failure or cancelling deletes the sheet's working file and leaves no export behind.
    Returns the number of rows written."""
    written = 0
    if progress:
        progress(0, total)
    try:
        for rows in pages:
            raise_if_cancelled(cancel)
            append = ws.append
            for row in rows:
                append(values(row))
            written += len(rows)
            if progress:
                progress(written, total)
        raise_if_cancelled(cancel)
        if before_save is not None:
            before_save()
        save_workbook(wb, path, cancel=cancel, trace=trace, rows=written)
    except BaseException:
        discard_sheet(ws)
        raise
    return written


def _write_zip(wb: Any, name: str) -> None:
    """openpyxl's save, with the archive closed even when a write fails (a full disk): else its
    ZipFile is finalised at exit and prints "Exception ignored in: ZipFile.__del__" noise."""
    from datetime import UTC, datetime
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if wb.write_only and not wb.worksheets:  # as Workbook.save does
        wb.create_sheet()
    archive = ZipFile(name, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).write_data()
    except BaseException:
        with contextlib.suppress(Exception):  # its directory may not fit either; the .part goes anyway
            archive.close()
        raise
    archive.close()


def discard(wb: Any) -> None:
    """Finish and delete a write-only workbook's temporary sheet files (they hold the rows so far)."""
    for ws in getattr(wb, "_sheets", []):
        discard_sheet(ws)


def discard_sheet(ws: Any) -> None:
    """Finish and delete a write-only sheet's temporary file (it holds the rows
    written so far) instead of leaving it to process exit."""
    with contextlib.suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


def _temp_file_error(exc: OSError) -> UserError:
    folder = tempfile.gettempdir()
    if exc.errno in DISK_FULL_ERRNOS:
        return UserError("export.temp_disk_full", folder=folder)
    return UserError("export.temp_failed", folder=folder, detail=exc.strerror or type(exc).__name__)
