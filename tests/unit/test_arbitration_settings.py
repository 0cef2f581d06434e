"""The minimum-wage table: kept by effective date, read by the award's 终局 test."""

from __future__ import annotations

from datetime import date

import pytest

from app.arbitration.service import AwardItem
from app.arbitration.settings import MinimumWage, read_table, save_table
from app.errors import UserError
from tests.conftest import make_actor
from tests.fixtures.arbitration import make_world, receive

ADMIN = make_actor("admin", username="admin")


def test_a_new_minimum_wage_changes_finality_from_its_effective_date(store) -> None:
    w = make_world(store)
    tier, rows = read_table(store, ADMIN)
    assert tier == "一类区" and rows[-1] == MinimumWage(date(2023, 2, 1), 189000)
    save_table(store, ADMIN, "一类区", [*rows, MinimumWage(date(2023, 11, 1), 250000)])
    s = w.clerk_service()
    cid = receive(w, date(2023, 9, 25))
    s.accept(cid, date(2023, 9, 27))
    s.convert_procedure(cid, date(2023, 9, 27), "simple")
    s.form_tribunal(cid, date(2023, 9, 28), chief_id=w.chief, clerk_id=w.clerk)
    from datetime import time

    v = s.schedule_hearing(cid, date(2023, 9, 28), held_on=date(2023, 10, 20), starts_at=time(9), ends_at=time(10), room="第三仲裁庭")
    v = s.hold_hearing(cid, date(2023, 10, 20), hearing_id=v.hearings[0].id)
    v = s.close_award(cid, date(2023, 11, 2), [AwardItem(v.claims[0].id, 1_200_000, "upheld"),
                                               AwardItem(v.claims[1].id, 2_500_000, "partly_upheld")])
    assert [c.final for c in v.claims] == [True, True]  # 12 × 2,500 = 30,000 ≥ 25,000
    assert v.events[-1].details["minimum_wage_fen"] == 250000


def test_bad_tables_are_refused_and_only_administrators_save(store) -> None:
    for rows, code in (([], "minimum_wage.empty"),
                       ([MinimumWage(date(2024, 1, 1), 0)], "minimum_wage.amount"),
                       ([MinimumWage(date(2024, 1, 1), 1), MinimumWage(date(2024, 1, 1), 2)], "minimum_wage.duplicate")):
        with pytest.raises(UserError) as caught:
            save_table(store, ADMIN, "", rows)
        assert caught.value.code == code
    with pytest.raises(UserError) as caught:
        save_table(store, make_actor("arbitrator"), "", [MinimumWage(date(2024, 1, 1), 1)])
    assert caught.value.code == "permission.denied"
