"""Print a document of the case: choose it, edit its free text, save the PDF.

The draft comes filled from the case (app/arbitration/documents.py
and mediation_documents.py); the clerk edits the paragraphs (one per block,
a blank line between) and saves.  The PDF is written through the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, UserError
from ui.context import AppContext


class DocumentDialog(QDialog):
    def __init__(self, context: AppContext, documents: dict[str, str], make_draft: Callable[[str], Any],
                 parent: QWidget | None = None, *, case: tuple[str, int] | None = None) -> None:
        """`case`: (table, id) of the case the documents are of: each PDF saved is audited
        as an export of that record (app.kernel.exports.document_trace)."""
        super().__init__(parent)
        self.case = case
        self.setObjectName("document_dialog")
        self.setWindowTitle(self.tr("Documents"))
        self.context = context
        self.make_draft = make_draft
        self.draft: Any = None
        self.saved_path: Path | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("document_kind")
        for key, title in documents.items():
            self.kind.addItem(title, key)
        self.kind.currentIndexChanged.connect(self._load)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("document_text")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.preview_button.setObjectName("print_preview")
        self.preview_button.clicked.connect(self.print_preview)
        self.preview: Any = None
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_now)
        self.open_after = QPushButton(self.tr("Open the PDF"))
        self.open_after.setObjectName("open_pdf")
        self.open_after.setEnabled(False)
        self.open_after.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:")))
        top.addWidget(self.kind, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_after)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Text (edit before printing; a blank line separates paragraphs):")))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 620)
        self._load()

    def _load(self, *_args: Any) -> None:
        try:
            self.draft = self.make_draft(self.kind.currentData())
        except (UserError, StorageError) as err:
            self.draft = None
            self.editor.setPlainText("")
            self.editor.setEnabled(False)
            self.save_button.setEnabled(False)
            self.preview_button.setEnabled(False)
            self.message.setText(err.message(self.context.language))
            return
        self.editor.setEnabled(True)
        self.save_button.setEnabled(True)
        self.preview_button.setEnabled(True)
        self.message.setText("")
        self.editor.setPlainText(self.draft.editable_text())

    def edited_draft(self) -> Any:
        return self.draft.with_paragraphs(self.editor.toPlainText().split("\n\n"))

    def text_document(self) -> QTextDocument:
        """The edited draft as a Qt text document: what the preview shows and the printer prints
        (the same words as the PDF, laid out by Qt)."""
        d = self.edited_draft()
        parts = [f"<h2 align='center'>{escape(d.title)}</h2>"]
        if d.number:
            parts.append(f"<p align='right'>{escape(d.number)}</p>")
        if d.addressee:
            parts.append(f"<p>{escape(d.addressee)}</p>")
        parts += [f"<p style='text-indent:2em'>{escape(p)}</p>" for p in d.paragraphs]
        if d.table_rows:
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in d.table_rows)
            head = "".join(f"<th>{escape(h)}</th>" for h in d.table_header)
            parts.append(f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{rows}</table>")
        parts += [f"<p align='right'>{escape(line)}</p>" for line in d.signatures]
        if d.dated is not None:
            from app.documents.base import chinese_date

            parts.append(f"<p align='right'><br/>{escape(d.organisation)}<br/>{chinese_date(d.dated)}</p>")
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setHtml("".join(parts))
        return document

    def print_preview(self) -> QPrintPreviewDialog | None:
        if self.draft is None:
            return None
        document = self.text_document()
        dialog = QPrintPreviewDialog(self)
        dialog.setObjectName("print_preview_dialog")
        dialog.paintRequested.connect(document.print_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = (dialog, document)
        dialog.open()
        return dialog

    def print_now(self) -> bool:
        """打印: Qt's print dialog (printer, pages, copies), then the edited draft as the preview shows it."""
        if self.draft is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.edited_draft().title)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.text_document().print_(printer)
        return True

    @classmethod
    def choose_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """The file to write (a seam tests patch)."""
        from ui import file_dialogs

        return file_dialogs.choose_save_path(parent, QCoreApplication.translate("DocumentDialog", "Save PDF"), suggested,
                                             "PDF (*.pdf)")

    def save(self) -> None:
        from app.arbitration.documents import render
        from app.kernel.exports import document_trace

        if self.draft is None:
            return
        draft = self.edited_draft()
        path = type(self).choose_path(self, f"{draft.title}.pdf")
        if path is None:
            return
        tasks = self.context.tasks
        assert tasks is not None

        def done(pages: int) -> None:
            self.saved_path = path
            self.open_after.setEnabled(True)
            self.message.setText(self.tr("Saved %1 (%2 page(s)).").replace("%1", str(path)).replace("%2", str(pages)))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError | StorageError):
                self.message.setText(error.message(self.context.language))
            else:
                tasks.default_error(error, self)

        table, case_id = self.case if self.case is not None else ("", None)
        store, actor = self.context.store, self.context.actor

        def write(_progress: Any, _cancel: Any) -> int:
            # the trace (an audited write) and the PDF, on the single writer, off the GUI thread
            trace = document_trace(store, actor, table_name=table, case_id=case_id,
                                   case_no=draft.number or (f"#{case_id}" if case_id else ""), document=draft.kind,
                                   title=draft.title)
            return render(draft, path, trace=trace)

        tasks.run(write, on_success=done, on_error=failed, label=self.tr("Writing the PDF…"), parent=self,
                  cancellable=False, writes=True)
