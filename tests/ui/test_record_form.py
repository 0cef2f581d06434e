"""RecordForm (ui/widgets/record_form.py), the one base of the record forms, driven as a
clerk would: typed input is not thrown away without asking, and a refused save shows the
reason next to its field and keeps every entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.errors import StorageError, UserError
from app.parties.models import PartyKind
from app.parties.service import PartyService
from app.staff.service import StaffService
from tests.ui.helpers import ime_commit, install_chinese, remove_translators, type_text
from ui.context import AppContext
from ui.parties.form import PartyForm
from ui.staff.certificate_dialog import ReviewDialog
from ui.tasks import TaskRunner
from ui.widgets.record_form import RecordForm

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def chinese(qapp):
    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def context(store, admin_actor):
    tasks = TaskRunner(error_windows=False)
    yield AppContext(store=store, actor=admin_actor, language="zh_CN", error_windows=False, tasks=tasks)
    tasks.shutdown()


def party_form(qtbot, context: AppContext) -> PartyForm:
    form = PartyForm(context, PartyService(context.store, context.actor), kind=PartyKind.PERSON.value)
    qtbot.addWidget(form)
    form.show()
    return form


def click(qtbot, form: RecordForm, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(form.buttons.button(which), Qt.MouseButton.LeftButton)


def test_a_record_form_asks_before_discarding_typed_input(qtbot, context, discard_answers) -> None:
    form = party_form(qtbot, context)
    name = form.inputs["name"]
    name.setFocus()
    ime_commit(name, "张三")

    discard_answers.keep = True
    click(qtbot, form, QDialogButtonBox.StandardButton.Cancel)
    assert discard_answers.asked == 1
    assert form.isVisible() and name.text() == "张三"  # kept editing: nothing lost

    qtbot.keyClick(form, Qt.Key.Key_Escape)  # Esc asks too
    assert discard_answers.asked == 2 and form.isVisible()

    discard_answers.keep = False
    click(qtbot, form, QDialogButtonBox.StandardButton.Cancel)
    assert discard_answers.asked == 3 and not form.isVisible()


def test_an_untouched_record_form_closes_without_asking(qtbot, context, discard_answers) -> None:
    form = party_form(qtbot, context)
    assert [form.buttons.button(b).text() for b in (QDialogButtonBox.StandardButton.Save,
                                                    QDialogButtonBox.StandardButton.Cancel)] == ["保存", "取消"]
    click(qtbot, form, QDialogButtonBox.StandardButton.Cancel)
    assert discard_answers.asked == 0 and not form.isVisible()


def test_a_dialog_that_did_not_ask_before_now_asks_too(qtbot, context, discard_answers) -> None:
    """The annual-review dialog is a RecordForm as well: a typed note is not thrown away silently."""
    dialog = ReviewDialog(context, StaffService(context.store, context.actor), certificate_id=1)
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.inputs["note"]
    note.setFocus()
    type_text(note, "按期")
    discard_answers.keep = True
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert discard_answers.asked == 1 and dialog.isVisible() and note.text() == "按期"


def test_a_refused_save_shows_the_field_error_and_keeps_the_input(qtbot, context) -> None:
    form = party_form(qtbot, context)
    phone, address = form.inputs["phone"], form.inputs["address"]
    phone.setFocus()
    type_text(phone, "13800138000")
    address.setFocus()
    ime_commit(address, "东城区和平路1号")
    saved: list[object] = []
    form.saved.connect(saved.append)

    click(qtbot, form, QDialogButtonBox.StandardButton.Save)  # no name: the service refuses

    assert form.isVisible() and saved == [] and form.saved_row is None
    assert form.error_text("name") == UserError("party.name_required").message("zh_CN")
    assert form.errors["name"].isVisible()
    assert form.focusWidget() is form.inputs["name"]  # the clerk lands on the field to fix
    assert phone.text() == "13800138000" and address.text() == "东城区和平路1号"
    assert PartyService(context.store, context.actor).query(text="").count() == 0

    name = form.inputs["name"]
    ime_commit(name, "张三")
    click(qtbot, form, QDialogButtonBox.StandardButton.Save)  # fixed: the old error goes, the form saves

    assert not form.isVisible() and len(saved) == 1 and form.error_text("name") == ""
    assert saved[0].name == "张三"


def test_a_storage_failure_shows_under_the_form_and_keeps_the_input(qtbot, context, monkeypatch) -> None:
    form = party_form(qtbot, context)
    name = form.inputs["name"]
    name.setFocus()
    ime_commit(name, "李四")

    def refuse(fields):
        raise StorageError("db.disk_full")

    monkeypatch.setattr(form.service, "create", refuse)
    click(qtbot, form, QDialogButtonBox.StandardButton.Save)

    assert form.isVisible() and name.text() == "李四"
    assert form.form_error.isVisible() and form.form_error.message == "磁盘已满，未保存任何数据。"
    assert form.error_text("name") == ""
