"""Issue 17: every document and report has 打印预览 and 打印 — the parties register, the projects'
compliance report, the training year's summary, a complaint's documents (文书) and the yearly report.

Driven on the small 2023 demo district: a click on 打印预览 opens Qt's print preview with the
document's pages; a click on 打印 goes through Qt's print dialog (stood in for here: a test
has no printer) with the same PDF, made in the program's private temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget

from tests.conftest import make_actor
from ui.context import AppContext
from ui.printing import PdfPrinting
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture(scope="module")
def district_file(tmp_path_factory: pytest.TempPathFactory, small_district_file: Path) -> Path:
    """The demo district's 2023 on the small plan: a copy of the run's (tests/conftest.py)."""
    from tests.fixtures.template import copy_database

    return copy_database(small_district_file, tmp_path_factory.mktemp("district") / "district.db")


@pytest.fixture
def context(district_file: Path, tmp_path: Path):
    from app.store import open_store

    copy = tmp_path / "district.db"
    shutil.copy(district_file, copy)
    store = open_store(f"sqlite:///{copy}")
    tasks = TaskRunner(error_windows=False)
    ctx = AppContext(store=store, actor=make_actor("admin", username="admin"), language="zh_CN",
                     error_windows=False, tasks=tasks)
    yield ctx
    tasks.shutdown()
    store.dispose()


@pytest.fixture
def printed(monkeypatch) -> list[Path]:
    """The PDFs sent to 打印 (Qt's print dialog needs a printer a test machine does not have)."""
    sent: list[Path] = []
    monkeypatch.setattr(PdfPrinting, "print_now", classmethod(lambda cls, parent, path: sent.append(path) or 1))
    return sent


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).replace(" ", "")


def _preview_and_print(qtbot, owner: Any, preview_button: Any, print_button: Any, printed: list[Path],
                       expected: str, tmp_path: Path, name: str) -> None:
    from app.config import PRIVATE_TEMP_NAME, data_dir

    qtbot.mouseClick(preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(owner, "preview_dialog", None) is not None, timeout=60_000)
    dialog = owner.preview_dialog
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 1, timeout=30_000)
    dialog.grab().save(str(tmp_path / f"{name}_preview.png"))
    dialog.close()
    qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printed) == 1, timeout=60_000)
    (path,) = printed
    assert data_dir() / PRIVATE_TEMP_NAME in path.parents  # never left beside the user's files
    assert expected in _pdf_text(path)


def test_the_parties_register_prints(qtbot, context, printed, tmp_path, monkeypatch) -> None:
    from ui.parties.export_dialog import ExportChoiceDialog
    from ui.parties.window import PartiesWindow

    monkeypatch.setattr(ExportChoiceDialog, "ask", classmethod(lambda cls, parent: (False, "")))
    window = PartiesWindow(context)
    qtbot.addWidget(window)
    window.show()
    _preview_and_print(qtbot, window, window.buttons["print_preview"], window.buttons["print"], printed,
                       "当事人", tmp_path, "parties")


def test_the_compliance_report_prints(qtbot, context, printed, tmp_path) -> None:
    from ui.projects.window import ProjectsWindow

    window = ProjectsWindow(context)
    qtbot.addWidget(window)
    window.show()
    _preview_and_print(qtbot, window, window.buttons["print_preview"], window.buttons["print"], printed,
                       "6项制度", tmp_path, "projects")


def test_the_training_summary_prints(qtbot, context, printed, tmp_path) -> None:
    from ui.training.window import TrainingWindow

    window = TrainingWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.year.setValue(2023)
    tab = window.summary_tab
    _preview_and_print(qtbot, tab, tab.preview_button, tab.print_button, printed, "2023年度", tmp_path, "training")


def test_the_yearly_report_prints(qtbot, context, printed, tmp_path) -> None:
    from ui.reports.window import ReportsWindow

    window = ReportsWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(1)
    panel = window.yearly
    panel.year.setValue(2023)
    qtbot.waitUntil(lambda: panel.figures is not None and panel.figures.year == 2023, timeout=30_000)
    _preview_and_print(qtbot, panel, panel.preview_button, panel.print_button, printed, "法治建设数据", tmp_path,
                       "yearly")


def test_a_complaints_documents_print(qtbot, context, printed, tmp_path) -> None:
    from sqlalchemy import select

    from app.complaints.models import Complaint
    from ui.complaints.window import ComplaintsWindow

    with context.store.read() as session:
        complaint_id = session.scalars(select(Complaint.id).where(Complaint.case_no.is_not(None))).first()
    window = ComplaintsWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.open_case(complaint_id)
    assert page is not None and page.document_kind.count() >= 1
    page.document_kind.setCurrentIndex(0)
    title = page.document_kind.currentText()
    _preview_and_print(qtbot, page, page.preview_document_button, page.print_now_button, printed, title[:2],
                       tmp_path, "complaint_document")


def test_the_public_roster_prints(qtbot, context, printed, tmp_path) -> None:
    from ui.staff.window import StaffWindow

    window = StaffWindow(context)
    qtbot.addWidget(window)
    window.show()
    _preview_and_print(qtbot, window, window.buttons["public_preview"], window.buttons["public_print"], printed,
                       "执法人员", tmp_path, "public_roster")
