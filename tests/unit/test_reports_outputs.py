"""The yearly report's outputs: PDF and Excel hold the figures (read back), the
command line prints the JSON and writes both files; cancelling leaves no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run
from app.errors import Cancelled
from app.kernel.progress import CancelToken
from app.reports.documents import write_yearly_report_pdf
from app.reports.spreadsheet import export_yearly_report
from app.reports.yearly import yearly_figures
from tests.conftest import make_actor
from tests.fixtures.reports import seed_boundary_world
from tests.fixtures.seeded import Seed

LEADER = make_actor("leadership", username="leader")


@pytest.fixture
def seed() -> Seed:
    return Seed("boundary-world", seed_boundary_world)


@pytest.fixture
def figures(store, seeded):
    return yearly_figures(store, LEADER, 2023)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_pdf_holds_the_figures_charts_and_reconciliations(figures, tmp_path) -> None:
    out = tmp_path / "report.pdf"
    seen: list[tuple[int, int]] = []
    pages = write_yearly_report_pdf(figures, out, progress=lambda d, t: seen.append((d, t)))
    assert pages >= 6 and seen[-1] == (8, 8)
    body = pdf_text(out).replace(" ", "")
    for expected in ("某区人力资源和社会保障局", "2023年度法治建设数据统计报告", "0.15万元", "1,500.00元", "95.45%",
                     "75.00%", "12.60万元", "各月投诉举报件数", "各月仲裁案件接收、受理与结案", "结案方式",
                     "学习培训次数（按类别）", "各项目“6项制度”达标率", "R=A+N+(J+W0+ΔP)", "相符", "〔注1〕"):
        assert expected in body, expected
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(str(out)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("WenQuanYi" in f for f in fonts)  # only the shipped, embedded font


def test_excel_holds_the_figures_months_and_masked_records(figures, store, tmp_path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    rows = export_yearly_report(figures, out, store=store, actor=LEADER)
    assert rows > 0
    wb = load_workbook(out)
    summary = {r[0]: r[2] for r in wb["汇总"].iter_rows(values_only=True) if r and r[0]}
    assert summary["complaints_received"] == 2 and summary["wages_recovered_yuan"] == 1500
    assert summary["project_compliance_rate"] == pytest.approx(0.9545) and summary["arbitration_received"] == 4
    months = list(wb["劳动人事争议仲裁"].iter_rows(values_only=True))
    assert months[1][0] == "1月" and months[13] == ("合计", 4, 3, 1)
    workers = list(wb["明细-获追欠劳动者"].iter_rows(values_only=True))[1:]
    assert len(workers) == 2 and all("*" in str(r[0]) for r in workers)
    received = list(wb["明细-仲裁接收"].iter_rows(values_only=True))[1:]
    assert len(received) == 4


def test_a_reader_without_the_area_permission_gets_no_record_sheet(figures, store, tmp_path) -> None:
    from openpyxl import load_workbook

    from app.accounts.actor import anonymous_reader

    out = tmp_path / "anon.xlsx"
    export_yearly_report(figures, out, store=store, actor=anonymous_reader())
    names = load_workbook(out, read_only=True).sheetnames
    # the anonymous reader reads the complaints and the docket (one rule for every read-only area,
    # issue 17), not the mediation records
    assert "明细-投诉举报" in names and "明细-仲裁接收" in names and "明细-互联网调解" not in names


def test_cancelled_exports_leave_no_file(figures, store, tmp_path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_yearly_report_pdf(figures, tmp_path / "x.pdf", cancel=token)
    with pytest.raises(Cancelled):
        export_yearly_report(figures, tmp_path / "x.xlsx", store=store, actor=LEADER, cancel=token)
    assert list(tmp_path.glob("x*")) == [] and list(tmp_path.glob(".x*")) == []


def test_command_line_json_pdf_and_excel(store, db_url, tmp_path, capsys) -> None:
    seed_boundary_world(store, projects=False)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    code = run(["report", "yearly", "--year", "2023", "--db", db_url, "--json", "--pdf", str(pdf), "--xlsx", str(xlsx)])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["year"], doc["complaints_received"], doc["arbitration_received"], doc["certified_staff"]) == (
        2023, 2, 4, 3)
    assert pdf.stat().st_size > 0 and xlsx.stat().st_size > 0
    code = run(["report", "yearly", "--year", "2023", "--db", db_url, "--from", "2023-12-31", "--to", "2023-12-01"])
    assert code == 2
    assert "不能早于" in capsys.readouterr().err
