"""今日待办 (Today's desk): the first thing a clerk sees — what is overdue, due
today and due within three working days, across every area with time
limits.  Double-clicking a line opens its case in its area (through the main
window's `open_area`, so the desk needs no knowledge of the other windows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.accounts.permissions import Permission
from app.arbitration.deadlines import shanghai_today
from app.desk.service import BUCKET_LABELS, Bucket, Desk, DeskItem, DeskService
from ui.areas import area_title
from ui.context import AppContext
from ui.lists import Column, PagedTableModel, PagedTableView
from ui.reports.overview import OverviewWidget

COLOURS = {Bucket.OVERDUE: QColor("#b00020"), Bucket.TODAY: QColor("#a65e00"), Bucket.SOON: None}


class _Rows:
    """The desk's lines as a paged source (the list pattern's model takes any)."""

    def __init__(self, items: list[DeskItem]) -> None:
        self.items = items

    def count(self) -> int:
        return len(self.items)

    def page(self, offset: int, limit: int) -> list[DeskItem]:
        return self.items[offset : offset + limit]


class DeskWindow(QWidget):
    # A line was opened: (area key, case id); emitted before the window is asked to open it.
    open_requested = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_window")
        self.context = context
        self.service = DeskService(context.store, context.actor, today=today or shanghai_today)
        self.desk: Desk | None = None
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 14pt")
        self.horizon = QLabel()
        self.horizon.setObjectName("horizon")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh")
        refresh.clicked.connect(self.refresh_all)
        self.model: PagedTableModel[DeskItem] = PagedTableModel(
            self._columns(), self, row_id=lambda i: (i.area, i.case_id, i.rule_id, i.due)
        )
        self.view = PagedTableView()
        self.view.setObjectName("desk_table")
        self.view.setModel(self.model)
        self.view.row_activated.connect(self.open_item)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        # The home page: this year's key figures above the desk, for whoever may see them.
        self.overview: OverviewWidget | None = None
        if context.can(Permission.REPORT_VIEW):
            self.overview = OverviewWidget(context, self, show_refresh=False)
            layout.addWidget(self.overview, 1)
        layout.addLayout(top)
        layout.addWidget(self.horizon)
        layout.addWidget(self.view, 1)
        self.refresh()

    def _columns(self) -> list[Column[DeskItem]]:
        lang = self.context.language

        def bucket(i: DeskItem) -> str:
            en, zh = BUCKET_LABELS[i.bucket]
            return en if lang == "en" else zh

        return [
            Column("bucket", self.tr("When"), bucket, width=8, foreground=lambda i: COLOURS[i.bucket]),
            Column("due", self.tr("Due"), lambda i: i.due, width=6, foreground=lambda i: COLOURS[i.bucket]),
            Column("area", self.tr("Area"), lambda i: area_title(i.area), width=5),
            Column("reference", self.tr("Case"), lambda i: i.reference_in(lang), width=19, fit=True,
                   elide=Qt.TextElideMode.ElideLeft),
            Column("parties", self.tr("Parties"), lambda i: i.parties_in(lang), width=14,
                   tooltip=lambda i: i.parties_in(lang)),
            # the deadline by name; its rule id (A2 …) only in the tooltip
            Column("what", self.tr("What must happen"), lambda i: i.what_in(lang), width=20,
                   tooltip=lambda i: i.explained(lang)),
        ]

    def refresh_all(self) -> None:
        """The home page's one 刷新: the year's figures above and the desk below."""
        if self.overview is not None:
            self.overview.refresh()
        self.refresh()

    def refresh(self, *_args: Any) -> Desk:
        desk = self.service.desk()
        self.desk = desk
        c = desk.counts
        self.headline.setText(
            self.tr("Overdue: %1 · Due today: %2 · Within 3 working days: %3")
            .replace("%1", str(c.overdue)).replace("%2", str(c.today)).replace("%3", str(c.soon))
        )
        self.horizon.setText(self.tr("Today is %1; three working days run to %2.")
                             .replace("%1", desk.today.isoformat()).replace("%2", desk.horizon.isoformat()))
        self.model.set_query(_Rows(list(desk.items)))
        return desk

    def open_item(self, item: DeskItem) -> None:
        self.open_requested.emit(item.area, item.case_id)
        window = self.window()
        opener = getattr(window, "open_area", None)
        if opener is None:
            return
        widget = opener(item.area)
        open_case = getattr(widget, "open_case", None)
        if open_case is not None:
            open_case(item.case_id)

    def showEvent(self, event: Any) -> None:  # Qt override: fresh each time the clerk comes back
        if self.desk is not None:
            self.refresh()
        super().showEvent(event)

