"""Issue 15's full round trip: a township's demo-sized year goes up by bundle, and the
district's yearly figures for what travels (complaints, arbitration, mediation) then
equal the township's.  What stays at its site (projects, training, the staff roster,
the bureau's name) is declared LOCAL or goes only down, and is left out of the comparison.

The demo year takes a minute or more to build; the exchange itself about twenty seconds."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from app.audit import chain as audit
from app.demo.district import build_district
from app.kernel.settings import SettingsService
from app.reports.yearly import yearly_figures
from app.sites.exchange import ExchangeService
from app.sites.identity import SiteService
from app.store import open_store
from tests.conftest import make_actor

ADMIN = make_actor("admin", username="admin", user_id=None)
# figures from records that stay at their site or only go down (app/sites/travel.py)
NOT_TRAVELLING = {"organisation", "projects", "certified_staff", "study_sessions", "study_sessions_rule_of_law"}
NOT_TRAVELLING_PREFIXES = ("project", "exam_")


def test_a_townships_demo_year_goes_up_and_the_district_counts_the_same(tmp_path: Path) -> None:
    town = open_store(f"sqlite:///{tmp_path / 'town.db'}")
    district = open_store(f"sqlite:///{tmp_path / 'district.db'}")
    try:
        build_district(town, year=2023)
        SiteService(town, ADMIN).init(code="TA", name="甲镇劳动保障所", kind="township")
        settings = SettingsService(town, ADMIN)
        settings.set("organisation", {**settings.get("organisation"), "district": "甲镇"})
        SiteService(district, ADMIN).init(code="D", name="某区人社局", kind="district")
        SiteService(town, ADMIN).export_key(tmp_path / "ta.key")
        SiteService(district, ADMIN).export_key(tmp_path / "d.key")
        SiteService(district, ADMIN).trust(tmp_path / "ta.key")
        SiteService(town, ADMIN).trust(tmp_path / "d.key")

        bundle = tmp_path / "up.rsx"
        sent = ExchangeService(town, ADMIN, evidence_root=tmp_path / "town-evidence").export("D", bundle)
        got = ExchangeService(district, ADMIN, evidence_root=tmp_path / "district-evidence").import_bundle(bundle)
        assert sent.records == got.records_new > 10_000 and got.conflicts == 0

        mine = asdict(yearly_figures(town, ADMIN, 2023))
        theirs = asdict(yearly_figures(district, ADMIN, 2023))
        compared = [k for k in mine if k not in NOT_TRAVELLING and not k.startswith(NOT_TRAVELLING_PREFIXES)]
        assert {k: theirs[k] for k in compared if k != "monthly"} == {k: mine[k] for k in compared if k != "monthly"}
        # the month-by-month series too, but for the staff roster (the district's own register)
        assert {k: v for k, v in theirs["monthly"].items() if not k.startswith("staff.")} == \
            {k: v for k, v in mine["monthly"].items() if not k.startswith("staff.")}
        assert mine["mediation_online_handled"] > 0 and mine["complaints_received"] > 0
        for store in (town, district):
            with store.read() as session:
                assert audit.verify(session).ok
    finally:
        town.dispose()
        district.dispose()
