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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from app.parties.service import PartyService
from app.projects.service import ProjectRow, ProjectService
from ui.context import AppContext
from ui.projects.labels import (
    GUARANTEE_FORM_LABELS,
    PROJECT_STATUS_LABELS,
    ROLE_LABELS,
    guarantee_form_label,
    project_status_label,
    role_label,
)
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.party_picker import PartyPicker
from ui.widgets.record_form import ChangesForm
from ui.widgets.reveal_reason import RevealsMaskedFields

MASKED = ("wage_manager_phone", "wage_account_no")


class ProjectForm(RevealsMaskedFields, ChangesForm):
    """Add (row=None) or edit a project.  `saved_row` holds the result after a successful save."""

    def __init__(
        self,
        context: AppContext,
        service: ProjectService,
        *,
        row: ProjectRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("project_form")
        self.service = service
        self.parties = PartyService(context.store, context.actor)
        self.row = row
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
        sub_box.addWidget(self.error_line("subcontractors"))
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
        layout.addWidget(self.save_buttons())
        self.setMinimumWidth(1120)
        if row is not None:
            self._load(row)
        else:
            self._checkbox("on_realname_platform").setChecked(True)
        self._remember_initial()
        self.remember_input()

    # ---------------------------------------------------------------- layout
    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        self._boxes.append(box)  # parented and kept: the layouts live as long as the form
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget, *, revealable: bool = False) -> None:
        beside = [self.reveal_button(name, label)] if revealable and self.row is not None else []
        text = label or (widget.text() if isinstance(widget, QCheckBox) else name)
        form.addRow(label, self.field(name, widget, label=text, beside=beside))

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
        return [tuple(self.subs.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.subs.count())]

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

    def _remember_initial(self) -> None:
        super()._remember_initial()
        self._initial["subcontractors"] = self.subcontractor_entries()

    def fields(self) -> dict[str, Any]:
        """All the fields (raises the MoneyEdit's UserError for an amount that is not one)."""
        values = {name: self._value(name) for name in self.inputs}
        values["subcontractors"] = self.subcontractor_entries()
        return values

    def changes(self) -> dict[str, Any]:
        """Only what the clerk changed (a masked field left alone is never sent)."""
        changed = super().changes()
        if self.subcontractor_entries() != self._initial.get("subcontractors"):
            changed["subcontractors"] = self.subcontractor_entries()
        return changed
