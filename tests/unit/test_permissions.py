"""The permission matrix, through the service layer: every operation × every role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.accounts.actor import Actor, anonymous_reader, setup_actor
from app.accounts.permissions import (
    Permission,
    Role,
    anonymous_permissions,
    role_allows,
    role_table,
)
from app.accounts.service import AccountService
from app.arbitration.service import ArbitrationCaseService
from app.audit.log import AuditLogService
from app.clock import bureau_today
from app.complaints.importing import import_ledger
from app.complaints.service import ComplaintService
from app.errors import UserError
from app.legal.holidays import HolidayService
from app.mediation.service import MediationService
from app.parties.service import PartyService
from app.projects.service import ProjectService
from app.reports.yearly import yearly_figures
from app.staff.service import StaffService
from app.training.service import TrainingService
from tests.conftest import make_actor
from tests.fixtures import arbitration as arbitration_ops

Operation = Callable[[Any, Actor, int], Any]  # (store, actor, existing party id)


def _create_party(store: Any, actor: Actor, _pid: int) -> Any:
    return PartyService(store, actor).create({"kind": "person", "name": "新工人"})


def _complaint(store: Any, *steps: str) -> Any:
    """A complaint registered (and moved on) by the set-up actor: the ground for the complaint operations."""
    from datetime import datetime

    from app.complaints.service import today_in_shanghai

    svc = ComplaintService(store, setup_actor())
    on = today_in_shanghai()
    detail, _ = svc.register({
        "channel": "visit", "received_at": datetime.combine(on, datetime.min.time()),
        "complainant": {"name": "投诉人"}, "employers": [{"party": {"name": "某公司"}}],
        "workers": [{"party": {"name": "工人甲"}, "owed_fen": 100}], "matters": "欠薪",
    })
    for step in steps:
        if step == "accept":
            detail = svc.accept(detail.id, detail.version, on)
        elif step == "withdraw":
            detail = svc.withdraw_case(detail.id, detail.version, on, "已改正")
    return detail


def _legal_review(store: Any, actor: Actor, _pid: int) -> Any:
    from app.complaints.service import today_in_shanghai

    case = _complaint(store, "accept")
    lawyer = StaffService(store, setup_actor()).create({"name": "审核员", "has_legal_qualification": True})
    return ComplaintService(store, actor).record_legal_review(
        case.id, lawyer.id, "penalty", "agree", today_in_shanghai(), "同意"
    )


def _close_complaint(store: Any, actor: Actor, _pid: int) -> Any:
    from app.complaints.service import today_in_shanghai

    case = _complaint(store, "accept", "withdraw")
    return ComplaintService(store, actor).close(case.id, case.version, today_in_shanghai(), "withdrawn", "撤销立案")


# One operation per permission: what the permission guards.  Each area adds its
# own lines here when it adds a permission (the first test insists).
OPERATIONS: dict[Permission, Operation] = {
    Permission.PARTY_VIEW: lambda store, actor, _pid: PartyService(store, actor).query().count(),
    Permission.PARTY_EDIT: _create_party,
    Permission.PARTY_IMPORT: lambda store, actor, _pid: PartyService(store, actor).import_records(
        [(2, {"kind": "person", "name": "导入工人"})], total=1
    ),
    Permission.PARTY_EXPORT: lambda store, actor, _pid: PartyService(store, actor).query_for_export().count(),
    Permission.PERSONAL_DATA_REVEAL: lambda store, actor, pid: PartyService(store, actor).reveal(pid, "phone", "核对"),
    Permission.PERSONAL_DATA_EXPORT_FULL: lambda store, actor, _pid: PartyService(store, actor).query_for_export(
        full=True, reason="上报"
    ),
    Permission.USER_MANAGE: lambda store, actor, _pid: AccountService(store, actor).list_users(),
    Permission.AUDIT_VIEW: lambda store, actor, _pid: AuditLogService(store, actor).query().count(),
    Permission.AUDIT_VERIFY: lambda store, actor, _pid: AuditLogService(store, actor).verify(),
    Permission.COMPLAINT_VIEW: lambda store, actor, _pid: ComplaintService(store, actor).query().count(),
    Permission.COMPLAINT_REGISTER: lambda store, actor, _pid: ComplaintService(store, actor).register({
        "channel": "phone", "received_at": bureau_today(), "complainant": {"name": "来电人"},
        "employers": [{"party": {"name": "某单位"}}], "workers": [{"party": {"name": "工人乙"}, "owed_fen": 1}], "matters": "欠薪",
    }),
    Permission.COMPLAINT_HANDLE: lambda store, actor, _pid: (lambda c: ComplaintService(store, actor).refuse(
        c.id, c.version, c.received_on, "超过两年"))(_complaint(store)),
    Permission.COMPLAINT_CLOSE: _close_complaint,
    Permission.LEGAL_REVIEW: _legal_review,
    Permission.COMPLAINT_IMPORT: lambda store, actor, _pid: import_ledger(ComplaintService(store, actor), [], total=0),
    Permission.COMPLAINT_EXPORT: lambda store, actor, _pid: ComplaintService(store, actor).ledger().count(),
    Permission.STAFF_VIEW: lambda store, actor, _pid: StaffService(store, actor).query().count(),
    Permission.STAFF_EDIT: lambda store, actor, _pid: StaffService(store, actor).create({"name": "新执法员"}),
    Permission.TRAINING_VIEW: lambda store, actor, _pid: TrainingService(store, actor).sessions().count(),
    Permission.TRAINING_EDIT: lambda store, actor, _pid: TrainingService(store, actor).create_session(
        {"kind": "bureau_wide", "held_on": "2023-03-08", "topic": "集中学法", "hours": "2"}, []
    ),
    Permission.PROJECT_VIEW: lambda store, actor, _pid: ProjectService(store, actor).query().count(),
    Permission.PROJECT_EDIT: lambda store, actor, _pid: ProjectService(store, actor).create({"name": "新建项目"}),
    Permission.CALENDAR_EDIT: lambda store, actor, _pid: HolidayService(store, actor).save_year(
        2030, [date(2030, 1, 1)], []
    ),
    Permission.CHECKLIST_EDIT: lambda store, actor, _pid: ProjectService(store, actor).save_checklist(
        bureau_today().year + 1, [(None, "农民工实名制管理")]
    ),
    Permission.ARBITRATION_VIEW: lambda store, actor, _pid: ArbitrationCaseService(store, actor).query().count(),
    Permission.ARBITRATION_RECEIVE: arbitration_ops.permission_receive,
    Permission.ARBITRATION_HANDLE: arbitration_ops.permission_handle,
    Permission.MEDIATION_VIEW: lambda store, actor, _pid: MediationService(store, actor).query().count(),
    Permission.MEDIATION_HANDLE: arbitration_ops.permission_mediate,
    Permission.REPORT_VIEW: lambda store, actor, _pid: yearly_figures(store, actor, 2023),
}


def test_every_permission_has_an_operation_in_this_test() -> None:
    assert set(OPERATIONS) == set(Permission) == set(role_table())


@pytest.fixture
def party_id(store) -> int:
    return PartyService(store, setup_actor()).create({"kind": "person", "name": "张伟", "phone": "13812345678"}).id


# The whole matrix, against the table: what every role and the anonymous reader may do is
# what Actor.can (the check every service makes through the unit of work) answers.
@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_allowed_exactly_what_the_table_says(role: Role) -> None:
    actor = make_actor(role.value, username=f"u_{role.value}")
    for permission in Permission:
        expected = role in role_table()[permission]
        assert actor.can(permission) is expected, (role, permission)
        if expected:
            actor.require(permission)
        else:
            with pytest.raises(UserError) as caught:
                actor.require(permission)
            assert caught.value.code == "permission.denied"
            assert caught.value.params["permission"] == permission.value


def test_anonymous_reader_may_only_read_what_the_table_says() -> None:
    reader = anonymous_reader()
    for permission in Permission:
        assert reader.can(permission) is (permission in anonymous_permissions()), permission
    assert not any(reader.can(p) for p in Permission if not p.value.endswith((".view", ".export", ".verify")))


def test_the_table_keeps_its_promises() -> None:
    """What the roles are for (DOMAIN.md): leadership only looks, only the administrator manages
    accounts, the calendar and the checklist, and every permission belongs to some role."""
    reads = {p for p in Permission if p.value.endswith((".view", ".export", ".verify"))}
    assert {p for p in Permission if role_allows(Role.LEADERSHIP, p)} <= reads
    for permission in (Permission.USER_MANAGE, Permission.CALENDAR_EDIT, Permission.CHECKLIST_EDIT,
                       Permission.PERSONAL_DATA_EXPORT_FULL):
        assert role_table()[permission] == {Role.ADMIN}, permission
    assert all(role_table()[p] for p in Permission)
    # An actor with several roles may do what any of them may.
    both = make_actor(Role.INTAKE.value, Role.LEGAL_REVIEWER.value)
    assert both.can(Permission.COMPLAINT_REGISTER) and both.can(Permission.LEGAL_REVIEW)
    assert not both.can(Permission.USER_MANAGE)


def _sample_roles(permission: Permission) -> tuple[Role, Role | None]:
    """One role the table allows `permission` and, if there is one, one it refuses."""
    allowed = sorted(role_table()[permission], key=lambda r: r.value)
    refused = sorted(set(Role) - role_table()[permission], key=lambda r: r.value)
    return allowed[0], (refused[0] if refused else None)


# A sample through the services: each operation is guarded by its permission (an allowed
# role gets through, a refused role and — for a write — the anonymous reader are refused).
@pytest.mark.parametrize("permission", list(Permission))
def test_each_operation_checks_its_permission(store, party_id, permission: Permission) -> None:
    operation = OPERATIONS[permission]
    allowed, refused = _sample_roles(permission)
    operation(store, make_actor(allowed.value, username=f"u_{allowed.value}"), party_id)
    refusers = [make_actor(refused.value, username=f"u_{refused.value}")] if refused else []
    if permission not in anonymous_permissions():
        refusers.append(anonymous_reader())
    else:
        operation(store, anonymous_reader(), party_id)
    for actor in refusers:
        with pytest.raises(UserError) as caught:
            operation(store, actor, party_id)
        assert caught.value.code == "permission.denied"
        assert caught.value.params["permission"] == permission.value


def test_setup_actor_is_refused_once_accounts_exist(store) -> None:
    PartyService(store, setup_actor()).create({"kind": "person", "name": "张伟"})
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    with pytest.raises(UserError) as caught:
        PartyService(store, setup_actor()).create({"kind": "person", "name": "李四"})
    assert caught.value.code == "auth.setup_closed"


def test_refused_message_names_the_permission_in_chinese(store) -> None:
    with pytest.raises(UserError) as caught:
        _create_party(store, make_actor("leadership"), 0)
    assert caught.value.message() == "您没有“新增和修改当事人”的权限。"
