"""Today's desk: overdue, due today and due within 3 working days, across areas."""

from __future__ import annotations

from datetime import date

import pytest

from app.accounts.permissions import Permission
from app.desk.service import Bucket, DeskItem, DeskService, providers
from tests.conftest import make_actor
from tests.fixtures.arbitration import CLERK, make_world, receive, wage_claims


@pytest.fixture
def world(store):
    return make_world(store)


def test_desk_buckets_across_arbitration_and_mediation(world) -> None:
    overdue = receive(world, date(2023, 9, 18))  # A2 due 2023-09-25
    today_case = receive(world, date(2023, 9, 25))  # A2 due 2023-10-08 (swapped Sunday)
    world.clerk_service().accept(today_case, date(2023, 9, 26))  # A4/A7: 27, 28 Sep, 7, 8, 9 Oct
    later = receive(world, date(2023, 10, 7))  # A2 due 2023-10-12
    mid = world.mediation().apply(applicants=[world.worker2], respondents=[world.employer2], claims=wage_claims(),
                                  received_on=date(2023, 9, 22))  # M1: 7 Oct
    desk = DeskService(world.store, CLERK, today=lambda: date(2023, 10, 7)).desk()
    # 3 working days from Saturday 7 Oct 2023 (a working day): 8, 9, 10 Oct
    assert desk.horizon == date(2023, 10, 10)
    assert [(i.area, i.case_id, i.rule_id) for i in desk.bucket(Bucket.OVERDUE)] == [("arbitration", overdue, "A2")]
    assert [(i.area, i.rule_id) for i in desk.bucket(Bucket.TODAY)] == [("mediation", "M1")]
    assert sorted((i.rule_id, i.due) for i in desk.bucket(Bucket.SOON)) == [
        ("A4", date(2023, 10, 9)), ("A7", date(2023, 10, 9))]
    assert all(i.case_id != later for i in desk.items)
    assert (desk.counts.overdue, desk.counts.today, desk.counts.soon) == (1, 1, 2)
    line = next(i for i in desk.items if i.area == "mediation")
    assert line.case_id == mid and line.parties == "李娜 与 某劳务有限公司"
    first = desk.bucket(Bucket.OVERDUE)[0]
    assert first.reference == "收件2023-09-18" and first.parties == "张伟 诉 贵州某建筑工程有限公司"
    # a decision takes the line off the desk
    world.clerk_service().refuse(overdue, date(2023, 10, 7), "no_clear_claim")
    desk = DeskService(world.store, CLERK, today=lambda: date(2023, 10, 7)).desk()
    assert desk.counts.overdue == 0


def test_desk_shows_only_the_areas_the_user_may_see(world) -> None:
    receive(world, date(2023, 9, 18))
    assert {p.area for p in providers()} >= {"arbitration", "mediation"}

    class Nobody:
        area = "secret"
        permission = Permission.USER_MANAGE

        def items(self, session, *, until, limit):
            return [DeskItem("secret", 1, "x", "", "secret.rule", "X", until)]

        def count(self, session, *, after, until):
            return 1

    desk = DeskService(world.store, make_actor("arbitrator"), today=lambda: date(2023, 10, 7),
                       sources=[*providers(), Nobody()]).desk()
    assert {i.area for i in desk.items} == {"arbitration"}


def test_today_is_the_bureau_day_not_the_machine_zone_day() -> None:
    from datetime import UTC, datetime, timedelta

    from app.arbitration.deadlines import shanghai_today

    assert shanghai_today() == (datetime.now(UTC) + timedelta(hours=8)).date()


def test_the_desk_finds_the_complaints_provider_without_the_complaints_service_imported() -> None:
    from app.desk.service import providers

    assert {"arbitration", "mediation", "complaints"} <= {p.area for p in providers()}
