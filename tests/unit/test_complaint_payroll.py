"""A payroll (代发工资): many workers' wages recorded in one step, checked like single payments,
saved together or not at all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.audit.chain import verify
from app.complaints.models import ComplaintEvent, WagePayment
from app.errors import UserError
from tests.fixtures.complaints import opened_case


def _saved(store) -> tuple[int, int]:
    with store.read() as session:
        payments = session.scalar(select(func.count()).select_from(WagePayment)) or 0
        events = session.scalar(select(func.count()).select_from(ComplaintEvent)
                                .where(ComplaintEvent.action == "payment")) or 0
    return payments, events


def test_a_payroll_records_each_workers_wages_and_the_case_shows_them(store) -> None:
    svc, detail = opened_case(store, workers=3, owed=500_000)
    w1, w2, w3 = (w.id for w in detail.workers)
    saved = svc.record_payments(detail.id, [
        {"worker_id": w1, "paid_on": date(2023, 7, 3), "amount_fen": 500_000, "method": "银行代发", "note": "专用账户"},
        {"worker_id": w2, "paid_on": date(2023, 7, 3), "amount_fen": 200_000},
        {"worker_id": w2, "paid_on": date(2023, 7, 10), "amount_fen": 300_000},
        {"worker_id": w3, "paid_on": date(2023, 7, 4), "amount_fen": 120_000},
    ])
    assert saved == 4
    after = svc.get(detail.id)
    assert after.recovered_fen == 1_120_000 and after.outstanding_fen == 380_000
    assert [w.recovered_fen for w in after.workers] == [500_000, 500_000, 120_000]
    assert _saved(store) == (4, 4)  # a timeline entry per payment, as when recorded one by one
    with store.read() as session:
        first = session.scalars(select(WagePayment).order_by(WagePayment.id)).first()
        assert first is not None and (first.method, first.note) == ("银行代发", "专用账户")
        notes = session.scalars(select(ComplaintEvent.note).where(ComplaintEvent.action == "payment")
                                .order_by(ComplaintEvent.id)).all()
    assert notes[0].endswith(" 5,000.00元") and notes[1].endswith(" 2,000.00元")
    with store.read() as session:
        assert verify(session).ok


@pytest.mark.parametrize(("item", "code"), [
    ({"amount_fen": 0}, "complaint.amount_not_positive"),
    ({"amount_fen": 10.5}, "complaint.amount_invalid"),
    ({"worker_id": -1}, "complaint.worker_not_in_case"),
    ({"paid_on": date(2023, 5, 1)}, "complaint.date_before_received"),
    ({"paid_on": date(2031, 1, 1)}, "complaint.date_future"),
    ({"amount_fen": 400_001}, "complaint.payment_exceeds_owed"),  # 100,000 already in the same payroll
])
def test_one_bad_payment_refuses_the_payroll_naming_it_and_saves_nothing(store, item, code) -> None:
    svc, detail = opened_case(store, workers=2, owed=500_000)
    w1, w2 = (w.id for w in detail.workers)
    good = {"worker_id": w1, "paid_on": date(2023, 7, 3), "amount_fen": 100_000}
    with pytest.raises(UserError) as caught:
        svc.record_payments(detail.id, [
            {"worker_id": w2, "paid_on": date(2023, 7, 3), "amount_fen": 100_000},
            good,
            good | item,
        ])
    assert caught.value.code == code
    assert caught.value.field == "payments.2"
    assert _saved(store) == (0, 0)


def test_a_payroll_counts_what_was_paid_before_and_stops_at_a_closed_case(store) -> None:
    svc, detail = opened_case(store, workers=1, owed=500_000)
    (w1,) = (w.id for w in detail.workers)
    svc.record_payment(detail.id, w1, date(2023, 7, 1), 450_000)
    with pytest.raises(UserError) as caught:
        svc.record_payments(detail.id, [{"worker_id": w1, "paid_on": date(2023, 7, 3), "amount_fen": 50_001}])
    assert caught.value.code == "complaint.payment_exceeds_owed"
    assert "500.00" in caught.value.message()  # what is still owed
    svc.record_payments(detail.id, [{"worker_id": w1, "paid_on": date(2023, 7, 3), "amount_fen": 50_000}])
    detail = svc.get(detail.id)
    detail = svc.close(detail.id, detail.version, date(2023, 7, 5), "paid", "欠薪已全部支付")
    with pytest.raises(UserError) as caught:
        svc.record_payments(detail.id, [{"worker_id": w1, "paid_on": date(2023, 7, 6), "amount_fen": 1}])
    assert caught.value.code == "complaint.no_payments_in_state"
