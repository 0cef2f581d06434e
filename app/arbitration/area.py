"""The arbitration area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.accounts.permissions import EVERYONE, Permission, Role
from app.kernel.areas import AreaSpec, PermissionRule
from app.sites.travel import UP_ONLY, Travel

AREA = AreaSpec(
    "arbitration",
    messages="app.arbitration.messages",
    message_values={
        "status": "app.arbitration.labels:status_label",
        "action": "app.arbitration.lifecycle:action_words",
        "category": "app.arbitration.labels:category_label",
    },
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
    figures="app.arbitration.yearly_figures:FIGURES",
    audit_tables={
        "arbitration_case": ("Arbitration cases", "仲裁案件"),
        "arbitration_party": ("Arbitration parties", "仲裁当事人"),
        "arbitration_claim": ("Arbitration claims", "仲裁请求"),
        "arbitration_event": ("Arbitration history", "仲裁办案经过"),
        "arbitration_service": ("Service of documents", "文书送达"),
        "arbitration_hearing": ("Hearings", "开庭"),
        "arbitration_hearing_member": ("Hearing members", "开庭人员"),
    },
    audit_fields={
        "procedure": ("Procedure", "程序"),
        "cause": ("Cause", "案由"),
        "facts": ("Facts", "事实与理由"),
        "collective": ("Collective", "集体争议"),
        "correction_requested_on": ("Correction requested", "通知补正日期"),
        "corrected_on": ("Corrected on", "补正日期"),
        "refusal_ground": ("Refusal ground", "不予受理理由"),
        "closure_method": ("Closure", "结案方式"),
        "resume_status": ("Resumes at", "恢复后状态"),
        "claimed_fen": ("Claimed", "请求金额"),
        "accepted_claims_fen": ("Claims accepted", "受理请求金额"),
        "awarded_fen": ("Awarded", "裁决金额"),
        "chief_arbitrator_id": ("Chief arbitrator", "首席仲裁员"),
        "arbitrator_2_id": ("Arbitrator", "仲裁员"),
        "arbitrator_3_id": ("Arbitrator", "仲裁员"),
        "clerk_id": ("Clerk", "书记员"),
        "from_mediation_id": ("From mediation", "调解转来"),
        "amount_claimed_fen": ("Claimed", "请求金额"),
        "original_amount_fen": ("Originally claimed", "原请求金额"),
        "amount_awarded_fen": ("Awarded", "裁决金额"),
        "amount_mediated_fen": ("Mediated", "调解金额"),
        "final": ("Final award", "终局裁决"),
        "withdrawn": ("Withdrawn", "撤回"),
        "notice_days": ("Notice days", "公告天数"),
        "starts_at": ("From", "开始时间"),
        "ends_at": ("To", "结束时间"),
        "room": ("Room", "仲裁庭"),
        "notice_served_on": ("Notice served", "开庭通知送达日期"),
        "hearing_id": ("Hearing", "开庭"),
        "user_id": ("Member", "人员"),
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
    # what the sites screen calls these tables in a sentence ("parties 3"): (English, Chinese)
    exchange_labels={
        "arbitration_case": ("arbitration cases", "仲裁案件"),
        "arbitration_party": ("arbitration parties", "仲裁当事人"),
        "arbitration_claim": ("arbitration claims", "仲裁请求"),
        "arbitration_event": ("arbitration steps", "仲裁记录"),
        "arbitration_service": ("arbitration services", "仲裁送达"),
        "arbitration_hearing": ("hearings", "仲裁开庭"),
    },
    local={
        "arbitration_hearing_member": "names a local account (arbitrator or clerk)",
    },
)
