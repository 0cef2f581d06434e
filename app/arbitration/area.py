"""The arbitration area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import UP_ONLY, Travel

AREA = AreaSpec(
    "arbitration",
    messages="app.arbitration.messages",
    permissions=(
        # The docket is open to every role (监察+仲裁 linkage; personal data stays masked).
        PermissionRule(Permission.ARBITRATION_VIEW, "View the arbitration docket", "查看仲裁案件",
                       EVERYONE, anonymous=True),
        PermissionRule(Permission.ARBITRATION_RECEIVE, "Receive arbitration applications and decide acceptance", "接收仲裁申请和审查受理",
                       frozenset({Role.ADMIN, Role.ARB_CLERK})),
        PermissionRule(Permission.ARBITRATION_HANDLE, "Handle arbitration cases (tribunal, hearings, closure)", "办理仲裁案件（组庭、开庭、结案）",
                       frozenset({Role.ARBITRATOR, Role.ARB_CLERK})),
    ),
    desk_providers=("app.arbitration.desk:ArbitrationDeskProvider",),
    cli_modules=("app.arbitration.cli",),
    audit_tables={
        "arbitration_case": ("Arbitration cases", "仲裁案件"),
        "arbitration_party": ("Arbitration parties", "仲裁当事人"),
        "arbitration_claim": ("Arbitration claims", "仲裁请求"),
        "arbitration_event": ("Arbitration history", "仲裁办案经过"),
        "arbitration_service": ("Service of documents", "文书送达"),
        "arbitration_hearing": ("Hearings", "开庭"),
        "arbitration_hearing_member": ("Hearing members", "开庭人员"),
    },
    travelling={
        # arbitration applications made at a township (转仲裁) go up; the institute's
        # decisions on them come back as changes to records once exchanged
        "arbitration_case": Travel(UP_ONLY),
        "arbitration_party": Travel(UP_ONLY),
        "arbitration_claim": Travel(UP_ONLY),
        "arbitration_event": Travel(UP_ONLY),
        "arbitration_service": Travel(frozenset()),
        "arbitration_hearing": Travel(frozenset()),
    },
    local={
        "arbitration_hearing_member": "names a local account (arbitrator or clerk)",
    },
)
