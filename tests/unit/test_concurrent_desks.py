"""Several desks on one server at the same moment, as separate processes (each its
own connections, as separate PCs would have): the database, not a check in
Python, keeps the audit chain whole, the case numbers gapless and a room booked
once.  PostgreSQL only: SQLite's single writer is the one-PC mode."""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import date, datetime, time
from typing import Any

import pytest

pytestmark = pytest.mark.postgresql_only

WRITERS = 8
CHANGES = 100
SPAWN = multiprocessing.get_context("spawn")


def _in_child(target: Any, url: str, barrier: Any, results: Any, index: int, extra: tuple[Any, ...]) -> None:
    try:
        results.put((index, "ok", target(url, barrier, index, *extra)))
    except Exception as exc:  # reported to the test, which fails on it
        from app.errors import UserError

        if isinstance(exc, UserError):
            results.put((index, "refused", (exc.code, exc.message())))
        else:
            results.put((index, "crashed", traceback.format_exc()))


def run_desks(target: Any, url: str, count: int, *extra: Any) -> list[tuple[int, str, Any]]:
    """Run `target(url, barrier, index, *extra)` in `count` processes at once; (index, outcome, value)."""
    barrier = SPAWN.Barrier(count)
    results = SPAWN.Queue()
    desks = [SPAWN.Process(target=_in_child, args=(target, url, barrier, results, i, extra)) for i in range(count)]
    for desk in desks:
        desk.start()
    outcomes = [results.get(timeout=300) for _ in desks]
    for desk in desks:
        desk.join(timeout=60)
    crashed = [o for o in outcomes if o[1] == "crashed"]
    assert not crashed, crashed[0][2]
    return sorted(outcomes)


def _write_parties(url: str, barrier: Any, index: int) -> list[int]:
    from app.parties.service import PartyService
    from app.store import open_store
    from tests.conftest import make_actor

    store = open_store(url, migrate=False)
    parties = PartyService(store, make_actor("admin", username=f"desk{index}"))
    barrier.wait()
    ids = []
    for n in range(CHANGES):
        row = parties.create({"kind": "person", "name": f"王{index}号{n}"})
        if n % 2:  # every other change an update of what was just written
            row = parties.update(row.id, row.version, {"name": f"王{index}号{n}改"})
        ids.append(row.id)
    store.dispose()
    return ids


def test_eight_writers_keep_one_valid_audit_chain_and_lose_nothing(db_url: str) -> None:
    from sqlalchemy import func, select

    from app.audit import chain as audit
    from app.audit.models import AuditEntry
    from app.parties.models import Party
    from app.store import open_store

    outcomes = run_desks(_write_parties, db_url, WRITERS)
    assert [o[1] for o in outcomes] == ["ok"] * WRITERS
    store = open_store(db_url)
    try:
        with store.read() as session:
            names = set(session.scalars(select(Party.name)))
            expected = {
                f"王{i}号{n}改" if n % 2 else f"王{i}号{n}" for i in range(WRITERS) for n in range(CHANGES)
            }
            assert expected <= names
            party_entries = session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.table_name == "party")
            )
            assert party_entries == WRITERS * CHANGES * 3 // 2  # a create each, an update every other
            result = audit.verify(session)
            assert result.ok, result.breaks[:3]
            assert result.head_seq == session.scalar(select(func.max(AuditEntry.seq)))
    finally:
        store.dispose()


def _register_complaints(url: str, barrier: Any, index: int) -> list[str]:
    from app.complaints.service import ComplaintService
    from app.store import open_store
    from tests.conftest import make_actor
    from tests.fixtures.identities import make_id, make_uscc

    store = open_store(url, migrate=False)
    service = ComplaintService(store, make_actor("inspector", username=f"desk{index}"),
                               today=lambda: date(2023, 9, 28))
    barrier.wait()
    numbers = []
    for n in range(10):
        detail, _ = service.register({
            "kind": "complaint", "channel": "visit", "received_at": datetime(2023, 6, 1, 10, 30),
            "complainant": {"name": "张伟", "id_no": make_id("520102", "19880101", 11 + 2 * index)},
            "employers": [{"party": {"name": f"贵州第{index}建筑劳务有限公司",
                                     "uscc": make_uscc(f"520102MA6D{index:04d}")}, "role": "subcontractor"}],
            "workers": [{"party": {"name": "张伟", "id_no": make_id("520102", "19880101", 11 + 2 * index)},
                         "owed_fen": 100_000 + n}],
            "matters": "拖欠工资", "requests": "支付拖欠工资", "evidence": "考勤记录",
        })
        numbers.append(detail.number)
    store.dispose()
    return numbers


def test_four_desks_registering_get_unique_gapless_numbers(db_url: str) -> None:
    import re

    outcomes = run_desks(_register_complaints, db_url, 4)
    assert [o[1] for o in outcomes] == ["ok"] * 4, outcomes
    numbers = [number for o in outcomes for number in o[2]]
    assert len(set(numbers)) == 40
    serials = sorted(int(re.findall(r"\d+", n)[-1]) for n in numbers)
    assert serials == list(range(1, 41))


def _book_room(url: str, barrier: Any, index: int, case_ids: list[int]) -> str:
    from app.arbitration.service import ArbitrationCaseService
    from app.store import open_store
    from tests.fixtures.arbitration import CLERK

    store = open_store(url, migrate=False)
    service = ArbitrationCaseService(store, CLERK, today=lambda: date(2024, 1, 1))
    barrier.wait()
    view = service.schedule_hearing(
        case_ids[index], date(2023, 10, 11), held_on=date(2023, 10, 25), starts_at=time(9, 30 * index),
        ends_at=time(11), room="第一仲裁庭",
    )
    store.dispose()
    return view.case_no


def test_two_desks_booking_one_room_at_once_exactly_one_wins(store) -> None:
    from tests.fixtures.arbitration import make_world, receive

    world = make_world(store)
    clerk = world.clerk_service()
    case_ids = []
    for chief in (world.chief, world.other_chief):  # two tribunals with no one in common
        case_id = receive(world)
        clerk.accept(case_id, date(2023, 10, 7))
        clerk.convert_procedure(case_id, date(2023, 10, 8), "simple")
        clerk.form_tribunal(case_id, date(2023, 10, 9), chief_id=chief, clerk_id=world.clerk)
        clerk.record_service(case_id, document="application_copy", party_id=world.employer, method="direct",
                             served_on=date(2023, 10, 10))
        case_ids.append(case_id)
    outcomes = run_desks(_book_room, store.url, 2, case_ids)
    assert sorted(o[1] for o in outcomes) == ["ok", "refused"]
    (_, _, winner_case_no), = [o for o in outcomes if o[1] == "ok"]
    (_, _, (code, message)), = [o for o in outcomes if o[1] == "refused"]
    assert code == "hearing.room_taken"
    assert winner_case_no and winner_case_no in message  # told which case holds the room
    assert len(clerk.get(case_ids[0]).hearings) + len(clerk.get(case_ids[1]).hearings) == 1
