"""Study and training sessions, and exams (DOMAIN A3, B §7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base, TravellingRecord
from app.store.types import ScaledDecimal

HOURS = ScaledDecimal(1)  # 学时 in tenths: exact Decimal, never float
SCORE = ScaledDecimal(1)


class SessionKind(StrEnum):
    PARTY_GROUP = "party_group"  # 党组中心组学习
    BUREAU_WIDE = "bureau_wide"  # 全局集中学习
    PARTY_BRANCH = "party_branch"  # 党支部学习
    SPECIAL_TRAINING = "special_training"  # 专题培训
    LAW_POPULARISATION = "law_popularisation"  # 普法宣传活动
    OTHER = "other"


class TrainingSession(TravellingRecord, Base):
    __tablename__ = "training_session"
    __audited__ = True

    kind: Mapped[str] = mapped_column(String(32))
    held_on: Mapped[date]
    topic: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(100), default="")
    hours: Mapped[Decimal] = mapped_column(HOURS)
    on_rule_of_law: Mapped[bool] = mapped_column(Boolean, default=False)  # 专题学法

    attendances: Mapped[list[TrainingAttendance]] = relationship(
        back_populates="session", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_training_session_held_on_id", "held_on", "id"),)


class TrainingAttendance(TravellingRecord, Base):
    __tablename__ = "training_attendance"
    __audited__ = True

    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)

    session: Mapped[TrainingSession] = relationship(back_populates="attendances")

    __table_args__ = (UniqueConstraint("session_id", "officer_id"),)


class Exam(TravellingRecord, Base):
    __tablename__ = "exam"
    __audited__ = True

    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date]
    pass_mark: Mapped[Decimal] = mapped_column(SCORE)
    max_score: Mapped[Decimal] = mapped_column(SCORE, default=Decimal("100"))
    organiser: Mapped[str] = mapped_column(String(100), default="")

    results: Mapped[list[ExamResult]] = relationship(
        back_populates="exam", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_exam_held_on_id", "held_on", "id"),)


class ExamResult(TravellingRecord, Base):
    """One person's line on one exam: required? attended? score.  Passed is derived."""

    __tablename__ = "exam_result"
    __audited__ = True

    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), index=True)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[Decimal | None] = mapped_column(SCORE)
    absence_reason: Mapped[str | None] = mapped_column(Text)

    exam: Mapped[Exam] = relationship(back_populates="results")

    __table_args__ = (UniqueConstraint("exam_id", "officer_id"),)
