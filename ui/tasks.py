"""THE one mechanism for long work: run it off the GUI thread, get the result back on it.

    runner.run(
        lambda progress, cancel: service.import_records(..., progress=progress, cancel=cancel),
        on_success=self._show_report,       # called on the GUI thread with the result
        on_error=self._import_failed,        # optional; called on the GUI thread with the exception
        label=self.tr("Importing parties"),
        parent=self,
    )

* `fn(progress, cancel)` runs on a QThreadPool worker.  `progress(done, total)` is a
  plain callable (services never import Qt; calling it from the worker only stores two
  numbers) and `cancel` is the `app.kernel.progress.CancelToken` the service checks.
* The result or the exception is ALWAYS delivered back on the GUI thread, through a
  queued signal (Electrum's TaskThread habit): a worker never loses an exception.
* Without `on_error`, a UserError/StorageError is shown as a message box, a
  cancellation is silent, and anything else is a bug and goes to sys.excepthook.
* A progress dialog (ui/progress.py) appears only if the task is still running
  after SHOW_AFTER_MS and is then refreshed every POLL_MS by polling; its Cancel
  button sets the token.
* `writes=True` sends the task to a single-thread pool, so two writes never race
  each other (one writer at a time, reads in parallel).

Tests wait with `qtbot.waitSignal(runner.all_done)` or `runner.wait_all()`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import Cancelled, StorageError, UserError
from app.kernel.progress import CancelToken
from ui.progress import POLL_MS, SHOW_AFTER_MS, ProgressDialog

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
TaskFn = Callable[[ProgressFn, CancelToken], Any]


def _run_body(task: Task) -> None:
    """The pool thread's work: run the body, hand the outcome to the GUI thread.

    Given to QThreadPool.start as a plain callable, so Qt owns (and deletes) the
    runnable wrapper; the Task may be deleted on the GUI thread as soon as it
    has delivered without a runnable left pointing at it.
    """
    try:
        result = task.fn(task.report_progress, task.token)
    except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the GUI thread
        task.delivered.emit(False, exc)
    else:
        task.delivered.emit(True, result)


class Task(QObject):
    """One piece of long work.  Lives on the GUI thread; its body runs on a worker."""

    # (ok, result-or-exception); emitted from the worker, received queued on the GUI thread.
    delivered = Signal(bool, object)
    # Emitted on the GUI thread after on_success/on_error ran: (task).
    finished = Signal(object)

    def __init__(
        self,
        fn: TaskFn,
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        label: str,
        parent_widget: QWidget | None,
        cancellable: bool,
        runner: TaskRunner,
    ) -> None:
        super().__init__(runner)
        self.fn = fn
        self.on_success = on_success
        self.on_error = on_error
        self.label = label
        self.parent_widget = parent_widget
        self.cancellable = cancellable
        self.token = CancelToken()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.dialog: ProgressDialog | None = None
        self._runner = runner
        self._lock = threading.Lock()
        self._progress: tuple[int, int] = (0, 0)
        self._shown_progress: tuple[int, int] | None = None
        self._elapsed = QElapsedTimer()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._tick)
        self.delivered.connect(self._deliver)

    # ---------------------------------------------------------------- worker side
    def report_progress(self, done: int, total: int) -> None:
        """The `progress` callable given to the task body: only stores the numbers."""
        with self._lock:
            self._progress = (int(done), int(total))

    # ---------------------------------------------------------------- GUI side
    @property
    def progress(self) -> tuple[int, int]:
        with self._lock:
            return self._progress

    def cancel(self) -> None:
        """Ask the task to stop; the service notices at its next batch."""
        self.token.cancel()

    def _start(self, pool: QThreadPool) -> None:
        self._elapsed.start()
        self._poll.start()
        pool.start(lambda: _run_body(self))

    @Slot()
    def _tick(self) -> None:
        if self.done:
            return
        if self.dialog is None and self._elapsed.elapsed() >= SHOW_AFTER_MS:
            self._show_dialog()
        if self.dialog is not None:
            current = self.progress
            if current != self._shown_progress:
                self._shown_progress = current
                self.dialog.report(*current)

    def _parent_gone(self) -> bool:
        return self.parent_widget is not None and not shiboken6.isValid(self.parent_widget)

    def _show_dialog(self) -> None:
        if self._parent_gone():
            return  # the window that asked was closed: no dialog on a dead parent
        self.dialog = ProgressDialog(self.label, self.parent_widget, cancellable=self.cancellable)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.show()
        self._runner.dialog_shown.emit(self)

    @Slot(bool, object)
    def _deliver(self, ok: bool, outcome: object) -> None:
        self.done = True
        self._poll.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        try:
            if self._parent_gone():
                # The window that asked has been closed meanwhile: nobody to tell.
                self.result = outcome if ok else None
                return
            if ok:
                self.result = outcome
                self.on_success(outcome)
            else:
                assert isinstance(outcome, BaseException)
                self.error = outcome
                if self.on_error is not None:
                    self.on_error(outcome)
                else:
                    self._runner.default_error(outcome, self.parent_widget)
        finally:
            self._runner._finished(self)


class TaskRunner(QObject):
    """Owns the worker pools and the running tasks.  One per application (AppContext.tasks)."""

    # (task) after its callbacks ran.
    task_finished = Signal(object)
    # No task is running any more.
    all_done = Signal()
    # (task) its progress dialog has just been shown (tests use it to press Cancel).
    dialog_shown = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        language: str = "zh_CN",
        error_windows: bool = True,
        max_readers: int = 4,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.error_windows = error_windows
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(max_readers)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._running: list[Task] = []

    @property
    def active(self) -> int:
        return len(self._running)

    @property
    def tasks(self) -> list[Task]:
        return list(self._running)

    def run(
        self,
        fn: TaskFn,
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        label: str,
        parent: QWidget | None,
        cancellable: bool = True,
        writes: bool = False,
    ) -> Task:
        """Run `fn(progress, cancel)` on a worker; deliver its outcome on the GUI thread."""
        task = Task(
            fn,
            on_success=on_success,
            on_error=on_error,
            label=label,
            parent_widget=parent,
            cancellable=cancellable,
            runner=self,
        )
        self._running.append(task)
        task._start(self._writer if writes else self._readers)
        return task

    def wait_all(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every task has delivered (for tests and shutdown)."""
        if not self._running:
            return True
        loop = QEventLoop()
        self.all_done.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.all_done.disconnect(loop.quit)
        return not self._running

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel everything and wait for the workers (at application exit)."""
        for task in self._running:
            task.cancel()
        self._readers.waitForDone(timeout_ms)
        self._writer.waitForDone(timeout_ms)

    def default_error(self, error: BaseException, parent: QWidget | None) -> None:
        """What happens to a failed task without its own on_error."""
        if isinstance(error, Cancelled):
            log.info("task cancelled")
            return
        if isinstance(error, UserError | StorageError):
            if self.error_windows:
                from ui.errors import show_user_error

                show_user_error(parent, error, self.language)
            else:
                log.info("task refused: %s", error.code)
            return
        # A bug: the excepthook logs it and shows the one dialog per distinct error.
        sys.excepthook(type(error), error, error.__traceback__)

    def _finished(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)
        task.finished.emit(task)
        self.task_finished.emit(task)
        # Not deleteLater(): a deferred delete of a task whose runner went away first
        # deleted it twice (a segfault after the overview had computed).  Unparented,
        # it is freed with its last Python reference, after this slot returns.
        task.setParent(None)
        if not self._running:
            self.all_done.emit()

