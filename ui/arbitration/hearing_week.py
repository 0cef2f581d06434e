"""The hearing calendar: a week (a row per room, a column per day) or a month (a
row per week); each cell lists the hearings (time, case number, arbitrators).
A date picker, 今天 and the arrows move it.  Hearings that clash — the same room
or the same person at overlapping times, which the service refuses for new
bookings but imported or older data may hold — are marked red, with the clash
in the tooltip.  Double-clicking a hearing opens its case."""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.arbitration.deadlines import shanghai_today
from app.arbitration.hearings import HearingCalendar, HearingSlot, find_clashes, monday_of
from app.arbitration.service import tribunal_candidates
from app.kernel.settings import SettingsService
from ui.context import AppContext
from ui.widgets.naming import named
from ui.widgets.table_cells import filled_cell

CLASH_COLOUR = QColor("#F4C7C3")
WEEK, MONTH = "week", "month"


def _number_end(case_no: str) -> str:
    """南明区劳人仲案字〔2023〕第18号 → 〔2023〕第18号 (the full number stays in the tooltip)."""
    start = case_no.find("〔")
    return case_no[start:] if start > 0 else case_no


class HearingWeek(QWidget):
    open_case = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = shanghai_today) -> None:
        super().__init__(parent)
        self.setObjectName("hearing_week")
        self.context = context
        self.today = today
        self.calendar = HearingCalendar(context.store, context.actor)
        self.monday = monday_of(today())
        self.anchor = today()  # the day the view is on; the week or month holding it is shown
        self.mode = WEEK
        self.slots: list[HearingSlot] = []
        self.clashes: dict[int, list[HearingSlot]] = {}
        self.previous = QPushButton("◀")
        self.previous.setObjectName("previous_week")
        self.previous.setToolTip(self.tr("Previous week or month"))
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = QPushButton("▶")
        self.next.setObjectName("next_week")
        self.next.setToolTip(self.tr("Next week or month"))
        self.next.clicked.connect(lambda: self._step(1))
        self.this_week = QPushButton(self.tr("Today"))
        self.this_week.setObjectName("this_week")
        self.this_week.clicked.connect(lambda: self.go_to(self.today()))
        self.date_picker = named(QDateEdit(), "go_to_date")
        self.date_picker.setCalendarPopup(True)
        self.date_picker.setDisplayFormat("yyyy-MM-dd")
        self.date_picker.setToolTip(self.tr("Go to a date"))
        self.date_picker.dateChanged.connect(self._date_picked)
        self.view_choice = named(QComboBox(), "view_choice")
        self.view_choice.addItem(self.tr("Week"), WEEK)
        self.view_choice.addItem(self.tr("Month"), MONTH)
        self.view_choice.currentIndexChanged.connect(self._view_chosen)
        self.label = QLabel()
        self.label.setObjectName("week_label")
        self.arbitrator = QComboBox()
        self.arbitrator.setObjectName("arbitrator_filter")
        self.arbitrator.addItem(self.tr("All arbitrators"), None)
        for member in tribunal_candidates(context.store, context.actor):
            if "arbitrator" in member.roles:
                self.arbitrator.addItem(member.name, member.id)
        self.arbitrator.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("week_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.cellDoubleClicked.connect(self._activated)
        self.clash_note = QLabel()
        self.clash_note.setObjectName("clash_note")
        self.clash_note.setStyleSheet("color: #B00020")
        self.clash_note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.this_week)
        top.addWidget(self.next)
        top.addWidget(self.date_picker)
        top.addWidget(self.view_choice)
        top.addSpacing(12)
        top.addWidget(self.label, 1)
        top.addWidget(self.arbitrator)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.clash_note)
        self.go_to(self.anchor)

    # ---------------------------------------------------------------- moving
    def reload(self, *_args: object) -> None:
        self.go_to(self.anchor)

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.date_picker.blockSignals(True)
        self.date_picker.setDate(QDate(day.year, day.month, day.day))
        self.date_picker.blockSignals(False)
        if self.mode == MONTH:
            self._show_month(day.year, day.month)
        else:
            self.show_week(day)

    def _step(self, direction: int) -> None:
        if self.mode == MONTH:
            year, month = divmod(self.anchor.year * 12 + self.anchor.month - 1 + direction, 12)
            self.go_to(date(year, month + 1, 1))
        else:
            self.go_to(self.anchor + timedelta(days=7 * direction))

    def _date_picked(self, qdate: QDate) -> None:
        self.go_to(date(qdate.year(), qdate.month(), qdate.day()))

    def _view_chosen(self, _index: int) -> None:
        self.mode = self.view_choice.currentData()
        self.go_to(self.anchor)

    # ---------------------------------------------------------------- the week
    def show_week(self, monday: date) -> None:
        self.mode = WEEK
        if self.view_choice.currentData() != WEEK:
            self.view_choice.blockSignals(True)
            self.view_choice.setCurrentIndex(0)
            self.view_choice.blockSignals(False)
        self.monday = monday_of(monday)
        if monday_of(self.anchor) != self.monday:
            self.anchor = monday
        self.slots = self.calendar.week(self.monday, member_id=self.arbitrator.currentData())
        self.clashes = find_clashes(self.slots)
        days = [self.monday + timedelta(days=i) for i in range(7)]
        self.label.setText(self.tr("Week of %1 to %2").replace("%1", days[0].isoformat()).replace("%2", days[-1].isoformat()))
        rooms = list(SettingsService(self.context.store, self.context.actor).get("hearing_rooms") or [])
        for slot in self.slots:
            if slot.room not in rooms:
                rooms.append(slot.room)
        self.table.clear()
        self.table.setColumnCount(7)
        self.table.setRowCount(len(rooms))
        names = self._weekday_names()
        self.table.setHorizontalHeaderLabels([f"{d.month}-{d.day} {names[d.weekday()]}" for d in days])
        self.table.setVerticalHeaderLabels(rooms)
        for r in range(len(rooms)):
            for c in range(7):
                self.table.setItem(r, c, QTableWidgetItem(""))
        for slot in self.slots:
            r, c = rooms.index(slot.room), (slot.held_on - self.monday).days
            self._add_to_cell(filled_cell(self.table, r, c), slot, f"{slot.time_text} {slot.case_no}\n{'、'.join(slot.members)}")
        self._finish_layout(130)

    def _weekday_names(self) -> list[str]:
        """Monday to Sunday in the user's language (周一 … 周日 in Chinese)."""
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]

    # ---------------------------------------------------------------- the month
    def _show_month(self, year: int, month: int) -> None:
        weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        first, last = weeks[0][0], weeks[-1][-1]
        self.monday = first
        self.slots = self.calendar.between(first, last, member_id=self.arbitrator.currentData())
        self.clashes = find_clashes(self.slots)
        self.label.setText(self.tr("%1, month %2").replace("%1", str(year)).replace("%2", str(month)))
        self.table.clear()
        self.table.setColumnCount(7)
        self.table.setRowCount(len(weeks))
        self.table.setHorizontalHeaderLabels(self._weekday_names())
        self.table.setVerticalHeaderLabels([f"{w[0].month}-{w[0].day}" for w in weeks])
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                item = QTableWidgetItem(f"{day.day}")
                if day.month != month:
                    item.setForeground(QBrush(QColor("#9AA4B1")))
                self.table.setItem(r, c, item)
        for slot in self.slots:
            offset = (slot.held_on - first).days
            # the number's distinguishing end (〔2023〕第18号), as the case's tab shows it: seven days fit the window
            cell = filled_cell(self.table, offset // 7, offset % 7)
            self._add_to_cell(cell, slot, f"{slot.time_text[:5]} {slot.room}\n{_number_end(slot.case_no)}")
            cell.setToolTip((cell.toolTip() + "\n" if cell.toolTip() else "")
                            + f"{slot.time_text} {slot.room} {slot.case_no}")
        self._finish_layout(110)
        self._fill_width()

    # ---------------------------------------------------------------- cells
    def _add_to_cell(self, item: QTableWidgetItem, slot: HearingSlot, text: str) -> None:
        item.setText((item.text() + "\n" if item.text() else "") + text)
        ids = list(item.data(Qt.ItemDataRole.UserRole) or [])
        item.setData(Qt.ItemDataRole.UserRole, [*ids, slot.case_id])
        clashing = self.clashes.get(slot.hearing_id)
        if clashing:
            item.setBackground(QBrush(CLASH_COLOUR))
            note = self.tr("Clash: %1 overlaps %2").replace("%1", f"{slot.case_no} {slot.time_text} {slot.room}").replace(
                "%2", "、".join(f"{other.case_no} {other.time_text} {other.room}" for other in clashing))
            item.setToolTip((item.toolTip() + "\n" if item.toolTip() else "") + note)

    def _finish_layout(self, min_width: int) -> None:
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        for c in range(7):
            self.table.setColumnWidth(c, max(self.table.columnWidth(c), min_width))
        count = len(self.clashes)
        self.clash_note.setText(
            self.tr("%1 hearings shown in red clash with another in the same room or with the same person.")
            .replace("%1", str(count)) if count else "")

    def _fill_width(self) -> None:
        """The month's seven days share the table's width when they fit it (no column past the edge)."""
        needed = sum(self.table.columnWidth(c) for c in range(7))
        room = self.table.viewport().width()
        if 0 < needed < room:
            extra = (room - needed) // 7
            for c in range(7):
                self.table.setColumnWidth(c, self.table.columnWidth(c) + extra)

    def clashing_cells(self) -> list[tuple[int, int]]:
        """(row, column) of every cell marked as a clash."""
        return [(r, c) for r in range(self.table.rowCount()) for c in range(self.table.columnCount())
                if (item := self.table.item(r, c)) is not None and item.background().color() == CLASH_COLOUR]

    def cell_text(self, room: str, day: date) -> str:
        rooms = [self.table.verticalHeaderItem(r).text() for r in range(self.table.rowCount())]
        return filled_cell(self.table, rooms.index(room), (day - self.monday).days).text()

    def _activated(self, row: int, column: int) -> None:
        ids = filled_cell(self.table, row, column).data(Qt.ItemDataRole.UserRole) or []
        if ids:
            self.open_case.emit(int(ids[0]))
