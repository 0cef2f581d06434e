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
    audit_fields={
        "username": ("User name", "用户名"),
        "display_name": ("Display name", "显示名称"),
        "password_hash": ("Password", "密码"),
        "roles": ("Roles", "角色"),
        "active": ("Active", "有效"),
        "failed_logins": ("Failed logins", "登录失败次数"),
        "locked_until": ("Locked until", "锁定至"),
    },
    local={
        "app_user": "accounts and passwords never travel",
    },
)
