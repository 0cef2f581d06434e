"""A time of day typed as a clerk types it: 0930, 930, 9:30, 9.30, 09：30 or 9点30."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtWidgets import QLineEdit, QWidget

_PATTERNS = (
    re.compile(r"^(\d{1,2})[:：.点时](\d{1,2})分?$"),
    re.compile(r"^(\d{1,2})(\d{2})$"),  # 0930, 930
    re.compile(r"^(\d{1,2})[点时:：]?$"),  # 9, 9点
)


def parse_time_text(text: str) -> time | None:
    """The time a clerk meant, or None when the text is not a time of day."""
    cleaned = text.strip().replace(" ", "")
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            hour = int(match.group(1))
            minute = int(match.group(2)) if match.lastindex and match.lastindex >= 2 else 0
            if 0 <= hour <= 23 and 0 <= minute <= 59:
                return time(hour, minute)
            return None
    return None


class TimeEdit(QLineEdit):
    """HH:MM on screen; typing 0930 and leaving the field shows 09:30."""

    def __init__(self, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("09:30")
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") * 3)
        if value is not None:
            self.set_time(value)
        self.editingFinished.connect(self._tidy)

    def set_time(self, value: time) -> None:
        self.setText(value.strftime("%H:%M"))

    def time_value(self) -> time | None:
        return parse_time_text(self.text())

    def _tidy(self) -> None:
        value = self.time_value()
        if value is not None:
            self.set_time(value)
