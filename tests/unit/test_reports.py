"""The yearly report's figures: each definition at the year boundary, the
reconciliations, the date range, the drill-downs and the JSON (issue 7)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from app.accounts.actor import anonymous_reader
from app.arbitration.service import ArbitrationCaseService
from app.arbitration.yearly_figures import arbitration
from app.complaints.service import ComplaintService
from app.complaints.yearly_figures import inspection
from app.errors import UserError
from app.kernel.figures import Period
from app.mediation.service import MediationService
from app.mediation.yearly_figures import mediation
from app.reports.drilldown import FIGURES, drill_down
from app.reports.yearly import yearly_figures
from app.training.service import TrainingService
from app.training.yearly_figures import sessions_by_kind
from tests.conftest import make_actor
from tests.fixtures.reports import CLAIMS_FEN, seed_boundary_world
from tests.fixtures.seeded import Seed

ADMIN = make_actor("admin", username="admin")
LEADER = make_actor("leadership", username="leader")


@pytest.fixture
def seed() -> Seed:
    return Seed("boundary-world", seed_boundary_world)


@pytest.fixture
def world(seeded):
    return seeded


def test_each_figure_counts_by_the_date_of_its_own_event(store, world) -> None:
    f23 = yearly_figures(store, LEADER, 2023)
    f24 = yearly_figures(store, LEADER, 2024)
    # a complaint received on 31 Dec and accepted on 2 Jan is received in 2023 and never in 2024
    assert (f23.complaints_received, f24.complaints_received) == (2, 0)
    # payments on 31 Dec count in 2023, on 1 Jan in 2024
    assert (f23.workers_recovered, f23.wages_recovered_fen) == (2, 150_000)
    assert (f24.workers_recovered, f24.wages_recovered_fen) == (1, 70_000)
    # an application received 2023-12-31 and accepted 2024-01-02: received in 2023, accepted in 2024
    assert (f23.arbitration_received, f23.arbitration_accepted, f23.arbitration_not_accepted) == (4, 3, 1)
    assert (f24.arbitration_received, f24.arbitration_accepted) == (0, 1)
    assert f23.arbitration_amount_fen == 3 * CLAIMS_FEN and f24.arbitration_amount_fen == CLAIMS_FEN
    assert f23.arbitration_closed_by == {"mediation": 1}
    assert (f23.arbitration_closed_award_or_mediation, f23.arbitration_pending) == (1, 2)
    assert f24.arbitration_pending == 3
    # mediation: agreed on 31 Dec is handled in 2023; failed on 2 Jan in 2024; the on-site one is not online
    assert (f23.mediation_online_handled, f23.mediation_online_successful) == (1, 1)
    assert (f24.mediation_online_handled, f24.mediation_online_successful) == (1, 0)
    assert (f23.mediation_handled, f23.mediation_successful) == (2, 2)
    # a certificate expiring on 30 Dec is not held on 31 Dec; one expiring on 31 Dec is
    assert f23.certified_staff == 3
    assert f24.certified_staff == 2
    # study sessions on 31 Dec and 1 Jan
    assert f23.study_sessions["party_group"] == 1 and f23.study_sessions["bureau_wide"] == 1
    assert f24.study_sessions["party_group"] == 1 and f24.study_sessions["bureau_wide"] == 0
    assert (f23.exam_participation_rate, f23.exam_pass_rate) == (Decimal("100.00"), Decimal("100.00"))
    assert (f24.exam_participation_rate, f24.exam_pass_rate) == (None, None)
    # projects: the latest check in the year (DOMAIN A4's 12 projects at 95.45 %)
    assert (f23.projects_active, f23.projects_on_platform, f23.project_compliance_rate) == (12, 12, Decimal("95.45"))
    assert f24.project_compliance_rate is None  # no check in 2024


def test_reconciliations_hold_and_show_the_difference(store, world) -> None:
    f = yearly_figures(store, LEADER, 2023)
    received, stock = f.reconciliations
    assert (received.left, received.right, received.holds) == (4, 4, True)
    assert received.terms == {"R": 4, "A": 3, "N": 1, "J": 0, "W0": 0, "ΔP": 0}
    assert (stock.terms, stock.holds) == ({"B": 0, "A": 3, "C": 1, "E": 2}, True)
    f24 = yearly_figures(store, LEADER, 2024)
    assert f24.reconciliations[0].terms["ΔP"] == -1 and f24.reconciliations[0].holds
    assert f24.reconciliations[1].terms["B"] == 2 and f24.reconciliations[1].holds


def test_the_period_queries_agree_with_the_area_services_over_a_year(store, world) -> None:
    # the areas' own period queries (app/<area>/yearly_figures.py), which the date-range report uses
    year = Period.of_year(2023)
    with store.read() as session:
        ip = inspection(session, year)
        ap = arbitration(session, year)
        online = mediation(session, year, "online")
        kinds = sessions_by_kind(session, year)
    figures = ComplaintService(store, ADMIN).figures(2023)
    assert (ip.received, ip.workers_helped, ip.wages_recovered_fen) == (
        figures.received, figures.workers_helped, figures.wages_recovered_fen)
    counts = ArbitrationCaseService(store, ADMIN).year_counts(2023)
    assert (ap.received, ap.accepted, ap.not_accepted, ap.pending_at_end, ap.amount_in_dispute_fen, ap.closed_by) == (
        counts.received, counts.accepted, counts.not_accepted, counts.pending_at_year_end,
        counts.amount_in_dispute_fen, counts.closed_by)
    assert online == MediationService(store, ADMIN).year_counts(2023, channel="online")
    assert kinds.sessions == {k.kind: k.sessions for k in TrainingService(store, ADMIN).sessions_by_kind(2023)}
    # and the monthly series add up to the year
    f = yearly_figures(store, LEADER, 2023)
    assert sum(f.monthly["inspection.complaints_received"]) == f.complaints_received
    assert sum(f.monthly["inspection.wages_recovered_fen"]) == f.wages_recovered_fen
    assert sum(f.monthly["arbitration.received"]) == f.arbitration_received
    assert sum(f.monthly["arbitration.closed"]) == f.arbitration_closed
    assert f.monthly["staff.certified_at_month_end"][-1] == f.certified_staff
    assert len(f.months) == 12


def test_a_date_range(store, world) -> None:
    f = yearly_figures(store, LEADER, 2023, date_from=date(2023, 12, 1), date_to=date(2024, 1, 31))
    assert (f.first, f.last) == (date(2023, 12, 1), date(2024, 1, 31))
    assert f.complaints_received == 1
    assert (f.workers_recovered, f.wages_recovered_fen) == (2, 120_000)
    assert (f.arbitration_received, f.arbitration_accepted) == (1, 1)
    assert (f.mediation_online_handled, f.mediation_online_successful) == (2, 1)
    assert f.study_sessions["party_group"] == 2
    assert f.certified_staff == 2  # on 31 Jan 2024
    assert all(r.holds for r in f.reconciliations)
    assert len(f.months) == 2
    with pytest.raises(UserError) as caught:
        yearly_figures(store, LEADER, 2023, date_from=date(2023, 5, 1), date_to=date(2023, 4, 1))
    assert caught.value.code == "report.range_invalid"


def test_json_has_the_stable_keys_and_exact_strings(store, world) -> None:
    doc = yearly_figures(store, anonymous_reader(), 2023).to_json()
    json.dumps(doc)  # serialisable as is
    for key in ("complaints_received", "workers_recovered", "projects_active", "projects_on_platform",
                "arbitration_received", "arbitration_accepted", "arbitration_not_accepted",
                "arbitration_closed_award_or_mediation", "arbitration_closed", "arbitration_pending",
                "mediation_online_handled", "mediation_online_successful", "certified_staff", "year"):
        assert isinstance(doc[key], int), key
    assert doc["wages_recovered_yuan"] == "1500.00" and doc["wages_recovered_wan_yuan"] == "0.15"
    assert doc["arbitration_amount_wan_yuan"] == "12.60"
    assert doc["project_compliance_rate"] == "95.45" and doc["project_rate"] == "75.00"
    assert doc["exam_participation_rate"] == "100.00" and doc["exam_pass_rate"] == "100.00"
    assert set(doc["study_sessions"]) >= {"party_group", "bureau_wide", "party_branch"}
    assert [(r["name"], r["holds"], r["difference"]) for r in doc["reconciliations"]] == [
        ("received", True, 0), ("stock", True, 0)]


def test_wan_yuan_rounds_half_up() -> None:
    from app.legal.rates import fen_to_wan_yuan

    assert str(fen_to_wan_yuan(523_300_000)) == "523.30"
    assert str(fen_to_wan_yuan(4_965_370_000)) == "4965.37"
    assert str(fen_to_wan_yuan(5_000)) == "0.01"  # 0.005 万元 → 0.01, never banker's 0.00


def test_every_drill_down_lists_what_its_figure_counts(store, world) -> None:
    f = yearly_figures(store, LEADER, 2023)
    first, last = f.first, f.last
    expected = {
        "complaints_received": f.complaints_received,
        "workers_recovered": f.workers_recovered,
        "arbitration_received": f.arbitration_received,
        "arbitration_accepted": f.arbitration_accepted,
        "arbitration_not_accepted": f.arbitration_not_accepted,
        "arbitration_closed": f.arbitration_closed,
        "arbitration_closed_award_or_mediation": f.arbitration_closed_award_or_mediation,
        "arbitration_pending": f.arbitration_pending,
        "mediation_online_handled": f.mediation_online_handled,
        "mediation_online_successful": f.mediation_online_successful,
        "certified_staff": f.certified_staff,
        "projects_active": f.projects_active,
        "study_sessions": sum(f.study_sessions.values()),
        "study_sessions.party_group": f.study_sessions["party_group"],
    }
    for key, count in expected.items():
        assert drill_down(store, LEADER, key, first, last).count() == count, key
    payments = drill_down(store, LEADER, "wages_recovered", first, last)
    assert sum(r.amount_fen for r in payments.page(0, 100)) == f.wages_recovered_fen
    amounts = drill_down(store, LEADER, "arbitration_amount", first, last)
    assert sum(r.amount_fen for r in amounts.page(0, 100)) == f.arbitration_amount_fen
    complaints = drill_down(store, LEADER, "complaints_received", first, last).page(0, 10)
    assert complaints[0].detail == "投诉／来访"
    received = drill_down(store, LEADER, "arbitration_received", first, last).page(0, 10)
    assert received[-1].on == date(2023, 12, 31) and received[-1].title == "张伟"
    workers = drill_down(store, LEADER, "workers_recovered", first, last).page(0, 10)
    assert all("*" in w.number for w in workers)  # ID numbers masked
    staff = drill_down(store, LEADER, "certified_staff", first, last).page(0, 10)
    assert sorted(r.title for r in staff) == ["王明", "陈静", "黄丽"]
    assert set(FIGURES) >= set(expected)


def test_figures_for_everyone_records_only_with_the_area_permission(store, world) -> None:
    reader = anonymous_reader()
    assert yearly_figures(store, reader, 2023).arbitration_received == 4
    with pytest.raises(UserError) as caught:  # the command line's reader has no mediation records
        drill_down(store, reader, "mediation_online_handled", date(2023, 1, 1), date(2023, 12, 31))
    assert caught.value.code == "permission.denied"
    # … but reads the complaints and the docket, masked (one rule for every read-only area, issue 17)
    assert drill_down(store, reader, "complaints_received", date(2023, 1, 1), date(2023, 12, 31)).count() == 2
    assert drill_down(store, reader, "arbitration_received", date(2023, 1, 1), date(2023, 12, 31)).count() == 4
    with pytest.raises(UserError) as caught:
        drill_down(store, LEADER, "no_such_figure", date(2023, 1, 1), date(2023, 12, 31))
    assert caught.value.code == "report.figure_unknown"
