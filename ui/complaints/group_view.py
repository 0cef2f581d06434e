"""One employer (credit code) or one construction project: all its complaints,
workers, amounts owed and recovered (the start of the 监察+仲裁 linkage)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.complaints import rules
from app.complaints.rows import GroupSummary
from app.complaints.service import ComplaintRow, ComplaintService, LedgerRow
from app.errors import StorageError, UserError
from app.legal.rates import format_yuan
from ui.context import AppContext
from ui.lists import Column, PagedTableModel, PagedTableView
from ui.widgets.naming import named

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ComplaintGroupView(QDialog):
    def __init__(
        self,
        context: AppContext,
        service: ComplaintService,
        *,
        employer_id: int | None = None,
        project_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_group")
        self.context = context
        self.service = service
        self.filters: dict[str, Any] = {"employer_id": employer_id, "project_id": project_id}
        lang = context.language
        self.summary_label = named(QLabel(), "summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.summary: GroupSummary | None
        try:
            self.summary = service.summary(employer_id=employer_id, project_id=project_id)
        except (UserError, StorageError) as err:
            self.summary = None
            self.summary_label.setText(err.message(lang))
        else:
            kind = self.tr("Employer") if employer_id is not None else self.tr("Project")
            self.setWindowTitle(f"{kind}: {self.summary.title}")
            self.summary_label.setText(
                self.tr("%1 — %2 complaints (%3 open), %4 workers; owed %5, recovered %6, outstanding %7 yuan")
                .replace("%1", self.summary.title)
                .replace("%2", str(self.summary.complaints))
                .replace("%3", str(self.summary.open_complaints))
                .replace("%4", str(self.summary.workers))
                .replace("%5", format_yuan(self.summary.owed_fen))
                .replace("%6", format_yuan(self.summary.recovered_fen))
                .replace("%7", format_yuan(self.summary.outstanding_fen))
            )
        self.complaints_model: PagedTableModel[ComplaintRow] = PagedTableModel([
            Column("number", self.tr("Number"), lambda r: r.number, width=16, fit=True,
                   elide=Qt.TextElideMode.ElideLeft),
            Column("received", self.tr("Received"), lambda r: r.received_on, width=6),
            Column("employers", self.tr("Employer"), lambda r: r.employers, width=14),
            Column("workers", self.tr("Workers"), lambda r: r.workers, align=RIGHT, width=3),
            Column("owed", self.tr("Owed"), lambda r: format_yuan(r.owed_fen), align=RIGHT, width=7),
            Column("recovered", self.tr("Recovered"), lambda r: format_yuan(r.recovered_fen), align=RIGHT, width=7),
            Column("status", self.tr("State"), lambda r: rules.label(rules.STATUS_LABELS, r.status, lang), width=6),
        ], self)
        self.ledger_model: PagedTableModel[LedgerRow] = PagedTableModel([
            Column("number", self.tr("Number"), lambda r: r.number, width=16, fit=True,
                   elide=Qt.TextElideMode.ElideLeft),
            Column("worker", self.tr("Worker"), lambda r: r.worker, width=5),
            Column("id_no", self.tr("ID number"), lambda r: r.id_no, width=10),
            Column("owed", self.tr("Owed"), lambda r: format_yuan(r.owed_fen), align=RIGHT, width=7),
            Column("recovered", self.tr("Recovered"), lambda r: format_yuan(r.recovered_fen), align=RIGHT, width=7),
            Column("outstanding", self.tr("Outstanding"), lambda r: format_yuan(r.outstanding_fen), align=RIGHT, width=7),
            Column("last_paid", self.tr("Last paid"), lambda r: r.last_paid_on, width=6),
        ], self, row_id=lambda r: (r.complaint_id, r.worker, r.id_no))
        self.complaints_view = PagedTableView()
        self.complaints_view.setObjectName("group_complaints")
        self.complaints_view.setModel(self.complaints_model)
        self.ledger_view = PagedTableView()
        self.ledger_view.setObjectName("group_ledger")
        self.ledger_view.setModel(self.ledger_model)
        tabs = QTabWidget()
        tabs.addTab(self.complaints_view, self.tr("Complaints"))
        tabs.addTab(self.ledger_view, self.tr("Workers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(tabs, 1)
        self.resize(1100, 600)
        self.complaints_model.set_query(service.query(**self.filters))
        self.ledger_model.set_query(service.ledger(**self.filters))
