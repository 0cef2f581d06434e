"""The arbitration docket service: state machine, deadlines from events, finality, statistics."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.arbitration.deadlines import DeadlineState
from app.arbitration.hearings import HearingCalendar
from app.arbitration.service import (
    TRANSITIONS,
    ArbitrationCaseService,
    AwardItem,
    ClaimInput,
    is_final,
    minimum_wage_on,
)
from app.audit.models import AuditEntry
from app.errors import UserError
from tests.conftest import make_actor
from tests.fixtures.arbitration import CLERK, make_world, receive, run_to_hearing


@pytest.fixture
def world(store):
    return make_world(store)


def deadline(view, key):
    return next(d for d in view.deadlines if d.key == key)


def test_receive_accept_run_and_award_across_national_day(world) -> None:
    cid = receive(world, date(2023, 9, 25))
    s = world.clerk_service()
    view = s.get(cid)
    assert view.status == "received" and view.case_no == ""
    a2 = deadline(view, "A2")
    # 5 working days over 中秋/国庆 2023: 26, 27, 28 Sep, then the swapped Saturday and Sunday 7–8 Oct
    assert a2.state is DeadlineState.OPEN and a2.due == date(2023, 10, 8)
    assert "调休上班日" in a2.how_computed() and "A2" in a2.how_computed()

    view = s.accept(cid, date(2023, 10, 7))
    assert view.case_no == "某区劳人仲案字〔2023〕第1号"
    assert deadline(view, "A2").state is DeadlineState.MET
    assert deadline(view, "A4").due == deadline(view, "A7").due == date(2023, 10, 12)
    assert deadline(view, "A9").due == date(2023, 11, 21)  # 7 Oct + 45 days
    assert view.accepted_claims_fen == 4_200_000

    view = run_to_hearing(world, cid)
    assert deadline(view, "A7").state is DeadlineState.MET
    assert deadline(view, "A4").met_on == date(2023, 10, 10)
    assert deadline(view, f"A5#{world.employer}").due == date(2023, 10, 24)
    a8 = next(d for d in view.deadlines if d.rule_id == "A8")
    assert a8.due == date(2023, 10, 18) and a8.state is DeadlineState.OPEN

    view = s.suspend(cid, date(2023, 10, 12), ground="等待工伤认定结论", approver="仲裁委主任")
    assert view.status == "suspended" and deadline(view, "A9").state is DeadlineState.PAUSED
    view = s.resume(cid, date(2023, 10, 22))
    assert view.status == "hearing_scheduled"
    assert deadline(view, "A9").due == date(2023, 12, 1)  # + 10 suspended days (12–21 Oct)
    view = s.extend(cid, date(2023, 11, 1), days=15, approver="仲裁院院长")
    a9 = deadline(view, "A9")
    assert a9.due == date(2023, 12, 18)  # 16 Dec is a Saturday: rolled to Monday
    assert a9.deadline.extension == 15 and a9.deadline.excluded_days == 10

    view = s.hold_hearing(cid, date(2023, 11, 2), hearing_id=view.hearings[0].id)
    assert view.status == "heard"
    wages, comp = view.claims
    with pytest.raises(UserError) as caught:  # 超裁: more than the item asked for is refused, naming it
        s.close_award(cid, date(2023, 11, 20), [AwardItem(wages.id, wages.amount_claimed_fen + 1, "upheld"),
                                                AwardItem(comp.id, 2_500_000, "partly_upheld")])
    assert caught.value.code == "arbitration.award_above_claim"
    claimed = f"{wages.amount_claimed_fen // 100:,}.00"
    assert "劳动报酬" in caught.value.message() and f"请求金额为{claimed}元" in caught.value.message()
    assert s.get(cid).status == "heard"  # nothing half-written
    view = s.close_award(cid, date(2023, 11, 20), [AwardItem(wages.id, 1_200_000, "upheld"),
                                                    AwardItem(comp.id, 2_500_000, "partly_upheld")])
    assert view.status == "closed" and view.closure_method == "award" and view.closed_on == date(2023, 11, 20)
    # 12 × 1,890 yuan = 22,680 yuan: 12,000 of wages is final, 25,000 of severance is not
    assert [c.final for c in view.claims] == [True, False]
    assert deadline(view, "A9").state is DeadlineState.MET
    assert [e.kind for e in view.events][:2] == ["receive", "accept"]

    counts = s.year_counts(2023)
    assert (counts.received, counts.accepted, counts.closed_by, counts.pending_at_year_end) == (1, 1, {"award": 1}, 0)
    assert counts.amount_in_dispute_fen == 4_200_000


def test_a_transition_the_state_does_not_allow_is_refused(world) -> None:
    cid = receive(world)
    s = world.clerk_service()
    with pytest.raises(UserError) as caught:
        s.close_award(cid, date(2023, 10, 1), [])
    assert caught.value.code == "arbitration.transition_refused"
    assert "已收件待审查" in caught.value.message()
    # 时效 and the existence of an employment relationship are merits questions, not refusal grounds
    for ground in ("超过仲裁时效", "申请人与被申请人之间不存在劳动关系", "理由"):
        with pytest.raises(UserError) as caught:
            s.refuse(cid, date(2023, 9, 27), ground)
        assert caught.value.code == "arbitration.refusal_ground_unknown" and "第三十一条" in caught.value.message()
    assert s.get(cid).status == "received"
    view = s.refuse(cid, date(2023, 9, 27), "outside_scope", "追讨货款")
    assert view.refusal_ground == "不属于《劳动人事争议仲裁办案规则》第二条规定的争议范围（第三十条第一项）：追讨货款"
    with pytest.raises(UserError) as caught:
        s.accept(cid, date(2023, 9, 28))
    assert caught.value.code == "arbitration.transition_refused"
    view = s.get(cid)
    assert view.status == "not_accepted" and view.decided_on == date(2023, 9, 27) and view.case_no == ""
    assert deadline(view, "A2").state is DeadlineState.MET


def test_steps_must_be_recorded_in_date_order(world) -> None:
    cid = receive(world, date(2023, 9, 25))
    with pytest.raises(UserError) as caught:
        world.clerk_service().accept(cid, date(2023, 9, 20))
    assert caught.value.code == "arbitration.date_before_previous"


def test_correction_pauses_then_restarts_the_acceptance_clock(world) -> None:
    cid = receive(world, date(2024, 2, 5))
    s = world.clerk_service()
    view = s.request_correction(cid, date(2024, 2, 6), "请补充被申请人住所")
    assert deadline(view, "A2").state is DeadlineState.PAUSED
    view = s.correct(cid, date(2024, 2, 8))
    a3 = deadline(view, "A3")
    # Spring Festival 2024: 10–17 Feb off, Sunday 18 Feb a working day
    assert a3.state is DeadlineState.OPEN and a3.due == date(2024, 2, 21)
    assert not any(d.key == "A2" for d in view.deadlines)


def test_added_party_restarts_the_award_clock_and_extension_is_once(world) -> None:
    cid = receive(world)
    s = world.clerk_service()
    s.accept(cid, date(2023, 10, 9))
    view = s.add_party(cid, date(2023, 10, 20), party_id=world.employer2, role="respondent")
    a9 = deadline(view, "A9")
    assert a9.deadline.start == date(2023, 10, 20) and a9.due == date(2023, 12, 4)
    assert "重新计算" in a9.how_computed()
    s.extend(cid, date(2023, 10, 21), days=10, approver="主任")
    with pytest.raises(UserError) as caught:
        s.extend(cid, date(2023, 10, 22), days=5, approver="主任")
    assert caught.value.code == "arbitration.extension_once"


def test_claims_changed_after_acceptance_update_the_amount_and_restart(world) -> None:
    cid = receive(world)
    s = world.clerk_service()
    view = s.accept(cid, date(2023, 10, 9))
    first = view.claims[0].id
    view = s.change_claims(cid, date(2023, 10, 16), add=[ClaimInput("overtime", 500_000, "休息日加班费")],
                           amounts={first: 1_000_000})
    assert view.claimed_fen == 1_000_000 + 3_000_000 + 500_000
    assert view.claims[0].original_amount_fen == 1_200_000
    assert deadline(view, "A9").deadline.start == date(2023, 10, 16)


def test_ordinary_tribunal_needs_three_and_simple_one(world) -> None:
    cid = receive(world)
    s = world.clerk_service()
    s.accept(cid, date(2023, 10, 9))
    with pytest.raises(UserError) as caught:
        s.form_tribunal(cid, date(2023, 10, 10), chief_id=world.chief, clerk_id=world.clerk)
    assert caught.value.code == "arbitration.tribunal_incomplete"
    s.convert_procedure(cid, date(2023, 10, 10), "simple")
    view = s.form_tribunal(cid, date(2023, 10, 10), chief_id=world.chief, clerk_id=world.clerk)
    assert view.tribunal["chief"] == (world.chief, "王仲裁") and view.status == "tribunal_formed"


def test_double_booking_of_room_or_arbitrator_is_refused(world) -> None:
    first = receive(world)
    run_to_hearing(world, first)
    second = receive(world)
    s = world.clerk_service()
    s.accept(second, date(2023, 10, 9))
    s.form_tribunal(second, date(2023, 10, 10), chief_id=world.other_chief, arbitrator_2_id=world.second,
                    arbitrator_3_id=world.third, clerk_id=world.clerk)
    with pytest.raises(UserError) as caught:
        s.schedule_hearing(second, date(2023, 10, 11), held_on=date(2023, 10, 25), starts_at=time(10),
                           ends_at=time(12), room="第一仲裁庭")
    assert caught.value.code == "hearing.room_taken" and "第1号" in caught.value.message()
    with pytest.raises(UserError) as caught:
        s.schedule_hearing(second, date(2023, 10, 11), held_on=date(2023, 10, 25), starts_at=time(10),
                           ends_at=time(12), room="第二仲裁庭")
    assert caught.value.code == "hearing.member_taken" and "李仲裁" in caught.value.message()
    with pytest.raises(UserError) as caught:  # a room off the register an administrator keeps
        s.schedule_hearing(second, date(2023, 10, 11), held_on=date(2023, 10, 26), starts_at=time(10),
                           ends_at=time(12), room="会议室")
    assert caught.value.code == "hearing.room_unknown" and "第三仲裁庭" in caught.value.message()
    # back to back is fine
    view = s.schedule_hearing(second, date(2023, 10, 11), held_on=date(2023, 10, 25), starts_at=time(11),
                              ends_at=time(12), room="第一仲裁庭")
    assert view.status == "hearing_scheduled"
    week = HearingCalendar(world.store, CLERK).week(date(2023, 10, 26))
    assert [(h.time_text, h.room) for h in week] == [("09:00—11:00", "第一仲裁庭"), ("11:00—12:00", "第一仲裁庭")]
    assert week[0].members == ("王仲裁", "李仲裁", "赵仲裁")


def test_postponed_hearing_frees_its_slot(world) -> None:
    cid = receive(world)
    view = run_to_hearing(world, cid)
    s = world.clerk_service()
    old = view.hearings[0].id
    view = s.postpone_hearing(cid, date(2023, 10, 20), hearing_id=old, reason="申请人因病申请延期",
                              held_on=date(2023, 11, 1), starts_at=time(9), ends_at=time(11))
    assert [h.status for h in view.hearings] == ["postponed", "scheduled"]
    assert [d.due for d in view.deadlines if d.rule_id == "A8"] == [date(2023, 10, 25)]  # the old one lapses


def test_closures_feed_the_year_counts(world) -> None:
    s = world.clerk_service()
    ids = [receive(world, date(2023, 12, 1)) for _ in range(6)]
    s.refuse(ids[0], date(2023, 12, 4), "no_clear_claim")
    s.not_competent(ids[1], date(2023, 12, 4), "某市劳动人事争议仲裁委员会")
    s.withdraw_before_acceptance(ids[2], date(2023, 12, 4), "已和解")
    for cid in ids[3:]:
        s.accept(cid, date(2023, 12, 5))
    s.close_withdrawal(ids[3], date(2023, 12, 20), "双方和解，申请人撤回")
    s.close_mediation(ids[4], date(2024, 1, 10), amounts={s.get(ids[4]).claims[0].id: 800_000})
    counts = s.year_counts(2023)
    assert (counts.received, counts.accepted, counts.not_accepted, counts.not_competent,
            counts.withdrawn_before_decision) == (6, 3, 1, 1, 1)
    assert counts.closed_by == {"withdrawal": 1} and counts.pending_at_year_end == 2
    assert counts.amount_in_dispute_fen == 3 * 4_200_000
    assert s.year_counts(2024).closed_by == {"mediation": 1}
    # the docket filters in SQL
    assert s.query(status="closed").count() == 2
    assert s.query(accepted=(date(2023, 12, 5), date(2023, 12, 5))).count() == 3
    assert s.query(text="张伟").count() == 6 and s.query(text="第2号").count() == 1
    early = ArbitrationCaseService(world.store, CLERK, today=lambda: date(2023, 12, 6))
    assert early.query(overdue=True).count() == 0
    assert s.query(overdue=True).count() == 1  # on 1 Jan 2024 ids[5]'s A4 and A7 have run out


def test_every_step_is_audited_and_permissions_hold(world) -> None:
    cid = receive(world)
    world.clerk_service().accept(cid, date(2023, 9, 27))
    with world.store.read() as session:
        tables = dict(session.execute(select(AuditEntry.table_name, func.count()).group_by(AuditEntry.table_name)).all())
    assert tables["arbitration_event"] == 2 and tables["arbitration_case"] >= 2 and tables["arbitration_claim"] >= 2
    with pytest.raises(UserError) as caught:
        ArbitrationCaseService(world.store, make_actor("mediator")).accept(cid, date(2023, 9, 28))
    assert caught.value.code == "permission.denied"


def test_bad_input_is_refused_and_nothing_half_written(world) -> None:
    s = world.clerk_service()
    for kwargs, code in (
        ({"applicants": [], "respondents": [world.employer]}, "arbitration.applicant_required"),
        ({"applicants": [world.worker], "respondents": []}, "arbitration.respondent_required"),
        ({"applicants": [world.worker], "respondents": [world.worker]}, "arbitration.party_twice"),
        ({"applicants": [999], "respondents": [world.employer]}, "arbitration.party_not_found"),
    ):
        with pytest.raises(UserError) as caught:
            s.receive(claims=[ClaimInput("wages", 100)], received_on=date(2023, 9, 1), **kwargs)
        assert caught.value.code == code
    with pytest.raises(UserError) as caught:
        s.receive(applicants=[world.worker], respondents=[world.employer], claims=[ClaimInput("wages", -1)],
                  received_on=date(2023, 9, 1))
    assert caught.value.code == "arbitration.amount_negative"
    assert s.query().count() == 0


# ------------------------------------------------------------------ properties


def test_minimum_wage_in_force_on_a_date() -> None:
    table = [{"effective": "2019-12-01", "monthly_fen": 179000}, {"effective": "2023-02-01", "monthly_fen": 189000}]
    assert minimum_wage_on(table, date(2023, 1, 31)) == 179000
    assert minimum_wage_on(table, date(2023, 2, 1)) == 189000
    with pytest.raises(ValueError):
        minimum_wage_on(table, date(2019, 1, 1))


@given(amount=st.integers(min_value=0, max_value=10**9), minimum=st.integers(min_value=1, max_value=10**6),
       category=st.sampled_from(["wages", "overtime", "compensation", "damages", "injury_medical", "injury",
                                 "social_insurance", "annual_leave", "confirm_relationship", "other"]))
def test_finality_follows_the_twelve_months_test(amount: int, minimum: int, category: str) -> None:
    final = is_final(category, amount, minimum)
    if category in ("social_insurance", "annual_leave"):
        assert final
    elif category in ("confirm_relationship", "other", "injury"):
        # 法 art 47(1) names 工伤医疗费 only: 一次性伤残补助金 and the other 工伤待遇 are never final
        assert not final
        assert not final
    else:
        assert final == (amount <= 12 * minimum)
        if final:  # a smaller award of the same item is final too
            assert is_final(category, amount // 2, minimum)


ACTIONS = sorted(TRANSITIONS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=8))
def test_random_steps_are_either_refused_or_recorded(world, steps: list[str]) -> None:
    """Whatever a clerk tries, a step the state does not allow changes nothing,
    and an allowed one adds exactly one event and keeps the deadlines derivable."""
    s = world.clerk_service()
    cid = receive(world, date(2024, 3, 1))
    day = date(2024, 3, 1)

    def attempt(action: str, on: date, i: int, before):
        return {
            "request_correction": lambda: s.request_correction(cid, on, "补充材料"),
            "correct": lambda: s.correct(cid, on),
            "accept": lambda: s.accept(cid, on),
            "refuse": lambda: s.refuse(cid, on, "no_clear_respondent"),
            "not_competent": lambda: s.not_competent(cid, on, "某市仲裁委"),
            "withdraw_before_acceptance": lambda: s.withdraw_before_acceptance(cid, on, "撤回"),
            "form_tribunal": lambda: s.form_tribunal(cid, on, chief_id=world.chief, arbitrator_2_id=world.second,
                                                     arbitrator_3_id=world.third, clerk_id=world.clerk),
            "change_tribunal": lambda: s.change_tribunal(cid, on, chief_id=world.chief, arbitrator_2_id=world.second,
                                                         arbitrator_3_id=world.third, clerk_id=world.clerk),
            "record_service": lambda: s.record_service(cid, document="application_copy", party_id=world.employer,
                                                       method="post", served_on=on),
            "record_answer": lambda: s.record_answer(cid, on),
            "schedule_hearing": lambda: s.schedule_hearing(cid, on, held_on=date(2024, 5, 1 + i), starts_at=time(9),
                                                           ends_at=time(10), room="第一仲裁庭"),
            "postpone_hearing": lambda: s.postpone_hearing(
                cid, on, hearing_id=before.hearings[-1].id if before.hearings else 0, reason="延期",
                held_on=date(2024, 6, 1 + i), starts_at=time(9), ends_at=time(10)),
            "hold_hearing": lambda: s.hold_hearing(cid, on, hearing_id=before.hearings[-1].id if before.hearings else 0),
            "suspend": lambda: s.suspend(cid, on, ground="鉴定", approver="主任"),
            "resume": lambda: s.resume(cid, on),
            "extend": lambda: s.extend(cid, on, days=15, approver="主任"),
            "convert_procedure": lambda: s.convert_procedure(cid, on, "simple" if before.procedure == "ordinary" else "ordinary"),
            "add_party": lambda: s.add_party(cid, on, party_id=world.worker2, role="applicant"),
            "change_claims": lambda: s.change_claims(cid, on, add=[ClaimInput("other", 100)]),
            "join_counterclaim": lambda: s.change_claims(cid, on, add=[ClaimInput("other", 100)], counterclaim=True),
            "correct_claim_category": lambda: s.correct_claim_category(
                cid, on, claim_id=before.claims[0].id, category="other" if before.claims[0].category != "other" else "wages",
                reason="登记有误"),
            "close_award": lambda: s.close_award(cid, on, [AwardItem(c.id, 0, "dismissed") for c in before.claims if not c.withdrawn]),
            "close_mediation": lambda: s.close_mediation(cid, on, amounts={}),
            "close_withdrawal": lambda: s.close_withdrawal(cid, on, "撤回"),
            "revoke": lambda: s.revoke(cid, on, "错误受理"),
            "terminate": lambda: s.terminate(cid, on, "法院已立案"),
            "transfer_out": lambda: s.transfer_out(cid, on, "某县仲裁委"),
            "record_side_event": lambda: s.record_side_event(cid, on, what="appraisal", note="委托伤残等级鉴定"),
        }[action]()

    for i, action in enumerate(steps):
        on = date(2024, 3, 2 + i)
        before = s.get(cid)
        try:
            after = attempt(action, on, i, before)
        except UserError as err:
            assert before.status not in TRANSITIONS[action].sources or err.code not in ("arbitration.transition_refused",)
            assert len(s.get(cid).events) == len(before.events)
        else:
            assert before.status in TRANSITIONS[action].sources
            assert len(after.events) == len(before.events) + 1 and after.events[-1].kind == action
            assert all(d.due >= day for d in after.deadlines if d.rule_id not in ("A8",))


def test_side_events_and_deemed_withdrawal(world) -> None:
    cid = receive(world)
    s = world.clerk_service()
    s.accept(cid, date(2023, 10, 9))
    view = s.record_side_event(cid, date(2023, 10, 10), what="recusal_request", note="被申请人申请仲裁员李仲裁回避")
    assert view.status == "accepted" and view.events[-1].label == "回避申请"
    with pytest.raises(UserError):
        s.record_side_event(cid, date(2023, 10, 10), what="recusal_request", note=" ")
    view = s.close_withdrawal(cid, date(2023, 10, 30), "经书面通知无正当理由拒不到庭", deemed=True)
    assert view.closure_method == "withdrawal" and view.events[-1].label == "按撤回处理结案"
    from app.arbitration.documents import draft

    d = draft("withdrawal", view, "某区劳动人事争议仲裁委员会")
    assert d.title == "按撤回仲裁申请处理决定书" and "第三十六条" in d.editable_text()


def test_year_counts_reconcile_across_the_year_boundary(world) -> None:
    s = world.clerk_service()
    old = receive(world, date(2022, 12, 28))  # decided in 2023
    carried = receive(world, date(2022, 11, 1))
    s.accept(carried, date(2022, 11, 3))  # pending into 2023 (B)
    s.accept(old, date(2023, 1, 4))
    late = receive(world, date(2023, 12, 28))  # still under review at year end
    refused = receive(world, date(2023, 3, 1))
    s.refuse(refused, date(2023, 3, 2), "no_clear_claim")
    s.close_withdrawal(carried, date(2023, 2, 1), "已和解")
    c = s.year_counts(2023)
    assert (c.received, c.accepted, c.not_accepted, c.pending_at_year_start, c.closed, c.pending_at_year_end) == (2, 1, 1, 1, 1, 1)
    assert (c.received_under_review_at_year_end, c.decided_from_earlier_years) == (1, 1)
    assert c.stock_and_flow_holds and c.receipts_reconcile
    assert late


def test_hearing_rooms_register_is_kept_by_administrators_and_a_room_off_it_is_refused(store) -> None:
    from app.arbitration.hearings import hearing_rooms, save_hearing_rooms
    from tests.conftest import make_actor

    admin = make_actor("admin")
    assert hearing_rooms(store, admin) == ["第一仲裁庭", "第二仲裁庭", "第三仲裁庭"]
    with pytest.raises(UserError) as caught:
        save_hearing_rooms(store, admin, ["第一仲裁庭", " 第一仲裁庭 "])
    assert caught.value.code == "hearing_rooms.duplicate"
    with pytest.raises(UserError):
        save_hearing_rooms(store, admin, ["", "  "])
    assert save_hearing_rooms(store, admin, ["第一仲裁庭", "调解室  2"]) == ["第一仲裁庭", "调解室 2"]
    with pytest.raises(UserError) as caught:
        save_hearing_rooms(store, make_actor("arb_clerk"), ["第九仲裁庭"])
    assert caught.value.code == "permission.denied"
    assert hearing_rooms(store, admin) == ["第一仲裁庭", "调解室 2"]


def test_an_award_above_the_claim_needs_the_claim_changed_first(world) -> None:
    """超裁: 22,680 cannot be awarded on a 12,000 claim; once the change is recorded as its own dated
    step, the changed claim is what the award is measured against."""
    cid = receive(world, date(2023, 9, 25))
    s = world.clerk_service()
    view = run_to_hearing(world, cid)
    view = s.hold_hearing(cid, date(2023, 10, 25), hearing_id=view.hearings[0].id)
    wages, comp = view.claims
    items = [AwardItem(wages.id, wages.amount_claimed_fen + 1_068_000, "upheld"), AwardItem(comp.id, 0, "dismissed")]
    with pytest.raises(UserError) as caught:
        s.close_award(cid, date(2023, 11, 20), items)
    assert caught.value.code == "arbitration.award_above_claim"
    assert "请先登记变更仲裁请求" in caught.value.message()
    view = s.change_claims(cid, date(2023, 10, 26), amounts={wages.id: wages.amount_claimed_fen + 1_068_000})
    change = [e for e in view.events if e.kind == "change_claims"]
    assert len(change) == 1 and change[0].on == date(2023, 10, 26)
    view = s.close_award(cid, date(2023, 11, 20), items)
    assert view.status == "closed" and view.claims[0].amount_awarded_fen == wages.amount_claimed_fen + 1_068_000


def test_work_injury_medical_expenses_are_their_own_category() -> None:
    from app.arbitration.spreadsheet import parse_claims

    assert parse_claims("工伤医疗费:8000;工伤待遇:50000;一次性伤残补助金:30000") == [
        ("injury_medical", 800_000), ("injury", 5_000_000), ("injury", 3_000_000)]
    assert is_final("injury_medical", 800_000, 189_000) and not is_final("injury", 800_000, 189_000)


def test_the_tribunal_is_formed_once_then_changed_and_history_names_the_clerk(world) -> None:
    """组成仲裁庭 only on an accepted case; once formed the step is 变更仲裁庭组成.  The
    timeline names the person (陈书记), not the login (clerk)."""
    cid = receive(world)
    s = world.clerk_service()
    s.accept(cid, date(2023, 9, 27))
    assert "form_tribunal" in s.allowed_actions("accepted") and "change_tribunal" not in s.allowed_actions("accepted")
    with pytest.raises(UserError) as caught:
        s.change_tribunal(cid, date(2023, 9, 28), chief_id=world.chief, arbitrator_2_id=world.second,
                          arbitrator_3_id=world.third, clerk_id=world.clerk)
    assert caught.value.code == "arbitration.transition_refused"
    s.form_tribunal(cid, date(2023, 9, 28), chief_id=world.chief, arbitrator_2_id=world.second,
                    arbitrator_3_id=world.third, clerk_id=world.clerk)
    assert s.allowed_actions("tribunal_formed").count("form_tribunal") == 0
    with pytest.raises(UserError) as caught:
        s.form_tribunal(cid, date(2023, 9, 29), chief_id=world.chief, arbitrator_2_id=world.second,
                        arbitrator_3_id=world.third, clerk_id=world.clerk)
    assert caught.value.code == "arbitration.transition_refused"
    view = s.change_tribunal(cid, date(2023, 9, 29), chief_id=world.other_chief, arbitrator_2_id=world.second,
                             arbitrator_3_id=world.third, clerk_id=world.clerk)
    assert view.tribunal["chief"] == (world.other_chief, "周仲裁") and view.events[-1].label == "变更仲裁庭组成"
    assert {e.actor for e in view.events} == {"陈书记"}
    a7 = deadline(view, "A7")
    assert a7.met_on == date(2023, 9, 28)  # the first forming met the notice period


def test_a_pending_claim_s_category_is_corrected_audited_and_the_award_follows_it(world) -> None:
    """更正请求类别: an 工伤医疗费 claim that migration 0016 (or the intake clerk) left as 其他工伤待遇
    is corrected before the award, with its reason; the update is audited (old and new category),
    the step stands on the timeline, no period restarts, and the award computes finality from
    the corrected category.  After the award the category is what the award said: refused."""
    import json as _json

    from sqlalchemy import select

    from app.audit.models import AuditEntry

    s = world.clerk_service()
    cid = s.receive(applicants=[world.worker], respondents=[world.employer], received_on=date(2023, 9, 25),
                    claims=[ClaimInput("injury", 800_000, "住院期间工伤医疗费"), ClaimInput("wages", 300_000, "9月工资")],
                    cause="工伤保险待遇争议")
    s.accept(cid, date(2023, 9, 27))
    before = s.get(cid)
    medical = before.claims[0]
    a9 = deadline(before, "A9").due
    for bad, code in (({"category": "injury", "reason": "登记有误"}, "arbitration.category_unchanged"),
                      ({"category": "injury_medical", "reason": "  "}, "arbitration.category_reason_required"),
                      ({"category": "lottery", "reason": "登记有误"}, "arbitration.claim_category_unknown"),
                      ({"category": "injury_medical", "reason": "登记有误", "claim_id": 10_000},
                       "arbitration.claim_not_found")):
        with pytest.raises(UserError) as caught:
            s.correct_claim_category(cid, date(2023, 9, 28), **{"claim_id": medical.id, **bad})
        assert caught.value.code == code
    assert len(s.get(cid).events) == len(before.events)  # nothing recorded by a refusal
    with pytest.raises(UserError) as caught:  # the refusal carries the category's code, worded when shown
        s.correct_claim_category(cid, date(2023, 9, 28), claim_id=medical.id, category="injury", reason="登记有误")
    assert caught.value.params == {"category": "injury"}
    assert caught.value.message() == "该请求已登记为“其他工伤待遇（一次性伤残补助金等）”，无需更正。"

    view = s.correct_claim_category(cid, date(2023, 9, 28), claim_id=medical.id, category="injury_medical",
                                    reason="申请书所列为住院医疗费，属工伤医疗费")
    assert [c.category for c in view.claims] == ["injury_medical", "wages"]
    assert view.claims[0].amount_claimed_fen == 800_000 and view.claims[0].description == "住院期间工伤医疗费"
    step = view.events[-1]
    assert step.kind == "correct_claim_category" and step.label == "更正请求类别"
    assert step.note == "申请书所列为住院医疗费，属工伤医疗费"
    assert deadline(view, "A9").due == a9  # a correction, not a change of the claims: the 45 days do not restart
    with world.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.table_name == "arbitration_claim", AuditEntry.record_id == medical.id,
            AuditEntry.action == "update").order_by(AuditEntry.seq.desc())).first()
        assert entry is not None and entry.actor == "clerk"
        assert _json.loads(entry.changes)["category"] == ["injury", "injury_medical"]

    view = run_to_hearing(world, cid)
    view = s.hold_hearing(cid, date(2023, 10, 25), hearing_id=view.hearings[0].id)
    view = s.close_award(cid, date(2023, 11, 20), [AwardItem(c.id, c.amount_claimed_fen, "upheld") for c in view.claims])
    assert view.claims[0].final is True  # 工伤医疗费 within twelve months' minimum wage: final (art 47(1))
    with pytest.raises(UserError) as caught:
        s.correct_claim_category(cid, date(2023, 11, 21), claim_id=medical.id, category="injury", reason="改回")
    assert caught.value.code == "arbitration.transition_refused"
