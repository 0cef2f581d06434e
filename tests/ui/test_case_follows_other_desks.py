"""An open case page follows another desk's changes within seconds (issue 14): it shows
the case as saved now and says who changed it and when — unless the clerk has typed into
the page, which is then left alone and told instead."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.complaints.service import ComplaintService, today_in_shanghai
from tests.conftest import make_actor
from tests.ui.helpers import ime_commit
from ui.change_watcher import ChangeWatcher
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

INSPECTOR = make_actor("inspector", username="inspector")
OTHER_DESK = make_actor("inspector", username="desk2", user_id=None)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def watcher(qtbot, store):
    """The main window's change watcher, looking every 0.1 s."""
    w = ChangeWatcher(store, lambda: INSPECTOR, lambda: None, interval_ms=100)
    qtbot.waitUntil(lambda: w.last_seen is not None)
    yield w
    w.stop()


def open_complaint(qtbot, store):
    from ui.complaints.window import ComplaintsWindow

    detail, _ = ComplaintService(store, INSPECTOR).register({
        "channel": "online", "received_at": today_in_shanghai() - timedelta(days=1), "complainant": {"name": "李四"},
        "employers": [{"party": {"name": "某公司"}}], "workers": [{"party": {"name": "李四"}, "owed_fen": 100}],
        "matters": "欠薪",
    })
    window = ComplaintsWindow(AppContext(store=store, actor=INSPECTOR, error_windows=False))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.open_case(detail.id)
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    return window, page, detail


def test_an_open_complaint_shows_another_desks_step(qtbot, store, watcher, tmp_path: Path) -> None:
    window, page, detail = open_complaint(qtbot, store)
    assert page.detail.status == "received"
    ComplaintService(store, OTHER_DESK).accept(detail.id, detail.version, today_in_shanghai())
    qtbot.waitUntil(lambda: page.detail.status == "filed", timeout=5000)
    assert "desk2" in page.status.text() and "页面已显示" in page.status.text()
    assert "立案" in page.title.text()  # what is on screen, not only the data behind it
    page.grab().save(str(tmp_path / "complaint-followed.png"))
    page.close()
    window.context.tasks.wait_all()


def test_typed_input_is_left_alone_and_the_clerk_is_told(qtbot, store, watcher) -> None:
    window, page, detail = open_complaint(qtbot, store)
    ime_commit(page.decision_text, "不属于劳动保障监察职责")
    ComplaintService(store, OTHER_DESK).accept(detail.id, detail.version, today_in_shanghai())
    qtbot.waitUntil(lambda: "desk2" in page.status.text(), timeout=5000)
    assert "您的输入仍保留" in page.status.text()
    assert page.detail.version == detail.version and page.detail.status == "received"  # not re-shown under the input
    assert page.decision_text.text() == "不属于劳动保障监察职责"
    page.close()
    window.context.tasks.wait_all()


def test_an_open_arbitration_case_follows(qtbot, store, watcher) -> None:
    from app.arbitration.service import ArbitrationCaseService
    from tests.fixtures.arbitration import CLERK, make_world, receive
    from ui.arbitration.case_page import CasePage

    world = make_world(store)
    case_id = receive(world, date(2023, 9, 25))
    context = AppContext(store=store, actor=CLERK, language="zh_CN", error_windows=False)
    page = CasePage(context, case_id, today=lambda: date(2023, 9, 26))
    qtbot.addWidget(page)
    page.show()
    seen = []
    page.changed.connect(seen.append)
    other = make_actor(*CLERK.roles, username="desk2", user_id=None)
    version = page.view.version
    ArbitrationCaseService(store, other, today=lambda: date(2023, 9, 26)).accept(case_id, date(2023, 9, 26),
                                                                                  version=version)
    qtbot.waitUntil(lambda: page.view.status == "accepted", timeout=5000)
    assert "desk2" in page.status.text()
    assert seen == [case_id]  # the docket behind the page is told too
