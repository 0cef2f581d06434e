"""培训考试: the rows lists, forms, documents and the yearly figures show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.legal.rates import format_percent, percent
from app.training.figures import (
    ExamTally,
    average_hours,
    participation_rate,
    pass_rate,
)
from app.training.models import SessionKind


@dataclass(frozen=True)
class SessionRow:
    id: int
    version: int
    kind: str
    held_on: date
    topic: str
    organiser: str
    hours: Decimal
    on_rule_of_law: bool
    attendee_count: int


@dataclass(frozen=True)
class SessionDetail:
    session: SessionRow
    attendee_ids: tuple[int, ...]


@dataclass(frozen=True)
class ResultRow:
    officer_id: int
    officer_name: str
    required: bool
    attended: bool
    score: Decimal | None
    absence_reason: str
    passed: bool


@dataclass(frozen=True)
class ExamRow:
    id: int
    version: int
    title: str
    held_on: date
    pass_mark: Decimal
    max_score: Decimal
    organiser: str
    tally: ExamTally

    @property
    def participation_rate(self) -> Decimal | None:
        return participation_rate(self.tally)

    @property
    def pass_rate(self) -> Decimal | None:
        return pass_rate(self.tally)


@dataclass(frozen=True)
class ExamDetail:
    exam: ExamRow
    results: tuple[ResultRow, ...]


@dataclass(frozen=True)
class PersonHours:
    officer_id: int
    name: str
    unit: str
    section: str
    hours: Decimal
    sessions: int
    target: Decimal

    @property
    def meets_target(self) -> bool:
        return self.hours >= self.target

    @property
    def behind_by(self) -> Decimal:
        return max(Decimal(0), self.target - self.hours)


@dataclass(frozen=True)
class KindCount:
    kind: str
    sessions: int
    rule_of_law: int  # of which 学法 (on_rule_of_law)
    hours: Decimal  # the sessions' hours added up


@dataclass(frozen=True)
class YearSummary:
    """The year's training figures: what the screen, the exports and the yearly report show."""

    year: int
    by_kind: tuple[KindCount, ...]  # every kind, in SessionKind order
    hours_target: Decimal
    persons: tuple[PersonHours, ...]  # by name
    exams: tuple[ExamRow, ...]  # by date
    exam_totals: ExamTally = field(default_factory=ExamTally)

    @property
    def sessions_total(self) -> int:
        return sum(k.sessions for k in self.by_kind)

    def sessions_of(self, kind: SessionKind | str) -> int:
        return next((k.sessions for k in self.by_kind if k.kind == SessionKind(kind).value), 0)

    @property
    def total_person_hours(self) -> Decimal:
        return sum((p.hours for p in self.persons), Decimal("0.0"))

    @property
    def average_hours(self) -> Decimal | None:
        return average_hours(self.total_person_hours, len(self.persons))

    @property
    def persons_meeting_target(self) -> int:
        return sum(1 for p in self.persons if p.meets_target)

    @property
    def hours_completion_rate(self) -> Decimal | None:
        """Persons meeting the hours target / persons (DOMAIN B §7)."""
        return percent(self.persons_meeting_target, len(self.persons))

    @property
    def participation_rate(self) -> Decimal | None:
        return participation_rate(self.exam_totals)

    @property
    def pass_rate(self) -> Decimal | None:
        return pass_rate(self.exam_totals)

    def participation_text(self) -> str:
        return format_percent(self.participation_rate)

    def pass_text(self) -> str:
        return format_percent(self.pass_rate)
