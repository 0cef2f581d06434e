"""`audit verify` recomputes derived data and compares it with what is stored (issue 13).

The arbitration deadline cache (`arbitration_deadline`, read by Today's desk) is derived
from each case's audited events and is not itself audited: editing or deleting a row
behind the program's back would take an overdue item off the desk.  Verification derives
every case's open deadlines afresh and reports any difference as a break naming the case.

A cached row computed under another calendar version (the holiday schedule or the
calendar package changed since the case's last event) may legitimately have another due
date: for such rows only which deadlines are open, and from when, is compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.arbitration import deadlines as arbitration_deadlines
from app.arbitration.models import ArbitrationCase, ArbitrationDeadline
from app.audit.chain import Break
from app.legal.calendar import LegalCalendar
from app.legal.deadlines import DEFAULT_RULES

DERIVED_MISMATCH = "derived_mismatch"


def deadline_cache_breaks(session: Session, calendar: LegalCalendar) -> Iterator[Break]:
    from app.arbitration.service import _facts  # the same facts the service derives from

    cached_by_case: dict[int, set[tuple[str, str, object, object, str]]] = {}
    for row in session.execute(
        select(ArbitrationDeadline.case_id, ArbitrationDeadline.key, ArbitrationDeadline.rule_id,
               ArbitrationDeadline.start, ArbitrationDeadline.due, ArbitrationDeadline.calendar_version)
    ):
        cached_by_case.setdefault(row[0], set()).add(tuple(row[1:]))  # type: ignore[arg-type]
    for case in session.scalars(select(ArbitrationCase).order_by(ArbitrationCase.id).execution_options(yield_per=500)):
        derived = arbitration_deadlines.derive(_facts(session, case), calendar=calendar, rules=DEFAULT_RULES)
        expected = {
            (d.key, d.rule_id, d.deadline.start, d.due, d.deadline.calendar_version)
            for d in arbitration_deadlines.open_institute_deadlines(derived)
        }
        cached = cached_by_case.pop(case.id, set())
        if not _same(expected, cached):
            yield Break(DERIVED_MISMATCH, None, ArbitrationDeadline.__tablename__, case.id, label=case.case_no or "")
        session.expunge(case)
    for case_id in sorted(cached_by_case):  # rows of a case that does not exist
        yield Break(DERIVED_MISMATCH, None, ArbitrationDeadline.__tablename__, case_id)


def _same(expected: AbstractSet[tuple[str, str, object, object, str]],
          cached: AbstractSet[tuple[str, str, object, object, str]]) -> bool:
    if expected == cached:
        return True
    if {e[:3] for e in expected} != {c[:3] for c in cached} or len(expected) != len(cached):
        return False
    current = {e[:3]: e for e in expected}
    # Rows under the current calendar must match exactly; older ones only in key, rule and start.
    return all(c == current[c[:3]] for c in cached if c[4] == current[c[:3]][4])
