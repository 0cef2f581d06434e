"""`python main.py demo --year 2023` end to end: the yearly report of the demo district
gives every figure of DOMAIN A4 exactly, the audit chain verifies, and a second run on
the same database is refused.  Then issue 15's full round trip: that demo year is a
township's, it goes up by bundle, and the district counts the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from app.audit import chain as audit
from app.kernel.settings import SettingsService
from app.reports.yearly import yearly_figures
from app.sites.exchange import ExchangeService
from app.sites.identity import SiteService
from app.store import open_store
from tests.conftest import make_actor
from tests.fixtures.template import copy_database

ROOT = Path(__file__).resolve().parents[2]
# Both backends (issue 14): on the PostgreSQL test server the demo writes through the same
# services and must give the same figures.  It used to take far longer there (every flush
# wrote the audit chain: ~112,000 statements, each a round trip to the server); the audit
# chain is now written once per unit of work and a step's deadlines are derived once.

# DOMAIN A4, as the yearly report's JSON spells it.
A4 = {
    "complaints_received": 861,
    "workers_recovered": 1020,
    "wages_recovered_yuan": "5233000.00",
    "wages_recovered_wan_yuan": "523.30",
    "projects_active": 12,
    "projects_on_platform": 12,
    "project_compliance_rate": "95.45",
    "arbitration_received": 757,
    "arbitration_accepted": 673,
    "arbitration_not_accepted": 84,
    "arbitration_amount_wan_yuan": "4965.37",
    "arbitration_closed_award_or_mediation": 660,
    "arbitration_pending": 13,
    "mediation_online_handled": 54,
    "mediation_online_successful": 27,
    "certified_staff": 17,
    "exam_participation_rate": "100.00",
    "exam_pass_rate": "100.00",
}
A4_STUDY = {"party_group": 4, "bureau_wide": 7, "party_branch": 3}


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(data_dir)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=900,
    )


@pytest.fixture(scope="module")
def demo(backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, Any]:
    """The demo district's 2023, made by the command line on SQLite and on the PostgreSQL test server."""
    folder = tmp_path_factory.mktemp("demo")
    data_dir = folder / "data"
    data_dir.mkdir()
    if backend == "postgresql":
        server = request.getfixturevalue("pg_server")
        db = server.url(server.new_database())
    else:
        db = f"sqlite:///{folder / 'demo.db'}"
    done = run("demo", "--year", "2023", "--db", db, "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return {"db": db, "data_dir": data_dir, "output": json.loads(done.stdout)}


def a4_part(figures: dict[str, Any]) -> dict[str, Any]:
    return {key: figures[key] for key in A4}


def test_the_yearly_report_gives_every_a4_figure(demo: dict[str, Any]) -> None:
    # the report command, as a user runs it on the demo database
    done = run("report", "yearly", "--year", "2023", "--db", demo["db"], "--json", data_dir=demo["data_dir"])
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert a4_part(report) == A4
    assert {k: report["study_sessions"][k] for k in A4_STUDY} == A4_STUDY
    assert {k: report["study_sessions_rule_of_law"][k] for k in A4_STUDY} == A4_STUDY
    # no case carried in from 2022: every closure of 2023 is by award or mediation
    assert report["arbitration_closed"] == report["arbitration_closed_award_or_mediation"]
    assert all(r["holds"] for r in report["reconciliations"])
    # the demo printed the same figures
    assert a4_part(demo["output"]["figures"]) == A4


def test_the_demo_prints_one_account_per_role(demo: dict[str, Any]) -> None:
    from app.accounts.permissions import Role

    accounts = demo["output"]["accounts"]
    assert {a["role"] for a in accounts} == {r.value for r in Role}
    assert all(len(a["password"]) >= 8 for a in accounts)
    assert accounts[0]["role"] == "admin"


def test_every_record_is_audited_and_the_chain_verifies(demo: dict[str, Any]) -> None:
    done = run("audit", "verify", "--db", demo["db"], "--json", data_dir=demo["data_dir"])
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads(done.stdout)
    assert result["ok"] is True and result["breaks"] == []
    assert result["entries_checked"] > 10_000  # every row of the year went through the unit of work


def test_the_demo_refuses_a_database_that_holds_data(demo: dict[str, Any]) -> None:
    done = run("demo", "--year", "2023", "--db", demo["db"], data_dir=demo["data_dir"])
    assert done.returncode == 2
    assert "演示数据只能写入空数据库" in done.stderr
    assert "Traceback" not in done.stderr


# Issue 15's full round trip (this was tests/e2e/test_exchange_demo_year.py, which built the same
# demo year again in-process: build_district(year=2023) with the seed the command uses, 2023).
# A township's demo-sized year goes up by bundle, and the district's yearly figures for what
# travels (complaints, arbitration, mediation) then equal the township's.  What stays at its site
# (projects, training, the staff roster, the bureau's name) is declared LOCAL or goes only down,
# and is left out of the comparison.

ADMIN = make_actor("admin", username="admin", user_id=None)
# figures from records that stay at their site or only go down (app/sites/travel.py)
NOT_TRAVELLING = {"organisation", "projects", "certified_staff", "study_sessions", "study_sessions_rule_of_law"}
NOT_TRAVELLING_PREFIXES = ("project", "exam_")


@pytest.mark.sqlite_only  # the township's year is the SQLite demo; the exchange itself is backend-neutral
def test_a_townships_demo_year_goes_up_and_the_district_counts_the_same(demo: dict[str, Any], tmp_path: Path) -> None:
    town = open_store(f"sqlite:///{copy_database(Path(demo['db'].removeprefix('sqlite:///')), tmp_path / 'town.db')}")
    district = open_store(f"sqlite:///{tmp_path / 'district.db'}")
    try:
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
