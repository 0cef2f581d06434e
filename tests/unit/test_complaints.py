"""Complaints: the state machine, payments, deadlines, intake warnings, figures."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.audit.models import AuditEntry
from app.complaints.models import Complaint, ComplaintEvent, WagePayment
from app.complaints.service import ComplaintService
from app.errors import UserError
from app.legal.calendar import LegalCalendar
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.fixtures.complaints import (
    EMPLOYER_USCC,
    PENALTY,
    add_officers,
    complete_procedure,
    intake,
    opened_case,
    reviewed_case,
    service,
)
from tests.fixtures.identities import make_id, make_uscc

# ---------------------------------------------------------------- intake


def test_register_creates_parties_numbers_and_the_deadline(store) -> None:
    svc = service(store)
    detail, warnings = svc.register(intake())
    assert warnings == []
    assert detail.number == "某区人社监投字〔2023〕第1号"
    assert detail.status == "received"
    assert [w.name for w in detail.workers] == ["张伟", "李强", "王芳"]
    assert detail.workers[0].id_no.startswith("520102") and "*" in detail.workers[0].id_no
    assert detail.owed_fen == 1_500_000 and detail.recovered_fen == 0
    assert detail.received_on == date(2023, 6, 1)
    (decision,) = detail.deadlines
    # 5 working days after Thu 1 June 2023: 2, 5, 6, 7, 8 June
    assert (decision.key, decision.due, decision.warning) == ("decision", date(2023, 6, 8), None)
    assert decision.overdue  # seen from 28 September
    assert [e.action for e in detail.events] == ["register"]


def test_register_failure_leaves_nothing_behind(store) -> None:
    svc = service(store)
    bad = intake()
    bad["workers"][2]["party"]["id_no"] = "520102198801010000"  # wrong check character
    with pytest.raises(UserError) as caught:
        svc.register(bad)
    assert caught.value.code == "id_no.checksum"
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0
        from app.parties.models import Party

        assert session.scalar(select(func.count()).select_from(Party)) == 0


def test_intake_warns_about_an_open_complaint_for_the_same_worker_and_employer(store) -> None:
    svc = service(store)
    first, _ = svc.register(intake())
    second, warnings = svc.register(intake(workers=1))
    assert [w.number for w in warnings] == [first.number]
    assert warnings[0].message() == f"张伟对贵州某建筑劳务有限公司已有未结投诉：{first.number}。"
    # the form can ask before saving, by ID number and credit code
    found = svc.open_duplicates_by_number([make_id("520102", "19880101", 13)], [EMPLOYER_USCC])
    assert {w.number for w in found} == {first.number}
    # a refused complaint is no longer open
    svc.refuse(first.id, first.version, date(2023, 6, 2), "超过两年")
    assert svc.open_duplicates([second.workers[0].party_id], [second.employers[0].party_id], exclude=second.id) == []


def test_anonymous_report_and_reporter_confidentiality(store) -> None:
    svc = service(store)
    anon, _ = svc.register(intake(kind="report", anonymous=True, complainant=None))
    assert anon.complainant == "匿名"
    with pytest.raises(UserError) as caught:
        svc.register(intake(anonymous=True))
    assert caught.value.code == "complaint.anonymous_only_report"
    named, _ = svc.register(intake(kind="report"))
    assert named.complainant == "张伟"
    leader = service(store, make_actor("leadership"))
    seen = leader.get(named.id)
    assert seen.complainant == "张*" and seen.complainant_id is None and seen.complainant_id_no == ""
    rows = leader.query().page(0, 10)
    assert {r.complainant for r in rows} == {"匿名", "张*"}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"channel": "fax"}, "complaint.channel_unknown"),
        ({"kind": "rumour"}, "complaint.kind_unknown"),
        ({"employers": []}, "complaint.employer_required"),
        ({"matters": " "}, "complaint.matters_required"),
        ({"received_at": datetime(2023, 10, 1, 9)}, "complaint.date_future"),
    ],
)
def test_intake_refusals(store, change, code) -> None:
    with pytest.raises(UserError) as caught:
        service(store).register(intake(**change))
    assert caught.value.code == code


def test_negative_owed_is_refused(store) -> None:
    with pytest.raises(UserError) as caught:
        service(store).register(intake(owed=-1))
    assert caught.value.code == "complaint.amount_negative"


# ---------------------------------------------------------------- the state machine


def test_transition_not_allowed_is_refused_in_chinese(store) -> None:
    svc = service(store)
    detail, _ = svc.register(intake())
    with pytest.raises(UserError) as caught:
        svc.order_rectification(detail.id, detail.version, date(2023, 6, 2), date(2023, 6, 20))
    assert caught.value.message() == "当前状态为“已登记待审查”，不能进行“责令限期改正”。"
    refused = svc.refuse(detail.id, detail.version, date(2023, 6, 2), "超过两年")
    with pytest.raises(UserError) as caught:
        svc.accept(refused.id, refused.version, date(2023, 6, 3))
    assert caught.value.code == "complaint.transition_not_allowed"
    assert caught.value.params == {"status": "not_accepted", "action": "accept"}  # raw values (issue 12)
    assert caught.value.message() == "当前状态为“不予受理”，不能进行“受理并立案”。"


def test_every_transition_is_an_event_with_date_and_officer_and_is_audited(store) -> None:
    svc, detail = opened_case(store)
    assert detail.case_no == "某区人社监立字〔2023〕第1号"
    assert detail.status == "investigating"
    assert [(e.action, e.from_status, e.to_status) for e in detail.events] == [
        ("register", None, "received"),
        ("accept", "received", "filed"),
        ("assign_officers", None, None),
        ("start_investigation", "filed", "investigating"),
    ]
    assert all(e.actor == "inspector" for e in detail.events)
    assert detail.events[-1].officers == "陈静、王明"  # in the roster's pinyin order
    with store.read() as session:
        audited = session.scalars(
            select(AuditEntry.table_name).where(AuditEntry.table_name == "complaint_event")
        ).all()
        assert len(audited) == 4


def test_correction_restarts_the_acceptance_clock(store) -> None:
    svc = service(store)
    detail, _ = svc.register(intake())
    detail = svc.request_correction(detail.id, detail.version, date(2023, 6, 2), "请补充用人单位全称")
    assert detail.status == "need_correction"
    detail = svc.corrected(detail.id, detail.version, date(2023, 6, 12))
    assert detail.status == "received"
    assert detail.deadlines[0].due == date(2023, 6, 19)  # 13, 14, 15, 16, 19 June


def test_officers_need_two_with_valid_certificates(store) -> None:
    svc = service(store)
    detail, _ = svc.register(intake())
    detail = svc.accept(detail.id, detail.version, date(2023, 6, 5))
    good, other, expired = add_officers(
        store, ("王明", date(2026, 1, 1)), ("陈静", date(2026, 1, 1)), ("周老", date(2023, 5, 31))
    )
    with pytest.raises(UserError) as caught:
        svc.assign_officers(detail.id, detail.version, [good], date(2023, 6, 5))
    assert caught.value.code == "complaint.two_officers"
    with pytest.raises(UserError) as caught:
        svc.assign_officers(detail.id, detail.version, [good, expired], date(2023, 6, 5))
    assert caught.value.code == "staff.certificate_expired"
    assert svc.get(detail.id).status == "filed"  # nothing half-done
    detail = svc.assign_officers(detail.id, detail.version, [good, other], date(2023, 6, 5), lead_id=other)
    assert [(o.name, o.lead) for o in detail.officers] == [("陈静", True), ("王明", False)]
    assert detail.officers[0].certificate_no == "LBJC-0001"


def test_officers_need_a_labour_inspection_certificate_or_one_without_category(store) -> None:
    svc = service(store)
    detail, _ = svc.register(intake())
    detail = svc.accept(detail.id, detail.version, date(2023, 6, 5))
    staff = StaffService(store, make_actor("admin", username="admin"))
    ids = {}
    for name, number, category in (("王明", "LB-1", "劳动保障监察、社会保险"), ("周安", "AQ-1", "安全生产"),
                                   ("陈静", "ZF-1", "")):
        officer = staff.create({"name": name})
        staff.add_certificate(officer.id, {"number": number, "issue_date": date(2020, 1, 1),
                                           "expiry_date": date(2026, 1, 1), "category": category})
        ids[name] = officer.id
    with pytest.raises(UserError) as caught:
        svc.assign_officers(detail.id, detail.version, [ids["王明"], ids["周安"]], date(2023, 6, 5))
    assert caught.value.code == "staff.certificate_other_category"
    assert caught.value.message() == "周安的执法证（AQ-1）类别为安全生产，不能承办劳动保障监察案件。"
    assert "AQ-1" in caught.value.message("en") and "安全生产" in caught.value.message("en")
    assert svc.get(detail.id).officers == ()
    # a certificate whose category was left blank counts (roster data often leaves it empty)
    detail = svc.assign_officers(detail.id, detail.version, [ids["王明"], ids["陈静"]], date(2023, 6, 5))
    assert {o.certificate_no for o in detail.officers} == {"LB-1", "ZF-1"}


def test_investigation_deadline_extension_and_overdue(store) -> None:
    svc, detail = opened_case(store)
    (investigation,) = [d for d in detail.deadlines if d.key == "investigation"]
    assert investigation.rule_id == "I2"
    # 60 working days from 5 June 2023 (Dragon Boat 22–23 June; 25 June a swapped working day)
    assert investigation.due == date(2023, 8, 29)
    assert investigation.overdue
    assert svc.query(overdue_only=True).count() == 1
    detail = svc.extend(detail.id, detail.version, 30, date(2023, 8, 20), "局长李某")
    (investigation,) = [d for d in detail.deadlines if d.key == "investigation"]
    assert investigation.due == date(2023, 10, 16)  # National Day week 29 Sep – 6 Oct not counted
    assert svc.query(overdue_only=True).count() == 0
    with pytest.raises(UserError) as caught:
        svc.extend(detail.id, detail.version, 1, date(2023, 8, 21), "局长李某")
    assert caught.value.code == "deadline.extension_too_long"


def test_year_without_holiday_schedule_is_flagged(store) -> None:
    svc = ComplaintService(
        store, make_actor("inspector"), today=lambda: date(2023, 12, 29), calendar=LegalCalendar(use_package=False)
    )
    detail, _ = svc.register(intake(received_at=datetime(2023, 12, 28, 9)))
    (decision,) = detail.deadlines
    assert decision.warning is not None and "节假日安排未导入" in decision.warning


# ---------------------------------------------------------------- plan, payments and closure


def test_plan_payments_and_close(store) -> None:
    svc, detail = opened_case(store)
    w1, w2, w3 = (w.id for w in detail.workers)
    plan = [
        {"worker_id": w, "due_on": due_on, "amount_fen": 250_000}
        for w in (w1, w2, w3)
        for due_on in (date(2023, 7, 31), date(2023, 8, 31))
    ]
    detail = svc.set_plan(detail.id, detail.version, plan)
    assert detail.planned_fen == 1_500_000
    assert sum(1 for i in detail.instalments if i.overdue) == 6
    with pytest.raises(UserError) as caught:
        svc.close(detail.id, detail.version, date(2023, 9, 1), "paid", "已全部支付")
    assert caught.value.code == "complaint.not_paid"
    for w in (w1, w2, w3):
        detail = svc.record_payment(detail.id, w, date(2023, 7, 28), 250_000, method="银行转账")
    assert [i.paid for i in detail.instalments] == [True, True, True, False, False, False]
    assert svc.query(overdue_only=True).count() == 1  # the August instalments are overdue (and I2)
    for w in (w1, w2, w3):
        detail = svc.record_payment(detail.id, w, date(2023, 8, 30), 250_000)
    assert detail.recovered_fen == 1_500_000 and detail.outstanding_fen == 0
    assert all(w.recovered_fen == 500_000 for w in detail.workers)
    with pytest.raises(UserError) as caught:
        svc.record_payment(detail.id, w1, date(2023, 8, 30), 1)
    assert caught.value.code == "complaint.payment_exceeds_owed"
    assert caught.value.message() == "支付给张伟的0.01元超过尚欠金额（0.00元）。"
    with pytest.raises(UserError) as caught:
        svc.close(detail.id, detail.version, date(2023, 9, 1), "paid", " ")
    assert caught.value.code == "complaint.reason_required"
    detail = svc.close(detail.id, detail.version, date(2023, 9, 1), "paid", "欠薪已全部支付")
    assert detail.status == "closed" and detail.closed_on == date(2023, 9, 1)
    assert detail.deadlines == ()
    with pytest.raises(UserError) as caught:
        svc.record_payment(detail.id, w1, date(2023, 9, 2), 1)
    assert caught.value.code == "complaint.no_payments_in_state"


def test_plan_larger_than_owed_is_refused(store) -> None:
    svc, detail = opened_case(store, workers=1)
    with pytest.raises(UserError) as caught:
        svc.set_plan(detail.id, detail.version, [
            {"worker_id": detail.workers[0].id, "due_on": date(2023, 7, 1), "amount_fen": 300_000},
            {"worker_id": detail.workers[0].id, "due_on": date(2023, 8, 1), "amount_fen": 300_000},
        ])
    assert caught.value.code == "complaint.plan_exceeds_owed"


def test_an_instalment_is_added_at_the_end_of_the_plan_as_the_clerk_saw_it(store) -> None:
    """The case page's 增加一期: the plan at the version shown, and the new instalment, replace the plan."""
    svc, detail = opened_case(store, workers=1)
    worker = detail.workers[0].id
    first = svc.add_instalment(detail.id, detail.version, worker, date(2023, 7, 31), 100_000)
    second = svc.add_instalment(first.id, first.version, worker, date(2023, 8, 31), 150_000)
    assert [(i.due_on, i.amount_fen) for i in second.instalments] == [
        (date(2023, 7, 31), 100_000), (date(2023, 8, 31), 150_000)]
    assert [e.action for e in second.events].count("plan") == 2
    with pytest.raises(UserError) as caught:  # another desk changed the plan since: refused, nothing added
        svc.add_instalment(first.id, first.version, worker, date(2023, 9, 30), 1)
    assert caught.value.code in ("record.changed_by", "record.changed_elsewhere")
    assert len(svc.get(detail.id).instalments) == 2


def test_close_otherwise_disposed_needs_the_matching_state(store) -> None:
    svc, detail = opened_case(store)
    with pytest.raises(UserError) as caught:
        svc.close(detail.id, detail.version, date(2023, 9, 1), "transferred", "移送公安")
    assert caught.value.code == "complaint.closure_does_not_match"
    detail = svc.transfer(detail.id, detail.version, date(2023, 8, 1), "区公安分局")
    detail = svc.close(detail.id, detail.version, date(2023, 9, 1), "transferred", "涉嫌拒不支付劳动报酬罪，已移送公安")
    assert detail.status == "closed"
    detail = svc.notify_result(detail.id, detail.version, date(2023, 9, 2))
    detail = svc.archive(detail.id, detail.version, date(2023, 9, 3))
    assert detail.status == "archived"


def test_rectification_order_numbers_and_deadline(store) -> None:
    svc, detail = opened_case(store)
    detail = svc.order_rectification(detail.id, detail.version, date(2023, 6, 20), date(2023, 7, 5))
    assert detail.rectification_no == "某区人社监令〔2023〕1号"
    keys = {d.key: d for d in detail.deadlines}
    assert keys["rectification"].due == date(2023, 7, 5) and keys["rectification"].overdue
    detail = svc.mark_not_rectified(detail.id, detail.version, date(2023, 7, 6))
    assert detail.status == "not_rectified"


def test_major_decision_needs_a_qualified_legal_review(store) -> None:
    svc, detail = opened_case(store)
    staff = StaffService(store, make_actor("admin"))
    lawyer = staff.create({"name": "法制科孙某", "has_legal_qualification": True,
                           "legal_qualification_no": "A20191234"})
    layman = staff.create({"name": "科员钱某"})
    with pytest.raises(UserError) as caught:
        svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 1), **PENALTY)
    assert caught.value.code == "complaint.legal_review_required"
    reviewer = service(store, make_actor("legal_reviewer", username="legal"))
    with pytest.raises(UserError) as caught:
        reviewer.record_legal_review(detail.id, layman.id, "penalty", "agree", date(2023, 6, 30), "同意")
    assert caught.value.code == "complaint.reviewer_unqualified"
    with pytest.raises(UserError) as caught:  # an inspector cannot review
        svc.record_legal_review(detail.id, lawyer.id, "penalty", "agree", date(2023, 6, 30), "同意")
    assert caught.value.code == "permission.denied"
    reviewer.record_legal_review(detail.id, lawyer.id, "penalty", "return", date(2023, 6, 29), "证据不足")
    detail = svc.get(detail.id)
    with pytest.raises(UserError):
        svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 1), **PENALTY)
    reviewer.record_legal_review(detail.id, lawyer.id, "penalty", "agree", date(2023, 6, 30), "事实清楚，同意")
    detail = complete_procedure(svc, detail.id, "penalty")
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 3), **PENALTY)
    assert detail.decision_no == "某区人社罚〔2023〕1号"
    (publication,) = [d for d in detail.deadlines if d.key == "publication"]
    assert publication.rule_id == "I13" and publication.due == date(2023, 7, 12)
    detail = svc.record_publication(detail.id, detail.version, date(2023, 7, 10))
    assert not [d for d in detail.deadlines if d.key == "publication"]


def test_a_penalty_records_its_fine_in_fen(store) -> None:
    svc, detail = reviewed_case(store, "penalty")
    on = date(2023, 7, 3)

    def refused(**change: Any) -> UserError:
        with pytest.raises(UserError) as caught:
            svc.issue_decision(detail.id, detail.version, "penalty", on, **{**PENALTY, **change})
        return caught.value

    assert refused(fine_fen=None).message() == "行政处罚决定须填写罚款金额（不罚款的填0）。"
    assert refused(fine_fen=None).field == "fine"
    assert refused(fine_fen=-1).message() == "罚款金额不能为负数。"
    assert refused(fine_fen=-1).message("en") == "The fine cannot be negative."
    assert refused(fine_fen=200.5).code == "complaint.amount_invalid"  # money is never a float
    assert refused(fine_fen=True).code == "complaint.amount_invalid"
    assert refused(fine_fen=0).code == "complaint.penalty_empty"  # no fine and nothing else
    assert refused(facts=" ").code == "complaint.decision_facts_required"
    assert refused(basis="").code == "complaint.decision_basis_required"
    assert refused(ordered_fen=100).code == "complaint.ordered_only_for_admin_decision"
    assert svc.get(detail.id).status == "investigating" and svc.get(detail.id).decision_no == ""  # nothing half-done

    detail = svc.issue_decision(detail.id, detail.version, "penalty", on, **{**PENALTY, "fine_fen": 2_000_050})
    assert detail.status == "penalty" and detail.decision_no == "某区人社罚〔2023〕1号"
    assert (detail.fine_fen, detail.ordered_fen) == (2_000_050, None)
    assert (detail.decision_facts, detail.decision_basis) == (PENALTY["facts"], PENALTY["basis"])
    assert detail.events[-1].action == "penalty" and detail.events[-1].note == "罚款20,000.50元"
    assert svc.get(detail.id).fine_fen == 2_000_050  # read back from the store
    with store.read() as session:
        from app.audit import chain as audit

        assert audit.verify(session).ok
        changes = [json.loads(c) for c in session.scalars(
            select(AuditEntry.changes).where(AuditEntry.table_name == "complaint", AuditEntry.record_id == detail.id)
        )]
    assert [c["fine_fen"] for c in changes if "fine_fen" in c] == [[None, 2_000_050]]


def test_a_penalty_without_a_fine_states_the_penalty(store) -> None:
    svc, detail = reviewed_case(store, "penalty")
    detail = svc.issue_decision(detail.id, detail.version, "penalty", date(2023, 7, 3),
                                **{**PENALTY, "fine_fen": 0, "order": "警告"})
    assert (detail.fine_fen, detail.decision_order) == (0, "警告")


def test_a_handling_decision_records_what_is_ordered(store) -> None:
    svc, detail = reviewed_case(store, "admin_decision")
    on = date(2023, 7, 3)
    fields = {"facts": "拖欠3名劳动者工资15,000.00元，经责令限期改正逾期未改正", "basis": "《劳动保障监察条例》第二十六条",
              "order": "责令你单位于2023年7月20日前支付所欠工资及赔偿金"}

    def refused(**change: Any) -> str:
        with pytest.raises(UserError) as caught:
            svc.issue_decision(detail.id, detail.version, "admin_decision", on, **{**fields, **change})
        return caught.value.code

    assert refused(order="") == "complaint.decision_order_required"
    assert refused(ordered_fen=-100) == "complaint.ordered_negative"
    assert refused(ordered_fen=1.5) == "complaint.amount_invalid"
    assert refused(fine_fen=100) == "complaint.fine_only_for_penalty"
    detail = svc.issue_decision(detail.id, detail.version, "admin_decision", on, ordered_fen=2_250_000, **fields)
    assert detail.decision_no == "某区人社监处字〔2023〕1号"
    assert (detail.ordered_fen, detail.fine_fen, detail.decision_order) == (2_250_000, None, fields["order"])
    assert detail.events[-1].note == "责令支付22,500.00元"


def test_a_handling_decision_may_order_no_amount(store) -> None:
    svc, detail = reviewed_case(store, "admin_decision", workers=1)
    detail = svc.issue_decision(detail.id, detail.version, "admin_decision", date(2023, 7, 3),
                                facts="未按规定建立职工名册", basis="《劳动保障监察条例》第二十六条",
                                order="责令你单位限期建立职工名册", note="送达时当场宣告")
    assert detail.ordered_fen is None and detail.events[-1].note == "送达时当场宣告"


# ---------------------------------------------------------------- property: recovered = Σ payments


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    owed=st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=3),
    attempts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=2), st.integers(min_value=-10, max_value=1_500_000)),
        max_size=12,
    ),
)
def test_recovered_is_always_the_sum_of_payments_and_never_exceeds_owed(store, owed, attempts) -> None:
    svc = service(store)
    fields = intake(workers=len(owed))
    for worker, amount in zip(fields["workers"], owed, strict=True):
        worker["owed_fen"] = amount
    # hypothesis reuses the store: each example registers its own case against its own employer
    with store.read() as session:
        n = session.scalar(select(func.count()).select_from(Complaint)) or 0
    fields["employers"][0]["party"] = {"name": f"单位{n}", "uscc": make_uscc(f"520102MA6D{n:04d}")}
    detail, _ = svc.register(fields)
    detail = svc.accept(detail.id, detail.version, date(2023, 6, 2))
    accepted: dict[int, int] = {}
    for index, amount in attempts:
        worker = detail.workers[index % len(detail.workers)]
        remaining = worker.owed_fen - accepted.get(worker.id, 0)
        try:
            detail = svc.record_payment(detail.id, worker.id, date(2023, 6, 10), amount)
        except UserError as err:
            assert amount <= 0 or amount > remaining
            assert err.code in {"complaint.amount_not_positive", "complaint.payment_exceeds_owed"}
        else:
            assert 0 < amount <= remaining
            accepted[worker.id] = accepted.get(worker.id, 0) + amount
    with store.read() as session:
        paid = session.scalar(
            select(func.coalesce(func.sum(WagePayment.amount_fen), 0)).where(WagePayment.complaint_id == detail.id)
        )
    assert detail.recovered_fen == paid == sum(accepted.values())
    for worker in detail.workers:
        assert worker.recovered_fen == accepted.get(worker.id, 0) <= worker.owed_fen


# ---------------------------------------------------------------- lists and figures


def test_filters_in_sql_and_the_ledger(store) -> None:
    svc, detail = opened_case(store)
    svc.register(intake(workers=1, channel="phone", received_at=datetime(2023, 7, 3, 9)))
    assert svc.query().count() == 2
    assert svc.query(channel="phone").count() == 1
    assert svc.query(status="investigating").count() == 1
    assert svc.query(received_from=date(2023, 7, 1)).count() == 1
    assert svc.query(employer_id=detail.employers[0].party_id).count() == 2
    assert svc.query(text="李强").count() == 1
    assert svc.query(text="建筑劳务").count() == 2
    rows = svc.query().page(0, 10)
    assert rows[0].received_on == date(2023, 7, 3)  # newest first
    assert rows[1].workers == 3 and rows[1].owed_fen == 1_500_000
    ledger = svc.ledger().page(0, 10)
    assert len(ledger) == 4 and "*" in ledger[0].id_no
    summary = svc.summary(employer_id=detail.employers[0].party_id)
    assert (summary.complaints, summary.open_complaints, summary.workers, summary.owed_fen) == (2, 2, 3, 2_000_000)


def test_yearly_figures_count_by_the_date_of_each_event(store) -> None:
    svc, detail = opened_case(store)
    w1, w2, _ = (w.id for w in detail.workers)
    svc.record_payment(detail.id, w1, date(2023, 7, 1), 100_000)
    svc.record_payment(detail.id, w1, date(2023, 8, 1), 100_000)
    svc.record_payment(detail.id, w2, date(2023, 8, 1), 50_000)
    later = service(store, today=date(2024, 2, 1))
    later.record_payment(detail.id, w2, date(2024, 1, 15), 70_000)
    paid_2023 = svc.payments(paid_from=date(2023, 1, 1), paid_to=date(2023, 12, 31))
    assert paid_2023.count() == 3 and sum(p.amount_fen for p in paid_2023.page(0, 10)) == 250_000
    assert svc.payments().page(0, 1)[0].paid_on == date(2024, 1, 15)  # newest first
    figures = svc.figures(2023)
    assert (figures.received, figures.workers_helped, figures.wages_recovered_fen) == (1, 2, 250_000)
    assert figures.migrant_workers_helped == 2
    assert later.figures(2024).wages_recovered_fen == 70_000
    assert later.figures(2024).received == 0


def test_permissions(store) -> None:
    clerk = service(store, make_actor("intake", username="clerk"))
    detail, _ = clerk.register(intake())
    with pytest.raises(UserError) as caught:
        clerk.accept(detail.id, detail.version, date(2023, 6, 2))
    assert caught.value.code == "permission.denied"
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(ComplaintEvent)) == 1


def test_the_audit_record_verifies_after_a_whole_case(store) -> None:
    from app.audit import chain as audit

    svc, detail = opened_case(store, workers=1)
    detail = svc.set_plan(detail.id, detail.version, [
        {"worker_id": detail.workers[0].id, "due_on": date(2023, 7, 1), "amount_fen": 500_000}])
    detail = svc.record_payment(detail.id, detail.workers[0].id, date(2023, 7, 1), 500_000)
    detail = svc.close(detail.id, detail.version, date(2023, 7, 2), "paid", "已全部支付")
    with store.read() as session:
        assert audit.verify(session).ok
        tables = set(session.scalars(select(AuditEntry.table_name)))
    assert {"complaint", "complaint_worker", "complaint_event", "payment_instalment", "wage_payment",
            "complaint_officer"} <= tables


def test_history_names_people_and_steps_follow_the_state(store) -> None:
    """办理记录 and 登记人 show the account's name (张监察), not the login (inspector); the
    steps a case allows come from its state: none of the handling steps once archived."""
    from app.accounts.models import User

    with store.sessions() as session:
        session.add(User(username="inspector", display_name="张监察", password_hash="x", roles="inspector"))
        session.commit()
    svc, detail = opened_case(store)
    assert detail.received_by == "张监察"
    assert {e.actor for e in detail.events} == {"张监察"}
    assert {"record_action", "assign_officers", "payments", "procedure", "order_rectification"} <= detail.allowed_steps()
    assert "accept" not in detail.allowed_steps()
    detail = svc.withdraw_case(detail.id, detail.version, date(2023, 6, 6), "投诉人撤回投诉")
    detail = svc.close(detail.id, detail.version, date(2023, 6, 7), "withdrawn", "投诉人撤回")
    detail = svc.archive(detail.id, detail.version, date(2023, 6, 8))
    assert detail.allowed_steps() == frozenset()
    with pytest.raises(UserError) as caught:
        svc.record_action(detail.id, "inquiry", date(2023, 6, 9), "询问")
    assert caught.value.code == "complaint.not_in_investigation"
