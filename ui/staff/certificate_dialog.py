"""Add or edit one enforcement certificate, and record an annual review.

The service decides (app/staff/service.py): a number used twice, an expiry
before the issue date … come back as a UserError shown in red next to the
field it names.  Both dialogs are opened non-blocking (`open()`) and emit
`saved` with the row the service returned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.errors import UserError
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
from ui.widgets.record_form import RecordForm, input_value

CATEGORY_SUGGESTIONS = ("劳动保障监察", "劳动保障监察、社会保险", "社会保险", "就业促进", "人力资源市场")


class _ServiceDialog(RecordForm):
    """Fields in a form layout, each with its red error line; Save and Cancel."""

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(context, parent)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.save_buttons())

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        self.form.addRow(label, self.field(name, widget, label=label))

    def value(self, name: str) -> Any:
        return input_value(self.inputs[name])


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
        self.remember_input()

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

    def read_saved(self) -> CertificateRow:
        assert self.row is not None
        for certificate in self.service.get(self.officer_id).certificates:
            if certificate.id == self.row.id:
                return certificate
        raise UserError("record.changed_elsewhere")


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
        self.remember_input()

    def submit(self) -> Any:
        return self.service.add_review(self.certificate_id, {name: self.value(name) for name in self.inputs})
