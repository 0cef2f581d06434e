"""年度汇总: the year's sessions by kind, hours per person against the target, exam rates.

Everything shown comes from `TrainingService.year_summary(year)` — the same
object the Excel and PDF exports (and later the yearly report) are made from.
People behind the hours target are highlighted.  The target itself is a
setting the legal office may change here (TRAINING_EDIT).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import Cancelled, StorageError, UserError
from app.legal.rates import format_percent
from app.training.service import (
    PASS_BASIS_ATTENDED,
    PASS_BASIS_REQUIRED,
    TrainingService,
    YearSummary,
    format_number,
)
from ui.context import AppContext
from ui.errors import show_user_error
from ui.tasks import TaskRunner
from ui.training.labels import kind_label
from ui.widgets import files
from ui.widgets.table_cells import filled_cell

BEHIND_COLOUR = QColor("#FFE3A3")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]], *, right_from: int = 1,
          shade: dict[int, QColor] | None = None) -> None:
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if j >= right_from:
                item.setTextAlignment(CENTRE if j == len(values) - 1 and not str(value)[:1].isdigit() else RIGHT)
            if shade and i in shade:
                item.setBackground(QBrush(shade[i]))
            table.setItem(i, j, item)


class SummaryTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_tab")
        self.context = context
        self.service = TrainingService(context.store, context.actor)
        self.tasks: TaskRunner = context.tasks
        self.summary: YearSummary | None = None
        self.message_box: QMessageBox | None = None

        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(bureau_today().year)
        self.year.valueChanged.connect(self.refresh)
        self.target = QLineEdit()
        self.target.setObjectName("hours_target")
        self.target.setMaximumWidth(70)
        self.save_target = QPushButton(self.tr("Set target"))
        self.save_target.setObjectName("save_target")
        self.save_target.clicked.connect(self.set_target)
        self.pass_basis = QComboBox()
        self.pass_basis.setObjectName("pass_basis")
        self.pass_basis.setToolTip(self.tr("How the pass rate is counted, here, in the exports and in the yearly report"))
        self.pass_basis.addItem(self.tr("Pass rate = passed ÷ sat"), PASS_BASIS_ATTENDED)
        self.pass_basis.addItem(self.tr("Pass rate = passed ÷ required"), PASS_BASIS_REQUIRED)
        self.pass_basis.setCurrentIndex(max(self.pass_basis.findData(self.service.pass_rate_basis()), 0))
        self.pass_basis.currentIndexChanged.connect(self.set_pass_basis)
        if not context.can(Permission.TRAINING_EDIT):
            tip = context.missing_permission_tip(Permission.TRAINING_EDIT)
            for widget in (self.target, self.save_target, self.pass_basis):
                widget.setEnabled(False)
                widget.setToolTip(tip)
        self.export_xlsx = QPushButton(self.tr("Export Excel"))
        self.export_xlsx.setObjectName("export_xlsx")
        self.export_xlsx.clicked.connect(self.export_excel)
        self.export_pdf_button = QPushButton(self.tr("Export PDF"))
        self.export_pdf_button.setObjectName("export_pdf")
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.preview_button = QPushButton(self.tr("Print preview"))
        self.preview_button.setObjectName("print_preview")
        self.preview_button.clicked.connect(self.preview_summary)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_summary)
        top = QHBoxLayout()
        self.year_label = QLabel(self.tr("Year:"))  # hidden with the box when the window's one year rules
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Yearly hours target per person:")))
        top.addWidget(self.target)
        top.addWidget(self.save_target)
        top.addSpacing(16)
        top.addWidget(self.pass_basis)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        top.addWidget(self.export_pdf_button)
        top.addWidget(self.preview_button)
        top.addWidget(self.print_button)

        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold;")

        self.kinds = _table([self.tr("Kind"), self.tr("Sessions"), self.tr("Of which law study"),
                             self.tr("Hours")])
        self.kinds.setObjectName("kinds")
        self.kinds.horizontalHeader().setStretchLastSection(False)
        self.kinds.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.persons = _table([self.tr("Name"), self.tr("Section"), self.tr("Sessions"), self.tr("Hours"),
                               self.tr("Target")])
        self.persons.setObjectName("persons")
        self.exams = _table([self.tr("Exam"), self.tr("Date"), self.tr("Required"), self.tr("Sat"),
                             self.tr("Passed"), self.tr("Participation rate"), self.tr("Pass rate")])
        self.exams.setObjectName("exams")
        self.exams.horizontalHeader().setStretchLastSection(False)
        self.exams.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        kinds_box = QGroupBox(self.tr("Study and training sessions"))
        QVBoxLayout(kinds_box).addWidget(self.kinds)
        persons_box = QGroupBox(self.tr("Hours per person (those behind the target highlighted)"))
        QVBoxLayout(persons_box).addWidget(self.persons)
        exams_box = QGroupBox(self.tr("Exams"))
        QVBoxLayout(exams_box).addWidget(self.exams)
        left = QVBoxLayout()
        left.addWidget(kinds_box)
        left.addWidget(exams_box)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(persons_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.refresh()

    # ---------------------------------------------------------------- showing
    def refresh(self, *_args: Any) -> None:
        try:
            summary = self.service.year_summary(self.year.value())
        except (UserError, StorageError) as err:
            self._tell(err)
            return
        self.summary = summary
        if not self.target.hasFocus():
            self.target.setText(format_number(summary.hours_target))
        average = summary.average_hours
        self.headline.setText(
            self.tr("%1: %2 sessions; %3 hours per person on average, %4 of %5 people reached the target "
                    "(%6); exams: participation rate %7, pass rate %8.")
            .replace("%1", str(summary.year))
            .replace("%2", str(summary.sessions_total))
            .replace("%3", format_number(average) if average is not None else "—")
            .replace("%4", str(summary.persons_meeting_target))
            .replace("%5", str(len(summary.persons)))
            .replace("%6", format_percent(summary.hours_completion_rate))
            .replace("%7", format_percent(summary.participation_rate))
            .replace("%8", format_percent(summary.pass_rate))
        )
        kind_rows = [[kind_label(k.kind), k.sessions, k.rule_of_law, format_number(k.hours)] for k in summary.by_kind]
        kind_rows.append([self.tr("Total"), summary.sessions_total, sum(k.rule_of_law for k in summary.by_kind),
                          format_number(sum((k.hours for k in summary.by_kind), Decimal(0)))])
        _fill(self.kinds, kind_rows)
        person_rows = []
        shade: dict[int, QColor] = {}
        for i, person in enumerate(summary.persons):
            if person.meets_target:
                state = self.tr("reached")
            else:
                state = self.tr("%1 short").replace("%1", format_number(person.behind_by))
                shade[i] = BEHIND_COLOUR
            person_rows.append([person.name, person.section or person.unit, person.sessions,
                                format_number(person.hours), state])
        _fill(self.persons, person_rows, right_from=2, shade=shade)
        totals = summary.exam_totals
        exam_rows = [
            [e.title, e.held_on.isoformat(), e.tally.required, e.tally.attended, e.tally.passed,
             format_percent(e.participation_rate), format_percent(e.pass_rate)]
            for e in summary.exams
        ]
        exam_rows.append([self.tr("Whole year"), "", totals.required, totals.attended, totals.passed,
                          format_percent(summary.participation_rate), format_percent(summary.pass_rate)])
        _fill(self.exams, exam_rows, right_from=2)

    def showEvent(self, event: Any) -> None:  # Qt override: figures change while other tabs are used
        super().showEvent(event)
        self.refresh()

    def behind_names(self) -> list[str]:
        """The people highlighted as behind the target."""
        return [
            filled_cell(self.persons, i, 0).text()
            for i in range(self.persons.rowCount())
            if filled_cell(self.persons, i, 0).background().color() == BEHIND_COLOUR
        ]

    def set_target(self) -> bool:
        try:
            self.service.set_hours_target(self.target.text().strip())
        except (UserError, StorageError) as err:
            self._tell(err)
            return False
        self.target.clearFocus()
        self.refresh()
        self.status.setText(self.tr("Hours target saved."))
        return True

    def set_pass_basis(self, _index: int = 0) -> bool:
        try:
            self.service.set_pass_rate_basis(self.pass_basis.currentData())
        except (UserError, StorageError) as err:
            self._tell(err)
            return False
        self.refresh()
        self.status.setText(self.tr("Pass rate basis saved."))
        return True

    # ---------------------------------------------------------------- exports
    def export_excel(self) -> None:
        year = self.year.value()
        path = files.choose_save_path(self, self.tr("Export the year's summary to Excel"),
                                      self.tr("training summary %1").replace("%1", str(year)) + ".xlsx",
                                      "Excel (*.xlsx)")
        if path is None:
            return
        service = self.service
        trace = self._trace("training.summary.xlsx", year)

        def body(progress: Any, cancel: Any) -> Path:
            from app.training.spreadsheet import export_training_summary

            summary = service.year_summary(year)
            query = service.sessions(year=year, descending=False)
            sessions = query.page(0, max(query.count(), 1))
            export_training_summary(summary, path, sessions=sessions, organisation=service.bureau_name(),
                                    progress=progress, cancel=cancel, trace=trace)
            return path

        self.tasks.run(body, on_success=self._exported, on_error=self._task_failed,
                       label=self.tr("Exporting the year's summary"), parent=self)

    def _trace(self, export: str, year: int) -> Any:
        from app.kernel.exports import ExportTrace

        return ExportTrace(self.context.store, self.context.actor, export, "training_session", details={"year": year})

    def export_pdf(self) -> None:
        year = self.year.value()
        path = files.choose_save_path(self, self.tr("Export the year's summary to PDF"),
                                      self.tr("training summary %1").replace("%1", str(year)) + ".pdf",
                                      "PDF (*.pdf)")
        if path is None:
            return
        service = self.service
        trace = self._trace("training.summary.pdf", year)

        def body(progress: Any, cancel: Any) -> Path:
            from app.training.documents import write_training_summary_pdf

            write_training_summary_pdf(service.year_summary(year), path, organisation=service.bureau_name(),
                                       progress=progress, cancel=cancel, trace=trace)
            return path

        self.tasks.run(body, on_success=self._exported, on_error=self._task_failed,
                       label=self.tr("Printing the year's summary"), parent=self)

    def _summary_writer(self) -> Any:
        """(path, progress, cancel): the year's summary as PDF, audited as printed."""
        year = self.year.value()
        service = self.service
        trace = self._trace("training.summary.print", year)

        def write(path: Path, progress: Any, cancel: Any) -> None:
            """Runs on the task runner: the service reads the summary and the bureau's name there."""
            from app.training.documents import write_training_summary_pdf

            write_training_summary_pdf(service.year_summary(year), path, organisation=service.bureau_name(),
                                       progress=progress, cancel=cancel, trace=trace)

        return write

    def preview_summary(self) -> None:
        from ui.printing import preview_after_writing

        name = self.tr("training summary %1").replace("%1", str(self.year.value()))
        preview_after_writing(self, self.tasks, self._summary_writer(), name, self.tr("Printing the year's summary"),
                              self._task_failed)

    def print_summary(self) -> None:
        from ui.printing import print_after_writing

        name = self.tr("training summary %1").replace("%1", str(self.year.value()))
        print_after_writing(self, self.tasks, self._summary_writer(), name, self.tr("Printing the year's summary"),
                            self._task_failed)

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))

    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled."))
            return
        if isinstance(error, UserError | StorageError):
            self._tell(error)
            return
        self.tasks.default_error(error, self)

    def _tell(self, err: UserError | StorageError) -> None:
        self.status.setText(err.message(self.context.language))
        if self.context.error_windows:
            self.message_box = show_user_error(self, err, self.context.language, block=False)
