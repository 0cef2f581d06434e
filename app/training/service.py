"""培训考试: study and training sessions, exams, and the year's figures (DOMAIN A3, B §7).

The rates are computed HERE and only here — screens, exports and the yearly
report all call these functions:

- `participation_rate(tally)` 参考率 = attended (of those required) / required;
- `pass_rate(tally)` 合格率 = passed / attended;
- both `Decimal` with two places, half-up (app.legal.rates.percent), and None
  — shown as "—" — when the denominator is 0 (no one required / no one sat).

A result is passed when the person attended and the score reaches the pass
mark (`result_passed`); passing is never stored.  Hours per person per year
are summed from attendance and compared with the target kept in the audited
setting `training_hours_target` (default 40 学时, app/kernel/settings.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.settings import SettingsService, read_setting
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.rates import format_percent, percent
from app.staff.models import Officer
from app.store.engine import Store
from app.store.types import utc_now
from app.training.models import (
    Exam,
    ExamResult,
    SessionKind,
    TrainingAttendance,
    TrainingSession,
)

HOURS_TARGET_KEY = "training_hours_target"  # app/kernel/settings.py holds its default
# 合格率's denominator (DOMAIN B §7: "some reports use passed / required; make this configurable").
PASS_BASIS_KEY = "training_pass_rate_basis"
PASS_BASIS_ATTENDED = "attended"  # 合格率 = passed / attended (the default)
PASS_BASIS_REQUIRED = "required"  # 合格率 = passed among those required / required
PASS_BASES = (PASS_BASIS_ATTENDED, PASS_BASIS_REQUIRED)
DEFAULT_HOURS_TARGET = Decimal("40")
MAX_SESSION_HOURS = Decimal("200")
TENTH = Decimal("0.1")
TOPIC_LIMIT = 200
TEXT_LIMIT = 100
SORTABLE = ("held_on", "id")

SESSION_KIND_LABELS_ZH: dict[str, str] = {
    SessionKind.PARTY_GROUP.value: "党组中心组学习",
    SessionKind.BUREAU_WIDE.value: "全局集中学习",
    SessionKind.PARTY_BRANCH.value: "党支部学习",
    SessionKind.SPECIAL_TRAINING.value: "专题培训",
    SessionKind.LAW_POPULARISATION.value: "普法宣传活动",
    SessionKind.OTHER.value: "其他",
}


# ---------------------------------------------------------------- the rates
def result_passed(attended: bool, score: Decimal | None, pass_mark: Decimal) -> bool:
    return bool(attended) and score is not None and Decimal(score) >= Decimal(pass_mark)


@dataclass(frozen=True)
class ExamTally:
    """The counts the two exam rates come from (one exam, or a year of them)."""

    required: int = 0  # 应参考
    attended_required: int = 0  # 应参考人员中实际参考
    attended: int = 0  # 实际参考 (all who sat)
    passed: int = 0  # 合格 (of those who sat)
    passed_required: int = 0  # 应参考人员中合格
    basis: str = PASS_BASIS_ATTENDED  # the 合格率 denominator in force (setting)

    def __add__(self, other: ExamTally) -> ExamTally:
        return ExamTally(
            self.required + other.required,
            self.attended_required + other.attended_required,
            self.attended + other.attended,
            self.passed + other.passed,
            self.passed_required + other.passed_required,
            self.basis,
        )

    @property
    def participation_rate(self) -> Decimal | None:
        return participation_rate(self)

    @property
    def pass_rate(self) -> Decimal | None:
        return pass_rate(self)


def participation_rate(tally: ExamTally) -> Decimal | None:
    """参考率 = attended / required × 100 (None when no one was required)."""
    return percent(tally.attended_required, tally.required)


def pass_rate(tally: ExamTally) -> Decimal | None:
    """合格率 = passed / attended × 100 (None when no one sat the exam); with the
    "required" basis, passed among those required / required."""
    if tally.basis == PASS_BASIS_REQUIRED:
        return percent(tally.passed_required, tally.required)
    return percent(tally.passed, tally.attended)


def tally_results(results: Iterable[Any], pass_mark: Decimal, basis: str = PASS_BASIS_ATTENDED) -> ExamTally:
    """Count results (objects or mappings with required/attended/score) against a pass mark."""
    required = attended_required = attended = passed = passed_required = 0
    for r in results:
        get = r.get if isinstance(r, Mapping) else (lambda name, _r=r: getattr(_r, name))
        is_required, sat, score = bool(get("required")), bool(get("attended")), get("score")
        required += is_required
        attended += sat
        attended_required += is_required and sat
        ok = result_passed(sat, score, pass_mark)
        passed += ok
        passed_required += is_required and ok
    return ExamTally(required, attended_required, attended, passed, passed_required, basis)


def format_number(value: Decimal | None) -> str:
    """A score or hours as people write them: 100, 59.5 (never 100.0)."""
    if value is None:
        return ""
    value = Decimal(value)
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


def average_hours(total: Decimal, persons: int) -> Decimal | None:
    """人均学时, one decimal, half-up; None without persons."""
    if not persons:
        return None
    return (Decimal(total) / persons).quantize(TENTH, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- rows
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


# ---------------------------------------------------------------- validation
def _decimal(value: Any, name: str, code: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise UserError(code, field=name, value=value) from exc
    if not number.is_finite():
        raise UserError(code, field=name, value=value)
    return number


def _one_place(value: Decimal, name: str, code: str) -> Decimal:
    if value != value.quantize(TENTH):
        raise UserError(code, field=name, value=str(value))
    return value.quantize(TENTH)


def _text(fields: Mapping[str, Any], name: str, limit: int = TEXT_LIMIT) -> str:
    value = " ".join(str(fields.get(name) or "").split())
    if len(value) > limit:
        raise UserError("training.text_too_long", field=name, limit=limit)
    return value


def _held_on(fields: Mapping[str, Any]) -> date:
    value = fields.get("held_on")
    if isinstance(value, date):
        return value
    if not value:
        raise UserError("training.date_required", field="held_on")
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise UserError("training.bad_date", field="held_on", value=value) from exc


def clean_hours(value: Any) -> Decimal:
    """学时: more than 0, at most one decimal place."""
    if value in (None, ""):
        raise UserError("training.hours_required", field="hours")
    hours = _decimal(value, "hours", "training.hours_invalid")
    if hours <= 0 or hours > MAX_SESSION_HOURS:
        raise UserError("training.hours_range", field="hours", value=str(hours), maximum=str(MAX_SESSION_HOURS))
    return _one_place(hours, "hours", "training.hours_one_decimal")


_SESSION_FIELDS = ("kind", "held_on", "topic", "organiser", "hours", "on_rule_of_law")


def clean_session(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_SESSION_FIELDS)
    if unknown:
        raise ValueError(f"unknown session fields: {sorted(unknown)}")
    kind = fields.get("kind") or ""
    try:
        kind = SessionKind(kind).value
    except ValueError as exc:
        raise UserError("training.kind_unknown", field="kind", value=kind) from exc
    topic = _text(fields, "topic", TOPIC_LIMIT)
    if not topic:
        raise UserError("training.topic_required", field="topic")
    return {
        "kind": kind,
        "held_on": _held_on(fields),
        "topic": topic,
        "organiser": _text(fields, "organiser"),
        "hours": clean_hours(fields.get("hours")),
        "on_rule_of_law": bool(fields.get("on_rule_of_law")),
    }


_EXAM_FIELDS = ("title", "held_on", "pass_mark", "max_score", "organiser")


def clean_exam(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_EXAM_FIELDS)
    if unknown:
        raise ValueError(f"unknown exam fields: {sorted(unknown)}")
    title = _text(fields, "title", TOPIC_LIMIT)
    if not title:
        raise UserError("training.title_required", field="title")
    raw_max = fields.get("max_score")
    max_score = _decimal(100 if raw_max in (None, "") else raw_max, "max_score", "training.score_invalid")
    if max_score <= 0 or max_score > 1000:
        raise UserError("training.max_score_range", field="max_score", value=str(max_score))
    max_score = _one_place(max_score, "max_score", "training.score_one_decimal")
    if fields.get("pass_mark") in (None, ""):
        raise UserError("training.pass_mark_required", field="pass_mark")
    pass_mark = _one_place(_decimal(fields.get("pass_mark"), "pass_mark", "training.score_invalid"),
                           "pass_mark", "training.score_one_decimal")
    if pass_mark < 0:
        raise UserError("training.score_negative", field="pass_mark", value=str(pass_mark))
    if pass_mark > max_score:
        raise UserError("training.pass_mark_above_max", field="pass_mark", pass_mark=format_number(pass_mark),
                        max_score=format_number(max_score))
    return {
        "title": title,
        "held_on": _held_on(fields),
        "pass_mark": pass_mark,
        "max_score": max_score,
        "organiser": _text(fields, "organiser"),
    }


def clean_result(result: Mapping[str, Any], max_score: Decimal, name: str) -> dict[str, Any]:
    """One person's line: a score needs attendance and lies in 0..max; a reason only for absence."""
    attended = bool(result.get("attended"))
    required = bool(result.get("required", True))
    raw = result.get("score")
    score: Decimal | None = None
    if raw not in (None, ""):
        score = _one_place(_decimal(raw, "score", "training.score_invalid"), "score", "training.score_one_decimal")
        if score < 0:
            raise UserError("training.score_negative", field="score", name=name, value=str(score))
        if score > max_score:
            raise UserError("training.score_above_max", field="score", name=name, score=format_number(score),
                            max_score=format_number(max_score))
        if not attended:
            raise UserError("training.score_without_attendance", field="score", name=name)
    reason = str(result.get("absence_reason") or "").strip()
    return {
        "officer_id": int(result["officer_id"]),
        "required": required,
        "attended": attended,
        "score": score,
        "absence_reason": (reason or None) if not attended else None,
    }


# ---------------------------------------------------------------- queries
_ATTENDEE_COUNT = (
    select(func.count(TrainingAttendance.id))
    .where(TrainingAttendance.session_id == TrainingSession.id)
    .correlate(TrainingSession)
    .scalar_subquery()
)


def _session_row(values: Any) -> SessionRow:
    return SessionRow(
        id=values.id,
        version=values.version,
        kind=values.kind,
        held_on=values.held_on,
        topic=values.topic,
        organiser=values.organiser or "",
        hours=values.hours,
        on_rule_of_law=bool(values.on_rule_of_law),
        attendee_count=int(values.attendee_count or 0),
    )


def _count_results(*conditions: Any) -> Any:
    return (
        select(func.count(ExamResult.id))
        .where(ExamResult.exam_id == Exam.id, *conditions)
        .correlate(Exam)
        .scalar_subquery()
    )


# passed = attended and score >= pass mark (both stored in tenths: the integers compare exactly)
_EXAM_COUNTS = (
    _count_results(ExamResult.required.is_(True)).label("n_required"),
    _count_results(ExamResult.required.is_(True), ExamResult.attended.is_(True)).label("n_attended_required"),
    _count_results(ExamResult.attended.is_(True)).label("n_attended"),
    _count_results(
        ExamResult.attended.is_(True), ExamResult.score.is_not(None), ExamResult.score >= Exam.pass_mark
    ).label("n_passed"),
    _count_results(
        ExamResult.required.is_(True), ExamResult.attended.is_(True), ExamResult.score.is_not(None),
        ExamResult.score >= Exam.pass_mark,
    ).label("n_passed_required"),
)


def _exam_row(values: Any, basis: str = PASS_BASIS_ATTENDED) -> ExamRow:
    return ExamRow(
        id=values.id,
        version=values.version,
        title=values.title,
        held_on=values.held_on,
        pass_mark=values.pass_mark,
        max_score=values.max_score,
        organiser=values.organiser or "",
        tally=ExamTally(
            int(values.n_required or 0),
            int(values.n_attended_required or 0),
            int(values.n_attended or 0),
            int(values.n_passed or 0),
            int(values.n_passed_required or 0),
            basis,
        ),
    )


def _in_year(column: Any, year: int | None) -> Any:
    if year is None:
        return None
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


# ---------------------------------------------------------------- the service
class TrainingService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # ---------------------------------------------------------------- settings
    def hours_target(self) -> Decimal:
        """The yearly 学时 target per person (setting `training.hours_target`, default 40)."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _read_target(session)

    def set_hours_target(self, value: Any) -> Decimal:
        target = _decimal(value, "hours_target", "training.hours_invalid")
        if target <= 0 or target > 1000:
            raise UserError("training.target_range", field="hours_target", value=str(target))
        target = _one_place(target, "hours_target", "training.hours_one_decimal")
        SettingsService(self.store, self.actor).set(HOURS_TARGET_KEY, str(target), Permission.TRAINING_EDIT)
        return target

    def pass_rate_basis(self) -> str:
        """"attended" (合格率 = passed / attended, the default) or "required"."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _read_basis(session)

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

    # ---------------------------------------------------------------- sessions
    def sessions(
        self,
        *,
        year: int | None = None,
        kind: str | None = None,
        text: str = "",
        sort: str = "held_on",
        descending: bool = True,
    ) -> PagedQuery[SessionRow]:
        self.actor.require(Permission.TRAINING_VIEW)
        statement = select(
            TrainingSession.id,
            TrainingSession.version,
            TrainingSession.kind,
            TrainingSession.held_on,
            TrainingSession.topic,
            TrainingSession.organiser,
            TrainingSession.hours,
            TrainingSession.on_rule_of_law,
            _ATTENDEE_COUNT.label("attendee_count"),
        )
        if year is not None:
            statement = statement.where(_in_year(TrainingSession.held_on, year))
        if kind:
            statement = statement.where(TrainingSession.kind == SessionKind(kind).value)
        term = " ".join(text.split())
        if term:
            statement = statement.where(
                or_(TrainingSession.topic.contains(term, autoescape=True),
                    TrainingSession.organiser.contains(term, autoescape=True))
            )
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort sessions by {sort}")
        columns = [TrainingSession.held_on, TrainingSession.id] if sort == "held_on" else [TrainingSession.id]
        return PagedQuery(self.store, statement, SortSpec(columns, descending), _session_row)

    def get_session(self, session_id: int) -> SessionDetail:
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            record = session.get(TrainingSession, session_id)
            if record is None:
                raise UserError("training.session_not_found")
            ids = tuple(sorted(a.officer_id for a in record.attendances))
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser or "", record.hours, bool(record.on_rule_of_law), len(ids))
            return SessionDetail(row, ids)

    def create_session(self, fields: Mapping[str, Any], attendee_ids: Iterable[int]) -> SessionRow:
        cleaned = clean_session(fields)
        wanted = _unique_ids(attendee_ids)
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            _check_on_roster(uow.session, wanted)
            record = TrainingSession(**cleaned)
            record.attendances = [TrainingAttendance(officer_id=i) for i in wanted]
            uow.session.add(record)
            uow.flush()
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser, record.hours, record.on_rule_of_law, len(wanted))
        return row

    def update_session(
        self,
        session_id: int,
        version: int,
        changes: Mapping[str, Any],
        attendee_ids: Iterable[int] | None = None,
    ) -> SessionRow:
        """Apply the changed fields; with `attendee_ids`, make them the attendees.  People
        already recorded stay allowed even if they have since left the roster."""
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            record = uow.session.get(TrainingSession, session_id)
            if record is None:
                raise UserError("training.session_not_found")
            if record.version != version:
                raise changed_elsewhere(uow.session, record)
            merged = {name: getattr(record, name) for name in _SESSION_FIELDS}
            merged.update(changes)
            cleaned = clean_session(merged)
            changed = False
            for name, value in cleaned.items():
                if getattr(record, name) != value:
                    setattr(record, name, value)
                    changed = True
            if attendee_ids is not None:
                wanted = _unique_ids(attendee_ids)
                current = {a.officer_id: a for a in record.attendances}
                _check_on_roster(uow.session, [i for i in wanted if i not in current])
                keep = set(wanted)
                for officer_id, attendance in current.items():
                    if officer_id not in keep:
                        record.attendances.remove(attendance)
                        changed = True
                for officer_id in wanted:
                    if officer_id not in current:
                        record.attendances.append(TrainingAttendance(officer_id=officer_id))
                        changed = True
            if changed:
                record.updated_at = utc_now()  # an attendee-only change bumps the version too
            uow.flush()
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser, record.hours, record.on_rule_of_law, len(record.attendances))
        return row

    def delete_session(self, session_id: int) -> None:
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            record = uow.session.get(TrainingSession, session_id)
            if record is None:
                raise UserError("training.session_not_found")
            uow.session.delete(record)

    # ---------------------------------------------------------------- exams
    def exams(self, *, year: int | None = None, text: str = "", sort: str = "held_on",
              descending: bool = True) -> PagedQuery[ExamRow]:
        self.actor.require(Permission.TRAINING_VIEW)
        statement = select(
            Exam.id, Exam.version, Exam.title, Exam.held_on, Exam.pass_mark, Exam.max_score, Exam.organiser,
            *_EXAM_COUNTS,
        )
        if year is not None:
            statement = statement.where(_in_year(Exam.held_on, year))
        term = " ".join(text.split())
        if term:
            statement = statement.where(Exam.title.contains(term, autoescape=True))
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort exams by {sort}")
        columns = [Exam.held_on, Exam.id] if sort == "held_on" else [Exam.id]
        with self.store.read() as session:
            basis = _read_basis(session)
        return PagedQuery(self.store, statement, SortSpec(columns, descending),
                          lambda values: _exam_row(values, basis))

    def get_exam(self, exam_id: int) -> ExamDetail:
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            exam = session.get(Exam, exam_id)
            if exam is None:
                raise UserError("training.exam_not_found")
            return _exam_detail(session, exam)

    def create_exam(self, fields: Mapping[str, Any], results: Iterable[Mapping[str, Any]]) -> ExamDetail:
        cleaned = clean_exam(fields)
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            lines = _clean_results(uow.session, results, cleaned["max_score"], existing=set())
            exam = Exam(**cleaned)
            exam.results = [ExamResult(**line) for line in lines]
            uow.session.add(exam)
            uow.flush()
            detail = _exam_detail(uow.session, exam)
        return detail

    def update_exam(
        self,
        exam_id: int,
        version: int,
        changes: Mapping[str, Any],
        results: Iterable[Mapping[str, Any]] | None = None,
    ) -> ExamDetail:
        """Apply the changed fields; with `results`, they replace the results grid."""
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            exam = uow.session.get(Exam, exam_id)
            if exam is None:
                raise UserError("training.exam_not_found")
            if exam.version != version:
                raise changed_elsewhere(uow.session, exam)
            merged = {name: getattr(exam, name) for name in _EXAM_FIELDS}
            merged.update(changes)
            cleaned = clean_exam(merged)
            for name, value in cleaned.items():
                if getattr(exam, name) != value:
                    setattr(exam, name, value)
            current = {r.officer_id: r for r in exam.results}
            if results is None:
                # A lower maximum must still hold every recorded score.
                _clean_results(uow.session, [_as_mapping(r) for r in exam.results], exam.max_score,
                               existing=set(current))
            else:
                lines = _clean_results(uow.session, results, exam.max_score, existing=set(current))
                keep = {line["officer_id"] for line in lines}
                for officer_id, result in current.items():
                    if officer_id not in keep:
                        exam.results.remove(result)
                for line in lines:
                    result = current.get(line["officer_id"])
                    if result is None:
                        exam.results.append(ExamResult(**line))
                        continue
                    for name, value in line.items():
                        if getattr(result, name) != value:
                            setattr(result, name, value)
            uow.flush()
            detail = _exam_detail(uow.session, exam)
        return detail

    def delete_exam(self, exam_id: int) -> None:
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            exam = uow.session.get(Exam, exam_id)
            if exam is None:
                raise UserError("training.exam_not_found")
            uow.session.delete(exam)

    # ---------------------------------------------------------------- the year
    def hours_by_person(self, year: int) -> list[PersonHours]:
        """Each person's 学时 in `year`: everyone on the roster, and anyone who attended
        that year and has since left; by name."""
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _hours_by_person(session, year, _read_target(session))

    def sessions_by_kind(self, year: int) -> list[KindCount]:
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            return _sessions_by_kind(session, year)

    def exam_totals(self, year: int) -> ExamTally:
        """The year's exams pooled: the yearly 参考率 and 合格率 come from this tally."""
        query = self.exams(year=year)
        with self.store.read() as session:
            basis = _read_basis(session)
        return sum((e.tally for e in query.page(0, max(query.count(), 1))), ExamTally(basis=basis))

    def year_summary(self, year: int) -> YearSummary:
        self.actor.require(Permission.TRAINING_VIEW)
        query = self.exams(year=year, descending=False)
        exams = tuple(query.page(0, max(query.count(), 1)))
        with self.store.read() as session:
            target = _read_target(session)
            persons = tuple(_hours_by_person(session, year, target))
            by_kind = tuple(_sessions_by_kind(session, year))
            basis = _read_basis(session)
        totals = sum((e.tally for e in exams), ExamTally(basis=basis))
        return YearSummary(year=year, by_kind=by_kind, hours_target=target, persons=persons, exams=exams,
                           exam_totals=totals)


# ---------------------------------------------------------------- helpers
def _read_target(session: Session) -> Decimal:
    value = read_setting(session, HOURS_TARGET_KEY)
    try:
        target = Decimal(str(value))
    except (ValueError, InvalidOperation):
        return DEFAULT_HOURS_TARGET
    return target if target.is_finite() and target > 0 else DEFAULT_HOURS_TARGET


def _read_basis(session: Session) -> str:
    value = read_setting(session, PASS_BASIS_KEY)
    return value if value in PASS_BASES else PASS_BASIS_ATTENDED


def _unique_ids(ids: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def _check_on_roster(session: Session, officer_ids: Iterable[int]) -> None:
    """Refuse anyone who is not (or no longer) on the roster, by name."""
    ids = list(officer_ids)
    if not ids:
        return
    found = {r.id: r for r in session.execute(select(Officer.id, Officer.name, Officer.on_roster)
                                              .where(Officer.id.in_(ids)))}
    for officer_id in ids:
        row = found.get(officer_id)
        if row is None:
            raise UserError("training.attendee_unknown", field="attendees", number=officer_id)
        if not row.on_roster:
            raise UserError("training.attendee_not_on_roster", field="attendees", name=row.name)


def _clean_results(session: Session, results: Iterable[Mapping[str, Any]], max_score: Decimal,
                   *, existing: set[int]) -> list[dict[str, Any]]:
    lines = list(results)
    ids = [int(r["officer_id"]) for r in lines]
    names = _names(session, ids)
    _check_on_roster(session, [i for i in dict.fromkeys(ids) if i not in existing])
    cleaned: list[dict[str, Any]] = []
    seen: set[int] = set()
    for line in lines:
        officer_id = int(line["officer_id"])
        if officer_id in seen:
            raise UserError("training.result_twice", field="results", name=names.get(officer_id, officer_id))
        seen.add(officer_id)
        cleaned.append(clean_result(line, max_score, str(names.get(officer_id, officer_id))))
    return cleaned


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r.id: r.name for r in session.execute(select(Officer.id, Officer.name).where(Officer.id.in_(ids)))}


def _as_mapping(result: ExamResult) -> dict[str, Any]:
    return {
        "officer_id": result.officer_id,
        "required": result.required,
        "attended": result.attended,
        "score": result.score,
        "absence_reason": result.absence_reason,
    }


def _exam_detail(session: Session, exam: Exam) -> ExamDetail:
    ids = [r.officer_id for r in exam.results]
    names = _names(session, ids)
    results = tuple(
        sorted(
            (
                ResultRow(
                    officer_id=r.officer_id,
                    officer_name=names.get(r.officer_id, ""),
                    required=bool(r.required),
                    attended=bool(r.attended),
                    score=r.score,
                    absence_reason=r.absence_reason or "",
                    passed=result_passed(r.attended, r.score, exam.pass_mark),
                )
                for r in exam.results
            ),
            key=lambda r: (r.officer_name, r.officer_id),
        )
    )
    tally = tally_results(results, exam.pass_mark, _read_basis(session))
    row = ExamRow(exam.id, exam.version, exam.title, exam.held_on, exam.pass_mark, exam.max_score,
                  exam.organiser or "", tally)
    return ExamDetail(row, results)


def _hours_by_person(session: Session, year: int, target: Decimal) -> list[PersonHours]:
    in_year = _in_year(TrainingSession.held_on, year)
    totals: dict[int, tuple[Decimal, int]] = {}
    rows = session.execute(
        select(TrainingAttendance.officer_id, TrainingSession.hours)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(in_year)
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
            _in_year(TrainingSession.held_on, year)
        )
    )
    for kind, rule_of_law, hours in rows:
        entry = counts.setdefault(kind, [0, 0, Decimal("0.0")])
        entry[0] += 1
        entry[1] += bool(rule_of_law)
        entry[2] += hours
    return [KindCount(kind, n, r, h.quantize(TENTH)) for kind, (n, r, h) in counts.items()]


__all__ = [
    "DEFAULT_HOURS_TARGET",
    "PASS_BASIS_ATTENDED",
    "PASS_BASIS_REQUIRED",
    "SESSION_KIND_LABELS_ZH",
    "ExamDetail",
    "ExamRow",
    "ExamTally",
    "KindCount",
    "PersonHours",
    "ResultRow",
    "SessionDetail",
    "SessionRow",
    "TrainingService",
    "YearSummary",
    "average_hours",
    "format_number",
    "participation_rate",
    "pass_rate",
    "result_passed",
    "tally_results",
]
