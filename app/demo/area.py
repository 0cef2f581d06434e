"""The demo area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.kernel.areas import AreaSpec

AREA = AreaSpec(
    "demo",
    messages="app.demo.messages",
    cli_modules=("app.cli.demo",),
)
