"""A date input that speaks `datetime.date`, with a calendar pop-up; optionally blank.

`DateField()` always holds a date (today unless set).  `DateField(optional=True)`
may be blank: it shows `blank_text` and `value()` returns None (Qt's QDateEdit
has no empty state; its minimum date stands for "no date").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from app.clock import bureau_today
from ui.widgets.step_dialog import to_qdate

_BLANK = QDate(1900, 1, 1)


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, optional: bool = False, blank_text: str = " ") -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if optional:
            self.setMinimumDate(_BLANK)
            self.setSpecialValueText(blank_text)
            self.setDate(_BLANK)
        else:
            self.setMinimumDate(QDate(1950, 1, 1))
            self.setDate(to_qdate(bureau_today()))
        self.setMaximumDate(QDate(2100, 12, 31))

    def value(self) -> date | None:
        current = self.date()
        if self.optional and current == _BLANK:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_BLANK if self.optional else to_qdate(bureau_today()))
        else:
            self.setDate(QDate(value.year, value.month, value.day))
