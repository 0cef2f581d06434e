"""系统管理 → 节假日: the State Council's holiday schedule of a year.

A year the shipped calendar knows is shown read-only, as shipped.  For a later year
an administrator clicks the days on the calendar — a weekday becomes a statutory
holiday, a Saturday or Sunday a swapped working day (调休上班), a second click undoes
it — or pastes the dates from the notice into the lists beside it; the two stay in step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.legal.holidays import HolidayService, YearEntry, parse_dates
from ui.context import AppContext
from ui.errors import show_user_error

HOLIDAY_COLOUR = QColor("#F4C7C3")  # red: a statutory holiday on a weekday
WORKDAY_COLOUR = QColor("#C6DBF7")  # blue: a Saturday or Sunday worked


def _lenient_dates(text: str) -> list[date]:
    """The dates typed so far (a half-typed line is skipped until it is a date)."""
    days = []
    for token in text.replace(",", " ").replace("，", " ").split():
        try:
            days.append(date.fromisoformat(token.strip()))
        except ValueError:
            continue
    return days


class HolidaysTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holidays_tab")
        self.context = context
        self.service = HolidayService(context.store, context.actor)
        self.may_edit = context.can(Permission.CALENDAR_EDIT)
        self.editable = False
        self._marked: set[date] = set()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2004, 2100)
        self.year.setValue(bureau_today().year + 1)
        self.year.setMaximumWidth(self.year.sizeHint().width() + 24)
        self.year.valueChanged.connect(self.load)
        self.coverage = QLabel()
        self.coverage.setObjectName("coverage")
        self.coverage.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._day_clicked)
        self.legend = legend = QLabel(self.tr("Click a weekday to make it a statutory holiday (red), a Saturday or Sunday "
                                "to make it a swapped working day (blue); click again to undo."))
        legend.setObjectName("legend")
        legend.setWordWrap(True)
        self.holidays = QPlainTextEdit()
        self.holidays.setObjectName("holidays")
        self.holidays.setPlaceholderText("2027-01-01")
        self.workdays = QPlainTextEdit()
        self.workdays.setObjectName("workdays")
        self.workdays.setPlaceholderText("2027-02-13")
        for edit in (self.holidays, self.workdays):
            edit.textChanged.connect(self._paint_calendar)
        self.save_button = QPushButton(self.tr("Save the schedule"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        if not self.may_edit:
            self.save_button.setToolTip(context.missing_permission_tip(Permission.CALENDAR_EDIT))
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.coverage, 1)
        picker = QVBoxLayout()
        picker.addWidget(self.calendar)
        picker.addWidget(legend)
        picker.addStretch(1)
        lists = QHBoxLayout()
        lists.addLayout(picker, 2)
        for title, edit in ((self.tr("Statutory holidays (one date a line)"), self.holidays),
                            (self.tr("Swapped working days, Saturdays or Sundays worked"), self.workdays)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(edit, 1)
            lists.addLayout(column, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lists, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        self.show_entry(self.service.year(self.year.value()))
        self.status.clear()

    def show_entry(self, entry: YearEntry) -> None:
        self.editable = self.may_edit and not entry.from_shipped
        for edit in (self.holidays, self.workdays):
            edit.setReadOnly(not self.editable)
        self.save_button.setEnabled(self.editable)
        self.legend.setVisible(self.editable)
        self.holidays.setPlainText("\n".join(d.isoformat() for d in entry.holidays))
        self.workdays.setPlainText("\n".join(d.isoformat() for d in entry.workdays))
        year = entry.year
        self.calendar.setDateRange(QDate(year - 1, 12, 1), QDate(year, 12, 31))
        self.calendar.setCurrentPage(year, 1)
        if entry.from_shipped:
            text = self.tr("The official schedule of %1 ships with the program and is shown read-only.")
        elif entry.holidays or entry.workdays:
            text = self.tr("Deadlines in %1 are computed on the schedule below.")
        else:
            text = self.tr("No holiday schedule for %1 yet: its deadlines count weekends only and are flagged until the State Council's notice is entered here.")
        self.coverage.setText(text.replace("%1", str(year)))

    # ---------------------------------------------------------------- the calendar
    def _day_clicked(self, qdate: QDate) -> None:
        if not self.editable:
            return
        day = date(qdate.year(), qdate.month(), qdate.day())
        edit = self.workdays if day.weekday() >= 5 else self.holidays
        days = set(_lenient_dates(edit.toPlainText()))
        days.symmetric_difference_update({day})
        edit.setPlainText("\n".join(d.isoformat() for d in sorted(days)))

    def _paint_calendar(self) -> None:
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), plain)
        self._marked = set()
        for edit, colour in ((self.holidays, HOLIDAY_COLOUR), (self.workdays, WORKDAY_COLOUR)):
            marked = QTextCharFormat()
            marked.setBackground(colour)
            for day in _lenient_dates(edit.toPlainText()):
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), marked)
                self._marked.add(day)

    def marked_days(self) -> dict[date, str]:
        """What the calendar shows: day → "holiday" or "workday" (tests, and a glance)."""
        shown = {}
        for day in self._marked:
            colour = self.calendar.dateTextFormat(QDate(day.year, day.month, day.day)).background().color()
            shown[day] = "holiday" if colour == HOLIDAY_COLOUR else "workday"
        return shown

    def save(self) -> None:
        year = self.year.value()
        try:
            entry = self.service.save_year(
                year, parse_dates(self.holidays.toPlainText()), parse_dates(self.workdays.toPlainText())
            )
        except (UserError, StorageError) as err:
            self.status.setText(err.message(self.context.language))
            show_user_error(self, err, self.context.language, block=False)
            return
        self.show_entry(entry)
        self.status.setText(
            self.tr("Saved: %1 holidays and %2 swapped working days for %3.")
            .replace("%1", str(len(entry.holidays)))
            .replace("%2", str(len(entry.workdays)))
            .replace("%3", str(year))
        )
