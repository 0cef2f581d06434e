"""在建项目 and the six wage-payment systems: projects, the yearly checklist, checks, rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.accounts.actor import setup_actor
from app.audit.models import AuditEntry
from app.errors import UserError
from app.parties.service import PartyService
from app.projects.models import (
    DEFAULT_COMPLIANCE_ITEMS,
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
    Project,
    ProjectSubcontractor,
)
from app.projects.service import ProjectService, item_rate, project_rate
from tests.conftest import make_actor
from tests.fixtures.identities import make_id, org_codes
from tests.fixtures.projects import seed_report_projects

CODES = [code for code, _ in DEFAULT_COMPLIANCE_ITEMS]
TODAY = date(2023, 12, 31)
ALL_IN = dict.fromkeys(CODES, "in_force")


def counts(store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Project, ProjectSubcontractor, ComplianceItem, ComplianceCheck, ComplianceCheckItem,
                          AuditEntry)
        }


@pytest.fixture
def employers(store) -> list[int]:
    parties = PartyService(store, setup_actor())
    names = ["南明区城市建设投资有限公司", "贵州建工集团有限公司", "黔城劳务有限公司", "筑安机电安装有限公司"]
    return [
        parties.create({"kind": "org", "name": name, "uscc": code}).id
        for name, code in zip(names, org_codes(len(names)), strict=True)
    ]


@pytest.fixture
def person(store) -> int:
    return PartyService(store, setup_actor()).create({"kind": "person", "name": "张伟", "id_no": make_id()}).id


@pytest.fixture
def inspector():
    return make_actor("inspector", username="jianchayuan")


@pytest.fixture
def projects(store, inspector) -> ProjectService:
    return ProjectService(store, inspector)


def new_project(projects: ProjectService, name: str = "南明区保障性住房一期", **fields):
    return projects.create({"name": name, "location": "南明区花果园", "status": "active", **fields})


def check(projects, project_id, on, statuses=None, **entries):
    items = dict(statuses or ALL_IN)
    items.update(entries)
    return projects.record_check(project_id, on, items, inspector="王强、李娜", today=TODAY)


# ---------------------------------------------------------------- projects
def test_create_project_with_parties_money_and_masked_wage_account(projects, employers) -> None:
    builder, contractor, labour, sub = employers
    row = new_project(
        projects,
        builder_id=builder,
        contractor_id=contractor,
        subcontractors=[(labour, "labour"), {"party_id": sub, "role": "subcontractor"}],
        contract_value_fen=123_456_789_00,
        start_date=date(2023, 3, 1),
        planned_completion=date(2024, 12, 31),
        on_realname_platform=True,
        wage_manager_name="刘洋",
        wage_manager_phone="13985012345",
        wage_account_bank="中国工商银行贵阳南明支行",
        wage_account_no="6222 0224 0201 2345 678",
        guarantee_form="bank_guarantee",
        guarantee_amount_fen=50_000_000,
        guarantee_date=date(2023, 2, 20),
    )
    assert row.builder_name == "南明区城市建设投资有限公司"
    assert row.contractor_name == "贵州建工集团有限公司"
    assert [(s.name, s.role) for s in row.subcontractors] == [("黔城劳务有限公司", "labour"),
                                                                 ("筑安机电安装有限公司", "subcontractor")]
    assert row.contract_value_fen == 12_345_678_900
    assert row.wage_account_no == "****5678"  # last four only
    assert row.wage_manager_phone == "139****2345"
    listed = projects.query().page(0, 10)
    assert [r.wage_account_no for r in listed] == ["****5678"]
    assert listed[0].wage_manager_phone == "139****2345"
    # the full number is kept, and shown only with a reason (audited)
    assert projects.reveal(row.id, "wage_account_no", "核对代发工资") == "6222022402012345678"
    with pytest.raises(UserError) as caught:
        projects.reveal(row.id, "wage_account_no", " ")
    assert caught.value.code == "reveal.reason_required"
    with pytest.raises(UserError) as caught:
        ProjectService(projects.store, make_actor("leadership")).reveal(row.id, "wage_account_no", "查看")
    assert caught.value.code == "permission.denied"


def test_completion_before_start_is_refused_and_nothing_is_written(store, projects) -> None:
    before = counts(store)
    with pytest.raises(UserError) as caught:
        new_project(projects, start_date=date(2023, 5, 1), planned_completion=date(2023, 4, 30))
    assert caught.value.code == "project.completion_before_start"
    assert caught.value.field == "planned_completion"
    assert "早于开工日期" in caught.value.message()
    assert counts(store) == before


def test_a_person_cannot_be_a_contractor(store, projects, employers, person) -> None:
    before = counts(store)
    with pytest.raises(UserError) as caught:
        new_project(projects, builder_id=employers[0], contractor_id=person)
    assert caught.value.code == "project.party_not_employer"
    assert caught.value.field == "contractor_id"
    assert caught.value.message() == "张伟是个人，不是用人单位：施工总承包单位须从当事人库中选择单位。"
    with pytest.raises(UserError) as caught:
        new_project(projects, subcontractors=[person])
    assert caught.value.field == "subcontractors"
    assert counts(store) == before


def test_update_changes_only_what_was_sent_and_keeps_the_account(projects, employers) -> None:
    row = new_project(projects, wage_account_no="6222022402012345678", subcontractors=[employers[2]])
    updated = projects.update(row.id, row.version, {"status": "halted", "subcontractors": [employers[3]]})
    assert updated.status == "halted"
    assert updated.wage_account_no == "****5678"
    assert [s.party_id for s in updated.subcontractors] == [employers[3]]
    with pytest.raises(UserError) as caught:
        projects.update(row.id, row.version, {"status": "completed"})
    assert caught.value.code == "record.changed_by"


def test_bad_phone_account_and_negative_money_are_refused(projects) -> None:
    for fields, code in (
        ({"wage_manager_phone": "12"}, "phone.format"),
        ({"wage_account_no": "62220A"}, "project.account_format"),
        ({"contract_value_fen": -1}, "project.amount_negative"),
        ({"name": "  "}, "project.name_required"),
    ):
        with pytest.raises(UserError) as caught:
            new_project(projects, **fields)
        assert caught.value.code == code


def test_reading_needs_the_view_permission_and_writing_the_edit_permission(store) -> None:
    leader = ProjectService(store, make_actor("leadership"))
    assert leader.query().count() == 0
    with pytest.raises(UserError) as caught:
        new_project(leader)
    assert caught.value.code == "permission.denied"


# ---------------------------------------------------------------- the checklist
def test_a_year_without_a_list_shows_the_default_six_without_writing(store, projects) -> None:
    before = counts(store)
    items = projects.checklist(2023)
    assert [(i.code, i.label) for i in items] == list(DEFAULT_COMPLIANCE_ITEMS)
    assert all(i.id is None for i in items)
    assert counts(store) == before
    stored = projects.ensure_checklist(2023)
    assert all(i.id is not None for i in stored)
    assert counts(store)["ComplianceItem"] == 6


def test_admin_edits_the_current_or_a_future_year_only(store, projects) -> None:
    admin = ProjectService(store, make_actor("admin"))
    today = date(2024, 6, 1)
    items = [(i.code, i.label) for i in admin.checklist(2024)]
    items[5] = (items[5][0], "劳资专管员（持证上岗）")
    items.append((None, "工程款支付担保"))
    saved = admin.save_checklist(2024, items, today=today)
    assert [i.label for i in saved][-2:] == ["劳资专管员（持证上岗）", "工程款支付担保"]
    # a new year starts from the latest list, not from the defaults
    assert [i.label for i in admin.checklist(2025)][-1] == "工程款支付担保"
    with pytest.raises(UserError) as caught:
        admin.save_checklist(2023, items, today=today)
    assert caught.value.code == "checklist.past_year"
    # a clerk cannot edit the list at all
    with pytest.raises(UserError) as caught:
        projects.save_checklist(2024, items, today=today)
    assert caught.value.code == "permission.denied"


def test_an_item_used_by_a_check_cannot_be_removed(store, projects) -> None:
    admin = ProjectService(store, make_actor("admin"))
    row = new_project(projects)
    check(projects, row.id, date(2023, 5, 10))
    items = [(i.code, i.label) for i in admin.checklist(2023)]
    assert all(i.in_use for i in admin.checklist(2023))
    before = counts(store)
    with pytest.raises(UserError) as caught:
        admin.save_checklist(2023, items[:-1], today=date(2023, 6, 1))
    assert caught.value.code == "checklist.item_in_use"
    assert "劳资专管员" in caught.value.message()
    assert counts(store) == before
    # renaming is allowed
    items[0] = (items[0][0], "农民工实名制管理（平台考勤）")
    assert admin.save_checklist(2023, items, today=date(2023, 6, 1))[0].label == "农民工实名制管理（平台考勤）"


# ---------------------------------------------------------------- checks
def test_a_check_item_not_on_that_years_list_is_refused(store, projects) -> None:
    admin = ProjectService(store, make_actor("admin"))
    admin.save_checklist(2024, [(c, lbl) for c, lbl in DEFAULT_COMPLIANCE_ITEMS[:5]], today=date(2024, 1, 2))
    row = new_project(projects)
    before = counts(store)
    with pytest.raises(UserError) as caught:
        projects.record_check(row.id, date(2024, 3, 1), ALL_IN, inspector="王强", today=date(2024, 3, 2))
    assert caught.value.code == "check.item_not_on_list"
    assert caught.value.message() == "“wage_manager”不在2024年度的检查清单上。"
    assert counts(store) == before
    # the 2023 list still has it
    check(projects, row.id, date(2023, 3, 1))


def test_every_item_needs_a_status(store, projects) -> None:
    row = new_project(projects)
    before = counts(store)
    partial = {code: "in_force" for code in CODES[:5]}
    with pytest.raises(UserError) as caught:
        projects.record_check(row.id, date(2023, 3, 1), partial, inspector="王强", today=TODAY)
    assert caught.value.code == "check.status_missing"
    assert caught.value.field == "item:wage_manager"
    assert "劳资专管员" in caught.value.message()
    assert counts(store) == before  # not even the year's list was seeded


def test_not_in_force_needs_a_rectification_deadline_on_or_after_the_check(store, projects) -> None:
    row = new_project(projects)
    before = counts(store)
    with pytest.raises(UserError) as caught:
        check(projects, row.id, date(2023, 3, 1), wage_account={"status": "not_in_force"})
    assert caught.value.code == "check.rectify_by_required"
    assert caught.value.field == "rectify_by:wage_account"
    with pytest.raises(UserError) as caught:
        check(projects, row.id, date(2023, 3, 1),
              wage_account={"status": "not_in_force", "rectify_by": date(2023, 2, 28)})
    assert caught.value.code == "check.rectify_by_before_check"
    assert counts(store) == before
    done = check(projects, row.id, date(2023, 3, 1),
                 wage_account={"status": "not_in_force", "rectify_by": date(2023, 3, 1)})
    assert (done.in_force, done.applicable, done.item_rate) == (5, 6, Decimal("83.33"))


def test_a_check_in_the_future_or_without_inspector_is_refused(projects) -> None:
    row = new_project(projects)
    with pytest.raises(UserError) as caught:
        projects.record_check(row.id, date(2024, 1, 1), ALL_IN, inspector="王强", today=TODAY)
    assert caught.value.code == "check.date_future"
    with pytest.raises(UserError) as caught:
        projects.record_check(row.id, date(2023, 1, 1), ALL_IN, inspector=" ", today=TODAY)
    assert caught.value.code == "check.inspector_required"


# ---------------------------------------------------------------- rates
def test_report_figures_12_projects_66_applicable_63_in_force(store, projects) -> None:
    """DOMAIN A4: 12 projects under way, 95.45 %.  Six projects have one 不适用 item
    (66 applicable of 72); three items are 未落实 on three projects (63 in force)."""
    ids = [new_project(projects, f"项目{i + 1:02d}", start_date=date(2023, 1, 1)).id for i in range(12)]
    for i, project_id in enumerate(ids):
        statuses = dict(ALL_IN)
        if i < 6:
            statuses["wage_guarantee"] = "not_applicable"
        if i in (6, 7, 8):
            statuses["rights_notice"] = {"status": "not_in_force", "rectify_by": date(2023, 12, 20)}
        check(projects, project_id, date(2023, 11, 1 + i), statuses)
    summary = projects.compliance(date(2023, 12, 31))
    assert (summary.items_in_force, summary.items_applicable) == (63, 66)
    assert summary.item_rate == Decimal("95.45")
    assert (summary.projects_compliant, summary.projects_rated) == (9, 12)
    assert summary.project_rate == Decimal("75.00")
    assert (summary.projects_checked, summary.projects_under_way, summary.projects_on_platform) == (12, 12, 0)
    assert [c.label for c in summary.items] == [label for _, label in DEFAULT_COMPLIANCE_ITEMS]
    first = summary.projects[0]
    assert (first.name, first.in_force, first.applicable, first.item_rate) == ("项目01", 5, 5, Decimal("100.00"))


def test_rates_round_half_up_and_say_dash_when_nothing_applies() -> None:
    assert item_rate(21, 22) == Decimal("95.45")
    assert item_rate(1, 8) == Decimal("12.50")
    assert item_rate(1, 3) == Decimal("33.33")
    assert item_rate(2, 3) == Decimal("66.67")
    assert item_rate(0, 0) is None
    assert project_rate(0, 0) is None


def test_a_project_with_nothing_applicable_is_not_rated(projects) -> None:
    row = new_project(projects)
    check(projects, row.id, date(2023, 5, 1), dict.fromkeys(CODES, "not_applicable"))
    summary = projects.compliance(TODAY)
    assert (summary.projects_checked, summary.projects_rated, summary.item_rate, summary.project_rate) == (
        1, 0, None, None)


def test_as_of_uses_the_latest_check_on_or_before_the_date(projects) -> None:
    row = new_project(projects)
    check(projects, row.id, date(2023, 3, 1), wage_account={"status": "not_in_force", "rectify_by": date(2023, 4, 1)},
          real_name={"status": "not_in_force", "rectify_by": date(2023, 4, 1)})
    check(projects, row.id, date(2023, 6, 1), wage_account={"status": "not_in_force", "rectify_by": date(2023, 7, 1)})
    check(projects, row.id, date(2023, 9, 1))
    assert projects.compliance(date(2023, 2, 28)).projects_checked == 0
    assert projects.compliance(date(2023, 2, 28)).item_rate is None
    assert projects.compliance(date(2023, 3, 1)).item_rate == Decimal("66.67")
    assert projects.compliance(date(2023, 5, 31)).item_rate == Decimal("66.67")
    assert projects.compliance(date(2023, 6, 1)).item_rate == Decimal("83.33")
    assert projects.compliance(date(2023, 8, 31)).project_rate == Decimal("0.00")
    later = projects.compliance(date(2023, 9, 1))
    assert (later.item_rate, later.project_rate) == (Decimal("100.00"), Decimal("100.00"))
    assert later.projects[0].checked_on == date(2023, 9, 1)
    # the list row carries the latest check
    listed = projects.query().page(0, 1)[0]
    assert (listed.latest_checked_on, listed.item_rate) == (date(2023, 9, 1), Decimal("100.00"))
    # `since` leaves out checks before it (the yearly report counts the year's checks)
    assert projects.compliance(date(2024, 6, 1), since=date(2024, 1, 1)).projects_checked == 0


def test_projects_under_way_as_of_a_date(projects) -> None:
    new_project(projects, "甲", start_date=date(2023, 1, 1), on_realname_platform=True)
    new_project(projects, "乙", start_date=date(2023, 7, 1), on_realname_platform=True)
    new_project(projects, "丙", start_date=date(2022, 1, 1), status="completed", completed_on=date(2023, 5, 1))
    new_project(projects, "丁", start_date=date(2022, 1, 1), status="halted")
    assert projects.compliance(date(2023, 3, 1)).projects_under_way == 2  # 甲, 丙
    assert projects.compliance(date(2023, 3, 1)).projects_on_platform == 1
    assert projects.compliance(date(2023, 12, 31)).projects_under_way == 2  # 甲, 乙


# ---------------------------------------------------------------- overdue rectifications
def test_overdue_rectifications_are_found_and_cleared_by_rectification(projects) -> None:
    late = new_project(projects, "逾期项目")
    fine = new_project(projects, "按期项目")
    later_fixed = new_project(projects, "复查已落实")
    failing = {"status": "not_in_force", "rectify_by": date(2023, 12, 1)}
    done = check(projects, late.id, date(2023, 11, 1), wage_account=failing, rights_notice=failing)
    check(projects, fine.id, date(2023, 11, 1), wage_account={"status": "not_in_force", "rectify_by": TODAY})
    check(projects, later_fixed.id, date(2023, 11, 1), wage_account=failing)
    check(projects, later_fixed.id, date(2023, 12, 15))  # the recheck supersedes the earlier finding

    overdue = projects.overdue_rectifications(today=TODAY)
    assert [(r.project_name, r.label, r.days_overdue) for r in overdue.page(0, 10)] == [
        ("逾期项目", "农民工工资专用账户", 30), ("逾期项目", "维权信息公示", 30)]
    rows = {r.name: r for r in projects.query(today=TODAY).page(0, 10)}
    assert (rows["逾期项目"].overdue, rows["按期项目"].overdue, rows["复查已落实"].overdue) == (2, 0, 0)
    assert [r.name for r in projects.query(overdue_only=True, today=TODAY).page(0, 10)] == ["逾期项目"]

    item = next(i for i in done.items if i.code == "wage_account")
    assert item.overdue is True  # the check is shown as of TODAY
    with pytest.raises(UserError) as caught:
        projects.record_rectification(item.id, date(2023, 10, 31), today=TODAY)
    assert caught.value.code == "rectify.before_check"
    fixed = projects.record_rectification(item.id, date(2023, 12, 10), evidence="已开设专户", today=TODAY)
    assert fixed.pending_rectification == 1
    assert projects.overdue_rectifications(today=TODAY).count() == 1
    # the rates count the check's findings; the rectification does not change them
    assert projects.compliance(date(2023, 11, 30)).items_in_force == 4 + 5 + 5
    in_force_item = next(i for i in done.items if i.code == "real_name")
    with pytest.raises(UserError) as caught:
        projects.record_rectification(in_force_item.id, date(2023, 12, 10), today=TODAY)
    assert caught.value.code == "rectify.not_needed"


def test_list_filters_by_text_and_status(projects) -> None:
    new_project(projects, "南明区保障性住房一期", location="南明区花果园")
    new_project(projects, "云岩区学校改扩建", location="云岩区黔灵镇", status="halted")
    assert projects.query(text="花果园").count() == 1
    assert projects.query(text="云岩 学校").count() == 1
    assert projects.query(text="100%").count() == 0  # LIKE wildcards are searched for as typed
    assert projects.query(status="halted").page(0, 5)[0].name == "云岩区学校改扩建"
    assert [r.name for r in projects.query(sort="id", descending=True).page(0, 5)][0] == "云岩区学校改扩建"


def test_checks_query_lists_newest_first_with_counts(projects) -> None:
    row = new_project(projects)
    check(projects, row.id, date(2023, 3, 1))
    check(projects, row.id, date(2023, 6, 1), wage_account={"status": "not_in_force", "rectify_by": date(2023, 7, 1)},
          wage_guarantee="not_applicable")
    checks = projects.checks_query(row.id).page(0, 10)
    assert [(c.checked_on, c.in_force, c.applicable, c.not_in_force) for c in checks] == [
        (date(2023, 6, 1), 4, 5, 1), (date(2023, 3, 1), 6, 6, 0)]
    assert checks[0].item_rate == Decimal("80.00")
    detail = projects.check(checks[0].id)
    assert [i.label for i in detail.items] == [label for _, label in DEFAULT_COMPLIANCE_ITEMS]


def test_every_write_is_audited(store, projects, employers) -> None:
    before = counts(store)["AuditEntry"]
    row = new_project(projects, contractor_id=employers[0], subcontractors=[employers[1]])
    check(projects, row.id, date(2023, 3, 1))
    with store.read() as session:
        tables = set(session.scalars(select(AuditEntry.table_name).where(AuditEntry.seq > before)))
    assert {"construction_project", "project_subcontractor", "compliance_item", "compliance_check",
            "compliance_check_item"} <= tables


# ---------------------------------------------------------------- demo data (tests/fixtures/projects.py)
def test_demo_data_gives_the_report_figures(store) -> None:
    seed_report_projects(store)
    summary = ProjectService(store, setup_actor()).compliance(date(2023, 12, 31))
    assert (summary.projects_under_way, summary.projects_on_platform) == (12, 12)
    assert (summary.items_in_force, summary.items_applicable, summary.item_rate) == (63, 66, Decimal("95.45"))


def test_projects_sort_by_the_pinyin_of_their_names(projects) -> None:
    for name in ("周家湾安置房", "张家寨小学", "吕祖庙道路", "刘家坝厂房"):
        projects.create({"name": name, "location": "南明区", "status": "active"})
    assert [r.name for r in projects.query(sort="name").page(0, 10)] == [
        "刘家坝厂房", "吕祖庙道路", "张家寨小学", "周家湾安置房"
    ]
