"""学习培训: the list of study and training sessions, and the form with its attendee picker.

Attendees are ticked in a checkable list of the roster (ui/widgets/check_list.py).
Someone who has left the roster stays ticked on an old session (marked as
such) but cannot be added to a new one — the service refuses it by name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from app.training.service import SessionDetail, SessionRow, TrainingService, format_number
from ui.context import AppContext
from ui.errors import show_user_error
from ui.lists import Column, PagedTableModel, PagedTableView, SearchBox
from ui.training.labels import KIND_LABELS, kind_label
from ui.widgets.check_list import CheckList
from ui.widgets.date_field import DateField
from ui.widgets.record_form import RecordForm

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
ALL_YEARS = 0


class SessionForm(RecordForm):
    """Add (detail=None) or edit a session."""

    def __init__(
        self,
        context: AppContext,
        service: TrainingService,
        staff: StaffService,
        *,
        detail: SessionDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("session_form")
        self.service = service
        self.detail = detail
        # What the form opened with: only fields the clerk changed from it are sent, also after
        # another desk saved first (self.detail is then the saved session).
        self.opened = detail
        self.setWindowTitle(self.tr("New study or training session") if detail is None
                            else self.tr("Study or training session"))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        for value in KIND_LABELS:
            self.kind.addItem(kind_label(value), value)
        self.held_on = DateField()
        self.topic = QLineEdit()
        self.topic.setMaxLength(200)
        self.organiser = QLineEdit()
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("e.g. 2 or 1.5"))
        self.hours.setMaximumWidth(120)
        self.rule_of_law = QCheckBox(self.tr("Study of law (counts as rule-of-law study)"))
        self.labels = {"kind": self.tr("Kind"), "held_on": self.tr("Date"), "topic": self.tr("Topic"),
                       "organiser": self.tr("Organiser"), "hours": self.tr("Hours"),
                       "on_rule_of_law": self.tr("Study of law (counts as rule-of-law study)")}
        for name, label, widget in (
            ("kind", self.tr("Kind"), self.kind),
            ("held_on", self.tr("Date"), self.held_on),
            ("topic", self.tr("Topic"), self.topic),
            ("organiser", self.tr("Organiser"), self.organiser),
            ("hours", self.tr("Hours"), self.hours),
            ("on_rule_of_law", "", self.rule_of_law),
        ):
            form.addRow(label, self.field(name, widget))
        self.attendees = CheckList()
        self.attendees.setObjectName("attendees")
        self.attendees.setMinimumHeight(220)
        self.attendees_error = self.error_line("attendees", self.attendees)
        self.save_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Attendees (from the staff roster)")))
        layout.addWidget(self.attendees, 1)
        layout.addWidget(self.attendees_error)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self._fill_attendees(staff)
        if detail is not None:
            self._load(detail)
        if not context.can(Permission.TRAINING_EDIT):
            for widget in self.inputs.values():
                widget.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.remember_input()

    def _fill_attendees(self, staff: StaffService) -> None:
        roster = staff.roster(include_off_roster=self.detail is not None)
        kept = set(self.detail.attendee_ids) if self.detail else set()
        items = []
        for officer in roster:
            if not officer.on_roster and officer.id not in kept:
                continue
            place = officer.section or officer.unit
            text = f"{officer.name}　{place}" if place else officer.name
            if not officer.on_roster:
                text += self.tr(" (no longer on the roster)")
            items.append((officer.id, text))
        self.attendees.set_items(items)

    def _load(self, detail: SessionDetail) -> None:
        row = detail.session
        self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.held_on.set_value(row.held_on)
        self.topic.setText(row.topic)
        self.organiser.setText(row.organiser)
        self.hours.setText(format_number(row.hours))
        self.rule_of_law.setChecked(row.on_rule_of_law)
        self.attendees.set_checked_ids(detail.attendee_ids)

    def fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "held_on": self.held_on.value(),
            "topic": self.topic.text().strip(),
            "organiser": self.organiser.text().strip(),
            "hours": self.hours.text().strip(),
            "on_rule_of_law": self.rule_of_law.isChecked(),
        }

    def submit(self) -> SessionRow:
        if self.detail is None:
            return self.service.create_session(self.fields(), self.attendees.checked_ids())
        current = self.detail.session
        assert self.opened is not None
        opened = self.opened.session
        changes = {k: v for k, v in self.fields().items() if k == "hours" or getattr(opened, k) != v}
        return self.service.update_session(current.id, current.version, changes, self.attendees.checked_ids())

    # Another desk saved first: every entry (attendees too) stays, the next save is on the saved version.
    def edited_record(self) -> SessionRow | None:
        return self.detail.session if self.detail is not None else None

    def read_saved(self) -> SessionRow:
        assert self.detail is not None
        return self.service.get_session(self.detail.session.id).session

    def stand_on(self, current: SessionRow) -> None:
        assert self.detail is not None
        self.detail = replace(self.detail, session=current)


class RecordListTab:
    """What the sessions and exams tabs share: the list refresh, the buttons that
    follow the selection, and the one open form's life cycle."""

    context: Any
    model: Any
    buttons: dict[str, Any]
    form: Any

    def refresh(self, *_args: Any) -> None:
        self.model.refresh()

    def _selection_changed(self, ids: list[Any]) -> None:
        self.buttons["open"].setEnabled(len(ids) == 1)
        if self.context.can(Permission.TRAINING_EDIT):
            self.buttons["delete"].setEnabled(len(ids) == 1)

    def _open_form(self, form: Any) -> Any:
        self.form = form
        form.saved.connect(self._saved)  # type: ignore[attr-defined]
        form.finished.connect(lambda _r, f=form: self._form_closed(f))
        form.open()
        return form

    def _form_closed(self, form: Any) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()


class SessionsTab(RecordListTab, QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessions_tab")
        self.context = context
        self.service = TrainingService(context.store, context.actor)
        self.staff = StaffService(context.store, context.actor)
        self.form: SessionForm | None = None
        self.message_box: QMessageBox | None = None

        self.search = SearchBox()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by topic or organiser"))
        self.search.search_changed.connect(self.refresh)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(ALL_YEARS, 2100)
        self.year.setSpecialValueText(self.tr("All years"))
        self.year.setValue(bureau_today().year)
        self.year.valueChanged.connect(self.refresh)
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(self.tr("All kinds"), None)
        for value in KIND_LABELS:
            self.kind.addItem(kind_label(value), value)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        self.year_label = QLabel(self.tr("Year:"))  # hidden with the box when the window's one year rules
        filters.addWidget(self.year_label)
        filters.addWidget(self.year)
        filters.addWidget(QLabel(self.tr("Kind:")))
        filters.addWidget(self.kind)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot, permission in (
            ("add", self.tr("New session"), self.add_session, Permission.TRAINING_EDIT),
            ("open", self.tr("Open"), self.open_selected, Permission.TRAINING_VIEW),
            ("delete", self.tr("Delete"), self.delete_selected, Permission.TRAINING_EDIT),
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

        self.model: PagedTableModel[SessionRow] = PagedTableModel(self._columns(), self)
        self.view = PagedTableView()
        self.view.setObjectName("sessions_table")
        self.view.setModel(self.model)
        self.view.row_activated.connect(self.open_row)
        self.view.selection_changed_ids.connect(self._selection_changed)
        self.model.count_changed.connect(
            lambda n: self.count_label.setText(self.tr("%n sessions", "", n)))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.model.set_query_factory(self._query)
        self.model.set_initial_sort("held_on", descending=True)
        self._selection_changed([])

    def _columns(self) -> list[Column[SessionRow]]:
        return [
            Column("held_on", self.tr("Date"), lambda r: r.held_on, sort_key="held_on", width=6),
            Column("kind", self.tr("Kind"), lambda r: kind_label(r.kind), width=8),
            Column("topic", self.tr("Topic"), lambda r: r.topic, width=20),
            Column("organiser", self.tr("Organiser"), lambda r: r.organiser, width=7),
            Column("hours", self.tr("Hours"), lambda r: format_number(r.hours), align=RIGHT, width=3),
            Column("rule_of_law", self.tr("Law study"), lambda r: r.on_rule_of_law, align=CENTRE, width=4),
            Column("attendees", self.tr("Attendees"), lambda r: r.attendee_count, align=RIGHT, width=4),
        ]

    def _query(self, sort: str | None, descending: bool) -> Any:
        year = self.year.value() or None
        return self.service.sessions(year=year, kind=self.kind.currentData(), text=self.search.search_text,
                                     sort=sort or "held_on", descending=descending)

    def selected_row(self) -> SessionRow | None:
        item = self.view.current_item()
        return item if isinstance(item, SessionRow) else None

    def add_session(self) -> SessionForm:
        return self._open_form(SessionForm(self.context, self.service, self.staff, parent=self))

    def open_selected(self) -> SessionForm | None:
        row = self.selected_row()
        return self.open_row(row) if row is not None else None

    def open_row(self, row: SessionRow) -> SessionForm | None:
        try:
            detail = self.service.get_session(row.id)
        except (UserError, StorageError) as err:
            self._tell(err)
            return None
        return self._open_form(SessionForm(self.context, self.service, self.staff, detail=detail, parent=self))

    def _saved(self, row: SessionRow) -> None:
        self.model.refresh()
        self.view.select_ids([row.id])
        self.status.setText(self.tr("Saved “%1” (%2 attendees).").replace("%1", row.topic)
                            .replace("%2", str(row.attendee_count)))

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if not ConfirmDelete.ask(self, self.tr("Delete the session “%1”?").replace("%1", row.topic)):
            return False
        try:
            self.service.delete_session(row.id)
        except (UserError, StorageError) as err:
            self._tell(err)
            return False
        self.model.refresh()
        self.status.setText(self.tr("Deleted “%1”.").replace("%1", row.topic))
        return True

    def _tell(self, err: UserError | StorageError) -> None:
        self.status.setText(err.message(self.context.language))
        if self.context.error_windows:
            self.message_box = show_user_error(self, err, self.context.language, block=False)


class ConfirmDelete:
    """The one seam tests patch: ask before deleting."""

    @staticmethod
    def ask(parent: QWidget, question: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("ConfirmDelete", "Delete"), question)
        return answer == QMessageBox.StandardButton.Yes
