"""The bulk complaints-ledger import: closure columns, numbering, parties, the audit,
and the two-process path (a large file read and prepared in a second process)."""

from __future__ import annotations

from datetime import date
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select, text

from app.audit import chain as audit
from app.complaints import spreadsheet as ledger
from app.complaints.models import Complaint, ComplaintEvent, WagePayment
from app.complaints.spreadsheet import import_ledger_file, read_records
from app.errors import Cancelled, UserError
from app.kernel.numbering_model import NumberCounter
from app.kernel.progress import CancelToken
from app.parties.models import Party
from app.spreadsheets import sheet_rows
from app.store import open_store
from tests.conftest import make_actor
from tests.fixtures.complaints import good, intake, ledger_file, service
from tests.fixtures.identities import make_id


def verify(store: Any) -> audit.VerifyResult:
    with store.read() as session:
        return audit.verify(session)


def events_of(store: Any, complaint_id: int) -> list[tuple[str, str | None]]:
    with store.read() as session:
        return [
            (e.action, e.to_status)
            for e in session.scalars(
                select(ComplaintEvent).where(ComplaintEvent.complaint_id == complaint_id).order_by(ComplaintEvent.id)
            )
        ]


def test_a_paid_row_with_a_closing_date_is_imported_closed_through_the_state_machine(store, tmp_path) -> None:
    path = ledger_file(tmp_path, [
        good(0, **{"受理日期": date(2023, 3, 2), "已支付金额（元）": 3000.5, "支付日期": date(2023, 4, 1),
                   "结案日期": date(2023, 4, 3)}),
        good(1, **{"受理日期": date(2023, 3, 3), "结案日期": date(2023, 5, 1), "结案方式": "查无违法事实",
                   "结案理由": "经调查工资已按约定支付"}),
        good(2, **{"已支付金额（元）": 100, "结案日期": date(2023, 5, 1)}),  # row 4: not all paid, no kind
        good(3, **{"已支付金额（元）": 100, "结案日期": date(2023, 5, 1), "结案方式": "欠薪已全部支付"}),  # row 5
        good(4, **{"受理日期": date(2023, 3, 9), "结案日期": date(2023, 5, 1), "结案方式": "已移送"}),  # row 6
        good(5, **{"受理日期": date(2023, 3, 9), "已支付金额（元）": 3000.5, "支付日期": date(2023, 4, 9),
                   "结案日期": date(2023, 4, 1)}),  # row 7: closed before the payment
    ])
    report, read = import_ledger_file(service(store), path)
    assert read == 6
    assert {p.row: p.code for p in report.refused} == {
        4: "import.value_required", 5: "complaint.not_paid", 6: "complaint.import_closure_unknown",
        7: "complaint.import_closed_too_early",
    }
    paid, no_violation = (service(store).get(i) for i in report.imported_ids)
    assert (paid.status, paid.closure_kind, paid.closed_on) == ("closed", "paid", date(2023, 4, 3))
    assert paid.recovered_fen == paid.owed_fen == 300_050
    assert paid.close_reason == "欠薪已全部支付（台账导入）"
    assert events_of(store, paid.id) == [
        ("register", "received"), ("accept", "filed"), ("start_investigation", "investigating"),
        ("payment", None), ("close", "closed"),
    ]
    assert (no_violation.status, no_violation.closure_kind) == ("closed", "no_violation")
    assert no_violation.close_reason == "经调查工资已按约定支付"
    assert verify(store).ok


def test_a_role_that_cannot_handle_cases_imports_registrations_only(store, tmp_path) -> None:
    path = ledger_file(tmp_path, [
        good(0),
        good(1, **{"受理日期": date(2023, 3, 3)}),
        good(2, **{"已支付金额（元）": 3000.5, "结案日期": date(2023, 4, 1)}),
    ])
    clerk = service(store, make_actor("intake", username="clerk"))
    report, _read = import_ledger_file(clerk, path)
    assert report.imported == 1
    assert {p.row: p.code for p in report.refused} == {
        3: "complaint.import_handle_not_permitted", 4: "complaint.import_handle_not_permitted",
    }
    assert report.refused[0].message().startswith("您的角色只能登记投诉")


def test_numbers_continue_the_year_sequence_before_and_after_an_import(store, tmp_path) -> None:
    svc = service(store)
    first, _warnings = svc.register(intake())
    # the ledger names the workers as the register does (a name that disagrees with its ID number is refused)
    path = ledger_file(tmp_path, [good(i, **{"受理日期": date(2023, 3, 10), "劳动者姓名": name})
                                  for i, name in enumerate(["张伟", "李强", "王芳"])])
    report, _read = import_ledger_file(svc, path)
    later, _warnings = svc.register(intake(workers=1, owed=100))
    numbers = [svc.get(i).number for i in (first.id, *report.imported_ids, later.id)]
    assert [int(n.split("第")[1].rstrip("号")) for n in numbers] == [1, 2, 3, 4, 5]
    case_numbers = [svc.get(i).case_no for i in report.imported_ids]
    assert [int(n.split("第")[1].rstrip("号")) for n in case_numbers] == [1, 2, 3]
    with store.read() as session:
        counters = {(c.doc_type, c.year): c.last_value for c in session.scalars(select(NumberCounter))}
    assert counters[("complaint", 2023)] == 5 and counters[("inspection_case", 2023)] == 3
    assert verify(store).ok


def test_known_parties_are_reused_and_an_employer_without_a_credit_code_is_found_by_name(store, tmp_path) -> None:
    svc = service(store)
    registered, _warnings = svc.register(intake(workers=1))  # 张伟 and the employer with USCC
    known_worker = make_id("520102", "19880101", 11)
    path = ledger_file(tmp_path, [
        good(0, **{"身份证号": known_worker, "劳动者姓名": "张伟"}),
        good(1, **{"统一社会信用代码": None, "用人单位名称": "某某包工队"}),
        good(2, **{"统一社会信用代码": None, "用人单位名称": "某某包工队"}),
    ])
    report, _read = import_ledger_file(svc, path)
    assert report.imported == 3
    with store.read() as session:
        gang = session.scalars(select(Party).where(Party.name == "某某包工队")).all()
        assert len(gang) == 1
        assert session.scalar(select(func.count()).select_from(Party).where(Party.id_no == known_worker)) == 1
    details = [svc.get(i) for i in report.imported_ids]
    assert details[0].workers[0].party_id == registered.workers[0].party_id
    assert details[1].employers[0].party_id == details[2].employers[0].party_id == gang[0].id


def test_a_record_changed_behind_the_program_after_a_bulk_import_is_caught(store, tmp_path) -> None:
    path = ledger_file(tmp_path, [good(i) for i in range(3)])
    report, _read = import_ledger_file(service(store), path)
    assert verify(store).ok
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE complaint SET matters = '已改' WHERE id = :id"), {"id": report.imported_ids[1]})
    breaks = verify(store).breaks
    assert [(b.code, b.table_name, b.record_id) for b in breaks] == [
        ("record_changed", "complaint", report.imported_ids[1])
    ]


# ---------------------------------------------------------------- the two-process path
ROWS = [
    good(0),
    good(1, **{"身份证号": "520102198801011234"}),  # row 3: bad check digit
    good(2, **{"受理日期": date(2023, 3, 8), "已支付金额（元）": "1,000.50", "支付日期": date(2023, 4, 1)}),
    good(0),  # row 5: duplicate of row 2
    good(3, **{"受理日期": date(2023, 3, 9), "已支付金额（元）": 3000.5, "结案日期": date(2023, 4, 2)}),
    good(4, **{"来源渠道": "传真"}),  # row 7
    *[good(5 + i, **{"用人单位名称": f"劳务公司{i % 3}", "统一社会信用代码": None}) for i in range(12)],
]


def summary(store: Any, report: Any) -> dict[str, Any]:
    svc = service(store)
    details = [svc.get(i) for i in report.imported_ids]
    with store.read() as session:
        parties = session.scalar(select(func.count()).select_from(Party))
        paid = session.scalar(select(func.sum(WagePayment.amount_fen)))
    return {
        "refused": [(p.row, p.code, p.field) for p in report.refused],
        "cases": [(d.number, d.case_no, d.status, d.owed_fen, d.recovered_fen, len(d.employers)) for d in details],
        "parties": parties,
        "paid": paid,
    }


def test_a_large_file_is_read_and_prepared_in_a_second_process_with_the_same_result(
    tmp_path, monkeypatch
) -> None:
    path = ledger_file(tmp_path, ROWS)
    results = []
    for background in (False, True):
        monkeypatch.setattr(ledger, "BACKGROUND_FROM_BYTES", 0 if background else 10**12)
        store = open_store(f"sqlite:///{tmp_path / f'db-{background}.db'}")
        try:
            assert ledger._prepare_in_background(service(store), path) is background
            report, read = import_ledger_file(service(store), path)
            assert read == len(ROWS)
            results.append(summary(store, report))
            assert verify(store).ok
        finally:
            store.dispose()
    in_process, two_processes = results
    assert two_processes == in_process
    assert [r[:2] for r in in_process["refused"]] == [
        (3, "id_no.checksum"), (5, "import.duplicate_in_file"), (7, "complaint.channel_unknown")
    ]
    assert len(in_process["cases"]) == len(ROWS) - 3


def test_a_cancelled_two_process_import_saves_nothing(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ledger, "BACKGROUND_FROM_BYTES", 0)
    path = ledger_file(tmp_path, ROWS)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_ledger_file(service(store), path, cancel=token)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0
        assert session.scalar(select(func.count()).select_from(Party)) == 0
    assert verify(store).ok


def test_a_file_that_is_not_a_workbook_is_refused_by_the_second_process(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ledger, "BACKGROUND_FROM_BYTES", 0)
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook" * 100)
    with pytest.raises(UserError) as caught:
        import_ledger_file(service(store), path)
    assert caught.value.code == "import.not_a_workbook"


def test_the_streaming_reader_and_the_in_memory_reader_give_the_same_rows(tmp_path, monkeypatch) -> None:
    path = ledger_file(tmp_path, [*ROWS, good(20, **{"欠薪金额（元）": "12.345"}), good(21, **{"身份证号": 5.2e17})])
    wb = openpyxl.load_workbook(path)
    wb["投诉台账"].insert_rows(1)  # a title row above the header: row numbers must still match the sheet's
    wb["投诉台账"]["A1"] = "2023年投诉台账"
    wb.save(path)
    rows = {}
    for limit in (sheet_rows.IN_MEMORY_LIMIT, 0):
        monkeypatch.setattr(sheet_rows, "IN_MEMORY_LIMIT", limit)
        total, records = read_records(path)
        rows[limit] = (total, [(n, dict(f), repr(f.problem)) for n, f in records])
    calamine, streamed = rows.values()
    assert calamine == streamed
    assert calamine[1][0][0] == 3 and len(calamine[1]) == len(ROWS) + 2
    assert calamine[1][0][1]["received_on"] == date(2023, 3, 1) and calamine[1][0][1]["owed_fen"] == 300_050


def test_the_audit_log_shows_a_bulk_entry_as_a_count_and_an_id_range(store, tmp_path) -> None:
    from app.audit.log import AuditLogService

    path = ledger_file(tmp_path, [good(i) for i in range(3)])
    report, _read = import_ledger_file(service(store), path)
    log = AuditLogService(store, make_actor("admin", username="admin"))
    rows = log.query(action="bulk_insert", table_name="complaint").page(0, 10)
    assert len(rows) == 1
    assert rows[0].changes == {"count": 3, "first_id": min(report.imported_ids), "last_id": max(report.imported_ids)}
    assert rows[0].reason == "投诉台账导入（第2–4行）"
