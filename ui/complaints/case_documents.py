"""The complaint case page's documents and evidence: save, preview and print a document of
the case; attach an evidence file and save a checked copy; the employer's and the
project's other complaints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
)

from app.complaints.service import ComplaintDetail, today_in_shanghai
from app.errors import StorageError, UserError
from ui.complaints.case_actions import ComplaintCaseActions
from ui.widgets.case_steps import on_the_writer, task_runner


class ComplaintCaseDocuments(ComplaintCaseActions):
    """Documents, evidence and the group views of the case page."""

    evidence_rows: list[Any]

    def print_document(self) -> Path | None:
        """保存为PDF: the chosen document, rendered with its trace on the writer; its path."""
        from app.complaints.documents import write_complaint_document
        from app.kernel.exports import document_trace
        from app.kernel.settings import SettingsService
        from ui.widgets import files

        kind, title = self.document_kind.currentData(), self.document_kind.currentText()
        if kind is None:
            return None
        d = self.detail
        path = files.choose_save_path(self, self.tr("Save the document as PDF"), f"{title}-{d.case_no or d.number}.pdf",
                                      "PDF (*.pdf)")
        if path is None:
            return None
        store, actor = self.context.store, self.context.actor

        def render() -> Path:
            organisation = SettingsService(store, actor).get("organisation")
            trace = document_trace(store, actor, table_name="complaint", case_id=d.id, case_no=d.case_no or d.number,
                                   document=kind, title=title)
            write_complaint_document(kind, d, path, organisation=organisation, trace=trace)
            return path

        try:
            on_the_writer(self.context, self, title, render)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved %1.").replace("%1", str(path)))
        return path

    # ---------------------------------------------------------------- 打印预览 / 打印 (issue 17)
    def _printing(self) -> tuple[str, Callable[[Path, Any, Any], None]] | None:
        """The chosen document's name and how to write it (off the GUI thread, ui.printing)."""
        from app.complaints.documents import write_complaint_document
        from app.kernel.settings import SettingsService

        kind, title = self.document_kind.currentData(), self.document_kind.currentText()
        if kind is None:
            return None
        d, store, actor = self.detail, self.context.store, self.context.actor

        def write(path: Path, _progress: Any, _cancel: Any) -> None:
            write_complaint_document(kind, d, path, organisation=SettingsService(store, actor).get("organisation"))

        return f"{title}-{d.case_no or d.number}", write

    def preview_document(self) -> None:
        """打印预览: the document is written on a worker, then the preview opens (self.preview_dialog)."""
        from ui.printing import preview_after_writing

        chosen = self._printing()
        if chosen is not None:
            name, write = chosen
            preview_after_writing(self, task_runner(self.context), write, name, self.tr("Print preview"),
                                  on_error=self._print_failed)

    def print_document_now(self) -> None:
        from ui.printing import print_after_writing

        chosen = self._printing()
        if chosen is not None:
            name, write = chosen
            print_after_writing(self, task_runner(self.context), write, name, self.tr("Print…"),
                                on_error=self._print_failed)

    def _print_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError | StorageError):
            raise error  # a bug: the excepthook shows it
        self._fail(error)

    def attach_file(self) -> bool:
        from app.complaints.evidence import EvidenceService
        from ui.widgets import files

        path = files.choose_open_path(self, self.tr("Attach an evidence file"), self.tr("All files (*)"))
        if path is None:
            return False
        evidence = EvidenceService(self.context.store, self.context.actor)
        d = self.detail
        note = self.evidence_note.text()

        def attach() -> ComplaintDetail:
            evidence.attach(d.id, path, description=note, on=today_in_shanghai())
            return self.service.get(d.id)

        ok = self._run(attach)
        if ok:
            self.evidence_note.clear()
        return ok

    def check_file(self) -> Path | None:
        from app.complaints.evidence import EvidenceService
        from ui.widgets import files

        row = self.evidence_table.currentRow()
        if row < 0 or row >= len(self.evidence_rows):
            return None
        entry = self.evidence_rows[row]
        target = files.choose_save_path(self, self.tr("Save a checked copy"), entry.filename, self.tr("All files (*)"))
        if target is None:
            return None
        evidence = EvidenceService(self.context.store, self.context.actor)
        try:  # the copy is read back and its digest checked: off the GUI thread
            out = on_the_writer(self.context, self, self.tr("Save a checked copy"),
                                lambda: evidence.export_copy(entry.id, target))
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("SHA-256 checked: %1").replace("%1", entry.sha256))
        return out

    def employer_view(self) -> QDialog | None:
        if not self.detail.employers:
            return None
        return self._group(employer_id=self.detail.employers[0].party_id)

    def project_view(self) -> QDialog | None:
        if self.detail.project_id is None:
            return None
        return self._group(project_id=self.detail.project_id)

    def _group(self, **key: int) -> QDialog:
        from ui.complaints.group_view import ComplaintGroupView

        view = ComplaintGroupView(self.context, self.service, parent=self, **key)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        self.group_view = view
        return view
