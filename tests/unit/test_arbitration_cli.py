"""`python main.py arbitration …` end to end through app.cli.run (the same path main.py takes)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.arbitration import spreadsheet as sheet
from app.cli import run
from tests.fixtures.arbitration import make_world, receive


def test_template_import_desk_counts_and_export(store, db_url: str, tmp_path: Path, capsys, monkeypatch) -> None:
    template = tmp_path / "t.xlsx"
    assert run(["arbitration", "template", "--out", str(template)]) == 0
    wb = load_workbook(template)
    ws = wb[sheet.SHEET_NAME]
    for c, v in enumerate(["2023-09-25", "王五", None, "某餐饮有限公司", None, "劳动报酬争议", "劳动报酬:12000", "2023-09-27"], 1):
        ws.cell(row=2, column=c, value=v)
    for c, v in enumerate(["2023-09-26", "赵六", None, "某公司", None, None, "奖金:1"], 1):
        ws.cell(row=3, column=c, value=v)
    wb.save(template)
    capsys.readouterr()
    assert run(["arbitration", "import", str(template), "--db", db_url, "--json"]) == 3  # a row was refused
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 1 and report["refused"][0]["row"] == 3 and "奖金" in report["refused"][0]["message"]

    assert run(["arbitration", "desk", "--date", "2023-10-09", "--db", db_url, "--json"]) == 0
    desk = json.loads(capsys.readouterr().out)
    assert desk["counts"] == {"overdue": 0, "today": 0, "soon": 2}  # A4 and A7 due 10 Oct
    assert {i["rule"] for i in desk["items"]} == {"A4", "A7"} and desk["items"][0]["reference"].endswith("第1号")

    assert run(["arbitration", "counts", "2023", "--db", db_url, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["arbitration"]["received"] == 1 and counts["arbitration"]["amount_in_dispute_fen"] == 1_200_000

    out = tmp_path / "docket.xlsx"
    assert run(["arbitration", "export", "--out", str(out), "--db", db_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 1


def test_read_only_exports_without_user_follow_one_rule(store, db_url: str, tmp_path: Path, capsys) -> None:
    """Issue 17: without --user every read-only export runs as the anonymous reader, masked, and is
    audited as such — the docket as the complaints list and the parties register."""
    from sqlalchemy import select

    from app.audit.models import AuditEntry

    w = make_world(store)  # inserts accounts
    receive(w, date(2023, 9, 25))
    for command, name in ((["arbitration", "export"], "docket.xlsx"), (["complaints", "export"], "complaints.xlsx"),
                          (["parties", "export"], "parties.xlsx")):
        out = tmp_path / name
        assert run([*command, "--out", str(out), "--db", db_url, "--json"]) == 0, command
        assert json.loads(capsys.readouterr().out)["rows"] >= (1 if command[0] != "complaints" else 0)
        assert out.is_file()
    with store.read() as session:
        actors = [e.actor for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))]
    assert actors == ["(anonymous)"] * 3
    docket = load_workbook(tmp_path / "docket.xlsx").active
    assert docket["B2"].value.date() == date(2023, 9, 25) and docket.freeze_panes == "A2"
    # the desk reads the docket by the same rule
    assert run(["arbitration", "desk", "--date", "2023-10-09", "--db", db_url, "--json"]) == 0
    assert any(i["area"] == "arbitration" for i in json.loads(capsys.readouterr().out)["items"])


def test_an_export_that_writes_excel_only_says_so_without_a_missing_option(db_url: str, tmp_path: Path, capsys) -> None:
    for command in (["arbitration", "export"], ["complaints", "export"]):
        assert run([*command, "--out", str(tmp_path / "x.csv"), "--db", db_url]) != 0
        err = capsys.readouterr().err
        assert ".xlsx" in err and "--format" not in err, err
    assert not list(tmp_path.iterdir())
