"""One worksheet's rows as tuples of cell values, read as fast as memory allows.

python-calamine (Rust) reads a sheet about fifteen times faster than openpyxl,
but it holds the whole sheet in memory (about 1.7× the sheet's XML).  So a
sheet whose XML is at most `IN_MEMORY_LIMIT` bytes is read with calamine, and
a larger one is streamed by openpyxl's read-only mode: memory stays bounded
whatever the file's size.  Either way the values follow openpyxl's
conventions: None for an empty cell, int for a whole number, float, str,
bool, datetime/date/time.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import UserError

IN_MEMORY_LIMIT = 80 * 1024 * 1024  # bytes of sheet XML (~135,000 ledger rows, ~170 MB in memory)
_WHOLE_NUMBER_LIMIT = 1e15  # Excel's 15 significant digits: beyond, a number stays a float as openpyxl gives it


@dataclass
class SheetRows:
    rows: Iterator[tuple[Any, ...]]  # from the sheet's first row (row 1)
    estimated_rows: int
    close: Any  # () -> None


def open_sheet(path: Path, preferred: str) -> SheetRows:
    """The sheet named `preferred`, else the first one.  Raises `import.not_a_workbook`."""
    if not zipfile.is_zipfile(path):
        raise UserError("import.not_a_workbook", detail=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            sheet_bytes = max(
                (i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")), default=0
            )
    except (OSError, zipfile.BadZipFile) as exc:
        raise UserError("import.not_a_workbook", detail=f"{path.name} ({type(exc).__name__})") from exc
    if sheet_bytes <= IN_MEMORY_LIMIT:
        try:
            return _calamine(path, preferred)
        except ImportError:
            pass
    return _openpyxl(path, preferred)


def _calamine(path: Path, preferred: str) -> SheetRows:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = workbook.sheet_names
        sheet = workbook.get_sheet_by_name(preferred if preferred in names else names[0])
    except Exception as exc:  # calamine raises its own kinds for a damaged or foreign file
        raise UserError("import.not_a_workbook", detail=f"{path.name} ({type(exc).__name__})") from exc
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
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UserError("import.not_a_workbook", detail=f"{path.name} ({type(exc).__name__})") from exc
    sheet = workbook[preferred] if preferred in workbook.sheetnames else workbook.worksheets[0]
    return SheetRows(sheet.iter_rows(values_only=True), sheet.max_row or 0, workbook.close)
