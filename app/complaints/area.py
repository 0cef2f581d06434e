"""The complaints area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import UP_ONLY, Travel

AREA = AreaSpec(
    "complaints",
    messages="app.complaints.messages",
    permissions=(
        # Intake registers, inspectors handle and close, the legal office reviews (issue 5).
        PermissionRule(Permission.COMPLAINT_VIEW, "View complaints and the wage-recovery ledger", "查看投诉举报和追欠台账",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.COMPLAINT_REGISTER, "Register complaints and reports", "登记投诉举报",
                       frozenset({Role.ADMIN, Role.INTAKE, Role.INSPECTOR})),
        PermissionRule(Permission.COMPLAINT_HANDLE, "Handle complaint cases (acceptance, officers, plan, payments)", "办理投诉案件（受理、指派、支付计划、支付登记）",
                       frozenset({Role.ADMIN, Role.INSPECTOR})),
        PermissionRule(Permission.COMPLAINT_CLOSE, "Close complaint cases", "投诉案件结案",
                       frozenset({Role.ADMIN, Role.INSPECTOR})),
        PermissionRule(Permission.LEGAL_REVIEW, "Record the legal review of major decisions", "重大执法决定法制审核",
                       frozenset({Role.LEGAL_REVIEWER})),
        PermissionRule(Permission.COMPLAINT_IMPORT, "Import a complaints ledger", "导入投诉台账",
                       frozenset({Role.ADMIN, Role.INTAKE, Role.INSPECTOR})),
        PermissionRule(Permission.COMPLAINT_EXPORT, "Export complaints and the recovery ledger (masked)", "导出投诉和追欠台账（脱敏）",
                       EVERYONE, anonymous=True),
    ),
    desk_providers=("app.complaints.desk:ComplaintDeskProvider",),
    cli_modules=("app.complaints.cli",),
    audit_tables={
        "complaint": ("Complaints", "投诉举报"),
        "complaint_employer": ("Complaint employers", "被投诉单位"),
        "complaint_worker": ("Complaint workers", "涉及劳动者"),
        "complaint_officer": ("Case officers", "承办人员"),
        "complaint_event": ("Complaint history", "办理记录"),
        "complaint_evidence": ("Evidence", "证据材料"),
        "complaint_legal_review": ("Legal reviews", "法制审核"),
        "payment_instalment": ("Payment plan", "支付计划"),
        "wage_payment": ("Wage payments", "工资支付"),
        "complaint_procedure_step": ("Procedure before a decision", "告知申辩与听证"),
        "complaint_service_record": ("Service of documents", "送达回证"),
    },
    travelling={
        # complaints registered at a township; the district's own go nowhere unless shared
        "complaint": Travel(UP_ONLY),
        "complaint_employer": Travel(UP_ONLY),
        "complaint_worker": Travel(UP_ONLY),
        "complaint_officer": Travel(UP_ONLY),
        "complaint_event": Travel(UP_ONLY),
        "payment_instalment": Travel(UP_ONLY),
        "wage_payment": Travel(UP_ONLY),
        "complaint_legal_review": Travel(UP_ONLY),
        "complaint_evidence": Travel(UP_ONLY),
    },
    local={
        "complaint_procedure_step": "the procedure before a decision is the deciding bureau's own file",
        "complaint_service_record": "service of the deciding bureau's documents, kept with its procedure",
    },
)
