"""`python main.py complaints …` end to end: template, import with a JSON report, export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.complaints.spreadsheet import COLUMNS, LEDGER_HEADERS
from tests.fixtures.cli import run
from tests.fixtures.identities import make_id, make_uscc, wrong_check

LABELS = [c.label for c in COLUMNS]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_template_import_json_and_export(tmp_path: Path, data_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    template = tmp_path / "ledger.xlsx"
    done = run("complaints", "template", "--out", str(template), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(template)
    ws = wb["投诉台账"]
    assert [c.value for c in ws[1]] == LABELS
    uscc = make_uscc("520102MA6D0001")
    rows = [
        [date(2023, 3, 1), "来电/12345", "投诉", "张伟", make_id("520102", "19880101", 11), None, "是",
         "贵州某建筑劳务有限公司", uscc, "分包", 5000, "拖欠工资", date(2023, 3, 3), 2000, date(2023, 4, 1)],
        [date(2023, 3, 2), "来访", None, "李强", wrong_check(make_id("520102", "19880101", 13)), None, None,
         "贵州某建筑劳务有限公司", uscc, None, 4800, None, None, None, None],
        [date(2023, 3, 2), "飞鸽传书", None, "王芳", make_id("520102", "19880101", 15), None, None,
         "贵州某建筑劳务有限公司", uscc, None, 3000, None, None, None, None],
    ]
    for row in rows:
        ws.append(row)
    wb.save(template)

    done = run("complaints", "import", str(template), "--db", db, "--json", data_dir=data_dir)
    assert done.returncode == 3, done.stderr  # some rows refused
    report = json.loads(done.stdout)
    assert report["total"] == 3 and report["imported"] == 1
    assert [(r["row"], r["code"]) for r in report["refused"]] == [(3, "id_no.checksum"), (4, "complaint.channel_unknown")]
    assert report["refused"][0]["column"] == "身份证号"
    assert "校验位" in report["refused"][0]["message"]

    out = tmp_path / "recovery.xlsx"
    done = run("complaints", "export", "--out", str(out), "--sheet", "ledger", "--db", db, "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 1
    sheet = openpyxl.load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == LEDGER_HEADERS
    assert values[1][LEDGER_HEADERS.index("已追回（元）")] == 2000
    assert "*" in values[1][LEDGER_HEADERS.index("身份证号")]

    done = run("complaints", "export", "--out", str(tmp_path / "list.txt"), "--db", db, data_dir=data_dir)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "只能导出为Excel文件" in done.stderr and "--format" not in done.stderr
