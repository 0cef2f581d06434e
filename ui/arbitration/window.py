"""仲裁案件: the docket (filters in SQL over a paged list), the hearing calendar,
and each opened case as a tab with its timeline and deadlines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.arbitration import service as arb
from app.arbitration.deadlines import shanghai_today
from app.arbitration.service import (
    CLOSURE_LABELS,
    PROCEDURE_LABELS,
    ArbitrationCaseService,
    DocketRow,
    tribunal_candidates,
)
from app.legal.rates import format_yuan
from ui.arbitration.application_form import ApplicationForm, zh_or_en
from ui.arbitration.case_page import CasePage
from ui.arbitration.hearing_week import HearingWeek
from ui.arbitration.minimum_wage_dialog import MinimumWageDialog
from ui.arbitration.rooms_dialog import HearingRoomsDialog
from ui.context import AppContext
from ui.file_actions import XLSX_FILTER, FileActions, FileTexts
from ui.lists import (
    KEEP_END,
    OVERDUE_RED,
    RIGHT,
    Column,
    PagedTableModel,
)
from ui.lists.filters import choice_filter, search_box
from ui.lists.register_window import Action, action_buttons, paged_list
from ui.widgets import files
from ui.widgets.deadline_calculator import DeadlineCalculator
from ui.widgets.step_dialog import from_qdate, to_qdate


class ArbitrationWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = shanghai_today) -> None:
        super().__init__(parent)
        self.setObjectName("arbitration_window")
        self.context = context
        self.today = today
        self.service = ArbitrationCaseService(context.store, context.actor, today=today)
        self.tasks = context.tasks
        self.pages: dict[int, CasePage] = {}
        self.form: ApplicationForm | None = None

        lang = context.language
        self.search = search_box(self.tr("Search by case number or party name"), self.refresh)
        self.status_filter = choice_filter("status_filter", [
            (self.tr("All"), None), (self.tr("Pending (not closed)"), "pending"),
            *((arb.status_label(key, lang), str(key)) for key in arb.STATUS_LABELS)], self.refresh)
        self.procedure_filter = choice_filter("procedure_filter", [
            (self.tr("All"), None), *((zh_or_en(pair, lang), str(key)) for key, pair in PROCEDURE_LABELS.items())],
            self.refresh)
        arbitrators = [m for m in tribunal_candidates(context.store, context.actor) if "arbitrator" in m.roles]
        self.arbitrator_filter = choice_filter("arbitrator_filter", [
            (self.tr("All"), None), *((m.name, m.id) for m in arbitrators)], self.refresh)
        self.date_kind = choice_filter("date_kind", [
            (self.tr("Any date"), None), (self.tr("Received"), "received"), (self.tr("Accepted"), "accepted"),
            (self.tr("Closed"), "closed")], self.refresh)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for name, edit, value in (("date_from", self.date_from, date(today().year, 1, 1)), ("date_to", self.date_to, today())):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(to_qdate(value))
            edit.dateChanged.connect(self.refresh)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.overdue.setObjectName("overdue_filter")
        self.overdue.toggled.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for label, widget in ((self.tr("Status:"), self.status_filter), (self.tr("Procedure:"), self.procedure_filter),
                              (self.tr("Arbitrator:"), self.arbitrator_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        dates = QHBoxLayout()
        dates.addWidget(self.date_kind)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.date_to)
        dates.addWidget(self.overdue)
        dates.addStretch(1)
        dates.addWidget(self.count_label)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        action_buttons(context, [
            Action("receive", self.tr("Receive an application"), self.receive, Permission.ARBITRATION_RECEIVE),
            Action("open", self.tr("Open case"), self.open_selected),
            Action("export_xlsx", self.tr("Export Excel"), self.export_excel),
            Action("import", self.tr("Import"), self.import_file, Permission.ARBITRATION_RECEIVE),
            Action("template", self.tr("Download template"), self.save_template),
            Action("calculator", self.tr("Deadline calculator…"), self.open_calculator),
            Action("minimum_wage", self.tr("Minimum wage…"), self.edit_minimum_wage, Permission.USER_MANAGE),
            Action("hearing_rooms", self.tr("Hearing rooms…"), self.edit_hearing_rooms, Permission.USER_MANAGE),
        ], actions, self.buttons)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        # Refusals in the message line only; the words are this window's own.
        self.file_actions = FileActions(self, context, self.message, after_import=lambda _report: self.refresh(),
                                        error_box=False, texts=FileTexts(
                                            template_saved=self.tr("Template saved: %1"),
                                            import_finished=self.tr("Import finished: %1 imported, %2 refused."),
                                            exported=self.tr("Exported %1 cases to %2.")))

        self.model: PagedTableModel[DocketRow] = PagedTableModel(self._columns(), self)
        self.view = paged_list(context.store, self.model, "docket_table", conflicts="arbitration_case")
        self.view.row_activated.connect(lambda row: self.open_case(row.id))
        self.model.count_changed.connect(lambda n: self.count_label.setText(self.tr("%n case(s)", "", n)))

        docket = QWidget()
        docket.setObjectName("docket")
        layout = QVBoxLayout(docket)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

        self.hearings = HearingWeek(context, today=today)
        self.hearings.open_case.connect(self.open_case)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._clear_messages)
        self.tabs.addTab(docket, self.tr("Docket"))
        self.tabs.addTab(self.hearings, self.tr("Hearing calendar"))
        for i in (0, 1):
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide, None)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self.refresh()

    # ---------------------------------------------------------------- the docket
    def _columns(self) -> list[Column[DocketRow]]:
        lang = self.context.language

        def status_text(r: DocketRow) -> str:
            text = arb.status_label(r.status, lang)
            return text + (f"（{zh_or_en(CLOSURE_LABELS[r.closure_method], lang)}）" if r.closure_method else "")

        return [
            Column("case_no", self.tr("Case number"), lambda r: r.case_no, width=14, fit=True, elide=KEEP_END, tooltip=lambda r: r.case_no or None),
            Column("received_on", self.tr("Received"), lambda r: r.received_on, width=6),
            Column("status", self.tr("Status"), status_text, width=7, fit=True),
            Column("applicants", self.tr("Applicant"), lambda r: r.applicants, width=6),
            Column("respondents", self.tr("Respondent"), lambda r: r.respondents, width=12,
                   tooltip=lambda r: r.respondents or None),
            Column("claimed", self.tr("Claimed (yuan)"), lambda r: format_yuan(r.claimed_fen), align=RIGHT, width=7),
            Column("next_due", self.tr("Next deadline"), lambda r: r.next_due, width=6,
                   foreground=lambda r: OVERDUE_RED if r.next_due is not None and r.next_due < self.today() else None),
            Column("chief", self.tr("Arbitrator"), lambda r: r.chief_arbitrator, width=5),
            Column("accepted_on", self.tr("Accepted"), lambda r: r.accepted_on, width=6),
            Column("closed_on", self.tr("Closed"), lambda r: r.closed_on, width=6),
        ]

    def filters(self) -> dict[str, Any]:
        status = self.status_filter.currentData()
        if status == "pending":
            status = [s for s in arb.STATUS_LABELS if s not in arb.deadlines_mod.ENDED]
        kwargs: dict[str, Any] = {
            "text": self.search.search_text,
            "status": status,
            "procedure": self.procedure_filter.currentData(),
            "arbitrator_id": self.arbitrator_filter.currentData(),
            "overdue": self.overdue.isChecked(),
        }
        kind = self.date_kind.currentData()
        if kind:
            kwargs[kind] = (from_qdate(self.date_from.date()), from_qdate(self.date_to.date()))
        return kwargs

    def refresh(self, *_args: Any) -> None:
        self.model.set_query(self.service.query(**self.filters()))

    def selected_row(self) -> DocketRow | None:
        rows = self.view.selected_rows()
        return self.model.row_at(rows[0]) if rows else None

    def open_selected(self) -> CasePage | None:
        row = self.selected_row()
        return self.open_case(row.id) if row else None

    def open_case(self, case_id: int) -> CasePage:
        page = self.pages.get(case_id)
        if page is None:
            page = CasePage(self.context, case_id, service=self.service, today=self.today)
            page.changed.connect(self._case_changed)
            self.pages[case_id] = page
            self.tabs.addTab(page, self._tab_text(page))
        self.tabs.setTabToolTip(self.tabs.indexOf(page), page.title.text())
        self.tabs.setCurrentWidget(page)
        return page

    def _clear_messages(self, *_: object) -> None:
        """A step's message belongs to the moment it was made: switching tabs clears it."""
        for page in self.pages.values():
            page.status.clear()
            page.status.setStyleSheet("")

    def _tab_text(self, page: CasePage) -> str:
        """The case number's distinguishing end (〔2023〕第13号), the full number in the tooltip;
        an application not yet numbered by the day it came in."""
        view = page.view
        if view is None or not view.case_no:
            received = view.received_on.isoformat() if view is not None else ""
            return self.tr("Application %1").replace("%1", received)
        start = view.case_no.find("〔")
        return view.case_no[start:] if start >= 0 else view.case_no[-12:]

    def _case_changed(self, case_id: int) -> None:
        page = self.pages.get(case_id)
        if page is not None:
            self.tabs.setTabText(self.tabs.indexOf(page), self._tab_text(page))
        self.refresh()
        self.hearings.reload()

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, CasePage):
            self.pages.pop(widget.case_id, None)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def receive(self) -> ApplicationForm:
        form = ApplicationForm(self.context, self, today=self.today())
        form.accepted.connect(lambda: self._received(form))
        self.form = form
        form.open()
        return form

    def _received(self, form: ApplicationForm) -> None:
        self.refresh()
        if form.saved_id is not None:
            self.open_case(form.saved_id)

    def open_calculator(self) -> DeadlineCalculator:
        dialog = DeadlineCalculator(self, language=self.context.language, today=self.today())
        self.calculator = dialog
        dialog.open()
        return dialog

    def edit_hearing_rooms(self) -> HearingRoomsDialog:
        dialog = HearingRoomsDialog(self.context, self)
        self.hearing_rooms_dialog = dialog
        dialog.finished.connect(lambda _result: self.hearings.reload())
        dialog.open()
        return dialog

    def edit_minimum_wage(self) -> MinimumWageDialog:
        dialog = MinimumWageDialog(self.context, self)
        self.minimum_wage_dialog = dialog
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- Excel
    @property
    def report_dialog(self) -> QDialog | None:
        """The import report on screen, if any."""
        return self.file_actions.report_dialog

    def export_excel(self) -> None:
        path = files.choose_save_path(self, self.tr("Export the docket to Excel"), self.tr("docket") + ".xlsx",
                                      XLSX_FILTER)
        if path is None:
            return
        from app.kernel.exports import ExportTrace

        filters = self.filters()
        query = self.service.query(**filters)
        trace = ExportTrace(self.context.store, self.context.actor, "arbitration.docket", "arbitration_case",
                            details={k: str(v) for k, v in filters.items() if v})

        def body(progress: Any, cancel: Any) -> int:
            from app.arbitration.spreadsheet import export_docket

            return export_docket(query, path, progress=progress, cancel=cancel, trace=trace)

        self.file_actions.export(body, path, self.tr("Exporting the docket"))

    def save_template(self) -> None:
        from app.arbitration.spreadsheet import write_template

        self.file_actions.template(write_template, self.tr("Save the import template"), self.tr("docket template"))

    def import_file(self) -> None:
        store, actor = self.context.store, self.context.actor

        def load(path: Any, progress: Any, cancel: Any, again: bool = False) -> Any:
            from app.arbitration.importing import import_docket
            from app.arbitration.spreadsheet import read_docket
            from app.imports.batches import source_for

            source = source_for("arbitration", path, again=again)
            total, rows = read_docket(path)
            return import_docket(store, actor, rows, total=total, progress=progress, cancel=cancel, source=source)

        self.file_actions.run_import(self.tr("Import a docket from Excel"), self.tr("Importing the docket"), load)
