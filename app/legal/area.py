"""The legal area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import DOWN_ONLY, Merge, Travel

AREA = AreaSpec(
    "legal",
    messages="app.legal.messages",
    message_values={
        "unit": "app.legal.deadlines:unit_words",
        "what": "app.legal.deadlines:day_count_words",
    },
    permissions=(
        PermissionRule(Permission.CALENDAR_EDIT, "Enter the holiday schedule of a year", "录入年度节假日安排",
                       frozenset({Role.ADMIN})),
    ),
    cli_modules=("app.cli.deadline",),
    audit_tables={
        "holiday_day": ("Holiday schedule", "节假日安排"),
    },
    audit_fields={
        "day": ("Day", "日期"),
    },
    travelling={
        "holiday_day": Travel(DOWN_ONLY, merge=Merge.DISTRICT_WINS, natural_keys=("day",)),
    },
    # what the sites screen calls these tables in a sentence ("parties 3"): (English, Chinese)
    exchange_labels={
        "holiday_day": ("holiday days", "节假日"),
    },
)
