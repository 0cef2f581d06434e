"""One definition of a record's audit digest (issue 12): the ledger import's bulk writer, which never goes
through the ORM, gives every record it writes the digest `audit.record_digest` gives the record read back."""

from __future__ import annotations

import json
from datetime import date
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

