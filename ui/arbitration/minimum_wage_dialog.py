"""月最低工资标准: the table by effective date the 终局 test reads (administrators)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.arbitration.settings import MinimumWage, read_table, save_table
from app.errors import UserError
from app.legal.rates import fen_to_yuan, yuan_to_fen
from ui.context import AppContext
from ui.widgets.record_form import RecordForm


class MinimumWageDialog(RecordForm):
    """The district tier and the monthly minimum wage by effective date."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("minimum_wage_dialog")
        self.setWindowTitle(self.tr("Minimum wage"))
        tier, rows = read_table(context.store, context.actor)
        self.tier = QLineEdit(tier)
        self.tier.setObjectName("tier")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("minimum_wage_table")
        self.table.setHorizontalHeaderLabels([self.tr("Effective from (YYYY-MM-DD)"), self.tr("Monthly (yuan)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        for row in rows:
            self.add_row(row.effective.isoformat(), f"{fen_to_yuan(row.monthly_fen):.2f}")
        add = QPushButton(self.tr("Add a row"))
        add.setObjectName("add_row")
        add.clicked.connect(lambda: self.add_row("", ""))
        self.error = self.form_error  # the one red line under the table
        buttons = self.save_buttons()
        buttons.setObjectName("buttons")
        form = QFormLayout()
        form.addRow(self.tr("District tier:"), self.tier)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The award uses the standard in force on the award date: "
                                        "an item is final when it is at most 12 months of it.")))
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(add)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 400)
        self.remember_input(extra=self._cells)

    def add_row(self, effective: str, yuan: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(effective))
        self.table.setItem(row, 1, QTableWidgetItem(yuan))
        return row

    def rows(self) -> list[MinimumWage]:
        out = []
        for r in range(self.table.rowCount()):
            effective = (item.text() if (item := self.table.item(r, 0)) else "").strip()
            amount = (item.text() if (item := self.table.item(r, 1)) else "").strip().replace(",", "")
            if not effective and not amount:
                continue
            try:
                day = date.fromisoformat(effective)
            except ValueError:
                raise UserError("deadline.bad_date", value=effective) from None
            try:
                fen = yuan_to_fen(amount)
            except Exception:
                raise UserError("money.invalid", value=amount) from None
            out.append(MinimumWage(day, fen))
        return out

    def _cells(self) -> list[str]:
        """What the table holds, as typed (the discard question compares it)."""
        return [item.text() if (item := self.table.item(r, c)) else ""
                for r in range(self.table.rowCount()) for c in range(2)]

    def submit(self) -> bool:
        save_table(self.context.store, self.context.actor, self.tier.text(), self.rows())
        return True
