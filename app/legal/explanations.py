"""How a deadline was counted, in words (Chinese and English): one explanation, two phrasings.

`app.legal.deadlines.due` says in each Deadline how its date was reached; this module
words that account.  It knows nothing of rules: the caller hands in what the account
needs (the direction, the unit's kind and words, the amounts and the dates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.legal.calendar import LegalCalendar, weekday_zh


def _fmt(d: date, cal: LegalCalendar | None = None) -> str:
    """2023-10-07（星期六，调休上班日）."""
    label = weekday_zh(d)
    if cal is not None and d.weekday() >= 5 and cal.is_working_day(d):
        label += "，调休上班日"
    return f"{d.isoformat()}（{label}）"


def _fmt_en(d: date, cal: LegalCalendar | None = None) -> str:
    """2023-10-07 (Saturday, a make-up working day)."""
    label = d.strftime("%A")
    if cal is not None and d.weekday() >= 5 and cal.is_working_day(d):
        label += ", a make-up working day"
    return f"{d.isoformat()} ({label})"


@dataclass(frozen=True)
class Phrasing:
    """The words of one language; placeholders: {n} amount, {unit}, {start}, {nominal}, {result},
    {describe} (what the nominal day is), {note} (why days were not counted), {years}."""

    day: Callable[[date, LegalCalendar | None], str]
    amount: str
    extended: str
    excluded: str
    excluded_note: str
    counted_from: str
    working_days_to: str
    month_end: str
    rolled_forward: str
    last_day: str
    before: str
    counting_back: str
    rolled_back: str
    at_the_latest: str
    separator: str
    full_stop: str
    year: str
    years_separator: str
    missing: str
    capitalise: bool


ZH = Phrasing(
    day=_fmt, amount="{n}{unit}", extended="，延长{n}{unit}", excluded="，另加不计入期间{n}日{note}",
    excluded_note="（{}）", counted_from="自{start}起算（当日不计入），{amount}",
    working_days_to="只计工作日（周末和法定节假日不计，调休上班日计入），至{result}",
    month_end="到期月的对应日为最后一日，无对应日的取月末日",
    rolled_forward="期满日{nominal}为{describe}，顺延至{result}", last_day="期满日为{result}",
    before="在{start}前至少{n}{unit}", counting_back="往前数{n}个工作日（当日不计入），最迟为{result}",
    rolled_back="{nominal}为{describe}，提前至前一个工作日，最迟为{result}", at_the_latest="最迟为{result}",
    separator="；", full_stop="。", year="{}年", years_separator="、",
    missing="注意：{years}节假日安排未导入，仅按周末计算。", capitalise=False,
)
EN = Phrasing(
    day=_fmt_en, amount="{n} {unit}", extended=", extended by {n} {unit}",
    excluded=", plus {n} days not counted (suspension, public notice)", excluded_note="",
    counted_from="counted from {start} (that day not counted), {amount}",
    working_days_to="working days only (weekends and public holidays not counted, make-up working days counted), "
                    "to {result}",
    month_end="the last day is the corresponding day of the last month, or that month's last day",
    rolled_forward="the last day {nominal} is not a working day, moved to {result}", last_day="the last day is {result}",
    before="at least {n} {unit} before {start}",
    counting_back="counting back {n} working days (that day not counted), at the latest {result}",
    rolled_back="{nominal} is not a working day, moved back to the working day before: at the latest {result}",
    at_the_latest="at the latest {result}", separator="; ", full_stop=".", year="{}", years_separator=", ",
    missing=" Note: the holiday schedule of {years} is not imported; only weekends were counted.", capitalise=True,
)


def explain(
    words: Phrasing,
    *,
    forward: bool,
    working_days: bool,
    month_based: bool,
    amount: int,
    unit: str,
    start: date,
    extension: int,
    excluded: int,
    nominal: date,
    result: date,
    cal: LegalCalendar,
    missing: tuple[int, ...],
    excluded_note: str | None = None,
) -> str:
    """The account of one computed period in `words`' language (`unit`: the unit in that language)."""
    values = {"n": amount, "unit": unit, "start": start.isoformat(), "nominal": words.day(nominal, None),
              "result": words.day(result, cal)}
    parts: list[str] = []
    if forward:
        counted = words.amount.format(**values)
        if extension:
            counted += words.extended.format(n=extension, unit=unit)
        if excluded:
            note = words.excluded_note.format(excluded_note) if excluded_note and words.excluded_note else ""
            counted += words.excluded.format(n=excluded, note=note)
        parts.append(words.counted_from.format(amount=counted, **values))
        if working_days:
            parts.append(words.working_days_to.format(**values))
        else:
            if month_based:
                parts.append(words.month_end)
            if result != nominal:
                parts.append(words.rolled_forward.format(describe=cal.describe_day(nominal), **values))
            else:
                parts.append(words.last_day.format(**values))
    else:
        parts.append(words.before.format(**values))
        if working_days:
            parts.append(words.counting_back.format(**values))
        elif result != nominal:
            parts.append(words.rolled_back.format(describe=cal.describe_day(nominal), **values))
        else:
            parts.append(words.at_the_latest.format(**values))
    text = words.separator.join(parts) + words.full_stop
    if missing:
        text += words.missing.format(years=words.years_separator.join(words.year.format(y) for y in missing))
    return text[0].upper() + text[1:] if words.capitalise else text
