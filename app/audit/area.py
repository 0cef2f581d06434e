"""The audit area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "audit",
    messages="app.audit.messages",
    permissions=(
        PermissionRule(Permission.AUDIT_VIEW, "View the audit log", "查看操作日志",
                       frozenset({Role.ADMIN, Role.LEGAL_REVIEWER, Role.LEADERSHIP})),
        # Verifying reads nothing personal (sequence numbers, table names, record ids) and changes nothing:
        # anyone may, signed in or not (issue 13: one rule, not a refusal that omitting --user got round).
        PermissionRule(Permission.AUDIT_VERIFY, "Verify the audit log", "校验操作日志",
                       EVERYONE, anonymous=True),
    ),
    # what the log's own entries carry: a reveal names the field shown in full; an export (issue 13)
    # which export, its rows, full or masked, the file and the filter it used
    audit_fields={
        "field": ("Field", "字段"),
        "full": ("Full values", "完整信息"),
        "search": ("Search", "搜索条件"),
        "export": ("Export", "导出"),
        "rows": ("Rows", "行数"),
        "file": ("File", "文件"),
    },
)
