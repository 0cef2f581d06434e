"""The form to add or edit a construction project.

Parties (建设单位, 施工总承包, 分包) are picked from the parties register by name
or credit code (ui/widgets/party_picker.py); money is typed in yuan and sent in
fen (ui/widgets/money_edit.py).  The service validates; the form shows its
verdict next to the field it names.  The 劳资专管员's phone and the wage account
arrive masked: typing replaces them, an untouched masked field is never sent
(`ProjectService.update(project_id, version, changes)`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.errors import StorageError, UserError
from app.parties.service import PartyService
from app.projects.service import ProjectRow, ProjectService
from ui.context import AppContext
from ui.parties.form import RevealReasonDialog
from ui.projects.labels import (
    GUARANTEE_FORM_LABELS,
    PROJECT_STATUS_LABELS,
    ROLE_LABELS,
    guarantee_form_label,
    project_status_label,
    role_label,
)
from ui.widgets.discard_guard import AsksBeforeDiscarding, DiscardGuard
from ui.widgets.field_error import FieldError
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.party_picker import PartyPicker
from ui.widgets.stale_save import is_changed_elsewhere, other_desk_saved_first, shown_in

MASKED = ("wage_manager_phone", "wage_account_no")


class ProjectForm(AsksBeforeDiscarding, QDialog):
    """Add (row=None) or edit a project.  `saved_row` holds the result after a successful save."""

    saved = Signal(object)  # ProjectRow

    def __init__(
        self,
        context: AppContext,
        service: ProjectService,
        *,
        row: ProjectRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("project_form")
        self.context = context
        self.service = service
        self.parties = PartyService(context.store, context.actor)
        self.row = row
        self.saved_row: ProjectRow | None = None
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self._initial: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        self._boxes: list[QGroupBox] = []
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.setWindowTitle(self.tr("New project") if row is None else self.tr("Edit project: %1").replace("%1", row.name))

        basics = self._group(self.tr("Project"))
        self._add(basics, "name", self.tr("Project name"), QLineEdit())
        self._add(basics, "location", self.tr("Location"), QLineEdit())
        self._add(basics, "permit_no", self.tr("Construction permit no."), QLineEdit())
        self._add(basics, "contract_value_fen", self.tr("Contract value (yuan)"), MoneyEdit(field="contract_value_fen"))
        self._add(basics, "start_date", self.tr("Start date"), OptionalDateEdit())
        self._add(basics, "planned_completion", self.tr("Planned completion"), OptionalDateEdit())
        self._add(basics, "completed_on", self.tr("Completed on"), OptionalDateEdit())
        status = QComboBox()
        for value in PROJECT_STATUS_LABELS:
            status.addItem(project_status_label(value), value)
        self._add(basics, "status", self.tr("Status"), status)
        self._add(basics, "on_realname_platform", "", QCheckBox(self.tr("On the real-name management platform")))

        parties = self._group(self.tr("Developer and contractors"))
        self._add(parties, "builder_id", self.tr("Developer (建设单位)"), PartyPicker(self.parties))
        self._add(parties, "contractor_id", self.tr("General contractor"), PartyPicker(self.parties))
        self.sub_picker = PartyPicker(self.parties)
        self.sub_picker.setObjectName("sub_picker")
        self.sub_role = QComboBox()
        self.sub_role.setObjectName("sub_role")
        for value in ROLE_LABELS:
            self.sub_role.addItem(role_label(value), value)
        self.add_sub = QPushButton(self.tr("Add"))
        self.add_sub.setObjectName("add_subcontractor")
        self.add_sub.clicked.connect(self.add_subcontractor)
        self.subs = QListWidget()
        self.subs.setObjectName("subcontractors")
        self.subs.setMaximumHeight(90)
        self.remove_sub = QPushButton(self.tr("Remove"))
        self.remove_sub.setObjectName("remove_subcontractor")
        self.remove_sub.clicked.connect(self.remove_subcontractor)
        pick_line = QHBoxLayout()
        pick_line.addWidget(self.sub_role)
        pick_line.addWidget(self.add_sub)
        pick_line.addStretch(1)
        list_line = QHBoxLayout()
        list_line.addWidget(self.subs, 1)
        list_line.addWidget(self.remove_sub, 0, Qt.AlignmentFlag.AlignTop)
        sub_cell = QWidget()
        sub_box = QVBoxLayout(sub_cell)
        sub_box.setContentsMargins(0, 0, 0, 0)
        sub_box.addWidget(self.sub_picker)
        sub_box.addLayout(pick_line)
        sub_box.addLayout(list_line)
        self.errors["subcontractors"] = FieldError()
        sub_box.addWidget(self.errors["subcontractors"])
        parties.addRow(self.tr("Subcontractors"), sub_cell)

        wages = self._group(self.tr("Wage payment"))
        self._add(wages, "wage_manager_name", self.tr("Wage manager (劳资专管员)"), QLineEdit())
        self._add(wages, "wage_manager_phone", self.tr("Wage manager's phone"), MaskedLineEdit(), revealable=True)
        self._add(wages, "wage_account_bank", self.tr("Wage account bank"), QLineEdit())
        self._add(wages, "wage_account_no", self.tr("Wage account number"), MaskedLineEdit(), revealable=True)
        form = QComboBox()
        for value in GUARANTEE_FORM_LABELS:
            form.addItem(guarantee_form_label(value), value)
        self._add(wages, "guarantee_form", self.tr("Wage guarantee"), form)
        self._add(wages, "guarantee_amount_fen", self.tr("Guarantee amount (yuan)"), MoneyEdit(field="guarantee_amount_fen"))
        self._add(wages, "guarantee_date", self.tr("Guarantee date"), OptionalDateEdit())

        self.form_error = FieldError()
        self.form_error.setObjectName("form_error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self._boxes[0])
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._boxes[1])
        right.addWidget(self._boxes[2])
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(1120)
        if row is not None:
            self._load(row)
        else:
            self._checkbox("on_realname_platform").setChecked(True)
        self._remember_initial()
        self.guard = DiscardGuard(self)

    # ---------------------------------------------------------------- layout
    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        self._boxes.append(box)  # parented and kept: the layouts live as long as the form
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget, *, revealable: bool = False) -> None:
        widget.setObjectName(name)
        self.inputs[name] = widget
        self.labels[name] = label or (widget.text() if isinstance(widget, QCheckBox) else name)
        error = FieldError()
        error.setObjectName(f"{name}_error")
        self.errors[name] = error
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if revealable and self.row is not None:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            button = QPushButton(self.tr("Show"))
            button.setObjectName(f"reveal_{name}")
            allowed = self.context.can(Permission.PERSONAL_DATA_REVEAL)
            button.setEnabled(allowed)
            button.setToolTip(
                self.tr("Show the full value (asks for a reason, recorded in the audit log)")
                if allowed else self.context.missing_permission_tip(Permission.PERSONAL_DATA_REVEAL)
            )
            button.clicked.connect(lambda _checked=False, f=name, t=label: self.reveal(f, t))
            self.reveal_buttons[name] = button
            line.addWidget(button)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, cell)

    def reveal(self, field_name: str, field_label: str) -> bool:
        """Ask for a reason, then show the field in full (audited by the service)."""
        if self.row is None:
            return False
        reason = RevealReasonDialog.ask(self, field_label)
        if reason is None:
            return False
        try:
            value = self.service.reveal(self.row.id, field_name, reason)
        except (UserError, StorageError) as err:
            self.form_error.show_message(err.message(self.context.language))
            return False
        edit = self.inputs[field_name]
        assert isinstance(edit, MaskedLineEdit)
        edit.set_revealed(value)
        self.reveal_buttons[field_name].setEnabled(False)
        return True

    def _checkbox(self, name: str) -> QCheckBox:
        widget = self.inputs[name]
        assert isinstance(widget, QCheckBox)
        return widget

    # ---------------------------------------------------------------- subcontractors
    def add_subcontractor(self) -> bool:
        party_id = self.sub_picker.party_id()
        if party_id is None:
            return False
        for i in range(self.subs.count()):
            if self.subs.item(i).data(Qt.ItemDataRole.UserRole)[0] == party_id:
                return False
        role = self.sub_role.currentData()
        self._add_sub_item(party_id, self.sub_picker.party_text(), role)
        self.sub_picker.clear_choice()
        return True

    def _add_sub_item(self, party_id: int, text: str, role: str) -> None:
        item = QListWidgetItem(f"{text} · {role_label(role)}")
        item.setData(Qt.ItemDataRole.UserRole, (party_id, role))
        self.subs.addItem(item)

    def remove_subcontractor(self) -> None:
        for item in self.subs.selectedItems():
            self.subs.takeItem(self.subs.row(item))

    def subcontractor_entries(self) -> list[tuple[int, str]]:
        return [tuple(self.subs.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.subs.count())]  # type: ignore[misc]

    # ---------------------------------------------------------------- values
    def _load(self, row: ProjectRow) -> None:
        for name in ("name", "location", "permit_no", "wage_manager_name", "wage_account_bank"):
            widget = self.inputs[name]
            assert isinstance(widget, QLineEdit)
            widget.setText(getattr(row, name))
        for name in ("contract_value_fen", "guarantee_amount_fen"):
            money = self.inputs[name]
            assert isinstance(money, MoneyEdit)
            money.set_fen(getattr(row, name))
        for name in ("start_date", "planned_completion", "completed_on", "guarantee_date"):
            when = self.inputs[name]
            assert isinstance(when, OptionalDateEdit)
            when.set_value(getattr(row, name))
        for name, value in (("status", row.status), ("guarantee_form", row.guarantee_form)):
            combo = self.inputs[name]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._checkbox("on_realname_platform").setChecked(row.on_realname_platform)
        for name in MASKED:
            edit = self.inputs[name]
            assert isinstance(edit, MaskedLineEdit)
            value = getattr(row, name)
            if value:
                edit.set_masked(value)
            else:
                edit.set_value("")
                if name in self.reveal_buttons:
                    self.reveal_buttons[name].setEnabled(False)  # nothing stored: nothing to show
        for name, party_id, party_name, number in (
            ("builder_id", row.builder_id, row.builder_name, row.builder_uscc),
            ("contractor_id", row.contractor_id, row.contractor_name, row.contractor_uscc),
        ):
            picker = self.inputs[name]
            assert isinstance(picker, PartyPicker)
            picker.set_party(party_id, party_name, number)
        for sub in row.subcontractors:
            self._add_sub_item(sub.party_id, PartyPicker.describe(sub.name, sub.uscc), sub.role)

    def _value(self, name: str) -> Any:
        widget = self.inputs[name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, MoneyEdit):
            return widget.fen()
        if isinstance(widget, OptionalDateEdit):
            return widget.value()
        if isinstance(widget, PartyPicker):
            return widget.party_id()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def _remember_initial(self) -> None:
        initial: dict[str, Any] = {}
        for name in self.inputs:
            try:
                initial[name] = self._value(name)
            except UserError:
                initial[name] = None
        initial["subcontractors"] = self.subcontractor_entries()
        self._initial = initial

    def fields(self) -> dict[str, Any]:
        """All the fields (raises the MoneyEdit's UserError for an amount that is not one)."""
        values = {name: self._value(name) for name in self.inputs}
        values["subcontractors"] = self.subcontractor_entries()
        return values

    def changes(self) -> dict[str, Any]:
        """Only what the clerk changed (a masked field left alone is never sent)."""
        changed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, MaskedLineEdit):
                if widget.is_changed():
                    changed[name] = widget.text().strip()
            elif self._value(name) != self._initial.get(name):
                changed[name] = self._value(name)
        if self.subcontractor_entries() != self._initial.get("subcontractors"):
            changed["subcontractors"] = self.subcontractor_entries()
        return changed

    # ---------------------------------------------------------------- save
    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.form_error.clear_message()

    def save(self) -> ProjectRow | None:
        self.clear_errors()
        try:
            if self.row is None:
                saved = self.service.create(self.fields())
            else:
                changes = self.changes()
                if not changes:
                    self.reject()
                    return None
                saved = self.service.update(self.row.id, self.row.version, changes)
        except UserError as err:
            if is_changed_elsewhere(err) and self.row is not None:
                self._other_desk_saved_first(err)
            else:
                self.show_error(err)
            return None
        except StorageError as err:
            self.form_error.show_message(err.message(self.context.language))
            return None
        self.saved_row = saved
        self.saved.emit(saved)
        self.accept()
        return saved

    def _other_desk_saved_first(self, err: UserError) -> None:
        """Another desk saved this project first (ui/widgets/stale_save.py): who, when, the
        saved values; every entry stays, and the next save is on the saved version."""
        assert self.row is not None
        project_id = self.row.id
        outcome = other_desk_saved_first(err, before=self.row, fetch=lambda: self.service.get(project_id),
                                         labels=self.labels, language=self.context.language,
                                         show=shown_in(self.inputs))
        if outcome.current is not None:
            self.row = outcome.current
        self.form_error.show_message(outcome.message)

    def show_error(self, err: UserError) -> None:
        text = err.message(self.context.language)
        target = self.errors.get(err.field or "")
        if target is None:
            self.form_error.show_message(text)
            return
        target.show_message(text)
        widget = self.inputs.get(err.field or "")
        if widget is not None:
            widget.setFocus()

    def error_text(self, field_name: str) -> str:
        return self.errors[field_name].message


