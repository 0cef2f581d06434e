"""A date field that may be left empty (a QDateEdit cannot): its lowest date means "no date".

`date()` → datetime.date | None; `set_date(None)` empties it.  The empty state
shows a dash; the calendar pop-up picks a date as usual.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from app.clock import bureau_today
from ui.widgets.step_dialog import to_qdate

EMPTY = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, empty: bool = True) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY)
        self.setSpecialValueText("—")
        self.setDate(EMPTY if empty else to_qdate(bureau_today()))

    def value(self) -> date | None:
        current = super().date()
        if current == EMPTY:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

    def clear_value(self) -> None:
        self.setDate(EMPTY)
