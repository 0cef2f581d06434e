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
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.staff.service import StaffService
from app.training.service import SessionDetail, SessionRow, TrainingService, format_number
from ui.context import AppContext
from ui.lists import Column
from ui.training.labels import KIND_LABELS, kind_label
from ui.training.list_tab import ALL_YEARS, ConfirmDelete, TrainingListTab
from ui.widgets.check_list import CheckList
from ui.widgets.date_field import DateField
from ui.widgets.record_form import RecordForm

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter

__all__ = ["ALL_YEARS", "ConfirmDelete", "SessionForm", "SessionsTab"]  # ConfirmDelete: the seam tests patch


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
            for field_input in self.inputs.values():
                field_input.setEnabled(False)
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


class SessionsTab(TrainingListTab):
    row_type = SessionRow
    table_name = "sessions_table"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent,
                         search_hint=QCoreApplication.translate("SessionsTab", "Search by topic or organiser"),
                         add_text=QCoreApplication.translate("SessionsTab", "New session"))
        self.setObjectName("sessions_tab")

    def _more_filters(self) -> list[QWidget]:
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(self.tr("All kinds"), None)
        for value in KIND_LABELS:
            self.kind.addItem(kind_label(value), value)
        self.kind.currentIndexChanged.connect(self.refresh)
        return [QLabel(self.tr("Kind:")), self.kind]

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

    def _count_text(self, count: int) -> str:
        return self.tr("%n sessions", "", count)

    def _read(self, record_id: int) -> SessionDetail:
        return self.service.get_session(record_id)

    def _make_form(self, detail: SessionDetail | None) -> SessionForm:
        return SessionForm(self.context, self.service, self.staff, detail=detail, parent=self)

    def add_session(self) -> SessionForm:
        return self.add_record()

    def _saved(self, row: SessionRow) -> None:
        self.model.refresh()
        self.view.select_ids([row.id])
        self.status.setText(self.tr("Saved “%1” (%2 attendees).").replace("%1", row.topic)
                            .replace("%2", str(row.attendee_count)))

    def _delete_question(self, row: SessionRow) -> str:
        return self.tr("Delete the session “%1”?").replace("%1", row.topic)

    def _delete(self, record_id: int) -> None:
        self.service.delete_session(record_id)

    def _deleted(self, row: SessionRow) -> None:
        self.status.setText(self.tr("Deleted “%1”.").replace("%1", row.topic))
