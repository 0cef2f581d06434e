"""The roster list model: the paged table model, with rows coloured by certificate state.

Amber: the best certificate expires within WARNING_DAYS of the list's date;
red-ish: it has expired.  The colours come from `OfficerRow.expiring` / the
display status, i.e. from the service's rules, never from a rule of its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.staff.service import DisplayStatus, OfficerRow
from ui.lists import PagedTableModel

EXPIRING_COLOUR = QColor("#FFE3A3")  # amber
EXPIRED_COLOUR = QColor("#F6C9C4")  # red-ish
OFF_ROSTER_COLOUR = QColor("#808080")  # grey text: no longer in post


def row_colour(row: OfficerRow) -> QColor | None:
    if row.expiring:
        return EXPIRING_COLOUR
    if row.status == DisplayStatus.EXPIRED.value:
        return EXPIRED_COLOUR
    return None


class RosterModel(PagedTableModel[OfficerRow]):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if not index.isValid():
                return None
            row = self.row_at(index.row())
            colour = row_colour(row) if isinstance(row, OfficerRow) else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if isinstance(row, OfficerRow) and not row.on_roster:
                return QBrush(OFF_ROSTER_COLOUR)
        return super().data(index, role)
