"""The legal calendar: which days are working days (DOMAIN A1, B §1.2).

A working day is a day that is not a Saturday, not a Sunday and not a
statutory holiday; a swapped working day (调休补班, a Saturday or Sunday worked
in exchange for a holiday) IS a working day.  A rest day is any other day.

Where the data comes from, in order of precedence for a given date:

1. an administrator-entered schedule (the State Council's 节假日安排 notice for
   a year, entered or imported in 系统管理 → 节假日): a date listed as a
   holiday is a rest day, a date listed as a working day is a working day;
2. the data of the ``chinesecalendar`` package (2004 to its last year; 1.11
   ends with 2026 and raises ``NotImplementedError`` beyond, TOOLCHAIN trap 11);
3. otherwise weekends alone.

An administrator's schedule *overlays* the package (it extends it with new
years and corrects single dates of years the package knows); it never removes
package dates it does not mention.  A schedule keyed by year Y may hold dates
of the neighbouring years (the 2024 notice put the New Year holiday on
2023-12-30 … 2024-01-01); every date applies on its own day.

A year is *covered* (``has_schedule``) when the package knows it or the
administrator entered it.  Computations that consult a day of an uncovered
year are flagged by the deadline engine (``calendar_complete = False``; the UI
shows 节假日安排未导入).

A calendar is immutable once built (its tables fill lazily; concurrent
fills of the same year compute the same table, so sharing one between
threads is safe).  Build a new one when the administrator's years change.

Speed: each year is turned once into a table (a working-day flag per day, the
working days' ordinals and a running count), so ``is_working_day`` is a dict
look-up and an index, and ``add_working_days`` jumps whole years instead of
stepping day by day.  Nothing here touches a database: a later layer reads the
administrator's years from the store and passes them in.
"""

from __future__ import annotations

import calendar as _gregorian
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from app.errors import UserError

__all__ = [
    "LegalCalendar",
    "YearSchedule",
    "default_calendar",
    "package_version",
    "schedule_from_rows",
    "weekday_zh",
]

_WEEKDAY_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def weekday_zh(d: date) -> str:
    """The Chinese weekday name of ``d`` (星期一 … 星期日)."""
    return _WEEKDAY_ZH[d.weekday()]


@dataclass(frozen=True)
class YearSchedule:
    """One year's State Council schedule: rest days and swapped working days.

    ``holidays`` are the days off of the holiday periods (weekends inside a
    holiday period may be listed too; they are rest days either way);
    ``workdays`` are the swapped working days (调休补班).
    """

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def coerce(cls, year: int, value: YearSchedule | Mapping[str, Iterable[date]]) -> YearSchedule:
        """Accept a ``YearSchedule`` or a mapping ``{"holidays": …, "workdays": …}``
        and check it: dates only, within the year or its neighbours, no date both
        a holiday and a working day."""
        if isinstance(value, YearSchedule):
            holidays, workdays = value.holidays, value.workdays
        else:
            unknown = set(value) - {"holidays", "workdays"}
            if unknown:
                raise UserError("calendar.bad_schedule", year=year, detail=", ".join(sorted(unknown)))
            holidays = frozenset(value.get("holidays", ()))
            workdays = frozenset(value.get("workdays", ()))
        for d in holidays | workdays:
            # datetime is a subclass of date; refuse it so that no time of day sneaks in.
            if not isinstance(d, date) or type(d) is not date:
                raise UserError("calendar.bad_schedule", year=year, detail=repr(d))
            if abs(d.year - year) > 1:
                raise UserError("calendar.date_outside_year", year=year, date=d.isoformat())
        both = holidays & workdays
        if both:
            raise UserError("calendar.day_conflict", date=min(both).isoformat())
        return cls(frozenset(holidays), frozenset(workdays))


@dataclass(frozen=True, slots=True)
class _YearTable:
    """Precomputed facts of one year."""

    first: int  # ordinal of 1 January
    flags: bytes  # flags[i] == 1: day first + i is a working day
    working: tuple[int, ...]  # ordinals of the working days, ascending
    count_to: tuple[int, ...]  # count_to[i]: working days in 1 Jan … day i, inclusive
    covered: bool  # a real schedule (package or administrator) is known


def package_version() -> str | None:
    """``chinesecalendar``'s version, or None when the package is missing."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - the package is a dependency
        return None
    version = getattr(chinese_calendar, "__version__", None)
    if version is None:  # pragma: no cover
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        try:
            version = dist_version("chinesecalendar")
        except PackageNotFoundError:
            version = "unknown"
    return str(version)


def _package_year(year: int) -> bytes | None:
    """Working-day flags of ``year`` from chinesecalendar, or None when the
    package has no data for it (it raises NotImplementedError then)."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover
        return None
    first = date(year, 1, 1)
    days = 366 if _gregorian.isleap(year) else 365
    try:
        return bytes(
            1 if chinese_calendar.is_workday(first + timedelta(days=i)) else 0 for i in range(days)
        )
    except NotImplementedError:
        return None


class LegalCalendar:
    """Working days and rest days on the official calendar.

    ``extra_years`` maps a year to the administrator's schedule for it (a
    ``YearSchedule`` or ``{"holidays": set[date], "workdays": set[date]}``).
    ``use_package=False`` ignores chinesecalendar (weekends plus the
    administrator's years only), for tests and for a bureau that wants to enter
    every year by hand.
    """

    def __init__(
        self,
        extra_years: Mapping[int, YearSchedule | Mapping[str, Iterable[date]]] | None = None,
        *,
        use_package: bool = True,
    ) -> None:
        self._extra: dict[int, YearSchedule] = {
            int(year): YearSchedule.coerce(int(year), value) for year, value in (extra_years or {}).items()
        }
        self._use_package = use_package
        self._package_version = package_version() if use_package else None
        # Administrator overrides by the date's own year (see module docstring).
        self._override: dict[int, dict[date, bool]] = {}
        for schedule in self._extra.values():
            for d in schedule.holidays:
                self._override.setdefault(d.year, {})[d] = False
            for d in schedule.workdays:
                self._override.setdefault(d.year, {})[d] = True
        self._tables: dict[int, _YearTable] = {}
        self.version = self._make_version()

    # -- identity -------------------------------------------------------------

    def _make_version(self) -> str:
        base = f"chinesecalendar-{self._package_version}" if self._package_version else "weekends-only"
        if not self._extra:
            return base
        canonical = {
            str(year): {
                "holidays": sorted(d.isoformat() for d in s.holidays),
                "workdays": sorted(d.isoformat() for d in s.workdays),
            }
            for year, s in sorted(self._extra.items())
        }
        digest = hashlib.sha256(
            json.dumps(canonical, sort_keys=True, separators=(",", ":")).encode("utf-8")
        ).hexdigest()
        return f"{base}+admin-{digest[:12]}"

    @property
    def administrator_years(self) -> tuple[int, ...]:
        """The years an administrator entered, ascending."""
        return tuple(sorted(self._extra))

    def __repr__(self) -> str:
        return f"LegalCalendar(version={self.version!r})"

    # -- tables ---------------------------------------------------------------

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._build(year)
            self._tables[year] = table
        return table

    def _build(self, year: int) -> _YearTable:
        if not 1 <= year <= 9999:
            raise OverflowError(f"year {year} is out of range")
        first_day = date(year, 1, 1)
        first = first_day.toordinal()
        days = 366 if _gregorian.isleap(year) else 365
        package = _package_year(year) if self._use_package else None
        if package is not None:
            flags = bytearray(package)
        else:
            # weekends only: Monday..Friday work (weekday() 0..4)
            flags = bytearray(1 if (first_day.weekday() + i) % 7 < 5 else 0 for i in range(days))
        for d, working in self._override.get(year, {}).items():
            flags[d.toordinal() - first] = 1 if working else 0
        working_ordinals = tuple(first + i for i in range(days) if flags[i])
        running = 0
        count_to = []
        for flag in flags:
            running += flag
            count_to.append(running)
        return _YearTable(
            first=first,
            flags=bytes(flags),
            working=working_ordinals,
            count_to=tuple(count_to),
            covered=package is not None or year in self._extra,
        )

    # -- questions --------------------------------------------------------------

    def has_schedule(self, year: int) -> bool:
        """Whether the year's holidays are known (package or administrator)."""
        return self._table(year).covered

    def missing_years(self, first: date, last: date) -> tuple[int, ...]:
        """The years between two dates (inclusive, either order) with no schedule."""
        lo, hi = sorted((first.year, last.year))
        return tuple(y for y in range(lo, hi + 1) if not self._table(y).covered)

    def is_working_day(self, d: date) -> bool:
        """Monday–Friday that is not a holiday, or a swapped working day."""
        table = self._tables.get(d.year)
        if table is None:
            table = self._table(d.year)
        return table.flags[d.toordinal() - table.first] == 1

    def is_rest_day(self, d: date) -> bool:
        """A weekend day that is not swapped, or a statutory holiday."""
        return not self.is_working_day(d)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        return self.add_working_days(d, 1)

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before ``d``."""
        return self.add_working_days(d, -1)

    def roll_forward(self, d: date) -> date:
        """``d`` if it is a working day, else the next working day (R2)."""
        return d if self.is_working_day(d) else self.next_working_day(d)

    def roll_backward(self, d: date) -> date:
        """``d`` if it is a working day, else the previous working day."""
        return d if self.is_working_day(d) else self.previous_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (``d`` itself not counted).

        ``n < 0`` counts backward: the |n|-th working day before ``d``.
        ``n == 0`` returns ``d`` unchanged, working day or not.
        """
        if n == 0:
            return d
        table = self._table(d.year)
        index = d.toordinal() - table.first
        year = d.year
        if n > 0:
            # working days of this year up to and including d
            seen = table.count_to[index]
            while True:
                target = seen + n - 1  # 0-based index into table.working
                if target < len(table.working):
                    return date.fromordinal(table.working[target])
                n -= len(table.working) - seen
                year += 1
                table = self._table(year)
                seen = 0
        wanted = -n
        before = table.count_to[index] - table.flags[index]  # working days strictly before d
        while True:
            target = before - wanted
            if target >= 0:
                return date.fromordinal(table.working[target])
            wanted -= before
            year -= 1
            table = self._table(year)
            before = len(table.working)

    def count_working_days(self, after: date, until: date) -> int:
        """Working days in the interval (after, until]: ``after`` excluded,
        ``until`` included; negative when ``until`` is before ``after``.
        (For Today's desk: "due within 3 working days".)"""
        if until < after:
            return -self.count_working_days(until, after)
        first = self._table(after.year)
        last = self._table(until.year)
        total = last.count_to[until.toordinal() - last.first] - first.count_to[after.toordinal() - first.first]
        for year in range(after.year, until.year):
            total += len(self._table(year).working)
        return total

    def working_days_in(self, year: int) -> tuple[date, ...]:
        """All working days of a year (for the 节假日 screen and reports)."""
        return tuple(date.fromordinal(o) for o in self._table(year).working)

    def rest_days_on_weekdays(self, year: int) -> tuple[date, ...]:
        """Monday–Friday rest days of a year (the statutory holidays that cost a working day)."""
        table = self._table(year)
        return tuple(
            date.fromordinal(table.first + i)
            for i, flag in enumerate(table.flags)
            if not flag and date.fromordinal(table.first + i).weekday() < 5
        )

    def describe_day(self, d: date) -> str:
        """A short Chinese label: 工作日, 休息日, 法定节假日 or 调休上班日."""
        weekend = d.weekday() >= 5
        if self.is_working_day(d):
            return "调休上班日" if weekend else "工作日"
        return "休息日" if weekend else "法定节假日"


@lru_cache(maxsize=1)
def default_calendar() -> LegalCalendar:
    """The package-only calendar (no administrator years), shared."""
    return LegalCalendar()


def schedule_from_rows(rows: Iterable[Mapping[str, Any]]) -> dict[int, YearSchedule]:
    """Build ``extra_years`` from stored rows ``{"year", "date", "kind"}`` where
    kind is ``HOLIDAY`` or ``WORKDAY_SWAP`` (DOMAIN B §1.2's table)."""
    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    for row in rows:
        year = int(row["year"])
        kind = str(row["kind"]).upper()
        day = row["date"]
        if kind == "HOLIDAY":
            holidays.setdefault(year, set()).add(day)
        elif kind == "WORKDAY_SWAP":
            workdays.setdefault(year, set()).add(day)
        else:
            raise UserError("calendar.bad_schedule", year=year, detail=kind)
    return {
        year: YearSchedule.coerce(year, {"holidays": holidays.get(year, set()), "workdays": workdays.get(year, set())})
        for year in sorted(set(holidays) | set(workdays))
    }
