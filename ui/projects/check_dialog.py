"""Record a dated compliance check: one row per item of that year's checklist.

Each row: the item, a 落实 / 未落实 / 不适用 choice (none chosen at first — every
item must be decided), a rectification deadline enabled only for 未落实
(proposed at 30 days after the check; the clerk sets the real one), and the
evidence.  Changing the check date to another year loads that year's list.
The service validates (`ProjectService.record_check`); its verdict shows on the
row it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.projects.models import ItemStatus
from app.projects.service import ChecklistItemRow, CheckRow, ProjectRow, ProjectService
from ui.context import AppContext
from ui.projects.labels import item_status_label
from ui.widgets.field_error import FieldError
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.record_form import RecordForm

DEFAULT_RECTIFY_DAYS = 30
STATUSES = (ItemStatus.IN_FORCE.value, ItemStatus.NOT_IN_FORCE.value, ItemStatus.NOT_APPLICABLE.value)


@dataclass
class ItemRowWidgets:
    item: ChecklistItemRow
    label: QLabel
    group: QButtonGroup
    buttons: dict[str, QRadioButton]
    rectify_by: OptionalDateEdit
    evidence: QLineEdit
    error: FieldError

    def status(self) -> str | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None


class CheckDialog(RecordForm):
    """Record one check of a project against the year's checklist.  `saved` carries the CheckRow."""

    def __init__(
        self,
        context: AppContext,
        service: ProjectService,
        project: ProjectRow,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("check_dialog")
        self.service = service
        self.project = project
        self.today = today or bureau_today()
        self.saved_check: CheckRow | None = None
        self.rows: dict[str, ItemRowWidgets] = {}
        self._year: int | None = None
        self.setWindowTitle(self.tr("Record a check: %1").replace("%1", project.name))

        self.checked_on = QDateEdit()
        self.checked_on.setCalendarPopup(True)
        self.checked_on.setDisplayFormat("yyyy-MM-dd")
        self.checked_on.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.checked_on.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.checked_on.dateChanged.connect(self._date_changed)
        self.checked_on.setMaximumWidth(160)
        self.inspector = QLineEdit()
        self.inspector.setPlaceholderText(self.tr("e.g. 王强、李娜 (two officers)"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        head = QFormLayout()
        head.addRow(self.tr("Check date"), self.field("checked_on", self.checked_on))
        head.addRow(self.tr("Inspectors"), self.field("inspector", self.inspector))
        head.addRow(self.tr("Note"), self.note)

        self.items_box = QGroupBox()
        self.items_box.setObjectName("items_box")
        self.grid = QGridLayout(self.items_box)
        self.grid.setHorizontalSpacing(12)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.items_box)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.save_buttons())
        self.setMinimumWidth(900)
        self._load_items(self.today.year)
        self.remember_input(extra=self.entries)

    # ---------------------------------------------------------------- the items
    def check_date(self) -> date:
        d = self.checked_on.date()
        return date(d.year(), d.month(), d.day())

    def _date_changed(self, _d: QDate) -> None:
        if self.check_date().year != self._year:
            self._load_items(self.check_date().year)

    def _load_items(self, year: int) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            if taken is not None and (gone := taken.widget()) is not None:
                gone.deleteLater()
        self.rows.clear()
        self._year = year
        self.items_box.setTitle(self.tr("The %1 checklist").replace("%1", str(year)))
        for column, title in enumerate(
            (self.tr("Item"), item_status_label(STATUSES[0]), item_status_label(STATUSES[1]),
             item_status_label(STATUSES[2]), self.tr("Rectify by"), self.tr("Evidence / finding"))
        ):
            header = QLabel(title)
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, column)
        try:
            items = self.service.checklist(year)
        except (UserError, StorageError) as err:
            self.show_failure(err)
            return
        for index, item in enumerate(items):
            line = 1 + 2 * index
            label = QLabel(item.label)
            label.setObjectName(f"label_{item.code}")
            group = QButtonGroup(self)
            buttons: dict[str, QRadioButton] = {}
            for offset, value in enumerate(STATUSES):
                button = QRadioButton()
                button.setObjectName(f"{item.code}_{value}")
                button.setToolTip(item_status_label(value))
                group.addButton(button)
                buttons[value] = button
                self.grid.addWidget(button, line, 1 + offset, Qt.AlignmentFlag.AlignCenter)
            rectify_by = OptionalDateEdit()
            rectify_by.setObjectName(f"rectify_by_{item.code}")
            rectify_by.setEnabled(False)
            evidence = QLineEdit()
            evidence.setObjectName(f"evidence_{item.code}")
            error = FieldError()
            error.setObjectName(f"error_{item.code}")
            self.grid.addWidget(label, line, 0)
            self.grid.addWidget(rectify_by, line, 4)
            self.grid.addWidget(evidence, line, 5)
            self.grid.addWidget(error, line + 1, 0, 1, 6)
            widgets = ItemRowWidgets(item, label, group, buttons, rectify_by, evidence, error)
            group.buttonToggled.connect(lambda _b, _on, w=widgets: self._status_changed(w))
            self.rows[item.code] = widgets
        self.grid.setColumnStretch(5, 1)

    def _status_changed(self, row: ItemRowWidgets) -> None:
        failing = row.status() == ItemStatus.NOT_IN_FORCE.value
        row.rectify_by.setEnabled(failing)
        if failing and row.rectify_by.value() is None:
            row.rectify_by.set_value(self.check_date() + timedelta(days=DEFAULT_RECTIFY_DAYS))
        if not failing:
            row.rectify_by.clear_value()

    def choose(self, code: str, status: str) -> None:
        """Pick a status for an item (what a click on its radio button does)."""
        self.rows[code].buttons[status].setChecked(True)

    def entries(self) -> dict[str, dict[str, object]]:
        """What the dialog sends: the items with a status chosen (the service refuses a missing one)."""
        entries: dict[str, dict[str, object]] = {}
        for code, row in self.rows.items():
            status = row.status()
            if status is None:
                continue
            entries[code] = {"status": status, "rectify_by": row.rectify_by.value(),
                             "evidence": row.evidence.text().strip()}
        return entries

    # ---------------------------------------------------------------- save
    def clear_errors(self) -> None:
        super().clear_errors()
        for row in self.rows.values():
            row.error.clear_message()

    def submit(self) -> CheckRow:
        return self.service.record_check(
            self.project.id, self.check_date(), self.entries(), inspector=self.inspector.text(),
            note=self.note.text(), today=self.today,
        )

    def saved_as(self, row: CheckRow) -> CheckRow:
        self.saved_check = row
        return super().saved_as(row)

    def show_error(self, err: UserError) -> None:
        """Next to the date or the inspectors, on an item's row ("item:<code>"), or under the form."""
        field = err.field or ""
        code = field.split(":", 1)[1] if ":" in field else ""
        if field not in self.errors and code in self.rows:
            self.rows[code].error.show_message(err.message(self.context.language))
            return
        super().show_error(err)

    def error_text(self, code: str) -> str:
        """The message shown on an item's row, or for "checked_on"/"inspector"/"form"."""
        if code == "form":
            return self.form_error.message
        if code in self.errors:
            return self.errors[code].message
        return self.rows[code].error.message
