"""An imported docket row's deadlines: derived once for what the row ends as (received, or
accepted already), and the same as a clerk's receiving and accepting on the same days."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.arbitration.derived_checks import deadline_cache_breaks
from app.arbitration.importing import import_docket
from app.arbitration.models import ArbitrationDeadline
from app.legal.holidays import calendar_for
from tests.fixtures.arbitration import CLERK, make_world, receive
from tests.ui.helpers import make_id_no


def _cached(store, case_id: int) -> list[tuple[str, str, date, date]]:
    with store.read() as session:
        return sorted((key, rule, start, due) for key, rule, start, due in session.execute(
            select(ArbitrationDeadline.key, ArbitrationDeadline.rule_id, ArbitrationDeadline.start,
                   ArbitrationDeadline.due).where(ArbitrationDeadline.case_id == case_id)
        ))


def test_imported_rows_cache_the_deadlines_a_clerk_would_see(store) -> None:
    world = make_world(store)
    rows = [
        {"received_on": date(2023, 9, 25), "applicant": "王五", "applicant_id_no": make_id_no(11),
         "respondent": "某餐饮有限公司", "claims": [("wages", 1_200_000)], "accepted_on": date(2023, 10, 7)},
        {"received_on": date(2023, 9, 25), "applicant": "赵六", "applicant_id_no": make_id_no(12),
         "respondent": "某餐饮有限公司", "claims": [("wages", 800_000)]},
    ]
    report = import_docket(store, CLERK, enumerate(rows, start=1), total=2)
    accepted_id, received_id = report.imported_ids
    by_clerk = receive(world, date(2023, 9, 25))
    assert _cached(store, received_id) == _cached(store, by_clerk)  # 审查 within 5 days of receipt
    assert [r[1] for r in _cached(store, received_id)] != []
    world.clerk_service().accept(by_clerk, date(2023, 10, 7))
    assert _cached(store, accepted_id) == _cached(store, by_clerk)  # the 45-day award limit, …
    assert _cached(store, accepted_id) != _cached(store, received_id)
    with store.read() as session:
        assert list(deadline_cache_breaks(session, calendar_for(store))) == []
