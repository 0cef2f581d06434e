"""The bureau's clock: dates are the bureau's calendar days (China Standard Time).

Timestamps are stored in UTC and shown in China time; a date a clerk sees or
types ("today", "overdue", a date filter) is a day in China, whatever time
zone the computer is set to.  China has no daylight saving time, so a fixed
UTC+8 offset is exact and needs no time-zone database (Windows has none).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

BUREAU_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


def bureau_now() -> datetime:
    return datetime.now(UTC).astimezone(BUREAU_TZ)


def bureau_today() -> date:
    return bureau_now().date()


def local_time(moment: datetime) -> datetime:
    """A stored UTC time as the bureau's wall-clock time."""
    return moment.astimezone(BUREAU_TZ)


def day_start(day: date) -> datetime:
    """The first instant of a bureau calendar day (for filtering UTC time stamps)."""
    return datetime.combine(day, time.min, tzinfo=BUREAU_TZ)
