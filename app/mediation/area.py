"""The mediation area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import UP_ONLY, Travel

AREA = AreaSpec(
    "mediation",
    messages="app.mediation.messages",
    permissions=(
        PermissionRule(Permission.MEDIATION_VIEW, "View mediation cases", "查看调解案件",
                       EVERYONE),
        # A township mediator forwards a failed mediation to arbitration (转仲裁) as
        # a received application; accepting it stays with the institute.
        PermissionRule(Permission.MEDIATION_HANDLE, "Handle mediation cases (including transfer to arbitration)", "办理调解案件（含转仲裁）",
                       frozenset({Role.MEDIATOR})),
    ),
    desk_providers=("app.mediation.desk:MediationDeskProvider",),
    audit_tables={
        "mediation_case": ("Mediation cases", "调解案件"),
        "mediation_party": ("Mediation parties", "调解当事人"),
        "mediation_claim": ("Mediation requests", "调解请求"),
        "mediation_event": ("Mediation history", "调解经过"),
    },
    travelling={
        # mediation (townships)
        "mediation_case": Travel(UP_ONLY),
        "mediation_party": Travel(UP_ONLY),
        "mediation_claim": Travel(UP_ONLY),
        "mediation_event": Travel(UP_ONLY),
    },
)
