"""Tamper tests: any edit made behind the program's back is found and named."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine

from app.audit import chain as audit
from app.parties.service import PartyService
from tests.conftest import make_actor


@pytest.fixture
def filled(store, db_url):
    parties = PartyService(store, make_actor("intake"))
    a = parties.create({"kind": "person", "name": "张伟", "phone": "13812345678"})
    b = parties.create({"kind": "person", "name": "李四"})
    parties.update(a.id, a.version, {"name": "张伟民"})
    parties.create({"kind": "org", "name": "某建筑公司"})
    return store, db_url, a, b


def run_sql(db_url: str, sql: str, *params) -> None:
    """An edit behind the program's back: straight SQL, no unit of work, no audit."""
    if db_url.startswith("postgresql"):
        engine = create_engine(db_url)
        with engine.begin() as connection:
            connection.exec_driver_sql(sql.replace("?", "%s"), params)
        engine.dispose()
        return
    connection = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    connection.execute(sql, params)
    connection.commit()
    connection.close()


def breaks(store) -> list[audit.Break]:
    with store.read() as session:
        return audit.verify(session).breaks


def test_untouched_record_verifies(filled) -> None:
    store, *_ = filled
    with store.read() as session:
        result = audit.verify(session)
    assert result.ok
    assert (result.entries_checked, result.records_checked) == (4, 3)


def test_record_edited_in_sqlite_is_caught(filled) -> None:
    store, path, a, _ = filled
    run_sql(path, "UPDATE party SET phone = '13900000000' WHERE id = ?", a.id)
    found = breaks(store)
    assert [(b.code, b.table_name, b.record_id, b.seq) for b in found] == [("record_changed", "party", a.id, 3)]
    assert found[0].describe() == f"记录 party#{a.id} 在程序之外被修改（最后一条相关日志为第3条）"


def test_deleted_audit_row_is_caught(filled) -> None:
    store, path, *_ = filled
    run_sql(path, "DELETE FROM audit_entry WHERE seq = 2")
    first = breaks(store)[0]
    assert (first.code, first.seq) == ("chain_gap", 3)


def test_deleted_last_audit_row_is_caught(filled) -> None:
    store, path, *_ = filled
    run_sql(path, "DELETE FROM audit_entry WHERE seq = 4")
    codes = [b.code for b in breaks(store)]
    assert codes[0] == "head_mismatch"
    assert "record_unlogged" in codes  # the org now has no entry at all


def test_swapped_rows_are_caught(filled) -> None:
    store, path, *_ = filled
    run_sql(path, "UPDATE audit_entry SET seq = -2 WHERE seq = 2")
    run_sql(path, "UPDATE audit_entry SET seq = 2 WHERE seq = 3")
    run_sql(path, "UPDATE audit_entry SET seq = 3 WHERE seq = -2")
    first = breaks(store)[0]
    assert first.seq == 2
    assert first.code in {"prev_mismatch", "hash_mismatch"}


def test_edited_old_value_is_caught(filled) -> None:
    store, path, *_ = filled
    run_sql(path, "UPDATE audit_entry SET changes = replace(changes, '张伟', '王芳') WHERE seq = 3")
    first = breaks(store)[0]
    assert (first.code, first.seq) == ("hash_mismatch", 3)
    assert first.describe("en") == "entry 3 has been altered"


def test_row_inserted_behind_the_programs_back_is_caught(filled) -> None:
    store, path, *_ = filled
    run_sql(
        path,
        "INSERT INTO party (kind, name, is_migrant_worker, id, uuid, version, created_at, updated_at) "
        "VALUES ('person', '黑户', FALSE, 99, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, '2026-01-01', '2026-01-01')",
    )
    assert [(b.code, b.record_id) for b in breaks(store)] == [("record_unlogged", 99)]


def test_row_deleted_behind_the_programs_back_is_caught(filled) -> None:
    store, path, _, b = filled
    run_sql(path, "DELETE FROM party WHERE id = ?", b.id)
    assert [(x.code, x.record_id) for x in breaks(store)] == [("record_missing", b.id)]


def test_chain_survives_many_writers_in_sequence(store) -> None:
    for user in ("a", "b", "c"):
        PartyService(store, make_actor("intake", username=user)).create({"kind": "person", "name": f"工人{user}"})
    with store.read() as session:
        assert audit.verify(session).ok


def test_log_shows_personal_fields_masked_per_table(store) -> None:
    from app.audit.log import AuditLogService, masked_changes

    parties = PartyService(store, make_actor("intake"))
    parties.create({"kind": "person", "name": "张伟", "phone": "13812345678"})
    [row] = AuditLogService(store, make_actor("admin")).query().page(0, 1)
    assert row.changes["phone"] == [None, "138****5678"]
    assert "13812345678" not in row.changes_text()
    project_change = '{"wage_account_no":[null,"6222021234567890123"]}'
    assert masked_changes(project_change, "construction_project")["wage_account_no"] == [None, "****0123"]


def test_a_change_of_only_the_time_stamp_still_gets_an_entry(store) -> None:
    from app.kernel.unit_of_work import UnitOfWork
    from app.models import Party
    from app.store.types import utc_now

    row = PartyService(store, make_actor("intake")).create({"kind": "person", "name": "张伟"})
    with UnitOfWork(store, make_actor("intake")) as uow:
        party = uow.session.get(Party, row.id)
        party.updated_at = utc_now()  # e.g. a case touched when a child row is added
    with store.read() as session:
        assert audit.verify(session).ok


def _rewrite_whole_chain(db_url: str, party_id: int, name: str) -> None:
    """What someone with the database file and this source could do: change a record,
    then recompute its digest and every entry hash after it, so the chain checks out."""
    from app.audit.models import AuditEntry
    from app.parties.models import Party
    from app.store import open_store

    run_sql(db_url, "UPDATE party SET name = ? WHERE id = ?", name, party_id)
    path = db_url.removeprefix("sqlite:///")
    store = open_store(db_url, backup=False)
    try:
        with store.read() as session:
            digest = audit.record_digest(session.get(Party, party_id))
        connection = sqlite3.connect(path)
        rows = connection.execute(
            "SELECT seq, table_name, record_id, record_digest, " + ", ".join(audit.ENTRY_FIELDS) + " FROM audit_entry ORDER BY seq"
        ).fetchall()
        previous = audit.GENESIS_HASH
        for row in rows:
            seq, table, record_id, old_digest, *values = row
            content = dict(zip(audit.ENTRY_FIELDS, values, strict=True))
            if table == "party" and record_id == party_id and old_digest is not None:
                content["record_digest"] = digest
            with store.read() as session:  # the hash covers `at` as the ORM reads it back
                content["at"] = session.get(AuditEntry, seq).at
            new_hash = audit.chain_hash(previous, content)
            connection.execute(
                "UPDATE audit_entry SET record_digest = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?",
                (content["record_digest"], previous, new_hash, seq),
            )
            previous = new_hash
        connection.execute("UPDATE audit_head SET last_hash = ? WHERE id = 1", (previous,))
        connection.commit()
        connection.close()
    finally:
        store.dispose()


@pytest.mark.sqlite_only  # rewrites the chain through the sqlite3 module
def test_an_anchor_written_down_catches_a_whole_chain_rewritten(filled) -> None:
    store, path, a, _ = filled
    with store.read() as session:
        before = audit.verify(session)
    assert before.ok and before.anchor.startswith("4:") and len(before.anchor) == 2 + audit.ANCHOR_DIGITS
    anchor = audit.parse_anchor(before.anchor)

    _rewrite_whole_chain(path, a.id, "王五")
    with store.read() as session:
        assert audit.verify(session).ok  # the unkeyed chain alone cannot tell
        caught = audit.verify(session, anchors=[anchor])
    assert [(b.code, b.seq) for b in caught.breaks] == [("anchor_mismatch", 4)]
    assert caught.breaks[0].describe() == "第4条日志与先前记下的校验锚点不符（整条日志链被改写过）"


def test_an_anchor_beyond_the_chain_says_the_log_was_cut(filled) -> None:
    store, *_ = filled
    with store.read() as session:
        result = audit.verify(session, anchors=[(9, "0" * 16)])
    assert [(b.code, b.seq) for b in result.breaks] == [("anchor_missing", 9)]


@pytest.mark.parametrize("text", ["4", "4:abc", "x:0123456789abcdef", "4:0123456789abcdeg"])
def test_a_malformed_anchor_is_refused(text) -> None:
    with pytest.raises(ValueError):
        audit.parse_anchor(text)
