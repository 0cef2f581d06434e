"""概览: this year's key figures and three small charts, for the home window.

`OverviewWidget(context)` computes `yearly_figures` for the current year (to
date) on the task runner when first shown and on 刷新; it needs only
REPORT_VIEW.  It is the first tab of the 统计报表 area; the main window may
also place it above Today's desk on its home page (see the issue 7 report).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.clock import bureau_today
from app.legal.rates import fen_to_wan_yuan, format_percent
from app.reports.yearly import YearlyFigures, yearly_figures
from ui.context import AppContext
from ui.file_actions import FileActions, FileTexts
from ui.lists.table_view import layout_settings
from ui.reports.charts import BarChart
from ui.widgets.naming import named

TILE_STYLE = ("QFrame#tile { border: 1px solid #C8D3E0; border-radius: 6px; background: #F5F8FC; }"
              "QLabel#tile_value { font-size: 18pt; font-weight: bold; color: #2F5597; }")


class Tile(QFrame):
    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("—")
        self.value.setObjectName("tile_value")
        self.value.setAccessibleName(key)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class OverviewWidget(QWidget):
    # The year shown is remembered across starts (a leader looking back at 2023 all week).
    YEAR_SETTING = "home/overview_year"
    FIRST_YEAR = 2004  # the first year of the holiday calendar the figures count on

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: Callable[[], date] = bureau_today, show_refresh: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setStyleSheet(TILE_STYLE)
        self.context = context
        self.tasks = context.tasks
        self.today = today
        self.figures: YearlyFigures | None = None
        self._started = False

        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.year = named(QSpinBox(), "overview_year")
        self.year.setRange(self.FIRST_YEAR, today().year)
        self.year.setValue(self._remembered_year(today().year))
        self.year.setSuffix(self.tr(" (year)"))
        self.year.setToolTip(self.tr("The year whose figures are shown"))
        self.year.setMaximumWidth(self.year.sizeHint().width() + 8)
        self.year.valueChanged.connect(self._year_chosen)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.year)
        if show_refresh:  # on the home page, Today's desk has the one 刷新 for both
            refresh = QPushButton(self.tr("Refresh"))
            refresh.setObjectName("refresh")
            refresh.clicked.connect(self.refresh)
            top.addWidget(refresh)

        captions = {
            "complaints_received": self.tr("Complaints received"),
            "workers_recovered": self.tr("Workers whose wages were recovered"),
            "wages_recovered": self.tr("Wages recovered (10,000 yuan)"),
            "arbitration_received": self.tr("Arbitration applications received"),
            "arbitration_pending": self.tr("Arbitration cases pending"),
            "mediation_online_handled": self.tr("Online mediations handled"),
            "certified_staff": self.tr("Staff holding certificates"),
            "project_compliance_rate": self.tr("Six-system compliance rate"),
        }
        self.tiles: dict[str, Tile] = {}
        tiles = QGridLayout()
        for i, (key, caption) in enumerate(captions.items()):
            tile = Tile(key, caption)
            self.tiles[key] = tile
            tiles.addWidget(tile, i // 4, i % 4)

        self.charts = {
            "complaints": BarChart(self.tr("Complaints per month")),
            "wages": BarChart(self.tr("Wages recovered per month (10,000 yuan)")),
            "arbitration": BarChart(self.tr("Arbitration received and closed per month")),
        }
        charts = QHBoxLayout()
        for key, chart in self.charts.items():
            chart.setObjectName(f"overview_chart_{key}")
            charts.addWidget(chart)
        self.status = QLabel()
        self.status.setObjectName("status")
        # A failure is said in the status line only (the home page opens no message boxes).
        self.file_actions = FileActions(self, context, self.status, error_box=False,
                                        texts=FileTexts(cancelled=self.tr("Cancelled.")))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(charts, 1)
        layout.addWidget(self.status)

    def showEvent(self, event: Any) -> None:  # Qt override: compute once, when first seen
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.refresh()

    def _remembered_year(self, this_year: int) -> int:
        value = layout_settings().value(self.YEAR_SETTING)
        year = int(value) if value is not None and str(value).isdigit() else this_year
        return year if self.FIRST_YEAR <= year <= this_year else this_year

    def _year_chosen(self, year: int) -> None:
        settings = layout_settings()
        settings.setValue(self.YEAR_SETTING, year)
        settings.sync()
        self.refresh()

    def refresh(self) -> None:
        today = self.today()
        year = self.year.value()
        # This year: 1 January to today; a past year: the whole of it.
        last = today if year == today.year else date(year, 12, 31)
        store, actor = self.context.store, self.context.actor
        self.status.setText(self.tr("Computing…"))
        self.tasks.run(
            lambda progress, cancel: yearly_figures(store, actor, year, date_to=last,
                                                    progress=progress, cancel=cancel),
            on_success=self.show_figures, on_error=self.file_actions.failed, label=self.tr("Computing the year's figures"),
            parent=self,
        )

    def show_figures(self, f: YearlyFigures) -> None:
        self.figures = f
        self.headline.setText(self.tr("%1: 1 January to %2").replace("%1", str(f.year))
                              .replace("%2", f.last.isoformat() if self.context.language == "en"
                                       else f"{f.last.month}月{f.last.day}日"))
        values = {
            "complaints_received": str(f.complaints_received),
            "workers_recovered": str(f.workers_recovered),
            "wages_recovered": str(f.wages_recovered_wan_yuan),
            "arbitration_received": str(f.arbitration_received),
            "arbitration_pending": str(f.arbitration_pending),
            "mediation_online_handled": str(f.mediation_online_handled),
            "certified_staff": str(f.certified_staff),
            "project_compliance_rate": format_percent(f.project_compliance_rate),
        }
        for key, text in values.items():
            self.tiles[key].value.setText(text)
        months = [str(m) for _, m in f.months]
        self.charts["complaints"].set_data(months, [(self.tr("Complaints"),
                                                     f.monthly.get("inspection.complaints_received", []))])
        self.charts["wages"].set_data(months, [(self.tr("Wages"), [
            float(fen_to_wan_yuan(v)) for v in f.monthly.get("inspection.wages_recovered_fen", [])])])
        self.charts["arbitration"].set_data(months, [
            (self.tr("Received"), f.monthly.get("arbitration.received", [])),
            (self.tr("Closed"), f.monthly.get("arbitration.closed", [])),
        ])
        self.status.setText("")
