"""The complaints ledger in Excel: template, import with a per-row report, exports."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from app.complaints.importing import import_ledger
from app.complaints.models import Complaint, WagePayment
from app.complaints.spreadsheet import (
    LEDGER_HEADERS,
    export_complaints,
    export_ledger,
    read_records,
    write_template,
)
from app.errors import Cancelled
from app.kernel.progress import CancelToken
from app.parties.models import Party
from tests.fixtures.complaints import fill, good, service
from tests.fixtures.identities import make_id, wrong_check


def test_import_refuses_bad_rows_with_their_row_numbers_and_saves_the_rest(store, tmp_path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_template(path)
    fill(path, [
        good(0),
        good(1, **{"身份证号": wrong_check(make_id("520102", "19880101", 13))}),  # row 3: bad ID
        good(2, **{"欠薪金额（元）": -5}),  # row 4: negative
        good(3, **{"来源渠道": "传真"}),  # row 5: unknown channel
        good(0),  # row 6: duplicate of row 2
        good(4, **{"受理日期": date(2023, 3, 8), "已支付金额（元）": "1,000.50", "支付日期": date(2023, 4, 1)}),
        good(5, **{"已支付金额（元）": 9999}),  # row 8: paid more than owed
        good(6, **{"欠薪金额（元）": "12.345"}),  # row 9: three decimals
    ])
    total, records = read_records(path)
    report = import_ledger(service(store), records, total=total)
    refused = {p.row: p.code for p in report.refused}
    assert refused == {
        3: "id_no.checksum", 4: "money.negative", 5: "complaint.channel_unknown",
        6: "import.duplicate_in_file", 8: "complaint.payment_exceeds_owed", 9: "money.too_many_decimals",
    }
    assert report.imported == 2
    assert report.refused[0].message() == "身份证号校验位错误（应为{}）。".format(
        make_id("520102", "19880101", 13)[-1])
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 2
        assert session.scalar(select(func.sum(WagePayment.amount_fen))) == 100_050
        # nothing of the refused rows is left behind: 2 workers + 1 employer
        assert session.scalar(select(func.count()).select_from(Party)) == 3
    detail = service(store).get(report.imported_ids[1])
    assert detail.status == "filed" and detail.recovered_fen == 100_050 and detail.owed_fen == 300_050


def test_cancelled_import_saves_nothing(store, tmp_path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_template(path)
    fill(path, [good(i) for i in range(5)])
    total, records = read_records(path)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_ledger(service(store), records, total=total, cancel=token, batch_size=2)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0


def test_wrong_template_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "金额"])
    wb.save(path)
    from app.errors import UserError

    with pytest.raises(UserError) as caught:
        read_records(path)
    assert caught.value.code == "import.wrong_template"


def test_exports_are_masked_and_match_the_list(store, tmp_path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_template(path)
    fill(path, [good(i) for i in range(3)])
    svc = service(store)
    total, records = read_records(path)
    import_ledger(svc, records, total=total)
    assert export_complaints(svc.query(), tmp_path / "list.xlsx") == 3
    assert export_ledger(svc.ledger(), tmp_path / "recovery.xlsx") == 3
    ws = openpyxl.load_workbook(tmp_path / "recovery.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == LEDGER_HEADERS
    id_col = LEDGER_HEADERS.index("身份证号")
    assert all("*" in r[id_col] for r in rows[1:])
    assert rows[1][LEDGER_HEADERS.index("欠薪金额（元）")] == 3000.5
    listed = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    assert listed.max_row == 4


def test_the_list_export_never_names_a_reporter(store, tmp_path) -> None:
    from tests.fixtures.complaints import intake

    svc = service(store)
    svc.register(intake(kind="report"))
    svc.register(intake(workers=1))
    export_complaints(svc.query(), tmp_path / "list.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "list.xlsx").active.iter_rows(values_only=True))
    column = rows[0].index("投诉人")
    assert sorted(r[column] for r in rows[1:]) == ["张伟", "（举报人信息保密）"]
