"""The form of one officer: personal and post details, certificates, annual reviews.

The service validates; the form shows its verdict in red next to the field.
The ID number arrives masked (MaskedLineEdit): typing replaces it, leaving it
alone never sends it.  Sex and birth date follow from a valid ID number and
are filled in as it is typed.

Certificates belong to a saved officer: on a new officer, 添加执法证 first
saves the officer (the form then edits that officer) and then opens the
certificate dialog, so a clerk enters a person and their certificate in one go.
Without STAFF_EDIT the form opens read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import StorageError, UserError
from app.legal.identity import normalise_id_no, validate_id_no
from app.staff.service import CertificateRow, OfficerDetail, OfficerRow, StaffService, expires_soon
from ui.context import AppContext
from ui.staff.certificate_dialog import CertificateDialog, ReviewDialog
from ui.staff.labels import (
    STAFFING_LABELS,
    cert_type_label,
    review_label,
    staffing_label,
    status_label,
)
from ui.staff.roster_model import EXPIRED_COLOUR, EXPIRING_COLOUR
from ui.widgets.date_field import DateField
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.record_form import UNCHANGED, ChangesForm, id_no_still_typed

_OFFICER_INPUTS = ("name", "id_no", "sex", "birth_date", "unit", "section", "post", "staffing_type",
                   "has_legal_qualification", "legal_qualification_no", "on_roster")


class OfficerForm(ChangesForm):
    """Add (row=None) or edit an officer.  `saved` is emitted after every save (officer or certificate)."""

    def __init__(
        self,
        context: AppContext,
        service: StaffService,
        *,
        detail: OfficerDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("officer_form")
        self.service = service
        self.row: OfficerRow | None = detail.officer if detail else None
        self.certificates: list[CertificateRow] = list(detail.certificates) if detail else []
        self.editable = context.can(Permission.STAFF_EDIT)
        self.dialog: QDialog | None = None
        self.today = bureau_today()

        self._build_person()
        self._build_certificates()
        layout = QVBoxLayout(self)
        layout.addWidget(self.person_box)
        layout.addWidget(self.cert_box, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.save_buttons(close=True))
        self.setMinimumSize(820, 640)
        if self.row is not None:
            self._load(self.row)
        self._remember_initial()
        self._update_title()
        self._show_certificates()
        if not self.editable:
            self._make_read_only()
        self.remember_input()

    # ---------------------------------------------------------------- layout
    def _build_person(self) -> None:
        self.person_box = QGroupBox(self.tr("Officer"))
        grid = QGridLayout(self.person_box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.name = QLineEdit()
        self.name.setMaxLength(50)
        self.id_no = MaskedLineEdit()
        self.id_no.setMaxLength(32)
        self.id_no.setPlaceholderText(self.tr("optional; 18 characters"))
        self.sex = QComboBox()
        self.sex.addItem("", None)
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.birth_date = DateField(optional=True)
        self.unit = QLineEdit()
        self.section = QLineEdit()
        self.post = QLineEdit()
        self.staffing = QComboBox()
        for value in STAFFING_LABELS:
            self.staffing.addItem(staffing_label(value), value)
        self.has_qualification = QCheckBox(self.tr("Holds the legal professional qualification"))
        self.qualification_no = QLineEdit()
        self.qualification_no.setPlaceholderText(self.tr("certificate number"))
        self.on_roster = QCheckBox(self.tr("On the roster (in post)"))
        self.on_roster.setChecked(True)
        cells = [
            (self.tr("Name"), self.field("name", self.name), self.tr("ID number"), self.field("id_no", self.id_no)),
            (self.tr("Sex"), self.field("sex", self.sex), self.tr("Birth date"),
             self.field("birth_date", self.birth_date)),
            (self.tr("Unit"), self.field("unit", self.unit), self.tr("Section"), self.field("section", self.section)),
            (self.tr("Post and rank"), self.field("post", self.post), self.tr("Staffing type"),
             self.field("staffing_type", self.staffing)),
            ("", self.field("has_legal_qualification", self.has_qualification), self.tr("Qualification no."),
             self.field("legal_qualification_no", self.qualification_no)),
            ("", self.field("on_roster", self.on_roster), "", QWidget()),
        ]
        self.labels = {
            "name": self.tr("Name"), "id_no": self.tr("ID number"), "sex": self.tr("Sex"),
            "birth_date": self.tr("Birth date"), "unit": self.tr("Unit"), "section": self.tr("Section"),
            "post": self.tr("Post and rank"), "staffing_type": self.tr("Staffing type"),
            "has_legal_qualification": self.tr("Holds the legal professional qualification"),
            "legal_qualification_no": self.tr("Qualification no."), "on_roster": self.tr("On the roster (in post)"),
        }
        for row, (label1, widget1, label2, widget2) in enumerate(cells):
            grid.addWidget(QLabel(label1), row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget1, row, 1)
            grid.addWidget(QLabel(label2), row, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget2, row, 3)
        self.id_no.textChanged.connect(self._check_id_no)
        self.qualification_no.textChanged.connect(self._qualification_typed)

    def _build_certificates(self) -> None:
        self.cert_box = QGroupBox(self.tr("Enforcement certificates"))
        self.cert_table = QTableWidget(0, 7)
        self.cert_table.setObjectName("certificates")
        self.cert_table.setHorizontalHeaderLabels([
            self.tr("Type"), self.tr("Number"), self.tr("Issued by"), self.tr("Issued"), self.tr("Valid until"),
            self.tr("Category"), self.tr("Status"),
        ])
        self._setup_table(self.cert_table)
        header = self.cert_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.cert_table.itemSelectionChanged.connect(self._show_reviews)
        self.cert_table.itemDoubleClicked.connect(lambda _item: self.edit_certificate())
        self.add_cert_button = QPushButton(self.tr("Add certificate"))
        self.add_cert_button.setObjectName("add_certificate")
        self.add_cert_button.clicked.connect(self.add_certificate)
        self.edit_cert_button = QPushButton(self.tr("Edit certificate"))
        self.edit_cert_button.setObjectName("edit_certificate")
        self.edit_cert_button.clicked.connect(self.edit_certificate)
        self.review_table = QTableWidget(0, 4)
        self.review_table.setObjectName("reviews")
        self.review_table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Result"), self.tr("Review date"),
                                                     self.tr("Note")])
        self._setup_table(self.review_table)
        self.review_table.setMaximumHeight(120)
        self.add_review_button = QPushButton(self.tr("Record annual review"))
        self.add_review_button.setObjectName("add_review")
        self.add_review_button.clicked.connect(self.add_review)
        self.delete_review_button = QPushButton(self.tr("Delete review"))
        self.delete_review_button.setObjectName("delete_review")
        self.delete_review_button.clicked.connect(self.delete_review)
        cert_buttons = QHBoxLayout()
        cert_buttons.addWidget(self.add_cert_button)
        cert_buttons.addWidget(self.edit_cert_button)
        cert_buttons.addStretch(1)
        cert_buttons.addWidget(self.add_review_button)
        cert_buttons.addWidget(self.delete_review_button)
        layout = QVBoxLayout(self.cert_box)
        layout.addWidget(self.cert_table, 1)
        layout.addLayout(cert_buttons)
        self.review_label = QLabel(self.tr("Annual reviews of the selected certificate"))
        layout.addWidget(self.review_label)
        layout.addWidget(self.review_table)

    def _setup_table(self, table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    def _make_read_only(self) -> None:
        for widget in self.inputs.values():
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        tip = self.context.missing_permission_tip(Permission.STAFF_EDIT)
        for button in (self.add_cert_button, self.edit_cert_button, self.add_review_button,
                       self.delete_review_button):
            button.setEnabled(False)
            button.setToolTip(tip)

    def _update_title(self) -> None:
        if self.row is None:
            self.setWindowTitle(self.tr("New officer"))
        else:
            self.setWindowTitle(self.tr("Officer: %1").replace("%1", self.row.name))

    # ---------------------------------------------------------------- values
    def _load(self, row: OfficerRow) -> None:
        self.name.setText(row.name)
        if row.id_no:
            self.id_no.set_masked(row.id_no)
        else:
            self.id_no.set_value("")
        self.sex.setCurrentIndex(max(self.sex.findData(row.sex), 0))
        self.birth_date.set_value(row.birth_date)
        self._derived_enabled(not row.id_no)
        self.unit.setText(row.unit)
        self.section.setText(row.section)
        self.post.setText(row.post)
        self.staffing.setCurrentIndex(max(self.staffing.findData(row.staffing_type), 0))
        self.has_qualification.setChecked(row.has_legal_qualification)
        self.qualification_no.setText(row.legal_qualification_no)
        self.on_roster.setChecked(row.on_roster)

    def fields(self) -> dict[str, Any]:
        values = {name: self._value(name) for name in _OFFICER_INPUTS}
        if values["id_no"]:
            values.pop("sex")
            values.pop("birth_date")
        return values

    def changes(self) -> dict[str, Any]:
        changed = super().changes()
        if changed.get("id_no"):
            changed.pop("sex", None)
            changed.pop("birth_date", None)
        return changed

    # ---------------------------------------------------------------- live check
    def _derived_enabled(self, enabled: bool) -> None:
        if self.editable:
            self.sex.setEnabled(enabled)
            self.birth_date.setEnabled(enabled)

    def _qualification_typed(self, text: str) -> None:
        # A typed certificate number means the person holds the qualification.
        if text.strip():
            self.has_qualification.setChecked(True)

    def _check_id_no(self, text: str) -> None:
        if self.id_no.masked:
            return
        number = normalise_id_no(text)
        self._derived_enabled(not number)
        personal = self.check_as_typed("id_no", number, validate_id_no, still_typing=id_no_still_typed)
        if personal is not None:
            self.sex.setCurrentIndex(max(self.sex.findData(personal.sex), 0))
            self.birth_date.set_value(personal.birth_date)

    # ---------------------------------------------------------------- save
    def read_saved(self) -> OfficerRow:
        assert self.row is not None
        return self.service.get(self.row.id).officer

    def _save_officer(self) -> OfficerRow | None:
        """Send the officer's fields; the form now edits the saved officer.  None when refused."""
        saved = self.send()
        if saved is None:
            return None
        if saved is UNCHANGED:
            return self.row
        self.row = saved
        self.saved_row = saved
        self._load(saved)
        self._remember_initial()
        self._update_title()
        self.saved.emit(saved)
        return saved

    def save(self) -> OfficerRow | None:
        saved = self._save_officer()
        if saved is not None:
            self.accept()
        return saved

    # ---------------------------------------------------------------- certificates
    def _reload_certificates(self, select_id: int | None = None) -> None:
        if self.row is None:
            return
        try:
            detail = self.service.get(self.row.id)
        except (UserError, StorageError) as err:
            self.show_failure(err)
            return
        self.row = detail.officer
        self.certificates = list(detail.certificates)
        self._show_certificates(select_id)
        self.saved.emit(detail.officer)

    def _show_certificates(self, select_id: int | None = None) -> None:
        table = self.cert_table
        table.setRowCount(len(self.certificates))
        for i, cert in enumerate(self.certificates):
            status = cert.display_status(self.today)
            if expires_soon(cert, self.today):
                days = (cert.expiry_date - self.today).days
                status_text = self.tr("%1 (expires in %2 days)").replace("%1", status_label(status)).replace(
                    "%2", str(days))
            else:
                status_text = status_label(status)
            values = [cert_type_label(cert.cert_type), cert.number, cert.issuing_authority,
                      cert.issue_date.isoformat(), cert.expiry_date.isoformat(), cert.category, status_text]
            background = None
            if expires_soon(cert, self.today):
                background = QBrush(EXPIRING_COLOUR)
            elif status == "expired":
                background = QBrush(EXPIRED_COLOUR)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, cert.id)
                if background is not None:
                    item.setBackground(background)
                table.setItem(i, column, item)
        if select_id is not None:
            for i, cert in enumerate(self.certificates):
                if cert.id == select_id:
                    table.selectRow(i)
        elif self.certificates:
            table.selectRow(0)
        self._show_reviews()

    def selected_certificate(self) -> CertificateRow | None:
        rows = self.cert_table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self.certificates[index] if 0 <= index < len(self.certificates) else None

    def _show_reviews(self) -> None:
        cert = self.selected_certificate()
        reviews = cert.reviews if cert else ()
        self.review_table.setRowCount(len(reviews))
        for i, review in enumerate(reviews):
            values = [str(review.year), review_label(review.result),
                      review.reviewed_on.isoformat() if review.reviewed_on else "", review.note]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, review.id)
                self.review_table.setItem(i, column, item)
        if self.editable:
            self.edit_cert_button.setEnabled(cert is not None)
            self.add_review_button.setEnabled(cert is not None)
            self.delete_review_button.setEnabled(bool(reviews))

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def add_certificate(self) -> CertificateDialog | None:
        officer = self._save_officer() if self.row is None or self.changes() else self.row
        if officer is None:
            return None
        dialog = CertificateDialog(self.context, self.service, officer.id, parent=self)
        dialog.saved.connect(lambda row: self._reload_certificates(row.id))
        self._open(dialog)
        return dialog

    def edit_certificate(self) -> CertificateDialog | None:
        cert = self.selected_certificate()
        if cert is None or self.row is None or not self.editable:
            return None
        dialog = CertificateDialog(self.context, self.service, self.row.id, row=cert, parent=self)
        dialog.saved.connect(lambda row: self._reload_certificates(row.id))
        self._open(dialog)
        return dialog

    def add_review(self) -> ReviewDialog | None:
        cert = self.selected_certificate()
        if cert is None:
            return None
        dialog = ReviewDialog(self.context, self.service, cert.id, parent=self)
        dialog.saved.connect(lambda _row, cid=cert.id: self._reload_certificates(cid))
        self._open(dialog)
        return dialog

    def delete_review(self) -> None:
        cert = self.selected_certificate()
        rows = self.review_table.selectionModel().selectedRows()
        if cert is None or not cert.reviews:
            return
        review = cert.reviews[rows[0].row() if rows else -1]
        try:
            self.service.delete_review(review.id)
        except (UserError, StorageError) as err:
            self.show_failure(err)
            return
        self._reload_certificates(cert.id)
