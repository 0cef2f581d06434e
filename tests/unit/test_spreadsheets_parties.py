"""The parties register in Excel: template, reading, import report, export."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import Cancelled, UserError
from app.kernel.progress import CancelToken
from app.models import AuditEntry, Party
from app.parties import spreadsheet as sheets
from app.parties.service import PartyService
from app.parties.spreadsheet import (
    COLUMNS,
    EXPORT_HEADERS,
    export_parties,
    read_records,
    write_template,
)
from tests.conftest import make_actor
from tests.fixtures.identities import (
    chinese_name,
    impossible_birth_id,
    make_id,
    make_uscc,
    person_ids,
    wrong_check,
)

LABELS = [c.label for c in COLUMNS]


def fill_template(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write the template, then type `rows` ({label: value}) into it as a clerk would."""
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["当事人"]
    for row in rows:
        ws.append([row.get(label) for label in LABELS])
    wb.save(path)
    return path


def person(name: str, id_no: Any, **extra: Any) -> dict[str, Any]:
    return {"类别": "个人", "姓名/名称": name, "身份证号/证件号码": id_no, **extra}


def counts(store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Party)),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


@pytest.fixture
def clerk(store) -> PartyService:
    return PartyService(store, make_actor("intake"))


# ---------------------------------------------------------------- template
def test_template_has_headers_help_validation_text_column_and_frozen_header(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["当事人", "说明"]
    ws = wb["当事人"]
    assert [c.value for c in ws[1]] == [
        "类别", "姓名/名称", "证件类型", "身份证号/证件号码", "性别", "出生日期", "是否农民工",
        "统一社会信用代码", "单位类型", "法定代表人", "联系电话", "地址",
    ]
    assert ws.max_row == 1
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].number_format == "@"  # ID numbers stay text
    assert ws.column_dimensions["H"].number_format == "@"
    assert all(ws.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHIJKL")
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["A2"] == '"个人,单位"'
    assert lists["G2"] == '"是,否"'
    assert lists["I2"] == '"企业,个体工商户,民办非企业单位,机关事业单位,无营业执照或被吊销,个人承包经营者"'
    help_labels = [row[0] for row in wb["说明"].iter_rows(min_row=2, max_row=13, values_only=True)]
    assert help_labels == LABELS


def test_template_round_trip(tmp_path: Path) -> None:
    worker = make_id("520102", "19900131", 11)
    employer = make_uscc("520102MA6D0001")
    path = fill_template(
        tmp_path / "filled.xlsx",
        [
            person("张伟", worker, 是否农民工="是", 联系电话="13800138000", 地址="贵阳市南明区花果园街道"),
            {},  # a blank line is skipped
            {"类别": "单位", "姓名/名称": "贵州黔建建筑工程有限公司", "统一社会信用代码": employer,
             "单位类型": "个体工商户", "法定代表人": "李四", "联系电话": 13800138001, "地址": "贵阳市南明区遵义路1号"},
            person("John Smith", "E12345678", 证件类型="护照", 性别="男", 出生日期=datetime(1985, 3, 4), 是否农民工="否"),
            person("王芳", "H0123456", 证件类型="港澳台居民居住证", 性别="女", 出生日期="1991-12-01"),
        ],
    )
    total, records = read_records(path)
    assert total == 4  # the blank line is not counted
    got = list(records)
    assert [row for row, _ in got] == [2, 4, 5, 6]
    assert [dict(fields) for _, fields in got] == [
        {"kind": "person", "name": "张伟", "id_no": worker, "is_migrant_worker": True,
         "phone": "13800138000", "address": "贵阳市南明区花果园街道"},
        {"kind": "org", "name": "贵州黔建建筑工程有限公司", "uscc": employer, "org_type": "individual_business",
         "legal_rep": "李四", "phone": "13800138001", "address": "贵阳市南明区遵义路1号"},
        {"kind": "person", "name": "John Smith", "id_type": "passport", "id_no": "E12345678", "sex": "M",
         "birth_date": date(1985, 3, 4), "is_migrant_worker": False},
        {"kind": "person", "name": "王芳", "id_type": "hmt_residence", "id_no": "H0123456", "sex": "F",
         "birth_date": date(1991, 12, 1)},
    ]


def test_rows_that_were_only_formatted_are_not_counted(tmp_path: Path) -> None:
    path = fill_template(tmp_path / "formatted.xlsx", [person("张伟", make_id())])
    wb = openpyxl.load_workbook(path)
    ws = wb["当事人"]
    for row in range(3, 300):  # a clerk formatted (and emptied) lots of rows
        ws.cell(row=row, column=4).number_format = "@"
        ws.cell(row=row, column=2).value = "  "
    wb.save(path)
    total, records = read_records(path)
    assert total == 1
    assert [row for row, _ in records] == [2]


def test_header_may_sit_below_a_title_and_columns_may_move(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "当事人"
    ws.append(["2026年第一批当事人"])
    ws.append(["姓名", "身份证号", "类别", "统一社会信用代码"])
    ws.append(["张伟", make_id(), "个人", None])
    wb.save(tmp_path / "moved.xlsx")
    _, records = read_records(tmp_path / "moved.xlsx")
    assert [(row, dict(f)) for row, f in records] == [(3, {"kind": "person", "name": "张伟", "id_no": make_id()})]


# ---------------------------------------------------------------- bad files
def test_a_text_file_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "当事人.xlsx"
    path.write_text("姓名,身份证号\n张三,110105194912310021\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_records(path)
    assert caught.value.code == "import.text_not_workbook"
    assert "不是Excel工作簿" in caught.value.message()
    assert "--format" not in caught.value.message() and "--format" not in caught.value.message("en")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UserError) as caught:
        read_records(path)
    assert caught.value.code == "import.not_a_workbook"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        read_records(tmp_path / "nowhere.xlsx")
    assert caught.value.code == "file.not_found"


def test_a_sheet_without_the_id_column_is_the_wrong_template(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["类别", "姓名/名称", "统一社会信用代码", "地址"])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UserError) as caught:
        read_records(tmp_path / "other.xlsx")
    assert caught.value.code == "import.wrong_template"
    assert caught.value.params == {"column": "身份证号/证件号码"}
    assert caught.value.message() == "表格不符合本程序的模板：缺少“身份证号/证件号码”列。"


# ---------------------------------------------------------------- import
def test_import_refuses_bad_rows_with_row_numbers_and_saves_the_good_ones(tmp_path: Path, clerk) -> None:
    good = make_id("110105", "19491231", 2)  # ends in X
    assert good.endswith("X")
    existing = make_id("520102", "19880512", 13)
    clerk.create({"kind": "person", "name": "已登记", "id_no": existing})
    other = make_id("522301", "19950101", 21)
    path = fill_template(
        tmp_path / "import.xlsx",
        [
            person("张伟", good.lower(), 是否农民工="是"),  # 2: lower-case x accepted, stored as X
            person("李娜", wrong_check(other)),  # 3: check digit
            person("王强", impossible_birth_id("520102")),  # 4: 30 February
            person("张伟二", good),  # 5: same as row 2
            person("刘洋", existing),  # 6: already registered
            {"类别": "公司", "姓名/名称": "某公司"},  # 7: unknown 类别
            person("", other),  # 8: empty name
            {"类别": "单位", "姓名/名称": "贵州黔建建筑工程有限公司", "统一社会信用代码": make_uscc()},  # 9: good
            person("陈静", other, 证件类型="驾照"),  # 10: unknown 证件类型
            {"姓名/名称": "没有类别", "身份证号/证件号码": other},  # 11: 类别 missing
            person("赵敏", 1.10105194912310e17),  # 12: Excel turned the ID into a number
            {"类别": "单位", "姓名/名称": "某劳务公司", "单位类型": "合伙企业"},  # 13: unknown 单位类型
            person("孙丽", other, 出生日期="1990-02-30"),  # 14: not a date
            person("周杰", other, 是否农民工="是"),  # 15: good
        ],
    )
    total, records = read_records(path)
    report = clerk.import_records(records, total=total)

    refused = [(p.row, p.field, p.code) for p in report.refused]
    assert refused == [
        (3, "id_no", "id_no.checksum"),
        (4, "id_no", "id_no.birth_date"),
        (5, "id_no", "import.duplicate_in_file"),
        (6, "id_no", "party.duplicate_id_no"),
        (7, "kind", "party.kind_unknown"),
        (8, "name", "party.name_required"),
        (10, "id_type", "import.bad_value"),
        (11, "kind", "import.value_required"),
        (12, "id_no", "import.number_as_numeric"),
        (13, "org_type", "party.org_type_unknown"),
        (14, "birth_date", "import.bad_value"),
    ]
    messages = {p.row: p.message() for p in report.refused}
    assert messages[5] == "与本文件第2行重复。"
    assert messages[6].startswith("该身份证号已登记：已登记")
    assert messages[7] == "未知的当事人类别：公司。"
    assert messages[10] == "“证件类型”的值“驾照”无效。"
    assert messages[11] == "“类别”不能为空。"
    assert messages[14] == "“出生日期”的值“1990-02-30”无效。"
    assert report.imported == 3
    assert report.total == 14

    rows = {r.name: r for r in clerk.query().page(0, 100)}
    assert set(rows) == {"已登记", "张伟", "贵州黔建建筑工程有限公司", "周杰"}
    assert rows["张伟"].is_migrant_worker is True
    with clerk.store.read() as session:
        assert session.scalar(select(Party.id_no).where(Party.name == "张伟")) == good  # stored with X


def test_cancelled_import_leaves_the_database_unchanged(tmp_path: Path, store, clerk) -> None:
    clerk.create({"kind": "person", "name": "先登记的", "id_no": make_id()})
    path = fill_template(
        tmp_path / "big.xlsx",
        [person(chinese_name(i), n) for i, n in enumerate(person_ids(1200))],
    )
    before = counts(store)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        token.cancel()  # the clerk presses 取消 after the first batch

    total, records = read_records(path)
    assert total == 1200
    with pytest.raises(Cancelled):
        clerk.import_records(records, total=total, progress=progress, cancel=token)
    assert seen == [500]  # the first batch had been flushed (and its audit entries written) …
    assert counts(store) == before  # … and all of it was rolled back


# ---------------------------------------------------------------- export
@pytest.fixture
def register(clerk):
    people = [
        ("张伟", make_id("110105", "19491231", 2)),
        ("张丽", make_id("520102", "19900101", 15)),
        ("李强", make_id("522301", "19920202", 17)),
    ]
    for name, id_no in people:
        clerk.create({"kind": "person", "name": name, "id_no": id_no, "phone": "13800138000",
                      "address": "贵州省贵阳市南明区花果园街道1号"})
    clerk.create({"kind": "org", "name": "张氏建筑劳务有限公司", "uscc": make_uscc(), "org_type": "enterprise",
                  "legal_rep": "张三"})
    return dict(people)


def read_sheet(path: Path) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_export_of_a_filtered_query_writes_exactly_those_rows_masked(tmp_path: Path, clerk, register) -> None:
    out = tmp_path / "导出.xlsx"
    progress: list[tuple[int, int]] = []
    written = export_parties(clerk.query(text="张", kind="person"), out, progress=lambda d, t: progress.append((d, t)))
    assert written == 2
    rows = read_sheet(out)
    assert rows[0] == EXPORT_HEADERS
    assert "编号" not in rows[0]  # no database id (issue 17)
    body = sorted(rows[1:], key=lambda r: r[1])
    assert [r[1] for r in body] == ["张丽", "张伟"]
    by_name = {r[1]: dict(zip(EXPORT_HEADERS, r, strict=True)) for r in body}
    assert by_name["张伟"]["身份证号/证件号码"] == "110105********002X"
    assert by_name["张伟"]["类别"] == "个人"
    assert by_name["张伟"]["性别"] == "女"
    assert by_name["张伟"]["出生日期"].date() == date(1949, 12, 31)
    assert by_name["张伟"]["联系电话"] == "138****8000"
    assert by_name["张伟"]["地址"].endswith("****")
    flat = " ".join(str(v) for r in rows for v in r)
    for full in register.values():
        assert full not in flat
    assert "13800138000" not in flat
    assert progress[-1] == (2, 2)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_export_of_employers(tmp_path: Path, clerk, register) -> None:
    out = tmp_path / "orgs.xlsx"
    assert export_parties(clerk.query(kind="org"), out) == 1
    (row,) = read_sheet(out)[1:]
    record = dict(zip(EXPORT_HEADERS, row, strict=True))
    assert record["类别"] == "单位"
    assert record["统一社会信用代码"] == make_uscc()  # a credit code is public
    assert record["单位类型"] == "企业"
    assert record["身份证号/证件号码"] is None


class CountingQuery:
    """A PagedQuery stand-in that records the windows asked for."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.windows: list[tuple[int, int]] = []

    def count(self) -> int:
        return int(self.inner.count())

    def page(self, offset: int, limit: int) -> list[Any]:
        self.windows.append((offset, limit))
        return list(self.inner.page(offset, limit))


def test_export_reads_page_by_page(tmp_path: Path, clerk, register, monkeypatch) -> None:
    monkeypatch.setattr(sheets, "EXPORT_PAGE_SIZE", 2)
    query = CountingQuery(clerk.query())
    assert export_parties(query, tmp_path / "all.xlsx") == 4
    assert query.windows == [(0, 2), (2, 2)]
    assert len(read_sheet(tmp_path / "all.xlsx")) == 5


def test_cancelled_export_leaves_no_file(tmp_path: Path, clerk, register, monkeypatch) -> None:
    monkeypatch.setattr(sheets, "EXPORT_PAGE_SIZE", 2)
    token = CancelToken()
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "cancelled.xlsx"
    out_before = folder / "existing.xlsx"
    out_before.write_bytes(b"old")

    from openpyxl.worksheet import _writer

    temp_files_before = len(_writer.ALL_TEMP_FILES)

    def progress(done: int, total: int) -> None:
        if done >= 2:
            token.cancel()

    with pytest.raises(Cancelled):
        export_parties(clerk.query(), out, progress=progress, cancel=token)
    with pytest.raises(Cancelled):
        export_parties(clerk.query(), out_before, progress=progress, cancel=token)
    assert sorted(p.name for p in folder.iterdir()) == ["existing.xlsx"]
    assert out_before.read_bytes() == b"old"  # an existing file is not touched either
    assert len(_writer.ALL_TEMP_FILES) == temp_files_before  # openpyxl's own temp file is gone too


def test_export_to_a_missing_folder_is_a_user_error(tmp_path: Path, clerk, register) -> None:
    with pytest.raises(UserError) as caught:
        export_parties(clerk.query(), tmp_path / "no" / "such" / "folder.xlsx")
    assert caught.value.code == "file.cannot_write"
