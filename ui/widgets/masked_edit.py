"""A line edit for personal data shown masked (110101********123X, 138****5678).

While masked, the field shows the masked value and its real value is unknown
to the form.  The clerk may:
* reveal it (the form asks for a reason and calls the service, which audits the
  reveal) — `set_revealed(full)` then shows and edits the full value; or
* simply type a new value: the first key (or input-method commit) replaces the
  whole masked text, so a masked value is never half-edited.
`is_changed()` says whether the form must send the field; an untouched masked
field is never sent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

_EDIT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


class MaskedLineEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._masked = False
        self._baseline = ""

    @property
    def masked(self) -> bool:
        return self._masked

    def set_masked(self, masked_value: str) -> None:
        """Show a masked value; the form does not know the real one."""
        self._masked = bool(masked_value)
        self._baseline = masked_value
        self.setText(masked_value)

    def set_value(self, value: str) -> None:
        """Show a value in clear (a new record, or one just revealed)."""
        self._masked = False
        self._baseline = value
        self.setText(value)

    set_revealed = set_value

    def is_changed(self) -> bool:
        return not self._masked and self.text() != self._baseline

    def _start_replacing(self) -> None:
        if self._masked:
            self._masked = False
            self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if self._masked and (event.key() in _EDIT_KEYS or (event.text() and event.text().isprintable())):
            self._start_replacing()
            if event.key() in _EDIT_KEYS:
                return  # the masked text is gone; nothing more to delete
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # Qt override
        if self._masked and event.commitString():
            self._start_replacing()
        super().inputMethodEvent(event)
