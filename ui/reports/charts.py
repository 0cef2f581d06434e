"""A small bar chart drawn with QPainter (the program ships PySide6-Essentials,
without QtCharts): grouped bars by category, a title, a legend, value labels.

    chart = BarChart(self.tr("Complaints per month"))
    chart.set_data(["1月", "2月", …], [("投诉举报", [3, 5, …])])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = [QColor(c) for c in ("#2F5597", "#C55A11", "#548235", "#7F6000", "#7030A0", "#1F9FA0")]


def nice_step(top: float, integers: bool = False) -> float:
    """About four gridlines; whole steps for counts."""
    if top <= 0:
        return 1.0
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = float(next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw))
    return max(1.0, float(math.ceil(step))) if integers else step


def short_number(value: float) -> str:
    return f"{value:g}" if value < 10_000 else f"{value / 10_000:.1f}万"


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(420, 220)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[Any]]]) -> None:
        self.categories = list(categories)
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        self.update()

    def paintEvent(self, _event: Any) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        width, height = self.width(), self.height()
        # title and legend
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, 2, width, line), Qt.AlignmentFlag.AlignHCenter, self.title)
        legend_y = 4 + line
        if len(self.series) > 1:
            x = 40.0
            for i, (name, _) in enumerate(self.series):
                painter.fillRect(QRectF(x, legend_y + line / 4, line / 2, line / 2), PALETTE[i % len(PALETTE)])
                painter.drawText(QRectF(x + line * 0.7, legend_y, 200, line), Qt.AlignmentFlag.AlignLeft, name)
                x += line * 0.7 + metrics.horizontalAdvance(name) + 16
            legend_y += line
        top_margin = legend_y + 6
        left = float(metrics.horizontalAdvance("0000") + 12)
        bottom = height - line - 8
        plot = QRectF(left, top_margin, width - left - 10, bottom - top_margin)
        if plot.height() < 20 or not self.categories:
            painter.end()
            return
        top_value = max((max(v) for _, v in self.series if v), default=0.0)
        integers = all(v.is_integer() for _, values in self.series for v in values)
        step = nice_step(top_value, integers)
        axis_max = max(step, math.ceil(top_value / step) * step)
        # grid and value axis
        grid = QPen(QColor("#D0D0D0"))
        grid.setWidthF(0.6)
        value = 0.0
        while value <= axis_max + 1e-9:
            y = plot.bottom() - plot.height() * value / axis_max
            painter.setPen(grid)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y - line / 2, left - 4, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, short_number(value))
            value += step
        # bars
        n = len(self.categories)
        group = plot.width() / n
        bars = max(len(self.series), 1)
        bar = max(2.0, (group * 0.8) / bars)
        label_every = max(1, math.ceil(n * metrics.horizontalAdvance("10月") * 1.2 / max(plot.width(), 1)))
        for c, category in enumerate(self.categories):
            x0 = plot.left() + group * c + group * 0.1
            for s, (_, values) in enumerate(self.series):
                v = values[c] if c < len(values) else 0.0
                h = plot.height() * v / axis_max
                rect = QRectF(x0 + s * bar, plot.bottom() - h, bar - 1, h)
                painter.fillRect(rect, PALETTE[s % len(PALETTE)])
            if c % label_every == 0:
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(plot.left() + group * c - 10, plot.bottom() + 2, group + 20, line),
                                 Qt.AlignmentFlag.AlignHCenter, category)
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
        painter.end()
