"""Refreshing what another desk changed: every few seconds the audit head is read off
the GUI thread; when someone else (another user or another PC) saved since the last
look, the open list re-runs its query.  Nothing is refreshed while a dialog is open (a
form being typed into), so no input is lost; the next tick after it closes catches up.

Open case pages follow too (ui/widgets/follow_record.py): every look is announced on
`announcements()` — also under an open dialog, since a case page is one — and each page
decides for itself whether its case changed and whether it may show it now."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.accounts.actor import Actor
from app.audit.changes import change_counter, others_changed_since
from app.store.engine import Store

log = logging.getLogger(__name__)
POLL_MS = 3000


class Announcements(QObject):
    """What every watcher saw, for the open case pages."""

    others_saved = Signal()  # a look found changes saved by another desk
    looked = Signal()  # a look ended (a page that had to wait may catch up now)


_announcements: list[Announcements] = []


def announcements() -> Announcements:
    if not _announcements:
        _announcements.append(Announcements())
    return _announcements[0]


class ChangeWatcher(QObject):
    counted = Signal(int, bool)
    changed = Signal()  # another desk saved something since the last look

    def __init__(self, store: Store, actor: Callable[[], Actor], on_change: Callable[[], None],
                 parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.on_change = on_change
        self.last_seen: int | None = None
        self.pending = False  # others changed something while a dialog was open
        self._in_flight = False
        self.counted.connect(self._compare)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        QThreadPool.globalInstance().start(self._count)

    def _count(self) -> None:  # on a pool thread
        try:
            if self.last_seen is None:
                head, others = change_counter(self.store), False
            else:
                head, others = others_changed_since(self.store, self.last_seen, self.actor())
        except Exception:  # noqa: BLE001 - a lost connection is told when the clerk next saves
            log.info("change counter not readable now", exc_info=True)
            head, others = -1, False
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.counted.emit(head, others)

    def _compare(self, head: int, others: bool) -> None:
        self._in_flight = False
        if head < 0:
            return
        self.last_seen = head
        if others:
            announcements().others_saved.emit()
        announcements().looked.emit()
        self.pending = self.pending or others
        if not self.pending or QApplication.activeModalWidget() is not None:
            return
        self.pending = False
        self.changed.emit()
        self.on_change()

    def stop(self) -> None:
        self.timer.stop()
