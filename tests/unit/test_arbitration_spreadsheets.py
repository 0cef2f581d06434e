"""The docket in Excel: template, import with a per-row report, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.arbitration import spreadsheet as sheet
from app.arbitration.importing import import_docket
from app.errors import Cancelled
from app.kernel.progress import CancelToken
from app.parties.service import PartyService
from tests.fixtures.arbitration import CLERK, make_world, receive
from tests.ui.helpers import make_id_no


def filled(path: Path, rows: list[list[object]]) -> Path:
    sheet.write_template(path)
    wb = load_workbook(path)
    ws = wb[sheet.SHEET_NAME]
    for r, row in enumerate(rows, start=2):  # as a clerk types: from the first row under the header
        for c, value in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def test_template_import_refuses_bad_rows_and_keeps_the_rest(store, tmp_path: Path) -> None:
    world = make_world(store)
    id_no = make_id_no(7)
    path = filled(tmp_path / "docket.xlsx", [
        ["2023-03-01", "王五", id_no, "某餐饮有限公司", None, "劳动报酬争议", "劳动报酬:12000;经济补偿：3,000", "2023-03-03", "旧〔2023〕1号", None],
        ["2023-03-02", "张伟", None, "贵州某建筑工程有限公司", None, None, "加班费:800", None, None, "待审查"],
        ["2023-03-02", "赵六", None, "某公司", None, None, "奖金:100", None, None, None],  # unknown category
        ["2023-03-05", "钱七", None, "某公司", None, None, "劳动报酬:100", "2023-03-01", None, None],  # accepted before received
        [None, "孙八", None, "某公司", None, None, "劳动报酬:100", None, None, None],  # no date
    ])
    total, rows = sheet.read_docket(path)
    assert total >= 5  # an estimate for the progress bar (formatted blank rows count)
    report = import_docket(store, CLERK, rows, total=total)
    assert report.imported == 2
    assert [(p.row, p.code) for p in report.refused] == [
        (4, "arbitration.claim_category_unknown"), (5, "arbitration.date_before_previous"), (6, "import.value_required")]
    assert "奖金" in report.refused[0].message()
    service = world.clerk_service()
    first = service.get(report.imported_ids[0])
    assert first.case_no == "某区劳人仲案字〔2023〕第1号" and first.accepted_claims_fen == 1_500_000
    assert "旧〔2023〕1号" in first.events[-1].note
    assert [c.category for c in first.claims] == ["wages", "compensation"]
    second = service.get(report.imported_ids[1])
    assert second.status == "received" and second.names("applicant") == ["张伟"]  # no ID number: a new party, never matched by name
    assert PartyService(store, CLERK).find_by_number(id_no).name == "王五"  # new person added to the register
    assert service.query().count() == 2


def test_wrong_sheet_and_cancel(store, tmp_path: Path) -> None:
    make_world(store)
    wb = Workbook()
    wb.active.append(["姓名", "金额"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(Exception) as caught:
        sheet.read_docket(tmp_path / "other.xlsx")
    assert getattr(caught.value, "code", "") == "import.wrong_template"
    path = filled(tmp_path / "d.xlsx", [["2023-03-01", "王五", None, "某公司", None, None, "劳动报酬:1", None, None, None]] * 150)
    total, rows = sheet.read_docket(path)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_docket(store, CLERK, rows, total=total, cancel=token)
    from app.arbitration.service import ArbitrationCaseService

    assert ArbitrationCaseService(store, CLERK).query().count() == 0


def test_export_writes_the_filtered_docket(store, tmp_path: Path) -> None:
    world = make_world(store)
    a = receive(world, date(2023, 9, 25))
    receive(world, date(2023, 9, 26))
    world.clerk_service().accept(a, date(2023, 9, 27))
    path = tmp_path / "export.xlsx"
    written = sheet.export_docket(world.clerk_service().query(status="accepted"), path)
    assert written == 1
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("案号", "收件日期", "状态")
    assert rows[1][0] == "某区劳人仲案字〔2023〕第1号" and rows[1][2] == "已受理" and float(rows[1][6]) == 42000.0
