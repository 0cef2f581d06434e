"""The parties area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import ALL_CASE_ROLES, EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import BOTH, Travel

AREA = AreaSpec(
    "parties",
    messages="app.parties.messages",
    permissions=(
        PermissionRule(Permission.PARTY_VIEW, "View parties", "查看当事人",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.PARTY_EDIT, "Add and edit parties", "新增和修改当事人",
                       ALL_CASE_ROLES | {Role.ADMIN}),
        PermissionRule(Permission.PARTY_IMPORT, "Import parties", "导入当事人",
                       frozenset({Role.ADMIN, Role.INTAKE, Role.ARB_CLERK})),
        PermissionRule(Permission.PARTY_EXPORT, "Export parties (masked)", "导出当事人（脱敏）",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.PERSONAL_DATA_REVEAL, "Show personal data in full", "查看完整个人信息",
                       frozenset({Role.ADMIN, Role.INSPECTOR, Role.ARBITRATOR, Role.ARB_CLERK, Role.MEDIATOR, Role.LEGAL_REVIEWER})),
        PermissionRule(Permission.PERSONAL_DATA_EXPORT_FULL, "Export personal data in full", "导出完整个人信息",
                       frozenset({Role.ADMIN})),
    ),
    cli_modules=("app.parties.cli",),
    audit_tables={
        "party": ("Parties", "当事人"),
    },
    audit_fields={
        "id_type": ("ID type", "证件类型"),
        "is_migrant_worker": ("Migrant worker", "农民工"),
        "uscc": ("Credit code", "统一社会信用代码"),
        "org_type": ("Employer type", "单位类型"),
        "legal_rep": ("Legal representative", "法定代表人"),
        "phone": ("Phone", "联系电话"),
        "address": ("Address", "地址"),
    },
    travelling={
        # parties: registered anywhere, the register is the district's and goes down again
        "party": Travel(BOTH, natural_keys=("id_no", "uscc"), derived={"name_sort": "name"}),
    },
    # what the sites screen calls these tables in a sentence ("parties 3"): (English, Chinese)
    exchange_labels={
        "party": ("parties", "当事人"),
    },
)
