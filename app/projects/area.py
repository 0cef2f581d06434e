"""The projects area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule

AREA = AreaSpec(
    "projects",
    messages="app.projects.messages",
    message_values={"role": "app.projects.rules:party_role_words"},
    permissions=(
        PermissionRule(Permission.PROJECT_VIEW, "View construction projects", "查看在建项目",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.PROJECT_EDIT, "Edit projects and record compliance checks", "维护在建项目和制度检查",
                       frozenset({Role.ADMIN, Role.INSPECTOR})),
        PermissionRule(Permission.CHECKLIST_EDIT, "Edit the yearly six-system checklist", "修改年度“6项制度”清单",
                       frozenset({Role.ADMIN})),
    ),
    figures="app.projects.yearly_figures:FIGURES",
    audit_tables={
        "construction_project": ("Construction projects", "在建项目"),
        "project_subcontractor": ("Project subcontractors", "项目分包单位"),
        "compliance_item": ("Six-system checklist", "六项制度清单"),
        "compliance_check": ("Compliance checks", "制度落实检查"),
        "compliance_check_item": ("Compliance check items", "检查项目"),
    },
    audit_fields={
        "location": ("Location", "地点"),
        "permit_no": ("Permit no.", "施工许可证号"),
        "builder_id": ("Builder", "建设单位"),
        "contractor_id": ("Main contractor", "施工总承包单位"),
        "contract_value_fen": ("Contract value", "合同价款"),
        "start_date": ("Started", "开工日期"),
        "planned_completion": ("Planned completion", "计划竣工日期"),
        "completed_on": ("Completed", "竣工日期"),
        "on_realname_platform": ("On the real-name platform", "纳入实名制平台"),
        "wage_manager_name": ("Wage manager", "劳资专管员"),
        "wage_manager_phone": ("Wage manager's phone", "劳资专管员电话"),
        "wage_account_bank": ("Wage account bank", "工资专用账户开户行"),
        "wage_account_no": ("Wage account", "工资专用账户"),
        "guarantee_form": ("Guarantee form", "保证金形式"),
        "guarantee_amount_fen": ("Guarantee", "保证金金额"),
        "guarantee_date": ("Guarantee date", "保证金缴存日期"),
        "code": ("Code", "代码"),
        "label": ("Item", "项目"),
        "checked_on": ("Checked on", "检查日期"),
        "inspector": ("Inspector", "检查人"),
        "check_id": ("Check", "检查"),
        "item_code": ("Item", "检查项目"),
        "rectify_by": ("Rectify by", "整改期限"),
        "rectified_on": ("Rectified on", "整改日期"),
    },
    local={
        "construction_project": "the inspectors' project checks stay at the district",
        "project_subcontractor": "the inspectors' project checks stay at the district",
        "compliance_item": "the inspectors' project checks stay at the district",
        "compliance_check": "the inspectors' project checks stay at the district",
        "compliance_check_item": "the inspectors' project checks stay at the district",
    },
)
