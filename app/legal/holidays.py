"""The holiday schedules an administrator enters (系统管理 → 节假日), and the
calendar every deadline is computed on: the shipped data plus those years."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from threading import Lock

from sqlalchemy import func, select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.legal.calendar import LegalCalendar, default_calendar, schedule_from_rows
from app.legal.holiday_model import HOLIDAY, WORKDAY_SWAP, HolidayDay
from app.store.engine import Store


@dataclass(frozen=True)
class YearEntry:
    year: int
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]
    shipped: bool  # the shipped calendar (chinesecalendar) already knows the year
    # The days shown are the shipped calendar's own (nothing entered here for the year):
    # shown read-only, as the official schedule the program came with.
    from_shipped: bool = False


_cache: dict[str, tuple[tuple[int, object], LegalCalendar]] = {}
_cache_lock = Lock()


def calendar_for(store: Store) -> LegalCalendar:
    """The calendar of this database: shipped data plus the years entered here.

    Cached per database and rebuilt when the stored schedule changes (a count
    and the latest change, one cheap query)."""
    with store.read() as session:
        signature = tuple(session.execute(select(func.count(), func.max(HolidayDay.updated_at))).one())
        if signature[0] == 0:
            return default_calendar()
        with _cache_lock:
            cached = _cache.get(store.url)
            if cached is not None and cached[0] == signature:
                return cached[1]
        rows = session.execute(select(HolidayDay.year, HolidayDay.day, HolidayDay.kind)).all()
    calendar = LegalCalendar(schedule_from_rows({"year": r.year, "date": r.day, "kind": r.kind} for r in rows))
    with _cache_lock:
        _cache[store.url] = (signature, calendar)  # type: ignore[assignment]
    return calendar


def parse_dates(text: str) -> list[date]:
    """Dates one per line (or separated by commas/spaces), as 2027-01-01."""
    days = []
    for token in text.replace(",", " ").replace("，", " ").split():
        try:
            days.append(date.fromisoformat(token.strip()))
        except ValueError as exc:
            raise UserError("holiday.bad_date", value=token) from exc
    return days


def shipped_entry(year: int) -> YearEntry:
    """The shipped calendar's schedule of a year: the weekdays it rests on and the
    Saturdays and Sundays it works (a holiday on a weekend changes nothing, so is not listed)."""
    calendar = default_calendar()
    first, last = date(year, 1, 1), date(year, 12, 31)
    days = (first + timedelta(days=i) for i in range((last - first).days + 1))
    workdays = tuple(d for d in days if d.weekday() >= 5 and calendar.is_working_day(d))
    return YearEntry(year=year, holidays=calendar.rest_days_on_weekdays(year), workdays=workdays,
                     shipped=True, from_shipped=True)


class HolidayService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def year(self, year: int) -> YearEntry:
        with self.store.read() as session:
            rows = session.execute(
                select(HolidayDay.day, HolidayDay.kind).where(HolidayDay.year == year).order_by(HolidayDay.day)
            ).all()
        shipped = default_calendar().has_schedule(year)
        if not rows and shipped:
            return shipped_entry(year)
        return YearEntry(
            year=year,
            holidays=tuple(r.day for r in rows if r.kind == HOLIDAY),
            workdays=tuple(r.day for r in rows if r.kind == WORKDAY_SWAP),
            shipped=shipped,
        )

    def save_year(self, year: int, holidays: Iterable[date], workdays: Iterable[date]) -> YearEntry:
        """Replace the year's schedule (the State Council's notice) with these days."""
        holidays, workdays = sorted(set(holidays)), sorted(set(workdays))
        for day in (*holidays, *workdays):
            if not (date(year - 1, 12, 1) <= day <= date(year, 12, 31)):
                raise UserError("holiday.outside_year", day=day.isoformat(), year=year)
        for day in set(holidays) & set(workdays):
            raise UserError("holiday.both_kinds", day=day.isoformat())
        for day in workdays:
            if day.weekday() < 5:
                raise UserError("holiday.swap_not_weekend", day=day.isoformat())
        with UnitOfWork(self.store, self.actor, Permission.CALENDAR_EDIT) as uow:
            for old in uow.session.scalars(select(HolidayDay).where(HolidayDay.year == year)):
                uow.session.delete(old)
            uow.flush()
            uow.session.add_all(HolidayDay(year=year, day=d, kind=HOLIDAY) for d in holidays)
            uow.session.add_all(HolidayDay(year=year, day=d, kind=WORKDAY_SWAP) for d in workdays)
        return self.year(year)



