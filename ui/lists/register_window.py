"""The register window: filters over a paged list, an action bar, file actions and a form.

A register (当事人库, 执法人员, …) declares what is its own — its filters, its columns,
its actions as `Action` specs, its forms — and inherits the wiring:

    class PartiesWindow(RegisterWindow):
        def __init__(self, context, parent=None):
            super().__init__(context, "parties_window", parent)
            search = self.add_search(self.tr("Search by name …"))
            …
            actions = self.action_bar([Action("add", self.tr("New"), self.add, Permission.PARTY_EDIT), …])
            model = PagedTableModel(self._columns(), self)
            self.set_list(model, "parties_table", conflicts="party", on_activate=self.edit_row)
            self.lay_out(filters, actions)
            self.start(self._query, "name")

* `action_buttons` (a window's `action_bar`) is the one permission-gated button loop:
  a button the user may not press is disabled and says which permission it needs.
  Windows that are not registers (arbitration, complaints, projects, mediation) use it,
  `paged_list` and `open_form` on their own; the filters come from ui/lists/filters.py.
* `self.file_actions` is the window's `FileActions` (ui/file_actions.py): template, import,
  export and the words after each; a failed task is told by `self.file_actions.failed`.
  After an import the list refreshes and selects the first imported row.
* `open_form` opens a form window-modal and non-blocking and refreshes nothing by
  itself: the form's `saved` signal goes to the window's `_saved`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.kernel.import_report import ImportReport
from app.store.engine import Store
from ui.context import AppContext
from ui.file_actions import FileActions
from ui.lists.conflict_marks import mark_conflicts
from ui.lists.filters import search_box
from ui.lists.paged_model import PagedTableModel
from ui.lists.search_box import SearchBox
from ui.lists.table_view import PagedTableView


@dataclass(frozen=True)
class Action:
    """One button of an action bar: its object name, text, slot and the permission it needs."""

    key: str
    text: str
    slot: Callable[[], Any]
    permission: Permission | None = None
    space_after: int = 0  # a gap (px) after the button, to set a group apart


def action_buttons(context: AppContext, actions: Iterable[Action], layout: QBoxLayout,
                   buttons: dict[str, QPushButton]) -> None:
    """Add a button per action to `layout` (and to `buttons`, by key); disable, with a tooltip
    naming the permission, those the signed-in user may not use."""
    for action in actions:
        button = QPushButton(action.text)
        button.setObjectName(action.key)
        button.clicked.connect(action.slot)
        if action.permission is not None and not context.can(action.permission):
            button.setEnabled(False)
            button.setToolTip(context.missing_permission_tip(action.permission))
        buttons[action.key] = button
        layout.addWidget(button)
        if action.space_after:
            layout.addSpacing(action.space_after)


def paged_list(store: Store, model: PagedTableModel[Any], name: str, *, conflicts: str) -> PagedTableView:
    """A paged view (object name `name`) over `model`, whose rows of table `conflicts` that
    have an open conflict between sites are marked."""
    mark_conflicts(model, store, conflicts)
    view = PagedTableView()
    view.setObjectName(name)
    view.setModel(model)
    return view


def open_form(owner: QWidget, attribute: str, form: Any, on_saved: Callable[[Any], Any]) -> Any:
    """Open `form` window-modal and non-blocking, held as `owner.<attribute>` while it is open:
    the list behind stays responsive to the form's `saved` signal (→ `on_saved`)."""
    setattr(owner, attribute, form)
    form.saved.connect(on_saved)

    def closed(_result: int) -> None:
        if getattr(owner, attribute, None) is form:
            setattr(owner, attribute, None)
        form.deleteLater()

    form.finished.connect(closed)
    form.open()
    return form


class RegisterWindow(QWidget):
    """The wiring every register window shares (see the module's docstring)."""

    model: PagedTableModel[Any]
    view: PagedTableView
    search: SearchBox

    def __init__(self, context: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.context = context
        self.tasks = context.tasks
        self.form: QDialog | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.file_actions = FileActions(self, context, self.status, after_import=self.after_import)

    @property
    def report_dialog(self) -> QDialog | None:
        """The import report on screen, if any."""
        return self.file_actions.report_dialog

    @property
    def message_box(self) -> QMessageBox | None:
        """The last refusal's message box."""
        return self.file_actions.message_box

    # ---------------------------------------------------------------- building
    def add_search(self, placeholder: str) -> SearchBox:
        """The search box (object name "search"); typing refreshes the list."""
        self.search = search_box(placeholder, self.refresh)
        return self.search

    def action_bar(self, actions: Sequence[Action]) -> QHBoxLayout:
        """The buttons in a row, left-aligned (more widgets may follow the stretch)."""
        row = QHBoxLayout()
        action_buttons(self.context, actions, row, self.buttons)
        row.addStretch(1)
        return row

    def set_list(self, model: PagedTableModel[Any], name: str, *, conflicts: str,
                 on_activate: Callable[[Any], Any]) -> PagedTableView:
        """The paged list: rows of table `conflicts` with an open conflict marked; a
        double-click or Enter calls `on_activate(row)`; the count follows the query."""
        self.model = model
        self.view = paged_list(self.context.store, model, name, conflicts=conflicts)
        self.view.row_activated.connect(on_activate)
        self.view.selection_changed_ids.connect(self._selection_changed)
        model.count_changed.connect(lambda count: self.count_label.setText(self.count_text(count)))
        return self.view

    def lay_out(self, *rows: QLayout) -> None:
        """The rows (filters, actions) above the list, the status line below it."""
        layout = QVBoxLayout(self)
        for row in rows:
            layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def start(self, query: Callable[[str | None, bool], Any], initial_sort: str) -> None:
        """Give the list its query and show the first page."""
        self.model.set_query_factory(query)
        self.model.set_initial_sort(initial_sort)
        self._selection_changed([])

    # ---------------------------------------------------------------- the list
    def count_text(self, count: int) -> str:
        """The words beside the filters for `count` rows (override)."""
        return str(count)

    def _selection_changed(self, ids: list[Any]) -> None:
        """Enable what needs a selection (override)."""

    def refresh(self, *_args: Any) -> None:
        self.model.refresh()

    def selected_item(self) -> Any:
        return self.view.current_item()

    # ---------------------------------------------------------------- forms
    def open_form(self, form: Any) -> Any:
        """Open `form` as `self.form` (see open_form); what it saves goes to `_saved`."""
        return open_form(self, "form", form, self._saved)

    def _saved(self, row: Any) -> None:
        """A form saved `row` (override)."""
        self.model.refresh()

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in (self.form, self.report_dialog) if d is not None]

    # ---------------------------------------------------------------- files
    def after_import(self, report: ImportReport) -> None:
        self.model.refresh()
        if report.imported_ids:
            self.view.select_ids(report.imported_ids[:1])
