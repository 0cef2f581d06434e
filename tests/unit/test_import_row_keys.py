"""Each import records its rows' natural keys per import batch (issue 13), and a row an earlier
import saved is refused in any later file — also where the register no longer shows it as a
duplicate (a number corrected, a name changed since) — naming the earlier file, row, date and user.

Every importer: parties, complaints ledger, arbitration docket, staff roster; and the staff
roster's file is refused a second time unless `--again`, like the others.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.imports.batches import source_for
from app.imports.models import ImportBatch, ImportRowKey
from app.parties.models import Party
from app.parties.service import PartyService
from app.staff import spreadsheet as staff_sheets
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.fixtures.identities import make_id, make_uscc
from tests.fixtures.import_files import USCC, _cli, docket_file, ledger_file, parties_file


def _plus_one_row(path: Path, sheet: str, row: list, out: Path) -> Path:
    """Another file: the same rows and one more (its SHA-256 differs, its old rows do not)."""
    shutil.copy(path, out)
    wb = openpyxl.load_workbook(out)
    wb[sheet].append(row)
    wb.save(out)
    return out


def _keys(store) -> list[tuple[str, int, int]]:
    with store.read() as session:
        return [(r.file_name, r.row_no, r.record_id) for r in session.execute(
            select(ImportBatch.file_name, ImportRowKey.row_no, ImportRowKey.record_id)
            .join(ImportBatch, ImportBatch.id == ImportRowKey.batch_id).order_by(ImportRowKey.id))]


def _verified(store) -> None:
    with store.read() as session:
        result = audit.verify(session)
        assert result.ok, result.breaks


def _no_personal_values(store, *values: str) -> None:
    """The keys are digests: no ID number or credit code in the table or in its audit entries."""
    with store.read() as session:
        stored = " ".join(str(v) for r in session.execute(select(ImportRowKey)).scalars()
                          for v in (r.row_key, r.row_no, r.record_id))
        stored += " ".join(session.scalars(
            select(AuditEntry.changes).where(AuditEntry.table_name == "import_row_key")).all())
    assert stored
    for value in values:
        assert value not in stored


def test_parties_a_row_imported_before_is_refused_though_its_id_number_was_corrected(store, tmp_path: Path) -> None:
    from app.parties.spreadsheet import read_records

    clerk = make_actor("intake", "admin", username="wangfang")
    service = PartyService(store, clerk)
    first = parties_file(tmp_path / "people.xlsx")
    total, rows = read_records(first)
    report = service.import_records(rows, total=total, source=source_for("parties", first))
    assert report.imported == 3
    assert [(f, r) for f, r, _id in _keys(store)] == [("people.xlsx", 2), ("people.xlsx", 3), ("people.xlsx", 4)]
    assert [record for _f, _r, record in _keys(store)] == report.imported_ids
    typo = make_id("520102", "19880101", 11)  # 工人0's number as the file has it
    corrected = make_id("520102", "19880101", 51)
    zhang = service.get(report.imported_ids[0])
    service.update(zhang.id, zhang.version, {"id_no": corrected})

    second = _plus_one_row(first, "当事人", ["个人", "新来的", None, make_id("520102", "19900101", 71)],
                           tmp_path / "people-again.xlsx")
    total, rows = read_records(second)
    report = service.import_records(rows, total=total, source=source_for("parties", second))
    assert report.imported == 1
    refused = {p.row: p for p in report.refused}
    assert refused[2].code == "import.row_imported_before"  # the register alone would take the old number again
    assert refused[2].params["file"] == "people.xlsx" and refused[2].params["row"] == 2
    assert refused[2].params["user"] == "wangfang"
    message = refused[2].message()
    assert "people.xlsx" in message and "第2行" in message and "wangfang" in message and typo not in message
    assert {refused[3].code, refused[4].code} == {"party.duplicate_id_no"}
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Party).where(Party.id_no == typo)) == 0
    assert [(f, r) for f, r, _id in _keys(store)][-1] == ("people-again.xlsx", 5)
    _no_personal_values(store, typo, corrected)
    _verified(store)


@pytest.mark.parametrize("processes", [1, 2])
def test_ledger_rows_imported_before_are_refused_though_the_employer_code_was_corrected(
    processes: int, store, tmp_path: Path, monkeypatch
) -> None:
    from app.complaints import spreadsheet as ledger_sheets
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import import_ledger_file

    if processes == 2:  # read and prepared in a second process while this one writes, as a large file is
        if not store.url.startswith("sqlite:///"):
            pytest.skip("the second process is SQLite's (app.complaints.spreadsheet._prepare_in_background)")
        monkeypatch.setattr(ledger_sheets, "BACKGROUND_FROM_BYTES", 0)

    inspector = make_actor("inspector", "intake", username="liming")
    first = ledger_file(tmp_path / "ledger.xlsx")
    report, _read = import_ledger_file(ComplaintService(store, inspector), first)
    assert report.imported == 3
    assert [(f, r) for f, r, _id in _keys(store)] == [("ledger.xlsx", 2), ("ledger.xlsx", 3), ("ledger.xlsx", 4)]
    assert sorted(record for _f, _r, record in _keys(store)) == sorted(report.imported_ids)
    with store.read() as session:
        employer_id = session.scalar(select(Party.id).where(Party.uscc == USCC))
    parties = PartyService(store, make_actor("intake", "admin"))
    employer = parties.get(employer_id)
    parties.update(employer.id, employer.version, {"uscc": make_uscc("520102MA6D0002")})  # the ledger's code was wrong

    second = _plus_one_row(first, "投诉台账", [date(2023, 4, 1), "来访", "投诉", "新工人", make_id("520102", "19900101", 31),
                                          None, "是", "贵州某建筑劳务有限公司", USCC, None, 800],
                           tmp_path / "ledger-april.xlsx")
    report, _read = import_ledger_file(ComplaintService(store, inspector), second)
    assert report.imported == 1
    assert [(p.row, p.code) for p in report.refused] == [(r, "import.row_imported_before") for r in (2, 3, 4)]
    assert {(p.params["file"], p.params["row"], p.params["user"]) for p in report.refused} == {
        ("ledger.xlsx", 2, "liming"), ("ledger.xlsx", 3, "liming"), ("ledger.xlsx", 4, "liming")}
    assert [(f, r) for f, r, _id in _keys(store)][-1] == ("ledger-april.xlsx", 5)
    _no_personal_values(store, make_id("520102", "19880101", 11), USCC)
    _verified(store)


def test_docket_rows_imported_before_are_refused_though_the_respondent_was_renamed(store, tmp_path: Path) -> None:
    from app.arbitration.importing import import_docket
    from app.arbitration.spreadsheet import read_docket

    clerk = make_actor("arb_clerk", username="zhaomin")
    first = docket_file(tmp_path / "docket.xlsx")
    total, rows = read_docket(first)
    report = import_docket(store, clerk, rows, total=total, source=source_for("arbitration", first))
    assert report.imported == 3 and len(_keys(store)) == 3
    with store.read() as session:
        respondent_id = session.scalar(select(Party.id).where(Party.name == "某公司"))
    parties = PartyService(store, make_actor("intake", "admin"))
    respondent = parties.get(respondent_id)
    parties.update(respondent.id, respondent.version, {"name": "某某建设有限公司"})  # its full name, found later

    second = _plus_one_row(first, "仲裁案件", [], tmp_path / "docket-more.xlsx")
    wb = openpyxl.load_workbook(second)
    ws = wb["仲裁案件"]
    ws.cell(row=5, column=1, value=date(2023, 3, 9))
    ws.cell(row=5, column=2, value="新申请人")
    ws.cell(row=5, column=3, value=make_id("520102", "19900101", 31))
    ws.cell(row=5, column=4, value="某公司")
    ws.cell(row=5, column=7, value="劳动报酬:2000")
    wb.save(second)
    total, rows = read_docket(second)
    report = import_docket(store, clerk, rows, total=total, source=source_for("arbitration", second))
    assert report.imported == 1
    assert [(p.row, p.code, p.params["row"]) for p in report.refused] == [
        (r, "import.row_imported_before", r) for r in (2, 3, 4)]
    assert report.refused[0].params["file"] == "docket.xlsx" and report.refused[0].params["user"] == "zhaomin"
    _verified(store)


def _roster(path: Path, rows: list[dict[str, object]]) -> Path:
    staff_sheets.write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb[staff_sheets.SHEET_NAME]
    labels = [c.value for c in ws[1]]
    for values in rows:
        ws.append([values.get(label) for label in labels])
    wb.save(path)
    return path


ZHANG = make_id("520102", "19880315", 31)
WANG = make_id("520103", "19910720", 44)


def test_staff_roster_batches_keys_and_a_second_import(store, tmp_path: Path) -> None:
    admin = make_actor("admin", username="admin")
    service = StaffService(store, admin)
    first = _roster(tmp_path / "roster.xlsx", [{"姓名": "张伟", "身份证号": ZHANG}, {"姓名": "王芳", "身份证号": WANG},
                                                {"姓名": "李娜", "证件编号": "52010002", "发证日期": "2023-01-01",
                                                 "有效期至": "2026-12-31"}])
    total, rows = staff_sheets.read_records(first)
    report = service.import_records(rows, total=total, source=source_for("staff", first))
    assert report.imported == 3 and len(_keys(store)) == 3
    with store.read() as session:
        batch = session.scalars(select(ImportBatch)).one()
        assert (batch.kind, batch.file_name, batch.rows_imported, batch.rows_refused) == ("staff", "roster.xlsx", 3, 0)

    from app.errors import UserError

    total, rows = staff_sheets.read_records(first)
    with pytest.raises(UserError) as caught:
        service.import_records(rows, total=total, source=source_for("staff", first))
    assert caught.value.code == "import.already_imported" and caught.value.params["user"] == "admin"
    # once the login has an account, the clerk reads the person's name, not the login (issue 17)
    from app.accounts.models import User
    from app.kernel.unit_of_work import UnitOfWork

    with UnitOfWork(store, admin) as uow:
        uow.session.add(User(username="admin", display_name="赵敏", password_hash="x", roles="admin"))
    total, rows = staff_sheets.read_records(first)
    with pytest.raises(UserError) as caught:
        service.import_records(rows, total=total, source=source_for("staff", first))
    assert caught.value.params["user"] == "赵敏" and "赵敏" in caught.value.message("zh_CN")
    from app.imports.batches import earlier_rows

    with store.read() as session:
        keys = session.scalars(select(ImportRowKey.row_key)).all()
        earlier = earlier_rows(session.connection(), keys)
    assert len(earlier) == 3 and {row.username for row in earlier.values()} == {"赵敏"}
    assert all("由赵敏" in row.refusal().message("zh_CN") for row in earlier.values())

    zhang = service.get(report.imported_ids[0]).officer
    service.update(zhang.id, zhang.version, {"name": "张伟", "id_no": make_id("520102", "19880315", 51)})
    second = _roster(tmp_path / "roster-2024.xlsx", [{"姓名": "张伟", "身份证号": ZHANG}, {"姓名": "王芳", "身份证号": WANG},
                                                     {"姓名": "周敏", "身份证号": make_id("520103", "19920101", 12)}])
    total, rows = staff_sheets.read_records(second)
    report = service.import_records(rows, total=total, source=source_for("staff", second))
    assert report.imported == 1
    assert [(p.row, p.code) for p in report.refused] == [(2, "import.row_imported_before"), (3, "staff.duplicate_id_no")]
    _no_personal_values(store, ZHANG, WANG)
    _verified(store)


def test_staff_import_from_the_command_line_follows_the_exit_codes(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'staff.db'}"
    roster = _roster(tmp_path / "roster.xlsx", [{"姓名": "张伟", "身份证号": ZHANG}, {"姓名": "王芳", "身份证号": WANG}])
    code, out, _err = _cli("staff", "import", str(roster), "--db", db, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["imported"] == 2
    code, out, err = _cli("staff", "import", str(roster), "--db", db, capsys=capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "roster.xlsx" in err and "已于" in err and "--again" in err
    code, out, _err = _cli("staff", "import", str(roster), "--again", "--db", db, "--json", capsys=capsys)
    assert code == 4 and json.loads(out)["imported"] == 0
    bigger = _roster(tmp_path / "roster-more.xlsx", [{"姓名": "张伟", "身份证号": ZHANG},
                                                      {"姓名": "周敏", "身份证号": make_id("520103", "19920101", 12)}])
    code, out, _err = _cli("staff", "import", str(bigger), "--db", db, capsys=capsys)
    assert code == 3 and "第 2 行【身份证号】" in out
    template = tmp_path / "template.xlsx"
    assert _cli("staff", "template", "--out", str(template), capsys=capsys)[0] == 0 and template.exists()


def test_a_0014_database_upgrades_keeping_its_import_batches(db_url: str, tmp_path: Path) -> None:
    """A database at 0014 (batches, no row keys) gains the table; its batches still refuse their files,
    its rows are still found by the register's own checks, and the audit still verifies."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from app.backup.service import before_upgrade
    from app.errors import UserError
    from app.parties.spreadsheet import read_records
    from app.store import open_store
    from app.store.migrate import alembic_config, upgrade

    people = parties_file(tmp_path / "people.xlsx")
    store = open_store(db_url)
    try:
        service = PartyService(store, make_actor("intake", username="wangfang"))
        for i in range(3):  # registered by hand: the file's every row is refused, so its batch holds no keys
            service.create({"kind": "person", "name": f"工人{i}", "id_no": make_id("520102", "19880101", 11 + 2 * i)})
        total, rows = read_records(people)
        report = service.import_records(rows, total=total, source=source_for("parties", people))
        assert (report.imported, len(report.refused)) == (0, 3)
        assert _keys(store) == []
    finally:
        store.dispose()
    command.downgrade(alembic_config(db_url), "0014")
    engine = create_engine(db_url)
    try:
        assert "import_row_key" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()

    upgrade(db_url, backup_first=before_upgrade)
    engine = create_engine(db_url)
    try:
        tables = inspect(engine)
        assert "import_row_key" in tables.get_table_names()
        assert {i["name"] for i in tables.get_indexes("import_row_key")} == {
            "ix_import_row_key_batch_id", "ix_import_row_key_row_key"}
    finally:
        engine.dispose()
    store = open_store(db_url)
    try:
        _verified(store)
        service = PartyService(store, make_actor("intake", username="lina"))
        total, rows = read_records(people)
        with pytest.raises(UserError) as caught:  # the 0014 batch still refuses its file
            service.import_records(rows, total=total, source=source_for("parties", people))
        assert caught.value.code == "import.already_imported" and caught.value.params["user"] == "wangfang"
        more = _plus_one_row(people, "当事人", ["个人", "新来的", None, make_id("520102", "19900101", 71)],
                             tmp_path / "people-more.xlsx")
        total, rows = read_records(more)
        report = service.import_records(rows, total=total, source=source_for("parties", more))
        assert report.imported == 1 and {p.code for p in report.refused} == {"party.duplicate_id_no"}
        assert [(f, r) for f, r, _id in _keys(store)] == [("people-more.xlsx", 5)]
        _verified(store)
    finally:
        store.dispose()


def test_a_row_whose_record_was_deleted_imports_again(store, tmp_path: Path) -> None:
    """The key refuses a row only while its record is here: a party deleted since (a tombstone from
    the district, a conflict settled as deleted) comes in again from a later file; the others are
    still refused, and the old file itself still needs `again`."""
    from app.kernel.unit_of_work import UnitOfWork
    from app.parties.spreadsheet import read_records

    clerk = make_actor("intake", "admin", username="wangfang")
    service = PartyService(store, clerk)
    first = parties_file(tmp_path / "people.xlsx")
    total, rows = read_records(first)
    report = service.import_records(rows, total=total, source=source_for("parties", first))
    deleted_id = report.imported_ids[1]  # 工人1, row 3
    with UnitOfWork(store, clerk) as uow:
        uow.session.delete(uow.session.get(Party, deleted_id))

    second = _plus_one_row(first, "当事人", ["个人", "新来的", None, make_id("520102", "19900101", 71)],
                           tmp_path / "people-again.xlsx")
    total, rows = read_records(second)
    report = service.import_records(rows, total=total, source=source_for("parties", second))
    assert report.imported == 2  # 工人1 again, and the new row
    assert sorted(p.row for p in report.refused) == [2, 4]
    with store.read() as session:
        back = session.scalar(select(Party).where(Party.name == "工人1"))
        assert back is not None and back.id != deleted_id and back.id_no == make_id("520102", "19880101", 13)
    # its key is kept again, under the second file: the row is "imported before" once more
    assert ("people-again.xlsx", 3, back.id) in _keys(store)
    third = _plus_one_row(second, "当事人", ["个人", "又来的", None, make_id("520102", "19900101", 91)],
                          tmp_path / "people-third.xlsx")
    total, rows = read_records(third)
    report = service.import_records(rows, total=total, source=source_for("parties", third))
    assert report.imported == 1 and sorted(p.row for p in report.refused) == [2, 3, 4, 5]
    _verified(store)


def test_a_ledger_row_whose_complaint_was_deleted_imports_again(store, tmp_path: Path) -> None:
    from app.complaints.models import Complaint
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import import_ledger_file
    from app.kernel.unit_of_work import UnitOfWork

    inspector = make_actor("inspector", "intake", username="liming")
    first = ledger_file(tmp_path / "ledger.xlsx")
    report, _read = import_ledger_file(ComplaintService(store, inspector), first)
    assert report.imported == 3
    with store.read() as session:
        gone = session.scalar(select(Complaint.id).where(Complaint.id.in_(report.imported_ids))
                              .order_by(Complaint.received_on).offset(1).limit(1))  # row 3's
    with UnitOfWork(store, inspector) as uow:  # its parts first, each audited, then the case (as a tombstone does)
        for mapper in Complaint.registry.mappers:
            model = mapper.class_
            if "complaint_id" in mapper.columns and getattr(model, "__audited__", False):
                for part in uow.session.scalars(select(model).where(model.complaint_id == gone)):
                    uow.session.delete(part)
        uow.flush()
        uow.session.delete(uow.session.get(Complaint, gone))
    # the same file again is still refused as a file; asked for, only row 3 goes in
    with pytest.raises(Exception, match="ledger.xlsx"):
        import_ledger_file(ComplaintService(store, inspector), first)
    report, _read = import_ledger_file(ComplaintService(store, inspector), first, again=True)
    assert report.imported == 1
    assert sorted(p.row for p in report.refused) == [2, 4]  # their cases are still here
    _verified(store)
