"""Who may do what: one table, permission × role.  Enforced in the services."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"  # 系统管理员
    INTAKE = "intake"  # 受理登记员
    INSPECTOR = "inspector"  # 劳动保障监察员
    ARBITRATOR = "arbitrator"  # 仲裁员
    ARB_CLERK = "arb_clerk"  # 书记员
    MEDIATOR = "mediator"  # 调解员
    LEGAL_REVIEWER = "legal_reviewer"  # 法制审核员
    LEADERSHIP = "leadership"  # 领导查询 (read-only)


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("System administrator", "系统管理员"),
    Role.INTAKE: ("Intake clerk", "受理登记员"),
    Role.INSPECTOR: ("Labour inspector", "劳动保障监察员"),
    Role.ARBITRATOR: ("Arbitrator", "仲裁员"),
    Role.ARB_CLERK: ("Arbitration clerk", "书记员"),
    Role.MEDIATOR: ("Mediator", "调解员"),
    Role.LEGAL_REVIEWER: ("Legal reviewer", "法制审核员"),
    Role.LEADERSHIP: ("Leadership (read-only)", "领导查询"),
}


class Permission(StrEnum):
    PARTY_VIEW = "party.view"
    PARTY_EDIT = "party.edit"
    PARTY_IMPORT = "party.import"
    PARTY_EXPORT = "party.export"
    PERSONAL_DATA_REVEAL = "personal_data.reveal"
    PERSONAL_DATA_EXPORT_FULL = "personal_data.export_full"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    STAFF_VIEW = "staff.view"
    STAFF_EDIT = "staff.edit"
    TRAINING_VIEW = "training.view"
    TRAINING_EDIT = "training.edit"
    PROJECT_VIEW = "project.view"
    PROJECT_EDIT = "project.edit"
    CHECKLIST_EDIT = "checklist.edit"
    CALENDAR_EDIT = "calendar.edit"
    COMPLAINT_VIEW = "complaint.view"
    COMPLAINT_REGISTER = "complaint.register"
    COMPLAINT_HANDLE = "complaint.handle"
    COMPLAINT_CLOSE = "complaint.close"
    LEGAL_REVIEW = "complaint.legal_review"
    COMPLAINT_IMPORT = "complaint.import"
    COMPLAINT_EXPORT = "complaint.export"
    ARBITRATION_VIEW = "arbitration.view"
    ARBITRATION_RECEIVE = "arbitration.receive"
    ARBITRATION_HANDLE = "arbitration.handle"
    MEDIATION_VIEW = "mediation.view"
    MEDIATION_HANDLE = "mediation.handle"
    REPORT_VIEW = "report.view"


PERMISSION_LABELS: dict[Permission, tuple[str, str]] = {
    Permission.PARTY_VIEW: ("View parties", "查看当事人"),
    Permission.PARTY_EDIT: ("Add and edit parties", "新增和修改当事人"),
    Permission.PARTY_IMPORT: ("Import parties", "导入当事人"),
    Permission.PARTY_EXPORT: ("Export parties (masked)", "导出当事人（脱敏）"),
    Permission.PERSONAL_DATA_REVEAL: ("Show personal data in full", "查看完整个人信息"),
    Permission.PERSONAL_DATA_EXPORT_FULL: ("Export personal data in full", "导出完整个人信息"),
    Permission.USER_MANAGE: ("Manage users and roles", "管理用户与角色"),
    Permission.AUDIT_VIEW: ("View the audit log", "查看操作日志"),
    Permission.AUDIT_VERIFY: ("Verify the audit log", "校验操作日志"),
    Permission.STAFF_VIEW: ("View the enforcement staff roster", "查看执法人员"),
    Permission.STAFF_EDIT: ("Edit the roster and certificates", "维护执法人员和执法证"),
    Permission.TRAINING_VIEW: ("View training and exams", "查看培训考试"),
    Permission.TRAINING_EDIT: ("Record training and exams", "登记培训和考试"),
    Permission.PROJECT_VIEW: ("View construction projects", "查看在建项目"),
    Permission.PROJECT_EDIT: ("Edit projects and record compliance checks", "维护在建项目和制度检查"),
    Permission.CHECKLIST_EDIT: ("Edit the yearly six-system checklist", "修改年度“6项制度”清单"),
    Permission.CALENDAR_EDIT: ("Enter the holiday schedule of a year", "录入年度节假日安排"),
    Permission.COMPLAINT_VIEW: ("View complaints and the wage-recovery ledger", "查看投诉举报和追欠台账"),
    Permission.COMPLAINT_REGISTER: ("Register complaints and reports", "登记投诉举报"),
    Permission.COMPLAINT_HANDLE: (
        "Handle complaint cases (acceptance, officers, plan, payments)",
        "办理投诉案件（受理、指派、支付计划、支付登记）",
    ),
    Permission.COMPLAINT_CLOSE: ("Close complaint cases", "投诉案件结案"),
    Permission.LEGAL_REVIEW: ("Record the legal review of major decisions", "重大执法决定法制审核"),
    Permission.COMPLAINT_IMPORT: ("Import a complaints ledger", "导入投诉台账"),
    Permission.COMPLAINT_EXPORT: ("Export complaints and the recovery ledger (masked)", "导出投诉和追欠台账（脱敏）"),
    Permission.ARBITRATION_VIEW: ("View the arbitration docket", "查看仲裁案件"),
    Permission.ARBITRATION_RECEIVE: ("Receive arbitration applications and decide acceptance", "接收仲裁申请和审查受理"),
    Permission.ARBITRATION_HANDLE: ("Handle arbitration cases (tribunal, hearings, closure)", "办理仲裁案件（组庭、开庭、结案）"),
    Permission.MEDIATION_VIEW: ("View mediation cases", "查看调解案件"),
    Permission.MEDIATION_HANDLE: ("Handle mediation cases (including transfer to arbitration)", "办理调解案件（含转仲裁）"),
    Permission.REPORT_VIEW: ("View the statistics (yearly report figures)", "查看统计报表"),
}

_ALL_CASE_ROLES = {Role.INTAKE, Role.INSPECTOR, Role.ARBITRATOR, Role.ARB_CLERK, Role.MEDIATOR}
_EVERYONE = set(Role)

# The table.  A permission not listed for a role is refused.
ROLE_PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.PARTY_VIEW: frozenset(_EVERYONE),
    Permission.PARTY_EDIT: frozenset(_ALL_CASE_ROLES | {Role.ADMIN}),
    Permission.PARTY_IMPORT: frozenset({Role.ADMIN, Role.INTAKE, Role.ARB_CLERK}),
    Permission.PARTY_EXPORT: frozenset(_EVERYONE),
    Permission.PERSONAL_DATA_REVEAL: frozenset(
        {Role.ADMIN, Role.INSPECTOR, Role.ARBITRATOR, Role.ARB_CLERK, Role.MEDIATOR, Role.LEGAL_REVIEWER}
    ),
    Permission.PERSONAL_DATA_EXPORT_FULL: frozenset({Role.ADMIN}),
    Permission.USER_MANAGE: frozenset({Role.ADMIN}),
    Permission.AUDIT_VIEW: frozenset({Role.ADMIN, Role.LEGAL_REVIEWER, Role.LEADERSHIP}),
    # Verifying reads nothing personal (sequence numbers, table names, record ids) and changes nothing:
    # anyone may, signed in or not (issue 13: one rule, not a refusal that omitting --user got round).
    Permission.AUDIT_VERIFY: frozenset(_EVERYONE),
    # The roster and training records are kept by the legal office (法制审核员).
    Permission.STAFF_VIEW: frozenset(_EVERYONE),
    Permission.STAFF_EDIT: frozenset({Role.ADMIN, Role.LEGAL_REVIEWER}),
    Permission.TRAINING_VIEW: frozenset(_EVERYONE),
    Permission.TRAINING_EDIT: frozenset({Role.ADMIN, Role.LEGAL_REVIEWER}),
    Permission.PROJECT_VIEW: frozenset(_EVERYONE),
    Permission.PROJECT_EDIT: frozenset({Role.ADMIN, Role.INSPECTOR}),
    Permission.CHECKLIST_EDIT: frozenset({Role.ADMIN}),
    Permission.CALENDAR_EDIT: frozenset({Role.ADMIN}),
    # Complaints (issue 5): intake registers, inspectors handle and close, the legal office reviews.
    Permission.COMPLAINT_VIEW: frozenset(_EVERYONE),
    Permission.COMPLAINT_REGISTER: frozenset({Role.ADMIN, Role.INTAKE, Role.INSPECTOR}),
    Permission.COMPLAINT_HANDLE: frozenset({Role.ADMIN, Role.INSPECTOR}),
    Permission.COMPLAINT_CLOSE: frozenset({Role.ADMIN, Role.INSPECTOR}),
    Permission.LEGAL_REVIEW: frozenset({Role.LEGAL_REVIEWER}),
    Permission.COMPLAINT_IMPORT: frozenset({Role.ADMIN, Role.INTAKE, Role.INSPECTOR}),
    Permission.COMPLAINT_EXPORT: frozenset(_EVERYONE),
    # The docket is open to every role (监察+仲裁 linkage; personal data stays masked).
    Permission.ARBITRATION_VIEW: frozenset(_EVERYONE),
    Permission.ARBITRATION_RECEIVE: frozenset({Role.ADMIN, Role.ARB_CLERK}),
    Permission.ARBITRATION_HANDLE: frozenset({Role.ARBITRATOR, Role.ARB_CLERK}),
    Permission.MEDIATION_VIEW: frozenset(_EVERYONE),
    # A township mediator forwards a failed mediation to arbitration (转仲裁) as
    # a received application; accepting it stays with the institute.
    Permission.MEDIATION_HANDLE: frozenset({Role.MEDIATOR}),
    # The yearly figures are aggregates without personal data (issue 7); drill-downs need the area's own VIEW.
    Permission.REPORT_VIEW: frozenset(_EVERYONE),
}

# What the command line may do without a login: one rule for every area — read and export, read-only,
# personal data masked as for a user without the reveal permission (issue 17: the docket as the complaints).
ANONYMOUS_READ_PERMISSIONS: frozenset[Permission] = frozenset(
    {
        Permission.ARBITRATION_VIEW,
        Permission.PARTY_VIEW,
        Permission.PARTY_EXPORT,
        Permission.AUDIT_VERIFY,
        Permission.STAFF_VIEW,
        Permission.TRAINING_VIEW,
        Permission.PROJECT_VIEW,
        Permission.COMPLAINT_VIEW,
        Permission.COMPLAINT_EXPORT,
        Permission.REPORT_VIEW,
    }
)


def role_allows(role: Role | str, permission: Permission) -> bool:
    try:
        return Role(role) in ROLE_PERMISSIONS[permission]
    except ValueError:
        return False


def label(item: Role | Permission, language: str = "zh_CN") -> str:
    en, zh = (ROLE_LABELS if isinstance(item, Role) else PERMISSION_LABELS)[item]  # type: ignore[index]
    return en if language == "en" else zh
