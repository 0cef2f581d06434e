"""Python's cycle collector runs on the GUI thread only.

Left to itself it runs in whichever thread happens to allocate when its threshold is
reached — a pool thread polling the audit head, a task reading the database — and then
destroys the Qt widgets that sit in reference cycles (a closed case page and its slots)
off the GUI thread: a segmentation fault. So automatic collection is switched off and a
timer on the GUI thread collects instead, whenever the thresholds say a collection is due
(the PyQt/PySide "GarbageCollector" recipe)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            generation = 0
            if counts[1] > self.threshold[1]:
                generation = 2 if counts[2] > self.threshold[2] else 1
            gc.collect(generation)


_collector: list[GuiThreadCollector] = []


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once per application (it is the QApplication's child)."""
    if not _collector:
        _collector.append(GuiThreadCollector(app))
    return _collector[0]
