"""The State Council's holiday schedule for years the shipped calendar lacks (DOMAIN A1)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord

HOLIDAY = "HOLIDAY"  # 法定节假日 (a rest day)
WORKDAY_SWAP = "WORKDAY_SWAP"  # 调休上班日 (a Saturday or Sunday worked)


class HolidayDay(TravellingRecord, Base):
    __tablename__ = "holiday_day"
    __audited__ = True

    year: Mapped[int] = mapped_column(index=True)  # the schedule's year (its notice may reach into December before)
    day: Mapped[date] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(16))
