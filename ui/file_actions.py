"""What every register window does with files: template, import, export messages.

A window mixes `FileActions` in and has `context`, `tasks`, `status` (a QLabel),
`report_dialog` and `message_box`; it overrides `after_import` to refresh its
list.  Long work runs through the one task runner (ui/tasks.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from app.errors import Cancelled, StorageError, UserError
from app.kernel.import_report import ImportReport
from ui.errors import show_user_error
from ui.parties.import_report import ImportReportDialog
from ui.widgets import files

XLSX_FILTER = "Excel (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"
ALREADY_IMPORTED = "import.already_imported"


def ask_import_again(parent: Any, error: UserError, language: str) -> bool:
    """The clerk confirms importing a file imported before (the one seam tests patch)."""
    from PySide6.QtWidgets import QMessageBox

    question = QCoreApplication.translate("FileActions", "Import this file once more?")
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FileActions", "File imported before"),
        f"{error.message(language)}\n\n{question}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def is_repeat(error: BaseException) -> bool:
    return isinstance(error, UserError) and error.code == ALREADY_IMPORTED


class FileActions:
    """Template, import and the messages after an export, for a register window."""

    context: Any
    tasks: Any
    status: Any
    report_dialog: Any
    message_box: Any

    def run_template(self, write_template: Callable[[Path], None], title: str, file_name: str) -> None:
        path = files.choose_save_path(self, title, file_name + ".xlsx", XLSX_FILTER)  # type: ignore[arg-type]
        if path is None:
            return

        def body(progress: Any, cancel: Any) -> Path:
            write_template(path)
            return path

        self.tasks.run(
            body,
            on_success=lambda p: self.status.setText(QCoreApplication.translate("FileActions", "Template saved to %1.").replace("%1", str(p))),
            on_error=self.task_failed,
            label=QCoreApplication.translate("FileActions", "Writing the import template"),
            parent=self,
            cancellable=False,
        )

    def run_import(self, title: str, label: str, load: Callable[[Path, Any, Any], ImportReport]) -> None:
        """Ask for a workbook, then `load(path, progress, cancel)` off the GUI thread."""
        path = files.choose_open_path(self, title, XLSX_FILTER)  # type: ignore[arg-type]
        if path is None:
            return
        self._start_import(path, label, load, again=False)

    def _start_import(self, path: Path, label: str, load: Callable[..., ImportReport], *, again: bool) -> None:
        def failed(error: BaseException) -> None:
            if not again and is_repeat(error) and ask_import_again(self, error, self.context.language):  # type: ignore[arg-type]
                self._start_import(path, label, load, again=True)
                return
            self.task_failed(error)

        self.tasks.run(
            lambda progress, cancel: load(path, progress, cancel, again=True) if again else load(path, progress, cancel),
            on_success=self.show_import_report,
            on_error=failed,
            label=label,
            parent=self,
            writes=True,
        )

    def after_import(self, report: ImportReport) -> None:
        """Refresh the window's list (override)."""

    def show_import_report(self, report: ImportReport) -> None:
        self.after_import(report)
        self.status.setText(
            QCoreApplication.translate("FileActions", "Import finished: %1 imported, %2 refused.")
            .replace("%1", str(report.imported))
            .replace("%2", str(len(report.refused)))
        )
        dialog = ImportReportDialog(report, self.context.language, self)  # type: ignore[arg-type]
        self.report_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "report_dialog", None))
        dialog.open()

    def show_exported(self, rows: int, path: Path) -> None:
        self.status.setText(QCoreApplication.translate("FileActions", "Exported %1 rows to %2.").replace("%1", str(rows)).replace("%2", str(path)))

    def task_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.setText(QCoreApplication.translate("FileActions", "Cancelled; nothing was saved."))
            return
        if isinstance(error, UserError | StorageError):
            self.tell(error)
            return
        self.tasks.default_error(error, self)

    def tell(self, err: UserError | StorageError) -> None:
        self.status.setText(err.message(self.context.language))
        self.message_box = show_user_error(self, err, self.context.language, block=False)  # type: ignore[arg-type]
