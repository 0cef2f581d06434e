"""The one reader of every import: one worksheet's rows as tuples of cell values.

python-calamine (Rust) reads a sheet about fifteen times faster than openpyxl,
but it holds the whole sheet in memory (about 1.7× the sheet's XML, and a
cell for every position of the used range).  So a sheet whose XML is at most
`IN_MEMORY_LIMIT` bytes, and whose used range is at most
`IN_MEMORY_CELL_LIMIT` cells, is read with calamine; a larger one is streamed
by openpyxl's read-only mode with its stored `<dimension>` ignored (it is
sometimes wrong, and rows beyond it would be lost).  Either way the values
follow openpyxl's conventions: None for an empty cell, int for a whole
number, float, str, bool, datetime/date/time.

Before anything is parsed the file is checked against `LIMITS` (its size, the
number of parts in the zip, every part's unpacked size and compression
ratio, the rows and columns): a file beyond them is refused in words, so a
small file that unpacks to gigabytes costs neither memory nor time.  Every
fault of a damaged file becomes one UserError naming the file (and the row,
when it is met while reading), never a traceback.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

from app.errors import UserError

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """What an imported workbook may hold (README, "导入文件的限制")."""

    file_bytes: int = 512 * MIB  # the .xlsx file itself
    parts: int = 2000  # entries in its zip
    sheet_bytes: int = 1536 * MIB  # one worksheet's XML, unpacked (a million-row ledger is about 520 MB)
    shared_strings_bytes: int = 256 * MIB  # the shared-strings part, unpacked (held in memory whole)
    other_part_bytes: int = 64 * MIB  # any other part (styles, workbook, drawings…), unpacked
    ratio: int = 100  # unpacked / packed, for parts over `ratio_from_bytes` (real sheets: 5–20)
    ratio_from_bytes: int = 8 * MIB
    rows: int = 1_048_576  # Excel's own maximum
    columns: int = 256  # A…IV; the templates use at most 18


LIMITS = ReadLimits()
IN_MEMORY_LIMIT = 80 * MIB  # bytes of sheet XML (~135,000 ledger rows, ~170 MB in memory)
IN_MEMORY_CELL_LIMIT = 4_000_000  # cells of the used range calamine would allocate (~130 MB)
_WHOLE_NUMBER_LIMIT = 1e15  # Excel's 15 significant digits: beyond, a number stays a float as openpyxl gives it
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx
_SHARED_STRINGS = "xl/sharedStrings.xml"
_PART_WORDS = {"sheet": ("a worksheet", "工作表"), "shared_strings": ("the shared strings", "共享字符串"),
               "other": ("a part", "内部文件")}


def part_words(part: str, language: str) -> str:
    """A workbook part's code (sheet, shared_strings, other) in words: the refusals carry the code."""
    en, zh = _PART_WORDS.get(part, (part, part))
    return en if language == "en" else zh


@dataclass
class SheetRows:
    rows: Iterator[tuple[Any, ...]]  # from the sheet's first row (row 1)
    estimated_rows: int
    close: Any  # () -> None


# ---------------------------------------------------------------- checks before reading
def check_file(path: Path, limits: ReadLimits = LIMITS) -> None:
    """Refuse, in words, a file that is not an .xlsx or is beyond `limits`.  Reads only the zip's directory."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UserError("file.not_found", path=path.name) from None
    except OSError as exc:
        raise UserError("import.cannot_read", file=path.name, detail=exc.strerror or type(exc).__name__) from exc
    if head == _OLE_MAGIC:
        raise UserError("import.xls_or_encrypted", file=path.name)
    if size > limits.file_bytes:
        raise UserError("import.file_too_large", file=path.name, limit_mb=limits.file_bytes // MIB)
    if not head.startswith(b"PK"):
        if _looks_like_text(head):
            raise UserError("import.text_not_workbook", file=path.name)
        raise UserError("import.not_a_workbook", detail=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise UserError("import.not_a_workbook", detail=f"{path.name} ({type(exc).__name__})") from exc
    if len(infos) > limits.parts:
        raise UserError("import.too_many_parts", file=path.name, limit=limits.parts)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "EncryptedPackage" in names or "encryption" in " ".join(names).lower():
            raise UserError("import.xls_or_encrypted", file=path.name)
        raise UserError("import.not_a_workbook", detail=path.name)
    for info in infos:
        _check_part(path, info, limits)


def _check_part(path: Path, info: zipfile.ZipInfo, limits: ReadLimits) -> None:
    name = info.filename
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        limit, what = limits.sheet_bytes, "sheet"
    elif name == _SHARED_STRINGS:
        limit, what = limits.shared_strings_bytes, "shared_strings"
    else:
        limit, what = limits.other_part_bytes, "other"
    if info.file_size > limit:
        raise UserError("import.part_too_large", file=path.name, workbook_part=what, limit_mb=limit // MIB)
    if info.file_size > limits.ratio_from_bytes and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise UserError("import.part_too_compressed", file=path.name, workbook_part=what, limit=limits.ratio)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    return bool(head) and all(b >= 0x20 or b in b"\t\r\n" for b in head)


_REF = re.compile(rb' r="([A-Z]{0,3})(\d+)"')  # a row's or a cell's reference


@dataclass
class _Extent:
    rows: int = 0  # the largest row number referred to
    columns: int = 0  # the largest column number referred to


def _measure_sheet(archive: zipfile.ZipFile, part: str, file: str, limits: ReadLimits) -> _Extent:
    """The sheet's real extent from its cells' references (its `<dimension>` may lie), refusing too many."""
    extent = _Extent()
    tail = b""
    column_numbers: dict[bytes, int] = {}
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(MIB)
            if not chunk:
                break
            text = tail + chunk
            cut = text.rfind(b"<")  # a reference is never split: keep the last, maybe unfinished, tag
            body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            for match in _REF.finditer(body):
                letters, digits = match.groups()
                row = int(digits)
                if row > extent.rows:
                    extent.rows = row
                if letters:
                    column = column_numbers.get(letters)
                    if column is None:
                        column = column_numbers[letters] = _column_number(letters)
                    if column > extent.columns:
                        extent.columns = column
            if extent.rows > limits.rows:
                raise UserError("import.too_many_rows", file=file, limit=limits.rows)
            if extent.columns > limits.columns:
                raise UserError("import.too_many_columns", file=file, limit=limits.columns)
    return extent


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


# ---------------------------------------------------------------- reading
def open_sheet(path: Path, preferred: str, limits: ReadLimits = LIMITS) -> SheetRows:
    """The sheet named `preferred`, else the first one.

    Raises UserError (`file.not_found`, `import.not_a_workbook`, … see
    `check_file`) before any row is read; reading the rows may raise
    `import.damaged` (naming the row) or a limit's error.
    """
    check_file(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
                      and i.filename.endswith(".xml")]
            if not sheets:
                raise UserError("import.not_a_workbook", detail=path.name)
            extent = None
            if sum(i.file_size for i in sheets) <= IN_MEMORY_LIMIT:
                # calamine fills every sheet's used range when it opens the workbook: measure them all
                extent = _Extent()
                for info in sheets:
                    measured = _measure_sheet(archive, info.filename, path.name, limits)
                    extent.rows = max(extent.rows, measured.rows)
                    extent.columns = max(extent.columns, measured.columns)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:  # a damaged zip (a CRC or a size that lies)
        raise UserError("import.damaged", file=path.name, detail=type(exc).__name__) from exc
    if extent is not None and extent.rows * max(extent.columns, 1) <= IN_MEMORY_CELL_LIMIT:
        try:
            sheet = _calamine(path, preferred)
        except ImportError:
            sheet = None
        if sheet is not None:
            return _guarded(sheet, path.name, limits)
    return _guarded(_openpyxl(path, preferred), path.name, limits)


def _guarded(sheet: SheetRows, file: str, limits: ReadLimits) -> SheetRows:
    """Rows counted and measured as they come; a reader's fault becomes one line naming the row."""

    def rows() -> Iterator[tuple[Any, ...]]:
        row_no = 0
        source = iter(sheet.rows)
        while True:
            try:
                values = next(source)
            except StopIteration:
                return
            except UserError:
                raise
            except Exception as exc:  # a damaged part: XML that does not parse, a zip that ends early …
                raise UserError("import.damaged", file=file, detail=f"{type(exc).__name__}, 第{row_no + 1}行") \
                    from exc
            row_no += 1
            if row_no > limits.rows:
                raise UserError("import.too_many_rows", file=file, limit=limits.rows)
            if not values:  # a row with no cells (openpyxl fills gaps with them)
                yield values
                continue
            if len(values) > limits.columns and any(v is not None for v in values[limits.columns:]):
                raise UserError("import.too_many_columns", file=file, limit=limits.columns)
            yield values

    return SheetRows(rows(), min(sheet.estimated_rows, limits.rows), sheet.close)


def _calamine(path: Path, preferred: str) -> SheetRows:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        sheet = workbook.get_sheet_by_name(preferred if preferred in names else names[0])
    except Exception as exc:  # calamine raises its own kinds for a damaged file (check_file saw a workbook's zip)
        raise UserError("import.damaged", file=path.name, detail=type(exc).__name__) from exc
    start_row, start_column = sheet.start or (0, 0)
    padding = (None,) * start_column

    def rows() -> Iterator[tuple[Any, ...]]:
        for _ in range(start_row):  # calamine's range starts at the first cell in use
            yield ()
        for values in sheet.iter_rows():
            yield padding + tuple(_openpyxl_value(v) for v in values)

    return SheetRows(rows(), start_row + sheet.height, workbook.close)


def _openpyxl_value(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return value if value else None
    if kind is float:
        if value.is_integer() and abs(value) < _WHOLE_NUMBER_LIMIT:
            return int(value)
        return value
    if kind is date:  # openpyxl gives a date cell as a datetime at midnight
        return datetime(value.year, value.month, value.day)
    return value


def _openpyxl(path: Path, preferred: str) -> SheetRows:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook[preferred] if preferred in workbook.sheetnames else workbook.worksheets[0]
        estimate = sheet.max_row or 0
        sheet.reset_dimensions()  # read to the last row, whatever the stored <dimension> says
    except Exception as exc:  # openpyxl raises many kinds for a damaged file (check_file saw a workbook's zip)
        raise UserError("import.damaged", file=path.name, detail=type(exc).__name__) from exc
    return SheetRows(sheet.iter_rows(values_only=True), estimate, workbook.close)


# ---------------------------------------------------------------- a template's table
HEADER_SCAN_ROWS = 10


def normalise_label(value: Any) -> str:
    return re.sub(r"[\s*＊（）()]", "", str(value or "")).replace("／", "/")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class Table:
    """A template's rows below its header: `(row number, {field: cell value})`, blank rows left out."""

    header_row: int
    positions: dict[str, int]  # field -> 0-based column
    estimated_rows: int
    rows: Iterator[tuple[int, dict[str, Any]]]

    def close(self) -> None:
        self.rows.close()  # type: ignore[attr-defined]


def find_header(
    head: Sequence[tuple[Any, ...]], lookup: Mapping[str, str], required: Sequence[tuple[str, str]]
) -> tuple[int, dict[str, int]]:
    """The header row (1-based) among `head` and {field: 0-based column}.

    `lookup` maps a normalised label to its field; `required` lists the
    (field, label) pairs whose column must be present (`import.wrong_template`).
    """
    best: tuple[int, dict[str, int]] = (1, {})
    for row_no, values in enumerate(head, start=1):
        positions: dict[str, int] = {}
        for index, value in enumerate(values):
            field = lookup.get(normalise_label(value))
            if field and field not in positions:
                positions[field] = index
        if len(positions) > len(best[1]):
            best = (row_no, positions)
    row_no, positions = best
    for field, label in required:
        if field not in positions:
            raise UserError("import.wrong_template", column=label)
    return row_no, positions


def open_table(
    path: str | Path,
    sheet_name: str,
    lookup: Mapping[str, str],
    required: Sequence[tuple[str, str]],
    *,
    exact_count: bool = False,
) -> Table:
    """Open a filled template through the one reader.

    `exact_count` counts the rows that are not blank in a first pass (a
    sheet's used range counts rows that were only formatted); else the count
    is the used range's, an estimate for a progress bar.
    """
    file = Path(path)
    if not file.is_file():
        raise UserError("file.not_found", path=file.name)
    sheet = open_sheet(file, sheet_name)
    try:
        head = list(islice(sheet.rows, HEADER_SCAN_ROWS))
        header_row, positions = find_header(head, lookup, required)
        estimate = max(0, sheet.estimated_rows - header_row)
        if exact_count:
            counting = open_sheet(file, sheet_name)
            try:
                estimate = sum(1 for _ in _table_rows(islice(counting.rows, header_row, None), header_row, positions))
            finally:
                counting.close()
    except BaseException:
        sheet.close()
        raise
    body = chain(head[header_row:], sheet.rows)
    return Table(header_row, positions, estimate, _closing(sheet.close, _table_rows(body, header_row, positions)))


def _table_rows(
    rows: Iterator[tuple[Any, ...]], header_row: int, positions: dict[str, int]
) -> Iterator[tuple[int, dict[str, Any]]]:
    items = list(positions.items())
    for row_no, values in enumerate(rows, start=header_row + 1):
        if not values:
            continue
        n = len(values)
        raw = {f: (values[i] if i < n else None) for f, i in items}
        if all(is_blank(v) for v in raw.values()):
            continue
        yield row_no, raw


def _closing(close: Callable[[], None], items: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from items
    finally:
        close()
