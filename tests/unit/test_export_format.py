"""Issue 17: every Excel export opens in Excel as a clerk expects.

Each export of the 2023 demo district (small plan) is read back with openpyxl and checked
against the rules of the one writer (app/spreadsheets/writer.py): the header row frozen on
every sheet, money as numbers formatted #,##0.00, dates as dates, rates as percentages,
counts as numbers (never "861起"), no raw id column, columns wide enough for their header
and for every amount, date and rate, and the 说明 sheet's keys named in Chinese.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles.numbers import is_date_format

from app.spreadsheets.writer import INTERNAL_ID_HEADERS, MONEY_FORMAT, PERCENT_FORMAT, text_width
from tests.fixtures.exports import _every_export

EXPORTS = ("parties", "parties_full", "complaints", "ledger", "docket", "roster", "training", "projects", "yearly")
# A number typed out as text: "861起", "12.5%", "5,233,000.00", "1500.00元".
NUMBER_AS_TEXT = re.compile(r"^-?\d[\d,]*(\.\d+)?\s*(%|元|万元|起|件|人|个|次|学时)$|^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, small_district_file: Path) -> dict[str, Path]:
    from app.store import open_store
    from tests.fixtures.template import copy_database

    folder = tmp_path_factory.mktemp("exports")
    # the demo district's 2023 on the small plan: a copy of the run's (tests/conftest.py)
    store = open_store(f"sqlite:///{copy_database(small_district_file, folder / 'district.db')}")
    try:
        yield _every_export(store, folder)
    finally:
        store.dispose()


def _kind(label: str) -> str:
    if "元" in label:
        return "money"
    if "日期" in label or label in ("期限", "最近期限", "证件有效期至", "有效期至"):
        return "date"
    if label.endswith("率"):
        return "percent"
    return "text"


def _shown_width(cell: Any) -> float:
    """How many characters Excel needs to show a number, date or rate in its format."""
    value = cell.value
    if isinstance(value, datetime):
        return 10
    if isinstance(value, int | float):
        if "%" in cell.number_format:
            return len(f"{value * 100:.2f}%")
        if cell.number_format == MONEY_FORMAT:
            return len(f"{value:,.2f}")
        return len(str(value))
    return text_width(value)


def _check_sheet(name: str, ws: Any, seen: Counter[str]) -> None:
    where = f"{name} / {ws.title}"
    assert ws.freeze_panes, f"{where}: the header row is not frozen"
    header_row = int(re.sub(r"[A-Z]", "", ws.freeze_panes)) - 1
    assert header_row >= 1, where
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[header_row - 1]]
    labels = [h for h in header if isinstance(h, str) and h]
    assert labels, f"{where}: no header on row {header_row}"
    assert all(isinstance(h, str) or h is None for h in header), f"{where}: the frozen row is not a header: {header}"
    assert not INTERNAL_ID_HEADERS & set(labels), f"{where}: a raw id column {labels}"
    seen["sheets"] += 1

    # widths: every header readable; every amount, date and rate shown whole (never #####)
    for index, label in enumerate(header, start=1):
        if not label:
            continue
        letter = rows[header_row - 1][index - 1].column_letter
        width = ws.column_dimensions[letter].width
        assert width and width >= min(text_width(label), 24), f"{where}: column {label} is {width} wide"
        if _kind(label) in ("money", "date", "percent"):
            shown = max((_shown_width(r[index - 1]) for r in rows[header_row:] if len(r) >= index), default=0)
            assert width >= shown, f"{where}: column {label} ({width}) cuts a value {shown} wide"

    unit_column = header.index("单位") if "单位" in header else None
    for row in rows[header_row:]:
        for index, cell in enumerate(row):
            value = cell.value
            if value is None:
                continue
            if isinstance(value, str):
                assert not NUMBER_AS_TEXT.match(value.strip()), f"{where} {cell.coordinate}: number as text {value!r}"
            label = header[index] if index < len(header) else None
            kind = _kind(label) if isinstance(label, str) else "text"
            if unit_column is not None and label == "数值":  # an overview: each row says its unit
                unit = row[unit_column].value or ""
                kind = "money" if "元" in unit else "percent" if str(row[1].value or "").endswith("率") else "count"
            if kind == "money" and isinstance(value, int | float):
                assert cell.number_format == MONEY_FORMAT, f"{where} {cell.coordinate}: money as {cell.number_format}"
                seen["money"] += 1
            elif kind == "money":
                assert value == "—", f"{where} {cell.coordinate}: money as text {value!r}"
            elif kind == "date" and not (isinstance(value, str) and not re.search(r"\d", value)):
                assert isinstance(value, datetime | date), f"{where} {cell.coordinate}: date as {value!r}"
                assert is_date_format(cell.number_format), f"{where} {cell.coordinate}: {cell.number_format}"
                seen["date"] += 1
            elif kind == "percent":
                if isinstance(value, int | float):
                    assert cell.number_format == PERCENT_FORMAT, f"{where} {cell.coordinate}: {cell.number_format}"
                    seen["percent"] += 1
                else:
                    assert value == "—", f"{where} {cell.coordinate}: rate as text {value!r}"
            elif kind == "count" and isinstance(value, int):
                seen["count"] += 1
            if isinstance(value, datetime):
                assert is_date_format(cell.number_format), f"{where} {cell.coordinate}: a date shown as a number"


# what each export must hold at least one of, so that a rule the demo data never reaches cannot pass unseen
EXPECTED = {
    "parties": ("date",), "parties_full": ("date",), "complaints": ("money", "date"), "ledger": ("money", "date"),
    "docket": ("money", "date"), "roster": ("date",), "training": ("percent", "date"),
    "projects": ("money", "date", "percent"), "yearly": ("money", "date", "percent", "count"),
}


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_follows_the_excel_rules(exported: dict[str, Path], name: str) -> None:
    wb = load_workbook(exported[name])
    seen: Counter[str] = Counter()
    for ws in wb.worksheets:
        _check_sheet(name, ws, seen)
    assert seen["sheets"] == len(wb.worksheets)
    for kind in EXPECTED[name]:
        assert seen[kind], f"{name}: no {kind} cell checked — the rule was not exercised"


def test_the_yearly_workbook_names_its_keys_in_chinese(exported: dict[str, Path]) -> None:
    wb = load_workbook(exported["yearly"])
    notes = list(wb["说明"].iter_rows(values_only=True))
    assert notes[0][:2] == ("口径", "说明")
    keys = [r[0] for r in notes[1:] if r[0]]
    assert keys and all(CJK.search(k) for k in keys), keys
    summary = list(wb["汇总"].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(summary) if r[0] == "键（--json）")
    named = [r for r in summary[start + 1:] if r[0]]
    assert named and all(r[1] and CJK.search(r[1]) for r in named), named
    counts = {r[1]: r[2] for r in summary if r[1] == "各渠道接到投诉举报（含线索）"}
    assert all(isinstance(v, int) for v in counts.values()) and counts


def test_the_writer_refuses_an_id_column_and_frames_an_unframed_sheet(tmp_path: Path) -> None:
    from app.spreadsheets.writer import Money, Percent, new_workbook, save_workbook, table_sheet

    wb = new_workbook(write_only=True)
    with pytest.raises(ValueError):
        table_sheet(wb, "名册", ["编号", "姓名"])
    ws = wb.create_sheet("随手")  # an export that forgot the frame still gets one
    ws.append(["欠薪金额（元）", "达标率", "登记日期"])
    ws.append([Money(523300000), Percent(None), date(2023, 3, 1)])
    ws.append([Money(150), Percent(95.45), None])
    save_workbook(wb, tmp_path / "x.xlsx")
    got = load_workbook(tmp_path / "x.xlsx")["随手"]
    assert got.freeze_panes == "A2"
    assert got["A2"].value == 5233000 and got["A2"].number_format == "#,##0.00"
    assert got["A3"].value == 1.5 and got["B2"].value == "—"
    assert got["B3"].value == pytest.approx(0.9545) and got["B3"].number_format == "0.00%"
    assert got["C2"].value == datetime(2023, 3, 1) and got["C2"].number_format == "yyyy-mm-dd"
    assert got.column_dimensions["A"].width >= text_width("欠薪金额（元）")
