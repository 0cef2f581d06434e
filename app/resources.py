"""Paths of the files shipped in resources/ (fonts, icons, translations)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # In a PyInstaller bundle the data sits under sys._MEIPASS.
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources"


def font_path() -> Path:
    """WenQuanYi Micro Hei: TrueType outlines, so both Qt and reportlab can use it."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


FONT_FAMILY = "WenQuanYi Micro Hei"
