"""在建项目 exports: the Excel list with each project's standing, and the compliance report PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from app.accounts.actor import setup_actor
from app.errors import Cancelled
from app.kernel.progress import CancelToken
from app.projects.service import ProjectService
from app.projects.spreadsheet import export_projects
from tests.fixtures.projects import DEMO_PROJECTS, seed_report_projects

AS_OF = date(2023, 12, 31)


@pytest.fixture
def projects(store) -> ProjectService:
    seed_report_projects(store)
    return ProjectService(store, setup_actor())


def test_excel_has_one_row_per_project_with_item_statuses_and_rates(projects, tmp_path: Path) -> None:
    target = tmp_path / "在建项目.xlsx"
    progress: list[tuple[int, int]] = []
    summary = export_projects(projects.compliance_rows(AS_OF, today=AS_OF), target,
                              progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (12, 12)
    assert summary.item_rate == Decimal("95.45")
    wb = openpyxl.load_workbook(target)
    ws = wb["在建项目"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:2] == ("序号", "项目名称")
    assert "农民工工资专用账户" in header and "劳资专管员" in header
    assert header[-4:] == ("落实项", "适用项", "综合达标率", "逾期未整改")
    assert len(rows) == 13
    by_name = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_name) == {name for name, _, _ in DEMO_PROJECTS}
    failing = by_name["二七路小学改扩建"]
    assert failing["维权信息公示"] == "未落实"
    assert failing["施工总承包单位"] == "贵州黔城建筑工程有限公司"
    assert (failing["落实项"], failing["适用项"]) == (5, 6)
    assert failing["综合达标率"] == pytest.approx(0.8333)
    assert failing["最近检查日期"].date() == date(2023, 11, 8)
    assert failing["逾期未整改"] == 1  # 2023-12-20 passed on 2023-12-31
    waived = by_name["南明区花果园棚户区改造安置房（一期）"]
    assert waived["农民工工资保证金"] == "不适用"
    assert (waived["适用项"], waived["综合达标率"]) == (5, 1)
    # masked personal data
    assert all(str(r["工资专用账户账号"]).startswith("****") for r in by_name.values())
    assert all("****" in str(r["联系电话"]) for r in by_name.values())
    summary_sheet = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary_sheet["综合达标率"] == pytest.approx(0.9545)
    assert summary_sheet["在建项目数"] == 12
    assert summary_sheet["适用项"] == 66


def test_excel_export_follows_the_list_filter(projects, tmp_path: Path) -> None:
    target = tmp_path / "逾期.xlsx"
    summary = export_projects(projects.compliance_rows(AS_OF, overdue_only=True, today=AS_OF), target)
    assert summary.projects_checked == 3
    assert summary.item_rate == Decimal("83.33")
    assert summary == projects.compliance(AS_OF, overdue_only=True, today=AS_OF)
    assert openpyxl.load_workbook(target)["在建项目"].max_row == 4


def test_cancelled_export_leaves_no_file(projects, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_projects(projects.compliance_rows(AS_OF), out / "x.xlsx", cancel=token)
    assert list(out.iterdir()) == []


def test_compliance_pdf_has_the_table_the_rates_and_their_definitions(projects, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from app.projects.documents import write_compliance_pdf

    target = tmp_path / "落实情况.pdf"
    summary = write_compliance_pdf(projects.compliance_rows(AS_OF, today=AS_OF), target, printed_on=AS_OF)
    assert summary.item_rate == Decimal("95.45")
    reader = pypdf.PdfReader(str(target))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    content = "".join(p.extract_text() for p in reader.pages).replace(" ", "")
    for expected in ("在建项目“6项制度”落实情况表", "二七路小学改扩建", "未落实", "不适用", "95.45%",
                     "综合达标率=落实项/适用项", "项目达标率", "75.00%"):
        assert expected in content, expected
    fonts = {str(f) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts
