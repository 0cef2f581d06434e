"""系统管理 → 备份与恢复: the backups of this database, a backup to a chosen
folder (a USB stick), and a restore from the list or from a file.

The work runs through ui/tasks.py (off the GUI thread, with a progress bar).
After a restore the program closes and asks to be started again: the open
areas, their cached pages and the signed-in user all belong to the database
that was replaced, so nothing may go on using them.  The store's pooled
connections are closed before the restore is written.

The dialogs are classmethod seams (`choose_folder`, `choose_file`,
`confirm_restore`, `tell`), which tests patch (pytest-qt's note_dialogs advice).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import service
from app.backup.catalogue import Entry
from app.backup.check import counts_text
from app.clock import local_time
from app.errors import StorageError, UserError, message_for
from ui.context import AppContext
from ui.errors import show_user_error

log = logging.getLogger(__name__)
COLUMNS = ("time", "kind", "size", "records", "check", "file")


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size, 1) / 1024:.0f} KB"


class BackupTab(QWidget):
    """The catalogue of a few dozen backups at most: a plain table widget is enough here."""

    # Emitted after a restore, once the user has been told the program will close.
    restored = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_tab")
        self.context = context
        self.entries: list[Entry] = []
        intro = QLabel(
            self.tr(
                "A backup is made automatically on the first start of each day, before every upgrade and before "
                "every restore. Daily backups are kept for the last 7 days, 4 weeks and 12 months; the others are "
                "kept until you delete them. Every backup is checked when it is made."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Kind"), self.tr("Size"), self.tr("Records"), self.tr("Check"), self.tr("File")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.backup_button = QPushButton(self.tr("Back up to a folder…"))
        self.backup_button.setObjectName("backup")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.setObjectName("restore_selected")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.setObjectName("restore_file")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_folder_button = QPushButton(self.tr("Open its folder"))
        self.open_folder_button.setObjectName("open_folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    # ---------------------------------------------------------------- seams (patched in tests)
    @classmethod
    def choose_folder(cls, parent: QWidget) -> Path | None:
        from ui.file_dialogs import choose_folder

        return choose_folder(parent, QCoreApplication.translate("BackupTab", "Back up to which folder?"), kind="backups")

    @classmethod
    def choose_file(cls, parent: QWidget) -> Path | None:
        from ui.file_dialogs import choose_backup_file

        return choose_backup_file(parent, QCoreApplication.translate("BackupTab", "Restore which backup?"),
                                  QCoreApplication.translate("BackupTab", "Backups (*.db *.bak *.dump);;All files (*)"))

    @classmethod
    def confirm_restore(cls, parent: QWidget, text: str) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("BackupTab", "Restore"), text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def tell(cls, parent: QWidget, text: str) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("BackupTab", "Backup and restore"), text)

    # ---------------------------------------------------------------- the list
    def refresh(self) -> None:
        self.entries = service.list_backups(self.context.store.url)
        language = self.context.language
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            exists = Path(entry.file).exists()
            check = self.tr("passed") if entry.ok else message_for(entry.check, {"path": Path(entry.file).name}, language)
            if not exists:
                check = self.tr("file missing")
            values = (
                local_time(datetime.fromisoformat(entry.at)).strftime("%Y-%m-%d %H:%M"),
                self.kind_text(entry.kind),
                size_text(entry.size),
                counts_text(entry.counts, language),
                check,
                entry.file,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def kind_text(self, kind: str) -> str:
        return {
            "daily": self.tr("daily (automatic)"),
            "manual": self.tr("manual"),
            "pre-upgrade": self.tr("before upgrade"),
            "pre-restore": self.tr("before restore"),
        }.get(kind, kind)

    def selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        usable = entry is not None and Path(entry.file).exists()
        self.restore_button.setEnabled(usable and entry is not None and entry.ok)
        self.open_folder_button.setEnabled(usable)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # ---------------------------------------------------------------- actions
    def back_up(self) -> None:
        folder = self.choose_folder(self)
        if folder is None:
            return
        url = self.context.store.url
        self._busy(True)
        self.context.tasks.run(
            lambda progress, cancel: service.create(url, folder, progress=progress, cancel=cancel),
            on_success=self._backed_up,
            on_error=self._failed,
            label=self.tr("Backing up the database"),
            parent=self,
        )

    def _backed_up(self, entry: Entry) -> None:
        self._busy(False)
        self.refresh()
        if entry.ok:
            self.status.setText(self.tr("Backup written and checked: %1").replace("%1", entry.file))
        else:
            reason = message_for(entry.check, {"path": Path(entry.file).name}, self.context.language)
            self.status.setText(self.tr("The backup %1 was written but did not pass its check: %2").replace("%1", entry.file).replace("%2", reason))

    def restore_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._restore(Path(entry.file))

    def restore_from_file(self) -> None:
        path = self.choose_file(self)
        if path is not None:
            self._restore(path)

    def _restore(self, path: Path) -> None:
        text = self.tr(
            "Replace the database with the backup %1?\n\nChanges made since that backup are lost. The database as it "
            "is now is kept beside it. The program closes afterwards and must be started again."
        ).replace("%1", str(path))
        if not self.confirm_restore(self, text):
            return
        store = self.context.store
        self._busy(True)
        store.engine.dispose()  # no pooled connection outlives the database it was opened on
        self.context.tasks.run(
            lambda progress, cancel: service.restore(path, store.url, progress=progress),
            on_success=self._restored,
            on_error=self._failed,
            label=self.tr("Restoring the database"),
            parent=self,
            cancellable=False,
            writes=True,
        )

    def _restored(self, result: Any) -> None:
        self.context.store.engine.dispose()
        self.refresh()
        kept = str(result.kept) if result.kept else "-"
        self.status.setText(self.tr("Restored. The replaced database is kept as %1.").replace("%1", kept))
        self.tell(
            self,
            self.tr("The database has been restored. The replaced database is kept as %1.\n\n"
                    "The program will now close; please start it again.").replace("%1", kept),
        )
        self.restored.emit(result)
        self.window().close()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, UserError | StorageError):
            self.status.setText(error.message(self.context.language))
            if self.context.error_windows:
                show_user_error(self, error, self.context.language)
            return
        self.context.tasks.default_error(error, self)

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_file_button):
            button.setEnabled(not busy)
        if busy:
            self.restore_button.setEnabled(False)
        else:
            self._selection_changed()

    def open_folder(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(entry.file).parent)))


def start_daily_backup(context: AppContext, parent: QWidget | None = None) -> None:
    """The first start of the day: a backup in the background (logged; listed on 备份与恢复)."""
    if not service.daily_due(context.store.url):
        return
    url = context.store.url
    context.tasks.run(
        lambda progress, cancel: service.make_daily(url, progress=progress, cancel=cancel),
        on_success=lambda entry: log.info("daily backup: %s", entry.check if entry else "not due"),
        on_error=lambda error: log.warning("daily backup failed: %s", error),
        label=QCoreApplication.translate("BackupTab", "Backing up the database"),
        parent=parent,
    )
