"""The mediation area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import UP_ONLY, Travel

AREA = AreaSpec(
    "mediation",
    messages="app.mediation.messages",
    message_values={
        "status": "app.mediation.service:status_label",
        "action": "app.mediation.lifecycle:action_words",
    },
    permissions=(
        PermissionRule(Permission.MEDIATION_VIEW, "View mediation cases", "查看调解案件",
                       EVERYONE),
        # A township mediator forwards a failed mediation to arbitration (转仲裁) as
        # a received application; accepting it stays with the institute.
        PermissionRule(Permission.MEDIATION_HANDLE, "Handle mediation cases (including transfer to arbitration)", "办理调解案件（含转仲裁）",
                       frozenset({Role.MEDIATOR})),
    ),
    desk_providers=("app.mediation.desk:MediationDeskProvider",),
    figures="app.mediation.yearly_figures:FIGURES",
    audit_tables={
        "mediation_case": ("Mediation cases", "调解案件"),
        "mediation_party": ("Mediation parties", "调解当事人"),
        "mediation_claim": ("Mediation requests", "调解请求"),
        "mediation_event": ("Mediation history", "调解经过"),
    },
    audit_fields={
        "organisation_type": ("Organisation type", "调解组织类型"),
        "organisation": ("Organisation", "调解组织"),
        "application_form": ("Application form", "申请方式"),
        "oral_record": ("Oral application", "口头申请笔录"),
        "matter": ("Matter", "调解事项"),
        "due_calendar_complete": ("Holiday schedule known", "节假日安排已导入"),
        "closure": ("Closure", "结案方式"),
        "agreement_terms": ("Agreement", "协议内容"),
        "agreement_signed_on": ("Agreement signed", "协议签订日期"),
        "amount_requested_fen": ("Requested", "请求金额"),
        "amount_agreed_fen": ("Agreed", "协议金额"),
        "amount_paid_fen": ("Paid", "已履行金额"),
        "mediator_id": ("Mediator", "调解员"),
    },
    travelling={
        # mediation (townships)
        "mediation_case": Travel(UP_ONLY),
        "mediation_party": Travel(UP_ONLY),
        "mediation_claim": Travel(UP_ONLY),
        "mediation_event": Travel(UP_ONLY),
    },
    # what the sites screen calls these tables in a sentence ("parties 3"): (English, Chinese)
    exchange_labels={
        "mediation_case": ("mediation cases", "调解案件"),
        "mediation_party": ("mediation parties", "调解当事人"),
        "mediation_claim": ("mediation claims", "调解请求"),
        "mediation_event": ("mediation steps", "调解记录"),
    },
)
