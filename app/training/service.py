"""培训考试: study and training sessions, exams, and the year's figures (DOMAIN A3, B §7).

The rates are computed in this package and only here (`figures`) — screens,
exports and the yearly report all call these functions:

- `participation_rate(tally)` 参考率 = attended (of those required) / required;
- `pass_rate(tally)` 合格率 = passed / attended;
- both `Decimal` with two places, half-up (app.legal.rates.percent), and None
  — shown as "—" — when the denominator is 0 (no one required / no one sat).

A result is passed when the person attended and the score reaches the pass
mark (`result_passed`); passing is never stored.  Hours per person per year
are summed from attendance and compared with the target kept in the audited
setting `training_hours_target` (default 40 学时, app/kernel/settings.py).

The package: `figures` (rates, settings), `rows`, `fields` (checking input),
`sessions`, `exams` and `year` (reads and writes of each); the service joins
them and this module keeps the names other code imports.
"""

from __future__ import annotations

from app.accounts.actor import Actor
from app.store.engine import Store
from app.training.fields import clean_exam, clean_hours, clean_result, clean_session
from app.training.figures import (
    DEFAULT_HOURS_TARGET,
    HOURS_TARGET_KEY,
    MAX_SESSION_HOURS,
    PASS_BASES,
    PASS_BASIS_ATTENDED,
    PASS_BASIS_KEY,
    PASS_BASIS_REQUIRED,
    SESSION_KIND_LABELS_ZH,
    SORTABLE,
    ExamTally,
    average_hours,
    format_number,
    participation_rate,
    pass_rate,
    result_passed,
    tally_results,
)
from app.training.rows import (
    ExamDetail,
    ExamRow,
    KindCount,
    PersonHours,
    ResultRow,
    SessionDetail,
    SessionRow,
    YearSummary,
)
from app.training.sessions import TrainingSessions
from app.training.year import TrainingYear


class TrainingService(TrainingSessions, TrainingYear):
    """Sessions (`TrainingSessions`), exams and the year (`TrainingYear`, `TrainingExams`) for one actor."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor


__all__ = [
    "DEFAULT_HOURS_TARGET",
    "HOURS_TARGET_KEY",
    "MAX_SESSION_HOURS",
    "PASS_BASES",
    "PASS_BASIS_ATTENDED",
    "PASS_BASIS_KEY",
    "PASS_BASIS_REQUIRED",
    "SESSION_KIND_LABELS_ZH",
    "SORTABLE",
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
    "clean_exam",
    "clean_hours",
    "clean_result",
    "clean_session",
    "format_number",
    "participation_rate",
    "pass_rate",
    "result_passed",
    "tally_results",
]
