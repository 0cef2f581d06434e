"""A money field: the clerk types yuan (1,234.50 or 1234.5), the form reads integer fen.

`fen()` returns the amount in fen, None when empty, and raises the same
UserError("money.invalid") a service would for text that is not an amount in
yuan with at most two decimals (app.legal.rates.yuan_to_fen decides).
"""

from __future__ import annotations

from decimal import InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import UserError
from app.legal.rates import fen_to_yuan, yuan_to_fen


class MoneyEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None, *, field: str | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("yuan, e.g. 1,250,000.00"))
        self.setMaxLength(24)

    def set_fen(self, fen: int | None) -> None:
        self.setText("" if fen is None else f"{fen_to_yuan(fen):,.2f}")

    def fen(self) -> int | None:
        text = self.text().strip().replace("，", ",").replace("¥", "").replace("元", "").strip()
        if not text:
            return None
        try:
            return yuan_to_fen(text)
        except (ValueError, InvalidOperation) as exc:
            raise UserError("money.invalid", field=self.field, value=self.text().strip()) from exc
