"""The progress dialog of long tasks (ui/tasks.py drives it).

Shown only when a task outlives SHOW_AFTER_MS, so quick work never flashes a
dialog; the task runner polls the task's progress every POLL_MS and feeds it
here, instead of the worker flooding the GUI thread with one signal per row
(the habit Anki's qt/aqt/progress.py keeps).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 600
POLL_MS = 100


class ProgressDialog(QProgressDialog):
    """A window-modal progress dialog; Cancel asks the task to stop (it may take a batch)."""

    def __init__(self, label: str, parent: QWidget | None, *, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("task_progress")
        self.setWindowTitle(self.tr("Please wait"))
        self.setLabelText(label)
        self._label = label
        # We decide ourselves when to show (tasks.SHOW_AFTER_MS); no auto show/close/reset.
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        self.setRange(0, 0)  # busy indicator until the first progress report
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
        else:
            self.setCancelButton(None)
        self.canceled.connect(self._show_cancelling)

    def report(self, done: int, total: int) -> None:
        """Show `done` of `total` (total 0 = unknown: a busy indicator and a count)."""
        if total > 0:
            if self.maximum() != total:
                self.setRange(0, total)
            self.setValue(min(done, total))
            self.setLabelText(self.tr("%1 (%2 of %3)").replace("%1", self._label)
                              .replace("%2", str(done)).replace("%3", str(total)))
        elif done:
            self.setLabelText(self.tr("%1 (%2 done)").replace("%1", self._label).replace("%2", str(done)))

    def _show_cancelling(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
