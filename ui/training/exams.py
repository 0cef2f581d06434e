"""考试: the list of exams with their two rates, and the exam form with its results grid.

The grid has one line per person on the roster (and anyone already recorded
who has since left): required? sat? score, reason for absence.  The rates
under it are recomputed on every edit with the service's own functions
(`tally_results`, `participation_rate`, `pass_rate`), so the form shows
exactly what the list, the exports and the yearly report will say.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.legal.rates import format_percent
from app.staff.service import StaffService
from app.training.service import (
    ExamDetail,
    ExamRow,
    TrainingService,
    format_number,
    result_passed,
    tally_results,
)
from ui.context import AppContext
from ui.lists import Column
from ui.training.list_tab import TrainingListTab
from ui.widgets.date_field import DateField
from ui.widgets.record_form import RecordForm
from ui.widgets.table_cells import filled_cell

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
ID_ROLE = Qt.ItemDataRole.UserRole
BAD_CELL = QColor("#F6C9C4")

# Results grid columns
NAME, PLACE, REQUIRED, ATTENDED, SCORE, REASON, OUTCOME = range(7)


def _score(text: str) -> Decimal | None:
    """The typed score, or None when blank; raises ValueError when it is not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


class ExamForm(RecordForm):
    """Add (detail=None) or edit an exam and its results.  `saved` carries the ExamDetail."""

    def __init__(
        self,
        context: AppContext,
        service: TrainingService,
        staff: StaffService,
        *,
        detail: ExamDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("exam_form")
        self.service = service
        self.detail = detail
        self.saved_detail: ExamDetail | None = None
        self.pass_basis = service.pass_rate_basis()
        self.setWindowTitle(self.tr("New exam") if detail is None else self.tr("Exam"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.held_on = DateField()
        self.organiser = QLineEdit()
        self.pass_mark = QLineEdit("60")
        self.pass_mark.setMaximumWidth(100)
        self.max_score = QLineEdit("100")
        self.max_score.setMaximumWidth(100)
        marks = QWidget()
        marks_line = QHBoxLayout(marks)
        marks_line.setContentsMargins(0, 0, 0, 0)
        marks_line.addWidget(self.field("pass_mark", self.pass_mark))
        marks_line.addWidget(QLabel(self.tr("Full mark")))
        marks_line.addWidget(self.field("max_score", self.max_score))
        marks_line.addStretch(1)
        self.labels = {"title": self.tr("Title"), "held_on": self.tr("Date"), "organiser": self.tr("Organiser"),
                       "pass_mark": self.tr("Pass mark"), "max_score": self.tr("Full mark")}
        form.addRow(self.tr("Title"), self.field("title", self.title_edit))
        form.addRow(self.tr("Date"), self.field("held_on", self.held_on))
        form.addRow(self.tr("Organiser"), self.field("organiser", self.organiser))
        form.addRow(self.tr("Pass mark"), marks)

        self.grid = QTableWidget(0, 7)
        self.grid.setObjectName("results")
        self.grid.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Section"), self.tr("Required"), self.tr("Sat"), self.tr("Score"),
            self.tr("Reason for absence"), self.tr("Result"),
        ])
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setDefaultSectionSize(self.grid.fontMetrics().height() + 10)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.results_error = self.error_line("results", self.grid)
        self.errors["score"] = self.results_error
        self.rates = QLabel()
        self.rates.setObjectName("rates")
        self.rates.setWordWrap(True)
        self.rates.setStyleSheet("font-weight: bold;")
        self.all_required = QPushButton(self.tr("Everyone required"))
        self.all_required.setObjectName("all_required")
        self.all_required.clicked.connect(lambda: self._set_column(REQUIRED, True))
        self.all_sat = QPushButton(self.tr("Everyone required sat"))
        self.all_sat.setObjectName("all_sat")
        self.all_sat.clicked.connect(self._all_required_sat)
        grid_buttons = QHBoxLayout()
        grid_buttons.addWidget(self.rates, 1)
        grid_buttons.addWidget(self.all_required)
        grid_buttons.addWidget(self.all_sat)

        self.save_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Results (tick who was required and who sat; type the scores)")))
        layout.addWidget(self.grid, 1)
        layout.addLayout(grid_buttons)
        layout.addWidget(self.results_error)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.setMinimumSize(760, 560)

        self._fill(staff)
        if detail is not None:
            self._load(detail)
        self.grid.itemChanged.connect(self._grid_changed)
        self.pass_mark.textChanged.connect(self.update_rates)
        self.max_score.textChanged.connect(self.update_rates)
        self.update_rates()
        if not context.can(Permission.TRAINING_EDIT):
            for widget in (*self.inputs.values(), self.all_required, self.all_sat):
                widget.setEnabled(False)
            self.grid.setEnabled(True)
            self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.remember_input()

    # ---------------------------------------------------------------- the grid
    def _fill(self, staff: StaffService) -> None:
        recorded = {r.officer_id: r for r in self.detail.results} if self.detail else {}
        people = [o for o in staff.roster(include_off_roster=bool(recorded)) if o.on_roster or o.id in recorded]
        self.grid.setRowCount(len(people))
        new_exam = self.detail is None
        for i, officer in enumerate(people):
            name = QTableWidgetItem(officer.name if officer.on_roster
                                    else officer.name + self.tr(" (left)"))
            name.setData(ID_ROLE, officer.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            place = QTableWidgetItem(officer.section or officer.unit)
            place.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.grid.setItem(i, NAME, name)
            self.grid.setItem(i, PLACE, place)
            for column in (REQUIRED, ATTENDED):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                box.setCheckState(Qt.CheckState.Checked if column == REQUIRED and new_exam else Qt.CheckState.Unchecked)
                self.grid.setItem(i, column, box)
            score = QTableWidgetItem("")
            score.setTextAlignment(RIGHT)
            self.grid.setItem(i, SCORE, score)
            self.grid.setItem(i, REASON, QTableWidgetItem(""))
            outcome = QTableWidgetItem("")
            outcome.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.grid.setItem(i, OUTCOME, outcome)

    def _load(self, detail: ExamDetail) -> None:
        exam = detail.exam
        self.title_edit.setText(exam.title)
        self.held_on.set_value(exam.held_on)
        self.organiser.setText(exam.organiser)
        self.pass_mark.setText(format_number(exam.pass_mark))
        self.max_score.setText(format_number(exam.max_score))
        by_id = {r.officer_id: r for r in detail.results}
        for i in range(self.grid.rowCount()):
            result = by_id.get(self.officer_id(i))
            if result is None:
                continue
            filled_cell(self.grid, i, REQUIRED).setCheckState(Qt.CheckState.Checked if result.required else Qt.CheckState.Unchecked)
            filled_cell(self.grid, i, ATTENDED).setCheckState(Qt.CheckState.Checked if result.attended else Qt.CheckState.Unchecked)
            filled_cell(self.grid, i, SCORE).setText(format_number(result.score))
            filled_cell(self.grid, i, REASON).setText(result.absence_reason)

    def officer_id(self, row: int) -> int:
        return int(filled_cell(self.grid, row, NAME).data(ID_ROLE))

    def row_of(self, officer_id: int) -> int:
        return next(i for i in range(self.grid.rowCount()) if self.officer_id(i) == officer_id)

    def _checked(self, row: int, column: int) -> bool:
        return filled_cell(self.grid, row, column).checkState() == Qt.CheckState.Checked

    def set_result(self, officer_id: int, *, required: bool | None = None, attended: bool | None = None,
                   score: str | None = None, reason: str | None = None) -> None:
        """Fill one person's line as the clerk would (tick boxes, type the score)."""
        row = self.row_of(officer_id)
        if required is not None:
            filled_cell(self.grid, row, REQUIRED).setCheckState(Qt.CheckState.Checked if required else Qt.CheckState.Unchecked)
        if attended is not None:
            filled_cell(self.grid, row, ATTENDED).setCheckState(Qt.CheckState.Checked if attended else Qt.CheckState.Unchecked)
        if score is not None:
            filled_cell(self.grid, row, SCORE).setText(score)
        if reason is not None:
            filled_cell(self.grid, row, REASON).setText(reason)

    def _set_column(self, column: int, checked: bool) -> None:
        for i in range(self.grid.rowCount()):
            filled_cell(self.grid, i, column).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _all_required_sat(self) -> None:
        for i in range(self.grid.rowCount()):
            if self._checked(i, REQUIRED):
                filled_cell(self.grid, i, ATTENDED).setCheckState(Qt.CheckState.Checked)

    def _grid_changed(self, item: QTableWidgetItem) -> None:
        # A typed score means the person sat the exam.
        if item.column() == SCORE and item.text().strip() and not self._checked(item.row(), ATTENDED):
            filled_cell(self.grid, item.row(), ATTENDED).setCheckState(Qt.CheckState.Checked)
            return  # itemChanged comes again for the tick
        self.update_rates()

    def lines(self, *, strict: bool = True) -> list[dict[str, Any]]:
        """The results to save: everyone required or who sat.  With strict=False,
        unreadable scores are left out (for the live rates)."""
        lines = []
        for i in range(self.grid.rowCount()):
            required, attended = self._checked(i, REQUIRED), self._checked(i, ATTENDED)
            text = filled_cell(self.grid, i, SCORE).text().strip()
            if not (required or attended or text):
                continue
            try:
                score: Any = _score(text)
            except ValueError:
                if not strict:
                    score = None
                else:
                    score = text  # the service refuses it with the person's name
            lines.append({"officer_id": self.officer_id(i), "required": required, "attended": attended,
                          "score": score, "absence_reason": filled_cell(self.grid, i, REASON).text().strip()})
        return lines

    def update_rates(self) -> None:
        """Recompute the tally and both rates from the grid, as the service will."""
        try:
            pass_mark = _score(self.pass_mark.text()) or Decimal(0)
        except ValueError:
            pass_mark = Decimal(0)
        try:
            max_score = _score(self.max_score.text())
        except ValueError:
            max_score = None
        self.grid.blockSignals(True)
        for i in range(self.grid.rowCount()):
            text = filled_cell(self.grid, i, SCORE).text()
            try:
                score = _score(text)
                bad = score is not None and (score < 0 or (max_score is not None and score > max_score))
            except ValueError:
                score, bad = None, True
            filled_cell(self.grid, i, SCORE).setBackground(QBrush(BAD_CELL) if bad else QBrush())
            attended = self._checked(i, ATTENDED)
            if not attended:
                outcome = self.tr("Absent") if self._checked(i, REQUIRED) else ""
            elif score is None or bad:
                outcome = ""
            else:
                outcome = self.tr("Passed") if result_passed(True, score, pass_mark) else self.tr("Failed")
            filled_cell(self.grid, i, OUTCOME).setText(outcome)
        self.grid.blockSignals(False)
        tally = tally_results(self.lines(strict=False), pass_mark, self.pass_basis)
        self.tally = tally
        self.rates.setText(
            self.tr("Required %1, sat %2, passed %3 — participation rate %4, pass rate %5")
            .replace("%1", str(tally.required)).replace("%2", str(tally.attended))
            .replace("%3", str(tally.passed)).replace("%4", format_percent(tally.participation_rate))
            .replace("%5", format_percent(tally.pass_rate))
        )

    # ---------------------------------------------------------------- save
    def fields(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "held_on": self.held_on.value(),
            "organiser": self.organiser.text().strip(),
            "pass_mark": self.pass_mark.text().strip(),
            "max_score": self.max_score.text().strip(),
        }

    def submit(self) -> ExamDetail:
        if self.detail is None:
            return self.service.create_exam(self.fields(), self.lines())
        exam = self.detail.exam
        return self.service.update_exam(exam.id, exam.version, self.fields(), self.lines())

    def saved_as(self, row: ExamDetail) -> ExamDetail:
        self.saved_detail = row
        return super().saved_as(row)

    # Another desk saved first: every entry (the results grid too) stays, the next save is on the saved version.
    def edited_record(self) -> ExamRow | None:
        return self.detail.exam if self.detail is not None else None

    def read_saved(self) -> ExamRow:
        assert self.detail is not None
        return self.service.get_exam(self.detail.exam.id).exam

    def stand_on(self, current: ExamRow) -> None:
        assert self.detail is not None
        self.detail = replace(self.detail, exam=current)


class ExamsTab(TrainingListTab):
    row_type = ExamRow
    table_name = "exams_table"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, search_hint=QCoreApplication.translate("ExamsTab", "Search by exam title"),
                         add_text=QCoreApplication.translate("ExamsTab", "New exam"))
        self.setObjectName("exams_tab")

    def _columns(self) -> list[Column[ExamRow]]:
        return [
            Column("held_on", self.tr("Date"), lambda r: r.held_on, sort_key="held_on", width=6),
            Column("title", self.tr("Title"), lambda r: r.title, width=32),
            Column("pass_mark", self.tr("Pass / full mark"),
                   lambda r: f"{format_number(r.pass_mark)} / {format_number(r.max_score)}", align=CENTRE, width=5),
            Column("required", self.tr("Required"), lambda r: r.tally.required, align=RIGHT, width=3),
            Column("attended", self.tr("Sat"), lambda r: r.tally.attended, align=RIGHT, width=3),
            Column("passed", self.tr("Passed"), lambda r: r.tally.passed, align=RIGHT, width=3),
            Column("participation", self.tr("Participation rate"), lambda r: format_percent(r.participation_rate),
                   align=RIGHT, width=5),
            Column("pass_rate", self.tr("Pass rate"), lambda r: format_percent(r.pass_rate), align=RIGHT, width=5),
        ]

    def _query(self, sort: str | None, descending: bool) -> Any:
        return self.service.exams(year=self.year.value() or None, text=self.search.search_text,
                                  sort=sort or "held_on", descending=descending)

    def _count_text(self, count: int) -> str:
        return self.tr("%n exams", "", count)

    def _read(self, record_id: int) -> ExamDetail:
        return self.service.get_exam(record_id)

    def _make_form(self, detail: ExamDetail | None) -> ExamForm:
        return ExamForm(self.context, self.service, self.staff, detail=detail, parent=self)

    def add_exam(self) -> ExamForm:
        return self.add_record()

    def _saved(self, detail: ExamDetail) -> None:
        self.model.refresh()
        self.view.select_ids([detail.exam.id])
        self.status.setText(
            self.tr("Saved “%1”: participation rate %2, pass rate %3.")
            .replace("%1", detail.exam.title)
            .replace("%2", format_percent(detail.exam.participation_rate))
            .replace("%3", format_percent(detail.exam.pass_rate))
        )

    def _delete_question(self, row: ExamRow) -> str:
        return self.tr("Delete the exam “%1” and its results?").replace("%1", row.title)

    def _delete(self, record_id: int) -> None:
        self.service.delete_exam(record_id)
