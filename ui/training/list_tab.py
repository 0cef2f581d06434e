"""What the 学习培训 and 考试 tabs share: the search, the year and the count over the list;
New / Open / Delete (each greyed with the missing permission as its tip); the paged list;
the one form open at a time; asking before a delete; and telling the clerk a refusal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.staff.service import StaffService
from app.training.service import TrainingService
from ui.context import AppContext
from ui.errors import show_user_error
from ui.lists import Column, PagedTableModel, PagedTableView, SearchBox

ALL_YEARS = 0


class ConfirmDelete:
    """The one seam tests patch: ask before deleting."""

    @staticmethod
    def ask(parent: QWidget, question: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("ConfirmDelete", "Delete"), question)
        return answer == QMessageBox.StandardButton.Yes


class TrainingListTab(QWidget):
    """A list of records of one kind (sessions or exams) with its form.  A tab says what it
    lists (`_columns`, `_query`, `row_type`), how to read and open one (`_read`, `_make_form`),
    how to delete one (`_delete`, `_delete_question`) and what to say after a save."""

    row_type: type
    table_name: str

    def __init__(self, context: AppContext, parent: QWidget | None, *, search_hint: str, add_text: str) -> None:
        super().__init__(parent)
        self.context = context
        self.service = TrainingService(context.store, context.actor)
        self.staff = StaffService(context.store, context.actor)
        self.form: Any = None
        self.message_box: QMessageBox | None = None

        self.search = SearchBox()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(search_hint)
        self.search.search_changed.connect(self.refresh)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(ALL_YEARS, 2100)
        self.year.setSpecialValueText(QCoreApplication.translate("TrainingListTab", "All years"))
        self.year.setValue(bureau_today().year)
        self.year.valueChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        # hidden with the box when the window's one year rules
        self.year_label = QLabel(QCoreApplication.translate("TrainingListTab", "Year:"))
        filters.addWidget(self.year_label)
        filters.addWidget(self.year)
        for widget in self._more_filters():
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot, permission in (
            ("add", add_text, self.add_record, Permission.TRAINING_EDIT),
            ("open", QCoreApplication.translate("TrainingListTab", "Open"), self.open_selected,
             Permission.TRAINING_VIEW),
            ("delete", QCoreApplication.translate("TrainingListTab", "Delete"), self.delete_selected,
             Permission.TRAINING_EDIT),
        ):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            if not context.can(permission):
                button.setEnabled(False)
                button.setToolTip(context.missing_permission_tip(permission))
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("status")

        self.model: PagedTableModel[Any] = PagedTableModel(self._columns(), self)
        self.view = PagedTableView()
        self.view.setObjectName(self.table_name)
        self.view.setModel(self.model)
        self.view.row_activated.connect(self.open_row)
        self.view.selection_changed_ids.connect(self._selection_changed)
        self.model.count_changed.connect(lambda n: self.count_label.setText(self._count_text(n)))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.model.set_query_factory(self._query)
        self.model.set_initial_sort("held_on", descending=True)
        self._selection_changed([])

    # ---------------------------------------------------------------- what a tab says
    def _more_filters(self) -> list[QWidget]:
        return []

    def _columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def _query(self, sort: str | None, descending: bool) -> Any:
        raise NotImplementedError

    def _count_text(self, count: int) -> str:
        raise NotImplementedError

    def _read(self, record_id: int) -> Any:
        raise NotImplementedError

    def _make_form(self, detail: Any | None) -> Any:
        raise NotImplementedError

    def _delete(self, record_id: int) -> None:
        raise NotImplementedError

    def _delete_question(self, row: Any) -> str:
        raise NotImplementedError

    def _deleted(self, row: Any) -> None:
        """After a delete (the list is refreshed already)."""

    def _saved(self, saved: Any) -> None:
        raise NotImplementedError

    # ---------------------------------------------------------------- the list
    def refresh(self, *_args: Any) -> None:
        self.model.refresh()

    def _selection_changed(self, ids: list[Any]) -> None:
        self.buttons["open"].setEnabled(len(ids) == 1)
        if self.context.can(Permission.TRAINING_EDIT):
            self.buttons["delete"].setEnabled(len(ids) == 1)

    def selected_row(self) -> Any | None:
        item = self.view.current_item()
        return item if isinstance(item, self.row_type) else None

    # ---------------------------------------------------------------- the form
    def add_record(self) -> Any:
        return self._open_form(self._make_form(None))

    def open_selected(self) -> Any | None:
        row = self.selected_row()
        return self.open_row(row) if row is not None else None

    def open_row(self, row: Any) -> Any | None:
        try:
            detail = self._read(row.id)
        except (UserError, StorageError) as err:
            self._tell(err)
            return None
        return self._open_form(self._make_form(detail))

    def _open_form(self, form: Any) -> Any:
        self.form = form
        form.saved.connect(self._saved)
        form.finished.connect(lambda _r, f=form: self._form_closed(f))
        form.open()
        return form

    def _form_closed(self, form: Any) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    # ---------------------------------------------------------------- delete
    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if not ConfirmDelete.ask(self, self._delete_question(row)):
            return False
        try:
            self._delete(row.id)
        except (UserError, StorageError) as err:
            self._tell(err)
            return False
        self.model.refresh()
        self._deleted(row)
        return True

    def _tell(self, err: UserError | StorageError) -> None:
        self.status.setText(err.message(self.context.language))
        if self.context.error_windows:
            self.message_box = show_user_error(self, err, self.context.language, block=False)
