"""The projects area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "projects",
    messages="app.projects.messages",
    permissions=(
        PermissionRule(Permission.PROJECT_VIEW, "View construction projects", "查看在建项目",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.PROJECT_EDIT, "Edit projects and record compliance checks", "维护在建项目和制度检查",
                       frozenset({Role.ADMIN, Role.INSPECTOR})),
        PermissionRule(Permission.CHECKLIST_EDIT, "Edit the yearly six-system checklist", "修改年度“6项制度”清单",
                       frozenset({Role.ADMIN})),
    ),
    audit_tables={
        "construction_project": ("Construction projects", "在建项目"),
        "project_subcontractor": ("Project subcontractors", "项目分包单位"),
        "compliance_item": ("Six-system checklist", "六项制度清单"),
        "compliance_check": ("Compliance checks", "制度落实检查"),
        "compliance_check_item": ("Compliance check items", "检查项目"),
    },
    local={
        "construction_project": "the inspectors' project checks stay at the district",
        "project_subcontractor": "the inspectors' project checks stay at the district",
        "compliance_item": "the inspectors' project checks stay at the district",
        "compliance_check": "the inspectors' project checks stay at the district",
        "compliance_check_item": "the inspectors' project checks stay at the district",
    },
)
