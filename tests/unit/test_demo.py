"""The demo district's generator: seeded and deterministic, valid identities, exact splits."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from stdnum.cn import ric, uscc

from app.accounts.actor import Actor
from app.demo.district import A4_PLAN, SMALL_PLAN, Days, build_district, split_total
from app.demo.identities import IdentityMaker
from app.errors import UserError
from app.legal.calendar import default_calendar
from app.parties.models import Party
from app.reports.yearly import yearly_figures
from tests.conftest import make_actor
from tests.fixtures.template import copy_database


def test_the_a4_plan_adds_up_to_the_report() -> None:
    assert A4_PLAN.complaints_received == 861
    assert A4_PLAN.arb_received == 757
    assert A4_PLAN.online_handled == 54 and A4_PLAN.online_agreed == 27
    assert A4_PLAN.scaled(3).complaints_received == 3 * 861


@pytest.mark.parametrize("unit", [1, 100, 1000])
def test_split_total_is_exact(unit: int) -> None:
    rng = random.Random(5)
    weights = [rng.uniform(1, 50) for _ in range(333)]
    parts = split_total(523_300_000, weights, unit=unit, minimum=50_000)
    assert sum(parts) == 523_300_000 and min(parts) >= 50_000


def test_identities_are_valid_unique_and_seeded() -> None:
    first, second = IdentityMaker(random.Random(11)), IdentityMaker(random.Random(11))
    people = [first.person(2023) for _ in range(500)]
    assert people == [second.person(2023) for _ in range(500)]
    numbers = [p["id_no"] for p in people]
    assert len(set(numbers)) == 500 and all(ric.is_valid(str(n)) for n in numbers)
    firms = [first.employer() for _ in range(100)]
    assert len({f["uscc"] for f in firms}) == 100 and all(uscc.is_valid(str(f["uscc"])) for f in firms)


def test_nothing_comes_in_on_the_spring_festival_or_national_day_holidays() -> None:
    days = Days(2023, random.Random(3), default_calendar())
    drawn = [days.intake() for _ in range(5000)]
    assert not [d for d in drawn if date(2023, 1, 21) <= d <= date(2023, 1, 27)]
    assert not [d for d in drawn if date(2023, 9, 29) <= d <= date(2023, 10, 6)]
    october = sum(1 for d in drawn if d.month == 10)
    november = sum(1 for d in drawn if d.month == 11)
    assert october < november  # the National Day lull


def _district_read(store: Any, reader: Actor) -> tuple[dict[str, Any], list[tuple[str, str | None]]]:
    """A built district's yearly figures and its parties, in the order they were made."""
    figures = yearly_figures(store, reader, 2023).to_json()
    with store.read() as session:
        parties = [(name, number) for name, number in session.execute(select(Party.name, Party.id_no).order_by(Party.id))]
    return figures, parties


def _small_year(db_url: str, seed: int) -> tuple[dict[str, Any], list[tuple[str, str | None]]]:
    from app.store import open_store

    store = open_store(db_url)
    try:
        result = build_district(store, year=2023, seed=seed, plan=SMALL_PLAN)
        leader = next(a for a in result.accounts if a.role == "leadership")
        reader = Actor(username=leader.username, user_id=leader.user_id, roles=frozenset({leader.role}))
        figures, parties = _district_read(store, reader)
        # everything went through the unit of work: the audit chain and every record verify
        from app.audit.log import AuditLogService

        verified = AuditLogService(store, reader).verify()
        assert verified.ok, [b.describe("en") for b in verified.breaks]
        # no room and no arbitrator is in two hearings at once
        from datetime import date

        from app.arbitration.hearings import HearingCalendar, find_clashes

        hearings = HearingCalendar(store, reader).between(date(2023, 1, 1), date(2024, 12, 31))
        assert hearings and find_clashes(hearings) == {}
        with pytest.raises(UserError) as refused:
            build_district(store, year=2023, seed=seed, plan=SMALL_PLAN)
        assert refused.value.code == "demo.database_not_empty"
    finally:
        store.dispose()
    return figures, parties


def test_the_same_seed_gives_the_same_district(tmp_path, small_district_file) -> None:
    from app.store import open_store

    figures_a, parties_a = _small_year(f"sqlite:///{tmp_path / 'a.db'}", 2023)
    # the other build of the same seed: the run's small district (conftest), which other tests look at
    copy_database(small_district_file, tmp_path / "b.db")
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        figures_b, parties_b = _district_read(store, make_actor("leadership", username="lingdao", user_id=None))
    finally:
        store.dispose()
    assert figures_a == figures_b
    assert parties_a == parties_b and len(parties_a) > 100
    # the small plan keeps the shape of the real one
    assert figures_a["complaints_received"] == SMALL_PLAN.complaints_received
    assert figures_a["workers_recovered"] == SMALL_PLAN.workers_recovered
    assert figures_a["wages_recovered_yuan"] == "300000.00"
    assert figures_a["project_compliance_rate"] == "95.45"
    assert (figures_a["arbitration_received"], figures_a["arbitration_accepted"],
            figures_a["arbitration_pending"]) == (34, 30, 3)
    assert figures_a["arbitration_amount_wan_yuan"] == "300.00"
    assert (figures_a["mediation_online_handled"], figures_a["mediation_online_successful"]) == (7, 3)
    assert figures_a["certified_staff"] == 17


def test_a_future_year_and_a_bad_scale_are_refused(store) -> None:
    with pytest.raises(UserError) as caught:
        build_district(store, year=date.today().year)
    assert caught.value.code == "demo.year_not_past"
    with pytest.raises(UserError) as caught:
        build_district(store, year=2023, scale=0)
    assert caught.value.code == "demo.scale_invalid"
