"""The complaint case page's documents and evidence: save, preview and print a document of
the case; attach an evidence file and save a checked copy; the employer's and the
project's other complaints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
)

from app.complaints.service import (
    today_in_shanghai,
)
from app.errors import StorageError, UserError
from ui.complaints.case_actions import ComplaintCaseActions


class ComplaintCaseDocuments(ComplaintCaseActions):
    """Documents, evidence and the group views of the case page."""

    evidence_rows: list[Any]

    def print_document(self) -> Path | None:
        from app.complaints.documents import write_complaint_document
        from app.kernel.exports import document_trace
        from app.kernel.settings import SettingsService
        from ui.widgets import files

        kind = self.document_kind.currentData()
        if kind is None:
            return None
        name = f"{self.document_kind.currentText()}-{self.detail.case_no or self.detail.number}.pdf"
        path = files.choose_save_path(self, self.tr("Save the document as PDF"), name, "PDF (*.pdf)")
        if path is None:
            return None
        try:
            organisation = SettingsService(self.context.store, self.context.actor).get("organisation")
            d = self.detail
            trace = document_trace(self.context.store, self.context.actor, table_name="complaint", case_id=d.id,
                                   case_no=d.case_no or d.number, document=kind,
                                   title=self.document_kind.currentText())
            write_complaint_document(kind, d, path, organisation=organisation, trace=trace)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved %1.").replace("%1", str(path)))
        return path

    # ---------------------------------------------------------------- 打印预览 / 打印 (issue 17)
    def _document_for_printing(self) -> Path | None:
        """The chosen document written into the private temporary folder (ui.printing.print_path)."""
        from app.complaints.documents import write_complaint_document
        from app.kernel.settings import SettingsService
        from ui.printing import print_path

        kind = self.document_kind.currentData()
        if kind is None:
            return None
        path = print_path(f"{self.document_kind.currentText()}-{self.detail.case_no or self.detail.number}")
        try:
            organisation = SettingsService(self.context.store, self.context.actor).get("organisation")
            write_complaint_document(kind, self.detail, path, organisation=organisation)
        except (UserError, StorageError) as err:
            self._fail(err)
            return None
        return path

    def preview_document(self) -> Any:
        from ui.printing import PdfPrinting

        path = self._document_for_printing()
        if path is not None:
            self.preview_dialog = PdfPrinting.preview(self, path)
        return path

    def print_document_now(self) -> Any:
        from ui.printing import PdfPrinting

        path = self._document_for_printing()
        if path is not None:
            PdfPrinting.print_now(self, path)
        return path

    def attach_file(self) -> bool:
        from app.complaints.evidence import EvidenceService
        from ui.widgets import files

        path = files.choose_open_path(self, self.tr("Attach an evidence file"), self.tr("All files (*)"))
        if path is None:
            return False
        evidence = EvidenceService(self.context.store, self.context.actor)
        d = self.detail
        note = self.evidence_note.text()
        ok = self._run(lambda: (evidence.attach(d.id, path, description=note, on=today_in_shanghai()),
                                self.service.get(d.id))[1])
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
        try:
            out = EvidenceService(self.context.store, self.context.actor).export_copy(entry.id, target)
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
