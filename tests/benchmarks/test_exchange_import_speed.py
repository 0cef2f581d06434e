"""Exchange import speed (issue 15): 10,000 township records imported at the district.

The import used to save each new record through the audited ORM path (one audit
entry per record, computed in the session's flush); it now inserts them with bulk
Core statements and one `bulk_insert` audit entry per table, as the ledger import
does.  Measured beside a bare sqlite3 copy of the same rows between two files.
The mix is what a township's year sends: parties, mediation cases with their
parties, claims and events.  After the import `audit verify` must pass.

Skipped in the default run (it uses the `benchmark` fixture); run with:
pytest tests/benchmarks/test_exchange_import_speed.py --benchmark-enable -s
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from app.audit import chain as audit
from app.kernel.unit_of_work import UnitOfWork
from app.mediation.models import MediationCase, MediationClaim, MediationParty
from app.parties.models import Party
from app.sites.exchange import ExchangeService
from app.sites.identity import SiteService
from tests.conftest import make_actor
from tests.fixtures.sites import site_store

CASES = 2_000  # each: 1 party of its own + the case + 2 case parties + 1 claim = 5 records
LIMIT_SECONDS = 10.0
ADMIN = make_actor("admin", username="admin")




def _township_year(store) -> int:
    with UnitOfWork(store, ADMIN) as uow:
        session = uow.session
        employer = Party(kind="org", name="甲镇建筑有限公司", name_sort="jiazhen")
        session.add(employer)
        session.flush()
        for i in range(CASES):
            worker = Party(kind="person", name=f"工人{i:05d}", name_sort=f"gongren{i:05d}", phone=f"139{i:08d}")
            session.add(worker)
            case = MediationCase(case_no=f"甲镇劳人调字〔2024〕第{i + 1}号", matter="拖欠工资", channel="online",
                                 status="received", received_on=date(2024, 3, 1), due_on=date(2024, 3, 16),
                                 organisation="TA")
            session.add(case)
            session.flush()
            session.add_all([MediationParty(case_id=case.id, party_id=worker.id, role="applicant"),
                             MediationParty(case_id=case.id, party_id=employer.id, role="respondent"),
                             MediationClaim(case_id=case.id, category="wages", amount_fen=100_000 + i)])
    return CASES * 5 + 1


def test_ten_thousand_records_import_within_ten_seconds(tmp_path: Path, benchmark) -> None:
    town = site_store(tmp_path / "town", "TA", "township", "甲镇")
    district = site_store(tmp_path / "district", "D", "district", "某区")
    SiteService(town, ADMIN).trust(tmp_path / "district" / "key")
    SiteService(district, ADMIN).trust(tmp_path / "town" / "key")
    records = _township_year(town)
    bundle = tmp_path / "bundle.rsx"
    timings: dict[str, float] = {}

    def exchange() -> None:
        started = time.perf_counter()
        exported = ExchangeService(town, ADMIN).export("D", bundle)
        timings["export"] = time.perf_counter() - started
        started = time.perf_counter()
        imported = ExchangeService(district, ADMIN).import_bundle(bundle)
        timings["import"] = time.perf_counter() - started
        assert exported.records == imported.records_new == records

    benchmark.pedantic(exchange, rounds=1, iterations=1)
    with district.read() as session:
        verified = audit.verify(session)
    assert verified.ok, verified.breaks[:3]
    town.dispose()
    district.dispose()

    # the bare copy: the same tables' rows from one SQLite file into another, nothing else
    copy = tmp_path / "copy.db"
    started = time.perf_counter()
    with sqlite3.connect(tmp_path / "town" / "site.db") as source, sqlite3.connect(copy) as target:
        for table in ("party", "mediation_case", "mediation_party", "mediation_claim"):
            rows = source.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - fixed names
            columns = [d[1] for d in source.execute(f"PRAGMA table_info({table})")]
            target.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            target.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", rows)  # noqa: S608
    timings["bare_copy"] = time.perf_counter() - started
    print(f"\nexchange of {records} records: export {timings['export']:.2f} s, import {timings['import']:.2f} s "
          f"(bare sqlite3 copy {timings['bare_copy']:.3f} s: import/bare = "
          f"{timings['import'] / timings['bare_copy']:.0f}×), bundle {bundle.stat().st_size / 1024:.0f} KiB")
    assert timings["export"] <= LIMIT_SECONDS and timings["import"] <= LIMIT_SECONDS


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "--benchmark-enable", "-s"])
