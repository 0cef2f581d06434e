"""ArbitrationCaseSteps: the docket's steps for a caller that shows no page — the same checks,
timeline, deadlines and audit as ArbitrationCaseService, returning only the case's new version."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from app.arbitration.service import ArbitrationCaseSteps, AwardItem, StepTaken
from app.audit.chain import verify
from app.errors import UserError
from tests.fixtures.arbitration import CLERK, make_world, receive


def _run(steps, world, cid: int, starts_at: time) -> tuple[object, StepTaken]:
    steps.accept(cid, date(2023, 10, 7))
    steps.form_tribunal(cid, date(2023, 10, 9), chief_id=world.chief, arbitrator_2_id=world.second,
                        arbitrator_3_id=world.third, clerk_id=world.clerk)
    scheduled = steps.schedule_hearing(cid, date(2023, 10, 11), held_on=date(2023, 10, 25), starts_at=starts_at,
                           ends_at=time(starts_at.hour + 2), room="第一仲裁庭")
    return scheduled, steps.record_side_event(cid, date(2023, 10, 12), what="appraisal", note="申请工伤鉴定")


def _comparable(view):
    """The case as a page shows it, less what differs between the two cases by nature (ids, number,
    the hearing's hours)."""
    def same_kind(details):
        return {k: v for k, v in details.items() if k not in ("case_no", "hearing_id", "starts_at", "ends_at")}
    return (
        replace(view, id=0, case_no="", claims=(), events=(), hearings=(), deadlines=()),
        [replace(c, id=0) for c in view.claims],
        [(e.kind, e.on, e.note, e.actor, same_kind(e.details)) for e in view.events],
        [(h.held_on, h.room, h.status, h.member_ids) for h in view.hearings],
        [(d.rule_id, d.state, d.due, d.met_on) for d in view.deadlines],
    )


def test_steps_leave_the_case_as_the_service_does(store) -> None:
    world = make_world(store)
    service = world.clerk_service()
    steps = ArbitrationCaseSteps(store, CLERK, today=lambda: date(2024, 1, 1))
    by_service, by_steps = receive(world), receive(world)
    _run(service, world, by_service, time(9))
    scheduled, taken = _run(steps, world, by_steps, time(14))  # the afternoon: the same tribunal and room
    shown = service.get(by_steps)
    assert taken == StepTaken(by_steps, shown.version, "hearing_scheduled", {"what": "appraisal"})
    assert _comparable(shown) == _comparable(service.get(by_service))
    assert shown.deadlines  # derived and cached at each step
    hearing = shown.hearings[-1].id
    assert scheduled.details == {"hearing_id": hearing, "held_on": "2023-10-25", "starts_at": "14:00",
                                 "room": "第一仲裁庭"}  # what the step recorded: the hearing it made
    assert steps.hold_hearing(by_steps, date(2023, 10, 25), hearing_id=hearing, version=taken.version).status == "heard"
    with store.read() as session:  # the tribunal's accounts are put straight into the store by the world
        assert [b for b in verify(session).breaks if b.table_name != "app_user"] == []


def test_a_refused_step_is_refused_as_by_the_service_and_changes_nothing(store) -> None:
    world = make_world(store)
    steps = ArbitrationCaseSteps(store, CLERK)
    cid = receive(world)
    with pytest.raises(UserError) as caught:
        steps.close_award(cid, date(2023, 10, 20), [AwardItem(1, 0, "upheld")])
    assert caught.value.code == "arbitration.transition_refused"
    taken = steps.accept(cid, date(2023, 10, 7))
    with pytest.raises(UserError) as caught:
        steps.form_tribunal(cid, date(2023, 10, 1), chief_id=world.chief, clerk_id=world.clerk)
    assert caught.value.code == "arbitration.date_before_previous"
    with pytest.raises(UserError) as caught:
        steps.record_side_event(cid, date(2023, 10, 8), what="appraisal", note="鉴定", version=taken.version - 1)
    assert caught.value.code in ("record.changed_by", "record.changed_elsewhere")
    assert world.clerk_service().get(cid).version == taken.version
