"""投诉受理: the complaints list (paged, filtered in SQL), intake and the case page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.complaints import rules
from app.complaints.service import ComplaintRow, ComplaintService, LedgerRow, PaymentRow
from app.errors import StorageError, UserError
from app.legal.rates import format_yuan
from ui.complaints.case_page import ComplaintCasePage
from ui.complaints.intake_form import IntakeForm
from ui.context import AppContext
from ui.file_actions import XLSX_FILTER, FileActions, FileTexts
from ui.lists import (
    CENTRE,
    KEEP_END,
    OVERDUE_RED,
    RIGHT,
    Column,
    PagedTableModel,
    PagedTableView,
)
from ui.lists.filters import choice_filter, search_box
from ui.lists.register_window import Action, action_buttons, open_form, paged_list
from ui.widgets.naming import named
from ui.widgets.optional_date import OptionalDateEdit


class ComplaintsWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaints_window")
        self.context = context
        self.language = context.language
        self.service = ComplaintService(context.store, context.actor)
        self.tasks = context.tasks
        self.form: IntakeForm | None = None
        self.case: ComplaintCasePage | None = None

        self.search = search_box(self.tr("Search by number, employer, worker name or ID number"), self.refresh)
        self.status_filter = choice_filter("status_filter", [
            (self.tr("All states"), None), (self.tr("Open"), "__open__"),
            *((rules.label(rules.STATUS_LABELS, code, self.language), str(code)) for code in rules.STATUS_LABELS)],
            self.refresh)
        self.channel_filter = choice_filter("channel_filter", [
            (self.tr("All channels"), None),
            *((rules.label(rules.CHANNEL_LABELS, code, self.language), str(code)) for code in rules.CHANNEL_LABELS)],
            self.refresh)
        self.date_from = OptionalDateEdit()
        self.date_from.setObjectName("date_from")
        self.date_to = OptionalDateEdit()
        self.date_to.setObjectName("date_to")
        self.overdue = named(QCheckBox(self.tr("Overdue only")), "overdue_only")
        from app.parties.service import PartyService
        from ui.widgets.party_picker import PartyPicker

        self.employer_filter = PartyPicker(PartyService(context.store, context.actor))
        self.employer_filter.setObjectName("employer_filter")
        self.employer_filter.changed.connect(self.refresh)
        self.project_filter = named(QComboBox(), "project_filter")
        self.project_filter.addItem(self.tr("All projects"), None)
        try:
            from app.projects.service import ProjectService

            for project in ProjectService(context.store, context.actor).query().page(0, 500):
                self.project_filter.addItem(project.name, project.id)
        except (UserError, StorageError):
            pass
        self.project_filter.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.count_label = named(QLabel(), "count")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.channel_filter)
        filters.addWidget(QLabel(self.tr("Received")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.overdue)
        filters.addWidget(self.count_label)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Employer")))
        second.addWidget(self.employer_filter, 2)
        second.addWidget(QLabel(self.tr("Project")))
        second.addWidget(self.project_filter, 1)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        action_buttons(context, [
            Action("register", self.tr("Register a complaint"), self.register, Permission.COMPLAINT_REGISTER),
            Action("open", self.tr("Open the case"), self.open_selected, Permission.COMPLAINT_VIEW),
            Action("employer", self.tr("By employer"), self.employer_view, Permission.COMPLAINT_VIEW),
            Action("export_list", self.tr("Export list"), lambda: self.export("list"), Permission.COMPLAINT_EXPORT),
            Action("export_ledger", self.tr("Export recovery ledger"), lambda: self.export("ledger"),
                   Permission.COMPLAINT_EXPORT),
            Action("import", self.tr("Import ledger"), self.import_file, Permission.COMPLAINT_IMPORT),
            Action("template", self.tr("Download template"), self.save_template, Permission.COMPLAINT_VIEW),
        ], actions, self.buttons)
        actions.addStretch(1)
        self.status = named(QLabel(), "status")
        self.status.setWordWrap(True)
        # Refusals in the status line only; the report only when rows were refused.
        self.file_actions = FileActions(self, context, self.status, after_import=self._imported, error_box=False,
                                        report_only_if_refused=True, texts=FileTexts(
                                            template_saved=self.tr("Template saved to %1."),
                                            import_finished=self.tr("Import finished: %1 imported, %2 refused."),
                                            exported=self.tr("Exported %1 rows to %2.")))

        self.model: PagedTableModel[ComplaintRow] = PagedTableModel(self._columns(), self)
        self.view = paged_list(context.store, self.model, "complaints_table", conflicts="complaint")
        self.view.row_activated.connect(self.open_row)
        self.model.count_changed.connect(self._show_count)

        self.actions_layout = actions
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(second)
        layout.addLayout(actions)
        layout.addWidget(self._tabs(), 1)
        layout.addWidget(self.status)
        self.model.set_initial_sort("received", descending=True)  # before the factory: its first query
        self.model.set_query_factory(self._query)

    def _tabs(self) -> QTabWidget:
        """The complaints, and every payment recorded (wages actually recovered)."""
        self.tabs = named(QTabWidget(), "lists")
        self.tabs.addTab(self.view, self.tr("Complaints"))
        page = QWidget()
        self.paid_from = OptionalDateEdit()
        self.paid_from.setObjectName("paid_from")
        self.paid_to = OptionalDateEdit()
        self.paid_to.setObjectName("paid_to")
        self.paid_total = named(QLabel(), "paid_count")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Paid between")))
        row.addWidget(self.paid_from)
        row.addWidget(QLabel("—"))
        row.addWidget(self.paid_to)
        row.addWidget(self.paid_total)
        row.addStretch(1)
        self.payments_model: PagedTableModel[PaymentRow] = PagedTableModel([
            Column("paid_on", self.tr("Paid on"), lambda r: r.paid_on, sort_key="paid_on", width=6),
            Column("worker", self.tr("Worker"), lambda r: r.worker, width=5),
            Column("id_no", self.tr("ID number"), lambda r: r.id_no, width=10),
            Column("amount", self.tr("Amount"), lambda r: format_yuan(r.amount_fen), align=RIGHT, width=7),
            Column("method", self.tr("Method"), lambda r: r.method, width=6),
            Column("employer", self.tr("Employer"), lambda r: r.employer, width=14),
            Column("number", self.tr("Number"), lambda r: r.number, width=16, fit=True, elide=KEEP_END),
        ], self)
        self.payments_view = PagedTableView()
        self.payments_view.setObjectName("payments_table")
        self.payments_view.setModel(self.payments_model)
        self.payments_model.count_changed.connect(
            lambda n: self.paid_total.setText(self.tr("%n payments", "", n)))
        self.payments_model.set_initial_sort("paid_on", descending=True)
        self.payments_model.set_query_factory(self._payments_query)
        for edit in (self.paid_from, self.paid_to):
            edit.dateChanged.connect(lambda *_: self.payments_model.refresh())
        box = QVBoxLayout(page)
        box.addLayout(row)
        box.addWidget(self.payments_view, 1)
        self.tabs.addTab(page, self.tr("Payments"))
        self.ledger_model: PagedTableModel[LedgerRow] = PagedTableModel([
            Column("number", self.tr("Number"), lambda r: r.number, width=16, fit=True, elide=KEEP_END),
            Column("received", self.tr("Received"), lambda r: r.received_on, sort_key="received", width=6),
            Column("employers", self.tr("Employer"), lambda r: r.employers, width=14),
            Column("worker", self.tr("Worker"), lambda r: r.worker, width=5),
            Column("id_no", self.tr("ID number"), lambda r: r.id_no, width=10),
            Column("migrant", self.tr("Migrant worker"), lambda r: r.is_migrant_worker, align=CENTRE, width=4),
            Column("owed", self.tr("Owed"), lambda r: format_yuan(r.owed_fen), align=RIGHT, width=7),
            Column("recovered", self.tr("Recovered"), lambda r: format_yuan(r.recovered_fen), align=RIGHT, width=7),
            Column("outstanding", self.tr("Outstanding"), lambda r: format_yuan(r.outstanding_fen), align=RIGHT, width=7),
            Column("status", self.tr("State"), lambda r: rules.label(rules.STATUS_LABELS, r.status, self.language), width=6, fit=True),
        ], self, row_id=lambda r: (r.complaint_id, r.worker, r.id_no))
        self.ledger_view = PagedTableView()
        self.ledger_view.setObjectName("ledger_table")
        self.ledger_view.setModel(self.ledger_model)
        self.ledger_model.set_initial_sort("received", descending=True)
        self.ledger_model.set_query_factory(lambda _s, d: self.service.ledger(descending=d, **self.filters()))
        self.tabs.addTab(self.ledger_view, self.tr("Workers (recovery ledger)"))
        return self.tabs

    def _payments_query(self, _sort: str | None, descending: bool) -> Any:
        return self.service.payments(paid_from=self.paid_from.value(), paid_to=self.paid_to.value(),
                                     text=self.search.search_text, descending=descending)

    # ---------------------------------------------------------------- the list
    def _columns(self) -> list[Column[ComplaintRow]]:
        lang = self.language

        def overdue(r: ComplaintRow) -> Any:
            return OVERDUE_RED if r.overdue else None

        return [
            Column("number", self.tr("Number"), lambda r: r.number, width=16, tooltip=lambda r: r.case_no or None),
            Column("kind", self.tr("Kind"), lambda r: rules.label(rules.KIND_LABELS, r.kind, lang), width=3),
            Column("channel", self.tr("Channel"), lambda r: rules.label(rules.CHANNEL_LABELS, r.channel, lang), width=7),
            Column("received", self.tr("Received"), lambda r: r.received_on, sort_key="received", width=6),
            Column("complainant", self.tr("Complainant"), lambda r: r.complainant, width=5),
            Column("employers", self.tr("Employer"), lambda r: r.employers, width=14, tooltip=lambda r: r.employers),
            Column("workers", self.tr("Workers"), lambda r: r.workers, align=RIGHT, width=3),
            Column("owed", self.tr("Owed"), lambda r: format_yuan(r.owed_fen), align=RIGHT, width=7),
            Column("recovered", self.tr("Recovered"), lambda r: format_yuan(r.recovered_fen), align=RIGHT, width=7),
            Column("status", self.tr("State"), lambda r: rules.label(rules.STATUS_LABELS, r.status, lang), width=6, fit=True),
            Column("next_due", self.tr("Due"), lambda r: r.next_due, width=6, foreground=overdue),
        ]

    def filters(self) -> dict[str, Any]:
        status = self.status_filter.currentData()
        return {
            "text": self.search.search_text,
            "status": None if status in (None, "__open__") else status,
            "open_only": status == "__open__",
            "channel": self.channel_filter.currentData(),
            "received_from": self.date_from.value(),
            "received_to": self.date_to.value(),
            "overdue_only": self.overdue.isChecked(),
            "employer_id": self.employer_filter.party_id(),
            "project_id": self.project_filter.currentData(),
        }

    def _query(self, _sort: str | None, descending: bool) -> Any:
        return self.service.query(descending=descending, **self.filters())

    def refresh(self, *_args: Any) -> None:
        self.model.refresh()
        if hasattr(self, "payments_model"):
            self.payments_model.refresh()
        if hasattr(self, "ledger_model"):
            self.ledger_model.refresh()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n complaints", "", count))

    # ---------------------------------------------------------------- intake and case
    def register(self) -> IntakeForm:
        return open_form(self, "form", IntakeForm(self.context, self.service, self), self._registered)

    def _registered(self, detail: Any) -> None:
        self.model.refresh()
        self.view.select_ids([detail.id])
        self.status.setText(self.tr("Registered %1.").replace("%1", detail.number))

    def open_selected(self) -> ComplaintCasePage | None:
        item = self.view.current_item()
        return self.open_row(item) if isinstance(item, ComplaintRow) else None

    def open_row(self, row: ComplaintRow) -> ComplaintCasePage | None:
        return self.open_case(row.id)

    def open_case(self, complaint_id: int) -> ComplaintCasePage | None:
        try:
            page = ComplaintCasePage(self.context, self.service, complaint_id, self)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return None
        self.case = page
        page.changed.connect(lambda _d: self.refresh())
        page.finished.connect(lambda _r, p=page: self._case_closed(p))
        page.open()
        return page

    def _case_closed(self, page: ComplaintCasePage) -> None:
        if self.case is page:
            self.case = None
        page.deleteLater()

    # ---------------------------------------------------------------- views and files
    def employer_view(self) -> Any:
        item = self.view.current_item()
        if not isinstance(item, ComplaintRow):
            return None
        from ui.complaints.group_view import ComplaintGroupView

        detail = self.service.get(item.id)
        if not detail.employers:
            return None
        view = ComplaintGroupView(self.context, self.service, employer_id=detail.employers[0].party_id, parent=self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        self.group_view = view
        return view

    def export(self, sheet: str) -> None:
        from ui.widgets import files

        name = self.tr("complaints") if sheet == "list" else self.tr("wage recovery ledger")
        path = files.choose_save_path(self, self.tr("Export to Excel"), name + ".xlsx", XLSX_FILTER)
        if path is None:
            return
        filters = self.filters()
        try:
            query = self.service.query(**filters) if sheet == "list" else self.service.ledger(**filters)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return

        from app.kernel.exports import ExportTrace

        trace = ExportTrace(self.context.store, self.context.actor, f"complaints.{sheet}", "complaint",
                            details={k: str(v) for k, v in filters.items() if v})

        def body(progress: Any, cancel: Any) -> int:
            from app.complaints.spreadsheet import export_complaints, export_ledger

            write = export_complaints if sheet == "list" else export_ledger
            return int(write(query, path, progress=progress, cancel=cancel, trace=trace))

        self.file_actions.export(body, path, self.tr("Exporting to Excel"))

    @property
    def report_dialog(self) -> QDialog | None:
        """The import report on screen, if any."""
        return self.file_actions.report_dialog

    def save_template(self) -> None:
        from app.complaints.spreadsheet import write_template

        self.file_actions.template(write_template, self.tr("Save the import template"),
                                   self.tr("complaints ledger template"))

    def import_file(self) -> None:
        service = self.service

        def load(path: Any, progress: Any, cancel: Any, again: bool = False) -> Any:
            from app.complaints.spreadsheet import import_ledger_file

            report, _read = import_ledger_file(service, path, progress=progress, cancel=cancel, again=again)
            return report

        self.file_actions.run_import(self.tr("Import a complaints ledger"), self.tr("Importing complaints"), load)

    def _imported(self, report: Any) -> None:
        self.model.refresh()
        self.last_report = report
