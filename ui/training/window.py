"""培训考试: three tabs — 学习培训 (sessions), 考试 (exams), 年度汇总 (the year's summary)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from app.clock import bureau_today
from ui.context import AppContext
from ui.training.exams import ExamsTab
from ui.training.list_tab import ALL_YEARS
from ui.training.sessions import SessionsTab
from ui.training.summary import SummaryTab
from ui.widgets.naming import named


class TrainingWindow(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_window")
        self.context = context
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("training_tabs")
        self.tabs.setDocumentMode(True)
        self.sessions_tab = SessionsTab(context, self.tabs)
        self.exams_tab = ExamsTab(context, self.tabs)
        self.summary_tab = SummaryTab(context, self.tabs)
        self.tabs.addTab(self.sessions_tab, self.tr("Study and training"))
        self.tabs.addTab(self.exams_tab, self.tr("Exams"))
        self.tabs.addTab(self.summary_tab, self.tr("Year summary"))
        # One year for all three tabs, at the tab bar's right; the tabs' own boxes stay
        # (they filter) but are hidden and follow this one.
        self.year = named(QSpinBox(), "training_year")
        self.year.setRange(ALL_YEARS, 2100)
        self.year.setSpecialValueText(self.tr("All years"))
        self.year.setValue(bureau_today().year)
        self.year.setMaximumWidth(self.year.sizeHint().width() + 8)
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 6, 0)
        corner_layout.addWidget(QLabel(self.tr("Year:")))
        corner_layout.addWidget(self.year)
        self.tabs.setCornerWidget(corner)
        for tab in (self.sessions_tab, self.exams_tab, self.summary_tab):
            tab.year.hide()
            tab.year_label.hide()  # no "年度：" left beside nothing
        self.year.valueChanged.connect(self._year_chosen)
        self._year_chosen(self.year.value())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _year_chosen(self, year: int) -> None:
        self.sessions_tab.year.setValue(year)
        self.exams_tab.year.setValue(year)
        if year != ALL_YEARS:  # the summary is always of one year: it keeps the last one chosen
            self.summary_tab.year.setValue(year)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_sessions(self) -> SessionsTab:
        self.tabs.setCurrentWidget(self.sessions_tab)
        return self.sessions_tab

    def show_exams(self) -> ExamsTab:
        self.tabs.setCurrentWidget(self.exams_tab)
        return self.exams_tab

    def show_summary(self) -> SummaryTab:
        self.tabs.setCurrentWidget(self.summary_tab)
        return self.summary_tab
