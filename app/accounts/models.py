"""Login accounts and their roles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, TravellingRecord


class User(TravellingRecord, Base):
    __tablename__ = "app_user"
    __audited__ = True
    # Never written into an audit entry's old/new values (still covered by the digest).
    __audit_redacted__ = frozenset({"password_hash"})

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    # Role codes, comma-separated and sorted, so a change shows as old → new in the audit.
    roles: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)
