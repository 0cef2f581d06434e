"""An open case page follows what other desks save (issue 14).

The change watcher (ui/change_watcher.py) announces every few seconds that another
desk saved something.  `FollowRecord` then reads the page's case; when its version is
no longer the one on screen:

- the clerk has typed nothing since the page last showed the case: the page shows the
  case as saved now, and its status line says who changed it and when;
- the clerk has unsaved input on the page: nothing on the page is touched; the status
  line says who changed it and when, and that the entries are kept (saving then shows
  the new values first: ui/widgets/stale_save.py).

While another dialog is open above the page (a step being entered), the page waits and
catches up after it closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.audit.changes import last_change
from app.errors import StorageError, UserError
from app.store.engine import Store
from ui.change_watcher import announcements

log = logging.getLogger(__name__)


def typed_input(page: QWidget) -> tuple[Any, ...]:
    """What the clerk can type or tick on the page, as one comparable value."""
    values: list[Any] = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            if not widget.isReadOnly() and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                values.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if not widget.isReadOnly():
                values.append(widget.toPlainText())
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentText() if widget.isEditable() else widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            values.append(tuple(widget.item(i).checkState().value for i in range(widget.count())))
    return tuple(values)


class FollowRecord(QObject):
    """Keep `page` in step with its record as other desks save it.

    `record()` names it: (table, id, version on screen), or None when the page shows none;
    `fetch()` reads it as saved now (anything with `.version`); `show(saved)` puts it on
    the page; `tell(text)` writes the page's status line.  `inputs`: the part of the page
    where the clerk types into the case (the whole page by default; not a list's search box)."""

    def __init__(self, page: QWidget, store: Store, *, record: Callable[[], tuple[str, int, int] | None],
                 fetch: Callable[[], Any], show: Callable[[Any], None], tell: Callable[[str], None],
                 inputs: QWidget | None = None) -> None:
        super().__init__(page)
        self.page = page
        self.inputs = inputs or page
        self.store = store
        self.record = record
        self.fetch = fetch
        self.show = show
        self.tell = tell
        self.behind = False  # another desk saved something not yet looked at
        self.told_version: int | None = None  # the version the clerk was told about (input kept)
        self._baseline: tuple[int | None, tuple[Any, ...]] = (None, ())
        self.remember_input()
        # A child of the page: Qt drops these connections when the page goes.
        announcements().others_saved.connect(self._others_saved)
        announcements().looked.connect(self.catch_up)

    def remember_input(self) -> None:
        """The page shows its case afresh (opened, a step done, refreshed): nothing typed yet."""
        current = self.record()
        self._baseline = (current[2] if current else None, typed_input(self.inputs))

    def has_unsaved_input(self) -> bool:
        current = self.record()
        version = current[2] if current else None
        if version != self._baseline[0]:  # the page re-showed its case itself (a step of its own)
            self.remember_input()
            return False
        return typed_input(self.inputs) != self._baseline[1]

    def _others_saved(self) -> None:
        self.behind = True

    def catch_up(self) -> None:
        if not self.behind or not self.page.isVisible():
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.page.window():
            return  # a step is being entered above the page: after it closes
        self.behind = False
        current = self.record()
        if current is None:
            return
        table, record_id, version = current
        try:
            saved = self.fetch()
        except (UserError, StorageError):
            log.info("could not re-read %s #%s after another desk's change", table, record_id, exc_info=True)
            return
        if saved.version == version or saved.version == self.told_version:
            return
        change = last_change(self.store, table, record_id)
        who, when = change if change is not None else ("?", "")
        if self.has_unsaved_input():
            self.told_version = saved.version
            self.tell(QCoreApplication.translate(
                "FollowRecord", "%1 changed this case at %2. Your entries are kept; saving shows you the new values first.")
                .replace("%1", who).replace("%2", when))
            return
        self.show(saved)
        self.remember_input()
        self.tell(QCoreApplication.translate("FollowRecord", "%1 changed this case at %2; the page shows what is saved now.")
                  .replace("%1", who).replace("%2", when))
