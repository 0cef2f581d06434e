"""The register windows' shared wiring (ui/lists/register_window.py, ui/lists/filters.py,
ui/file_actions.py), driven on its own: the permission-gated action bar, the filters, a
form held while open, and how a failed task is told."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QWidget

from app.accounts.permissions import Permission, label
from app.errors import Cancelled, UserError
from tests.conftest import make_actor
from tests.ui.helpers import install_chinese, remove_translators
from ui.context import AppContext
from ui.file_actions import FileActions, FileTexts
from ui.lists.filters import choice_filter
from ui.lists.register_window import Action, action_buttons, open_form
from ui.tasks import TaskRunner


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def context(store):
    inspector = make_actor("inspector", username="inspector")
    context = AppContext(store=store, actor=inspector, language="zh_CN", error_windows=False)
    yield context
    context.tasks.shutdown()


def test_a_context_made_without_a_runner_has_one(store) -> None:
    made = AppContext(store=store, actor=make_actor("inspector", username="inspector"), error_windows=False)
    assert isinstance(made.tasks, TaskRunner) and made.tasks.error_windows is False
    given = TaskRunner(error_windows=False)
    assert AppContext(store=store, actor=made.actor, tasks=given).tasks is given
    made.tasks.shutdown()
    given.shutdown()


def test_the_action_bar_disables_what_the_user_may_not_do_and_names_the_permission(qtbot, context) -> None:
    assert context.can(Permission.PARTY_EDIT) and not context.can(Permission.USER_MANAGE)  # an inspector
    pressed: list[str] = []
    bar = QWidget()
    qtbot.addWidget(bar)
    buttons: dict = {}
    action_buttons(context, [
        Action("add", "新增", lambda: pressed.append("add"), Permission.PARTY_EDIT, space_after=16),
        Action("rooms", "仲裁庭登记…", lambda: pressed.append("rooms"), Permission.USER_MANAGE),
        Action("template", "下载模板", lambda: pressed.append("template")),
    ], QHBoxLayout(bar), buttons)
    bar.show()

    assert list(buttons) == ["add", "rooms", "template"]
    assert [b.objectName() for b in buttons.values()] == ["add", "rooms", "template"]
    assert buttons["add"].isEnabled() and buttons["add"].toolTip() == ""
    assert not buttons["rooms"].isEnabled()
    assert buttons["rooms"].toolTip() == "需要权限：" + label(Permission.USER_MANAGE, "zh_CN")
    assert buttons["template"].isEnabled()  # no permission named: everyone may
    click(qtbot, buttons["add"])
    click(qtbot, buttons["rooms"])  # disabled: nothing happens
    click(qtbot, buttons["template"])
    assert pressed == ["add", "template"]
    # the gap after 新增 sets it apart from the next button
    assert buttons["rooms"].x() - (buttons["add"].x() + buttons["add"].width()) > 16


def test_a_choice_filter_starts_on_its_first_choice_and_tells_each_change(qtbot) -> None:
    changes: list[int] = []
    combo = choice_filter("kind_filter", [("全部", None), ("个人", "person"), ("单位", "org")], changes.append)
    qtbot.addWidget(combo)
    assert combo.objectName() == "kind_filter" and combo.count() == 3
    assert combo.currentData() is None and changes == []  # filling it refreshes nothing
    combo.setCurrentIndex(2)
    assert combo.currentData() == "org" and changes == [2]


class _Form(QDialog):
    saved = Signal(object)


def test_a_form_is_held_while_open_and_forgotten_when_closed(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.form = None
    saved: list[object] = []
    form = open_form(owner, "form", _Form(owner), saved.append)
    assert owner.form is form and form.isVisible()
    assert form.windowModality() == Qt.WindowModality.WindowModal  # open(): the window waits, the app does not
    form.saved.emit("张伟")
    assert saved == ["张伟"]
    form.reject()
    assert owner.form is None


def test_a_failed_task_is_said_in_the_status_line_and_in_a_box_only_where_the_window_has_them(qtbot, qapp, context) -> None:
    translators = install_chinese(qapp)  # FileActions' own words, in Chinese
    try:
        owner = QWidget()
        qtbot.addWidget(owner)
        owner.show()
        status = QLabel()
        boxed = FileActions(owner, context, status)
        boxed.failed(Cancelled())
        assert status.text() == "已取消，未保存任何数据。"
        boxed.failed(UserError("party.name_required"))
        assert status.text() == "请填写名称/姓名。"
        assert boxed.message_box is not None and boxed.message_box.isVisible()
        assert boxed.message_box.text() == "请填写名称/姓名。"
        boxed.message_box.close()

        quiet_status = QLabel()
        quiet = FileActions(owner, context, quiet_status, error_box=False, texts=FileTexts(cancelled="已取消。"))
        quiet.failed(Cancelled())
        assert quiet_status.text() == "已取消。"  # the window's own words
        quiet.failed(UserError("party.name_required"))
        assert quiet_status.text() == "请填写名称/姓名。" and quiet.message_box is None
        quiet.show_exported(12, "/某处/当事人.xlsx")
        assert quiet_status.text() == "已导出 12 行到 /某处/当事人.xlsx。"
    finally:
        remove_translators(qapp, translators)
