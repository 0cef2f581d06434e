"""Fixtures for every window test."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp):
    """As the program does (ui/gui_gc.py): the cycle collector runs on the GUI thread only —
    collected on a pool thread, a closed page's widgets crashed the process (SIGSEGV in
    "Garbage-collecting" under the change watcher's poll). What the last test left behind
    is collected now, while no task runs."""
    from ui.gui_gc import collect_on_gui_thread

    # Collected only here, between tests, never during one: pytest-qt holds the widgets a test
    # hands it by weak reference, so a collection during a test's teardown could take a shown
    # window's Python side before pytest-qt closes it (its list model then answered Qt with
    # AttributeError: no attribute 'columns').
    collect_on_gui_thread(qapp).timer.stop()
    gc.collect()


@pytest.fixture(autouse=True)
def discard_answers(monkeypatch):
    """A form closed with typed input asks before discarding it (ui/widgets/discard_guard.py).
    Tests that close such a form answer "discard" here, and can read how often they were
    asked; a test that checks the question sets `answers.keep = True` or reads `answers.asked`."""
    from ui.widgets.discard_guard import DiscardQuestion

    class Answers:
        asked = 0
        keep = False

    def ask(cls, parent):
        Answers.asked += 1
        return not Answers.keep

    monkeypatch.setattr(DiscardQuestion, "ask", classmethod(ask))
    return Answers


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    """Where a test saves the screenshots it takes to look at its windows: under its tmp_path
    (pytest keeps the last three runs' folders; --basetemp puts them where you want)."""
    folder = tmp_path / "shots"
    folder.mkdir(exist_ok=True)
    return folder
