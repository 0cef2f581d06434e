"""The filters above a list: the search box and the drop-down choices, built one way.

    self.search = search_box(self.tr("Search by …"), self.refresh)
    self.status_filter = choice_filter("status_filter", [(self.tr("All"), None), *choices], self.refresh)

A change of either refreshes the list through `on_change` (the search box after the
clerk pauses typing, see ui/lists/search_box.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

from ui.lists.search_box import SearchBox


def search_box(placeholder: str, on_change: Callable[..., Any]) -> SearchBox:
    """The search box (object name "search")."""
    box = SearchBox()
    box.setObjectName("search")
    box.setPlaceholderText(placeholder)
    box.search_changed.connect(on_change)
    return box


def choice_filter(name: str, choices: Iterable[tuple[str, Any]], on_change: Callable[..., Any]) -> QComboBox:
    """A drop-down of (text, value) choices, the first one chosen (object name `name`)."""
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in choices:
        combo.addItem(text, value)
    combo.currentIndexChanged.connect(on_change)
    return combo
