"""培训考试: exams and their results — the paged list, one exam with its results, the writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.records import assign_changed, record_at_version
from app.kernel.unit_of_work import UnitOfWork
from app.store.engine import Store
from app.training.fields import (
    EXAM_FIELDS,
    check_on_roster,
    clean_exam,
    clean_result,
    officer_names,
)
from app.training.figures import (
    PASS_BASIS_ATTENDED,
    SORTABLE,
    ExamTally,
    in_year,
    read_basis,
    result_passed,
    tally_results,
)
from app.training.models import Exam, ExamResult
from app.training.rows import ExamDetail, ExamRow, ResultRow


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


class TrainingExams:
    """The exams' reads and writes (TrainingService)."""

    store: Store
    actor: Actor

    def exams(self, *, year: int | None = None, text: str = "", sort: str = "held_on",
              descending: bool = True) -> PagedQuery[ExamRow]:
        self.actor.require(Permission.TRAINING_VIEW)
        statement = select(
            Exam.id, Exam.version, Exam.title, Exam.held_on, Exam.pass_mark, Exam.max_score, Exam.organiser,
            *_EXAM_COUNTS,
        )
        if year is not None:
            statement = statement.where(in_year(Exam.held_on, year))
        term = " ".join(text.split())
        if term:
            statement = statement.where(Exam.title.contains(term, autoescape=True))
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort exams by {sort}")
        columns: list[Any] = [Exam.held_on, Exam.id] if sort == "held_on" else [Exam.id]
        with self.store.read() as session:
            basis = read_basis(session)
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
            exam = record_at_version(uow.session, Exam, exam_id, version, "training.exam_not_found")
            merged = {name: getattr(exam, name) for name in EXAM_FIELDS}
            merged.update(changes)
            cleaned = clean_exam(merged)
            assign_changed(exam, cleaned)
            current = {r.officer_id: r for r in exam.results}
            if results is None:
                # A lower maximum must still hold every recorded score.
                _clean_results(uow.session, [_as_mapping(r) for r in exam.results], exam.max_score,
                               existing=set(current))
            else:
                lines = _clean_results(uow.session, results, exam.max_score, existing=set(current))
                keep = {line["officer_id"] for line in lines}
                for officer_id, dropped in current.items():
                    if officer_id not in keep:
                        exam.results.remove(dropped)
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


def _clean_results(session: Session, results: Iterable[Mapping[str, Any]], max_score: Decimal,
                   *, existing: set[int]) -> list[dict[str, Any]]:
    lines = list(results)
    ids = [int(r["officer_id"]) for r in lines]
    names = officer_names(session, ids)
    check_on_roster(session, [i for i in dict.fromkeys(ids) if i not in existing])
    cleaned: list[dict[str, Any]] = []
    seen: set[int] = set()
    for line in lines:
        officer_id = int(line["officer_id"])
        if officer_id in seen:
            raise UserError("training.result_twice", field="results", name=names.get(officer_id, officer_id))
        seen.add(officer_id)
        cleaned.append(clean_result(line, max_score, str(names.get(officer_id, officer_id))))
    return cleaned


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
    names = officer_names(session, ids)
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
    tally = tally_results(results, exam.pass_mark, read_basis(session))
    row = ExamRow(exam.id, exam.version, exam.title, exam.held_on, exam.pass_mark, exam.max_score,
                  exam.organiser or "", tally)
    return ExamDetail(row, results)
