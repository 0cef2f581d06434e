"""The form to add or edit a party: a person or an employer.

The service validates (app/parties/service.py); the form only shows its
verdict next to the field it names (UserError.field), in red, in the user's
language.  The ID number and the credit code are also checked as they are
typed, with the same functions the service uses, so a wrong number is refused
on the spot; the sex and birth date derived from a valid ID number show at once.

Editing: personal data (ID, phone, a person's address) arrives masked.  A 显示
button reveals one field (a reason is asked for and the reveal is audited by
the service); typing into a masked field replaces it.  Only the fields the clerk
changed are sent (`PartyService.update(party_id, version, changes)`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.legal.identity import normalise_id_no, normalise_uscc, validate_id_no, validate_uscc
from app.parties.models import OrgType, PartyKind
from app.parties.service import PartyRow, PartyService
from ui.context import AppContext
from ui.parties.labels import ORG_TYPE_LABELS, org_type_label, sex_label
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.record_form import ChangesForm, id_no_still_typed
from ui.widgets.reveal_reason import RevealReasonDialog, RevealsMaskedFields

__all__ = ["PartyForm", "RevealReasonDialog"]  # RevealReasonDialog: where the tests and older callers find it

REVEALABLE = ("id_no", "phone", "address")


class PartyForm(RevealsMaskedFields, ChangesForm):
    """Add (row=None) or edit a party.  `saved_row` holds the result after a successful save."""

    def __init__(
        self,
        context: AppContext,
        service: PartyService,
        *,
        kind: str = PartyKind.PERSON.value,
        row: PartyRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("party_form")
        self.service = service
        self.row = row
        self.kind = row.kind if row is not None else kind
        self.is_person = self.kind == PartyKind.PERSON.value
        self.reveal_buttons: dict[str, QPushButton] = {}

        if row is None:
            self.setWindowTitle(self.tr("New person") if self.is_person else self.tr("New employer"))
        else:
            self.setWindowTitle(self.tr("Edit party: %1").replace("%1", row.name))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if self.is_person:
            self._build_person()
        else:
            self._build_employer()

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.save_buttons())
        self.setMinimumWidth(560)
        if row is not None:
            self._load(row)
        else:
            self._remember_initial()
        self.remember_input()

    # ---------------------------------------------------------------- layout
    def _add_field(self, name: str, label: str, widget: QWidget, *, revealable: bool = False) -> None:
        beside = [self.reveal_button(name, label)] if revealable and self.row is not None else []
        self.form.addRow(label, self.field(name, widget, label=label, beside=beside))

    def _build_person(self) -> None:
        self._add_field("name", self.tr("Name"), MaskedLineEdit())
        self.id_no = MaskedLineEdit()
        self.id_no.setMaxLength(32)
        self.id_no.setPlaceholderText(self.tr("18 characters; the last may be X"))
        self._add_field("id_no", self.tr("ID number"), self.id_no, revealable=True)
        self.sex = QLineEdit()
        self.sex.setReadOnly(True)
        self.sex.setObjectName("sex")
        self.sex.setPlaceholderText(self.tr("from the ID number"))
        self.birth_date = QLineEdit()
        self.birth_date.setReadOnly(True)
        self.birth_date.setObjectName("birth_date")
        self.birth_date.setPlaceholderText(self.tr("from the ID number"))
        self.form.addRow(self.tr("Sex"), self.sex)
        self.form.addRow(self.tr("Birth date"), self.birth_date)
        self._add_field("phone", self.tr("Phone"), MaskedLineEdit(), revealable=True)
        self._add_field("address", self.tr("Address"), MaskedLineEdit(), revealable=True)
        migrant = QCheckBox(self.tr("Migrant worker"))
        self._add_field("is_migrant_worker", "", migrant)
        self.id_no.textChanged.connect(self._check_id_no)

    def _build_employer(self) -> None:
        self._add_field("name", self.tr("Name"), MaskedLineEdit())
        self.uscc = MaskedLineEdit()
        self.uscc.setMaxLength(32)
        self.uscc.setPlaceholderText(self.tr("18 characters"))
        self._add_field("uscc", self.tr("Unified social credit code"), self.uscc)
        org_type = QComboBox()
        for value in ORG_TYPE_LABELS:
            org_type.addItem(org_type_label(value), value)
        self._add_field("org_type", self.tr("Employer type"), org_type)
        self._add_field("legal_rep", self.tr("Legal representative"), MaskedLineEdit())
        self._add_field("address", self.tr("Registered address"), MaskedLineEdit())
        self._add_field("phone", self.tr("Contact phone"), MaskedLineEdit(), revealable=True)
        self.uscc.textChanged.connect(self._check_uscc)

    # ---------------------------------------------------------------- values
    def _load(self, row: PartyRow) -> None:
        self._text("name").set_value(row.name)
        self._set_masked("phone", row.phone)
        if self.is_person:
            if row.id_no:
                self.id_no.set_masked(row.id_no)
            self.sex.setText(sex_label(row.sex))
            self.birth_date.setText(row.birth_date.isoformat() if row.birth_date else "")
            self._set_masked("address", row.address)
            checkbox = self.inputs["is_migrant_worker"]
            assert isinstance(checkbox, QCheckBox)
            checkbox.setChecked(row.is_migrant_worker)
        else:
            self.uscc.set_value(row.uscc)
            combo = self.inputs["org_type"]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(combo.findData(row.org_type or OrgType.ENTERPRISE.value), 0))
            self._text("legal_rep").set_value(row.legal_rep)
            self._text("address").set_value(row.address)
        for name, button in self.reveal_buttons.items():
            if not self._text(name).masked:
                button.setEnabled(False)  # nothing stored: nothing to show
        self._remember_initial()

    def _set_masked(self, name: str, masked_value: str) -> None:
        if masked_value:
            self._text(name).set_masked(masked_value)
        else:
            self._text(name).set_value("")

    def _text(self, name: str) -> MaskedLineEdit:
        widget = self.inputs[name]
        assert isinstance(widget, MaskedLineEdit)
        return widget

    def fields(self) -> dict[str, Any]:
        """All the fields, for a new party."""
        values = {name: self._value(name) for name in self.inputs}
        values["kind"] = self.kind
        return values

    # ---------------------------------------------------------------- live checks
    def _check_id_no(self, text: str) -> None:
        if self.id_no.masked:
            return
        self.sex.clear()
        self.birth_date.clear()
        personal = self.check_as_typed("id_no", normalise_id_no(text), validate_id_no, still_typing=id_no_still_typed)
        if personal is not None:
            self.sex.setText(sex_label(personal.sex))
            self.birth_date.setText(personal.birth_date.isoformat())

    def _check_uscc(self, text: str) -> None:
        self.check_as_typed("uscc", normalise_uscc(text), validate_uscc,
                            still_typing=lambda code: len(code) < 18 and code.isalnum())

    # ---------------------------------------------------------------- reveal
    def reveal(self, field_name: str, field_label: str) -> bool:
        """Ask for a reason, then show the field in full (audited by the service); a revealed
        ID number shows its sex and birth date."""
        if not super().reveal(field_name, field_label):
            return False
        if field_name == "id_no":
            self._check_id_no(self._text(field_name).text())
        return True

    def error_text(self, field_name: str) -> str:
        """What the form says is wrong with `field_name` ("" when nothing)."""
        return self.errors[field_name].message
