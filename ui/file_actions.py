"""What a window does with files: template, import, export, and the words after each.

A window holds one `FileActions` object:

    self.files = FileActions(self, context, self.status, after_import=self._imported)
    self.files.template(write_template, self.tr("Save the import template"), self.tr("… template"))
    self.files.run_import(self.tr("Import … from Excel"), self.tr("Importing …"), load)
    self.files.export(body, path, self.tr("Exporting … to Excel"))

Long work runs through the one task runner (ui/tasks.py).  An import and an export
write (the records; an export's audit trace), so both go through the runner's writer.
`failed` is the one place a task's failure is told: a cancellation and a refusal
(UserError/StorageError) in the status line — a refusal also in a message box unless
the window says otherwise — and anything else is a bug for the runner's default.
A window whose words differ (its own translation context) passes them as `FileTexts`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.errors import Cancelled, StorageError, UserError
from app.kernel.import_report import ImportReport
from ui.errors import show_user_error
from ui.parties.import_report import ImportReportDialog
from ui.widgets import files

if TYPE_CHECKING:
    from ui.context import AppContext

XLSX_FILTER = "Excel (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"
ALREADY_IMPORTED = "import.already_imported"


def ask_import_again(parent: Any, error: UserError, language: str) -> bool:
    """The clerk confirms importing a file imported before (the one seam tests patch)."""
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


@dataclass(frozen=True)
class FileTexts:
    """A window's own words (translated in its context); an empty one takes FileActions' words."""

    cancelled: str = ""  # a task was cancelled
    template_saved: str = ""  # %1: the path
    import_finished: str = ""  # %1: imported, %2: refused
    exported: str = ""  # %1: rows, %2: the path


class FileActions:
    """Template, import, export and the messages after them, for one window (`owner`)."""

    def __init__(
        self,
        owner: QWidget,
        context: AppContext,
        status: QLabel,
        *,
        after_import: Callable[[ImportReport], None] | None = None,
        texts: FileTexts = FileTexts(),
        error_box: bool = True,
        report_only_if_refused: bool = False,
    ) -> None:
        self.owner = owner
        self.context = context
        self.tasks = context.tasks
        self.status = status
        self.after_import = after_import
        self.texts = texts
        self.error_box = error_box  # False: a refusal is said in the status line only
        self.report_only_if_refused = report_only_if_refused
        self.report_dialog: ImportReportDialog | None = None
        self.message_box: QMessageBox | None = None

    # ---------------------------------------------------------------- template
    def template(self, write_template: Callable[[Path], None], title: str, file_name: str) -> None:
        """Ask where, then write the import template off the GUI thread."""
        path = files.choose_save_path(self.owner, title, file_name + ".xlsx", XLSX_FILTER)
        if path is None:
            return

        def body(progress: Any, cancel: Any) -> Path:
            write_template(path)
            return path

        saved = self.texts.template_saved or QCoreApplication.translate("FileActions", "Template saved to %1.")
        self.tasks.run(
            body,
            on_success=lambda p: self.status.setText(saved.replace("%1", str(p))),
            on_error=self.failed,
            label=QCoreApplication.translate("FileActions", "Writing the import template"),
            parent=self.owner,
            cancellable=False,
        )

    # ---------------------------------------------------------------- import
    def run_import(self, title: str, label: str, load: Callable[..., ImportReport]) -> None:
        """Ask for a workbook, then `load(path, progress, cancel)` off the GUI thread; a file
        imported before is imported again only if the clerk says so (`load(…, again=True)`)."""
        path = files.choose_open_path(self.owner, title, XLSX_FILTER)
        if path is None:
            return
        self._start_import(path, label, load, again=False)

    def _start_import(self, path: Path, label: str, load: Callable[..., ImportReport], *, again: bool) -> None:
        def failed(error: BaseException) -> None:
            if not again and isinstance(error, UserError) and is_repeat(error) \
                    and ask_import_again(self.owner, error, self.context.language):
                self._start_import(path, label, load, again=True)
                return
            self.failed(error)

        self.tasks.run(
            lambda progress, cancel: load(path, progress, cancel, again=True) if again else load(path, progress, cancel),
            on_success=self.show_import_report,
            on_error=failed,
            label=label,
            parent=self.owner,
            writes=True,
        )

    def show_import_report(self, report: ImportReport) -> None:
        if self.after_import is not None:
            self.after_import(report)
        finished = self.texts.import_finished or QCoreApplication.translate("FileActions", "Import finished: %1 imported, %2 refused.")
        self.status.setText(finished.replace("%1", str(report.imported)).replace("%2", str(len(report.refused))))
        if self.report_only_if_refused and not report.refused:
            return
        dialog = ImportReportDialog(report, self.context.language, self.owner)
        self.report_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._report_closed(dialog))
        dialog.open()

    def _report_closed(self, dialog: ImportReportDialog) -> None:
        if self.report_dialog is dialog:
            self.report_dialog = None

    # ---------------------------------------------------------------- export
    def export(self, body: Callable[[Any, Any], Any], path: Path, label: str,
               on_success: Callable[[Any], None] | None = None) -> None:
        """Write an export off the GUI thread through the runner's writer (it records its
        audit trace); then say how many rows went where (or call `on_success`)."""
        self.tasks.run(
            body,
            on_success=on_success or (lambda rows: self.show_exported(rows, path)),
            on_error=self.failed,
            label=label,
            parent=self.owner,
            writes=True,
        )

    def show_exported(self, rows: int, path: Path) -> None:
        exported = self.texts.exported or QCoreApplication.translate("FileActions", "Exported %1 rows to %2.")
        self.status.setText(exported.replace("%1", str(rows)).replace("%2", str(path)))

    # ---------------------------------------------------------------- failures
    def failed(self, error: BaseException) -> None:
        """A task failed: say so (see the module's docstring)."""
        if isinstance(error, Cancelled):
            self.status.setText(self.texts.cancelled or QCoreApplication.translate("FileActions", "Cancelled; nothing was saved."))
            return
        if isinstance(error, UserError | StorageError):
            self.tell(error)
            return
        self.tasks.default_error(error, self.owner)

    def tell(self, err: UserError | StorageError) -> None:
        """A refusal: in the status line, and in a message box if the window has them."""
        self.status.setText(err.message(self.context.language))
        if self.error_box:
            self.message_box = show_user_error(self.owner, err, self.context.language, block=False)
