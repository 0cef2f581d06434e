"""The deadline engine: every statutory time limit of DOMAIN B §2 from one
function, ``due(start, rule)``, on the legal calendar (DOMAIN A1, B §1).

Rules are data (``Rule``), grouped in a versioned ``RuleTable``; the shipped
defaults are ``DEFAULT_RULES``.  A later layer keeps the table in the database
and lets an administrator edit it: a rule turns into and out of a plain
mapping (``Rule.to_mapping`` / ``Rule.from_mapping``) and nothing below
branches on a rule's id, except ``award_due`` which implements the one
compound computation (A9) the domain spells out.

How a period is counted (B §1 R1–R4, A1):

* the start day is not counted;
* calendar days (``calendar_days``): start + N days; if that last day is a
  rest day (weekend or statutory holiday, unless a swapped working day) the
  period ends on the next working day.  Holidays inside the period count;
* working days (``working_days``): the N-th working day after the start day;
  an extension of M working days continues from there (the N+M-th);
* months / years: the corresponding day of the final month, clamped to the
  month's end (2024-01-31 + 1 month = 2024-02-29), then rolled forward;
* backward rules ("at least N days before X", e.g. the hearing notice):
  ``start`` is X and the result is the *latest permissible* date.  Working
  days: the N-th working day before X (always a working day).  Calendar days,
  months, years: X − N, and if that is a rest day it is moved BACK to the
  previous working day (see ``Rule.roll``).  Decision: B §1.3 says "never roll
  forward" and leaves the rest open; moving back is the conservative reading
  (an act due on a rest day must in practice be done on the working day
  before, and it never leaves less than N days), and a breach is only a
  warning anyway.  An administrator can turn the roll off per rule.
* ``excluded_days`` are calendar days during which the clock stood still
  (suspension, public-notice service): they are added to a calendar-day, month
  or year period before the roll; for a working-day period the count starts
  that many calendar days later.

Every result is a ``Deadline`` that says how it was computed (rule and
calendar versions, extension, excluded days, a Chinese explanation) and
whether every year it consulted has a holiday schedule
(``calendar_complete``); if not, the UI shows 节假日安排未导入.
"""

from __future__ import annotations

import calendar as _gregorian
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import partial
from typing import Any

from app.errors import UserError, words_from
from app.legal.calendar import LegalCalendar, default_calendar
from app.legal.explanations import EN, ZH, explain

__all__ = [
    "DEFAULT_RULES",
    "RULES_VERSION",
    "Deadline",
    "Direction",
    "Rule",
    "RuleTable",
    "SuspensionCounting",
    "TimeLeft",
    "Unit",
    "add_months",
    "award_due",
    "due",
    "earliest",
    "parse_date",
    "time_left",
]


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"

    @property
    def zh(self) -> str:
        """The Chinese counter used after a number: 日, 个工作日, 个月, 年."""
        return _UNIT_ZH[self]

    @property
    def en(self) -> str:
        return _UNIT_EN[self]


_UNIT_ZH = {
    Unit.CALENDAR_DAYS: "日",
    Unit.WORKING_DAYS: "个工作日",
    Unit.MONTHS: "个月",
    Unit.YEARS: "年",
}
_UNIT_EN = {
    Unit.CALENDAR_DAYS: "calendar days",
    Unit.WORKING_DAYS: "working days",
    Unit.MONTHS: "months",
    Unit.YEARS: "years",
}


class Direction(StrEnum):
    FORWARD = "forward"  # the period runs from the start event
    BEFORE = "before"  # "at least N days before" the start event (e.g. a hearing)


# Bumped whenever DEFAULT_RULES changes; stored with each computed deadline.
RULES_VERSION = "builtin-2026.12-1"


@dataclass(frozen=True)
class Rule:
    """One time limit.

    ``amount`` and ``max_extension`` are in ``unit``.  ``max_extension``: 0 =
    cannot be extended, None = extendable without a fixed ceiling (e.g. by the
    parties' agreement).  ``roll``: move a last day that is a rest day to a
    working day (forward for forward rules, back for backward ones); it has no
    effect on working-day rules.  ``checked``: the amount and unit were read
    in the source text (DOMAIN [S]) rather than recalled ([M]).
    """

    id: str
    amount: int
    unit: Unit
    basis: str
    description: str
    trigger: str = ""
    direction: Direction = Direction.FORWARD
    max_extension: int | None = 0
    roll: bool = True
    checked: bool = True
    version: str = RULES_VERSION

    def __post_init__(self) -> None:
        # Accept plain strings (rows from the database) and check the values.
        try:
            object.__setattr__(self, "unit", Unit(self.unit))
            object.__setattr__(self, "direction", Direction(self.direction))
        except ValueError as exc:
            raise UserError("deadline.bad_rule", rule=self.id, detail=str(exc)) from None
        if not self.id or not self.id.strip():
            raise UserError("deadline.bad_rule", rule=self.id, detail="empty id")
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount <= 0:
            raise UserError("deadline.bad_rule", rule=self.id, detail=f"amount {self.amount!r}")
        if self.max_extension is not None and (
            isinstance(self.max_extension, bool) or not isinstance(self.max_extension, int) or self.max_extension < 0
        ):
            raise UserError("deadline.bad_rule", rule=self.id, detail=f"max_extension {self.max_extension!r}")
        if self.direction is Direction.BEFORE and self.max_extension != 0:
            raise UserError("deadline.bad_rule", rule=self.id, detail="a backward rule cannot be extended")

    @property
    def summary_zh(self) -> str:
        """E.g. '45日', '开庭前至少5个工作日'."""
        text = f"{self.amount}{self.unit.zh}"
        return f"前至少{text}" if self.direction is Direction.BEFORE else text

    def to_mapping(self) -> dict[str, Any]:
        """A plain mapping for storage (enums as their string values)."""
        data = asdict(self)
        data["unit"] = self.unit.value
        data["direction"] = self.direction.value
        return data

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Rule:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


class RuleTable:
    """A versioned set of rules, looked up by id (case-insensitive)."""

    def __init__(self, rules: Iterable[Rule], version: str) -> None:
        self.version = version
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            key = rule.id.strip().upper()
            if key in self._rules:
                raise UserError("deadline.bad_rule", rule=rule.id, detail="duplicate id")
            self._rules[key] = replace(rule, version=version)

    def get(self, rule_id: str) -> Rule:
        rule = self._rules.get((rule_id or "").strip().upper())
        if rule is None:
            raise UserError("deadline.unknown_rule", field="rule", rule=rule_id)
        return rule

    def __getitem__(self, rule_id: str) -> Rule:
        return self.get(rule_id)

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and rule_id.strip().upper() in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self._rules.values())


@dataclass(frozen=True)
class Deadline:
    """A computed time limit and how it was reached."""

    rule_id: str
    start: date
    due: date
    unit: Unit
    basis: str
    calendar_complete: bool
    calendar_version: str
    rule_version: str
    extension: int
    excluded_days: int
    explanation: str
    direction: Direction = Direction.FORWARD
    nominal_due: date | None = None  # the last day before any roll
    missing_years: tuple[int, ...] = field(default=())  # consulted years without a schedule
    explanation_en: str = ""  # the same account in English (the English interface)

    def explained(self, language: str) -> str:
        return self.explanation_en if language == "en" and self.explanation_en else self.explanation

    def warning(self, language: str) -> str | None:
        """`warning_zh`, or the same in English."""
        if self.calendar_complete:
            return None
        if language != "en":
            return self.warning_zh
        return f"holiday schedule not imported ({', '.join(str(y) for y in self.missing_years)}): weekends only"

    @property
    def warning_zh(self) -> str | None:
        """The flag the UI shows next to a deadline computed on weekends alone."""
        if self.calendar_complete:
            return None
        years = "、".join(f"{y}年" for y in self.missing_years)
        return f"节假日安排未导入（{years}），仅按周末计算"

    def to_json(self) -> dict[str, Any]:
        """The calculator's JSON document (dates as YYYY-MM-DD)."""
        return {
            "rule": self.rule_id,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "unit": self.unit.value,
            "direction": self.direction.value,
            "basis": self.basis,
            "calendar_complete": self.calendar_complete,
            "missing_years": list(self.missing_years),
            "calendar_version": self.calendar_version,
            "rule_version": self.rule_version,
            "extension": self.extension,
            "excluded_days": self.excluded_days,
            "explanation": self.explanation,
        }


# -- arithmetic ------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """The corresponding day ``months`` later (or earlier), clamped to the
    month's end (民法典 art 202): 2024-01-31 + 1 → 2024-02-29."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise UserError("deadline.date_out_of_range")
    last = _gregorian.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def parse_date(value: str, *, field: str = "start") -> date:
    """A YYYY-MM-DD string → date, or a UserError the clerk can act on."""
    text = (value or "").strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise UserError("deadline.bad_date", field=field, value=value) from None



def _check_date(value: object, name: str) -> date:
    if type(value) is not date:  # datetime is a date subclass: refused, no time of day here
        raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    return value


def unit_words(unit: str, language: str) -> str:
    """A rule's unit carried by a refusal, in words (the legal area's `message_values`)."""
    return Unit(unit).en if language == "en" else Unit(unit).zh


# The counts of days a caller passes, as a refusal names them: (English, Chinese).
_DAY_COUNTS: dict[str, tuple[str, str]] = {
    "extension": ("The extension", "延长期限"),
    "excluded_days": ("Excluded days", "不计入期间的天数"),
    "notice_days": ("Public-notice days", "公告送达天数"),
}


def day_count_words(what: str, language: str) -> str:
    return words_from(_DAY_COUNTS, what, language)


def _check_days(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{day_count_words(what, 'en')} must be an int")
    if value < 0:
        raise UserError("deadline.negative_days", value=value, what=what)
    return value


def _check_extension(rule: Rule, extension: int) -> int:
    _check_days(extension, "extension")
    if extension == 0:
        return 0
    if rule.max_extension == 0:
        raise UserError("deadline.extension_not_allowed", field="extension", rule=rule.id)
    if rule.max_extension is not None and extension > rule.max_extension:
        raise UserError(
            "deadline.extension_too_long",
            field="extension",
            rule=rule.id,
            maximum=rule.max_extension,
            unit=rule.unit.value,
        )
    return extension


# -- the engine ------------------------------------------------------------------


def due(
    start: date,
    rule: Rule,
    *,
    extension: int = 0,
    excluded_days: int = 0,
    calendar: LegalCalendar | None = None,
) -> Deadline:
    """The deadline of ``rule`` counted from ``start`` (see the module notes).

    ``extension`` is the approved extension in the rule's own unit (A9: days,
    I2: working days), refused beyond ``rule.max_extension``.
    ``excluded_days``: calendar days not counted (suspension, public notice).
    """
    return _due(start, rule, extension, excluded_days, calendar, None)


def _due(
    start: date,
    rule: Rule,
    extension: int,
    excluded_days: int,
    calendar: LegalCalendar | None,
    excluded_note: str | None,
) -> Deadline:
    _check_date(start, "start")
    _check_extension(rule, extension)
    _check_days(excluded_days, "excluded_days")
    if excluded_days and rule.direction is Direction.BEFORE:
        raise UserError("deadline.excluded_not_applicable", field="excluded_days", rule=rule.id)
    cal = calendar if calendar is not None else default_calendar()
    total = rule.amount + extension
    try:
        nominal, result, lo, hi = _compute(start, rule, total, excluded_days, cal)
    except OverflowError:
        raise UserError("deadline.date_out_of_range") from None
    missing = cal.missing_years(lo, hi)
    account = partial(explain, forward=rule.direction is Direction.FORWARD,
                      working_days=rule.unit is Unit.WORKING_DAYS, month_based=rule.unit in (Unit.MONTHS, Unit.YEARS),
                      amount=rule.amount, start=start, extension=extension, excluded=excluded_days, nominal=nominal,
                      result=result, cal=cal, missing=missing)
    explanation = account(ZH, unit=rule.unit.zh, excluded_note=excluded_note)
    explanation_en = account(EN, unit=rule.unit.en)
    return Deadline(
        rule_id=rule.id,
        start=start,
        due=result,
        unit=rule.unit,
        basis=rule.basis,
        calendar_complete=not missing,
        calendar_version=cal.version,
        rule_version=rule.version,
        extension=extension,
        excluded_days=excluded_days,
        explanation=explanation,
        direction=rule.direction,
        nominal_due=nominal,
        missing_years=missing,
        explanation_en=explanation_en,
    )


def _compute(
    start: date, rule: Rule, total: int, excluded: int, cal: LegalCalendar
) -> tuple[date, date, date, date]:
    """(nominal last day, result, first and last day consulted on the calendar)."""
    one = timedelta(days=1)
    if rule.direction is Direction.FORWARD:
        if rule.unit is Unit.WORKING_DAYS:
            begin = start + timedelta(days=excluded)
            result = cal.add_working_days(begin, total)
            return result, result, begin + one, result
        if rule.unit is Unit.CALENDAR_DAYS:
            nominal = start + timedelta(days=total + excluded)
        else:
            months = total if rule.unit is Unit.MONTHS else 12 * total
            nominal = add_months(start, months) + timedelta(days=excluded)
        result = cal.roll_forward(nominal) if rule.roll else nominal
        return nominal, result, nominal, result
    # backward: the latest permissible date
    if rule.unit is Unit.WORKING_DAYS:
        result = cal.add_working_days(start, -total)
        return result, result, result, start - one
    if rule.unit is Unit.CALENDAR_DAYS:
        nominal = start - timedelta(days=total)
    else:
        months = total if rule.unit is Unit.MONTHS else 12 * total
        nominal = add_months(start, -months)
    result = cal.roll_backward(nominal) if rule.roll else nominal
    return nominal, result, result, nominal


@dataclass(frozen=True)
class TimeLeft:
    """How long until a due date, in the rule's own unit: working days on the legal
    calendar for a working-day rule ("剩余3个工作日" against a 5-working-day limit),
    calendar days otherwise.  ``count`` > 0: left; 0: due today; < 0: overdue by."""

    count: int
    working_days: bool

    @property
    def overdue(self) -> bool:
        return self.count < 0

    def zh(self) -> str:
        unit = "个工作日" if self.working_days else "天"
        if self.count == 0:
            return "今日到期"
        return f"已逾期{-self.count}{unit}" if self.count < 0 else f"剩余{self.count}{unit}"

    def en(self) -> str:
        unit = "working day" if self.working_days else "day"
        n = abs(self.count)
        plural = "" if n == 1 else "s"
        if self.count == 0:
            return "due today"
        return f"overdue by {n} {unit}{plural}" if self.count < 0 else f"{n} {unit}{plural} left"


def time_left(due_on: date, today: date, *, working_days: bool, calendar: LegalCalendar | None = None) -> TimeLeft:
    """`TimeLeft` from ``today`` to ``due_on``; working days are counted on ``calendar``
    (a day past the due date over a weekend is still overdue: at least one)."""
    if due_on == today:
        return TimeLeft(0, working_days)
    if not working_days:
        return TimeLeft((due_on - today).days, False)
    n = (calendar or default_calendar()).count_working_days(today, due_on)
    return TimeLeft(max(n, 1) if due_on > today else min(n, -1), True)


def earliest(deadlines: Iterable[Deadline]) -> Deadline:
    """The deadline that comes first."""
    return min(deadlines, key=lambda d: d.due)


# -- A9: the award is due -------------------------------------------------------------


class SuspensionCounting(StrEnum):
    """Which days of a suspension (中止) are not counted in the 45 days.

    DOMAIN B §2.1 asks for a setting; the default is its reading.
    """

    DECISION_TO_EVE_OF_RESUMPTION = "decision_to_eve_of_resumption"  # [decision, resumption − 1]
    DECISION_TO_RESUMPTION = "decision_to_resumption"  # both end days excluded from the 45
    BETWEEN = "between"  # only the days strictly between decision and resumption

    @property
    def zh(self) -> str:
        return _COUNTING_ZH[self]


_COUNTING_ZH = {
    SuspensionCounting.DECISION_TO_EVE_OF_RESUMPTION: "自中止决定之日至恢复审理前一日",
    SuspensionCounting.DECISION_TO_RESUMPTION: "自中止决定之日至恢复审理之日",
    SuspensionCounting.BETWEEN: "中止决定之日与恢复审理之日之间",
}


def award_due(
    acceptance: date,
    *,
    extension_days: int = 0,
    suspensions: Sequence[tuple[date, date]] = (),
    notice_days: int = 0,
    restarts: Sequence[date] = (),
    calendar: LegalCalendar | None = None,
    rule: Rule | None = None,
    suspension_counting: SuspensionCounting = SuspensionCounting.DECISION_TO_EVE_OF_RESUMPTION,
) -> Deadline:
    """A9 (规则 arts 45–47; DOMAIN B §2.1 pseudo-code):

    base = the latest of the acceptance and the restart events (A9a);
    due  = base + 45 days + approved extension (≤ 15) + suspended days
           + public-notice days, rolled forward (R2).

    ``suspensions``: (date of the 中止决定, date of 恢复审理) pairs, ended ones
    only.  Under the default counting an interval excludes the decision day up
    to the day before resumption.  Only days after the base count: a restart
    wipes earlier suspensions (the clock restarts in full).  ``notice_days``:
    days of public-notice service (公告送达) within the period.
    """
    rule = rule if rule is not None else DEFAULT_RULES.get("A9")
    _check_date(acceptance, "acceptance")
    _check_days(notice_days, "notice_days")
    for event in restarts:
        _check_date(event, "restart")
        if event < acceptance:
            raise UserError(
                "deadline.restart_before_acceptance",
                date=event.isoformat(),
                acceptance=acceptance.isoformat(),
            )
    base = max([acceptance, *restarts])
    intervals = sorted((_check_date(s, "suspension"), _check_date(r, "resumption")) for s, r in suspensions)
    for s, r in intervals:
        if r <= s:
            raise UserError("deadline.suspension_order", start=s.isoformat(), resume=r.isoformat())
    for (s1, r1), (s2, r2) in zip(intervals, intervals[1:], strict=False):
        if s2 < r1:
            raise UserError(
                "deadline.suspension_overlap",
                first=f"{s1.isoformat()}—{r1.isoformat()}",
                second=f"{s2.isoformat()}—{r2.isoformat()}",
            )
    one = timedelta(days=1)
    suspended = 0
    notes: list[str] = []
    for s, r in intervals:
        if suspension_counting is SuspensionCounting.DECISION_TO_EVE_OF_RESUMPTION:
            lo, hi = s, r - one
        elif suspension_counting is SuspensionCounting.DECISION_TO_RESUMPTION:
            lo, hi = s, r
        else:
            lo, hi = s + one, r - one
        lo = max(lo, base + one)  # the clock runs from the day after the base
        days = (hi - lo).days + 1
        if days > 0:
            suspended += days
            notes.append(f"中止{lo.isoformat()}至{hi.isoformat()}共{days}日")
    note_parts: list[str] = []
    if notes:
        note_parts.append("；".join(notes) + f"，按{suspension_counting.zh}计")
    if notice_days:
        note_parts.append(f"公告送达{notice_days}日")
    if base != acceptance:
        note_parts.append(f"受理日{acceptance.isoformat()}，自{base.isoformat()}重新计算审理期限")
    return _due(base, rule, extension_days, suspended + notice_days, calendar, "；".join(note_parts) or None)


# -- the shipped defaults ------------------------------------------------------------

_FA = "《劳动争议调解仲裁法》"
_GUIZE = "《劳动人事争议仲裁办案规则》"
_JIANCHA = "《劳动保障监察条例》"
_RUOGAN = "《关于实施〈劳动保障监察条例〉若干规定》"
_CHUFA = "《行政处罚法》"
_MINSU = "《民事诉讼法》"
_WD_NOTE = "（默认按工作日计算）"

WD = Unit.WORKING_DAYS
CD = Unit.CALENDAR_DAYS
MONTHS = Unit.MONTHS
YEARS = Unit.YEARS
BEFORE = Direction.BEFORE

_DEFAULTS: tuple[Rule, ...] = (
    # 2.1 arbitration
    Rule("A1", 1, YEARS, f"{_FA}第二十七条", "仲裁时效一年", "知道或者应当知道其权利被侵害之日"),
    Rule("A2", 5, WD, f"{_FA}第二十九条；{_GUIZE}第三十条、第三十一条{_WD_NOTE}", "决定受理或者不予受理", "收到仲裁申请之日"),
    Rule("A3", 5, WD, f"{_GUIZE}第四十六条{_WD_NOTE}", "补正后重新计算受理审查期限", "收到补正材料之日"),
    Rule("A4", 5, WD, f"{_FA}第三十条；{_GUIZE}第三十三条{_WD_NOTE}", "将仲裁申请书副本送达被申请人", "受理之日", checked=False),
    Rule("A5", 10, WD, f"{_FA}第三十条{_WD_NOTE}", "被申请人提交答辩书", "被申请人收到仲裁申请书副本之日"),
    Rule("A5a", 5, WD, f"{_FA}第三十条{_WD_NOTE}", "将答辩书副本送达申请人", "收到答辩书之日"),
    Rule("A6", 5, WD, f"{_GUIZE}第三十六条{_WD_NOTE}", "决定是否受理反申请", "收到反申请之日", checked=False),
    Rule("A7", 5, WD, f"{_FA}第三十二条；{_GUIZE}第三十七条{_WD_NOTE}", "将仲裁庭组成情况书面通知当事人", "受理之日"),
    Rule("A8", 5, WD, f"{_FA}第三十五条；{_GUIZE}第三十八条{_WD_NOTE}", "开庭通知最迟送达日（开庭前至少五日）", "开庭日", BEFORE),
    Rule("A8a", 3, WD, f"{_FA}第三十五条{_WD_NOTE}", "请求延期开庭最迟日（开庭前至少三日）", "开庭日", BEFORE),
    Rule("A9", 45, CD, f"{_FA}第四十三条；{_GUIZE}第四十五条至第四十七条", "仲裁裁决期限（经批准可延长不超过十五日）", "受理之日（或重新计算审理期限之日）", max_extension=15),
    Rule("A10", 5, WD, f"{_GUIZE}第三十二条{_WD_NOTE}", "送达撤销案件决定书", "作出撤销案件决定之日"),
    Rule("A12", 15, CD, f"{_FA}第四十八条", "劳动者对终局裁决不服向人民法院起诉", "收到终局裁决书之日"),
    Rule("A12a", 30, CD, f"{_FA}第四十九条", "用人单位申请撤销终局裁决（向中级人民法院）", "收到终局裁决书之日"),
    Rule("A12b", 15, CD, f"{_FA}第四十九条", "终局裁决被撤销后当事人向人民法院起诉", "收到撤销裁定书之日"),
    Rule("A13", 15, CD, f"{_FA}第五十条", "对非终局裁决不服向人民法院起诉（期满不起诉即发生法律效力）", "收到裁决书之日"),
    Rule("A15", 10, WD, f"{_GUIZE}（仲裁前委托调解）{_WD_NOTE}", "委托调解组织调解", "双方同意委托调解之日", checked=False),
    Rule("A16", 15, CD, f"{_GUIZE}第七十四条", "共同申请仲裁审查调解协议", "调解协议生效之日"),
    Rule("A16a", 5, WD, f"{_GUIZE}（仲裁审查）{_WD_NOTE}", "仲裁审查调解协议", "受理仲裁审查申请之日", checked=False),
    Rule("A18", 5, WD, f"{_FA}第七条；{_GUIZE}第五条{_WD_NOTE}", "集体劳动争议：仲裁庭组成、答辩期、举证期、开庭日期一并通知", "受理之日", checked=False),
    Rule("A19", 2, YEARS, f"{_MINSU}第二百五十条", "申请人民法院强制执行调解书、裁决书", "法律文书规定履行期间的最后一日"),
    Rule("A20", 10, YEARS, f"{_GUIZE}第二十四条", "裁决结案案卷保存期限（不少于十年）", "结案之日"),
    Rule("A20a", 5, YEARS, f"{_GUIZE}第二十四条", "调解及其他方式结案案卷保存期限（不少于五年）", "结案之日"),
    # 2.2 mediation
    Rule("M1", 15, CD, f"{_FA}第十四条", "调解组织收到调解申请后未达成调解协议的，当事人可以申请仲裁", "调解组织收到调解申请之日"),
    Rule("M5", 3, WD, "《企业劳动争议协商调解规定》（人社部令第17号）", "企业劳动争议调解委员会决定受理", "收到调解申请之日", checked=False),
    Rule("M5a", 15, CD, "《企业劳动争议协商调解规定》（人社部令第17号）", "企业劳动争议调解委员会调解结案（双方同意可延长）", "受理调解申请之日", max_extension=None, checked=False),
    Rule("M5b", 5, CD, "《企业劳动争议协商调解规定》（人社部令第17号）", "对协商要求作出回应（逾期视为不愿协商）", "收到协商要求之日", checked=False),
    Rule("M6", 30, CD, f"{_MINSU}第二百零五条", "共同申请司法确认调解协议", "调解协议生效之日"),
    # 2.3 labour-security inspection
    Rule("I1", 5, WD, f"{_RUOGAN}第十八条", "决定是否受理投诉（受理的同时立案）", "收到投诉之日"),
    Rule("I1a", 5, WD, f"{_RUOGAN}第十八条", "书面通知不予受理", "收到投诉之日"),
    # I2 also bounds a penalty: 行政处罚法 art 60 gives 90 days from 立案 "法律、法规、规章另有规定的，从其规定",
    # and 条例 art 17 (a 行政法规) sets the labour-inspection case's own period from 立案: 60 WD, +30 WD with the
    # head's approval.  So a labour-inspection penalty is decided within I2, and the 90 days (old I4) do not apply.
    Rule("I2", 60, WD, f"{_JIANCHA}第十七条（劳动保障监察案件的办理期限，依{_CHUFA}第六十条第二句从其规定，"
         "行政处罚决定亦应在此期限内作出）", "调查终结并作出处理、处罚决定（情况复杂的经批准可延长三十个工作日）",
         "立案之日", max_extension=30),
    Rule("I3", 2, YEARS, f"{_JIANCHA}第二十条；{_CHUFA}第三十六条", "违法行为两年内未被发现的不再查处", "违法行为发生之日（连续或继续状态的自行为终了之日）"),
    Rule("I5", 5, WD, f"{_CHUFA}第六十四条第一项、第八十五条", "当事人要求听证", "事先告知书（含听证告知）送达之日"),
    # The law sets no period for 陈述申辩 (arts 44, 45, 62); the program's choice [P]: the same five working days
    # as the hearing request (art 64(1), art 85), counted from service of the notice, so one notice opens one window.
    Rule("I5b", 5, WD, f"{_CHUFA}第四十四条、第四十五条、第六十二条（期限法律未规定，本程序比照第六十四条第一项取五个工作日）；"
         f"{_JIANCHA}第十九条、{_RUOGAN}第三十四条（行政处理决定前同样告知并听取陈述申辩）", "当事人陈述、申辩",
         "事先告知书送达之日", checked=False),
    Rule("I5a", 7, WD, f"{_CHUFA}第六十四条、第八十五条", "听证通知最迟送达日（听证前至少七日）", "听证日", BEFORE),
    Rule("I6", 7, WD, f"{_CHUFA}第六十一条、第八十五条", "当事人不在场时送达行政处罚决定书", "作出决定之日"),
    Rule("I7", 15, CD, f"{_CHUFA}第六十七条", "缴纳罚款", "收到行政处罚决定书之日"),
    Rule("I8", 7, WD, f"{_CHUFA}第五十六条、第八十五条", "先行登记保存证据后作出处理决定", "先行登记保存之日"),
    Rule("I11", 60, CD, "《行政复议法》第二十条", "申请行政复议", "知道或者应当知道行政行为之日", checked=False),
    Rule("I11a", 6, MONTHS, "《行政诉讼法》第四十六条", "提起行政诉讼", "知道或者应当知道作出行政行为之日", checked=False),
    Rule("I12", 3, MONTHS, "《行政强制法》第五十三条", "申请人民法院强制执行", "复议、诉讼期限届满之日", checked=False),
    Rule("I12a", 10, WD, "《行政强制法》第五十四条、第六十九条", "催告后当事人履行义务", "催告书送达之日", checked=False),
    Rule("I13", 7, WD, "国办发〔2018〕118号", "公示行政处罚、行政许可决定", "作出决定之日"),
    Rule("I13a", 20, WD, "国办发〔2018〕118号", "公示其他行政执法决定", "作出决定之日"),
    Rule("I13b", 3, WD, f"{_CHUFA}第四十八条、第八十五条", "撤回已公开但被变更、撤销或确认无效的行政处罚决定", "决定被变更、撤销或确认无效之日"),
    Rule("I14", 3, YEARS, "《保障农民工工资支付条例》第十五条", "工资支付台账保存期限（不少于三年）", "台账记录之日"),
    Rule("I14a", 30, CD, "《保障农民工工资支付条例》第二十七条第二款", "农民工工资专用账户注销前公示", "公示之日"),
)

DEFAULT_RULES = RuleTable(_DEFAULTS, RULES_VERSION)
