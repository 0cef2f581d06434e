"""A year of a district bureau (DOMAIN A4), made record by record through the services.

Everything is written by the areas' services with a signed-in
account of the right role, so every record is audited like a clerk's:

1. accounts: the first administrator (create_first_admin, the set-up actor's
   one act), then one account per role made by that administrator;
2. the legal office (法制审核员) keeps the roster, certificates, study sessions
   and exams; the inspector keeps the construction projects and their
   six-system checks and handles complaints that the intake clerk registers
   (and imports a ledger of the simpler ones); the township mediator runs the
   online and on-site mediations (and forwards failed ones to arbitration);
   the arbitration clerk receives, accepts or refuses applications and runs
   the cases, with the arbitrators as tribunal members.

The figures of A4 are not typed in: they follow from the records, and the
plan below is arranged so that for `scale=1` and year 2023 the yearly report
gives exactly 861 / 1,020 / 5,233,000.00 / 12 / 95.45 % / 757 / 673 / 84 /
4,965.37 万元 / 660 / 13 / 54 / 27 / 17 / 4·7·3 / 100 % · 100 %.  `scale=N`
multiplies the cases (complaints, workers, money, projects, arbitration and
mediation); the roster and the study programme stay one bureau's.

All randomness comes from one `random.Random(seed)`, so a seed gives the same
district every time (names, numbers, dates, amounts).

The steps live beside this module: `registers` (accounts, roster, training,
employers, projects), `complaints`, and `cases` (mediation and arbitration);
`plan` holds the figures and names, `helpers` the dates and the exact splits,
`state` what the steps hand on.  This module joins them and keeps the names
other code imports.
"""

from __future__ import annotations

import time as _time
from datetime import date

from app.demo.cases import DisputeSteps
from app.demo.complaints import ComplaintSteps
from app.demo.helpers import Days, database_is_empty, relax_durability, split_total
from app.demo.plan import A4_PLAN, SMALL_PLAN, DemoAccount, DemoResult, Plan, Progress
from app.demo.registers import RegisterSteps
from app.errors import UserError
from app.legal.calendar import LegalCalendar
from app.store.engine import Store

__all__ = [
    "A4_PLAN",
    "SMALL_PLAN",
    "Days",
    "DemoAccount",
    "DemoResult",
    "DistrictBuilder",
    "Plan",
    "build_district",
    "database_is_empty",
    "split_total",
]


class DistrictBuilder(RegisterSteps, ComplaintSteps, DisputeSteps):
    """One year of the district, step by step (`build_district` runs the steps in order)."""


def build_district(store: Store, *, year: int = 2023, seed: int = 2023, scale: int = 1,
                   progress: Progress | None = None, calendar: LegalCalendar | None = None,
                   plan: Plan = A4_PLAN) -> DemoResult:
    """Fill an EMPTY database with the demo district's `year` (see the module docstring)."""
    if scale < 1:
        raise UserError("demo.scale_invalid", value=scale)
    if year < 2000 or date(year, 12, 31) >= date.today():
        raise UserError("demo.year_not_past", value=year)
    if not database_is_empty(store):
        raise UserError("demo.database_not_empty")
    started = _time.perf_counter()
    restore = relax_durability(store)
    try:
        builder = DistrictBuilder(store, year=year, seed=seed, scale=scale, progress=progress, calendar=calendar,
                                  plan=plan)
        builder.make_accounts()
        builder.make_staff()
        builder.make_training()
        builder.make_employers()
        builder.make_projects()
        builder.make_complaints()
        forwarded = builder.make_mediation()
        builder.make_arbitration(forwarded)
    finally:
        restore()
    return DemoResult(year=year, seed=seed, scale=scale, accounts=builder.accounts, counts=builder.counts,
                      seconds=_time.perf_counter() - started)
