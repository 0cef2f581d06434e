"""The staff area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "staff",
    messages="app.staff.messages",
    permissions=(
        # The roster and training records are kept by the legal office (法制审核员).
        PermissionRule(Permission.STAFF_VIEW, "View the enforcement staff roster", "查看执法人员",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.STAFF_EDIT, "Edit the roster and certificates", "维护执法人员和执法证",
                       frozenset({Role.ADMIN, Role.LEGAL_REVIEWER})),
    ),
    cli_modules=("app.staff.cli",),
    audit_tables={
        "officer": ("Enforcement staff", "执法人员"),
        "officer_certificate": ("Certificates", "执法证件"),
        "certificate_review": ("Certificate reviews", "证件年审"),
    },
)
