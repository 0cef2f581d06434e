"""打印预览 and 打印 for every document the program writes as PDF.

The documents are made by reportlab as PDF; Qt (PySide6-Essentials has no QtPdf)
prints them through pypdfium2, which draws each page at the printer's resolution.
`PdfPrinting.preview(parent, path)` opens Qt's print preview (zoom, page set-up,
print) on a PDF, `PdfPrinting.print_now(parent, path)` Qt's print dialog; windows
make the PDF into the private temporary folder first (`print_path`), in the
background for long documents (`preview_after_writing`, `print_after_writing`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

# Pages are drawn at the printer's resolution, but no finer than this (a preview
# on screen asks for far less; a 1200 dpi laser printer gains nothing above it).
MAX_DPI = 300


def paint_pdf(path: Path, printer: QPrinter) -> int:
    """Draw every page of the PDF on the printer, each fitted to the printable area
    without distortion; the number of pages."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return 0
        dpi = min(printer.resolution(), MAX_DPI)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
            target = QRectF(0, 0, area.width(), area.height())
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((target.width() - width) / 2, 0, width, height), image.copy())
            page.close()
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PdfPrinting:
    """The seam tests patch; windows call `preview`."""

    @classmethod
    def preview(cls, parent: QWidget, path: Path) -> QPrintPreviewDialog:
        dialog = QPrintPreviewDialog(parent)  # its own printer, which lives as long as it does
        dialog.setObjectName("print_preview_dialog")
        dialog.setWindowTitle(path.stem)
        dialog.paintRequested.connect(lambda target: paint_pdf(path, target))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


    @classmethod
    def print_now(cls, parent: QWidget, path: Path) -> int:
        """Qt's print dialog (printer, pages, copies), then the PDF on the printer; the pages printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.stem)
        dialog = QPrintDialog(printer, parent)
        dialog.setObjectName("print_dialog")
        dialog.setWindowTitle(path.stem)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return paint_pdf(path, printer)


def print_path(name: str) -> Path:
    """Where a PDF made only to be previewed or printed is written: a new folder in the
    program's private temporary folder (app.config.protect_files), named by this process so
    that the next start cleans it once we are gone."""
    import os

    from app.config import PRIVATE_TEMP_NAME, data_dir

    folder = Path(tempfile.gettempdir())
    private = data_dir() / PRIVATE_TEMP_NAME
    if private not in folder.parents:
        folder = private / f"{os.getpid()}-print"
        folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="print-", dir=folder)) / f"{name}.pdf"


def preview_after_writing(parent: Any, tasks: Any, write: Callable[[Path, Any, Any], Any], name: str,
                          label: str, on_error: Callable[[BaseException], None]) -> None:
    """Write the PDF off the GUI thread into the private temporary folder, then open
    the print preview on it.  Through the runner's writer: writing records the audit trace."""
    path = print_path(name)

    def body(progress: Any, cancel: Any) -> Path:
        write(path, progress, cancel)
        return path

    tasks.run(body, on_success=lambda p: setattr(parent, "preview_dialog", PdfPrinting.preview(parent, p)),
              on_error=on_error, label=label, parent=parent, writes=True)


def print_after_writing(parent: Any, tasks: Any, write: Callable[[Path, Any, Any], Any], name: str,
                        label: str, on_error: Callable[[BaseException], None]) -> None:
    """Write the PDF off the GUI thread into the private temporary folder, then print it
    (Qt's print dialog first).  Through the runner's writer, as above."""
    path = print_path(name)

    def body(progress: Any, cancel: Any) -> Path:
        write(path, progress, cancel)
        return path

    tasks.run(body, on_success=lambda p: PdfPrinting.print_now(parent, p), on_error=on_error, label=label,
              parent=parent, writes=True)
