"""`python main.py parties …` end to end, as a clerk or a script runs it.

The clerk's whole round (template, import, export) and a refused file run as child processes
(`run_process`); the other tests run the same commands in this process (`run`, tests/fixtures/cli.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from app.parties.spreadsheet import COLUMNS
from tests.fixtures.cli import run, run_process
from tests.fixtures.identities import make_id, make_uscc, wrong_check

LABELS = [c.label for c in COLUMNS]
# the export's columns are the template's, without any database id
NAME, ID_NO = (next(i for i, c in enumerate(COLUMNS) if c.field == field) for field in ("name", "id_no"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def fill(path: Path, rows: list[dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["当事人"]
    for row in rows:
        ws.append([row.get(label) for label in LABELS])
    wb.save(path)


WORKER = make_id("520102", "19900131", 11)
OTHER = make_id("110105", "19491231", 2)


def test_template_import_and_export_xlsx_and_pdf(tmp_path: Path, data_dir: Path, db: str) -> None:
    template = tmp_path / "模板.xlsx"
    done = run_process("parties", "template", "--out", str(template), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert template.is_file()

    fill(template, [
        {"类别": "个人", "姓名/名称": "张伟", "身份证号/证件号码": WORKER, "是否农民工": "是", "联系电话": "13800138000"},
        {"类别": "个人", "姓名/名称": "李娜", "身份证号/证件号码": wrong_check(OTHER)},
        {"类别": "单位", "姓名/名称": "贵州黔建建筑工程有限公司", "统一社会信用代码": make_uscc(), "单位类型": "企业"},
        {"类别": "公司", "姓名/名称": "某公司"},
        {"类别": "个人", "姓名/名称": "张芳", "身份证号/证件号码": OTHER.lower()},
    ])
    done = run_process("parties", "import", str(template), "--db", db, "--json", data_dir=data_dir)
    assert done.returncode == 3, done.stderr  # some rows refused (README, 退出码)
    report = json.loads(done.stdout)
    assert report["file"] == str(template)
    assert report["total"] == 5
    assert report["imported"] == 3
    assert [(r["row"], r["field"], r["code"]) for r in report["refused"]] == [
        (3, "id_no", "id_no.checksum"),
        (5, "kind", "party.kind_unknown"),
    ]
    assert report["refused"][0]["message"].startswith("身份证号校验位错误")
    assert report["refused"][1]["message"] == "未知的当事人类别：公司。"

    # the same file again is refused, naming the first import; with --again every row is now a
    # duplicate or still wrong: exit 4, nothing imported
    repeat = run_process("parties", "import", str(template), "--db", db, data_dir=data_dir)
    assert repeat.returncode == 2 and repeat.stdout == ""
    assert repeat.stderr.strip().startswith("错误: 文件模板.xlsx已于") and "--again" in repeat.stderr
    again = run_process("parties", "import", str(template), "--again", "--db", db, data_dir=data_dir)
    assert again.returncode == 4, again.stderr
    assert "导入 0 行" in again.stdout and "第 2 行" in again.stdout

    xlsx = tmp_path / "张.xlsx"
    done = run_process("parties", "export", "--out", str(xlsx), "--search", "张", "--kind", "person", "--db", db,
               "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"file": str(xlsx), "format": "xlsx", "rows": 2, "masked": True}
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(min_row=2, values_only=True))
    assert sorted((r[NAME], r[ID_NO]) for r in rows) == sorted([
        ("张伟", WORKER[:6] + "********" + WORKER[-4:]),
        ("张芳", "110105********002X"),
    ])

    pdf = tmp_path / "名册.pdf"
    done = run_process("parties", "export", "--out", str(pdf), "--db", db, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "已导出 3 条" in done.stdout
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "当事人名册" in text and "贵州黔建建筑工程有限公司" in text and "110105********002X" in text
    assert WORKER not in text and OTHER not in text

    forced = tmp_path / "register.data"
    done = run_process("parties", "export", "--out", str(forced), "--format", "pdf", "--db", db, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert forced.read_bytes().startswith(b"%PDF")


def test_a_bad_file_fails_with_one_chinese_line(tmp_path: Path, data_dir: Path, db: str) -> None:
    bad = tmp_path / "names.xlsx"
    bad.write_text("张三,110105194912310021\n", encoding="utf-8")
    done = run_process("parties", "import", str(bad), "--db", db, "--json", data_dir=data_dir)
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines == ["错误: names.xlsx是文本文件（如CSV），不是Excel工作簿：请在Excel中打开，另存为.xlsx（Excel工作簿）后再导入。"]
    assert "--format" not in done.stderr


def test_a_missing_column_and_an_unknown_export_format(tmp_path: Path, data_dir: Path, db: str) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["类别", "姓名/名称"])
    wb.save(tmp_path / "short.xlsx")
    done = run("parties", "import", str(tmp_path / "short.xlsx"), "--db", db, data_dir=data_dir)
    assert done.returncode == 2
    assert done.stderr.strip() == "错误: 表格不符合本程序的模板：缺少“身份证号/证件号码”列。"

    done = run("parties", "export", "--out", str(tmp_path / "x.txt"), "--db", db, data_dir=data_dir)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("错误: 无法从文件名")
    assert not (tmp_path / "x.txt").exists()


def test_english_messages_with_lang_en(tmp_path: Path, data_dir: Path, db: str) -> None:
    bad = tmp_path / "names.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    done = run("--lang", "en", "parties", "import", str(bad), "--db", db, data_dir=data_dir)
    assert done.returncode == 2
    assert done.stderr.strip() == ("error: names.xlsx is a text file (CSV or similar), not an Excel workbook: "
                                   "open it in Excel and save it as .xlsx (Excel Workbook), then import that.")


def test_full_export_needs_a_reason(tmp_path: Path, data_dir: Path, db: str) -> None:
    assert run("db", "upgrade", "--db", db, data_dir=data_dir).returncode == 0  # an export never creates one
    done = run("parties", "export", "--out", str(tmp_path / "full.xlsx"), "--full", "--db", db, data_dir=data_dir)
    assert done.returncode == 2
    assert done.stderr.strip() == "错误: 请填写查看原因。"
    assert not (tmp_path / "full.xlsx").exists()


def test_help_lists_the_parties_commands(data_dir: Path) -> None:
    done = run("parties", "--help", data_dir=data_dir)
    assert done.returncode == 0
    for action in ("template", "import", "export"):
        assert action in done.stdout


def test_once_accounts_exist_import_needs_a_user_who_may_import(tmp_path: Path, data_dir: Path, db: str) -> None:
    secret = "correct horse battery"
    done = run("users", "add", "admin", "--role", "admin", "--db", db, data_dir=data_dir, stdin=secret + "\n")
    assert done.returncode == 0, done.stderr
    done = run("users", "add", "boss", "--role", "leadership", "--db", db, "--user", "admin",
               data_dir=data_dir, stdin=secret + "\n", password=secret)
    assert done.returncode == 0, done.stderr
    template = tmp_path / "t.xlsx"
    assert run("parties", "template", "--out", str(template), data_dir=data_dir).returncode == 0
    fill(template, [{"类别": "个人", "姓名/名称": "张伟", "身份证号/证件号码": WORKER}])

    anonymous = run("parties", "import", str(template), "--db", db, data_dir=data_dir)
    assert anonymous.returncode == 2
    assert anonymous.stderr.strip() == "错误: 该数据库已有用户账号，请使用 --user 用户名 登录。"

    boss = run("parties", "import", str(template), "--db", db, "--user", "boss", data_dir=data_dir, password=secret)
    assert boss.returncode == 2
    assert boss.stderr.strip() == "错误: 您没有“导入当事人”的权限。"

    admin = run("parties", "import", str(template), "--db", db, "--user", "admin", "--json",
                data_dir=data_dir, password=secret)
    assert admin.returncode == 0, admin.stderr
    assert json.loads(admin.stdout)["imported"] == 1

    # reading needs no login, and sees the ID number masked
    out = tmp_path / "e.xlsx"
    done = run("parties", "export", "--out", str(out), "--db", db, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    (row,) = openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)
    assert row[ID_NO] == WORKER[:6] + "********" + WORKER[-4:]

    # the full export: the administrator, with a reason, recorded in the audit
    full = tmp_path / "full.xlsx"
    done = run("parties", "export", "--out", str(full), "--full", "--reason", "移送法院", "--db", db,
               "--user", "admin", "--json", data_dir=data_dir, password=secret)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["masked"] is False
    (row,) = openpyxl.load_workbook(full).active.iter_rows(min_row=2, values_only=True)
    assert row[ID_NO] == WORKER
    verify = run("audit", "verify", "--db", db, data_dir=data_dir)
    assert verify.returncode == 0, verify.stderr


def test_audit_verify_gives_an_anchor_and_checks_one(tmp_path: Path, data_dir: Path, db: str) -> None:
    template = tmp_path / "t.xlsx"
    assert run("parties", "template", "--out", str(template), data_dir=data_dir).returncode == 0
    fill(template, [{"类别": "个人", "姓名/名称": "张伟", "证件号码": WORKER}])
    assert run("parties", "import", str(template), "--db", db, data_dir=data_dir).returncode == 0

    first = run("audit", "verify", "--db", db, "--json", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    anchor = json.loads(first.stdout)["anchor"]
    seq, digits = anchor.split(":")
    assert int(seq) >= 1 and len(digits) == 16

    checked = run("audit", "verify", "--db", db, "--anchor", anchor, data_dir=data_dir)
    assert checked.returncode == 0, checked.stderr
    assert "校验锚点" in checked.stdout

    wrong = run("audit", "verify", "--db", db, "--anchor", f"{seq}:{'0' * 16}", data_dir=data_dir)
    assert wrong.returncode == 1
    assert f"第{seq}条日志与先前记下的校验锚点不符" in wrong.stderr

    bad = run("audit", "verify", "--db", db, "--anchor", "12", data_dir=data_dir)
    assert bad.returncode != 0
    assert "校验锚点格式不对" in bad.stderr
