"""Issue 17: the English UI speaks English — no Chinese outside the data — and Chinese data still renders in it.

Every area of the main window is opened in English on the small 2023 demo district, as a clerk
who chose English would see it, and every text the program itself puts on screen is read: labels,
buttons, group and tab titles, list headers, drop-down entries, placeholders, tooltips and window
titles.  Data is what the database holds (names of people, employers, projects, the
organisation); it is taken out before the check, so a Chinese name in a drop-down is fine while
"周一" or "（仲裁员）" around it is not.  Cells of the lists are data and are not read.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QWidget,
)
from sqlalchemy import text

from tests.conftest import make_actor
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Widgets that show a document's own text, which is Chinese in every language (the decision's remedy clause).
DOCUMENT_TEXT = {"preview"}
# Drop-downs of the documents a case can draw up or record as served: the titles of Chinese documents (立案审批表,
# 行政处罚决定书 …), which are printed in Chinese in every language of the interface.
DOCUMENT_TITLES = {"document_kind", "service_document"}
# (table, column) pairs whose values are data shown in the UI's drop-downs and titles.
DATA_COLUMNS = (("party", "name"), ("officer", "name"), ("app_user", "display_name"), ("construction_project", "name"),
                ("construction_project", "location"),
                # case numbers, what a clerk typed about a case, certificates: data on the case pages
                ("arbitration_case", "case_no"), ("complaint", "number"), ("complaint", "case_no"),
                ("complaint", "matters"), ("complaint", "requests"), ("complaint", "close_reason"),
                ("complaint", "decision_basis"), ("mediation_case", "case_no"), ("mediation_case", "organisation"),
                ("mediation_case", "matter"), ("officer_certificate", "number"), ("officer", "legal_qualification_no"),
                ("complaint_event", "note"), ("arbitration_event", "note"), ("mediation_event", "note"))


@pytest.fixture(scope="module")
def district_file(tmp_path_factory: pytest.TempPathFactory, small_district_file: Path) -> Path:
    """The demo district's 2023 on the small plan: a copy of the run's (tests/conftest.py)."""
    from tests.fixtures.template import copy_database

    return copy_database(small_district_file, tmp_path_factory.mktemp("district") / "district.db")


@pytest.fixture
def english_main_window(qtbot, district_file: Path, tmp_path: Path):
    from app.store import open_store
    from ui.application import install_font, install_translators
    from ui.main_window import MainWindow

    copy = tmp_path / "district.db"
    shutil.copy(district_file, copy)
    store = open_store(f"sqlite:///{copy}")
    app = QApplication.instance()
    install_font(app)
    assert install_translators(app, "en") == []  # English is the source language: no translator at all
    tasks = TaskRunner(language="en", error_windows=False)
    context = AppContext(store=store, actor=make_actor("admin", username="admin"), language="en", error_windows=False,
                         tasks=tasks)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window, store
    tasks.shutdown()
    store.dispose()


def _data_values(store: Any) -> list[str]:
    values: set[str] = set()
    with store.engine.connect() as connection:
        tables = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
        for table, column in DATA_COLUMNS:
            if table in tables:
                values.update(v for (v,) in connection.execute(text(f"SELECT {column} FROM {table}")) if v)
        if "setting" in tables:
            for (value,) in connection.execute(text("SELECT value FROM setting")):
                values.update(_strings(json.loads(value)))
    return sorted(values, key=len, reverse=True)  # longest first: a name inside a longer name goes with it


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.objectName() in DOCUMENT_TEXT:
            continue
        if isinstance(widget, QLabel):
            found.append((where, widget.text()))
        if isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        if isinstance(widget, QTabBar):
            found.extend((where, widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QComboBox) and widget.objectName() not in DOCUMENT_TITLES:
            found.extend((where, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QLineEdit):
            found.append((where, widget.placeholderText()))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListView) and widget.model() is not None:
            model = widget.model()
            found.extend((where, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                         for c in range(model.columnCount()))
        found.append((where, widget.toolTip()))
        if widget.isWindow():
            found.append((where, widget.windowTitle()))
    return found


def test_the_english_ui_shows_no_chinese_outside_the_data(qtbot, english_main_window) -> None:
    window, store = english_main_window
    data = _data_values(store)
    assert any(CJK.search(v) for v in data)  # the demo's data is Chinese: the check below has something to leave out
    leaks: list[str] = []
    checked = 0
    for key in window.area_keys():
        area = window.open_area(key)
        qtbot.wait(50)
        window.context.tasks.wait_all()
        qtbot.wait(50)
        for where, shown in _shown_texts(area):
            rest = shown or ""
            for value in data:
                if value in rest:
                    rest = rest.replace(value, "")
            checked += 1
            if CJK.search(rest):
                leaks.append(f"{key}: {where}: {shown!r}")
    assert checked > 500, checked
    assert not leaks, "Chinese in the English UI:\n" + "\n".join(sorted(set(leaks)))


def _leaks(root: QWidget, data: list[str], where: str) -> tuple[int, list[str]]:
    leaks = []
    checked = 0
    for place, shown in _shown_texts(root):
        rest = shown or ""
        for value in data:
            if value in rest:
                rest = rest.replace(value, "")
        checked += 1
        if CJK.search(rest):
            leaks.append(f"{where}: {place}: {shown!r}")
    return checked, leaks


def _cells(table: Any, columns: tuple[int, ...]) -> list[tuple[str, str]]:
    """The cells the program writes itself (names of deadlines, states, steps), with their tooltips."""
    found = []
    for row in range(table.rowCount()):
        for column in columns:
            item = table.item(row, column)
            if item is not None:
                found += [(f"{table.objectName()}[{row},{column}]", item.text()),
                          (f"{table.objectName()}[{row},{column}] tooltip", item.toolTip())]
    return found


def test_the_case_pages_and_the_desk_show_no_chinese_outside_the_data(qtbot, english_main_window) -> None:
    """The deadlines by name, their states and how each was computed, the steps of the timeline and
    the desk's "what must happen" — in English.  The laws a deadline rests on are cited by their
    Chinese titles (《劳动争议调解仲裁法》第二十九条), as the documents cite them: data, taken out."""
    from sqlalchemy import select

    from app.arbitration.models import ArbitrationCase
    from app.arbitration.service import TRANSITIONS
    from app.complaints.models import Complaint
    from app.legal.deadlines import DEFAULT_RULES
    from app.mediation.models import MediationCase

    window, store = english_main_window
    data = sorted(set(_data_values(store)) | _law_titles(DEFAULT_RULES), key=len, reverse=True)
    leaks: list[str] = []
    with store.read() as session:
        arbitration = [session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.status == s)
                                      .order_by(ArbitrationCase.id))
                       for s in ("received", "accepted", "tribunal_formed", "hearing_scheduled", "heard", "closed")]
        complaints = [session.scalar(select(Complaint.id).where(Complaint.status == s).order_by(Complaint.id))
                      for s in ("received", "investigating", "rectification_ordered", "closed")]
        mediation = session.scalars(select(MediationCase.id).order_by(MediationCase.id).limit(3)).all()
    docket = window.open_area("arbitration")
    pages = 0
    for case_id in filter(None, arbitration):
        page = docket.open_case(case_id)
        pages += 1
        texts = _shown_texts(page) + _cells(page.deadlines, (0, 3, 4)) + _cells(page.timeline, (1,))
        for row in range(page.deadlines.rowCount()):
            page.deadlines.setCurrentCell(row, 0)  # the note below explains the chosen deadline
            texts.append(("deadline_note", page.deadline_note.text()))
        leaks += [leak for place, shown in texts for leak in _leaks_in(shown, data, f"arbitration {case_id}: {place}")]
        # the forms of every step (those of a case before its decision too: the demo has none): labels and
        # choices (the served documents are Chinese titles, the rooms the register an administrator keeps)
        for action in TRANSITIONS:
            fields, _run = page._step(action, page.view)
            for f in fields:
                shown = [f.label] + ([str(c[0]) for c in f.choices] if f.key not in ("document", "room") else [])
                leaks += [leak for text in shown for leak in _leaks_in(text, data, f"step {action}: {f.key}")]
    complaints_area = window.open_area("complaints")
    for complaint_id in filter(None, complaints):
        page = complaints_area.open_case(complaint_id)
        pages += 1
        texts = _shown_texts(page) + _cells(page.events_table, (1, 2))
        leaks += [leak for place, shown in texts for leak in _leaks_in(shown, data, f"complaint {complaint_id}: {place}")]
        page.reject()
    # the deadline calculator, every rule in turn: its name, what starts it, how the date was reached
    calculator = docket.open_calculator()
    for index in range(calculator.rule.count()):
        calculator.rule.setCurrentIndex(index)
        leaks += [leak for place, shown in _shown_texts(calculator)
                  for leak in _leaks_in(shown, data, f"calculator {calculator.rule.currentData()}: {place}")]
    calculator.close()
    mediation_area = window.open_area("mediation")
    for case_id in mediation:
        mediation_area.open_case(case_id)
        pages += 1
        leaks += _leaks(mediation_area, data, f"mediation {case_id}")[1]
    desk = window.open_area("desk")
    desk.refresh()
    model = desk.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    for row in range(min(model.rowCount(), 60)):
        for key in ("bucket", "reference", "parties", "what"):
            index = model.index(row, model.column_index(key))
            for shown in (index.data(), index.data(Qt.ItemDataRole.ToolTipRole)):
                leaks += _leaks_in(str(shown or ""), data, f"desk row {row} {key}")
    assert pages >= 8, pages
    assert not leaks, "Chinese in the English UI:\n" + "\n".join(sorted(set(leaks)))


def _leaks_in(shown: str, data: list[str], where: str) -> list[str]:
    rest = shown
    for value in data:
        if value in rest:
            rest = rest.replace(value, "")
    return [f"{where}: {shown!r}"] if CJK.search(rest) else []


def _law_titles(rules: Any) -> set[str]:
    """The laws the rules cite, by their Chinese titles and articles (a basis is a citation, not UI text)."""
    return {rule.basis for rule in rules}


def test_chinese_data_renders_in_the_english_ui(qtbot, english_main_window) -> None:
    """The shipped CJK font is the application font whatever the language: a Chinese name in an
    English window is drawn with real glyphs, not empty boxes."""
    window, _store = english_main_window
    parties = window.open_area("parties")
    qtbot.waitUntil(lambda: parties.model.rowCount() > 0, timeout=20_000)
    name = str(parties.model.index(0, 0).data() or "") + str(parties.model.index(0, 1).data() or "")
    assert CJK.search(name), name
    metrics = QFontMetrics(parties.view.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in name if CJK.match(ch)), (parties.view.font().family(), name)
    label = QLabel("张伟 王芳")
    qtbot.addWidget(label)
    label.setFont(window.font())
    assert QFontMetrics(label.font()).inFontUcs4(ord("张")) and QFontMetrics(label.font()).inFontUcs4(ord("芳"))
