"""Complaints on Today's desk: acceptance, investigation, rectification, instalments, publication."""

from __future__ import annotations

from datetime import date

from app.desk.service import Bucket, DeskService
from tests.conftest import make_actor
from tests.fixtures.complaints import intake, opened_case, service


def test_complaint_deadlines_reach_the_desk(store) -> None:
    svc = service(store, today=date(2023, 6, 2))
    waiting, _ = svc.register(intake())  # I1 due 8 June
    svc2, case = opened_case(store, workers=1)  # filed 5 June, I2 due 29 August
    case = svc2.set_plan(case.id, case.version, [
        {"worker_id": case.workers[0].id, "due_on": date(2023, 6, 9), "amount_fen": 100_000}])
    desk = DeskService(store, make_actor("inspector"), today=lambda: date(2023, 6, 7)).desk()
    mine = [i for i in desk.items if i.area == "complaints"]
    assert [(i.case_id, i.rule_id, i.due) for i in mine] == [
        (waiting.id, "I1", date(2023, 6, 8)),
        (case.id, "计划", date(2023, 6, 9)),
    ]
    assert {i.bucket for i in mine} == {Bucket.SOON}
    later = DeskService(store, make_actor("inspector"), today=lambda: date(2023, 9, 1)).desk()
    rules = sorted((i.rule_id, i.bucket) for i in later.items if i.area == "complaints")
    assert ("I2", Bucket.OVERDUE) in rules and ("计划", Bucket.OVERDUE) in rules
    assert later.counts.overdue >= 3
    # paying the instalment takes it off the desk
    svc2.record_payment(case.id, case.workers[0].id, date(2023, 6, 9), 100_000)
    again = DeskService(store, make_actor("inspector"), today=lambda: date(2023, 9, 1)).desk()
    assert "计划" not in {i.rule_id for i in again.items if i.area == "complaints"}
