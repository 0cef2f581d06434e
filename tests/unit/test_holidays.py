"""A year's holiday schedule entered by an administrator: deadlines in that year
are computed on it and no longer flagged 节假日安排未导入."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.legal.deadlines import DEFAULT_RULES, due
from app.legal.holidays import HolidayService, calendar_for, parse_dates
from tests.conftest import make_actor

# A 2027 schedule as the State Council might publish it (for the test only).
NEW_YEAR_2027 = [date(2027, 1, 1)]
SPRING_2027 = [date(2027, 2, d) for d in range(5, 12)]  # Fri 5 – Thu 11 February
SWAPS_2027 = [date(2027, 2, 13)]  # Saturday worked


def test_a_2027_deadline_uses_the_entered_schedule(store) -> None:
    before = due(date(2027, 2, 3), DEFAULT_RULES.get("A2"), calendar=calendar_for(store))
    assert not before.calendar_complete  # weekends only, flagged
    HolidayService(store, make_actor("admin")).save_year(2027, NEW_YEAR_2027 + SPRING_2027, SWAPS_2027)
    after = due(date(2027, 2, 3), DEFAULT_RULES.get("A2"), calendar=calendar_for(store))
    assert after.calendar_complete
    # 5 working days after Wed 3 Feb: Thu 4, (5–11 holiday, 12 is Fri) Fri 12, Sat 13 (swap), Mon 15, Tue 16
    assert after.due == date(2027, 2, 16)
    assert before.due == date(2027, 2, 10)


def test_saving_again_replaces_the_year(store) -> None:
    service = HolidayService(store, make_actor("admin"))
    service.save_year(2027, NEW_YEAR_2027 + SPRING_2027, SWAPS_2027)
    entry = service.save_year(2027, NEW_YEAR_2027, [])
    assert entry.holidays == (date(2027, 1, 1),) and entry.workdays == ()
    assert calendar_for(store).is_working_day(date(2027, 2, 8))


@pytest.mark.parametrize(
    ("holidays", "workdays", "code"),
    [
        ([date(2025, 10, 1)], [], "holiday.outside_year"),
        ([date(2027, 2, 13)], [date(2027, 2, 13)], "holiday.both_kinds"),
        ([], [date(2027, 2, 15)], "holiday.swap_not_weekend"),  # a Monday
    ],
)
def test_bad_schedules_are_refused_and_nothing_saved(store, holidays, workdays, code) -> None:
    service = HolidayService(store, make_actor("admin"))
    with pytest.raises(UserError) as caught:
        service.save_year(2027, holidays, workdays)
    assert caught.value.code == code
    assert service.year(2027).holidays == ()


def test_only_administrators_enter_schedules(store) -> None:
    with pytest.raises(UserError) as caught:
        HolidayService(store, make_actor("arb_clerk")).save_year(2027, NEW_YEAR_2027, [])
    assert caught.value.code == "permission.denied"


def test_parse_dates() -> None:
    assert parse_dates("2027-01-01\n2027-02-05, 2027-02-06") == [date(2027, 1, 1), date(2027, 2, 5), date(2027, 2, 6)]
    with pytest.raises(UserError) as caught:
        parse_dates("2027-02-30")
    assert caught.value.code == "holiday.bad_date"


def test_the_audit_verifies_after_a_schedule_is_replaced(store) -> None:
    from app.audit import chain as audit

    service = HolidayService(store, make_actor("admin"))
    service.save_year(2027, NEW_YEAR_2027 + SPRING_2027, SWAPS_2027)
    service.save_year(2027, NEW_YEAR_2027, [])
    with store.read() as session:
        assert audit.verify(session).ok


def test_deadline_command_reads_the_databases_schedule(db_url, store) -> None:
    import json
    import subprocess
    import sys
    from pathlib import Path

    HolidayService(store, make_actor("admin")).save_year(2027, NEW_YEAR_2027 + SPRING_2027, SWAPS_2027)
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "main.py", "deadline", "A2", "2027-02-03", "--db", db_url, "--json"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    answer = json.loads(out)
    assert (answer["due"], answer["calendar_complete"]) == ("2027-02-16", True)
