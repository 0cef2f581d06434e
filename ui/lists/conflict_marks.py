"""The conflict mark in the lists: a record changed here and at another site since they
last agreed (issue 15) is tinted, with ⚠ before its first cell, until 冲突处理 settles it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.sites.exchange import open_conflict_ids
from app.store.engine import Store
from ui.lists.paged_model import PagedTableModel


def mark_conflicts(model: PagedTableModel[Any], store: Store, table_name: str) -> None:
    """Mark the rows of `model` (ids of `table_name`) that have an open conflict."""
    model.set_row_marks(
        lambda: open_conflict_ids(store, table_name).keys(),
        QCoreApplication.translate(
            "ConflictMarks",
            "Changed here and at another site: both versions are kept until settled under "
            "Administration → Sites and exchange → Conflicts",
        ),
    )
