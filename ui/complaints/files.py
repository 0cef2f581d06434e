"""The file dialogs of the complaints area, as module functions tests can patch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_save_path(parent: QWidget | None, caption: str, suggested_name: str, name_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested_name), name_filter)
    return Path(path) if path else None


def choose_open_path(parent: QWidget | None, caption: str, name_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), name_filter)
    return Path(path) if path else None
