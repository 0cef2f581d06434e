"""Issue 13, exports: no text cell of any export can run as a formula; every export is audited
and carries the audit chain's head in its properties."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.kernel.exports import ExportTrace
from app.spreadsheets.writer import could_run, new_workbook, save_workbook
from tests.conftest import make_actor
from tests.fixtures.exports import _every_export

HOSTILE = (
    '=HYPERLINK("http://x","点我")',
    "=cmd|'/c calc'!A1",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
# Free-text columns that reach the exports (names reach the complaints, the docket and the drill-downs).
POISONED = {
    "party": ("name", "address", "legal_rep"),
    "officer": ("name", "unit"),
    "training_session": ("topic", "organiser"),
    "construction_project": ("name",),
    "complaint": ("matters",),
    "mediation_case": ("matter",),
}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory, small_district_file: Path):
    from app.store import open_store
    from tests.fixtures.template import copy_database

    # the demo district's 2023 on the small plan: a copy of the run's (tests/conftest.py)
    path = copy_database(small_district_file, tmp_path_factory.mktemp("hostile") / "hostile.db")
    store = open_store(f"sqlite:///{path}")
    with store.engine.begin() as connection:  # behind the program's back, as data could arrive by an import
        for table, columns in POISONED.items():
            ids = connection.execute(text(f"SELECT id FROM {table}")).scalars().all()
            for index, record_id in enumerate(ids):
                values = {c: HOSTILE[(index + n) % len(HOSTILE)] for n, c in enumerate(columns)}
                sets = ", ".join(f"{c} = :{c}" for c in columns)
                connection.execute(text(f"UPDATE {table} SET {sets} WHERE id = :id"), {**values, "id": record_id})
    yield store
    store.dispose()


def test_no_export_writes_a_formula_and_hostile_text_stays_as_typed(hostile_store, tmp_path: Path) -> None:
    files = _every_export(hostile_store, tmp_path)
    for name, path in files.items():
        with zipfile.ZipFile(path) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            xml = "".join(archive.read(n).decode() for n in sheets)
        assert "<f>" not in xml and "<f " not in xml, name
        wb = load_workbook(path)
        texts, numbers = set(), 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        texts.add(cell.value)
                    elif isinstance(cell.value, int | float | datetime):  # numbers and dates stay typed
                        numbers += 1
        # The hostile text is there, exactly as typed (so this test can fail), next to real numbers.
        found = [h for h in HOSTILE if any(h in t for t in texts)]
        assert found, f"{name}: no hostile text reached the file — the test would prove nothing"
        assert any(t in HOSTILE for t in texts), name
        assert numbers, name


def test_amounts_and_dates_stay_numbers_and_dates(hostile_store, tmp_path: Path) -> None:
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import export_ledger

    path = tmp_path / "ledger.xlsx"
    rows = export_ledger(ComplaintService(hostile_store, make_actor("admin")).ledger(), path)
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    owed = header.index(next(h for h in header if "欠" in h))
    received = header.index(next(h for h in header if "日期" in h))
    values = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(values) == rows > 0
    assert all(isinstance(v[owed], int | float) for v in values)
    assert all(v[received] is None or hasattr(v[received], "year") for v in values)


def test_the_writer_keeps_formula_like_text_in_ordinary_and_write_only_sheets(tmp_path: Path) -> None:
    from openpyxl.cell import WriteOnlyCell

    for write_only in (True, False):
        wb = new_workbook(write_only=write_only)
        ws = wb.create_sheet("s")
        styled = WriteOnlyCell(ws, value="=1+1") if write_only else None
        ws.append([*HOSTILE, "-", "正常", -5, 3.5, date(2023, 1, 2), styled])
        if not write_only:
            ws["A3"] = "=SUM(A1:A2)"  # typed into a cell, not appended: swept before saving
        path = tmp_path / f"w{write_only}.xlsx"
        save_workbook(wb, path)
        got = load_workbook(path)["s"]
        row = [c.value for c in got[1]]
        # (XML reads a bare carriage return back as a line feed: still text, still inert)
        assert row[: len(HOSTILE)] == [h.replace("\r", "\n") for h in HOSTILE]
        assert row[len(HOSTILE):len(HOSTILE) + 4] == ["-", "正常", -5, 3.5]
        assert all(c.data_type != "f" for r in got.iter_rows() for c in r)
        if not write_only:
            assert got["A3"].value == "=SUM(A1:A2)" and got["A3"].quotePrefix


def test_could_run_is_the_owasp_list() -> None:
    assert all(could_run(h) for h in HOSTILE)
    assert not any(could_run(v) for v in ("张三", "a=b", "", None, 5, " =1"))


def test_a_workbook_made_elsewhere_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    with pytest.raises(TypeError):
        save_workbook(Workbook(), tmp_path / "x.xlsx")


def test_only_the_writer_makes_export_workbooks() -> None:
    """Every openpyxl Workbook the program makes outside the writer is an import template (fixed text)."""
    import ast

    root = Path(__file__).resolve().parents[2] / "app"
    offenders = []
    for source in root.rglob("*.py"):
        if source.name == "writer.py":
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Workbook" \
                        and function.name != "write_template":
                    offenders.append(f"{source.name}:{function.name}")
    assert not offenders


# ---------------------------------------------------------------- every export leaves a trace


def _exports(store: Any, entries: list[AuditEntry]) -> list[AuditEntry]:
    return [e for e in entries if e.action == "export"]


def _all_entries(store: Any) -> list[AuditEntry]:
    with store.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def test_each_export_is_audited_with_who_what_rows_masking_and_file(hostile_store, tmp_path: Path) -> None:
    from app.parties.documents import write_party_register_pdf
    from app.parties.service import PartyService
    from app.parties.spreadsheet import export_parties

    clerk = make_actor("admin", username="clerk")
    parties = PartyService(hostile_store, clerk)
    before = len(_all_entries(hostile_store))
    masked = ExportTrace(hostile_store, clerk, "parties.xlsx", "party")
    rows = export_parties(parties.query_for_export(), tmp_path / "masked.xlsx", trace=masked)
    full = ExportTrace(hostile_store, clerk, "parties.pdf", "party", full=True, reason="移送法院")
    printed = write_party_register_pdf(parties.query_for_export(full=True, reason="移送法院"),
                                       tmp_path / "full.pdf", trace=full)
    entries = _all_entries(hostile_store)[before:]
    assert [e.action for e in entries] == ["export", "export"]
    import json

    first, second = (json.loads(e.changes) for e in entries)
    assert entries[0].actor == "clerk"
    assert first == {"export": "parties.xlsx", "rows": rows, "full": False, "file": "masked.xlsx"}
    assert second["full"] is True and second["rows"] == printed and second["file"] == "full.pdf"
    assert entries[1].reason == "移送法院" and entries[1].table_name == "party"
    # the anchors written into the files are the chain's head right after each entry
    assert _anchor_of(tmp_path / "masked.xlsx") == f"{entries[0].seq}:{entries[0].entry_hash}"
    assert _anchor_of(tmp_path / "full.pdf") == f"{entries[1].seq}:{entries[1].entry_hash}"


def _anchor_of(path: Path) -> str:
    from app.kernel.exports import anchor_from_file

    return anchor_from_file(path)


def test_export_cli_commands_each_add_one_entry_and_verify_still_passes(tmp_path: Path, capsys) -> None:
    from app.cli import run
    from app.store import open_store

    db = f"sqlite:///{tmp_path / 'd.db'}"
    store = open_store(db)
    try:
        from app.accounts.actor import setup_actor
        from app.parties.service import PartyService

        PartyService(store, setup_actor()).create({"kind": "person", "name": "=cmd|'/c calc'!A1"})
        count = len(_exports(store, _all_entries(store)))
        for args in (
            ["parties", "export", "--out", str(tmp_path / "p.xlsx")],
            ["parties", "export", "--out", str(tmp_path / "p.pdf")],
            ["complaints", "export", "--out", str(tmp_path / "c.xlsx")],
            ["complaints", "export", "--out", str(tmp_path / "l.xlsx"), "--sheet", "ledger"],
            ["arbitration", "export", "--out", str(tmp_path / "a.xlsx")],
            ["report", "yearly", "--year", "2023", "--xlsx", str(tmp_path / "y.xlsx"), "--pdf", str(tmp_path / "y.pdf")],
        ):
            assert run([*args, "--db", db]) == 0, args
            capsys.readouterr()
        entries = _exports(store, _all_entries(store))
        assert len(entries) == count + 7
        import json

        assert [json.loads(e.changes)["export"] for e in entries[count:]] == [
            "parties.xlsx", "parties.pdf", "complaints.list", "complaints.ledger", "arbitration.docket",
            "report.yearly.pdf", "report.yearly.xlsx"]
        with store.read() as session:
            assert audit.verify(session).ok
    finally:
        store.dispose()


def test_a_cut_of_the_chain_is_caught_with_the_anchor_from_an_export(tmp_path: Path, capsys) -> None:
    """An attacker deletes the export's entry and moves the head back consistently; the file remembers."""
    from app.cli import run
    from app.parties.service import PartyService
    from app.store import open_store

    db = f"sqlite:///{tmp_path / 'd.db'}"
    store = open_store(db)
    try:
        from app.accounts.actor import setup_actor

        PartyService(store, setup_actor()).create({"kind": "person", "name": "张伟"})
        out = tmp_path / "full.xlsx"
        assert run(["parties", "export", "--out", str(out), "--full", "--reason", "移送法院", "--db", db]) == 0
        anchor = _anchor_of(out)
        seq = int(anchor.split(":")[0])
        assert run(["audit", "verify", "--anchor", anchor, "--db", db]) == 0
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_entry WHERE seq >= :seq"), {"seq": seq})
            last = connection.execute(text("SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1")).one()
            connection.execute(text("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1"),
                               {"s": last[0], "h": last[1]})
        capsys.readouterr()
        assert run(["audit", "verify", "--db", db]) == 0  # without the anchor, the cut passes …
        capsys.readouterr()
        assert run(["audit", "verify", "--anchor-from", str(out), "--db", db]) != 0  # … the file catches it
        assert f"第{seq}条" in capsys.readouterr().err
    finally:
        store.dispose()


def test_anchor_from_a_file_without_one_is_refused_in_words(tmp_path: Path, capsys) -> None:
    from app.cli import run

    plain = tmp_path / "plain.xlsx"
    wb = new_workbook()
    wb.active.append(["x"])
    save_workbook(wb, plain)
    assert run(["audit", "verify", "--anchor-from", str(plain), "--db", f"sqlite:///{tmp_path / 'd.db'}"]) != 0
    err = capsys.readouterr().err
    assert "plain.xlsx" in err and "Traceback" not in err


def test_the_anchor_keyword_is_in_the_pdf_and_xlsx_properties(tmp_path: Path) -> None:
    from app.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'd.db'}")
    try:
        from app.accounts.actor import setup_actor

        trace = ExportTrace(store, setup_actor(), "test", "party")
        wb = new_workbook(write_only=True)
        wb.create_sheet("s").append(["x"])
        save_workbook(wb, tmp_path / "a.xlsx", trace=trace, rows=1)
        props = load_workbook(tmp_path / "a.xlsx").properties
        assert re.fullmatch(r"audit-anchor:\d+:[0-9a-f]{64}", props.keywords or "")
        assert props.keywords == "audit-anchor:" + trace.anchor
    finally:
        store.dispose()
