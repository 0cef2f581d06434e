"""The deadline engine (app/legal/deadlines.py) and its calculator command.

Every expected date below was counted by hand on the official holiday
schedules (see tests/unit/test_calendar.py's header and FACTS, which check
those schedules against chinesecalendar); the count is in the comment.
Notation: "+ 45 → 10-05" means start + 45 calendar days lands on 10-05;
"(3)" numbers the working days as they are counted.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import (
    DEFAULT_RULES,
    RULES_VERSION,
    Direction,
    Rule,
    RuleTable,
    SuspensionCounting,
    Unit,
    add_months,
    award_due,
    due,
    earliest,
    parse_date,
    time_left,
)

D = date.fromisoformat
CAL = LegalCalendar()
SCHEDULE_2027 = {2027: {"holidays": {D("2027-01-01")}, "workdays": {D("2027-01-09")}}}  # made up


def one_month(**kw: object) -> Rule:
    return Rule("T1M", 1, Unit.MONTHS, "测试", "一个月", **kw)


def five_days_before(**kw: object) -> Rule:
    return Rule("T5B", 5, Unit.CALENDAR_DAYS, "测试", "五日前", direction=Direction.BEFORE, **kw)


def test_extra_facts_used_here_agree_with_the_package() -> None:
    # 2026 Spring Festival: Saturday 2026-02-28 is a swapped working day.
    assert D("2026-02-28").weekday() == 5 and chinese_calendar.is_workday(D("2026-02-28"))
    # 2021 Spring Festival swaps were 02-07 and 02-20; Sunday 2021-02-28 is an ordinary rest day.
    assert D("2021-02-28").weekday() == 6 and not chinese_calendar.is_workday(D("2021-02-28"))
    # 2023-10-01 and 2024-02-15 are holidays; 2024-02-24 an ordinary Saturday.
    assert chinese_calendar.is_holiday(D("2023-10-01"))
    assert chinese_calendar.is_holiday(D("2024-02-15"))
    assert not chinese_calendar.is_workday(D("2024-02-24"))


# -- the shipped rules --------------------------------------------------------------------

REQUIRED_UNITS = {
    # DOMAIN A1: the 3/5/10-day arbitration procedure periods in working days,
    # 15/45-day ones in calendar days, mediation 15 CD, inspection 5/60 WD; the
    # penalty procedure's 5 WD (hearing request, and the program's defence period).
    "A1": (1, Unit.YEARS),
    "A2": (5, Unit.WORKING_DAYS),
    "A4": (5, Unit.WORKING_DAYS),
    "A5": (10, Unit.WORKING_DAYS),
    "A7": (5, Unit.WORKING_DAYS),
    "A8": (5, Unit.WORKING_DAYS),
    "A9": (45, Unit.CALENDAR_DAYS),
    "A13": (15, Unit.CALENDAR_DAYS),
    "M1": (15, Unit.CALENDAR_DAYS),
    "I1": (5, Unit.WORKING_DAYS),
    "I2": (60, Unit.WORKING_DAYS),
    "I5": (5, Unit.WORKING_DAYS),
    "I5b": (5, Unit.WORKING_DAYS),
}


@pytest.mark.parametrize(("rule_id", "expected"), sorted(REQUIRED_UNITS.items()))
def test_default_rules_have_the_domain_units(rule_id: str, expected: tuple[int, Unit]) -> None:
    rule = DEFAULT_RULES.get(rule_id)
    assert (rule.amount, rule.unit) == expected
    assert rule.basis and rule.description
    assert rule.version == RULES_VERSION == DEFAULT_RULES.version


def test_extension_limits_and_directions() -> None:
    assert DEFAULT_RULES["A9"].max_extension == 15
    assert DEFAULT_RULES["I2"].max_extension == 30
    assert DEFAULT_RULES["A2"].max_extension == 0
    assert DEFAULT_RULES["A8"].direction is Direction.BEFORE
    assert DEFAULT_RULES["I5a"].direction is Direction.BEFORE


def test_every_default_rule_computes() -> None:
    for rule in DEFAULT_RULES:
        result = due(D("2024-01-02"), rule, calendar=CAL)
        if rule.direction is Direction.FORWARD:
            assert result.due > result.start
        else:
            assert result.due < result.start
        assert CAL.is_working_day(result.due), rule.id


def test_rule_lookup() -> None:
    assert DEFAULT_RULES.get("a9") is DEFAULT_RULES.get(" A9 ")
    assert "i2" in DEFAULT_RULES
    assert "Z9" not in DEFAULT_RULES
    with pytest.raises(UserError) as err:
        DEFAULT_RULES.get("Z9")
    assert err.value.code == "deadline.unknown_rule"
    assert "Z9" in err.value.message()


def test_rules_are_data() -> None:
    rule = DEFAULT_RULES["A9"]
    stored = rule.to_mapping()
    assert stored["unit"] == "calendar_days" and stored["direction"] == "forward"
    json.dumps(stored, ensure_ascii=False)  # storable as is
    assert Rule.from_mapping(stored) == rule
    # an administrator switches A2 back to the statute's calendar days (DOMAIN B §2.1)
    edited = Rule.from_mapping({**DEFAULT_RULES["A2"].to_mapping(), "unit": "calendar_days"})
    table = RuleTable([edited], "admin-7")
    assert table["A2"].unit is Unit.CALENDAR_DAYS
    assert table["A2"].version == "admin-7"
    # Wed 2023-09-27 + 5 calendar days → 10-02 (holiday) → … → Sat 10-07 (swap)
    result = due(D("2023-09-27"), table["A2"], calendar=CAL)
    assert result.due == D("2023-10-07")
    assert result.rule_version == "admin-7"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"amount": 0},
        {"amount": -3},
        {"unit": "fortnights"},
        {"direction": "sideways"},
        {"max_extension": -1},
        {"id": " "},
        {"direction": "before", "max_extension": 5},
    ],
)
def test_bad_rules_are_refused(kwargs: dict) -> None:
    data = {**DEFAULT_RULES["A2"].to_mapping(), **kwargs}
    with pytest.raises(UserError) as err:
        Rule.from_mapping(data)
    assert err.value.code == "deadline.bad_rule"


def test_duplicate_rule_ids_are_refused() -> None:
    with pytest.raises(UserError):
        RuleTable([DEFAULT_RULES["A2"], DEFAULT_RULES["a2"]], "x")


# -- forward periods, table-driven ------------------------------------------------------

FORWARD = [
    # --- working days (arbitration procedure, inspection) ---
    # A2 Wed 2023-09-27: Thu 09-28 (1), holiday 09-29 … 10-06, Sat 10-07 swap (2),
    # Sun 10-08 swap (3), Mon 10-09 (4), Tue 10-10 (5)
    ("A2", "2023-09-27", 0, "2023-10-10"),
    # A2 Thu 2024-02-08: Fri 02-09 除夕, a working day in 2024 (1), holiday 02-10 … 02-17,
    # Sun 02-18 swap (2), 02-19 (3), 02-20 (4), Wed 02-21 (5)
    ("A2", "2024-02-08", 0, "2024-02-21"),
    # A4 Thu 2023-09-28: holiday 09-29 … 10-06, 10-07 (1), 10-08 (2), 10-09 (3), 10-10 (4), Wed 10-11 (5)
    ("A4", "2023-09-28", 0, "2023-10-11"),
    # A5 (10 WD) Mon 2025-01-20: 01-21 … 01-24 (1–4), Sat 01-25 rest, Sun 01-26 swap (5),
    # Mon 01-27 (6), holiday 01-28 … 02-04, 02-05 (7), 02-06 (8), 02-07 (9), Sat 02-08 swap (10)
    ("A5", "2025-01-20", 0, "2025-02-08"),
    # A7 Fri 2025-01-24: Sat rest, Sun 01-26 swap (1), Mon 01-27 (2), holiday 01-28 … 02-04,
    # 02-05 (3), 02-06 (4), Fri 02-07 (5)
    ("A7", "2025-01-24", 0, "2025-02-07"),
    # I1 received on Sat 2024-02-03: Sun 02-04 swap (1), 02-05 (2), 02-06 (3), 02-07 (4), Thu 02-08 (5)
    ("I1", "2024-02-03", 0, "2024-02-08"),
    # I2 (60 WD) opened Fri 2023-09-01. September: 09-04 … 09-08 (5), 09-11 … 15 (10),
    # 18 … 22 (15), 25 … 28 (19); 09-29 … 10-06 holiday; Sat 10-07 (20), Sun 10-08 (21);
    # 10-09 … 13 (26), 16 … 20 (31), 23 … 27 (36), 30, 31 (38); November: 11-01 … 03 (41),
    # 06 … 10 (46), 13 … 17 (51), 20 … 24 (56), 27, 28, 29, 30 (60) → Thu 2023-11-30
    ("I2", "2023-09-01", 0, "2023-11-30"),
    # I2 + 30 WD continues from 11-30: 12-01 (1), 12-04 … 08 (6), 11 … 15 (11), 18 … 22 (16),
    # 25 … 29 (21); 2023-12-30, 12-31 and 2024-01-01 are the New Year holiday;
    # 01-02 … 01-05 (25), 01-08 … 01-12 (30) → Fri 2024-01-12
    ("I2", "2023-09-01", 30, "2024-01-12"),
    # --- calendar days, rolled forward ---
    # A9 Mon 2023-08-21 + 45: 08-31 is +10, 09-30 is +40, → Thu 10-05 (holiday);
    # 10-06 holiday, Sat 10-07 is a swapped working day → 2023-10-07
    ("A9", "2023-08-21", 0, "2023-10-07"),
    # A9 Tue 2023-08-15 + 45: 08-31 is +16, → 09-29 (Mid-Autumn, holiday) → … → Sat 10-07 swap
    ("A9", "2023-08-15", 0, "2023-10-07"),
    # A9 with the full 15-day extension: 2023-08-21 + 60: 09-30 is +40, → Fri 10-20, a working day
    ("A9", "2023-08-21", 15, "2023-10-20"),
    # A9 Thu 2026-10-15 + 45: 10-31 is +16, → Sun 11-29 → Mon 2026-11-30 (2026 is covered)
    ("A9", "2026-10-15", 0, "2026-11-30"),
    # A13 Wed 2024-01-31 + 15 → Thu 02-15 (holiday); 02-16, Sat 02-17 holiday; Sun 02-18 swap
    ("A13", "2024-01-31", 0, "2024-02-18"),
    # M1 Mon 2025-01-13 + 15 → Tue 01-28 (除夕, a holiday from 2025) … 02-04 → Wed 02-05
    ("M1", "2025-01-13", 0, "2025-02-05"),
    # M1 Sat 2025-01-11 + 15 → Sun 01-26, a swapped working day: no roll
    ("M1", "2025-01-11", 0, "2025-01-26"),
    # A9 Sun 2024-12-15 + 45: 12-31 is +16, → Wed 2025-01-29 (holiday … 02-04) → 02-05
    ("A9", "2024-12-15", 0, "2025-02-05"),
    # --- years and months: corresponding day, clamped, rolled forward ---
    # A1 from 29 Feb 2024: 2025 has no 29 Feb → Fri 2025-02-28, a working day
    ("A1", "2024-02-29", 0, "2025-02-28"),
    # A1 from 2022-10-01 → Sun 2023-10-01 (National Day) → … → Sat 10-07 swap
    ("A1", "2022-10-01", 0, "2023-10-07"),
    # A19 (2 years) from 2024-02-29 → 2026-02-28, a Saturday but a swapped working day
    ("A19", "2024-02-29", 0, "2026-02-28"),
    # I11a (6 months) from 2023-03-31 → September has no 31st → Sat 09-30 (holiday) → Sat 10-07 swap
    ("I11a", "2023-03-31", 0, "2023-10-07"),
]


@pytest.mark.parametrize(("rule_id", "start", "extension", "expected"), FORWARD)
def test_forward_deadlines(rule_id: str, start: str, extension: int, expected: str) -> None:
    result = due(D(start), DEFAULT_RULES[rule_id], extension=extension, calendar=CAL)
    assert result.due == D(expected)
    assert result.calendar_complete
    assert result.missing_years == ()
    assert result.rule_id == DEFAULT_RULES[rule_id].id
    assert result.extension == extension
    assert result.calendar_version == CAL.version


MONTH_ENDS = [
    # 2024-01-31 + 1 month → 29 Feb 2024 (leap year), a Thursday, working
    ("2024-01-31", "2024-02-29"),
    # 2023-01-31 + 1 month → Tue 2023-02-28, working, no roll
    ("2023-01-31", "2023-02-28"),
    # 2021-01-31 + 1 month → Sun 2021-02-28, a rest day → Mon 2021-03-01
    ("2021-01-31", "2021-03-01"),
    # 2024-03-31 + 1 month → Tue 2024-04-30
    ("2024-03-31", "2024-04-30"),
    # 2023-08-31 + 1 month → 2023-09-30 (Sat, in the holiday) → Sat 10-07 swap
    ("2023-08-31", "2023-10-07"),
]


@pytest.mark.parametrize(("start", "expected"), MONTH_ENDS)
def test_month_periods_clamp_then_roll(start: str, expected: str) -> None:
    assert due(D(start), one_month(), calendar=CAL).due == D(expected)


def test_add_months() -> None:
    assert add_months(D("2024-01-31"), 1) == D("2024-02-29")
    assert add_months(D("2023-01-31"), 1) == D("2023-02-28")
    assert add_months(D("2024-02-29"), 12) == D("2025-02-28")
    assert add_months(D("2024-03-31"), -1) == D("2024-02-29")
    assert add_months(D("2024-01-15"), -13) == D("2022-12-15")


# -- backward periods ("at least N days before") -----------------------------------------

BACKWARD = [
    # A8 hearing Mon 2023-10-09, 5 WD before: Sun 10-08 swap (1), Sat 10-07 swap (2),
    # holiday 10-06 … 09-29, Thu 09-28 (3), Wed 09-27 (4), Tue 09-26 (5)
    ("A8", "2023-10-09", "2023-09-26"),
    # A8 hearing Mon 2024-02-19: Sun 02-18 swap (1), holiday 02-17 … 02-10, Fri 02-09 (2),
    # 02-08 (3), 02-07 (4), Tue 02-06 (5)
    ("A8", "2024-02-19", "2024-02-06"),
    # A8a postponement request, 3 WD before Mon 2023-10-09: 10-08 (1), 10-07 (2), Thu 09-28 (3)
    ("A8a", "2023-10-09", "2023-09-28"),
    # I5a hearing notice 7 WD before Mon 2025-02-10: Sun 02-09 rest, Sat 02-08 swap (1),
    # 02-07 (2), 02-06 (3), 02-05 (4), holiday 02-04 … 01-28, Mon 01-27 (5),
    # Sun 01-26 swap (6), Sat 01-25 rest, Fri 01-24 (7)
    ("I5a", "2025-02-10", "2025-01-24"),
]


@pytest.mark.parametrize(("rule_id", "hearing", "expected"), BACKWARD)
def test_backward_working_day_deadlines(rule_id: str, hearing: str, expected: str) -> None:
    result = due(D(hearing), DEFAULT_RULES[rule_id], calendar=CAL)
    assert result.due == D(expected)
    assert result.direction is Direction.BEFORE
    assert "最迟" in result.explanation


def test_backward_calendar_days_roll_back() -> None:
    # 5 days before Tue 2023-10-10 → Thu 10-05 (holiday); back over 10-04 … 09-29 → Thu 09-28
    result = due(D("2023-10-10"), five_days_before(), calendar=CAL)
    assert result.nominal_due == D("2023-10-05")
    assert result.due == D("2023-09-28")
    # with the roll turned off the raw date stands (B §1.3: never forward)
    assert due(D("2023-10-10"), five_days_before(roll=False), calendar=CAL).due == D("2023-10-05")
    # 5 days before Thu 2023-10-12 → Sat 10-07, a swapped working day: no roll
    assert due(D("2023-10-12"), five_days_before(), calendar=CAL).due == D("2023-10-07")
    # 1 month before 2024-03-31 → 29 Feb 2024, a Thursday
    before_month = Rule("T1MB", 1, Unit.MONTHS, "测试", "一个月前", direction=Direction.BEFORE)
    assert due(D("2024-03-31"), before_month, calendar=CAL).due == D("2024-02-29")


# -- years without a holiday schedule ------------------------------------------------------


def test_2027_is_weekends_only_and_flagged() -> None:
    # A13 Thu 2026-12-17 + 15 → Fri 2027-01-01: New Year's Day, but without a 2027
    # schedule only weekends are known, so the Friday stands — and is flagged.
    result = due(D("2026-12-17"), DEFAULT_RULES["A13"], calendar=CAL)
    assert result.due == D("2027-01-01")
    assert not result.calendar_complete
    assert result.missing_years == (2027,)
    assert "节假日安排未导入" in result.explanation
    assert result.warning_zh is not None and "2027年" in result.warning_zh
    # with the administrator's 2027 schedule: 01-01 off, Sat/Sun → Mon 2027-01-04
    cal = LegalCalendar(SCHEDULE_2027)
    fixed = due(D("2026-12-17"), DEFAULT_RULES["A13"], calendar=cal)
    assert fixed.due == D("2027-01-04")
    assert fixed.calendar_complete and fixed.warning_zh is None
    assert fixed.calendar_version == cal.version != CAL.version


def test_working_days_into_2027_are_flagged() -> None:
    # I1 Wed 2026-12-30: Thu 12-31 (1), Fri 2027-01-01 (2, weekends only), Mon 01-04 (3),
    # Tue 01-05 (4), Wed 01-06 (5)
    result = due(D("2026-12-30"), DEFAULT_RULES["I1"], calendar=CAL)
    assert result.due == D("2027-01-06")
    assert not result.calendar_complete


def test_a_deadline_inside_2026_is_complete() -> None:
    # A2 Mon 2026-12-21: 12-22 … 12-25 (1–4), Mon 12-28 (5) — never touches 2027
    result = due(D("2026-12-21"), DEFAULT_RULES["A2"], calendar=CAL)
    assert result.due == D("2026-12-28")
    assert result.calendar_complete


# -- extensions and excluded days ------------------------------------------------------------


def test_extension_limits() -> None:
    with pytest.raises(UserError) as err:
        due(D("2023-08-21"), DEFAULT_RULES["A9"], extension=16, calendar=CAL)
    assert err.value.code == "deadline.extension_too_long"
    assert "15" in err.value.message()
    with pytest.raises(UserError) as err:
        due(D("2023-09-01"), DEFAULT_RULES["I2"], extension=31, calendar=CAL)
    assert err.value.code == "deadline.extension_too_long"
    assert "30个工作日" in err.value.message()
    with pytest.raises(UserError) as err:
        due(D("2023-09-01"), DEFAULT_RULES["A2"], extension=1, calendar=CAL)
    assert err.value.code == "deadline.extension_not_allowed"
    with pytest.raises(UserError) as err:
        due(D("2023-09-01"), DEFAULT_RULES["A9"], extension=-1, calendar=CAL)
    assert err.value.code == "deadline.negative_days"
    # M5a: extendable by the parties' agreement, no fixed ceiling
    assert due(D("2023-09-01"), DEFAULT_RULES["M5a"], extension=100, calendar=CAL).extension == 100


def test_excluded_days() -> None:
    # A9 Mon 2024-01-01 + 45 + 10 excluded = + 55 → 01-31 is +30, → Sun 02-25 → Mon 02-26
    result = due(D("2024-01-01"), DEFAULT_RULES["A9"], excluded_days=10, calendar=CAL)
    assert result.due == D("2024-02-26")
    assert result.excluded_days == 10
    # a working-day period starts counting after the excluded days:
    # I1 Wed 2023-09-27 + 3 excluded → count from Sat 09-30: 10-07 (1), 10-08 (2), 10-09 (3),
    # 10-10 (4), Wed 10-11 (5)
    assert due(D("2023-09-27"), DEFAULT_RULES["I1"], excluded_days=3, calendar=CAL).due == D("2023-10-11")


def test_inputs_must_be_dates() -> None:
    with pytest.raises(TypeError):
        due(datetime(2024, 1, 2, 9, 30), DEFAULT_RULES["A9"], calendar=CAL)
    with pytest.raises(UserError) as err:
        parse_date("2023-02-30")
    assert err.value.code == "deadline.bad_date"
    for bad in ("20230203", "2023-2-3", "", "tomorrow"):
        with pytest.raises(UserError):
            parse_date(bad)
    assert parse_date(" 2024-02-29 ") == D("2024-02-29")


def test_explanation_and_json() -> None:
    result = due(D("2023-08-21"), DEFAULT_RULES["A9"], calendar=CAL)
    assert "当日不计入" in result.explanation
    assert "顺延至2023-10-07（星期六，调休上班日）" in result.explanation
    doc = result.to_json()
    for key in ("rule", "start", "due", "unit", "basis", "calendar_complete", "explanation"):
        assert key in doc
    assert doc["due"] == "2023-10-07" and doc["start"] == "2023-08-21"
    assert doc["unit"] == "calendar_days" and doc["calendar_complete"] is True
    assert "第四十三条" in doc["basis"]


def test_earliest_of_two_deadlines() -> None:
    # from Fri 2023-09-01: I2 with its 30 WD extension → 2024-01-12 (see FORWARD);
    # I11 + 60 calendar days: 09-30 is +29, → Tue 2023-10-31, a working day
    i2 = due(D("2023-09-01"), DEFAULT_RULES["I2"], extension=30, calendar=CAL)
    i11 = due(D("2023-09-01"), DEFAULT_RULES["I11"], calendar=CAL)
    assert i11.due == D("2023-10-31")
    assert earliest([i2, i11]) is i11


def test_a_labour_inspection_penalty_is_bounded_by_i2_not_by_ninety_days() -> None:
    # 行政处罚法 art 60 yields to 条例 art 17 (a 行政法规 with its own period from 立案):
    # the 90-day rule is not in the table, and I2 says why.
    assert "I4" not in DEFAULT_RULES
    assert "第六十条" in DEFAULT_RULES["I2"].basis and "第十七条" in DEFAULT_RULES["I2"].basis


def test_wage_account_notice_cites_article_27() -> None:
    # 保障农民工工资支付条例 art 27 ¶2: 工程完工且未拖欠 … 公示30日后，可以申请注销 (art 28 is 实名制).
    assert DEFAULT_RULES["I14a"].basis == "《保障农民工工资支付条例》第二十七条第二款"


# -- A9: the award is due -------------------------------------------------------------------


def test_award_due_plain() -> None:
    # Tue 2024-01-02 + 45: 01-31 is +29, → Fri 02-16 (holiday), Sat 02-17 (holiday),
    # Sun 02-18 swap → 2024-02-18
    assert award_due(D("2024-01-02"), calendar=CAL).due == D("2024-02-18")


def test_award_due_with_a_suspension() -> None:
    # Suspended by decision of Wed 2024-01-10, resumed Sat 2024-01-20: not counted
    # 01-10 … 01-19 = 10 days. 2024-01-02 + 55: 01-31 is +29, → Mon 02-26
    result = award_due(D("2024-01-02"), suspensions=[(D("2024-01-10"), D("2024-01-20"))], calendar=CAL)
    assert result.due == D("2024-02-26")
    assert result.excluded_days == 10
    assert "中止2024-01-10至2024-01-19共10日" in result.explanation


@pytest.mark.parametrize(
    ("counting", "days", "expected"),
    [
        # the domain default: decision day … day before resumption = 10 → + 55 → Mon 02-26
        (SuspensionCounting.DECISION_TO_EVE_OF_RESUMPTION, 10, "2024-02-26"),
        # both end days: 11 → + 56 → Tue 02-27
        (SuspensionCounting.DECISION_TO_RESUMPTION, 11, "2024-02-27"),
        # strictly between: 9 → + 54 → Sun 02-25 → Mon 02-26
        (SuspensionCounting.BETWEEN, 9, "2024-02-26"),
    ],
)
def test_suspension_counting_is_a_setting(counting: SuspensionCounting, days: int, expected: str) -> None:
    result = award_due(
        D("2024-01-02"),
        suspensions=[(D("2024-01-10"), D("2024-01-20"))],
        suspension_counting=counting,
        calendar=CAL,
    )
    assert result.excluded_days == days
    assert result.due == D(expected)
    assert counting.zh in result.explanation  # the choice is recorded with the deadline


def test_award_due_two_suspensions() -> None:
    # 01-10 … 01-14 (5 days) and 01-20, 01-21 (2 days) = 7; 2024-01-02 + 52: 01-31 is +29,
    # → Fri 02-23
    result = award_due(
        D("2024-01-02"),
        suspensions=[(D("2024-01-20"), D("2024-01-22")), (D("2024-01-10"), D("2024-01-15"))],
        calendar=CAL,
    )
    assert result.excluded_days == 7
    assert result.due == D("2024-02-23")


def test_award_due_restart() -> None:
    # a party added on Fri 2024-01-05 restarts the clock: 01-05 + 45: 01-31 is +26, → Mon 02-19
    assert award_due(D("2024-01-02"), restarts=[D("2024-01-05")], calendar=CAL).due == D("2024-02-19")


def test_a_restart_wipes_earlier_suspensions() -> None:
    # suspended 01-03 … 01-07, restart on Wed 01-10: the earlier suspension no longer matters.
    # 01-10 + 45: 01-31 is +21, → Sat 02-24 (ordinary Saturday) → Sun 02-25 → Mon 02-26
    result = award_due(
        D("2024-01-02"),
        suspensions=[(D("2024-01-03"), D("2024-01-08"))],
        restarts=[D("2024-01-10")],
        calendar=CAL,
    )
    assert result.excluded_days == 0
    assert result.start == D("2024-01-10")
    assert result.due == D("2024-02-26")


def test_a_suspension_spanning_the_restart_counts_from_the_day_after_it() -> None:
    # suspended 01-08 … 01-14 (resumed 01-15), restart on 01-10: the clock of the restart runs
    # from 01-11, so 01-11 … 01-14 = 4 days are not counted. 01-10 + 49: 01-31 is +21,
    # → Wed 02-28
    result = award_due(
        D("2024-01-02"),
        suspensions=[(D("2024-01-08"), D("2024-01-15"))],
        restarts=[D("2024-01-10")],
        calendar=CAL,
    )
    assert result.excluded_days == 4
    assert result.due == D("2024-02-28")


def test_award_due_everything_together() -> None:
    # Thu 2025-01-02; extension 10; suspended 01-06, resumed 01-16 (01-06 … 01-15 = 10 days);
    # public notice 27 days: 45 + 10 + 10 + 27 = 92 days. Day-of-year 2 + 92 = 94; 2025 has
    # 31 + 28 + 31 = 90 days to the end of March → 04-04, Friday, 清明 (04-04 … 04-06)
    # → Mon 2025-04-07
    result = award_due(
        D("2025-01-02"),
        extension_days=10,
        suspensions=[(D("2025-01-06"), D("2025-01-16"))],
        notice_days=27,
        calendar=CAL,
    )
    assert result.nominal_due == D("2025-04-04")
    assert result.due == D("2025-04-07")
    assert result.extension == 10
    assert result.excluded_days == 37
    assert "公告送达27日" in result.explanation


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"extension_days": 16}, "deadline.extension_too_long"),
        ({"notice_days": -1}, "deadline.negative_days"),
        ({"suspensions": [(D("2024-01-10"), D("2024-01-10"))]}, "deadline.suspension_order"),
        ({"suspensions": [(D("2024-01-10"), D("2024-01-05"))]}, "deadline.suspension_order"),
        (
            {"suspensions": [(D("2024-01-10"), D("2024-01-20")), (D("2024-01-15"), D("2024-01-25"))]},
            "deadline.suspension_overlap",
        ),
        ({"restarts": [D("2023-12-31")]}, "deadline.restart_before_acceptance"),
    ],
)
def test_award_due_refusals(kwargs: dict, code: str) -> None:
    with pytest.raises(UserError) as err:
        award_due(D("2024-01-02"), calendar=CAL, **kwargs)
    assert err.value.code == code
    assert err.value.message()  # a Chinese sentence, not the code


def test_back_to_back_suspensions_are_allowed() -> None:
    # resumed and suspended again the same day: 01-10 … 01-14 (5) and 01-15 … 01-19 (5)
    result = award_due(
        D("2024-01-02"),
        suspensions=[(D("2024-01-10"), D("2024-01-15")), (D("2024-01-15"), D("2024-01-20"))],
        calendar=CAL,
    )
    assert result.excluded_days == 10
    assert result.due == D("2024-02-26")  # same as one 10-day suspension


# -- the calculator command ------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    import app.cli

    # only the deadline command is built (the areas name their command modules; issue 12)
    monkeypatch.setattr(app.cli, "command_modules", lambda: ["app.cli.deadline"])
    return app.cli.run


def test_cli_json(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["deadline", "A9", "2023-08-21", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["rule"] == "A9"
    assert doc["start"] == "2023-08-21"
    assert doc["due"] == "2023-10-07"
    assert doc["unit"] == "calendar_days"
    assert doc["calendar_complete"] is True
    assert "劳动争议调解仲裁法" in doc["basis"]
    assert doc["explanation"]


def test_cli_extension_and_lowercase(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["deadline", "i2", "2023-09-01", "--extension", "30", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["rule"], doc["due"], doc["unit"]) == ("I2", "2024-01-12", "working_days")


def test_cli_flags_2027(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["deadline", "A13", "2026-12-17", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["due"] == "2027-01-01" and doc["calendar_complete"] is False


def test_cli_human_line(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["deadline", "A2", "2023-09-27"]) == 0
    out = capsys.readouterr().out.strip()
    assert "\n" not in out
    assert "2023-10-10" in out and "工作日" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["deadline", "X1", "2023-08-21"], "未知的期限规则"),
        (["deadline", "A9", "2023-02-30"], "不是有效日期"),
        (["deadline", "A9", "2023-08-21", "--extension", "16"], "最多可延长15日"),
        (["deadline", "A2", "2023-08-21", "--extension", "1"], "不可延长"),
        (["deadline", "A9"], "起算日期"),
        (["deadline", "I1", "9999-12-31"], "范围"),
        (["deadline", "A8", "2023-10-09", "--excluded-days", "3"], "不适用于A8"),
    ],
)
def test_cli_errors_exit_2_with_one_chinese_line(cli, capsys, argv: list[str], words: str) -> None:
    assert cli(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("错误") and words in lines[0]


def test_cli_list(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["deadline", "--list", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == RULES_VERSION
    assert {r["id"] for r in doc["rules"]} >= set(REQUIRED_UNITS)


# -- properties ---------------------------------------------------------------------------------

starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2031, 12, 31))
calendar_day_rules = st.builds(
    lambda n: Rule("P", n, Unit.CALENDAR_DAYS, "测试", "性质测试"), st.integers(min_value=1, max_value=400)
)
forward_rules = st.one_of(
    calendar_day_rules,
    st.builds(lambda n: Rule("P", n, Unit.WORKING_DAYS, "测试", "性质测试"), st.integers(1, 120)),
    st.builds(lambda n: Rule("P", n, Unit.MONTHS, "测试", "性质测试"), st.integers(1, 36)),
    st.builds(lambda n: Rule("P", n, Unit.YEARS, "测试", "性质测试"), st.integers(1, 3)),
    st.sampled_from([r for r in DEFAULT_RULES if r.direction is Direction.FORWARD]),
)


@settings(max_examples=400, deadline=None)
@given(start=starts, rule=calendar_day_rules)
def test_a_calendar_day_deadline_is_never_a_rest_day(start: date, rule: Rule) -> None:
    result = due(start, rule, calendar=CAL)
    assert CAL.is_working_day(result.due)
    assert result.due >= start + timedelta(days=rule.amount)
    # only rest days were skipped by the roll
    day = start + timedelta(days=rule.amount)
    while day < result.due:
        assert CAL.is_rest_day(day)
        day += timedelta(days=1)


@settings(max_examples=400, deadline=None)
@given(start=starts, rule=forward_rules)
def test_forward_deadlines_come_after_the_start_on_a_working_day(start: date, rule: Rule) -> None:
    result = due(start, rule, calendar=CAL)
    assert result.due > start
    assert CAL.is_working_day(result.due)
    if rule.unit is Unit.WORKING_DAYS:
        assert CAL.count_working_days(start, result.due) == rule.amount


@settings(max_examples=200, deadline=None)
@given(start=starts, extension=st.integers(min_value=0, max_value=14))
def test_a_longer_extension_never_gives_an_earlier_deadline(start: date, extension: int) -> None:
    for rule_id in ("A9", "I2"):
        rule = DEFAULT_RULES[rule_id]
        shorter = due(start, rule, extension=extension, calendar=CAL).due
        longer = due(start, rule, extension=extension + 1, calendar=CAL).due
        assert shorter <= longer
        if rule.unit is Unit.WORKING_DAYS:
            assert shorter < longer


@settings(max_examples=200, deadline=None)
@given(
    acceptance=starts,
    first=st.integers(min_value=0, max_value=40),
    length=st.integers(min_value=1, max_value=60),
    notice=st.integers(min_value=0, max_value=60),
)
def test_suspensions_and_notice_never_shorten_the_award_period(
    acceptance: date, first: int, length: int, notice: int
) -> None:
    plain = award_due(acceptance, calendar=CAL)
    s = acceptance + timedelta(days=first)
    longer = award_due(
        acceptance, suspensions=[(s, s + timedelta(days=length))], notice_days=notice, calendar=CAL
    )
    assert longer.due >= plain.due
    assert CAL.is_working_day(longer.due)


@settings(max_examples=200, deadline=None)
@given(hearing=starts, rule=st.sampled_from([r for r in DEFAULT_RULES if r.direction is Direction.BEFORE]))
def test_backward_deadlines_come_before_on_a_working_day(hearing: date, rule: Rule) -> None:
    result = due(hearing, rule, calendar=CAL)
    assert result.due < hearing
    assert CAL.is_working_day(result.due)
    if rule.unit is Unit.WORKING_DAYS:
        # (due, hearing] holds the amount − 1 working days between them, plus the hearing day
        # itself if it is a working day
        expected = rule.amount - 1 + (1 if CAL.is_working_day(hearing) else 0)
        assert CAL.count_working_days(result.due, hearing) == expected


def test_time_left_counts_working_days_on_the_calendar() -> None:
    """"剩余N个工作日" against a working-day limit: on 27 Sep 2023 an A2 period due 8 Oct has
    3 working days left (28 Sep; 7 and 8 Oct worked), not 11 calendar days."""
    a2 = due(D("2023-09-25"), DEFAULT_RULES.get("A2"), calendar=CAL)
    assert a2.due == D("2023-10-08")
    left = time_left(a2.due, D("2023-09-27"), working_days=True, calendar=CAL)
    assert (left.count, left.zh(), left.en()) == (3, "剩余3个工作日", "3 working days left")
    assert time_left(a2.due, a2.due, working_days=True, calendar=CAL).zh() == "今日到期"
    # overdue: Monday 9 Oct is one working day past; a Saturday past a Friday still reads overdue
    assert time_left(a2.due, D("2023-10-09"), working_days=True, calendar=CAL).zh() == "已逾期1个工作日"
    late = time_left(D("2023-10-13"), D("2023-10-14"), working_days=True, calendar=CAL)
    assert late.overdue and late.zh() == "已逾期1个工作日"
    # a calendar-day period says days
    assert time_left(D("2023-11-13"), D("2023-09-27"), working_days=False).zh() == "剩余47天"
    assert time_left(D("2023-11-13"), D("2023-11-15"), working_days=False).en() == "overdue by 2 days"
