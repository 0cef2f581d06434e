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
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import Cancelled, UserError
from app.services.audit import ANCHOR_KEYWORD

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportRecorder(Protocol):
    """What the writer needs of an export's audit trace (app.services.exports.ExportTrace)."""

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


class _SafeWriteOnlySheet(WriteOnlyWorksheet):
    def append(self, row: Iterable[Any]) -> None:  # type: ignore[override]
        try:
            super().append([_safe(self, value) for value in row])
        except OSError as exc:  # the rows go to a temporary file in the private folder first
            raise _temp_file_error(exc) from exc


class _SafeSheet(Worksheet):
    def append(self, iterable: Iterable[Any]) -> None:  # type: ignore[override]
        super().append([_safe(self, value) for value in iterable])


def _safe(ws: Any, value: Any) -> Any:
    if isinstance(value, Cell):
        make_inert(value)
        return value
    if could_run(value):
        cell = WriteOnlyCell(ws, value=value)
        make_inert(cell)
        return cell
    return value


class _SafeWorkbook(Workbook):
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
    _check(cancel)
    wb.properties.creator = "人社办案台 Renshe Desk"
    try:
        if trace is not None:
            wb.properties.keywords = ANCHOR_KEYWORD + trace.record(target.name, rows)
        save_atomically(lambda name: _write_zip(wb, name), target, cancel=cancel,
                        owner_only=trace is not None and trace.full)
    except BaseException:
        discard(wb)  # the write-only sheets' working files and row generators, closed now, not at exit
        raise


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
        with contextlib.suppress(Exception):
            ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def save_atomically(save: Any, target: Path, *, cancel: Any = None, owner_only: bool = False) -> None:
    """save(temp path) in the target's folder, then rename over the target.

    The file gets the process's usual permissions (the program runs with umask 077: owner
    only); `owner_only` makes it 0600 whatever the umask (a full export)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    os.close(handle)
    try:
        save(temp_name)
        _check(cancel)
        os.chmod(temp_name, 0o600 if owner_only else 0o666 & ~current_umask())  # mkstemp makes it 0600
        os.replace(temp_name, target)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise _write_error(target, exc) from exc
    except BaseException:
        _remove_quietly(temp_name)
        raise


_FULL = (errno.ENOSPC, errno.EDQUOT)


def _temp_file_error(exc: OSError) -> UserError:
    folder = tempfile.gettempdir()
    if exc.errno in _FULL:
        return UserError("export.temp_disk_full", folder=folder)
    return UserError("export.temp_failed", folder=folder, detail=exc.strerror or type(exc).__name__)


def _write_error(target: Path, exc: OSError) -> UserError:
    if exc.errno in _FULL:
        return UserError("file.disk_full", path=str(target))
    return UserError("file.cannot_write", path=str(target), detail=exc.strerror or str(exc))


def current_umask() -> int:
    # os.umask can only be read by setting it; the program sets it once at start (app.config.protect_files).
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _check(cancel: Any) -> None:
    if cancel is not None and getattr(cancel, "cancelled", False):
        raise Cancelled()
