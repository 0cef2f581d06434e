"""Township mediation: the 15-day clock, agreement, failure and 转仲裁."""

from __future__ import annotations

from datetime import date

import pytest

from app.arbitration.service import ArbitrationCaseService
from app.errors import UserError
from tests.fixtures.arbitration import CLERK, make_world, wage_claims


@pytest.fixture
def world(store):
    return make_world(store)


def apply(world, on=date(2024, 2, 1), **kw):
    return world.mediation().apply(applicants=[world.worker], respondents=[world.employer], claims=wage_claims(),
                                   received_on=on, matter="拖欠工资", organisation="某镇劳动保障所", **kw)


def test_agreement_closes_the_case_and_counts_as_successful(world) -> None:
    m = world.mediation()
    mid = apply(world, channel="online")
    view = m.get(mid)
    # 15 calendar days from 1 Feb 2024 end on 16 Feb, inside the Spring Festival: rolled to Sunday 18 Feb (补班)
    assert view.clock.due == date(2024, 2, 18) and view.clock_running
    view = m.accept(mid, date(2024, 2, 2))
    assert view.case_no == "某区劳调字〔2024〕第1号"
    m.record_session(mid, date(2024, 2, 5), "双方到场，就工资数额协商")
    view = m.agree(mid, date(2024, 2, 6), terms="被申请人于2024年2月20日前支付工资12000元", amount_agreed_fen=1_200_000)
    assert (view.status, view.closure, view.closed_on) == ("agreed", "agreement", date(2024, 2, 6))
    view = m.record_payment(mid, date(2024, 2, 20), amount_fen=1_200_000)
    assert view.amount_paid_fen == 1_200_000
    assert m.year_counts(2024, channel="online") == {"handled": 1, "successful": 1}
    assert m.year_counts(2024, channel="on_site") == {"handled": 0, "successful": 0}


def test_oral_application_needs_its_record(world) -> None:
    with pytest.raises(UserError) as caught:
        apply(world, application_form="oral")
    assert caught.value.code == "mediation.oral_record_required"
    mid = apply(world, application_form="oral", oral_record="申请人张伟口述：公司拖欠三个月工资。")
    assert world.mediation().get(mid).application_form == "oral"


def test_failed_mediation_goes_to_arbitration_with_parties_and_claims(world) -> None:
    m = world.mediation()
    mid = apply(world)
    m.accept(mid, date(2024, 2, 2))
    with pytest.raises(UserError) as caught:
        m.transfer_to_arbitration(mid, date(2024, 2, 10))
    assert caught.value.code == "mediation.not_failed_yet" and "2024-02-18" in caught.value.message()
    m.fail(mid, date(2024, 2, 10), "被申请人拒绝调解")
    view = m.transfer_to_arbitration(mid, date(2024, 2, 11))
    assert view.status == "transferred" and view.arbitration_case_id is not None
    arb = ArbitrationCaseService(world.store, CLERK).get(view.arbitration_case_id)
    assert arb.status == "received" and arb.from_mediation_id == mid and arb.received_on == date(2024, 2, 11)
    assert arb.names("applicant") == ["张伟"] and arb.names("respondent") == ["贵州某建筑工程有限公司"]
    assert [(c.category, c.amount_claimed_fen) for c in arb.claims] == [("wages", 1_200_000), ("compensation", 3_000_000)]
    assert "转来" in arb.events[0].note
    assert ArbitrationCaseService(world.store, CLERK).find_by_mediation(mid) == arb.id
    # counted as a mediation closed without agreement
    assert m.year_counts(2024) == {"handled": 1, "successful": 0}
    with pytest.raises(UserError):
        m.transfer_to_arbitration(mid, date(2024, 2, 12))


def test_lapsed_clock_allows_transfer_of_an_open_mediation(world) -> None:
    m = world.mediation()
    mid = apply(world)
    view = m.transfer_to_arbitration(mid, date(2024, 2, 19))
    assert view.status == "transferred" and view.closure == "failure" and view.closed_on == date(2024, 2, 19)


def test_refused_steps_and_list(world) -> None:
    m = world.mediation()
    mid = apply(world)
    with pytest.raises(UserError) as caught:
        m.agree(mid, date(2024, 2, 3), terms="x", amount_agreed_fen=1)
    assert caught.value.code == "mediation.transition_refused"
    m.refuse(mid, date(2024, 2, 3), "非劳动争议")
    assert m.query(status="not_accepted").count() == 1
    assert m.query(text="张伟").page(0, 5)[0].applicants == "张伟"


def test_an_agreement_not_performed_may_go_to_arbitration(world) -> None:
    m = world.mediation()
    mid = apply(world)
    m.accept(mid, date(2024, 2, 2))
    m.agree(mid, date(2024, 2, 6), terms="2月20日前支付12000元", amount_agreed_fen=1_200_000)
    m.record_payment(mid, date(2024, 2, 20), amount_fen=400_000)
    view = m.transfer_to_arbitration(mid, date(2024, 3, 1))
    assert view.status == "transferred" and view.closure == "agreement" and view.arbitration_case_id
    assert m.year_counts(2024) == {"handled": 1, "successful": 1}
    paid = apply(world)
    m.accept(paid, date(2024, 2, 2))
    m.agree(paid, date(2024, 2, 6), terms="当场支付", amount_agreed_fen=100)
    m.record_payment(paid, date(2024, 2, 6), amount_fen=100)
    with pytest.raises(UserError) as caught:
        m.transfer_to_arbitration(paid, date(2024, 3, 1))
    assert caught.value.code == "mediation.performed"
