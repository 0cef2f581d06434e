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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.errors import StorageError, UserError
from app.legal.identity import normalise_id_no, normalise_uscc, validate_id_no, validate_uscc
from app.parties.models import OrgType, PartyKind
from app.parties.service import PartyRow, PartyService
from ui.context import AppContext
from ui.parties.labels import ORG_TYPE_LABELS, org_type_label, sex_label
from ui.widgets.discard_guard import AsksBeforeDiscarding, DiscardGuard
from ui.widgets.field_error import FieldError
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.stale_save import is_changed_elsewhere, other_desk_saved_first

REVEALABLE = ("id_no", "phone", "address")


class RevealReasonDialog(QDialog):
    """Asks why the clerk needs to see a masked value.  Tests patch `ask`."""

    def __init__(self, field_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reveal_reason")
        self.setWindowTitle(self.tr("Show personal data"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. checking the complainant's identity for case intake"))
        explanation = QLabel(
            self.tr("Why do you need to see the full %1? The reason is recorded in the audit log.").replace(
                "%1", field_label
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent: QWidget | None, field_label: str) -> str | None:
        """The reason given, or None if the clerk cancelled."""
        dialog = cls(field_label, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason.text().strip():
            return dialog.reason.text().strip()
        return None


class PartyForm(AsksBeforeDiscarding, QDialog):
    """Add (row=None) or edit a party.  `saved_row` holds the result after a successful save."""

    saved = Signal(object)  # PartyRow

    def __init__(
        self,
        context: AppContext,
        service: PartyService,
        *,
        kind: str = PartyKind.PERSON.value,
        row: PartyRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("party_form")
        self.context = context
        self.service = service
        self.row = row
        self.kind = row.kind if row is not None else kind
        self.is_person = self.kind == PartyKind.PERSON.value
        self.saved_row: PartyRow | None = None
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        self._initial: dict[str, Any] = {}
        self.labels: dict[str, str] = {}

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

        self.form_error = FieldError()
        self.form_error.setObjectName("form_error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        if row is not None:
            self._load(row)
        else:
            self._remember_initial()
        self.guard = DiscardGuard(self)

    # ---------------------------------------------------------------- layout
    def _add_field(self, name: str, label: str, widget: QWidget, *, revealable: bool = False) -> None:
        widget.setObjectName(name)
        self.labels[name] = label
        self.inputs[name] = widget
        error = FieldError()
        error.setObjectName(f"{name}_error")
        self.errors[name] = error
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget, 1)
        if revealable and self.row is not None:
            button = QPushButton(self.tr("Show"))
            button.setObjectName(f"reveal_{name}")
            allowed = self.context.can(Permission.PERSONAL_DATA_REVEAL)
            button.setEnabled(allowed)
            button.setToolTip(
                self.tr("Show the full value (asks for a reason, recorded in the audit log)")
                if allowed
                else self.context.missing_permission_tip(Permission.PERSONAL_DATA_REVEAL)
            )
            button.clicked.connect(lambda _checked=False, f=name, t=label: self.reveal(f, t))
            self.reveal_buttons[name] = button
            line.addWidget(button)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(line)
        box.addWidget(error)
        self.form.addRow(label, cell)

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

    def _value(self, name: str) -> Any:
        widget = self.inputs[name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def _remember_initial(self) -> None:
        self._initial = {name: self._value(name) for name in self.inputs}

    def fields(self) -> dict[str, Any]:
        """All the fields, for a new party."""
        values = {name: self._value(name) for name in self.inputs}
        values["kind"] = self.kind
        return values

    def changes(self) -> dict[str, Any]:
        """Only the fields the clerk changed (a masked field left alone is never sent)."""
        changed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, MaskedLineEdit):
                if widget.is_changed():
                    changed[name] = widget.text().strip()
            elif self._value(name) != self._initial.get(name):
                changed[name] = self._value(name)
        return changed

    # ---------------------------------------------------------------- live checks
    def _check_id_no(self, text: str) -> None:
        if self.id_no.masked:
            return
        number = normalise_id_no(text)
        error = self.errors["id_no"]
        self.sex.clear()
        self.birth_date.clear()
        if not number:
            error.clear_message()
            return
        if len(number) < 18 and number.isdigit():
            error.clear_message()  # still typing: judge it once it is complete
            return
        try:
            personal = validate_id_no(number)
        except UserError as err:
            error.show_message(err.message(self.context.language))
            return
        error.clear_message()
        self.sex.setText(sex_label(personal.sex))
        self.birth_date.setText(personal.birth_date.isoformat())

    def _check_uscc(self, text: str) -> None:
        code = normalise_uscc(text)
        error = self.errors["uscc"]
        if not code or (len(code) < 18 and code.isalnum()):
            error.clear_message()
            return
        try:
            validate_uscc(code)
        except UserError as err:
            error.show_message(err.message(self.context.language))
            return
        error.clear_message()

    # ---------------------------------------------------------------- reveal
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
        self._text(field_name).set_revealed(value)
        self.reveal_buttons[field_name].setEnabled(False)
        if field_name == "id_no":
            self._check_id_no(value)
        return True

    # ---------------------------------------------------------------- save
    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.form_error.clear_message()

    def save(self) -> PartyRow | None:
        """Send the form to the service; on refusal show why next to the field."""
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
        """Another desk saved this party after the form opened (ui/widgets/stale_save.py):
        who and when, what is saved now, every entry of this form kept; the form now
        stands on the saved version, so saving again is done knowingly."""
        assert self.row is not None
        row_id = self.row.id
        outcome = other_desk_saved_first(err, before=self.row, fetch=lambda: self.service.get(row_id),
                                         labels=self.labels, language=self.context.language)
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
        self.inputs[err.field or ""].setFocus()

    def error_text(self, field_name: str) -> str:
        """What the form says is wrong with `field_name` ("" when nothing)."""
        return self.errors[field_name].message
