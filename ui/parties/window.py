"""当事人库: the register of people and employers.

A search box and a kind filter over the paged list (ui/lists), the forms to add
and edit (ui/parties/form.py), and the Excel/PDF exports, the import and its
template — all long work through the one task runner (ui/tasks.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.accounts.permissions import Permission
from app.errors import StorageError, UserError
from app.kernel.import_report import ImportReport
from app.parties.models import PartyKind
from app.parties.service import PartyRow, PartyService
from ui.context import AppContext
from ui.file_actions import PDF_FILTER, XLSX_FILTER
from ui.lists import CENTRE, Column, PagedTableModel
from ui.lists.filters import choice_filter
from ui.lists.register_window import Action, RegisterWindow
from ui.parties.export_dialog import ExportChoiceDialog
from ui.parties.form import PartyForm
from ui.parties.labels import kind_label, org_type_label, sex_label
from ui.widgets import files


class PartiesWindow(RegisterWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "parties_window", parent)
        self.service = PartyService(context.store, context.actor)

        search = self.add_search(self.tr("Search by name, ID number or credit code"))
        self.kind = choice_filter("kind_filter", [
            (self.tr("All"), None), (self.tr("People"), PartyKind.PERSON.value),
            (self.tr("Employers"), PartyKind.ORG.value)], self.refresh)

        filters = QHBoxLayout()
        filters.addWidget(search, 1)
        filters.addWidget(QLabel(self.tr("Kind:")))
        filters.addWidget(self.kind)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)

        actions = self.action_bar([
            Action("add_person", self.tr("New person"), self.add_person, Permission.PARTY_EDIT),
            Action("add_org", self.tr("New employer"), self.add_employer, Permission.PARTY_EDIT),
            Action("edit", self.tr("Edit"), self.edit_selected, Permission.PARTY_EDIT, space_after=16),
            Action("export_xlsx", self.tr("Export Excel"), self.export_excel, Permission.PARTY_EXPORT),
            Action("export_pdf", self.tr("Export PDF"), self.export_pdf, Permission.PARTY_EXPORT),
            Action("print_preview", self.tr("Print preview"), self.preview_register, Permission.PARTY_EXPORT),
            Action("print", self.tr("Print…"), self.print_register, Permission.PARTY_EXPORT),
            Action("import", self.tr("Import"), self.import_file, Permission.PARTY_IMPORT),
            Action("template", self.tr("Download template"), self.save_template),
        ])
        model: PagedTableModel[PartyRow] = PagedTableModel(self._columns(), self)
        self.set_list(model, "parties_table", conflicts="party", on_activate=self.edit_row)
        self.lay_out(filters, actions)
        self.start(self._query, "name")

    # ---------------------------------------------------------------- the list
    def _columns(self) -> list[Column[PartyRow]]:
        return [
            Column("kind", self.tr("Kind"), lambda r: kind_label(r.kind), width=3),
            Column("name", self.tr("Name"), lambda r: r.name, sort_key="name", width=13, tooltip=lambda r: r.name),
            Column("identity_number", self.tr("ID number / credit code"), lambda r: r.identity_number, width=11),
            Column("sex", self.tr("Sex"), lambda r: sex_label(r.sex), align=CENTRE, width=3),
            Column("birth_date", self.tr("Birth date"), lambda r: r.birth_date, width=6),
            Column("phone", self.tr("Phone"), lambda r: r.phone, width=7),
            Column("is_migrant_worker", self.tr("Migrant worker"), lambda r: r.is_migrant_worker, align=CENTRE, width=4),
            Column("org_type", self.tr("Employer type"), lambda r: org_type_label(r.org_type), width=11,
                   tooltip=lambda r: org_type_label(r.org_type) or None),
            Column("legal_rep", self.tr("Legal representative"), lambda r: r.legal_rep, width=6),
        ]

    def _filters(self) -> tuple[str, str | None]:
        return self.search.search_text, self.kind.currentData()

    def _query(self, sort: str | None, descending: bool) -> Any:
        text, kind = self._filters()
        return self.service.query(text=text, kind=kind, sort=sort or "name", descending=descending)

    def count_text(self, count: int) -> str:
        return self.tr("%n parties", "", count)

    def _selection_changed(self, ids: list[Any]) -> None:
        if self.context.can(Permission.PARTY_EDIT):
            self.buttons["edit"].setEnabled(len(ids) == 1)

    def selected_row(self) -> PartyRow | None:
        item = self.selected_item()
        return item if isinstance(item, PartyRow) else None

    # ---------------------------------------------------------------- forms
    def add_person(self) -> PartyForm:
        return self.open_form(PartyForm(self.context, self.service, kind=PartyKind.PERSON.value, parent=self))

    def add_employer(self) -> PartyForm:
        return self.open_form(PartyForm(self.context, self.service, kind=PartyKind.ORG.value, parent=self))

    def edit_selected(self) -> PartyForm | None:
        row = self.selected_row()
        return self.edit_row(row) if row is not None else None

    def edit_row(self, row: PartyRow) -> PartyForm | None:
        if not self.context.can(Permission.PARTY_EDIT):
            return None
        try:
            current = self.service.get(row.id)  # the newest version, not the cached row
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return None
        return self.open_form(PartyForm(self.context, self.service, row=current, parent=self))

    def _saved(self, row: PartyRow) -> None:
        self.model.refresh()
        # Selected (and scrolled to) when it is in the current filter, wherever it sorts
        # (PagedTableModel.rows_for_ids asks the query for its position).
        self.view.select_ids([row.id])
        self.status.setText(self.tr("Saved %1.").replace("%1", row.name))

    # ---------------------------------------------------------------- files
    def export_excel(self) -> None:
        path = files.choose_save_path(self, self.tr("Export parties to Excel"), self.tr("parties") + ".xlsx", XLSX_FILTER)
        if path is None:
            return
        chosen = self._export_query("parties.xlsx")
        if chosen is None:
            return
        query, trace = chosen

        def body(progress: Any, cancel: Any) -> int:
            from app.parties.spreadsheet import export_parties

            return int(export_parties(query, path, progress=progress, cancel=cancel, trace=trace))

        self.file_actions.export(body, path, self.tr("Exporting parties to Excel"))

    def export_pdf(self) -> None:
        path = files.choose_save_path(self, self.tr("Print the register to PDF"), self.tr("parties") + ".pdf", PDF_FILTER)
        if path is None:
            return
        chosen = self._export_query("parties.pdf")
        if chosen is None:
            return
        query, trace = chosen
        title = self.tr("Register of parties")

        def body(progress: Any, cancel: Any) -> int:
            from app.parties.documents import write_party_register_pdf

            return int(write_party_register_pdf(query, path, progress=progress, cancel=cancel, title=title,
                                                trace=trace))

        self.file_actions.export(body, path, self.tr("Printing the register to PDF"))

    def _register_writer(self, export: str) -> Any:
        """(path, progress, cancel) -> rows: the register as filtered, as PDF; None if the user cancelled."""
        chosen = self._export_query(export)
        if chosen is None:
            return None
        query, trace = chosen
        title = self.tr("Register of parties")

        def write(path: Path, progress: Any, cancel: Any) -> int:
            from app.parties.documents import write_party_register_pdf

            return int(write_party_register_pdf(query, path, progress=progress, cancel=cancel, title=title,
                                                trace=trace))

        return write

    def preview_register(self) -> None:
        from ui.printing import preview_after_writing

        write = self._register_writer("parties.print")
        if write is not None:
            preview_after_writing(self, self.tasks, write, self.tr("parties"), self.tr("Printing the register"),
                                  self.file_actions.failed)

    def print_register(self) -> None:
        from ui.printing import print_after_writing

        write = self._register_writer("parties.print")
        if write is not None:
            print_after_writing(self, self.tasks, write, self.tr("parties"), self.tr("Printing the register"),
                                self.file_actions.failed)

    def _export_query(self, export: str) -> Any:
        """The rows to export as filtered — masked, or in full for a user who may and says why —
        and the export's audit trace.

        None when the user cancelled or was refused (the reason is shown)."""
        from app.kernel.exports import ExportTrace

        full, reason = False, ""
        if self.context.can(Permission.PERSONAL_DATA_EXPORT_FULL):
            choice = ExportChoiceDialog.ask(self)
            if choice is None:
                return None
            full, reason = choice
        text, kind = self._filters()
        try:
            query = self.service.query_for_export(text=text, kind=kind, full=full, reason=reason)
        except (UserError, StorageError) as err:
            self.file_actions.tell(err)
            return None
        trace = ExportTrace(self.context.store, self.context.actor, export, "party", full=full, reason=reason.strip(),
                            details={"search": text, "kind": kind or ""})
        return query, trace

    def save_template(self) -> None:
        from app.parties.spreadsheet import write_template

        self.file_actions.template(write_template, self.tr("Save the import template"), self.tr("parties import template"))

    def import_file(self) -> None:
        service = self.service

        def load(path: Path, progress: Any, cancel: Any, again: bool = False) -> ImportReport:
            from app.imports.batches import source_for
            from app.parties.spreadsheet import read_records

            source = source_for("parties", path, again=again)
            total, records = read_records(path)
            return service.import_records(records, total=total, progress=progress, cancel=cancel, source=source)

        self.file_actions.run_import(self.tr("Import parties from Excel"), self.tr("Importing parties"), load)
