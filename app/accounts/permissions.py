"""Who may do what: one table, permission × role, put together from the areas' declarations
(app/<area>/area.py).  Enforced in the services."""

from __future__ import annotations

from enum import StrEnum

from app.kernel import areas as _areas


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


# Role groups the areas' role rows use.
ALL_CASE_ROLES = frozenset({Role.INTAKE, Role.INSPECTOR, Role.ARBITRATOR, Role.ARB_CLERK, Role.MEDIATOR})
EVERYONE = _areas.EVERYONE

# The table itself is declared by the areas (app/<area>/area.py, `permissions=`): one row per
# permission with its words and the roles that hold it.  A permission not listed for a role is refused.
_cache: tuple[int, list[_areas.PermissionRule]] | None = None


def permission_rules() -> list[_areas.PermissionRule]:
    """Every area's permission rows: this module's Permission order first, then any other area's."""
    global _cache
    if _cache is None or _cache[0] != _areas.generation():
        order = {p.value: i for i, p in enumerate(Permission)}
        rules = [rule for spec in _areas.areas() for rule in spec.permissions]
        seen = [rule.permission for rule in rules]
        duplicated = sorted({code for code in seen if seen.count(code) > 1})
        if duplicated:
            raise ValueError(f"permissions declared by two areas: {duplicated}")
        rules.sort(key=lambda rule: order.get(rule.permission, len(order)))
        _cache = (_areas.generation(), rules)
    return list(_cache[1])


def role_table() -> dict[str, frozenset[Role]]:
    """permission -> the roles that hold it."""
    everyone = frozenset(Role)
    return {rule.permission: frozenset(Role(r) for r in rule.held_by(everyone)) for rule in permission_rules()}


def anonymous_permissions() -> frozenset[str]:
    """What the command line may do without a login: one rule for every area — read and export, read-only,
    personal data masked as for a user without the reveal permission (issue 17: the docket as the complaints)."""
    return frozenset(rule.permission for rule in permission_rules() if rule.anonymous)


def role_allows(role: Role | str, permission: Permission | str) -> bool:
    try:
        return Role(role) in role_table().get(permission, frozenset())
    except ValueError:
        return False


def label(item: Role | Permission | str, language: str = "zh_CN") -> str:
    if isinstance(item, Role):
        en, zh = ROLE_LABELS[item]
    else:
        rule = next((r for r in permission_rules() if r.permission == item), None)
        en, zh = (rule.en, rule.zh) if rule is not None else (str(item), str(item))
    return en if language == "en" else zh
