"""系统管理 → 机关与救济: the 复议机关 and the court are entered once, previewed, and printed on decisions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.accounts.actor import setup_actor
from app.accounts.service import AccountService
from app.complaints.documents import remedy_clause
from app.kernel.settings import SettingsService
from tests.ui.helpers import type_text
from ui.admin.window import AdminWindow
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def context(qtbot, store):
    from PySide6.QtWidgets import QApplication

    from ui.application import install_font

    install_font(QApplication.instance())
    AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "admin-pass-1")
    admin = AccountService(store, setup_actor()).sign_in("admin", "admin-pass-1")
    runner = TaskRunner(error_windows=False)
    yield AppContext(store=store, actor=admin, language="zh_CN", error_windows=False, tasks=runner)
    runner.shutdown()


def test_the_remedy_bodies_are_entered_once_and_previewed(qtbot, store, context, tmp_path) -> None:
    window = AdminWindow(context)
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    tab = window.organisation
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    # the defaults: the district people's government (行政复议法 2023 art 24) and the district court
    assert "向某区人民政府申请行政复议" in tab.preview.text()
    for key, text in (("review_authority", "南明区人民政府"), ("court", "贵阳市南明区人民法院")):
        tab.edits[key].selectAll()
        tab.edits[key].del_()
        tab.edits[key].setFocus()
        type_text(tab.edits[key], text)
    assert tab.preview.text() == "你单位" + remedy_clause(
        "本决定书", {"review_authority": "南明区人民政府", "court": "贵阳市南明区人民法院"})
    assert "向南明区人民政府申请行政复议" in tab.preview.text() and "向贵阳市南明区人民法院提起行政诉讼" in tab.preview.text()
    tab.edits["court"].clear()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "各项名称都须填写，文书中要使用。"
    assert SettingsService(store, context.actor).get("organisation")["court"] == "某区人民法院"  # nothing saved
    tab.edits["court"].setFocus()
    type_text(tab.edits["court"], "贵阳市南明区人民法院")
    tab.organisation_threshold.clear()
    qtbot.keyClicks(tab.organisation_threshold, "10,000")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = SettingsService(store, context.actor)
    assert saved.get("organisation")["review_authority"] == "南明区人民政府"
    assert saved.get("organisation")["court"] == "贵阳市南明区人民法院"
    assert saved.get("organisation")["bureau"] == "某区人力资源和社会保障局"  # the other names kept
    assert saved.get("penalty_hearing_threshold") == {"person_fen": 100_000, "organisation_fen": 1_000_000}
    shot = tmp_path / "organisation.png"
    window.grab().save(str(shot))
    assert shot.stat().st_size > 1000
    print(shot)
