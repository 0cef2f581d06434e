"""统计报表: the year's figures of the rule-of-law report, each a click away from its records.

Tab 概览 (ui/reports/overview.py): this year's key figures and small charts.
Tab 年度法治建设数据: pick a year (and optionally a date range); the figures of
DOMAIN A4 in a grid grouped by area, computed on the task runner by
`app.reports.yearly.yearly_figures` — the same object the PDF, the Excel
workbook and `main.py report yearly --json` come from.  Each figure is a
button: clicking it lists the records it counts below (a paged list,
app/reports/drilldown.py).  The two arbitration reconciliations show ✓ or the
difference.  导出PDF / 导出Excel run on the task runner with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.legal.rates import fen_to_wan_yuan, format_percent, format_yuan
from app.reports.drilldown import FIGURES, DrillRow, drill_down
from app.reports.yearly import YearlyFigures, yearly_figures
from ui.context import AppContext
from ui.file_actions import PDF_FILTER, XLSX_FILTER, FileActions, FileTexts
from ui.lists import Column, PagedTableModel, PagedTableView
from ui.reports.charts import BarChart
from ui.widgets import files
from ui.widgets.step_dialog import from_qdate

OK_STYLE = "color: #2e7d32; font-weight: bold;"
BAD_STYLE = "color: #b00020; font-weight: bold;"
FIGURE_STYLE = "QPushButton { text-align: right; padding: 1px 8px; font-size: 11pt; }"

# (button key, drill-down key or None, value -> text); the label is translated in _labels().
Entry = tuple[str, str | None, Callable[[YearlyFigures], str]]


def _count(unit: str) -> Callable[[Any], Callable[[YearlyFigures], str]]:
    return lambda attr: (lambda f: f"{getattr(f, attr)}{unit}")


def _break_before_terms(text: str) -> str:
    """Put the "(R = 4, A = 3 …)" part on its own line."""
    cut = text.rfind("（")
    if cut < 0:
        cut = text.rfind(" (")
    return text if cut < 0 else text[:cut].rstrip() + "\n" + text[cut:].strip()


class YearlyPanel(QWidget):
    """The year's figures, the reconciliations and the drill-down list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearly_panel")
        self.context = context
        self.tasks = context.tasks
        self.figures: YearlyFigures | None = None
        self.drill_key: str | None = None
        self.buttons: dict[str, QPushButton] = {}
        self._request = 0  # the latest computation asked for; older results are dropped
        self._shown_once = False

        this_year = bureau_today().year
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(this_year)
        self.use_range = QCheckBox(self.tr("Date range"))
        self.use_range.setObjectName("use_range")
        self.date_from = QDateEdit(QDate(this_year, 1, 1))
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit(QDate(this_year, 12, 31))
        self.date_to.setObjectName("date_to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_range.toggled.connect(self.date_from.setEnabled)
        self.use_range.toggled.connect(self.date_to.setEnabled)
        self.year.valueChanged.connect(self._year_changed)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("compute")
        self.compute_button.clicked.connect(self.compute)
        self.pdf_button = QPushButton(self.tr("Export PDF"))
        self.pdf_button.setObjectName("export_pdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button = QPushButton(self.tr("Export Excel"))
        self.xlsx_button.setObjectName("export_xlsx")
        self.xlsx_button.clicked.connect(self.export_excel)
        self.preview_button = QPushButton(self.tr("Print preview"))
        self.preview_button.setObjectName("print_preview")
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_now)
        for button in (self.pdf_button, self.xlsx_button, self.preview_button, self.print_button):
            button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.use_range)
        top.addWidget(self.date_from)
        top.addWidget(QLabel("—"))
        top.addWidget(self.date_to)
        top.addWidget(self.compute_button)
        top.addStretch(1)
        top.addWidget(self.preview_button)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.xlsx_button)

        self.period = QLabel()
        self.period.setObjectName("period")
        self.period.setStyleSheet("font-size: 13pt; font-weight: bold;")

        grid_host = QWidget()
        grid_host.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(grid_host)
        groups = self._groups()
        for index, (title, entries) in enumerate(groups):
            box = QGroupBox(title)
            form = QGridLayout(box)
            for row, (key, drill, _value) in enumerate(entries):
                label = QLabel(self._labels()[key])
                label.setWordWrap(True)
                button = QPushButton("—")
                button.setObjectName(f"figure_{key}")
                button.setFlat(True)
                button.setStyleSheet(FIGURE_STYLE)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance("0000000.00万元") + 24)
                if drill and context.can(FIGURES[drill].permission):
                    button.setToolTip(self.tr("Click to list the records counted"))
                    button.clicked.connect(lambda _=False, k=drill, t=key: self.drill(k, t))
                else:
                    button.setEnabled(drill is None)
                    if drill:
                        button.setToolTip(context.missing_permission_tip(FIGURES[drill].permission))
                form.addWidget(label, row, 0)
                form.addWidget(button, row, 1)
                self.buttons[key] = button
            form.setColumnStretch(0, 1)
            form.setRowStretch(len(entries), 1)  # rows stay together at the top of a taller box
            form.setVerticalSpacing(0)
            grid.addWidget(box, index // 3, index % 3)
        self.entries = [e for _, entries in groups for e in entries]
        recon_box = QGroupBox(self.tr("Arbitration reconciliations"))
        recon = QVBoxLayout(recon_box)
        self.recon_labels: dict[str, QLabel] = {}
        for name in ("received", "stock"):
            label = QLabel("—")
            label.setObjectName(f"reconciliation_{name}")
            label.setWordWrap(True)
            label.setMinimumWidth(260)
            recon.addWidget(label)
            self.recon_labels[name] = label
        recon.addStretch(1)
        grid.addWidget(recon_box, len(groups) // 3, len(groups) % 3)

        self.charts = {
            "inspection": BarChart(self.tr("Complaints per month")),
            "wages": BarChart(self.tr("Wages recovered per month (10,000 yuan)")),
            "arbitration": BarChart(self.tr("Arbitration per month")),
        }
        # Laid out to the window (issue 17): the figures at the top at their natural height, below
        # them one pane with two tabs — the charts, whole, and the records behind a figure, as many
        # rows as the window has room for.  At 1366×768 nothing needs scrolling.
        charts_page = QWidget()
        charts = QHBoxLayout(charts_page)
        charts.setContentsMargins(0, 4, 0, 0)
        for key, chart in self.charts.items():
            chart.setObjectName(f"chart_{key}")
            chart.setMinimumHeight(150)
            charts.addWidget(chart)

        self.figures_area = QScrollArea()
        self.figures_area.setObjectName("figures_area")
        self.figures_area.setWidgetResizable(True)
        self.figures_area.setFrameShape(QFrame.Shape.NoFrame)
        self.figures_area.setWidget(grid_host)

        self.drill_title = QLabel(self.tr("Click a figure to list the records it counts."))
        self.drill_title.setObjectName("drill_title")
        self.drill_model: PagedTableModel[DrillRow] = PagedTableModel(self._drill_columns(), self)
        self.drill_view = PagedTableView()
        self.drill_view.setObjectName("drill_view")
        self.drill_view.setModel(self.drill_model)
        drill_page = QWidget()
        drill_layout = QVBoxLayout(drill_page)
        drill_layout.setContentsMargins(0, 4, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill_view, 1)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("lower_tabs")
        self.lower_tabs.addTab(charts_page, self.tr("Charts"))
        self.lower_tabs.addTab(drill_page, self.tr("Records counted"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("reports_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.figures_area)
        splitter.addWidget(self.lower_tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([grid_host.sizeHint().height() + 2, 10_000])
        self.splitter = splitter

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.file_actions = FileActions(self, context, self.status, error_box=context.error_windows,
                                        texts=FileTexts(cancelled=self.tr("Cancelled.")))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    # ---------------------------------------------------------------- layout data
    def _labels(self) -> dict[str, str]:
        return {
            "complaints_received": self.tr("Complaints and leads received (all channels)"),
            "workers_recovered": self.tr("Workers whose wages were recovered"),
            "wages_recovered": self.tr("Wages recovered"),
            "projects_active": self.tr("Construction projects under way"),
            "projects_on_platform": self.tr("Of which on the real-name platform"),
            "project_compliance_rate": self.tr("Six-system compliance rate (items)"),
            "project_rate": self.tr("Projects with every item in force"),
            "arbitration_received": self.tr("Applications received"),
            "arbitration_accepted": self.tr("Accepted"),
            "arbitration_not_accepted": self.tr("Not accepted"),
            "arbitration_amount": self.tr("Amount in dispute"),
            "arbitration_closed_award_or_mediation": self.tr("Closed by award or mediation"),
            "arbitration_closed": self.tr("Closed (all methods)"),
            "arbitration_pending": self.tr("Pending at the end"),
            "mediation_online_handled": self.tr("Online mediation handled"),
            "mediation_online_successful": self.tr("Of which successful"),
            "certified_staff": self.tr("Staff holding enforcement certificates"),
            "study_sessions.party_group": self.tr("Party group study sessions"),
            "study_sessions.bureau_wide": self.tr("Whole-bureau study sessions"),
            "study_sessions.party_branch": self.tr("Party branch study sessions"),
            "study_sessions.special_training": self.tr("Special training sessions"),
            "exam_participation_rate": self.tr("Exam participation rate"),
            "exam_pass_rate": self.tr("Exam pass rate"),
        }

    def _groups(self) -> list[tuple[str, list[Entry]]]:
        pieces, persons, cases, times = self.tr(" projects"), self.tr(" persons"), self.tr(" cases"), self.tr(" times")
        wan = self.tr(" ×10,000 yuan")
        n = _count

        def sessions(kind: str) -> Callable[[YearlyFigures], str]:
            return lambda f: f"{f.study_sessions.get(kind, 0)}{times}"

        return [
            (self.tr("Labour inspection and wage recovery"), [
                ("complaints_received", "complaints_received", n(cases)("complaints_received")),
                ("workers_recovered", "workers_recovered", n(persons)("workers_recovered")),
                ("wages_recovered", "wages_recovered", lambda f: f"{f.wages_recovered_wan_yuan}{wan}"),
            ]),
            (self.tr("Construction projects"), [
                ("projects_active", "projects_active", n(pieces)("projects_active")),
                ("projects_on_platform", "projects_active", n(pieces)("projects_on_platform")),
                ("project_compliance_rate", "project_compliance_rate",
                 lambda f: format_percent(f.project_compliance_rate)),
                ("project_rate", "project_compliance_rate", lambda f: format_percent(f.project_rate)),
            ]),
            (self.tr("Labour-dispute arbitration"), [
                ("arbitration_received", "arbitration_received", n(cases)("arbitration_received")),
                ("arbitration_accepted", "arbitration_accepted", n(cases)("arbitration_accepted")),
                ("arbitration_not_accepted", "arbitration_not_accepted", n(cases)("arbitration_not_accepted")),
                ("arbitration_amount", "arbitration_amount", lambda f: f"{f.arbitration_amount_wan_yuan}{wan}"),
                ("arbitration_closed_award_or_mediation", "arbitration_closed_award_or_mediation",
                 n(cases)("arbitration_closed_award_or_mediation")),
                ("arbitration_closed", "arbitration_closed", n(cases)("arbitration_closed")),
                ("arbitration_pending", "arbitration_pending", n(cases)("arbitration_pending")),
            ]),
            (self.tr("Township mediation"), [
                ("mediation_online_handled", "mediation_online_handled", n(cases)("mediation_online_handled")),
                ("mediation_online_successful", "mediation_online_successful",
                 n(cases)("mediation_online_successful")),
            ]),
            (self.tr("Staff, study and exams"), [
                ("certified_staff", "certified_staff", n(persons)("certified_staff")),
                *((f"study_sessions.{k}", f"study_sessions.{k}", sessions(k))
                  for k in ("party_group", "bureau_wide", "party_branch", "special_training")),
                ("exam_participation_rate", "exams", lambda f: format_percent(f.exam_participation_rate)),
                ("exam_pass_rate", "exams", lambda f: format_percent(f.exam_pass_rate)),
            ]),
        ]

    def _drill_columns(self) -> list[Column[DrillRow]]:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return [
            Column("number", self.tr("Number"), lambda r: r.number, width=18),
            Column("title", self.tr("Name or title"), lambda r: r.title, width=20),
            Column("on", self.tr("Date counted"), lambda r: r.on, width=11),
            Column("detail", self.tr("Detail"), lambda r: r.detail, width=14),
            Column("amount", self.tr("Amount (yuan)"), lambda r: format_yuan(r.amount_fen), align=right, width=10),
        ]

    # ---------------------------------------------------------------- computing
    def _year_changed(self, year: int) -> None:
        if not self.use_range.isChecked():
            self.date_from.setDate(QDate(year, 1, 1))
            self.date_to.setDate(QDate(year, 12, 31))
            if self._shown_once:
                self.compute()

    def showEvent(self, event: Any) -> None:  # Qt override: the chosen year's figures when first seen
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.compute()

    def period_asked(self) -> tuple[int, date | None, date | None]:
        year = self.year.value()
        if not self.use_range.isChecked():
            return year, None, None
        return year, from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def compute(self) -> None:
        year, first, last = self.period_asked()
        store, actor = self.context.store, self.context.actor
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Computing…"))
        self.tasks.run(
            lambda progress, cancel: yearly_figures(store, actor, year, date_from=first, date_to=last,
                                                    progress=progress, cancel=cancel),
            on_success=lambda figures: self._computed(request, figures),
            on_error=lambda error: self._computed_failed(request, error),
            label=self.tr("Computing the year's figures"), parent=self,
        )

    def _computed(self, request: int, figures: YearlyFigures) -> None:
        if request == self._request:  # a later year was asked for meanwhile: drop this one
            self.show_figures(figures)

    def _computed_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.file_actions.failed(error)

    def show_figures(self, figures: YearlyFigures) -> None:
        self.figures = figures
        self.period.setText(self.tr("%1 to %2").replace("%1", figures.first.isoformat())
                            .replace("%2", figures.last.isoformat()))
        for key, _drill, value in self.entries:
            self.buttons[key].setText(value(figures))
        for rec in figures.reconciliations:
            terms = ", ".join(f"{k} = {v}" for k, v in rec.terms.items())
            if rec.holds:
                text = self.tr("%1: ✓ holds (%2)").replace("%1", rec.formula).replace("%2", terms)
                text = _break_before_terms(text)
            else:
                text = (self.tr("%1: differs by %2 (%3)").replace("%1", rec.formula)
                        .replace("%2", f"{rec.difference:+d}").replace("%3", terms))
                text = _break_before_terms(text)
            label = self.recon_labels[rec.name]
            label.setText(text)
            label.setStyleSheet(OK_STYLE if rec.holds else BAD_STYLE)
        months = [f"{m}" for _, m in figures.months]
        self.charts["inspection"].set_data(months, [(self.tr("Complaints"),
                                                     figures.monthly.get("inspection.complaints_received", []))])
        self.charts["wages"].set_data(months, [(self.tr("Wages"), [
            float(fen_to_wan_yuan(v)) for v in figures.monthly.get("inspection.wages_recovered_fen", [])])])
        self.charts["arbitration"].set_data(months, [
            (self.tr("Received"), figures.monthly.get("arbitration.received", [])),
            (self.tr("Closed"), figures.monthly.get("arbitration.closed", [])),
        ])
        for button in (self.pdf_button, self.xlsx_button, self.preview_button, self.print_button):
            button.setEnabled(True)
        self.status.setText(self.tr("Figures computed from the records."))
        if self.drill_key:
            self.drill(self.drill_key, self.drill_key)

    def figure_text(self, key: str) -> str:
        return self.buttons[key].text()

    # ---------------------------------------------------------------- drill-down
    def drill(self, key: str, button_key: str | None = None) -> None:
        """List the records figure `key` counts (over the period last computed)."""
        if self.figures is None:
            return
        try:
            source = drill_down(self.context.store, self.context.actor, key, self.figures.first, self.figures.last)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return
        self.drill_key = key
        self.lower_tabs.setCurrentIndex(1)
        label = self._labels().get(button_key or key, key)
        self.drill_title.setText(self.tr("%1: %2 records").replace("%1", label).replace("%2", str(source.count())))
        self.drill_model.set_query(source)

    # ---------------------------------------------------------------- exports
    def _suggested(self, suffix: str) -> str:
        f = self.figures
        assert f is not None
        name = self.tr("rule-of-law figures %1").replace("%1", str(f.year) if f.is_calendar_year
                                                            else f"{f.first.isoformat()}_{f.last.isoformat()}")
        return name + suffix

    def export_pdf(self) -> None:
        if self.figures is None:
            return
        path = files.choose_save_path(self, self.tr("Export the yearly report to PDF"), self._suggested(".pdf"),
                                      PDF_FILTER)
        if path is None:
            return
        figures = self.figures
        trace = self._trace("report.yearly.pdf")

        def body(progress: Any, cancel: Any) -> Path:
            from app.reports.documents import write_yearly_report_pdf

            write_yearly_report_pdf(figures, path, progress=progress, cancel=cancel, trace=trace)
            return path

        self.file_actions.export(body, path, self.tr("Printing the yearly report"), on_success=self._exported)

    def _report_writer(self) -> Any:
        figures = self.figures
        assert figures is not None  # printing is offered once the figures are shown

        def write(path: Path, progress: Any, cancel: Any) -> None:
            from app.reports.documents import write_yearly_report_pdf

            write_yearly_report_pdf(figures, path, progress=progress, cancel=cancel)

        return write

    def print_preview(self) -> None:
        """打印预览: the yearly report as it prints, with 打印 in the preview."""
        if self.figures is None:
            return
        from ui.printing import preview_after_writing

        preview_after_writing(self, self.tasks, self._report_writer(), self._suggested("").strip(),
                              self.tr("Printing the yearly report"), self.file_actions.failed)

    def print_now(self) -> None:
        """打印: Qt's print dialog, then the yearly report on the printer."""
        if self.figures is None:
            return
        from ui.printing import print_after_writing

        print_after_writing(self, self.tasks, self._report_writer(), self._suggested("").strip(),
                            self.tr("Printing the yearly report"), self.file_actions.failed)

    def export_excel(self) -> None:
        if self.figures is None:
            return
        path = files.choose_save_path(self, self.tr("Export the yearly report to Excel"), self._suggested(".xlsx"),
                                      XLSX_FILTER)
        if path is None:
            return
        figures, store, actor = self.figures, self.context.store, self.context.actor
        trace = self._trace("report.yearly.xlsx")

        def body(progress: Any, cancel: Any) -> Path:
            from app.reports.spreadsheet import export_yearly_report

            export_yearly_report(figures, path, store=store, actor=actor, progress=progress, cancel=cancel, trace=trace)
            return path

        self.file_actions.export(body, path, self.tr("Exporting the yearly report"), on_success=self._exported)

    def _trace(self, export: str) -> Any:
        from app.kernel.exports import ExportTrace

        assert self.figures is not None
        return ExportTrace(self.context.store, self.context.actor, export, "report",
                           details={"from": self.figures.first.isoformat(), "to": self.figures.last.isoformat()})

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))


class ReportsWindow(QWidget):
    """The 统计报表 area: 概览 and 年度法治建设数据."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_window")
        self.context = context
        from ui.reports.overview import OverviewWidget

        self.overview = OverviewWidget(context, self)
        self.yearly = YearlyPanel(context, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.yearly, self.tr("Yearly rule-of-law figures"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
