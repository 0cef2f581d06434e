"""The legal calendar (app/legal/calendar.py).

Expected dates are worked out by hand from the State Council's holiday
notices (国务院办公厅关于2023/2024/2025年部分节假日安排的通知); the reasoning
is in the comments.  The facts the cases rest on are checked against
chinesecalendar's own data in ``test_holiday_facts_agree_with_the_package``,
so a wrong fact fails there, not silently in the engine.

The official schedules used:
* 2023 National Day + Mid-Autumn: rest 2023-09-29 (Fri) … 10-06 (Fri);
  swapped working days 10-07 (Sat) and 10-08 (Sun).
* 2024 Spring Festival: rest 2024-02-10 (Sat) … 02-17 (Sat); swapped working
  days 02-04 (Sun) and 02-18 (Sun).  除夕 2024-02-09 (Fri) was still a working
  day (除夕 became a holiday only from 2025).
* 2025 Spring Festival: rest 2025-01-28 (Tue, 除夕) … 02-04 (Tue); swapped
  working days 01-26 (Sun) and 02-08 (Sat).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.legal.calendar import LegalCalendar, YearSchedule, default_calendar, schedule_from_rows

D = date.fromisoformat
CAL = LegalCalendar()


# -- the facts, checked against the package ------------------------------------------

# (day, is a working day, holiday name in chinesecalendar or None)
FACTS = [
    ("2023-09-28", True, None),  # Thursday before the holiday
    ("2023-09-29", False, "Mid-autumn Festival"),  # Friday, holiday
    ("2023-09-30", False, "National Day"),  # Saturday inside the holiday
    ("2023-10-06", False, "National Day"),  # Friday, last holiday day
    ("2023-10-07", True, "National Day"),  # Saturday, swapped working day
    ("2023-10-08", True, "National Day"),  # Sunday, swapped working day
    ("2024-02-04", True, "Spring Festival"),  # Sunday, swapped working day
    ("2024-02-09", True, None),  # Friday, 除夕 2024: still a working day
    ("2024-02-10", False, "Spring Festival"),
    ("2024-02-17", False, "Spring Festival"),  # Saturday, last holiday day
    ("2024-02-18", True, "Spring Festival"),  # Sunday, swapped working day
    ("2025-01-26", True, "Spring Festival"),  # Sunday, swapped working day
    ("2025-01-27", True, None),  # Monday
    ("2025-01-28", False, "Spring Festival"),  # Tuesday, 除夕 (a holiday from 2025)
    ("2025-02-04", False, "Spring Festival"),  # Tuesday, last holiday day
    ("2025-02-05", True, None),
    ("2025-02-08", True, "Spring Festival"),  # Saturday, swapped working day
    ("2025-04-04", False, "Tomb-sweeping Day"),  # Friday, 清明 2025 (04-04 … 04-06)
]


@pytest.mark.parametrize(("day", "working", "name"), FACTS)
def test_holiday_facts_agree_with_the_package(day: str, working: bool, name: str | None) -> None:
    d = D(day)
    assert chinese_calendar.is_workday(d) is working
    assert chinese_calendar.is_holiday(d) is (not working)
    on_holiday, holiday_name = chinese_calendar.get_holiday_detail(d)
    if name is not None:
        # swapped working days carry the name of the holiday they pay for
        assert holiday_name == name
    if not working and d.weekday() < 5:
        assert on_holiday


@pytest.mark.parametrize(("day", "working", "name"), FACTS)
def test_is_working_day_follows_the_official_schedule(day: str, working: bool, name: str | None) -> None:
    d = D(day)
    assert CAL.is_working_day(d) is working
    assert CAL.is_rest_day(d) is (not working)


def test_package_years_are_covered_and_2027_is_not() -> None:
    assert CAL.has_schedule(2004)
    assert CAL.has_schedule(2026)
    assert not CAL.has_schedule(2027)  # chinesecalendar 1.11 ends with 2026
    assert not CAL.has_schedule(2003)
    assert CAL.missing_years(D("2026-12-01"), D("2028-01-05")) == (2027, 2028)
    assert CAL.version.startswith("chinesecalendar-")


def test_uncovered_years_fall_back_to_weekends_without_raising() -> None:
    # chinesecalendar raises NotImplementedError for 2027; the calendar must not.
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D("2027-01-01"))
    assert CAL.is_working_day(D("2027-01-01"))  # a Friday; New Year's Day unknown without a schedule
    assert CAL.is_rest_day(D("2027-01-02"))  # Saturday
    assert CAL.is_rest_day(D("2027-01-03"))  # Sunday
    assert CAL.is_working_day(D("2027-01-04"))  # Monday
    assert CAL.is_rest_day(D("2003-01-04"))  # a Saturday before the package's first year
    assert CAL.is_working_day(D("2003-01-01"))  # Wednesday: the 2003 holiday is unknown


# -- stepping ---------------------------------------------------------------------------

NEXT_WORKING_DAY = [
    # Thu 09-28 → the holiday runs 09-29 … 10-06; Sat 10-07 is a swapped working day
    ("2023-09-28", "2023-10-07"),
    # Sat 10-07 (working) → Sun 10-08 (working)
    ("2023-10-07", "2023-10-08"),
    # Sun 10-08 → Mon 10-09
    ("2023-10-08", "2023-10-09"),
    # Fri 2024-02-02 → Sat 02-03 rest, Sun 02-04 swapped working day
    ("2024-02-02", "2024-02-04"),
    # 除夕 Fri 2024-02-09 → 02-10 … 02-17 holiday, Sun 02-18 swapped working day
    ("2024-02-09", "2024-02-18"),
    # Mon 2025-01-27 → 01-28 … 02-04 holiday, Wed 02-05
    ("2025-01-27", "2025-02-05"),
    # Fri 2025-01-24 → Sat 01-25 rest, Sun 01-26 swapped working day
    ("2025-01-24", "2025-01-26"),
    # Fri 2025-02-07 → Sat 02-08 swapped working day
    ("2025-02-07", "2025-02-08"),
    # Thu 2026-12-31 → Fri 2027-01-01 (no 2027 schedule: weekends only)
    ("2026-12-31", "2027-01-01"),
]


@pytest.mark.parametrize(("day", "expected"), NEXT_WORKING_DAY)
def test_next_working_day(day: str, expected: str) -> None:
    assert CAL.next_working_day(D(day)) == D(expected)


PREVIOUS_WORKING_DAY = [
    # Mon 2023-10-09 → Sun 10-08 is a swapped working day
    ("2023-10-09", "2023-10-08"),
    # Sat 2023-10-07 (swap) → 10-06 … 09-29 holiday → Thu 09-28
    ("2023-10-07", "2023-09-28"),
    # Sun 2024-02-18 (swap) → 02-17 … 02-10 holiday → Fri 02-09
    ("2024-02-18", "2024-02-09"),
    # Wed 2025-02-05 → 02-04 … 01-28 holiday → Mon 01-27
    ("2025-02-05", "2025-01-27"),
]


@pytest.mark.parametrize(("day", "expected"), PREVIOUS_WORKING_DAY)
def test_previous_working_day(day: str, expected: str) -> None:
    assert CAL.previous_working_day(D(day)) == D(expected)


ADD_WORKING_DAYS = [
    # Wed 2023-09-27 + 2: 09-28 (1), holiday 09-29 … 10-06, Sat 10-07 (2)
    ("2023-09-27", 2, "2023-10-07"),
    # Wed 2023-09-27 + 5: 09-28 (1), 10-07 (2), 10-08 (3), Mon 10-09 (4), Tue 10-10 (5)
    ("2023-09-27", 5, "2023-10-10"),
    # Thu 2024-02-08 + 5: Fri 02-09 (1, 除夕 2024 is a working day), holiday 02-10 … 02-17,
    # Sun 02-18 (2), Mon 02-19 (3), 02-20 (4), Wed 02-21 (5)
    ("2024-02-08", 5, "2024-02-21"),
    # Fri 2025-01-24 + 2: Sat 01-25 rest, Sun 01-26 (1), Mon 01-27 (2)
    ("2025-01-24", 2, "2025-01-27"),
    # Wed 2025-02-05 + 3: Thu 02-06 (1), Fri 02-07 (2), Sat 02-08 swap (3)
    ("2025-02-05", 3, "2025-02-08"),
    # backward, Mon 2023-10-09 − 5: Sun 10-08 (1), Sat 10-07 (2), holiday 10-06 … 09-29,
    # Thu 09-28 (3), Wed 09-27 (4), Tue 09-26 (5)
    ("2023-10-09", -5, "2023-09-26"),
    # backward, Mon 2024-02-19 − 2: Sun 02-18 (1), holiday 02-17 … 02-10, Fri 02-09 (2)
    ("2024-02-19", -2, "2024-02-09"),
    # n = 0 leaves the day alone, even a rest day
    ("2023-10-01", 0, "2023-10-01"),
    # across the year end into 2027 (weekends only): Wed 2026-12-30 + 3:
    # Thu 12-31 (1), Fri 2027-01-01 (2), Sat/Sun rest, Mon 01-04 (3)
    ("2026-12-30", 3, "2027-01-04"),
]


@pytest.mark.parametrize(("day", "n", "expected"), ADD_WORKING_DAYS)
def test_add_working_days(day: str, n: int, expected: str) -> None:
    assert CAL.add_working_days(D(day), n) == D(expected)


def test_add_working_days_over_many_years_matches_stepping() -> None:
    start = D("2019-06-15")
    d = start
    for _ in range(1500):  # about six years, day by day
        d += timedelta(days=1)
        while CAL.is_rest_day(d):
            d += timedelta(days=1)
    assert CAL.add_working_days(start, 1500) == d
    # back 1500 from the 1500th: past the first one to the last working day on or before start
    assert CAL.add_working_days(d, -1500) == CAL.roll_backward(start)


def test_roll_forward_and_backward() -> None:
    # Sun 2023-10-01 is in the holiday: forward to Sat 10-07 (swap), back to Thu 09-28
    assert CAL.roll_forward(D("2023-10-01")) == D("2023-10-07")
    assert CAL.roll_backward(D("2023-10-01")) == D("2023-09-28")
    # a working day stays put, also a swapped Saturday
    assert CAL.roll_forward(D("2025-02-08")) == D("2025-02-08")
    assert CAL.roll_backward(D("2025-02-08")) == D("2025-02-08")


def test_count_working_days() -> None:
    # (2023-09-27, 2023-10-10]: 09-28, 10-07, 10-08, 10-09, 10-10 → 5
    assert CAL.count_working_days(D("2023-09-27"), D("2023-10-10")) == 5
    assert CAL.count_working_days(D("2023-10-10"), D("2023-09-27")) == -5
    # (2023-09-28, 2023-10-06]: all holiday → 0
    assert CAL.count_working_days(D("2023-09-28"), D("2023-10-06")) == 0
    # spanning several years: add then count gives back n
    assert CAL.count_working_days(D("1999-03-01"), CAL.add_working_days(D("1999-03-01"), 2000)) == 2000


def test_describe_day() -> None:
    assert CAL.describe_day(D("2023-10-07")) == "调休上班日"
    assert CAL.describe_day(D("2023-10-02")) == "法定节假日"  # Monday in the holiday
    assert CAL.describe_day(D("2023-10-14")) == "休息日"  # ordinary Saturday
    assert CAL.describe_day(D("2023-10-09")) == "工作日"


def test_year_listings() -> None:
    # 2025 starts on a Wednesday and has 365 days = 52 weeks + 1 day → 261 weekdays.
    # Monday–Friday rest days from the 2025 notice: 元旦 01-01 (Wed) → 1;
    # 春节 01-28 … 01-31 (Tue–Fri) and 02-03, 02-04 (Mon, Tue) → 6; 清明 04-04 (Fri) → 1;
    # 劳动节 05-01, 05-02 (Thu, Fri) and 05-05 (Mon) → 3; 端午 06-02 (Mon) → 1;
    # 国庆中秋 10-01 … 10-03 (Wed–Fri) and 10-06 … 10-08 (Mon–Wed) → 6.  Total 18.
    assert len(CAL.rest_days_on_weekdays(2025)) == 18
    # working days: 261 − 18 + 5 swapped weekend days (01-26, 02-08, 04-27, 09-28, 10-11)
    assert len(CAL.working_days_in(2025)) == 248


# -- administrator schedules -------------------------------------------------------------

# A made-up 2027 schedule, only for testing the mechanism: New Year's Day Fri
# 2027-01-01 off, and Sat 2027-01-09 a swapped working day.
SCHEDULE_2027 = {2027: {"holidays": {D("2027-01-01")}, "workdays": {D("2027-01-09")}}}


def test_administrator_year_extends_the_package() -> None:
    cal = LegalCalendar(SCHEDULE_2027)
    assert cal.has_schedule(2027)
    assert cal.is_rest_day(D("2027-01-01"))
    assert cal.is_working_day(D("2027-01-09"))
    # Thu 2026-12-31 → Fri 01-01 now a holiday, Sat/Sun rest → Mon 2027-01-04
    assert cal.next_working_day(D("2026-12-31")) == D("2027-01-04")
    # the package years are untouched
    assert cal.is_working_day(D("2023-10-07"))
    assert cal.version.startswith(CAL.version + "+admin-")
    assert cal.version != CAL.version
    assert cal.administrator_years == (2027,)


def test_version_depends_on_the_content_only() -> None:
    a = LegalCalendar(SCHEDULE_2027)
    b = LegalCalendar({2027: YearSchedule(frozenset({D("2027-01-01")}), frozenset({D("2027-01-09")}))})
    c = LegalCalendar({2027: {"holidays": {D("2027-01-01")}, "workdays": set()}})
    assert a.version == b.version
    assert a.version != c.version


def test_administrator_overrides_a_package_date() -> None:
    # Suppose a correction makes 除夕 2024-02-09 a rest day.
    cal = LegalCalendar({2024: {"holidays": {D("2024-02-09")}}})
    assert cal.is_rest_day(D("2024-02-09"))
    assert cal.is_working_day(D("2024-02-04"))  # the rest of the package's 2024 stays
    assert cal.next_working_day(D("2024-02-08")) == D("2024-02-18")


def test_administrator_dates_apply_on_their_own_year() -> None:
    # The 2024 notice put New Year's holiday on 2023-12-30 … 2024-01-01; a 2028 notice
    # could likewise reach back into 2027.  Wed 2027-12-29 as a made-up holiday:
    cal = LegalCalendar({2028: {"holidays": {D("2027-12-29")}}})
    assert cal.is_rest_day(D("2027-12-29"))
    assert cal.has_schedule(2028)
    assert not cal.has_schedule(2027)


def test_weekends_only_calendar() -> None:
    cal = LegalCalendar(use_package=False)
    assert cal.version == "weekends-only"
    assert not cal.has_schedule(2024)
    assert cal.is_working_day(D("2024-02-12"))  # a Monday of the 2024 Spring Festival
    assert cal.is_rest_day(D("2024-02-04"))  # the swapped Sunday is just a Sunday


@pytest.mark.parametrize(
    ("schedule", "code"),
    [
        ({2027: {"holidays": {D("2027-05-03")}, "workdays": {D("2027-05-03")}}}, "calendar.day_conflict"),
        ({2027: {"holidays": {D("2030-01-01")}}}, "calendar.date_outside_year"),
        ({2027: {"holiday": {D("2027-01-01")}}}, "calendar.bad_schedule"),
        ({2027: {"holidays": {datetime(2027, 1, 1, 8, 0)}}}, "calendar.bad_schedule"),
        ({2027: {"holidays": {"2027-01-01"}}}, "calendar.bad_schedule"),
    ],
)
def test_bad_schedules_are_refused(schedule: dict, code: str) -> None:
    with pytest.raises(UserError) as err:
        LegalCalendar(schedule)
    assert err.value.code == code


def test_schedule_from_rows() -> None:
    rows = [
        {"year": 2027, "date": D("2027-01-01"), "kind": "HOLIDAY"},
        {"year": 2027, "date": D("2027-01-09"), "kind": "workday_swap"},
    ]
    assert LegalCalendar(schedule_from_rows(rows)).version == LegalCalendar(SCHEDULE_2027).version
    with pytest.raises(UserError):
        schedule_from_rows([{"year": 2027, "date": D("2027-01-01"), "kind": "OTHER"}])


def test_default_calendar_is_shared() -> None:
    assert default_calendar() is default_calendar()


def test_a_million_look_ups_are_cheap() -> None:
    cal = LegalCalendar()
    days = [D("2023-01-01") + timedelta(days=i % 1460) for i in range(1000)]
    started = time.perf_counter()
    for _ in range(1000):
        for d in days:
            cal.is_working_day(d)
    elapsed = time.perf_counter() - started
    # about 0.2 s on the reference machine; the bound only catches a regression to
    # per-call package look-ups (several seconds)
    assert elapsed < 3.0


# -- properties ---------------------------------------------------------------------------

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2032, 12, 31))


@settings(max_examples=300, deadline=None)
@given(d=dates, n=st.integers(min_value=1, max_value=400))
def test_add_working_days_lands_on_a_working_day_after_the_start(d: date, n: int) -> None:
    result = CAL.add_working_days(d, n)
    assert result > d
    assert CAL.is_working_day(result)
    assert CAL.count_working_days(d, result) == n
    back = CAL.add_working_days(d, -n)
    assert back < d
    assert CAL.is_working_day(back)
    # (back, d] holds the n − 1 working days between them, plus d itself if it works
    assert CAL.count_working_days(back, d) == n - 1 + (1 if CAL.is_working_day(d) else 0)


@settings(max_examples=300, deadline=None)
@given(d=dates, n=st.integers(min_value=-300, max_value=300), k=st.integers(min_value=1, max_value=50))
def test_add_working_days_is_strictly_monotonic_in_n(d: date, n: int, k: int) -> None:
    # n < 0 lands before d, n = 0 on d, n > 0 after it; each step passes a working day
    assert CAL.add_working_days(d, n) < CAL.add_working_days(d, n + k)


@settings(max_examples=300, deadline=None)
@given(d=dates)
def test_next_working_day_skips_only_rest_days(d: date) -> None:
    nxt = CAL.next_working_day(d)
    assert nxt > d
    assert CAL.is_working_day(nxt)
    day = d + timedelta(days=1)
    while day < nxt:
        assert CAL.is_rest_day(day)
        day += timedelta(days=1)
    assert CAL.roll_forward(d) == (d if CAL.is_working_day(d) else nxt)
