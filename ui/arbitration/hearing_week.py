"""The hearing calendar: one week, a row per room, a column per day; each cell
lists the hearings (time, case number, arbitrators).  Double-clicking a
hearing opens its case.  Booking conflicts are refused by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.arbitration import tribunal_candidates
from app.services.arbitration_deadlines import shanghai_today
from app.services.hearings import HearingCalendar, HearingSlot, monday_of
from app.services.settings import SettingsService
from ui.context import AppContext

WEEKDAYS_ZH = "一二三四五六日"


class HearingWeek(QWidget):
    open_case = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = shanghai_today) -> None:
        super().__init__(parent)
        self.setObjectName("hearing_week")
        self.context = context
        self.calendar = HearingCalendar(context.store, context.actor)
        self.monday = monday_of(today())
        self.slots: list[HearingSlot] = []
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.previous.setObjectName("previous_week")
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next = QPushButton(self.tr("Next week ▶"))
        self.next.setObjectName("next_week")
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week = QPushButton(self.tr("This week"))
        self.this_week.setObjectName("this_week")
        self.this_week.clicked.connect(lambda: self.show_week(monday_of(today())))
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
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.this_week)
        top.addWidget(self.next)
        top.addSpacing(12)
        top.addWidget(self.label, 1)
        top.addWidget(self.arbitrator)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.show_week(self.monday)

    def reload(self, *_args: object) -> None:
        self.show_week(self.monday)

    def show_week(self, monday: date) -> None:
        self.monday = monday_of(monday)
        self.slots = self.calendar.week(self.monday, member_id=self.arbitrator.currentData())
        days = [self.monday + timedelta(days=i) for i in range(7)]
        self.label.setText(self.tr("Week of %1 to %2").replace("%1", days[0].isoformat()).replace("%2", days[-1].isoformat()))
        rooms = list(SettingsService(self.context.store, self.context.actor).get("hearing_rooms") or [])
        for slot in self.slots:
            if slot.room not in rooms:
                rooms.append(slot.room)
        self.table.setRowCount(len(rooms))
        self.table.setHorizontalHeaderLabels([f"{d.month}-{d.day} 周{WEEKDAYS_ZH[d.weekday()]}" for d in days])
        self.table.setVerticalHeaderLabels(rooms)
        for r in range(len(rooms)):
            for c in range(7):
                self.table.setItem(r, c, QTableWidgetItem(""))
        for slot in self.slots:
            r, c = rooms.index(slot.room), (slot.held_on - self.monday).days
            item = self.table.item(r, c)
            text = f"{slot.time_text} {slot.case_no}\n{'、'.join(slot.members)}"
            item.setText((item.text() + "\n" if item.text() else "") + text)
            ids = list(item.data(Qt.ItemDataRole.UserRole) or [])
            item.setData(Qt.ItemDataRole.UserRole, [*ids, slot.case_id])
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        for c in range(7):
            self.table.setColumnWidth(c, max(self.table.columnWidth(c), 130))

    def cell_text(self, room: str, day: date) -> str:
        rooms = [self.table.verticalHeaderItem(r).text() for r in range(self.table.rowCount())]
        return self.table.item(rooms.index(room), (day - self.monday).days).text()

    def _activated(self, row: int, column: int) -> None:
        ids = self.table.item(row, column).data(Qt.ItemDataRole.UserRole) or []
        if ids:
            self.open_case.emit(int(ids[0]))
