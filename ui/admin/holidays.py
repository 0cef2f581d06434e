"""系统管理 → 节假日: enter the State Council's holiday schedule for a year the
shipped calendar does not know (it ends with 2026), one date per line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.services.holidays import HolidayService, YearEntry, parse_dates
from app.services.permissions import Permission
from ui.context import AppContext
from ui.errors import show_user_error


class HolidaysTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holidays_tab")
        self.context = context
        self.service = HolidayService(context.store, context.actor)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2004, 2100)
        self.year.setValue(bureau_today().year + 1)
        self.year.valueChanged.connect(self.load)
        self.coverage = QLabel()
        self.coverage.setObjectName("coverage")
        self.coverage.setWordWrap(True)
        self.holidays = QPlainTextEdit()
        self.holidays.setObjectName("holidays")
        self.holidays.setPlaceholderText("2027-01-01")
        self.workdays = QPlainTextEdit()
        self.workdays.setObjectName("workdays")
        self.workdays.setPlaceholderText("2027-02-13")
        self.save_button = QPushButton(self.tr("Save the schedule"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        if not context.can(Permission.CALENDAR_EDIT):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(context.missing_permission_tip(Permission.CALENDAR_EDIT))
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Year:"), self.year)
        lists = QHBoxLayout()
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
        layout.addLayout(form)
        layout.addWidget(self.coverage)
        layout.addLayout(lists, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        self.show_entry(self.service.year(self.year.value()))
        self.status.clear()

    def show_entry(self, entry: YearEntry) -> None:
        self.holidays.setPlainText("\n".join(d.isoformat() for d in entry.holidays))
        self.workdays.setPlainText("\n".join(d.isoformat() for d in entry.workdays))
        if entry.holidays or entry.workdays:
            text = self.tr("Deadlines in %1 are computed on the schedule below.")
        elif entry.shipped:
            text = self.tr("The shipped calendar already holds the official schedule of %1; enter days here only to correct it.")
        else:
            text = self.tr("No holiday schedule for %1 yet: its deadlines count weekends only and are flagged until the State Council's notice is entered here.")
        self.coverage.setText(text.replace("%1", str(entry.year)))

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
