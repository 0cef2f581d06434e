"""A search field that waits for the typist to pause before filtering.

`search_changed(text)` is emitted DEBOUNCE_MS after the last keystroke (and at
once on Enter), with the stripped text, and only when it differs from the last
text emitted — a list re-queries once per pause, not once per key.  Chinese
typed through an input method arrives as one commit, which counts as one edit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._emitted = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._edited)
        self.returnPressed.connect(self.flush)

    @property
    def search_text(self) -> str:
        """The text the list is filtered by now (the last emitted)."""
        return self._emitted

    def _edited(self, _text: str) -> None:
        self._timer.start()  # restarts: the pause counts from the last key

    def flush(self) -> None:
        """Emit now if the text changed since the last emission."""
        self._timer.stop()
        text = self.text().strip()
        if text != self._emitted:
            self._emitted = text
            self.search_changed.emit(text)
