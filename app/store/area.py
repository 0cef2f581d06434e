"""The store area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.kernel.areas import AreaSpec

AREA = AreaSpec(
    "store",
    messages="app.store.messages",
    cli_modules=("app.cli.db",),
)
