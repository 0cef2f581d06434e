"""The yearly six-system checklist, edited by an administrator (CHECKLIST_EDIT).

One line per item (its name, editable) with a remove button — disabled, with
the reason as tooltip, for an item a recorded check uses; "Add item" appends a
line.  Only the current and future years are offered; the service refuses the
rest anyway (`ProjectService.save_checklist`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.projects.service import ChecklistItemRow, ProjectService
from ui.context import AppContext
from ui.widgets.record_form import RecordForm

FUTURE_YEARS = 5


class ChecklistDialog(RecordForm):
    """`saved` carries the year saved."""

    def __init__(
        self, context: AppContext, service: ProjectService, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("checklist_dialog")
        self.service = service
        self.today = today or bureau_today()
        self.lines: list[tuple[str | None, QLineEdit, QPushButton]] = []
        self.setWindowTitle(self.tr("Six-system checklist"))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(self.today.year, self.today.year + FUTURE_YEARS)
        self.year.setValue(self.today.year)
        self.year.valueChanged.connect(self.load)
        explanation = QLabel(self.tr(
            "Each year has its own list; a new year starts from the latest list. Items used by a "
            "recorded check can be renamed but not removed."))
        explanation.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        self.grid = QGridLayout()
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setObjectName("add_item")
        self.add_button.clicked.connect(lambda: self.add_line())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.save_buttons())
        self.setMinimumWidth(520)
        self.load()
        self.remember_input(extra=self.items)

    def load(self, *_args: object) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            if taken is not None and (gone := taken.widget()) is not None:
                gone.deleteLater()
        self.lines = []
        self.form_error.clear_message()
        try:
            items = self.service.checklist(self.year.value())
        except (UserError, StorageError) as err:
            self.show_failure(err)
            return
        for item in items:
            self.add_line(item)
        if self.guard is not None:
            self.guard.remember()  # another year's list, as saved: nothing typed yet

    def add_line(self, item: ChecklistItemRow | None = None) -> QLineEdit:
        edit = QLineEdit(item.label if item else "")
        edit.setObjectName(f"label_{len(self.lines)}")
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"remove_{len(self.lines)}")
        if item is not None and item.in_use:
            remove.setEnabled(False)
            remove.setToolTip(self.tr("Used by a recorded check: it can be renamed, not removed."))
        entry = (item.code if item else None, edit, remove)
        remove.clicked.connect(lambda _c=False, e=entry: self.remove_line(e))
        row = len(self.lines)
        self.grid.addWidget(edit, row, 0)
        self.grid.addWidget(remove, row, 1)
        self.lines.append(entry)
        if item is None:
            edit.setFocus()
        return edit

    def remove_line(self, entry: tuple[str | None, QLineEdit, QPushButton]) -> None:
        if entry in self.lines:
            entry[1].hide()
            entry[2].hide()
            entry[1].setProperty("removed", True)

    def items(self) -> list[tuple[str | None, str]]:
        return [(code, edit.text()) for code, edit, _ in self.lines if not edit.property("removed")]

    def submit(self) -> int:
        self.service.save_checklist(self.year.value(), self.items(), today=self.today)
        return self.year.value()

    def save(self) -> bool:
        return super().save() is not None
