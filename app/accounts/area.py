"""The accounts area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "accounts",
    messages="app.accounts.messages",
    message_values={"permission": "app.accounts.permissions:label"},
    permissions=(
        PermissionRule(Permission.USER_MANAGE, "Manage users and roles", "管理用户与角色",
                       frozenset({Role.ADMIN})),
    ),
    cli_modules=("app.accounts.cli",),
    audit_tables={
        "app_user": ("Users", "用户"),
    },
    local={
        "app_user": "accounts and passwords never travel",
    },
)
