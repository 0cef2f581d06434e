"""培训考试: the year — the 学时 target and 合格率 basis settings, hours per person,
sessions by kind and the exams pooled (the yearly report reads these).

Hours per person per year are summed from attendance and compared with the
target kept in the audited setting `training_hours_target` (default 40 学时).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.settings import SettingsService, read_setting
from app.staff.models import Officer
from app.training.exams import TrainingExams
from app.training.fields import one_place, parse_decimal
from app.training.figures import (
    HOURS_TARGET_KEY,
    PASS_BASES,
    PASS_BASIS_KEY,
    TENTH,
    ExamTally,
    in_year,
    read_basis,
    read_target,
)
from app.training.models import SessionKind, TrainingAttendance, TrainingSession
from app.training.rows import KindCount, PersonHours, YearSummary


class TrainingYear(TrainingExams):
    """The year's settings and figures (TrainingService); the pooled exams come from the exam list."""

    # ---------------------------------------------------------------- settings
    def hours_target(self) -> Decimal:
        """The yearly 学时 target per person (setting `training.hours_target`, default 40)."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return read_target(session)

    def set_hours_target(self, value: Any) -> Decimal:
        target = parse_decimal(value, "hours_target", "training.hours_invalid")
        if target <= 0 or target > 1000:
            raise UserError("training.target_range", field="hours_target", value=str(target))
        target = one_place(target, "hours_target", "training.hours_one_decimal")
        SettingsService(self.store, self.actor).set(HOURS_TARGET_KEY, str(target), Permission.TRAINING_EDIT)
        return target

    def pass_rate_basis(self) -> str:
        """"attended" (合格率 = passed / attended, the default) or "required"."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return read_basis(session)

    def set_pass_rate_basis(self, basis: str) -> str:
        if basis not in PASS_BASES:
            raise UserError("training.pass_basis_unknown", field="pass_basis", value=basis)
        SettingsService(self.store, self.actor).set(PASS_BASIS_KEY, basis, Permission.TRAINING_EDIT)
        return basis

    def bureau_name(self) -> str:
        """The bureau's name (organisation settings): the heading of the year's summary."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return str((read_setting(session, "organisation") or {}).get("bureau", ""))

    # ---------------------------------------------------------------- the year
    def hours_by_person(self, year: int) -> list[PersonHours]:
        """Each person's 学时 in `year`: everyone on the roster, and anyone who attended
        that year and has since left; by name."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _hours_by_person(session, year, read_target(session))

    def sessions_by_kind(self, year: int) -> list[KindCount]:
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _sessions_by_kind(session, year)

    def exam_totals(self, year: int) -> ExamTally:
        """The year's exams pooled: the yearly 参考率 and 合格率 come from this tally."""
        query = self.exams(year=year)
        with self.store.read() as session:
            basis = read_basis(session)
        return sum((e.tally for e in query.page(0, max(query.count(), 1))), ExamTally(basis=basis))

    def year_summary(self, year: int) -> YearSummary:
        self.actor.require(Permission.TRAINING_VIEW)
        query = self.exams(year=year, descending=False)
        exams = tuple(query.page(0, max(query.count(), 1)))
        with self.store.read() as session:
            target = read_target(session)
            persons = tuple(_hours_by_person(session, year, target))
            by_kind = tuple(_sessions_by_kind(session, year))
            basis = read_basis(session)
        totals = sum((e.tally for e in exams), ExamTally(basis=basis))
        return YearSummary(year=year, by_kind=by_kind, hours_target=target, persons=persons, exams=exams,
                           exam_totals=totals)


def _hours_by_person(session: Session, year: int, target: Decimal) -> list[PersonHours]:
    of_year = in_year(TrainingSession.held_on, year)
    totals: dict[int, tuple[Decimal, int]] = {}
    rows = session.execute(
        select(TrainingAttendance.officer_id, TrainingSession.hours)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(of_year)
    )
    for officer_id, hours in rows:
        total, count = totals.get(officer_id, (Decimal("0.0"), 0))
        totals[officer_id] = (total + hours, count + 1)
    officers = session.execute(
        select(Officer.id, Officer.name, Officer.unit, Officer.section)
        .where(or_(Officer.on_roster.is_(True), Officer.id.in_(list(totals) or [-1])))
        .order_by(Officer.name_sort, Officer.id)
    )
    result = []
    for officer in officers:
        hours, count = totals.get(officer.id, (Decimal("0.0"), 0))
        result.append(PersonHours(officer.id, officer.name, officer.unit or "", officer.section or "",
                                  hours.quantize(TENTH), count, target))
    return result


def _sessions_by_kind(session: Session, year: int) -> list[KindCount]:
    counts: dict[str, list[Any]] = {k.value: [0, 0, Decimal("0.0")] for k in SessionKind}
    rows = session.execute(
        select(TrainingSession.kind, TrainingSession.on_rule_of_law, TrainingSession.hours).where(
            in_year(TrainingSession.held_on, year)
        )
    )
    for kind, rule_of_law, hours in rows:
        entry = counts.setdefault(kind, [0, 0, Decimal("0.0")])
        entry[0] += 1
        entry[1] += bool(rule_of_law)
        entry[2] += hours
    return [KindCount(kind, n, r, h.quantize(TENTH)) for kind, (n, r, h) in counts.items()]
