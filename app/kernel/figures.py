"""An area's part of the year's figures (issue 12: "each area holds its yearly figures").

An area that counts something for the yearly rule-of-law report declares, in its
AreaSpec, `figures="app.<area>.<module>:FIGURES"`: an `AreaFigures` holding

- `compute(request) -> dict`: the area's figures over `request.period` (a calendar
  year or any date range, by the date of each record's own event), plus its
  per-month series under "monthly".  The report places the installed areas' parts;
  any other area's part goes into the JSON as it is, so it holds JSON values;
- `definitions`: figure key -> the 说明 text (PDF footnotes, the Excel 说明 sheet,
  the screen's tooltips);
- `labels`: a name -> {value: Chinese label}, e.g. the closure methods.

app/reports/yearly.py gathers the parts by iterating the area registry; it names
no area.  `Period`, `by_month` and `count_by_day` are the shared pieces the areas'
period queries use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.store.engine import Store


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_calendar_year(self) -> bool:
        return (self.first.month, self.first.day, self.last.month, self.last.day) == (1, 1, 12, 31) and (
            self.first.year == self.last.year)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out = []
        y, m = self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def day_before(self) -> date:
        return date.fromordinal(self.first.toordinal() - 1)


def by_month(pairs: Iterable[tuple[date, Any]], period: Period) -> list[int]:
    """Sum (day, value) pairs into the period's months (one SQL GROUP BY day, bucketed here:
    portable across SQLite and PostgreSQL, at most a few hundred groups)."""
    keys = period.months()
    index = {k: i for i, k in enumerate(keys)}
    out = [0] * len(keys)
    for day, value in pairs:
        if day is None:
            continue
        i = index.get((day.year, day.month))
        if i is not None:
            out[i] += int(value or 0)
    return out


def count_by_day(session: Session, column: Any, period: Period, *where: Any) -> list[tuple[date, int]]:
    return [
        (d, int(n))
        for d, n in session.execute(
            select(column, func.count()).where(column.between(period.first, period.last), *where).group_by(column)
        )
    ]


@dataclass(frozen=True)
class FiguresRequest:
    """What an area's figures are asked for: the period (and the year it is reported under), read by
    `reader` (read-only leadership: every area's VIEW permission) from `store`."""

    store: Store
    reader: Actor
    year: int
    period: Period

    @property
    def whole_year(self) -> bool:
        """The calendar year `year` itself: the area services' own year functions answer it."""
        return self.period.is_calendar_year and self.period.first.year == self.year


@dataclass(frozen=True)
class AreaFigures:
    compute: Callable[[FiguresRequest], Mapping[str, Any]]
    definitions: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
