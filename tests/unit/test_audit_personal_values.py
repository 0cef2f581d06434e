"""Issue 13: audit entries keep personal values as masked value + keyed digest; migration 0010
rewrites the old entries and re-anchors the chain with an audited "rechain" entry."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import select, text

from app.accounts.actor import setup_actor
from app.audit import chain as audit
from app.audit.log import AuditLogService
from app.audit.models import AuditEntry
from app.parties.service import PartyService
from app.privacy import keyed_digest
from tests.conftest import make_actor

ID_A = "520102199003070014"
ID_B = "520102199003070022"
PHONE = "13812345678"


def _raw_changes(store) -> str:
    with store.read() as session:
        return "\n".join(session.scalars(select(AuditEntry.changes)))


def test_new_entries_hold_masked_values_and_keyed_digests_only(store) -> None:
    parties = PartyService(store, setup_actor())
    row = parties.create({"kind": "person", "name": "张伟", "id_no": ID_A, "phone": PHONE})
    parties.update(row.id, row.version, {"id_no": ID_B})
    raw = _raw_changes(store)
    assert ID_A not in raw and ID_B not in raw and PHONE not in raw
    with store.read() as session:
        key = audit.audit_key(session.connection())
        last = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    old, new = json.loads(last.changes)["id_no"]
    assert old == {"masked": "520102********0014", "hmac": keyed_digest(key, ID_A)}
    assert new["hmac"] == keyed_digest(key, ID_B) != old["hmac"]
    # the 操作日志 shows the masked values; the full value is still in the record (reveal)
    entry = AuditLogService(store, make_actor("admin")).query(action="update").page(0, 10)[0]
    assert entry.changes["id_no"] == ["520102********0014", "520102********0022"]
    assert PartyService(store, make_actor("admin")).reveal(row.id, "id_no", "核对") == ID_B
    assert AuditLogService(store, make_actor("admin")).verify().ok


def test_migration_0010_rewrites_old_entries_and_rechains(tmp_path, monkeypatch) -> None:
    from sqlalchemy import inspect as sa_inspect

    from app.store import open_store
    from app.store.engine import make_engine
    from app.store.migrate import alembic_config, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0009")  # the revision before 0010
        inspector = sa_inspect(connection)
        existing = {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}
    engine.dispose()
    # entries written the old way: full values in the changes
    monkeypatch.setattr(audit, "protect_changes", lambda table, changes, key: changes)
    # today's models know tables later revisions add; the old database has only its own
    every_mapper = audit.audited_mappers
    monkeypatch.setattr(audit, "audited_mappers",
                        lambda: [m for m in every_mapper() if m.local_table.name in existing
                                 and {c.name for c in m.local_table.columns} <= existing[m.local_table.name]])
    old_store = open_store(url, migrate=False)
    parties = PartyService(old_store, setup_actor())
    row = parties.create({"kind": "person", "name": "张伟", "id_no": ID_A, "phone": PHONE})
    parties.update(row.id, row.version, {"id_no": ID_B, "address": "贵州省贵阳市南明区花果园街道1号"})
    parties.create({"kind": "org", "name": "某公司"})
    with old_store.sessions() as session:  # the old full export's entry named its search in full
        from app.accounts.actor import Actor

        audit.append(session.connection(), Actor("admin", 1), [audit.PendingEntry(
            "export", "party", None, None, {"full": True, "search": ID_B, "kind": ""}, None, "移送法院")])
        session.commit()
    assert ID_A in _raw_changes(old_store)
    with old_store.read() as session:
        before = audit.verify(session)
    assert before.ok
    old_store.dispose()
    monkeypatch.undo()

    upgrade(url, backup_first=None)
    store = open_store(url)
    try:
        raw = _raw_changes(store)
        assert ID_A not in raw and ID_B not in raw and PHONE not in raw and "花果园街道1号" not in raw
        result = AuditLogService(store, make_actor("admin")).verify()
        assert result.ok, [b.describe("en") for b in result.breaks]
        with store.read() as session:
            rechain = session.scalars(select(AuditEntry).where(AuditEntry.action == "rechain")).one()
        summary = json.loads(rechain.changes)
        assert summary["old_head"] == f"{before.head_seq}:{before.head_hash}"
        assert summary["new_head"].startswith(f"{before.head_seq}:") and summary["new_head"] != summary["old_head"]
        assert summary["entries_rewritten"] == 3 and rechain.seq == before.head_seq + 1
        assert rechain.actor == "(migration 0010)"
    finally:
        store.dispose()


def test_migration_keeps_a_break_that_was_already_there(tmp_path, monkeypatch) -> None:
    from app.store import open_store
    from app.store.engine import make_engine
    from app.store.migrate import alembic_config, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
    engine.dispose()
    monkeypatch.setattr(audit, "protect_changes", lambda table, changes, key: changes)
    old_store = open_store(url, migrate=False)
    parties = PartyService(old_store, setup_actor())
    for n in range(3):
        parties.create({"kind": "person", "name": f"工人{n}", "id_no": (ID_A, ID_B, "520102199003070030")[n]})
    with old_store.engine.begin() as connection:  # someone altered entry 2's reason behind the program's back
        connection.execute(text("UPDATE audit_entry SET reason = 'x' WHERE seq = 2"))
    old_store.dispose()
    monkeypatch.undo()

    upgrade(url, backup_first=None)
    store = open_store(url)
    try:
        result = AuditLogService(store, make_actor("admin")).verify()
        assert [(b.code, b.seq) for b in result.breaks] == [("hash_mismatch", 2)]
    finally:
        store.dispose()


@pytest.mark.parametrize("field", ["search"])
def test_an_export_searched_by_id_number_keeps_it_masked(store, tmp_path, field: str) -> None:
    from app.kernel.exports import ExportTrace

    ExportTrace(store, setup_actor(), "parties.xlsx", "party", details={field: ID_A}).record("x.xlsx", 0)
    assert ID_A not in _raw_changes(store)
