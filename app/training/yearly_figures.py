"""The training area's part of the year's figures (学习培训, 参考率 and 合格率: DOMAIN A4), gathered
by app/reports/yearly.py through the area registry (app/kernel/figures.py).

For the calendar year it asks `TrainingService.year_summary(year)`; over any other period
the same definitions run here, by the day each session or exam was held
(tests/unit/test_reports.py checks that both agree over a year).  The rates themselves
are app/training/figures.py's, as everywhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.kernel.figures import AreaFigures, FiguresRequest, Period
from app.training.figures import SESSION_KIND_LABELS_ZH
from app.training.models import Exam, ExamResult, SessionKind, TrainingSession

SESSION_KINDS = tuple(k.value for k in SessionKind)

DEFINITIONS_ZH: dict[str, str] = {
    "study_sessions": "统计期内举办的学习培训次数，按学习类别统计。",
    "exam_rates": "参考率＝实际参考人数÷应参考人数；合格率＝合格人数÷实际参考人数（或按设置÷应参考人数）；无分母时为“—”。",
}


@dataclass
class KindTally:
    sessions: dict[str, int] = field(default_factory=dict)
    rule_of_law: dict[str, int] = field(default_factory=dict)


def sessions_by_kind(session: Session, period: Period) -> KindTally:
    """As TrainingService.sessions_by_kind, over [first, last]: every kind listed."""
    tally = KindTally({k.value: 0 for k in SessionKind}, {k.value: 0 for k in SessionKind})
    for kind, rule_of_law, n in session.execute(
        select(TrainingSession.kind, TrainingSession.on_rule_of_law, func.count())
        .where(TrainingSession.held_on.between(period.first, period.last))
        .group_by(TrainingSession.kind, TrainingSession.on_rule_of_law)
    ):
        tally.sessions[kind] = tally.sessions.get(kind, 0) + int(n)
        if rule_of_law:
            tally.rule_of_law[kind] = tally.rule_of_law.get(kind, 0) + int(n)
    return tally


def exam_results(session: Session, period: Period) -> list[tuple[Any, list[Any]]]:
    """The period's exams with their results (the training service's tally counts them)."""
    exams = session.scalars(select(Exam).where(Exam.held_on.between(period.first, period.last))
                            .order_by(Exam.held_on, Exam.id)).all()
    out = []
    for exam in exams:
        results = session.scalars(select(ExamResult).where(ExamResult.exam_id == exam.id)).all()
        out.append((exam, list(results)))
    return out


def compute(request: FiguresRequest) -> dict[str, Any]:
    from app.training.service import (
        ExamTally,
        TrainingService,
        participation_rate,
        pass_rate,
        tally_results,
    )

    store, period = request.store, request.period
    training = TrainingService(store, request.reader)
    if request.whole_year:
        summary = training.year_summary(request.year)
        sessions = {k.kind: k.sessions for k in summary.by_kind}
        law = {k.kind: k.rule_of_law for k in summary.by_kind}
        tally = summary.exam_totals
    else:
        basis = training.pass_rate_basis()
        with store.read() as session:
            kinds = sessions_by_kind(session, period)
            tally = sum((tally_results(results, exam.pass_mark, basis)
                         for exam, results in exam_results(session, period)), ExamTally(basis=basis))
        sessions, law = kinds.sessions, kinds.rule_of_law
    for kind in SESSION_KINDS:
        sessions.setdefault(kind, 0)
        law.setdefault(kind, 0)
    return {"sessions": dict(sessions), "rule_of_law": dict(law), "required": tally.required,
            "attended": tally.attended, "passed": tally.passed, "participation_rate": participation_rate(tally),
            "pass_rate": pass_rate(tally), "pass_basis": tally.basis}


FIGURES = AreaFigures(compute, definitions=DEFINITIONS_ZH, labels={"session_kind": SESSION_KIND_LABELS_ZH})
