"""The demo district builder's state — what one year's steps hand on to the next — and the
reads and choices more than one step uses."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from app.accounts.actor import Actor
from app.arbitration.models import ArbitrationClaim
from app.arbitration.service import ClaimInput
from app.demo.helpers import Days
from app.demo.identities import IdentityMaker
from app.demo.plan import A4_PLAN, DemoAccount, Plan, Progress
from app.legal.calendar import LegalCalendar, default_calendar
from app.parties.service import PartyService
from app.store.engine import Store


class BuilderState:
    """What the steps share: the plan, the seeded generator, the accounts, and the records
    an earlier step made that a later one refers to."""

    # set by make_staff
    officer_ids: list[int]
    enforcers: list[int]
    roster: list[int]
    # set by make_employers
    builder_id: int
    contractor_ids: list[int]
    labour: list[tuple[int, dict[str, Any]]]
    others: list[tuple[int, dict[str, Any]]]
    # set by make_projects
    project_ids: list[int]
    project_labour: dict[int, int]
    # set by make_complaints: the workers told to apply for arbitration (监察+仲裁)
    redirected_people: list[dict[str, Any]]
    # set by make_mediation (the claim sets of the year's accepted arbitration cases)
    _claim_sets: list[list[ClaimInput]]
    _arb_causes: list[str]
    _forwarded_claims: list[list[ClaimInput]]

    def __init__(self, store: Store, *, year: int, seed: int, scale: int, progress: Progress | None,
                 calendar: LegalCalendar | None = None, plan: Plan = A4_PLAN) -> None:
        self.store = store
        self.plan = plan.scaled(scale)
        self.year = year
        self.seed = seed
        self.scale = scale
        self.rng = random.Random(seed)
        self.people = IdentityMaker(self.rng)
        self.cal = calendar or default_calendar()
        self.days = Days(year, self.rng, self.cal)
        self.progress = progress or (lambda _label, _done, _total: None)
        self.counts: dict[str, int] = {}
        self.accounts: list[DemoAccount] = []
        self.actors: dict[str, Actor] = {}
        self.user_ids: dict[str, int] = {}

    def employer(self) -> tuple[int, dict[str, Any]]:
        """An employer for a complaint or a dispute: small firms far more often than the sites' labour firms."""
        rng = self.rng
        pool = self.labour if rng.random() < 0.3 else self.others
        # a tenth of the employers draw a third of the complaints (a long tail)
        if rng.random() < 0.33:
            return pool[rng.randrange(max(1, len(pool) // 10))]
        return pool[rng.randrange(len(pool))]

    def _versions(self, model: Any, ids: Sequence[int]) -> dict[int, int]:
        """The records' current versions in one read (a step on a case names the version it saw)."""
        with self.store.read() as session:
            found: dict[int, int] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start: start + 500]
                for record_id, version in session.execute(select(model.id, model.version).where(model.id.in_(chunk))):
                    found[record_id] = version
            return found

    def _claims(self, case_ids: Sequence[int]) -> dict[int, list[tuple[int, int, str]]]:
        """Each case's live claims (id, amount claimed, category) in one read."""
        out: dict[int, list[tuple[int, int, str]]] = {cid: [] for cid in case_ids}
        with self.store.read() as session:
            for start in range(0, len(case_ids), 500):
                chunk = case_ids[start: start + 500]
                rows = session.execute(
                    select(ArbitrationClaim.case_id, ArbitrationClaim.id, ArbitrationClaim.amount_claimed_fen,
                           ArbitrationClaim.category)
                    .where(ArbitrationClaim.case_id.in_(chunk), ArbitrationClaim.withdrawn.is_(False))
                    .order_by(ArbitrationClaim.case_id, ArbitrationClaim.position, ArbitrationClaim.id)
                )
                for case_id, claim_id, amount, category in rows:
                    out[case_id].append((claim_id, amount, category))
        return out

    def import_parties(self, records: list[dict[str, Any]], actor: str = "admin") -> list[int]:
        report = PartyService(self.store, self.actors[actor]).import_records(
            enumerate(records, start=1), total=len(records))
        if report.refused:
            raise RuntimeError(f"demo parties refused: {report.refused[:3]}")
        return list(report.imported_ids)
