"""Two desks edit the same record (issue 14): the second save is refused, saying who saved
it and when, and nothing of the second desk is written — for every kind of record a form
edits: party, project, officer, certificate, training session, exam, account, and a step
on a complaint, a mediation and an arbitration case."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.accounts.service import AccountService
from app.errors import UserError
from app.parties.service import PartyService
from app.projects.service import ProjectService
from app.staff.service import StaffService
from app.training.service import TrainingService
from tests.conftest import make_actor
from tests.fixtures.arbitration import CLERK, MEDIATOR, make_world, receive, wage_claims
from tests.fixtures.complaints import intake
from tests.fixtures.complaints import service as complaint_service

WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def other_desk(*roles: str) -> Any:
    """The second desk's clerk: no account row, so the message names the user name."""
    return make_actor(*roles, username="desk2", user_id=None)


def refused_as_stale(save: Callable[[], Any]) -> UserError:
    with pytest.raises(UserError) as caught:
        save()
    err = caught.value
    assert err.code == "record.changed_by"
    assert err.params["who"] == "desk2"
    assert WHEN.fullmatch(err.params["when"])
    message = err.message()
    assert "desk2" in message and err.params["when"] in message and "未保存" in message
    return err


def test_party(store, admin_actor) -> None:
    mine = PartyService(store, admin_actor)
    opened = mine.create({"kind": "person", "name": "陈七"})
    PartyService(store, other_desk("admin")).update(opened.id, opened.version, {"name": "陈启"})
    refused_as_stale(lambda: mine.update(opened.id, opened.version, {"name": "陈七七"}))
    assert mine.get(opened.id).name == "陈启"


def test_project(store, admin_actor) -> None:
    mine = ProjectService(store, admin_actor)
    opened = mine.create({"name": "某小区一期", "location": "某镇"})
    ProjectService(store, other_desk("admin")).update(opened.id, opened.version, {"location": "某街道"})
    refused_as_stale(lambda: mine.update(opened.id, opened.version, {"location": "别处"}))
    assert mine.get(opened.id).location == "某街道"


def test_officer_and_certificate(store, admin_actor) -> None:
    mine = StaffService(store, admin_actor)
    officer = mine.create({"name": "张伟", "unit": "区人社局", "post": "科员"})
    theirs = StaffService(store, other_desk("admin"))
    theirs.update(officer.id, officer.version, {"post": "副大队长"})
    refused_as_stale(lambda: mine.update(officer.id, officer.version, {"post": "大队长"}))
    assert mine.get(officer.id).officer.post == "副大队长"

    cert = mine.add_certificate(officer.id, {"number": "LBJC-1", "issue_date": date(2021, 5, 2),
                                             "expiry_date": date(2026, 5, 1), "category": "劳动保障监察"})
    theirs.update_certificate(cert.id, cert.version, {"issuing_authority": "省人社厅"})
    refused_as_stale(lambda: mine.update_certificate(cert.id, cert.version, {"issuing_authority": "市人社局"}))
    (saved,) = mine.get(officer.id).certificates
    assert saved.issuing_authority == "省人社厅"


def test_training_session_and_exam(store, admin_actor) -> None:
    officers = [StaffService(store, admin_actor).create({"name": n, "unit": "区人社局"}).id for n in ("张伟", "王芳")]
    mine, theirs = TrainingService(store, admin_actor), TrainingService(store, other_desk("admin"))
    session = mine.create_session({"kind": "bureau_wide", "held_on": date(2023, 3, 8), "topic": "学习条例",
                                   "organiser": "局办公室", "hours": "2", "on_rule_of_law": True}, officers)
    theirs.update_session(session.id, session.version, {"topic": "学习《保障农民工工资支付条例》"}, officers)
    refused_as_stale(lambda: mine.update_session(session.id, session.version, {"topic": "别的"}, officers[:1]))
    saved = mine.get_session(session.id)
    assert saved.session.topic == "学习《保障农民工工资支付条例》" and set(saved.attendee_ids) == set(officers)

    fields = {"title": "年度考试", "held_on": date(2023, 11, 20), "pass_mark": "60"}
    lines = [{"officer_id": o, "required": True, "attended": True, "score": "80"} for o in officers]
    exam = mine.create_exam(fields, lines).exam
    theirs.update_exam(exam.id, exam.version, {**fields, "organiser": "法制科"}, lines)
    refused_as_stale(lambda: mine.update_exam(exam.id, exam.version, {**fields, "organiser": "办公室"}, lines))
    assert mine.get_exam(exam.id).exam.organiser == "法制科"


def test_account(store, admin_actor) -> None:
    from app.accounts.actor import setup_actor

    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
    mine = AccountService(store, admin_actor)
    clerk = mine.create_user("li.ming", "李明", "password1", ["intake"])
    AccountService(store, other_desk("admin")).update_user(clerk.id, clerk.version, display_name="李明明")
    refused_as_stale(lambda: mine.update_user(clerk.id, clerk.version, display_name="李敏", roles=["mediator"]))
    (saved,) = [u for u in mine.list_users() if u.id == clerk.id]
    assert saved.display_name == "李明明" and saved.roles == frozenset({"intake"})


def test_complaint_step(store) -> None:
    mine = complaint_service(store)
    detail, _ = mine.register(intake())
    complaint_service(store, other_desk("inspector")).accept(detail.id, detail.version, date(2023, 6, 5))
    refused_as_stale(lambda: mine.refuse(detail.id, detail.version, date(2023, 6, 5), "不属于劳动保障监察事项"))
    saved = mine.get(detail.id)
    assert saved.status == "filed" and "refuse" not in [e.action for e in saved.events]


def test_mediation_step(store) -> None:
    from app.mediation.service import MediationService

    world = make_world(store)
    mine = world.mediation()
    case_id = mine.apply(applicants=[world.worker], respondents=[world.employer], claims=wage_claims(),
                         received_on=date(2024, 2, 1), matter="拖欠工资", organisation="某镇劳动保障所")
    opened = mine.get(case_id)
    theirs = MediationService(store, other_desk(*MEDIATOR.roles), today=lambda: date(2024, 1, 1))
    theirs.accept(case_id, date(2024, 2, 2), version=opened.version)
    refused_as_stale(lambda: mine.refuse(case_id, date(2024, 2, 2), "不属于调解范围", version=opened.version))
    assert mine.get(case_id).status == theirs.get(case_id).status != opened.status


def test_arbitration_step(store) -> None:
    from app.arbitration.service import ArbitrationCaseService

    world = make_world(store)
    mine = world.clerk_service()
    case_id = receive(world)
    opened = mine.get(case_id)
    theirs = ArbitrationCaseService(store, other_desk(*CLERK.roles), today=lambda: date(2024, 1, 1))
    theirs.accept(case_id, date(2023, 9, 26), version=opened.version)
    refused_as_stale(lambda: mine.accept(case_id, date(2023, 9, 27), version=opened.version))
    saved = mine.get(case_id)
    assert saved.status == "accepted" and saved.version != opened.version
