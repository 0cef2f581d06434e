"""The bureau's day is China's calendar day, whatever the computer's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app import clock


def test_after_four_pm_utc_it_is_already_tomorrow_at_the_bureau(monkeypatch) -> None:
    class FixedDateTime(datetime):
        @classmethod
        def now(cls, tz=None):
            moment = datetime(2026, 11, 29, 16, 30, tzinfo=UTC)
            return moment if tz is None else moment.astimezone(tz)

    monkeypatch.setattr(clock, "datetime", FixedDateTime)
    assert clock.bureau_today() == date(2026, 11, 30)
    assert clock.day_start(date(2026, 11, 30)).astimezone(UTC) == datetime(2026, 11, 29, 16, 0, tzinfo=UTC)
    assert clock.local_time(datetime(2026, 11, 29, 16, 30, tzinfo=UTC)).hour == 0
