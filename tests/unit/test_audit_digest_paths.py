"""One definition of a record's audit digest (issue 12): the ledger import's bulk writer, which never goes
through the ORM, gives every record it writes the digest `audit.record_digest` gives the record read back."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.complaints.spreadsheet import import_ledger_file
from tests.fixtures.complaints import good, ledger_file, service

ROWS = [
    good(0, **{"受理日期": date(2023, 3, 2), "已支付金额（元）": 3000.5, "支付日期": date(2023, 4, 1),
               "结案日期": date(2023, 4, 3)}),
    good(1, **{"受理日期": date(2023, 3, 3), "结案日期": date(2023, 5, 1), "结案方式": "查无违法事实",
               "结案理由": "经调查工资已按约定支付"}),
    good(2, **{"受理日期": date(2023, 3, 8), "已支付金额（元）": "1,000.50", "支付日期": date(2023, 4, 1)}),
    good(3, **{"用人单位名称": "劳务公司甲", "统一社会信用代码": None}),
]


def bulk_digests(store: Any) -> dict[tuple[str, int], str]:
    """(table, record id) → the digest its bulk-insert entry keeps."""
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == audit.BULK_INSERT)).all()
        return {(e.table_name, int(record_id)): digest
                for e in entries for record_id, digest in json.loads(e.changes)["records"]}


def orm_digests(store: Any, keys: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """(table, record id) → `audit.record_digest` of the record as the ORM reads it back."""
    models = {m.local_table.name: m.class_ for m in audit.audited_mappers()}
    with store.read() as session:
        return {(table, record_id): audit.record_digest(session.get(models[table], record_id))
                for table, record_id in keys}


def test_the_bulk_writer_and_the_orm_give_every_imported_record_the_same_digest(store, tmp_path) -> None:
    report, _read = import_ledger_file(service(store), ledger_file(tmp_path, ROWS))
    assert report.imported == len(ROWS) and not report.refused
    written = bulk_digests(store)
    # dates, aware datetimes, uuids, money, NULLs and Chinese text all went through the bulk writer
    assert {"complaint", "complaint_event", "complaint_worker", "wage_payment"} <= {t for t, _ in written}
    assert orm_digests(store, set(written)) == written
    with store.read() as session:
        assert audit.verify(session).ok


def test_the_bulk_writer_takes_the_digest_from_the_audit_module(store, tmp_path, monkeypatch) -> None:
    """The writer canonicalises the stored values itself; the digest of them is audit's, not a copy."""
    one_definition = audit.canonical_state_digest
    monkeypatch.setattr(audit, "canonical_state_digest", lambda state: "changed:" + one_definition(state)[8:])
    import_ledger_file(service(store), ledger_file(tmp_path, ROWS[:1]))
    imported = {key: digest for key, digest in bulk_digests(store).items() if key[0] == "complaint"}
    assert imported and all(digest.startswith("changed:") for digest in imported.values())
    # and the ORM's side follows the same change: the import still verifies
    assert orm_digests(store, set(imported)) == imported



def test_the_canonical_text_is_the_one_json_dumps_writes() -> None:
    """The digests hash `json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))`:
    every chain already written was hashed so.  The encoder made once (issue 12's import speed) must write the
    same text for every kind of value an entry or a state holds."""
    values: list[Any] = [
        {"b": 1, "a": "张三", "c": None, "d": True, "e": False, "f": 2.5, "g": -0.0, "h": 10**20,
         "i": ["x\"\\\n\t\u2028", {"z": 0, "y": [None, 1.0e-7]}], "j": float("inf"), "k": "", "é": "ü"},
        {"records": [[1, "ab" * 32], [2, "cd" * 32]], "count": 2, "first_id": 1, "last_id": 2},
        {3: date(2023, 1, 2), "when": datetime(2023, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
         "uuid": uuid.UUID(int=7), "fen": Decimal("2.50"), "tuple": (1, (Decimal("1.10"), "a")), "set": []},
        [1, "二", None], "只有文字", 12, None,
    ]
    for value in values:
        expected = json.dumps(audit.canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert audit.canonical_json(value) == expected
    state = values[0]
    expected_text = json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert audit.canonical_state_digest(state) == hashlib.sha256(expected_text.encode()).hexdigest()
    # canonical(): keys become text, tuples lists, and the values inside containers their canonical form
    assert audit.canonical(values[2]) == {
        "3": "2023-01-02", "when": "2023-01-02T03:04:05.000006+00:00", "uuid": str(uuid.UUID(int=7)),
        "fen": "2.5", "tuple": [1, ["1.1", "a"]], "set": [],
    }
