"""The backup area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.kernel.areas import AreaSpec

AREA = AreaSpec(
    "backup",
    messages="app.backup.messages",
    cli_modules=("app.backup.cli",),
)
