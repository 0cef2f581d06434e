"""Settings an administrator may change (kept in the database, audited)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class Setting(TravellingRecord, Base):
    __tablename__ = "setting"
    __audited__ = True

    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
