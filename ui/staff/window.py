"""执法人员: the roster with each officer's best certificate and its state on a date.

A search box, a "show" filter (all / valid on the date / expiring within 60
days / expired / without a valid certificate) and the date it applies to, over
the paged list (ui/lists).  Rows expiring within 60 days are amber, expired
ones red-ish (ui/staff/roster_model.py).  The officer form (ui/staff/form.py)
holds the certificates and reviews.  The Excel export, the 执法公示 PDF, the
import and its template run through the one task runner (ui/tasks.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.kernel.import_report import ImportReport
from app.staff.service import WARNING_DAYS, OfficerRow, RosterFilter, StaffService
from ui.context import AppContext
from ui.file_actions import PDF_FILTER, XLSX_FILTER
from ui.lists import CENTRE, Column
from ui.lists.filters import choice_filter
from ui.lists.register_window import Action, RegisterWindow
from ui.staff.form import OfficerForm
from ui.staff.labels import cert_type_label, status_label
from ui.staff.roster_model import RosterModel
from ui.widgets import files
from ui.widgets.date_field import DateField


class StaffWindow(RegisterWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "staff_window", parent)
        self.service = StaffService(context.store, context.actor)

        search = self.add_search(self.tr("Search by name or certificate number"))
        self.show_filter = choice_filter("show_filter", [
            (self.tr("Everyone"), RosterFilter.ALL.value),
            (self.tr("Valid on the date"), RosterFilter.VALID.value),
            (self.tr("Expiring within %1 days").replace("%1", str(WARNING_DAYS)), RosterFilter.EXPIRING.value),
            (self.tr("Expired"), RosterFilter.EXPIRED.value),
            (self.tr("Without a valid certificate"), RosterFilter.NO_VALID.value),
        ], self.refresh)
        self.as_of = DateField()
        self.as_of.setObjectName("as_of")
        self.as_of.setToolTip(self.tr("The status, the highlight and the filter apply to this date"))
        self.as_of.dateChanged.connect(self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(search, 1)
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.show_filter)
        filters.addWidget(QLabel(self.tr("On:")))
        filters.addWidget(self.as_of)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)

        actions = self.action_bar([
            Action("add", self.tr("New officer"), self.add_officer, Permission.STAFF_EDIT),
            Action("edit", self.tr("Open"), self.open_selected, Permission.STAFF_VIEW, space_after=16),
            Action("export_xlsx", self.tr("Export Excel"), self.export_excel, Permission.STAFF_VIEW),
            Action("public_pdf", self.tr("Print public roster (PDF)"), self.print_public_roster, Permission.STAFF_VIEW),
            Action("public_preview", self.tr("Print preview of the public roster"), self.preview_public_roster,
                   Permission.STAFF_VIEW),
            Action("public_print", self.tr("Print…"), self.print_public_roster_now, Permission.STAFF_VIEW),
            Action("import", self.tr("Import"), self.import_file, Permission.STAFF_EDIT),
            Action("template", self.tr("Download template"), self.save_template),
        ])
        self.legend = QLabel(
            self.tr("Amber: expires within %1 days · red: expired").replace("%1", str(WARNING_DAYS))
        )
        self.legend.setObjectName("legend")
        actions.addWidget(self.legend)

        self.set_list(RosterModel(self._columns(), self), "staff_table", conflicts="officer", on_activate=self.open_row)
        self.lay_out(filters, actions)
        self.start(self._query, "name")

    # ---------------------------------------------------------------- the list
    def _columns(self) -> list[Column[OfficerRow]]:
        def cert(attr: str) -> Any:
            return lambda r: getattr(r.certificate, attr) if r.certificate else None

        # Widths in characters (the staffing type is in the form and the export): the columns fit the area at 1280 px; the status is last and stretches.
        return [
            Column("name", self.tr("Name"), lambda r: r.name, sort_key="name", width=4),
            Column("section", self.tr("Section"), lambda r: r.section or r.unit, width=8),
            Column("post", self.tr("Post"), lambda r: r.post, width=5),
            Column("qualification", self.tr("Legal qual."), lambda r: r.has_legal_qualification, align=CENTRE,
                   width=5),
            Column("cert_type", self.tr("Certificate"), lambda r: cert_type_label(cert("cert_type")(r)), width=7),
            Column("cert_number", self.tr("Certificate no."), cert("number"), width=7),
            Column("category", self.tr("Category"), cert("category"), width=7, tooltip=cert("category")),
            Column("expiry", self.tr("Valid until"), cert("expiry_date"), sort_key="expiry", width=5),
            Column("on_roster", self.tr("In post"), lambda r: r.on_roster, align=CENTRE, width=2),
            Column("status", self.tr("Status"), self._status_text, width=6),
        ]

    def _status_text(self, row: OfficerRow) -> str:
        text = status_label(row.status)
        if row.expiring and row.days_left is not None:
            return self.tr("%1, %2 days left").replace("%1", text).replace("%2", str(row.days_left))
        return text

    def _filters(self) -> tuple[str, date, str]:
        return self.search.search_text, self.as_of.value() or bureau_today(), self.show_filter.currentData()

    def _query(self, sort: str | None, descending: bool) -> Any:
        text, day, show = self._filters()
        return self.service.query(text=text, as_of=day, show=show, sort=sort or "name", descending=descending)

    def count_text(self, count: int) -> str:
        return self.tr("%n officers", "", count)

    def _selection_changed(self, ids: list[Any]) -> None:
        self.buttons["edit"].setEnabled(len(ids) == 1)

    def selected_row(self) -> OfficerRow | None:
        item = self.selected_item()
        return item if isinstance(item, OfficerRow) else None

    def set_filter(self, show: RosterFilter | str, on: date | None = None) -> None:
        """Choose what to show and for which date (as the clerk does with the two controls)."""
        if on is not None:
            self.as_of.set_value(on)
        self.show_filter.setCurrentIndex(max(self.show_filter.findData(RosterFilter(show).value), 0))

    # ---------------------------------------------------------------- the form
    def add_officer(self) -> OfficerForm:
        return self.open_form(OfficerForm(self.context, self.service, parent=self))

    def open_selected(self) -> OfficerForm | None:
        row = self.selected_row()
        return self.open_row(row) if row is not None else None

    def open_row(self, row: OfficerRow) -> OfficerForm | None:
        try:
            detail = self.service.get(row.id)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return None
        return self.open_form(OfficerForm(self.context, self.service, detail=detail, parent=self))

    def _saved(self, row: OfficerRow) -> None:
        self.model.refresh()
        if not self.view.select_ids([row.id]):
            self.status.setText(self.tr("Saved %1 (not in the current filter).").replace("%1", row.name))
        else:
            self.status.setText(self.tr("Saved %1.").replace("%1", row.name))

    # ---------------------------------------------------------------- files
    def export_excel(self) -> None:
        path = files.choose_save_path(self, self.tr("Export the roster to Excel"),
                                      self.tr("enforcement staff") + ".xlsx", XLSX_FILTER)
        if path is None:
            return
        from app.kernel.exports import ExportTrace

        text, day, show = self._filters()
        service = self.service
        trace = ExportTrace(self.context.store, self.context.actor, "staff.roster", "officer",
                            details={"search": text, "as_of": day.isoformat(), "show": str(show)})

        def body(progress: Any, cancel: Any) -> int:
            from app.staff.spreadsheet import export_roster

            lines = service.certificates_for_export(text=text, as_of=day, show=show)
            return int(export_roster(lines, path, as_of=day, progress=progress, cancel=cancel, trace=trace))

        self.file_actions.export(body, path, self.tr("Exporting the roster to Excel"))

    def _public_roster_writer(self) -> Any:
        """(path, progress, cancel) -> rows: the public roster as of the chosen day, as PDF.

        The bureau's name and the roster come from the services inside the task body."""
        from app.kernel.exports import ExportTrace
        from app.kernel.settings import SettingsService

        _text, day, _show = self._filters()
        service = self.service
        store = self.context.store
        settings = SettingsService(store, self.context.actor)
        trace = ExportTrace(store, self.context.actor, "staff.public_roster", "officer", details={"as_of": day.isoformat()})

        def write(path: Path, progress: Any, cancel: Any) -> int:
            from app.staff.documents import write_public_roster_pdf

            organisation = (settings.get("organisation") or {}).get("bureau", "")
            entries = service.public_roster(day)
            return int(write_public_roster_pdf(entries, path, as_of=day, organisation=organisation,
                                               progress=progress, cancel=cancel, trace=trace))

        return write

    def preview_public_roster(self) -> None:
        from ui.printing import preview_after_writing

        preview_after_writing(self, self.tasks, self._public_roster_writer(), self.tr("public roster of enforcement staff"),
                              self.tr("Printing the public roster"), self.file_actions.failed)

    def print_public_roster_now(self) -> None:
        from ui.printing import print_after_writing

        print_after_writing(self, self.tasks, self._public_roster_writer(), self.tr("public roster of enforcement staff"),
                            self.tr("Printing the public roster"), self.file_actions.failed)

    def print_public_roster(self) -> None:
        path = files.choose_save_path(self, self.tr("Print the public roster to PDF"),
                                      self.tr("public roster of enforcement staff") + ".pdf", PDF_FILTER)
        if path is None:
            return
        write = self._public_roster_writer()

        def body(progress: Any, cancel: Any) -> int:
            return int(write(path, progress, cancel))

        self.file_actions.export(body, path, self.tr("Printing the public roster"))

    def save_template(self) -> None:
        from app.staff.spreadsheet import write_template

        self.file_actions.template(write_template, self.tr("Save the import template"), self.tr("staff roster import template"))

    def import_file(self) -> None:
        service = self.service

        def load(path: Path, progress: Any, cancel: Any, again: bool = False) -> ImportReport:
            from app.imports.batches import source_for
            from app.staff.spreadsheet import read_records

            source = source_for("staff", path, again=again)
            total, records = read_records(path)
            return service.import_records(records, total=total, progress=progress, cancel=cancel, source=source)

        self.file_actions.run_import(self.tr("Import the roster from Excel"), self.tr("Importing the roster"), load)
