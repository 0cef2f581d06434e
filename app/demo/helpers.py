"""The demo district's helpers: the empty-database check, an exact split of a total,
the year's weighted intake days, and the relaxed durability while the demo writes."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event, func, select

from app.legal.calendar import LegalCalendar
from app.store.engine import Store


def database_is_empty(store: Store) -> bool:
    """True when no table holds a row (the audit chain's head and key aside)."""
    import app.models  # noqa: F401  (every table in the metadata)
    from app.store.base import Base

    with store.read() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("audit_head", "audit_key"):  # made by the schema itself
                continue
            if session.execute(select(func.count()).select_from(table)).scalar():
                return False
    return True


def split_total(total: int, weights: Sequence[float], *, unit: int = 100, minimum: int = 100) -> list[int]:
    """`total` split in proportion to `weights`: each part at least `minimum` and a
    multiple of `unit` above it, the last remainder on the largest part; sums exactly."""
    n = len(weights)
    if n == 0:
        return []
    if n * minimum > total:
        raise ValueError("the total is too small for so many parts")
    factor = (total - n * minimum) / sum(weights)
    parts = [minimum + int(w * factor) // unit * unit for w in weights]
    diff = total - sum(parts)
    order = sorted(range(n), key=lambda i: -weights[i])
    k = 0
    while diff >= unit:
        parts[order[k % n]] += unit
        diff -= unit
        k += 1
    parts[order[0]] += diff
    return parts


class Days:
    """Dates of the year: intake weighted by season, with the Spring Festival and
    National Day lulls (statutory rest days get nothing, the days around them little)."""

    def __init__(self, year: int, rng: random.Random, calendar: LegalCalendar) -> None:
        self.year = year
        self.rng = rng
        self.cal = calendar
        self.first = date(year, 1, 1)
        self.last = date(year, 12, 31)
        self.last_working = calendar.roll_backward(self.last)
        month_factor = {1: 1.5, 2: 0.8, 3: 1.0, 4: 0.95, 5: 0.9, 6: 1.0, 7: 1.0, 8: 1.0, 9: 1.05, 10: 0.7,
                        11: 1.2, 12: 1.45}
        holidays = set(calendar.rest_days_on_weekdays(year))
        days: list[date] = []
        weights: list[float] = []
        d = self.first
        while d <= self.last:
            near_holiday = any(abs((d - h).days) <= 2 for h in holidays)
            if d in holidays or (near_holiday and not calendar.is_working_day(d)):
                w = 0.0  # the holiday itself, weekend days included
            elif calendar.is_working_day(d):
                w = 1.0
            else:
                w = 0.12  # online and 12345 leads still come in at weekends
            if w and any(abs((d - h).days) <= 3 for h in holidays):
                w *= 0.5  # just before and after a long holiday
            days.append(d)
            weights.append(w * month_factor[d.month])
            d += timedelta(days=1)
        self._days = days
        self._weights = weights
        self._cum: list[float] = []
        acc = 0.0
        for w in weights:
            acc += w
            self._cum.append(acc)

    def intake(self, *, earliest: date | None = None, latest: date | None = None) -> date:
        """A day something came in (weighted), within [earliest, latest]."""
        lo = (earliest or self.first) - self.first
        hi = (latest or self.last) - self.first
        lo_i, hi_i = lo.days, max(lo.days, hi.days)
        base = self._cum[lo_i - 1] if lo_i > 0 else 0.0
        top = self._cum[hi_i]
        if top <= base:
            return self.cal.roll_forward(earliest or self.first)
        x = base + self.rng.random() * (top - base)
        # bisect
        a, b = lo_i, hi_i
        while a < b:
            m = (a + b) // 2
            if self._cum[m] < x:
                a = m + 1
            else:
                b = m
        return self._days[a]

    def working_after(self, d: date, low: int, high: int) -> date:
        """A working day `low`..`high` working days after `d` (0 = d itself, rolled forward)."""
        n = self.rng.randint(low, high)
        start = self.cal.roll_forward(d)
        return start if n == 0 else self.cal.add_working_days(start, n)

    def capped(self, d: date) -> date:
        return min(d, self.last_working)


def relax_durability(store: Store) -> Callable[[], None]:
    """WAL with synchronous=NORMAL while the demo writes (commits are not fsynced one
    by one; the database stays consistent, only the last moments could be lost on a
    power cut — acceptable for demo data).  Returns the function that restores FULL."""
    engine = store.engine
    if engine.dialect.name != "sqlite":
        return lambda: None

    def relaxed(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(engine, "connect", relaxed)
    engine.dispose()

    def restore() -> None:
        event.remove(engine, "connect", relaxed)
        engine.dispose()

    return restore
