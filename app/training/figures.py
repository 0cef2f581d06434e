"""培训考试: the rates and the year's settings (DOMAIN A3, B §7).

The rates are computed HERE and only here — screens, exports and the yearly
report all call these functions:

- `participation_rate(tally)` 参考率 = attended (of those required) / required;
- `pass_rate(tally)` 合格率 = passed / attended;
- both `Decimal` with two places, half-up (app.legal.rates.percent), and None
  — shown as "—" — when the denominator is 0 (no one required / no one sat).

A result is passed when the person attended and the score reaches the pass
mark (`result_passed`); passing is never stored.  The hours target and the
合格率 basis are audited settings (app/kernel/settings.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import and_
from sqlalchemy.orm import Session

from app.kernel.settings import read_setting
from app.legal.rates import percent
from app.training.models import SessionKind

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


def read_target(session: Session) -> Decimal:
    value = read_setting(session, HOURS_TARGET_KEY)
    try:
        target = Decimal(str(value))
    except (ValueError, InvalidOperation):
        return DEFAULT_HOURS_TARGET
    return target if target.is_finite() and target > 0 else DEFAULT_HOURS_TARGET


def read_basis(session: Session) -> str:
    value = read_setting(session, PASS_BASIS_KEY)
    return value if value in PASS_BASES else PASS_BASIS_ATTENDED


def in_year(column: Any, year: int | None) -> Any:
    if year is None:
        return None
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))
