"""Every audited table and field has a name a leader reads in the 操作日志."""

from __future__ import annotations

import app.models  # noqa: F401  (registers every model)
from app.audit import chain as audit
from app.audit import labels as audit_labels

# Kept by the unit of work on every record; the audit log does not show them as changes.
BOOKKEEPING = {"id", "uuid", "version", "created_at", "updated_at", "created_by", "updated_by", "origin_site"}


def test_every_audited_table_and_field_has_a_chinese_and_an_english_label() -> None:
    missing_tables, missing_fields = [], []
    for mapper in audit.audited_mappers():
        table = mapper.local_table
        if table.name not in audit_labels.tables():
            missing_tables.append(table.name)
        derived = getattr(mapper.class_, "__audit_derived__", frozenset())
        for column in table.columns:
            if column.name in BOOKKEEPING or column.name in derived:
                continue
            if column.name not in audit_labels.fields():
                missing_fields.append(f"{table.name}.{column.name}")
    assert missing_tables == [] and missing_fields == []
    for en, zh in (*audit_labels.tables().values(), *audit_labels.fields().values()):
        assert en and zh and en != zh


def test_labels_follow_the_language() -> None:
    assert audit_labels.table_label("complaint", "zh_CN") == "投诉举报"
    assert audit_labels.field_label("owed_fen", "zh_CN") == "拖欠金额"
    assert audit_labels.field_label("owed_fen", "en") == "Owed"
    assert audit_labels.table_label("no_such_table", "zh_CN") == "no_such_table"
