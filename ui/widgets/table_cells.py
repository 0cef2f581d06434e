"""`filled_cell(table, row, column)`: the item of a table whose every cell is set when its row is added.

`QTableWidget.item()` is Optional (None for a cell never set). The grids here fill each cell as
they add the row, so an empty cell is a programming error, said as such at the place it happens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def filled_cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"{table.objectName() or 'table'}: no item at row {row}, column {column}"
    return item
