"""在建项目: construction projects and the six wage-payment systems.

At the top, the rates panel: as of a chosen date, the 综合达标率 (item rate)
and the 项目达标率 (project rate), each labelled with its definition, and the
counts (under way, on the platform, checked, overdue rectifications).  Below,
the paged project list (ui/lists) with its filters — each row carries its
latest check's date and item rate and the number of overdue rectifications,
in red.  Under the list, the checks of the selected project and the items of
the selected check, where a rectification is recorded.  Forms and dialogs:
ui/projects/form.py, check_dialog.py, checklist_dialog.py (administrators).
Exports go through the one task runner.  All figures come from
app/projects/service.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.legal.rates import format_percent, format_yuan
from app.projects.models import ItemStatus
from app.projects.service import (
    CheckItemRow,
    CheckRow,
    ComplianceSummary,
    ProjectRow,
    ProjectService,
)
from ui.context import AppContext
from ui.file_actions import PDF_FILTER, XLSX_FILTER, FileActions, FileTexts
from ui.lists import CENTRE, RIGHT, Column, PagedTableModel, PagedTableView
from ui.lists.filters import choice_filter, search_box
from ui.lists.register_window import Action, action_buttons, open_form
from ui.projects.check_dialog import CheckDialog
from ui.projects.checklist_dialog import ChecklistDialog
from ui.projects.form import ProjectForm
from ui.projects.labels import PROJECT_STATUS_LABELS, item_status_label, project_status_label
from ui.projects.rectification_dialog import RectificationDialog
from ui.widgets import files

RED = QColor("#b3261e")


class ListSource:
    """A few rows already in memory (a check's items) offered as a PagedSource."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> list[Any]:
        return self.rows[offset:offset + limit]


def _red_when(predicate: Any) -> Any:
    return lambda row: RED if predicate(row) else None


class ProjectsWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projects_window")
        self.context = context
        self.today = today or bureau_today()
        self.service = ProjectService(context.store, context.actor)
        self.tasks = context.tasks
        self.dialog: QDialog | None = None
        self.summary: ComplianceSummary | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._rates_panel())
        layout.addLayout(self._filters())
        layout.addLayout(self._actions())

        self.model: PagedTableModel[ProjectRow] = PagedTableModel(self._columns(), self)
        self.view = PagedTableView()
        self.view.setObjectName("projects_table")
        self.view.setModel(self.model)
        self.view.row_activated.connect(self.edit_row)
        self.view.selection_changed_ids.connect(self._selection_changed)
        self.model.count_changed.connect(self._show_count)

        self.checks_model: PagedTableModel[CheckRow] = PagedTableModel(self._check_columns(), self)
        self.checks_view = PagedTableView()
        self.checks_view.setObjectName("checks_table")
        self.checks_view.setModel(self.checks_model)
        self.checks_view.selection_changed_ids.connect(self._check_selected)
        self.items_model: PagedTableModel[CheckItemRow] = PagedTableModel(self._item_columns(), self)
        self.items_view = PagedTableView()
        self.items_view.setObjectName("items_table")
        self.items_view.setModel(self.items_model)
        self.items_view.selection_changed_ids.connect(self._item_selected)
        self.checks_title = QLabel()
        self.checks_title.setObjectName("checks_title")
        self.rectify_button = QPushButton(self.tr("Record rectification"))
        self.rectify_button.setObjectName("rectify")
        self.rectify_button.clicked.connect(self.rectify_selected)
        self.rectify_button.setEnabled(False)
        if not context.can(Permission.PROJECT_EDIT):
            self.rectify_button.setToolTip(context.missing_permission_tip(Permission.PROJECT_EDIT))

        bottom = QWidget()
        bottom_layout = QGridLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.checks_title, 0, 0)
        items_head = QHBoxLayout()
        items_head.addWidget(QLabel(self.tr("Items of the selected check")))
        items_head.addStretch(1)
        items_head.addWidget(self.rectify_button)
        bottom_layout.addLayout(items_head, 0, 1)
        bottom_layout.addWidget(self.checks_view, 1, 0)
        bottom_layout.addWidget(self.items_view, 1, 1)
        bottom_layout.setColumnStretch(0, 2)
        bottom_layout.setColumnStretch(1, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.file_actions = FileActions(self, context, self.status, error_box=context.error_windows,
                                        texts=FileTexts(cancelled=self.tr("Cancelled; nothing was saved.")))

        self.model.set_query_factory(self._query)
        self.model.set_initial_sort("name")
        self._selection_changed([])
        self.refresh_rates()

    # ---------------------------------------------------------------- rates panel
    def _rates_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("The six wage-payment systems: compliance"))
        box.setObjectName("rates_panel")
        self.as_of = QDateEdit()
        self.as_of.setObjectName("as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.as_of.dateChanged.connect(lambda _d: self.refresh_rates())
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.item_rate = QLabel()
        self.item_rate.setObjectName("item_rate")
        self.item_rate.setFont(big)
        self.project_rate = QLabel()
        self.project_rate.setObjectName("project_rate")
        self.project_rate.setFont(big)
        self.item_rate_detail = QLabel()
        self.item_rate_detail.setObjectName("item_rate_detail")
        self.project_rate_detail = QLabel()
        self.project_rate_detail.setObjectName("project_rate_detail")
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdue_total")
        item_caption = QLabel(self.tr("Item rate"))
        item_caption.setStyleSheet("font-weight: bold;")
        project_caption = QLabel(self.tr("Project rate"))
        project_caption.setStyleSheet("font-weight: bold;")
        item_definition = QLabel(self.tr("= items in force / applicable items (not applicable excluded)"))
        project_definition = QLabel(self.tr("= projects with every applicable item in force / projects checked"))
        for label in (item_definition, project_definition):
            label.setStyleSheet("color: #555;")
        grid = QGridLayout(box)
        as_of_line = QHBoxLayout()
        as_of_line.addWidget(QLabel(self.tr("As of")))
        as_of_line.addWidget(self.as_of)
        as_of_line.addStretch(1)
        grid.addLayout(as_of_line, 0, 0)
        grid.addWidget(self.counts, 1, 0)
        grid.addWidget(self.overdue_label, 2, 0)
        grid.addWidget(item_caption, 0, 1)
        grid.addWidget(self.item_rate, 1, 1)
        grid.addWidget(self.item_rate_detail, 2, 1)
        grid.addWidget(item_definition, 3, 1)
        grid.addWidget(project_caption, 0, 2)
        grid.addWidget(self.project_rate, 1, 2)
        grid.addWidget(self.project_rate_detail, 2, 2)
        grid.addWidget(project_definition, 3, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        return box

    def as_of_date(self) -> date:
        d = self.as_of.date()
        return date(d.year(), d.month(), d.day())

    def refresh_rates(self) -> None:
        try:
            summary = self.service.compliance(self.as_of_date())
            overdue = self.service.overdue_rectifications(today=self.today).count()
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return
        self.summary = summary
        self.item_rate.setText(format_percent(summary.item_rate))
        self.project_rate.setText(format_percent(summary.project_rate))
        self.item_rate_detail.setText(
            self.tr("%1 in force of %2 applicable items")
            .replace("%1", str(summary.items_in_force)).replace("%2", str(summary.items_applicable))
        )
        self.project_rate_detail.setText(
            self.tr("%1 of %2 projects with every applicable item in force")
            .replace("%1", str(summary.projects_compliant)).replace("%2", str(summary.projects_rated))
        )
        self.counts.setText(
            self.tr("Under way: %1 (on the real-name platform: %2) · checked: %3")
            .replace("%1", str(summary.projects_under_way))
            .replace("%2", str(summary.projects_on_platform))
            .replace("%3", str(summary.projects_checked))
        )
        self.overdue_label.setText(self.tr("Overdue rectifications today: %1").replace("%1", str(overdue)))
        self.overdue_label.setStyleSheet("color: #b3261e; font-weight: bold;" if overdue else "")

    # ---------------------------------------------------------------- filters and actions
    def _filters(self) -> QHBoxLayout:
        self.search = search_box(self.tr("Search by project name, location or permit number"), self._filter_changed)
        self.status_filter = choice_filter("status_filter", [
            (self.tr("All"), None), *((project_status_label(value), value) for value in PROJECT_STATUS_LABELS)],
            self._filter_changed)
        self.overdue_only = QCheckBox(self.tr("Overdue rectifications only"))
        self.overdue_only.setObjectName("overdue_only")
        self.overdue_only.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        line = QHBoxLayout()
        line.addWidget(self.search, 1)
        line.addWidget(QLabel(self.tr("Status:")))
        line.addWidget(self.status_filter)
        line.addWidget(self.overdue_only)
        line.addSpacing(12)
        line.addWidget(self.count_label)
        return line

    def _actions(self) -> QHBoxLayout:
        self.buttons: dict[str, QPushButton] = {}
        line = QHBoxLayout()
        action_buttons(self.context, [
            Action("add", self.tr("New project"), self.add_project, Permission.PROJECT_EDIT),
            Action("edit", self.tr("Edit"), self.edit_selected, Permission.PROJECT_EDIT),
            Action("check", self.tr("Record a check"), self.record_check, Permission.PROJECT_EDIT, space_after=16),
            Action("checklist", self.tr("Checklist…"), self.edit_checklist, Permission.CHECKLIST_EDIT, space_after=16),
            Action("export_xlsx", self.tr("Export Excel"), self.export_excel, Permission.PROJECT_VIEW),
            Action("export_pdf", self.tr("Export PDF"), self.export_pdf, Permission.PROJECT_VIEW),
            Action("print_preview", self.tr("Print preview"), self.preview_report, Permission.PROJECT_VIEW),
            Action("print", self.tr("Print…"), self.print_report, Permission.PROJECT_VIEW),
        ], line, self.buttons)
        line.addStretch(1)
        return line

    # ---------------------------------------------------------------- the lists
    def _columns(self) -> list[Column[ProjectRow]]:
        overdue_red = _red_when(lambda r: r.overdue > 0)
        return [
            Column("name", self.tr("Project"), lambda r: r.name, sort_key="name", tooltip=lambda r: r.name, width=18),
            Column("location", self.tr("Location"), lambda r: r.location, width=7),
            Column("contractor", self.tr("General contractor"), lambda r: r.contractor_name,
                   tooltip=lambda r: r.contractor_name or None, width=14),
            Column("status", self.tr("Status"), lambda r: project_status_label(r.status), align=CENTRE, width=3),
            Column("start_date", self.tr("Start"), lambda r: r.start_date, width=6),
            Column("planned_completion", self.tr("Planned completion"), lambda r: r.planned_completion, width=6),
            Column("latest_check", self.tr("Latest check"), lambda r: r.latest_checked_on, sort_key="checked_on",
                   width=6),
            Column("item_rate", self.tr("Item rate"), lambda r: r.item_rate,
                   display=lambda v: format_percent(v) if v is not None else "", align=RIGHT, width=5),
            Column("overdue", self.tr("Overdue rectifications"), lambda r: r.overdue,
                   display=lambda v: str(v) if v else "", align=CENTRE, foreground=overdue_red,
                   decoration=overdue_red,
                   tooltip=lambda r: self.tr("Rectification deadline passed, not yet put right") if r.overdue else None,
                   width=5),
            Column("platform", self.tr("Real-name platform"), lambda r: r.on_realname_platform, align=CENTRE, width=4),
            Column("wage_manager", self.tr("Wage manager"), lambda r: r.wage_manager_name, width=4),
            Column("wage_manager_phone", self.tr("Phone"), lambda r: r.wage_manager_phone, width=7),
            Column("wage_account_no", self.tr("Wage account"), lambda r: r.wage_account_no, width=5),
            Column("contract_value", self.tr("Contract value (yuan)"), lambda r: format_yuan(r.contract_value_fen),
                   align=RIGHT, width=8),
        ]

    def _check_columns(self) -> list[Column[CheckRow]]:
        return [
            Column("checked_on", self.tr("Check date"), lambda r: r.checked_on, width=6),
            Column("inspector", self.tr("Inspectors"), lambda r: r.inspector, width=7),
            Column("counts", self.tr("In force / applicable"), lambda r: f"{r.in_force} / {r.applicable}",
                   align=CENTRE, width=6),
            Column("item_rate", self.tr("Item rate"), lambda r: format_percent(r.item_rate), align=RIGHT, width=5),
            Column("pending", self.tr("Awaiting rectification"), lambda r: r.pending_rectification or "",
                   align=CENTRE, foreground=_red_when(lambda r: r.pending_rectification > 0), width=5),
        ]

    def _item_columns(self) -> list[Column[CheckItemRow]]:
        return [
            Column("label", self.tr("Item"), lambda r: r.label, tooltip=lambda r: r.label, width=11),
            Column("status", self.tr("Finding"), lambda r: item_status_label(r.status), align=CENTRE,
                   foreground=_red_when(lambda r: r.status == ItemStatus.NOT_IN_FORCE.value), width=4),
            Column("rectify_by", self.tr("Rectify by"), lambda r: r.rectify_by,
                   foreground=_red_when(lambda r: r.overdue),
                   tooltip=lambda r: self.tr("Overdue") if r.overdue else None, width=6),
            Column("rectified_on", self.tr("Rectified on"), lambda r: r.rectified_on, width=6),
            Column("evidence", self.tr("Evidence / finding"), lambda r: r.evidence, width=12),
        ]

    def _filter_values(self) -> tuple[str, str | None, bool]:
        return self.search.search_text, self.status_filter.currentData(), self.overdue_only.isChecked()

    def _query(self, sort: str | None, descending: bool) -> Any:
        text, status, overdue = self._filter_values()
        return self.service.query(text=text, status=status, overdue_only=overdue, sort=sort or "name",
                                  descending=descending, today=self.today)

    def _filter_changed(self, *_args: Any) -> None:
        self.model.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        self.refresh_rates()
        self._show_checks(self.selected_row())

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n projects", "", count))

    def selected_row(self) -> ProjectRow | None:
        item = self.view.current_item()
        return item if isinstance(item, ProjectRow) else None

    def _selection_changed(self, ids: list[Any]) -> None:
        if self.context.can(Permission.PROJECT_EDIT):
            self.buttons["edit"].setEnabled(len(ids) == 1)
            self.buttons["check"].setEnabled(len(ids) == 1)
        self._show_checks(self.selected_row() if len(ids) == 1 else None)

    def _show_checks(self, row: ProjectRow | None) -> None:
        if row is None:
            self.checks_title.setText(self.tr("Checks: select a project"))
            self.checks_model.set_query(None)
        else:
            self.checks_title.setText(self.tr("Checks of %1").replace("%1", row.name))
            self.checks_model.set_query(self.service.checks_query(row.id))
            if self.checks_model.rowCount():
                self.checks_view.selectRow(0)
        self._check_selected(self.checks_view.selected_ids())

    def _check_selected(self, ids: list[Any]) -> None:
        if len(ids) != 1:
            self.items_model.set_query(None)
        else:
            try:
                check = self.service.check(ids[0], today=self.today)
            except (UserError, StorageError) as err:
                self.file_actions.tell(err)
                return
            self.items_model.set_query(ListSource(list(check.items)))
        self._item_selected(self.items_view.selected_ids())

    def _item_selected(self, _ids: list[Any]) -> None:
        item = self.items_view.current_item()
        self.rectify_button.setEnabled(
            self.context.can(Permission.PROJECT_EDIT)
            and isinstance(item, CheckItemRow)
            and item.status == ItemStatus.NOT_IN_FORCE.value
            and item.rectified_on is None
        )

    # ---------------------------------------------------------------- dialogs
    def add_project(self) -> ProjectForm:
        return self._open(ProjectForm(self.context, self.service, parent=self))

    def edit_selected(self) -> ProjectForm | None:
        row = self.selected_row()
        return self.edit_row(row) if row is not None else None

    def edit_row(self, row: ProjectRow) -> ProjectForm | None:
        if not self.context.can(Permission.PROJECT_EDIT):
            return None
        try:
            current = self.service.get(row.id, today=self.today)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return None
        return self._open(ProjectForm(self.context, self.service, row=current, parent=self))

    def record_check(self) -> CheckDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        return self._open(CheckDialog(self.context, self.service, row, today=self.today, parent=self))

    def edit_checklist(self) -> ChecklistDialog | None:
        if not self.context.can(Permission.CHECKLIST_EDIT):
            return None
        return self._open(ChecklistDialog(self.context, self.service, today=self.today, parent=self))

    def _open(self, dialog: Any) -> Any:
        return open_form(self, "dialog", dialog, self._saved)

    def _saved(self, saved: Any) -> None:
        project_id = saved.id if isinstance(saved, ProjectRow) else getattr(saved, "project_id", None)
        self.model.refresh()
        self.refresh_rates()
        if project_id is not None:
            self.view.select_ids([project_id])
        self._show_checks(self.selected_row())
        if isinstance(saved, ProjectRow):
            self.status.setText(self.tr("Saved %1.").replace("%1", saved.name))
        elif isinstance(saved, CheckRow):
            self.status.setText(
                self.tr("Check of %1 recorded: item rate %2.")
                .replace("%1", saved.checked_on.isoformat()).replace("%2", format_percent(saved.item_rate))
            )
        else:
            self.status.setText(self.tr("Checklist saved."))

    def rectify_selected(self) -> bool:
        """Ask for the rectification of the selected item and record it through the runner's
        writer; True when the write has started (the lists follow when it is done)."""
        item = self.items_view.current_item()
        if not isinstance(item, CheckItemRow):
            return False
        answer = RectificationDialog.ask(self, item)
        if answer is None:
            return False
        rectified_on, evidence = answer
        check_id = self.checks_view.selected_ids()
        service, today = self.service, self.today

        def body(_progress: Any, _cancel: Any) -> None:
            service.record_rectification(item.id, rectified_on, evidence=evidence, today=today)

        def recorded(_result: None) -> None:
            self.model.refresh()
            self.refresh_rates()
            self._show_checks(self.selected_row())
            if check_id:
                self.checks_view.select_ids(check_id)
            self.status.setText(self.tr("Rectification of %1 recorded.").replace("%1", item.label))

        self.tasks.run(body, on_success=recorded, on_error=self.file_actions.failed,
                       label=self.tr("Record rectification"), parent=self, cancellable=False, writes=True)
        return True

    # ---------------------------------------------------------------- exports
    def _export(self, kind: str, path: Path) -> None:
        text, status, overdue = self._filter_values()
        as_of = self.as_of_date()
        pages = self.service.compliance_rows(as_of, text=text, status=status, overdue_only=overdue, today=self.today)
        from app.kernel.exports import ExportTrace

        trace = ExportTrace(self.context.store, self.context.actor, f"projects.compliance.{kind}", "construction_project",
                            details={"search": text, "status": status or "", "as_of": as_of.isoformat()})

        def body(progress: Any, cancel: Any) -> Any:
            if kind == "xlsx":
                from app.projects.spreadsheet import export_projects

                return export_projects(pages, path, progress=progress, cancel=cancel, trace=trace)
            from app.projects.documents import write_compliance_pdf

            return write_compliance_pdf(pages, path, progress=progress, cancel=cancel, trace=trace)

        label = self.tr("Exporting projects to Excel") if kind == "xlsx" else self.tr("Printing the compliance report")
        self.file_actions.export(body, path, label, on_success=lambda summary: self._exported(summary, path))

    def export_excel(self) -> None:
        path = files.choose_save_path(self, self.tr("Export projects to Excel"), self.tr("projects") + ".xlsx",
                                      XLSX_FILTER)
        if path is not None:
            self._export("xlsx", path)

    def export_pdf(self) -> None:
        path = files.choose_save_path(self, self.tr("Print the compliance report to PDF"),
                                      self.tr("six-system compliance") + ".pdf", PDF_FILTER)
        if path is not None:
            self._export("pdf", path)

    def _report_writer(self) -> Any:
        """(path, progress, cancel): the compliance report as filtered, as PDF (audited as printed)."""
        from app.kernel.exports import ExportTrace

        text, status, overdue = self._filter_values()
        as_of = self.as_of_date()
        pages = self.service.compliance_rows(as_of, text=text, status=status, overdue_only=overdue, today=self.today)
        trace = ExportTrace(self.context.store, self.context.actor, "projects.compliance.print", "construction_project",
                            details={"search": text, "status": status or "", "as_of": as_of.isoformat()})

        def write(path: Path, progress: Any, cancel: Any) -> Any:
            from app.projects.documents import write_compliance_pdf

            return write_compliance_pdf(pages, path, progress=progress, cancel=cancel, trace=trace)

        return write

    def preview_report(self) -> None:
        from ui.printing import preview_after_writing

        preview_after_writing(self, self.tasks, self._report_writer(), self.tr("six-system compliance"),
                              self.tr("Printing the compliance report"), self.file_actions.failed)

    def print_report(self) -> None:
        from ui.printing import print_after_writing

        print_after_writing(self, self.tasks, self._report_writer(), self.tr("six-system compliance"),
                            self.tr("Printing the compliance report"), self.file_actions.failed)

    def _exported(self, summary: ComplianceSummary, path: Path) -> None:
        self.status.setText(
            self.tr("Exported %1 projects (item rate %2) to %3.")
            .replace("%1", str(len(summary.projects)))
            .replace("%2", format_percent(summary.item_rate))
            .replace("%3", str(path))
        )

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in (self.dialog,) if d is not None]
