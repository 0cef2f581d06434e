"""培训考试 driven as a clerk would: record a session with attendees, an exam with its rates, the year summary."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.clock import bureau_today
from app.staff.service import StaffService
from app.training.service import TrainingService
from tests.conftest import make_actor
from tests.ui.helpers import ime_commit, retype, type_text
from ui.context import AppContext
from ui.tasks import TaskRunner
from ui.training.exams import ATTENDED, REQUIRED, SCORE
from ui.training.sessions import ConfirmDelete
from ui.training.summary import BEHIND_COLOUR
from ui.training.window import TrainingWindow
from ui.widgets import files

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
YEAR = bureau_today().year


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def roster(store) -> dict[str, int]:
    staff = StaffService(store, make_actor("admin"))
    ids = {}
    for name, section in (("张伟", "劳动保障监察大队"), ("王芳", "政策法规科"), ("李娜", "仲裁院")):
        ids[name] = staff.create({"name": name, "unit": "某区人社局", "section": section}).id
    return ids


def make_window(qtbot, store, actor) -> TrainingWindow:
    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=actor, language="zh_CN", error_windows=False, tasks=tasks)
    window = TrainingWindow(context)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    return window


@pytest.fixture
def window(qtbot, store, roster):
    w = make_window(qtbot, store, make_actor("legal_reviewer", username="fazhi"))
    yield w
    w.context.tasks.shutdown()


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot, check_list, officer_id: int) -> None:
    """Click the check box of one person in the attendee list."""
    item = check_list.item_for(officer_id)
    rect = check_list.list.visualItemRect(item)
    qtbot.mouseClick(check_list.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))


def test_tabs(window) -> None:
    assert window.tab_titles() == ["学习培训", "考试", "年度汇总"]


def test_clerk_records_a_session_with_attendees(qtbot, window, roster) -> None:
    tab = window.show_sessions()
    click(qtbot, tab.buttons["add"])
    form = tab.form
    assert form is not None and form.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("party_group"))
    ime_commit(form.topic, "学习《保障农民工工资支付条例》")
    ime_commit(form.organiser, "局办公室")
    type_text(form.hours, "0")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert form.isVisible() and form.error_text("hours") == "学时应大于0且不超过200（现为0）。"
    retype(form.hours, "2.5")
    tick(qtbot, form.attendees, roster["张伟"])
    tick(qtbot, form.attendees, roster["李娜"])
    assert form.attendees.checked_ids() == [roster["李娜"], roster["张伟"]]  # the roster in pinyin order
    assert form.attendees.count.text() == "已选 2 人"
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not form.isVisible()
    model = tab.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.column_index("kind"))) == "党组中心组学习"
    assert model.data(model.index(0, model.column_index("hours"))) == "2.5"
    assert model.data(model.index(0, model.column_index("attendees"))) == "2"
    assert tab.status.text() == "已保存“学习《保障农民工工资支付条例》”（2人参加）。"
    # Reopen: the attendees are ticked; untick one.
    form = tab.open_row(model.row_at(0))
    assert sorted(form.attendees.checked_ids()) == sorted([roster["张伟"], roster["李娜"]])
    tick(qtbot, form.attendees, roster["李娜"])
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert model.data(model.index(0, model.column_index("attendees"))) == "1"


def test_someone_who_left_cannot_be_added(qtbot, store, window, roster) -> None:
    tab = window.show_sessions()
    form = tab.add_session()
    staff = StaffService(store, make_actor("admin"))
    left = staff.get(roster["王芳"]).officer
    staff.update(left.id, left.version, {"on_roster": False})  # meanwhile, elsewhere
    ime_commit(form.topic, "学法")
    type_text(form.hours, "2")
    tick(qtbot, form.attendees, roster["王芳"])
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert form.error_text("attendees") == "王芳不在执法人员名册中，不能登记。"
    form.reject()


def test_clerk_records_an_exam_and_sees_the_rates(qtbot, window, roster) -> None:
    tab = window.show_exams()
    click(qtbot, tab.buttons["add"])
    form = tab.form
    assert form is not None
    ime_commit(form.title_edit, "年度行政执法人员法律知识考试")
    # Everyone on the roster is required by default; nobody has sat yet.
    assert form.rates.text() == "应参考 3 人，实际参考 0 人，合格 0 人 —— 参考率 0.00%，合格率 —"
    form.set_result(roster["张伟"], score="88")  # a typed score ticks 实际参考
    assert form.grid.item(form.row_of(roster["张伟"]), ATTENDED).checkState() == Qt.CheckState.Checked
    form.set_result(roster["王芳"], score="59.5")
    form.set_result(roster["李娜"], reason="出差")
    assert form.rates.text() == "应参考 3 人，实际参考 2 人，合格 1 人 —— 参考率 66.67%，合格率 50.00%"
    # A score above the full mark is marked, and refused on save with the person's name.
    form.set_result(roster["王芳"], score="105")
    assert form.grid.item(form.row_of(roster["王芳"]), SCORE).background().color().name() == "#f6c9c4"
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert form.isVisible() and form.error_text("score") == "王芳的成绩105超过满分100。"
    form.set_result(roster["王芳"], score="60")
    assert form.rates.text().endswith("参考率 66.67%，合格率 100.00%")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not form.isVisible()
    model = tab.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.column_index("participation"))) == "66.67%"
    assert model.data(model.index(0, model.column_index("pass_rate"))) == "100.00%"
    assert tab.status.text() == "已保存“年度行政执法人员法律知识考试”：参考率 66.67%，合格率 100.00%。"
    # Reopen: the grid holds what was saved.
    form = tab.open_row(model.row_at(0))
    row = form.row_of(roster["李娜"])
    assert form.grid.item(row, REQUIRED).checkState() == Qt.CheckState.Checked
    assert form.grid.item(row, ATTENDED).checkState() == Qt.CheckState.Unchecked
    assert form.grid.item(row, 5).text() == "出差" and form.grid.item(row, 6).text() == "缺考"
    form.reject()


def test_an_exam_nobody_was_required_for_shows_dashes(qtbot, window) -> None:
    tab = window.show_exams()
    form = tab.add_exam()
    ime_commit(form.title_edit, "空考试")
    click(qtbot, form.all_required)  # all required …
    for row in range(form.grid.rowCount()):  # … then untick them all again
        form.grid.item(row, REQUIRED).setCheckState(Qt.CheckState.Unchecked)
    assert form.rates.text().endswith("参考率 —，合格率 —")
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    model = tab.model
    assert model.data(model.index(0, model.column_index("pass_rate"))) == "—"


def test_year_summary_shows_kinds_hours_and_rates(qtbot, store, window, roster, tmp_path, monkeypatch) -> None:
    service = TrainingService(store, make_actor("admin"))
    for i in range(4):
        service.create_session({"kind": "party_group", "held_on": date(YEAR, 1, 1 + i), "topic": f"中心组学习{i}",
                                "hours": "10"}, [roster["张伟"], roster["王芳"]])
    service.create_session({"kind": "bureau_wide", "held_on": date(YEAR, 2, 1), "topic": "全局学法", "hours": "5"},
                           list(roster.values()))
    service.create_exam({"title": "法律知识考试", "held_on": date(YEAR, 3, 1), "pass_mark": 60},
                        [{"officer_id": i, "attended": True, "score": 80} for i in roster.values()])
    tab = window.show_summary()
    qtbot.waitUntil(lambda: tab.kinds.item(0, 1) is not None and tab.kinds.item(0, 1).text() == "4")
    assert tab.kinds.item(0, 0).text() == "党组中心组学习" and tab.kinds.item(1, 1).text() == "1"
    assert tab.headline.text().startswith(f"{YEAR}年：学习培训 5 次；人均 31.7 学时")
    assert tab.headline.text().endswith("考试参考率 100.00%，合格率 100.00%。")
    assert tab.behind_names() == ["李娜"]  # 5 of 40 hours
    persons = {tab.persons.item(i, 0).text(): tab.persons.item(i, 4).text() for i in range(tab.persons.rowCount())}
    assert persons == {"张伟": "已完成", "王芳": "已完成", "李娜": "差35学时"}
    # The target is a setting; 50 puts 张伟 and 王芳 behind too.
    retype(tab.target, "50")
    click(qtbot, tab.save_target)
    assert sorted(tab.behind_names()) == sorted(["张伟", "王芳", "李娜"])
    assert tab.persons.item(0, 0).background().color() == BEHIND_COLOUR
    # How 合格率 is counted is a setting (passed ÷ sat, or passed ÷ required), changed here.
    assert tab.pass_basis.currentText() == "合格率＝合格人数÷实际参考人数"
    tab.pass_basis.setCurrentIndex(1)
    assert TrainingService(store, make_actor("admin")).pass_rate_basis() == "required"
    assert tab.status.text() == "合格率口径已保存。"
    # Exports through the task runner.
    targets = iter([tmp_path / "summary.xlsx", tmp_path / "summary.pdf"])
    monkeypatch.setattr(files, "choose_save_path", lambda *a, **k: next(targets))
    with qtbot.waitSignal(window.context.tasks.all_done, timeout=20_000):
        click(qtbot, tab.export_xlsx)
    assert load_workbook(tmp_path / "summary.xlsx").sheetnames == ["年度汇总", "个人学时", "考试", "学习培训记录"]
    with qtbot.waitSignal(window.context.tasks.all_done, timeout=20_000):
        click(qtbot, tab.export_pdf_button)
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")


def test_delete_asks_first(qtbot, store, window, roster, monkeypatch) -> None:
    TrainingService(store, make_actor("admin")).create_session(
        {"kind": "other", "held_on": date(YEAR, 5, 1), "topic": "误录", "hours": "1"}, [])
    tab = window.show_sessions()
    tab.refresh()
    tab.view.select_ids([tab.model.row_at(0).id])
    monkeypatch.setattr(ConfirmDelete, "ask", staticmethod(lambda parent, question: False))
    click(qtbot, tab.buttons["delete"])
    assert tab.model.rowCount() == 1
    monkeypatch.setattr(ConfirmDelete, "ask", staticmethod(lambda parent, question: question == "删除学习培训“误录”？"))
    click(qtbot, tab.buttons["delete"])
    assert tab.model.rowCount() == 0


def test_without_training_edit_the_buttons_say_why(qtbot, store, roster) -> None:
    window = make_window(qtbot, store, make_actor("inspector", username="jiancha"))
    try:
        for tab in (window.sessions_tab, window.exams_tab):
            assert not tab.buttons["add"].isEnabled()
            assert tab.buttons["add"].toolTip() == "需要权限：登记培训和考试"
        assert not window.summary_tab.save_target.isEnabled()
        assert window.summary_tab.export_xlsx.isEnabled()
    finally:
        window.context.tasks.shutdown()


def test_session_model_passes_qtmodeltester(qtmodeltester, store, window, roster) -> None:
    service = TrainingService(store, make_actor("admin"))
    for i in range(3):
        service.create_session({"kind": "bureau_wide", "held_on": date(YEAR, 1, 1 + i), "topic": f"学习{i}",
                                "hours": "2"}, [roster["张伟"]])
    window.sessions_tab.refresh()
    qtmodeltester.check(window.sessions_tab.model, force_py=True)
    window.exams_tab.refresh()
    qtmodeltester.check(window.exams_tab.model, force_py=True)


def test_one_year_box_serves_all_three_tabs(qtbot, window, tmp_path) -> None:
    from PySide6.QtWidgets import QSpinBox

    shown = [box for box in window.findChildren(QSpinBox) if box.isVisibleTo(window)]
    assert shown == [window.year]  # the tabs' own boxes are gone from sight
    from PySide6.QtWidgets import QLabel

    year_words = [label for label in window.findChildren(QLabel)
                  if label.isVisibleTo(window) and label.text() == window.tr("Year:")]
    assert len(year_words) <= 1, [label.parentWidget() for label in year_words]  # and their labels with them
    window.year.setValue(2023)
    assert window.sessions_tab.year.value() == window.exams_tab.year.value() == 2023
    assert window.summary_tab.year.value() == 2023
    window.year.setValue(window.year.minimum())  # 全部年份
    assert window.sessions_tab.year.value() == window.exams_tab.year.value() == 0
    assert window.summary_tab.year.value() == 2023  # a summary is of one year
    window.grab().save(str(tmp_path / "training_one_year.png"))
