"""The parties register through its service: validation, duplicates, search, masking, reveal."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.clock import BUREAU_TZ
from app.errors import UserError
from app.models import AuditEntry, Party
from app.parties.service import PartyService
from tests.conftest import make_actor
from tests.fixtures.identities import make_id

WORKER_ID = make_id("520102", "19880512", 13)


def counts(store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Party)),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


@pytest.fixture
def clerk_parties(store):
    return PartyService(store, make_actor("intake"))


def test_person_gets_sex_and_birth_date_from_the_id(clerk_parties) -> None:
    row = clerk_parties.create({"kind": "person", "name": " 张  伟 ", "id_no": WORKER_ID.lower()})
    assert row.name == "张 伟"
    assert row.sex == "M"
    assert row.birth_date.isoformat() == "1988-05-12"
    assert row.id_no == WORKER_ID[:6] + "********" + WORKER_ID[-4:]


def test_wrong_id_is_refused_and_nothing_is_written(store, clerk_parties) -> None:
    before = counts(store)
    broken = WORKER_ID[:-1] + ("0" if WORKER_ID[-1] != "0" else "1")
    with pytest.raises(UserError) as caught:
        clerk_parties.create({"kind": "person", "name": "张伟", "id_no": broken})
    assert caught.value.code == "id_no.checksum"
    assert counts(store) == before


def test_second_person_with_same_id_points_at_the_first(clerk_parties) -> None:
    clerk_parties.create({"kind": "person", "name": "张伟", "id_no": WORKER_ID})
    with pytest.raises(UserError) as caught:
        clerk_parties.create({"kind": "person", "name": "张卫", "id_no": WORKER_ID})
    assert caught.value.code == "party.duplicate_id_no"
    assert caught.value.message() == "该身份证号已登记：张伟。"  # no database id: a clerk cannot use it


def test_employer_with_credit_code_and_duplicate(clerk_parties) -> None:
    row = clerk_parties.create(
        {"kind": "org", "name": "贵州建工集团有限公司", "uscc": "91110000600037341l", "org_type": "enterprise", "legal_rep": "王五"}
    )
    assert row.uscc == "91110000600037341L"
    assert row.identity_number == "91110000600037341L"
    with pytest.raises(UserError) as caught:
        clerk_parties.create({"kind": "org", "name": "另一家", "uscc": "91110000600037341L"})
    assert caught.value.code == "party.duplicate_uscc"


def test_update_sends_only_changed_fields_and_keeps_the_id(clerk_parties) -> None:
    row = clerk_parties.create({"kind": "person", "name": "张伟", "id_no": WORKER_ID, "phone": "13812345678"})
    updated = clerk_parties.update(row.id, row.version, {"name": "张伟民", "is_migrant_worker": True})
    assert updated.name == "张伟民"
    assert updated.is_migrant_worker is True
    assert updated.version == row.version + 1
    assert updated.id_no == row.id_no  # unchanged, still masked
    assert updated.phone == "138****5678"


def test_stale_version_is_refused(clerk_parties) -> None:
    row = clerk_parties.create({"kind": "person", "name": "张伟"})
    clerk_parties.update(row.id, row.version, {"name": "张伟民"})
    with pytest.raises(UserError) as caught:
        clerk_parties.update(row.id, row.version, {"name": "张卫"})
    # told who saved it meanwhile and when (the bureau's time), from the record's audit entries
    assert caught.value.code == "record.changed_by"
    assert caught.value.params["who"] == clerk_parties.actor.username
    saved_at = datetime.strptime(caught.value.params["when"], "%Y-%m-%d %H:%M")
    assert abs(saved_at - datetime.now(BUREAU_TZ).replace(tzinfo=None)) < timedelta(minutes=2)
    assert clerk_parties.actor.username in caught.value.message()


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("张伟", {"张伟", "张伟民", "李张伟"}),  # two characters, anywhere in the name
        ("伟民", {"张伟民"}),
        ("张", {"张伟", "张伟民", "李张伟", "张三"}),  # one character
        ("建筑", {"贵州建筑工程有限公司"}),
        ("建筑工程", {"贵州建筑工程有限公司"}),
        ("筑工", {"贵州建筑工程有限公司"}),
        ("王", set()),
    ],
)
def test_search_finds_chinese_substrings(clerk_parties, term: str, expected: set[str]) -> None:
    for name in ("张伟", "张伟民", "李张伟", "张三", "李四"):
        clerk_parties.create({"kind": "person", "name": name})
    clerk_parties.create({"kind": "org", "name": "贵州建筑工程有限公司"})
    query = clerk_parties.query(text=term)
    assert {r.name for r in query.page(0, 100)} == expected
    assert query.count() == len(expected)


def test_search_by_id_prefix_and_credit_code(clerk_parties) -> None:
    clerk_parties.create({"kind": "person", "name": "张伟", "id_no": WORKER_ID})
    clerk_parties.create({"kind": "org", "name": "某公司", "uscc": "91110000600037341L"})
    assert [r.name for r in clerk_parties.query(text=WORKER_ID[:10]).page(0, 10)] == ["张伟"]
    assert [r.name for r in clerk_parties.query(text="91110000600037341l").page(0, 10)] == ["某公司"]


def test_search_follows_renames(clerk_parties) -> None:
    row = clerk_parties.create({"kind": "person", "name": "张伟"})
    clerk_parties.update(row.id, row.version, {"name": "王芳"})
    assert clerk_parties.query(text="张伟").count() == 0
    assert clerk_parties.query(text="王芳").count() == 1


def test_paging_reads_both_ends_in_order(clerk_parties) -> None:
    for i in range(57):
        clerk_parties.create({"kind": "person", "name": f"工人{i:03d}"})
    query = clerk_parties.query()
    assert query.count() == 57
    everything = [r.name for r in query.page(0, 100)]
    assert everything == sorted(everything)
    # a window in the far half is read in reverse and must come back in order
    assert [r.name for r in query.page(50, 7)] == everything[50:57]
    assert [r.name for r in query.page(40, 10)] == everything[40:50]
    assert query.page(57, 10) == []
    descending = clerk_parties.query(descending=True)
    assert [r.name for r in descending.page(0, 3)] == everything[::-1][:3]


def test_kind_filter(clerk_parties) -> None:
    clerk_parties.create({"kind": "person", "name": "张伟"})
    clerk_parties.create({"kind": "org", "name": "某公司"})
    assert [r.name for r in clerk_parties.query(kind="org").page(0, 10)] == ["某公司"]


def test_reveal_needs_permission_and_a_reason_and_is_audited(store) -> None:
    clerk = PartyService(store, make_actor("intake", username="clerk"))
    row = clerk.create({"kind": "person", "name": "张伟", "id_no": WORKER_ID})
    with pytest.raises(UserError) as caught:
        clerk.reveal(row.id, "id_no", "核对")
    assert caught.value.code == "permission.denied"
    admin = PartyService(store, make_actor("admin", username="boss"))
    with pytest.raises(UserError):
        admin.reveal(row.id, "id_no", "  ")
    assert admin.reveal(row.id, "id_no", "核对身份") == WORKER_ID
    with store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert (entry.actor, entry.reason, entry.record_id) == ("boss", "核对身份", row.id)


def test_every_change_is_audited_with_old_and_new(store, clerk_parties) -> None:
    import json

    row = clerk_parties.create({"kind": "person", "name": "张伟"})
    clerk_parties.update(row.id, row.version, {"name": "张伟民"})
    with store.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    assert [e.action for e in entries] == ["insert", "update"]
    assert json.loads(entries[1].changes) == {"name": ["张伟", "张伟民"]}
    assert entries[1].actor == "tester"


def test_failed_write_leaves_neither_data_nor_audit(store, clerk_parties, monkeypatch) -> None:
    from app.audit import chain as audit

    clerk_parties.create({"kind": "person", "name": "张伟"})
    before = counts(store)

    def broken_append(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(audit, "append", broken_append)
    with pytest.raises(RuntimeError):
        clerk_parties.create({"kind": "person", "name": "李四"})
    assert counts(store) == before


def test_unknown_document_type_is_a_user_error(clerk_parties) -> None:
    with pytest.raises(UserError) as caught:
        clerk_parties.create({"kind": "person", "name": "张伟", "id_type": "驾照"})
    assert (caught.value.code, caught.value.field) == ("party.id_type_unknown", "id_type")
