"""帮助 → 关于: the version (from pyproject.toml, app.__version__), the database in use
and the licence of the font the program ships."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app import __version__
from app.resources import FONT_FAMILY, font_path

# resources/fonts/wqy-microhei-LICENSE.txt, in one line.
FONT_LICENCE = "Apache-2.0 or GPL-3+ with font exception"


class AboutDialog(QDialog):
    def __init__(self, database: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Renshe Desk"))
        self.setMinimumWidth(520)

        program = self.tr("Renshe Desk")
        title = QLabel("<h2>" + program + "</h2>")
        title.setObjectName("about_title")
        form = QFormLayout()
        self.version_label = self._value("about_version", __version__)
        self.database_label = self._value("about_database", database or self.tr("(no database open)"))
        self.font_label = self._value(
            "about_font", self.tr("%1 (%2) — licence: %3").replace("%1", FONT_FAMILY)
            .replace("%2", font_path().name).replace("%3", FONT_LICENCE)
        )
        self.runtime_label = self._value(
            "about_runtime", f"Python {platform.python_version()} · PySide6 {pyside_version}"
        )
        form.addRow(self.tr("Version:"), self.version_label)
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Font:"), self.font_label)
        form.addRow(self.tr("Runtime:"), self.runtime_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _value(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
