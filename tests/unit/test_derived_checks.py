"""Issue 13: `audit verify` recomputes the arbitration deadline cache and names a case whose cache was edited."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from app.audit.log import AuditLogService
from tests.conftest import make_actor
from tests.fixtures.arbitration import make_world, receive


def _derived(store) -> list:
    result = AuditLogService(store, make_actor("admin")).verify()
    return [b for b in result.breaks if b.code == "derived_mismatch"]


def test_an_edited_or_deleted_deadline_is_a_break_naming_the_case(store) -> None:
    world = make_world(store)
    first = receive(world, date(2023, 9, 25))
    second = receive(world, date(2023, 9, 26))
    world.clerk_service().accept(second, date(2023, 9, 27))
    with store.engine.begin() as connection:
        case_no = connection.execute(text("SELECT case_no FROM arbitration_case WHERE id = :i"), {"i": second}).scalar()
        assert connection.execute(text("SELECT count(*) FROM arbitration_deadline")).scalar() >= 2
    assert _derived(store) == []

    with store.engine.begin() as connection:  # the overdue item moved off the desk
        connection.execute(text("UPDATE arbitration_deadline SET due = '2099-01-01' WHERE case_id = :i"), {"i": second})
    breaks = _derived(store)
    assert [(b.record_id, b.label) for b in breaks] == [(second, case_no)]
    assert case_no in breaks[0].describe() and "期限" in breaks[0].describe()

    with store.engine.begin() as connection:  # … or deleted outright
        connection.execute(text("DELETE FROM arbitration_deadline WHERE case_id = :i"), {"i": first})
    assert {b.record_id for b in _derived(store)} == {first, second}


def test_audit_verify_on_the_command_line_fails_naming_the_case(store, db_url: str, capsys) -> None:
    from app.cli import run

    world = make_world(store)
    case = receive(world, date(2023, 9, 25))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM arbitration_deadline WHERE case_id = :i"), {"i": case})
    capsys.readouterr()
    assert run(["audit", "verify", "--db", db_url, "--json"]) == 1
    import json

    breaks = json.loads(capsys.readouterr().out)["breaks"]
    assert any(b["code"] == "derived_mismatch" and b["record_id"] == case for b in breaks)
