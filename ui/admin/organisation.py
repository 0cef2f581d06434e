"""系统管理 → 机关与救济: the names the documents speak with, entered once by an administrator —
the bureau and its bodies, the 复议机关 and the court a decision's remedy clause names (行政处罚法
art 59(5); 行政复议法 2023 art 24; 行政诉讼法 art 18), and the local 较大数额 that makes a penalty
notice offer a hearing (行政处罚法 art 63(1)).  The preview shows the clause as decisions print it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts.permissions import Permission
from app.complaints.documents import remedy_clause
from app.errors import StorageError, UserError
from app.kernel.settings import DEFAULTS, SettingsService
from ui.context import AppContext
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.naming import named

FIELDS = ("district", "bureau", "arbitration_commission", "inspection_brigade", "review_authority", "court")


class OrganisationTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisation_tab")
        self.context = context
        self.service = SettingsService(context.store, context.actor)
        labels = {
            "district": self.tr("District"),
            "bureau": self.tr("Bureau"),
            "arbitration_commission": self.tr("Arbitration commission"),
            "inspection_brigade": self.tr("Inspection brigade"),
            "review_authority": self.tr("Administrative review authority"),
            "court": self.tr("Court for administrative suits"),
        }
        self.edits: dict[str, QLineEdit] = {}
        names = QGroupBox(self.tr("Names printed on the documents"))
        form = QFormLayout(names)
        for key in FIELDS:
            edit = named(QLineEdit(), key)
            edit.textChanged.connect(self._preview)
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        self.person_threshold = MoneyEdit(field="person_fen")
        self.person_threshold.setObjectName("person_threshold")
        self.organisation_threshold = MoneyEdit(field="organisation_fen")
        self.organisation_threshold.setObjectName("organisation_threshold")
        hearing = QGroupBox(self.tr("Fines that must offer a hearing (a large amount, by local rule)"))
        h = QFormLayout(hearing)
        h.addRow(self.tr("Natural person, from (yuan)"), self.person_threshold)
        h.addRow(self.tr("Organisation, from (yuan)"), self.organisation_threshold)
        self.preview = named(QLabel(), "preview")
        self.preview.setWordWrap(True)
        self.save_button = named(QPushButton(self.tr("Save")), "save")
        self.save_button.clicked.connect(self.save)
        if not context.can(Permission.USER_MANAGE):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(context.missing_permission_tip(Permission.USER_MANAGE))
        self.status = named(QLabel(), "status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(names)
        layout.addWidget(hearing)
        layout.addWidget(QLabel(self.tr("A decision's remedy clause will read:")))
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        organisation = {**DEFAULTS["organisation"], **(self.service.get("organisation") or {})}
        for key, edit in self.edits.items():
            edit.setText(str(organisation.get(key, "")))
        thresholds = {**DEFAULTS["penalty_hearing_threshold"], **(self.service.get("penalty_hearing_threshold") or {})}
        self.person_threshold.set_fen(int(thresholds["person_fen"]))
        self.organisation_threshold.set_fen(int(thresholds["organisation_fen"]))
        self._preview()

    def values(self) -> dict[str, Any]:
        current = self.service.get("organisation") or {}
        return {**current, **{key: edit.text().strip() for key, edit in self.edits.items()}}

    def _preview(self) -> None:
        self.preview.setText("你单位" + remedy_clause("本决定书", self.values() if hasattr(self, "edits") else {}))

    def save(self) -> bool:
        try:
            person, organisation = self.person_threshold.fen(), self.organisation_threshold.fen()
            if any(not value for key, value in self.values().items() if key in FIELDS):
                raise UserError("settings.organisation_blank")
            if person is None or organisation is None or person < 0 or organisation < 0:
                raise UserError("settings.threshold_invalid")
            self.service.set("organisation", self.values())
            self.service.set("penalty_hearing_threshold", {"person_fen": person, "organisation_fen": organisation})
        except (UserError, StorageError) as err:
            self.status.setText(err.message(self.context.language))
            return False
        self.status.setText(self.tr("Saved."))
        return True
