"""Render resources/icons/renshe-desk.svg to the PNG (Linux menu) and ICO (Windows) beside it.
Run after editing the SVG:  QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make-icons.py"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "renshe-desk.svg")).render(painter)
    painter.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    assert render(256).save(str(ICONS / "renshe-desk.png"))
    # Qt's ico writer stores one image; 256 px is what Windows scales down from.
    assert render(256).save(str(ICONS / "renshe-desk.ico"))
