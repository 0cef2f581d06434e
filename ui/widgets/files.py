"""The file dialogs of every window (registers, case pages, reports, sites), as two module functions tests can patch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui import file_dialogs


def choose_save_path(parent: QWidget | None, caption: str, suggested_name: str, name_filter: str) -> Path | None:
    """Where to write a file, or None if the user cancelled."""
    return file_dialogs.choose_save_path(parent, caption, suggested_name, name_filter)


def choose_open_path(parent: QWidget | None, caption: str, name_filter: str) -> Path | None:
    """Which file to read, or None if the user cancelled."""
    return file_dialogs.choose_open_path(parent, caption, name_filter)
