"""Add or edit one enforcement certificate, and record an annual review.

The service decides (app/staff/service.py): a number used twice, an expiry
before the issue date … come back as a UserError shown in red next to the
field it names.  Both dialogs are opened non-blocking (`open()`) and emit
`saved` with the row the service returned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.staff.service import WARNING_DAYS, CertificateRow, StaffService
from ui.context import AppContext
from ui.staff.labels import (
    CERT_TYPE_LABELS,
    REVIEW_LABELS,
    STORED_STATUSES,
    cert_type_label,
    review_label,
    status_label,
)
from ui.widgets.date_field import DateField
from ui.widgets.field_error import FieldError
from ui.widgets.stale_save import is_changed_elsewhere, other_desk_saved_first, shown_in

CATEGORY_SUGGESTIONS = ("劳动保障监察", "劳动保障监察、社会保险", "社会保险", "就业促进", "人力资源市场")


class _ServiceDialog(QDialog):
    """Fields in a form layout, each with its red error line; Save and Cancel."""

    saved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, str] = {}
        self.saved_row: Any = None
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_error = FieldError()
        self.form_error.setObjectName("form_error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        # Translated in a fixed context: at run time self.tr() would look in the subclass's.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("StaffDialogs", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("StaffDialogs", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        self.inputs[name] = widget
        self.labels[name] = label
        error = FieldError()
        error.setObjectName(f"{name}_error")
        self.errors[name] = error
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label, cell)

    def value(self, name: str) -> Any:
        widget = self.inputs[name]
        if isinstance(widget, DateField):
            return widget.value()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return data if data is not None else widget.currentText().strip()
        if isinstance(widget, QSpinBox):
            return widget.value()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def save(self) -> Any:
        for error in self.errors.values():
            error.clear_message()
        self.form_error.clear_message()
        try:
            row = self.submit()
        except UserError as err:
            if is_changed_elsewhere(err) and self.edits_existing():
                self.other_desk_saved_first(err)
            else:
                self.show_error(err)
            return None
        except StorageError as err:
            self.form_error.show_message(err.message(self.context.language))
            return None
        self.saved_row = row
        self.saved.emit(row)
        self.accept()
        return row

    def submit(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def edits_existing(self) -> bool:
        return False

    def other_desk_saved_first(self, err: UserError) -> None:  # pragma: no cover - overridden where edits_existing
        self.show_error(err)

    def show_error(self, err: UserError) -> None:
        text = err.message(self.context.language)
        target = self.errors.get(err.field or "")
        if target is None:
            self.form_error.show_message(text)
            return
        target.show_message(text)
        self.inputs[err.field or ""].setFocus()

    def error_text(self, name: str) -> str:
        return self.errors[name].message if name in self.errors else self.form_error.message


class CertificateDialog(_ServiceDialog):
    """Add a certificate to an officer (row=None) or edit one."""

    def __init__(
        self,
        context: AppContext,
        service: StaffService,
        officer_id: int,
        *,
        row: CertificateRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("certificate_dialog")
        self.service = service
        self.officer_id = officer_id
        self.row = row
        # What the dialog opened with: only fields the clerk changed from it are sent, also
        # after another desk saved first (self.row is then the saved version).
        self.opened = row
        self.setWindowTitle(self.tr("New certificate") if row is None else self.tr("Edit certificate"))
        cert_type = QComboBox()
        for value in CERT_TYPE_LABELS:
            cert_type.addItem(cert_type_label(value), value)
        self.add_field("cert_type", self.tr("Certificate type"), cert_type)
        number = QLineEdit()
        number.setMaxLength(64)
        self.add_field("number", self.tr("Certificate number"), number)
        authority = QLineEdit()
        authority.setPlaceholderText(self.tr("e.g. the provincial government"))
        self.add_field("issuing_authority", self.tr("Issuing authority"), authority)
        self.add_field("issue_date", self.tr("Issue date"), DateField())
        self.add_field("expiry_date", self.tr("Valid until"), DateField())
        category = QComboBox()
        category.setEditable(True)
        category.addItems(CATEGORY_SUGGESTIONS)
        self.add_field("category", self.tr("Enforcement category"), category)
        status = QComboBox()
        for value in STORED_STATUSES:
            status.addItem(status_label(value), value)
        self.add_field("status", self.tr("Status"), status)
        hint = QLabel(
            self.tr("“Expired” follows from the dates; a warning shows %1 days before the expiry date.").replace(
                "%1", str(WARNING_DAYS)
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.form.addRow("", hint)
        self.setMinimumWidth(480)
        if row is not None:
            self._load(row)

    def _load(self, row: CertificateRow) -> None:
        combo = self.inputs["cert_type"]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(combo.findData(row.cert_type), 0))
        number = self.inputs["number"]
        assert isinstance(number, QLineEdit)
        number.setText(row.number)
        authority = self.inputs["issuing_authority"]
        assert isinstance(authority, QLineEdit)
        authority.setText(row.issuing_authority)
        for name in ("issue_date", "expiry_date"):
            field = self.inputs[name]
            assert isinstance(field, DateField)
            field.set_value(getattr(row, name))
        category = self.inputs["category"]
        assert isinstance(category, QComboBox)
        category.setEditText(row.category)
        status = self.inputs["status"]
        assert isinstance(status, QComboBox)
        status.setCurrentIndex(max(status.findData(row.status), 0))

    def fields(self) -> dict[str, Any]:
        values = {name: self.value(name) for name in self.inputs}
        category = self.inputs["category"]
        assert isinstance(category, QComboBox)
        values["category"] = category.currentText().strip()
        return values

    def submit(self) -> CertificateRow:
        fields = self.fields()
        if self.row is None:
            return self.service.add_certificate(self.officer_id, fields)
        assert self.opened is not None
        changes = {k: v for k, v in fields.items() if getattr(self.opened, k) != v}
        return self.service.update_certificate(self.row.id, self.row.version, changes)

    def edits_existing(self) -> bool:
        return self.row is not None

    def other_desk_saved_first(self, err: UserError) -> None:
        """Another desk saved this certificate first (ui/widgets/stale_save.py): who, when,
        the saved values; the clerk's entries stay, the next save is on the saved version."""
        assert self.row is not None
        certificate_id = self.row.id

        def saved_certificate() -> CertificateRow:
            detail = self.service.get(self.officer_id)
            for certificate in detail.certificates:
                if certificate.id == certificate_id:
                    return certificate
            raise UserError("record.changed_elsewhere")

        outcome = other_desk_saved_first(err, before=self.row, fetch=saved_certificate, labels=self.labels,
                                         language=self.context.language, show=shown_in(self.inputs))
        if outcome.current is not None:
            self.row = outcome.current
        self.form_error.show_message(outcome.message)


class ReviewDialog(_ServiceDialog):
    """Record one annual review (年度验审) of a certificate."""

    def __init__(self, context: AppContext, service: StaffService, certificate_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("review_dialog")
        self.service = service
        self.certificate_id = certificate_id
        self.setWindowTitle(self.tr("Record an annual review"))
        year = QSpinBox()
        year.setRange(1990, 2100)
        year.setValue(bureau_today().year)
        self.add_field("year", self.tr("Year"), year)
        result = QComboBox()
        for value in REVIEW_LABELS:
            result.addItem(review_label(value), value)
        self.add_field("result", self.tr("Result"), result)
        self.add_field("reviewed_on", self.tr("Review date"), DateField(optional=True))
        self.add_field("note", self.tr("Note"), QLineEdit())
        self.setMinimumWidth(380)

    def submit(self) -> Any:
        return self.service.add_review(self.certificate_id, {name: self.value(name) for name in self.inputs})
