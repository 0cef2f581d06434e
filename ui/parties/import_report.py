"""What an import did: how many rows came in, and each refused row with its reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.kernel.import_report import ImportReport
from ui.widgets.table_cells import filled_cell

# A report is read by a person: beyond this many refused rows, say how many more.
MAX_ROWS_SHOWN = 1000


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle(self.tr("Import report"))
        self.report = report
        summary = self.tr("%1 rows read: %2 imported, %3 refused.")
        summary = summary.replace("%1", str(report.total)).replace("%2", str(report.imported))
        summary = summary.replace("%3", str(len(report.refused)))
        self.summary = QLabel(summary)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 2)
        self.table.setObjectName("refused_rows")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        shown = report.refused[:MAX_ROWS_SHOWN]
        self.table.setRowCount(len(shown))
        for i, problem in enumerate(shown):
            number = QTableWidgetItem(str(problem.row))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 0, number)
            self.table.setItem(i, 1, QTableWidgetItem(problem.message(language)))
        if report.refused:
            layout.addWidget(QLabel(self.tr("Refused rows (nothing of them was saved):")))
            layout.addWidget(self.table)
            if len(report.refused) > MAX_ROWS_SHOWN:
                more = self.tr("… and %1 more refused rows.").replace("%1", str(len(report.refused) - MAX_ROWS_SHOWN))
                layout.addWidget(QLabel(more))
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420 if report.refused else 160)

    def refused_rows(self) -> list[tuple[int, str]]:
        """(row, reason) as the table shows them."""
        return [
            (int(filled_cell(self.table, i, 0).text()), filled_cell(self.table, i, 1).text()) for i in range(self.table.rowCount())
        ]
