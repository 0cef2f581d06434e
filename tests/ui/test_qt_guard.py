"""TOOLCHAIN trap 1: PySide6 6.12.0 drops a reference to None on every void call on
Python 3.11 and the process aborts after a few thousand.  Keep this guard."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on 3.12+")
def test_void_calls_keep_none_alive() -> None:
    o = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        o.setObjectName("x")
    assert sys.getrefcount(None) - before > -100


def test_pinned_pyside_version() -> None:
    import PySide6

    assert PySide6.__version__ == "6.11.3"
