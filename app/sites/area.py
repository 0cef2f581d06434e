"""The sites area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.kernel.areas import AreaSpec

AREA = AreaSpec(
    "sites",
    messages="app.sites.messages",
    cli_modules=("app.sites.cli", "app.sites.exchange_cli",),
    figures="app.sites.figures:FIGURES",
    # the kernel's travelling table, and a bundle's deletions, as the sites screen names them
    exchange_labels={
        "setting": ("settings", "设置"),
        "deleted": ("deleted", "删除"),
    },
)
