"""Migration 0016: work-injury claims stored before the 工伤医疗费 split (调解仲裁法 art 47(1)).

A database at 0014 holds ``injury`` claims written under the old single category — some for medical
costs, some for other benefits — and an award whose ``final`` flags were computed under the old rule
(every work-injury item final-eligible).  After the upgrade the medical claims read as 工伤医疗费, the
others stay the other benefits, the issued award's finality is what the award said (法释〔2020〕26号
art 18), and every changed row has its audit entry.
"""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import create_engine, select

from app.accounts.permissions import Permission
from app.arbitration.models import ArbitrationClaim
from app.arbitration.service import AwardItem, ClaimInput
from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.backup.service import before_upgrade
from app.kernel.unit_of_work import UnitOfWork
from app.store import open_store
from app.store.migrate import alembic_config, current_revision, upgrade
from tests.fixtures.arbitration import CLERK, make_world, run_to_hearing


def _claims(store, case_id: int) -> list[tuple[str, str, bool | None, int]]:
    with store.read() as session:
        return [(c.description, c.category, c.final, c.version) for c in session.scalars(
            select(ArbitrationClaim).where(ArbitrationClaim.case_id == case_id).order_by(ArbitrationClaim.position))]


def _breaks(store) -> set[tuple[str, str | None, int | None]]:
    with store.read() as session:
        return {(b.code, b.table_name, b.record_id) for b in audit.verify(session).breaks}


def test_0016_reads_stored_injury_claims_and_keeps_issued_finality(db_url: str) -> None:
    store = open_store(db_url)
    try:
        world = make_world(store)
        s = world.clerk_service()
        pending = s.receive(applicants=[world.worker], respondents=[world.employer], received_on=date(2023, 9, 25),
                            cause="工伤保险待遇争议", claims=[
                                ClaimInput("injury", 800_000, "工伤医疗费（住院治疗）"),
                                ClaimInput("injury", 3_000_000, "一次性伤残补助金"),
                                ClaimInput("injury", 500_000, "一次性工伤医疗补助金"),
                                ClaimInput("injury", 900_000, "医疗费及停工留薪期工资"),
                                ClaimInput("injury", 400_000, ""),
                            ])
        awarded = s.receive(applicants=[world.worker2], respondents=[world.employer], received_on=date(2023, 9, 25),
                            cause="工伤保险待遇争议", claims=[
                                ClaimInput("injury", 800_000, "医药费"),
                                ClaimInput("injury", 1_000_000, "停工留薪期工资"),
                            ])
        mediated = world.mediation().apply(
            applicants=[world.worker], respondents=[world.employer2], received_on=date(2023, 9, 20),
            matter="工伤待遇", organisation="某镇劳动保障所",
            claims=[ClaimInput("injury", 600_000, "工伤住院医疗费"), ClaimInput("injury", 2_000_000, "伤残津贴")])
        view = run_to_hearing(world, awarded)
        view = s.hold_hearing(awarded, date(2023, 10, 25), hearing_id=view.hearings[0].id)
        view = s.close_award(awarded, date(2023, 11, 20), [AwardItem(c.id, c.amount_claimed_fen, "upheld")
                                                           for c in view.claims])
        # The award as the program before the split made it: each item at most 12 × 1,890 yuan, so final.
        with UnitOfWork(store, CLERK, Permission.ARBITRATION_HANDLE) as uow:
            for claim in uow.session.scalars(select(ArbitrationClaim).where(ArbitrationClaim.case_id == awarded)):
                claim.final = True
        before_pending, before_awarded = _claims(store, pending), _claims(store, awarded)
        assert {c[1] for c in before_pending + before_awarded} == {"injury"}
        breaks_before = _breaks(store)
    finally:
        store.dispose()

    command.downgrade(alembic_config(db_url), "0014")
    engine = create_engine(db_url)
    try:
        assert current_revision(engine) == "0014"
    finally:
        engine.dispose()
    upgrade(db_url, backup_first=before_upgrade)

    store = open_store(db_url)
    try:
        after_pending, after_awarded = _claims(store, pending), _claims(store, awarded)
        # Medical costs alone become 工伤医疗费; a lump sum (一次性工伤医疗补助金 included), a mixed claim and an
        # empty one stay the other benefits.
        assert [c[1] for c in after_pending] == ["injury_medical", "injury", "injury", "injury", "injury"]
        assert [c[1] for c in after_awarded] == ["injury_medical", "injury"]
        assert [c.category for c in world.mediation().get(mediated).claims] == ["injury_medical", "injury"]
        # The issued award keeps the finality it stated, even on the item art 47(1) would not make final.
        assert [c[2] for c in after_awarded] == [True, True]
        # Changed rows are edits: their version moves; the others are untouched.
        assert [a[3] - b[3] for a, b in zip(after_pending, before_pending, strict=True)] == [1, 0, 0, 0, 0]
        assert [a[3] - b[3] for a, b in zip(after_awarded, before_awarded, strict=True)] == [1, 0]
        assert _breaks(store) == breaks_before  # the chain and every record still verify as before
        with store.read() as session:
            entries = session.scalars(select(AuditEntry).where(AuditEntry.actor == "(migration 0016)")).all()
        assert len(entries) == 3
        assert {e.table_name for e in entries} == {"arbitration_claim", "mediation_claim"}
        assert {e.action for e in entries} == {"update"}
        assert all("第四十七条第一项" in (e.reason or "") and "法释〔2020〕26号第十八条" in (e.reason or "")
                   for e in entries)
        assert all('"category":["injury","injury_medical"]' in e.changes for e in entries)
        # What the docket shows: 工伤医疗费 by name, the award's items still final.
        claims = s.__class__(store, CLERK).get(awarded).claims
        assert [(c.category, c.final) for c in claims] == [("injury_medical", True), ("injury", True)]
    finally:
        store.dispose()

    upgrade(db_url, backup_first=before_upgrade)  # again: nothing more to read
    store = open_store(db_url)
    try:
        with store.read() as session:
            assert len(session.scalars(
                select(AuditEntry).where(AuditEntry.actor == "(migration 0016)")).all()) == 3
    finally:
        store.dispose()
