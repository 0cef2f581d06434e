"""One case's documents (文书) are audited as exports (issue 13): who, which document, which case,
the file's name — through the same ExportTrace as the list exports — and the PDF carries the chain's
head after its entry (`audit verify --anchor-from FILE`).  Via the service and the command line; the
windows' paths are in tests/ui (the arbitration document dialog, the complaint case page)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.documents.case_documents import (
    arbitration_id_for,
    complaint_id_for,
    issue_arbitration_document,
    issue_complaint_document,
)
from app.errors import UserError
from app.kernel.exports import anchor_from_file
from tests.conftest import make_actor
from tests.fixtures.arbitration import CLERK, make_world, receive
from tests.fixtures.complaints import opened_case
from tests.fixtures.import_files import _cli


def _last_entry(store) -> Any:
    with store.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        session.expunge(entry)
        return entry


def _verified_with(store, anchor: str) -> None:
    with store.read() as session:
        result = audit.verify(session, anchors=[audit.parse_anchor(anchor)])
    # the chain and the anchor (the arbitration fixtures add their accounts unaudited: records, not the chain)
    assert [b for b in result.breaks if b.code != "record_unlogged" or b.table_name != "app_user"] == []
    assert result.head_seq == audit.parse_anchor(anchor)[0]


def test_a_complaint_document_leaves_an_export_entry_and_carries_its_anchor(store, tmp_path: Path) -> None:
    _svc, detail = opened_case(store)
    officer = make_actor("inspector", username="liming")
    complaint_id = complaint_id_for(store, officer, detail.case_no)
    assert complaint_id == detail.id == complaint_id_for(store, officer, detail.number)
    path = tmp_path / "立案审批表-张伟.pdf"
    issued = issue_complaint_document(store, officer, complaint_id, "filing", path)
    assert issued.pages >= 1 and path.stat().st_size > 1000
    entry = _last_entry(store)
    assert (entry.action, entry.actor, entry.table_name, entry.record_id) == ("export", "liming", "complaint", detail.id)
    assert json.loads(entry.changes) == {"export": "document.filing", "document": "立案审批表", "case": detail.case_no,
                                         "file": "立案审批表-张伟.pdf", "rows": 1, "full": False}
    assert issued.anchor == f"{entry.seq}:{entry.entry_hash}" == anchor_from_file(path)
    _verified_with(store, issued.anchor)


def test_a_complaint_document_the_case_has_not_reached_writes_nothing(store, tmp_path: Path) -> None:
    _svc, detail = opened_case(store)
    officer = make_actor("inspector", username="liming")
    before = _last_entry(store).seq
    for kind, code in (("closure", "document.not_yet"), ("no_such", "document.unknown")):
        with pytest.raises(UserError) as caught:
            issue_complaint_document(store, officer, detail.id, kind, tmp_path / f"{kind}.pdf")
        assert caught.value.code == code
        assert not (tmp_path / f"{kind}.pdf").exists()
    with pytest.raises(UserError) as caught:
        complaint_id_for(store, officer, "某区人社投字〔2099〕第9号")
    assert caught.value.code == "document.case_not_found" and "〔2099〕" in caught.value.message()
    assert _last_entry(store).seq == before


def test_an_arbitration_document_leaves_an_export_entry(store, tmp_path: Path) -> None:
    world = make_world(store)
    case_id = receive(world, date(2023, 9, 25))
    case = world.clerk_service().accept(case_id, date(2023, 9, 27))
    assert arbitration_id_for(store, CLERK, case.case_no) == case_id
    path = tmp_path / "受理通知书.pdf"
    issued = issue_arbitration_document(store, CLERK, case_id, "acceptance", path)
    entry = _last_entry(store)
    assert (entry.action, entry.actor, entry.table_name, entry.record_id) == (
        "export", CLERK.username, "arbitration_case", case_id)
    assert json.loads(entry.changes) == {"export": "document.acceptance", "document": "受理通知书", "case": case.case_no,
                                         "file": "受理通知书.pdf", "rows": 1, "full": False}
    assert anchor_from_file(path) == issued.anchor
    _verified_with(store, issued.anchor)
    before = entry.seq
    with pytest.raises(UserError) as caught:  # no award yet
        issue_arbitration_document(store, CLERK, case_id, "award", tmp_path / "award.pdf")
    assert caught.value.code == "document.not_yet" and _last_entry(store).seq == before


@pytest.mark.sqlite_only  # the command line is driven on the SQLite file here
def test_documents_from_the_command_line(store, tmp_path: Path, capsys, monkeypatch) -> None:
    from app.accounts.service import AccountService

    _svc, detail = opened_case(store)
    world = make_world(store)  # (adds its accounts without the audit: those records alone show as unlogged)
    case_id = receive(world, date(2023, 9, 25))
    case = world.clerk_service().accept(case_id, date(2023, 9, 27))
    AccountService(store, make_actor("admin", username="admin")).create_user("liming", "李明", "secret123", ["inspector", "arb_clerk"])
    monkeypatch.setenv("RENSHE_PASSWORD", "secret123")
    db = store.url

    out = tmp_path / "filing.pdf"
    code, stdout, _err = _cli("complaints", "document", detail.case_no, "filing", "--out", str(out), "--db", db,
                              "--user", "liming", "--json", capsys=capsys)
    assert code == 0
    shown = json.loads(stdout)
    assert shown["document"] == "立案审批表" and shown["case"] == detail.case_no and shown["pages"] >= 1
    entry = _last_entry(store)
    assert (entry.actor, entry.table_name, entry.record_id) == ("liming", "complaint", detail.id)
    assert json.loads(entry.changes)["file"] == "filing.pdf"
    _code, stdout, _err = _cli("audit", "verify", "--db", db, "--anchor-from", str(out), "--json", capsys=capsys)
    verified = json.loads(stdout)
    assert {(b["code"], b["table"]) for b in verified["breaks"]} == {("record_unlogged", "app_user")}
    assert verified["anchor"].startswith(f"{entry.seq}:")  # the file's anchor is the chain's head, and it holds

    code, stdout, _err = _cli("arbitration", "document", case.case_no, "acceptance", "--out",
                              str(tmp_path / "acceptance.pdf"), "--db", db, "--user", "liming", capsys=capsys)
    assert code == 0 and "受理通知书" in stdout and case.case_no in stdout
    entry = _last_entry(store)
    assert (entry.actor, entry.table_name, entry.record_id) == ("liming", "arbitration_case", case_id)

    code, stdout, err = _cli("complaints", "document", detail.case_no, "closure", "--out", str(tmp_path / "c.pdf"),
                             "--db", db, "--user", "liming", capsys=capsys)
    assert code == 2 and stdout == "" and len(err.strip().splitlines()) == 1 and "尚未进行到" in err
    assert not (tmp_path / "c.pdf").exists()
