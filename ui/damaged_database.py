"""A damaged database at start-up: say what is wrong, offer the newest backup that verified.

Run before the store is opened (ui/application.py): SQLite itself checks the
file (its header, `PRAGMA quick_check`).  With --no-err-windows or
--smoke-test there is no dialog: one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.backup import service
from app.backup.catalogue import Entry
from app.backup.check import counts_text, quick_check
from app.cli import say_error
from app.clock import local_time
from app.errors import StorageError, UserError, message_for

log = logging.getLogger(__name__)


class DamagedDatabaseDialog(QMessageBox):
    def __init__(self, parent: QWidget | None, problem: str, backup: Entry | None, language: str) -> None:
        super().__init__(parent)
        self.setObjectName("damaged_database")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(QCoreApplication.translate("DamagedDatabase", "The database is damaged"))
        self.setText(QCoreApplication.translate("DamagedDatabase", "The database is damaged and cannot be opened."))
        details = [problem]
        if backup is not None:
            moment = local_time(datetime.fromisoformat(backup.at)).strftime("%Y-%m-%d %H:%M")
            details.append(
                QCoreApplication.translate("DamagedDatabase", "The newest backup that passed its check is from %1 (%2).").replace("%1", moment).replace(
                    "%2", counts_text(backup.counts, language)
                )
                + "\n"
                + backup.file
            )
            details.append(
                QCoreApplication.translate("DamagedDatabase", "Restoring it loses the changes made since then. The damaged file is kept beside the database.")
            )
            self.restore_button: QPushButton | None = self.addButton(QCoreApplication.translate("DamagedDatabase", "Restore this backup and continue"), QMessageBox.ButtonRole.AcceptRole)
            self.restore_button.setObjectName("restore")
        else:
            details.append(QCoreApplication.translate("DamagedDatabase", "No backup that passed its check was found. Please ask your administrator for help."))
            self.restore_button = None
        self.quit_button = self.addButton(QCoreApplication.translate("DamagedDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quit")
        self.setDefaultButton(self.quit_button)
        self.setInformativeText("\n\n".join(details))

    @classmethod
    def ask(cls, parent: QWidget | None, problem: str, backup: Entry | None, language: str) -> bool:
        """True when the user chose to restore `backup` (the seam tests patch)."""
        dialog = cls(parent, problem, backup, language)
        dialog.exec()
        return dialog.restore_button is not None and dialog.clickedButton() is dialog.restore_button


def check_at_start(url: str, language: str, error_windows: bool, parent: QWidget | None = None) -> bool:
    """Whether start-up may go on with the database at `url` (restored first if the user chose so)."""
    path = service.sqlite_path(url)
    if path is None or path.is_dir():
        return True  # a folder given as the database is said by the store itself (db.not_a_file)
    problem = quick_check(path)
    if problem is None:
        return True
    message = message_for(problem, {"path": str(path)}, language)
    say_error(message, language)
    log.error("database damaged at start: %s", problem)
    if not error_windows:
        return False
    backup = service.newest_good_backup(url)
    if not DamagedDatabaseDialog.ask(parent, message, backup, language):
        return False
    assert backup is not None
    return _restore(Path(backup.file), url, language, parent)


def _restore(file: Path, url: str, language: str, parent: QWidget | None) -> bool:
    from ui.errors import show_user_error
    from ui.tasks import TaskRunner

    runner = TaskRunner(QApplication.instance(), language=language, error_windows=True)
    outcome: dict[str, Any] = {}
    runner.run(
        lambda progress, cancel: service.restore_damaged(file, url, progress=progress),
        on_success=lambda result: outcome.update(result=result),
        on_error=lambda error: outcome.update(error=error),
        label=QCoreApplication.translate("DamagedDatabase", "Restoring the database"),
        parent=parent,
        cancellable=False,
        writes=True,
    )
    runner.wait_all(24 * 3600 * 1000)
    runner.shutdown()
    error = outcome.get("error")
    if error is None:
        log.info("damaged database restored from %s", file.name)
        return True
    if isinstance(error, UserError | StorageError):
        say_error(error.message(language), language)
        show_user_error(parent, error, language)
        return False
    raise error
