"""Errors in the GUI: the excepthook for bugs, message boxes for what the user can act on.

* `install_excepthook(context)`: every uncaught exception (a bug) is logged —
  through the root logger, whose handler scrubs ID and phone numbers — and shown
  in ONE dialog per distinct traceback; repeats are only logged.  No dialog at
  all when `context.error_windows` is False (--smoke-test, --no-err-windows, tests).
  The dialog always opens on the GUI thread.
* `show_user_error(parent, err, language)`: a UserError/StorageError as a message
  box in the user's language (the words come from app/errors.py).
"""

from __future__ import annotations

import hashlib
import logging
import sys
import traceback
from types import TracebackType
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import StorageError, UserError
from app.privacy import scrub

log = logging.getLogger("renshe.crash")


class ErrorWindowsSetting(Protocol):
    """What the hook reads of ui.context.AppContext (importing that module here would close a circle:
    ui.context -> ui.tasks -> ui.errors)."""

    error_windows: bool


def show_user_error(
    parent: QWidget | None, err: UserError | StorageError, language: str = "zh_CN", *, block: bool = True
) -> QMessageBox:
    """Tell the user what went wrong and what they can do: a warning box, one OK button.

    `block=False` opens it window-modal and returns at once (the box deletes
    itself when closed); a window that must go on (e.g. after a failed import)
    uses that."""
    box = QMessageBox(parent)
    box.setObjectName("user_error")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Renshe Desk"))
    box.setText(err.message(language))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if block:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return box


def _fingerprint(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Same type raised from the same lines = the same error, whatever the message."""
    frames = traceback.extract_tb(tb)
    key = exc_type.__qualname__ + "|" + "|".join(f"{f.filename}:{f.lineno}" for f in frames)
    return hashlib.sha1(key.encode()).hexdigest()


class ExceptHook(QObject):
    """sys.excepthook that logs every bug and shows one dialog per distinct one."""

    _show_requested = Signal(str)

    def __init__(self, context: ErrorWindowsSetting | None = None, *, error_windows: bool | None = None) -> None:
        super().__init__()
        self._context = context
        self._error_windows = error_windows
        self.seen: set[str] = set()
        self.dialogs_shown = 0
        self._previous = sys.excepthook
        # Queued when the exception happened on a worker thread.
        self._show_requested.connect(self._show)

    @property
    def error_windows(self) -> bool:
        if self._error_windows is not None:
            return self._error_windows
        return self._context.error_windows if self._context is not None else True

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unhandled error", exc_info=(exc_type, exc, tb))
        fingerprint = _fingerprint(exc_type, tb)
        if fingerprint in self.seen:
            return
        self.seen.add(fingerprint)
        application = QApplication.instance()
        if not self.error_windows or application is None:
            return
        text = scrub("".join(traceback.format_exception(exc_type, exc, tb)))
        if QThread.currentThread() == application.thread():
            self._show(text)
        else:
            self._show_requested.emit(text)

    @Slot(str)
    def _show(self, details: str) -> None:
        self.dialogs_shown += 1
        box = QMessageBox()
        box.setObjectName("crash_dialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Renshe Desk — unexpected error"))
        box.setText(
            self.tr(
                "An unexpected error occurred. Your saved data is safe; the unfinished "
                "action was not saved.\nPlease tell the administrator; the details are in the log file."
            )
        )
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


def install_excepthook(context: ErrorWindowsSetting | None = None, *, error_windows: bool | None = None) -> ExceptHook:
    hook = ExceptHook(context, error_windows=error_windows)
    hook.install()
    return hook
