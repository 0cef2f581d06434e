"""The reports area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "reports",
    messages="app.reports.messages",
    permissions=(
        # The yearly figures are aggregates without personal data (issue 7); drill-downs need the area's own VIEW.
        PermissionRule(Permission.REPORT_VIEW, "View the statistics (yearly report figures)", "查看统计报表",
                       EVERYONE, anonymous=True),
    ),
    cli_modules=("app.reports.cli",),
)
