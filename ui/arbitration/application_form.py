"""The application form: applicant and respondent from the parties register,
the date received, the cause, and the claims item by item (category,
description, amount in yuan).  Used for arbitration (收件) and, with the
channel and the oral record, for township mediation (调解申请)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.arbitration.deadlines import shanghai_today
from app.arbitration.service import CATEGORY_LABELS, PROCEDURE_LABELS, ClaimInput
from app.parties.models import PartyKind
from app.parties.service import PartyService
from ui.context import AppContext
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.party_picker import PartyPicker
from ui.widgets.record_form import RecordForm
from ui.widgets.step_dialog import from_qdate, to_qdate


def zh_or_en(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "en" else pair[1]


class ApplicationForm(RecordForm):
    """Receive an arbitration application, or a mediation one (mediation=True).  `saved_id`: the new case."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, mediation: bool = False,
                 today: date | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("application_form")
        self.mediation = mediation
        self.setWindowTitle(self.tr("New mediation application") if mediation else self.tr("Receive an arbitration application"))
        parties = PartyService(context.store, context.actor)
        self.applicant = PartyPicker(parties, kind=PartyKind.PERSON.value)
        self.applicant.setObjectName("applicant")
        self.respondent = PartyPicker(parties, kind=PartyKind.ORG.value)
        self.respondent.setObjectName("respondent")
        self.received_on = QDateEdit()
        self.received_on.setObjectName("received_on")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setDate(to_qdate(today or shanghai_today()))
        self.cause = QLineEdit()
        self.cause.setObjectName("cause")
        form = QFormLayout()
        form.addRow(self.tr("Applicant (worker):"), self.applicant)
        form.addRow(self.tr("Respondent (employer):"), self.respondent)
        form.addRow(self.tr("Received on:"), self.received_on)
        form.addRow(self.tr("Matter in dispute:") if mediation else self.tr("Cause:"), self.cause)
        if not mediation:
            self.procedure = QComboBox()
            self.procedure.setObjectName("procedure")
            for key, pair in PROCEDURE_LABELS.items():
                self.procedure.addItem(zh_or_en(pair, context.language), str(key))
            self.collective = QCheckBox(self.tr("Collective dispute (10 or more workers)"))
            self.collective.setObjectName("collective")
            form.addRow(self.tr("Procedure:"), self.procedure)
            form.addRow("", self.collective)
        if mediation:
            self.channel = QComboBox()
            self.channel.setObjectName("channel")
            self.channel.addItem(self.tr("On site"), "on_site")
            self.channel.addItem(self.tr("Online (互联网+调解)"), "online")
            self.application_kind = QComboBox()
            self.application_kind.setObjectName("application_kind")
            self.application_kind.addItem(self.tr("Written"), "written")
            self.application_kind.addItem(self.tr("Oral (recorded on the spot)"), "oral")
            self.oral_record = QPlainTextEdit()
            self.oral_record.setObjectName("oral_record")
            self.oral_record.setFixedHeight(60)
            self.organisation = QLineEdit()
            self.organisation.setObjectName("organisation")
            form.addRow(self.tr("Channel:"), self.channel)
            form.addRow(self.tr("Application:"), self.application_kind)
            form.addRow(self.tr("Oral record:"), self.oral_record)
            form.addRow(self.tr("Mediation centre:"), self.organisation)

        self.claims = QTableWidget(0, 3)
        self.claims.setObjectName("claims")
        self.claims.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Claim"), self.tr("Amount (yuan)")])
        self.claims.horizontalHeader().setStretchLastSection(True)
        self.claims.setColumnWidth(0, 150)
        self.claims.setColumnWidth(1, 260)
        add = QPushButton(self.tr("Add a claim"))
        add.setObjectName("add_claim")
        add.clicked.connect(self.add_claim_row)
        self.error = self.form_error  # the one red line: the services name no field here
        buttons = self.save_buttons()
        buttons.setObjectName("buttons")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Claims, item by item:")))
        row.addStretch(1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.claims, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.add_claim_row()
        self.saved_id: int | None = None
        self.remember_input()

    def add_claim_row(self) -> int:
        row = self.claims.rowCount()
        self.claims.insertRow(row)
        category = QComboBox()
        for key, pair in CATEGORY_LABELS.items():
            category.addItem(zh_or_en(pair, self.context.language), str(key))
        description = QLineEdit()
        amount = MoneyEdit(field="claims")
        for col, w in enumerate((category, description, amount)):
            w.setObjectName(f"claim_{row}_{col}")
            self.claims.setCellWidget(row, col, w)
        return row

    def claim_widgets(self, row: int) -> tuple[QComboBox, QLineEdit, MoneyEdit]:
        category, description, amount = (self.claims.cellWidget(row, col) for col in range(3))
        assert isinstance(category, QComboBox) and isinstance(description, QLineEdit) and isinstance(amount, MoneyEdit)
        return category, description, amount

    def claim_inputs(self) -> list[ClaimInput]:
        out = []
        for row in range(self.claims.rowCount()):
            category, description, amount = self.claim_widgets(row)
            fen = amount.fen()
            if fen is None and not description.text().strip():
                continue
            out.append(ClaimInput(category.currentData(), fen or 0, description.text().strip()))
        return out

    def submit(self) -> int:
        from app.arbitration.service import ArbitrationCaseService
        from app.mediation.service import MediationService

        applicant, respondent = self.applicant.party_id(), self.respondent.party_id()
        common: dict[str, Any] = {
            "applicants": [applicant] if applicant else [],
            "respondents": [respondent] if respondent else [],
            "claims": self.claim_inputs(),
            "received_on": from_qdate(self.received_on.date()),
        }
        if self.mediation:
            return MediationService(self.context.store, self.context.actor).apply(
                **common, matter=self.cause.text(), channel=self.channel.currentData(),
                application_form=self.application_kind.currentData(),
                oral_record=self.oral_record.toPlainText(), organisation=self.organisation.text(),
            )
        return ArbitrationCaseService(self.context.store, self.context.actor).receive(
            **common, cause=self.cause.text(), procedure=self.procedure.currentData(),
            collective=self.collective.isChecked(),
        )

    def saved_as(self, row: int) -> int:
        self.saved_id = row
        return super().saved_as(row)
