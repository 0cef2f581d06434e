"""Screenshots of the main windows and the case pages on the 2023 demo district, at the
most common office laptop (1366×768) and at 1920×1080: saved under tmp_path to be looked
at, and checked for what a clerk would trip over — a button or label cut short, a case
number elided in a list, a widget past the window's edge, a rule id or a login name where
a name belongs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from app.accounts.actor import Actor
from tests.ui.helpers import install_chinese, remove_translators

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SIZES = ((1366, 768), (1920, 1080))
RULE_ID = re.compile(r"^[AIM]\d+[a-z]?\b")
LOGINS = {"admin", "shouli", "jiancha", "zhongcai1", "zhongcai2", "zhongcai3", "shuji", "tiaojie", "fazhi", "lingdao"}


@pytest.fixture
def chinese(qapp):
    from ui.application import install_font

    install_font(qapp)  # the shipped CJK font, as the program registers it at start
    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def district(store):
    """The demo district's 2023 (the small plan: the same shapes and numbers, fewer cases)."""
    from app.demo.district import SMALL_PLAN, build_district

    result = build_district(store, year=2023, seed=2023, plan=SMALL_PLAN)
    return store, result


def _inside(widget: QWidget, root: QWidget, kind: type) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def cut_off(root: QWidget) -> list[str]:
    """Every visible button or one-line label narrower than its text, or (outside a
    scrolling tab) reaching past the window."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.width() <= 0 or _inside(w, root, QAbstractItemView):
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QAbstractButton) and w.text() and w.width() + 1 < w.sizeHint().width():
            found.append(f"button {name} {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.width() + 1 < w.sizeHint().width():
            found.append(f"label {name} {w.text()[:40]!r}: {w.width()} < {w.sizeHint().width()}")
        corner = w.mapTo(root, w.rect().bottomRight())
        if (corner.x() > root.width() + 1 or corner.y() > root.height() + 1) and not _inside(w, root, QScrollArea):
            found.append(f"{name} reaches past the window ({corner.x()}, {corner.y()})")
    return found


def elided_case_numbers(view: Any) -> list[str]:
    """Case numbers (fit columns) on screen that do not fit their column."""
    model = view.model()
    metrics = view.fontMetrics()
    out = []
    for i, column in enumerate(model.columns):
        if not column.fit:
            continue
        for r in range(min(model.rowCount(), 30)):
            row = model.cached_row(r)
            if row is None:
                continue
            text = column.text(row)
            if metrics.horizontalAdvance(text) > view.columnWidth(i):
                out.append(f"{column.key}: {text!r} in {view.columnWidth(i)} px")
    return out


def table_texts(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount()) if table.item(r, column) is not None]


def settle(qtbot, widget: QWidget) -> None:
    """Shown, painted (fit columns measure after the first paint), laid out."""
    qtbot.waitExposed(widget)
    for _ in range(3):
        widget.repaint()
        QApplication.processEvents()
    qtbot.wait(50)


def shoot(qtbot, widget: QWidget, folder: Path, name: str, problems: list[str]) -> Path:
    settle(qtbot, widget)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), path
    problems += [f"{name}: {p}" for p in cut_off(widget)]
    return path


def clerk_of_every_desk(result: Any) -> Actor:
    """The demo's administrator holding every demo role: every area, every step enabled."""
    admin = next(a for a in result.accounts if a.role == "admin")
    return Actor(username=admin.username, user_id=admin.user_id, roles=frozenset(a.role for a in result.accounts))


def test_the_check_sees_a_cut_button(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    root.resize(300, 100)
    button = QPushButton("增加或变更仲裁请求", root)
    button.setGeometry(10, 10, 30, 25)
    root.show()
    assert any("增加或变更仲裁请求" in p for p in cut_off(root))
    button.setGeometry(10, 10, button.sizeHint().width(), 25)
    assert cut_off(root) == []
    button.move(280, 10)
    assert any("reaches past" in p for p in cut_off(root))


def test_main_windows_and_case_pages_fit_at_1366_and_1920(qtbot, district, chinese, tmp_path) -> None:
    from sqlalchemy import select

    from app.arbitration.models import ArbitrationCase
    from app.complaints.models import Complaint
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    store, result = district
    with store.sessions() as session:
        # a case with a tribunal (and a hearing), a closed one, a refused one
        def first(status: str) -> int:
            return session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.status == status)
                                  .order_by(ArbitrationCase.id))
        arbitration = {s: first(s) for s in ("closed", "not_accepted", "accepted", "tribunal_formed",
                                                   "hearing_scheduled", "heard")}
        arbitration = {s: i for s, i in arbitration.items() if i is not None}
        complaints = {s: session.scalar(select(Complaint.id).where(Complaint.status == s).order_by(Complaint.id))
                      for s in ("investigating", "closed", "received")}
        complaints = {s: i for s, i in complaints.items() if i is not None}
    assert "closed" in arbitration and {"tribunal_formed", "hearing_scheduled", "heard"} & set(arbitration)
    assert "investigating" in complaints

    context = AppContext(store=store, actor=clerk_of_every_desk(result), language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    problems: list[str] = []
    try:
        for width, height in SIZES:
            folder = tmp_path / f"{width}x{height}"
            folder.mkdir()
            window = MainWindow(context)
            qtbot.addWidget(window)
            window.resize(width, height)
            window.show()
            for key in window.area_keys():
                area = window.open_area(key)
                shoot(qtbot, window, folder, f"area-{key}", problems)
                view = getattr(area, "view", None)
                if view is not None and hasattr(view, "fit_columns"):
                    problems += [f"{key} list: {p}" for p in elided_case_numbers(view)]

            # the arbitration case pages, inside the main window as a clerk sees them
            docket = window.open_area("arbitration")
            for status, case_id in arbitration.items():
                page = docket.open_case(case_id)
                shoot(qtbot, window, folder, f"arbitration-case-{status}", problems)
                names = table_texts(page.deadlines, 0)
                assert names and not [n for n in names if RULE_ID.match(n)], names
                # the rule id is kept for whoever looks for it: in the tooltip, before how it was computed
                tips = [page.deadlines.item(r, 0).toolTip() for r in range(page.deadlines.rowCount())]
                assert all(RULE_ID.match(t) for t in tips), tips
                assert not LOGINS & set(table_texts(page.timeline, 3)), table_texts(page.timeline, 3)
                shown = [a for a, b in page.buttons.items() if b.isVisibleTo(page)]
                assert set(shown) <= set(page.service.allowed_actions(page.view.status))
                if page.view.tribunal["chief"]:
                    assert "form_tribunal" not in shown
                tab = docket.tabs.tabText(docket.tabs.currentIndex())
                assert tab.endswith("号") if page.view.case_no else tab.startswith("申请"), tab

            # the mediation panel with a case chosen
            mediation = window.open_area("mediation")
            if mediation.model.rowCount():
                mediation.open_case(mediation.model.row_at(0).id)
                shoot(qtbot, window, folder, "mediation-case", problems)
                assert "M1" not in mediation.details.text()

            # the complaint case page (a dialog over the window), every tab
            complaints_area = window.open_area("complaints")
            for status, complaint_id in complaints.items():
                page = complaints_area.open_case(complaint_id)
                assert page is not None
                page.resize(min(1000, width - 40), min(760, height - 60))  # as on a screen of this size
                # the page fits a screen of this size: its tabs scroll, it does not grow past it
                assert page.minimumSizeHint().height() <= height - 60 and page.height() <= height - 60
                for index in range(page.tabs.count()):
                    page.tabs.setCurrentIndex(index)
                    shoot(qtbot, page, folder, f"complaint-{status}-tab{index}", problems)
                if status != "closed":  # a running complaint's deadlines name their rules in the tooltip only
                    assert not RULE_ID.match(page.deadlines.text()) and RULE_ID.match(page.deadlines.toolTip()), \
                        (page.deadlines.text(), page.deadlines.toolTip())
                events = page.events_table
                assert not LOGINS & {events.item(r, 3).text() for r in range(events.rowCount())}
                if status != "received":
                    assert not page.decision_fields.isVisibleTo(page)  # decided: read-only
                page.reject()
            window.close()
    finally:
        context.tasks.shutdown()
    assert problems == [], "\n".join(problems)
