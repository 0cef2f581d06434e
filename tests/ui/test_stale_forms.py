"""Another desk saves first (issue 14), on screen: an officer, a certificate and a complaint
step.  The clerk is told who changed the record and when, sees what is saved now, and
keeps every entry; saving again puts the clerk's own change on top, knowingly."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.complaints.service import ComplaintService, today_in_shanghai
from app.staff.service import StaffService
from tests.conftest import make_actor
from tests.ui.helpers import ime_commit
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CLERK = make_actor("legal_reviewer", username="fazhi")
OTHER_DESK = make_actor("admin", username="desk2", user_id=None)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from tests.ui.helpers import install_chinese, remove_translators

    translators = install_chinese(qapp)
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def staff_window(qtbot, store):
    from ui.staff.window import StaffWindow

    context = AppContext(store=store, actor=CLERK, language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    window = StaffWindow(context)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    yield window
    window.tasks.shutdown()


def save(qtbot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_an_officer_saved_at_another_desk_first(qtbot, store, staff_window, tmp_path: Path) -> None:
    officer = StaffService(store, CLERK).create({"name": "张伟", "unit": "区人社局", "post": "科员"})
    staff_window.refresh()
    form = staff_window.open_row(staff_window.model.row_at(0))
    assert form is not None
    form.post.clear()
    ime_commit(form.post, "大队长")
    # meanwhile the other desk changes the section and the post
    StaffService(store, OTHER_DESK).update(officer.id, officer.version, {"post": "副大队长", "section": "监察大队"})
    save(qtbot, form.buttons)
    assert form.isVisible()
    message = form.form_error.message
    assert "desk2" in message and "已由" in message and "本次未保存" in message
    assert "职务职级：副大队长" in message or "副大队长" in message  # what is saved now
    assert "您的输入仍保留在表单中" in message
    assert form.post.text() == "大队长"  # the clerk's entry is still there
    form.grab().save(str(tmp_path / "officer-changed-elsewhere.png"))
    # saving again sends only the clerk's own change, on top of the other desk's
    save(qtbot, form.buttons)
    qtbot.waitUntil(lambda: not form.isVisible())
    saved = StaffService(store, CLERK).get(officer.id).officer
    assert saved.post == "大队长" and saved.section == "监察大队"


def test_a_certificate_saved_at_another_desk_first(qtbot, store, staff_window, tmp_path: Path) -> None:
    staff = StaffService(store, CLERK)
    officer = staff.create({"name": "王芳", "unit": "区人社局"})
    cert = staff.add_certificate(officer.id, {"number": "52-001", "issue_date": date(2021, 5, 2),
                                              "expiry_date": date(2026, 5, 1), "category": "劳动保障监察"})
    staff_window.refresh()
    form = staff_window.open_row(staff_window.model.row_at(0))
    form.cert_table.selectRow(0)
    dialog = form.edit_certificate()
    assert dialog is not None
    dialog.inputs["number"].setText("52-009")
    StaffService(store, OTHER_DESK).update_certificate(cert.id, cert.version, {"issuing_authority": "某省人民政府"})
    save(qtbot, dialog.buttons)
    assert dialog.isVisible()
    message = dialog.error_text("")
    assert "desk2" in message and "某省人民政府" in message and "您的输入仍保留在表单中" in message
    assert dialog.inputs["number"].text() == "52-009"
    dialog.grab().save(str(tmp_path / "certificate-changed-elsewhere.png"))
    save(qtbot, dialog.buttons)
    assert not dialog.isVisible()
    (saved,) = staff.get(officer.id).certificates
    assert saved.number == "52-009" and saved.issuing_authority == "某省人民政府"  # neither change lost


def test_a_complaint_step_after_another_desk_acted(qtbot, store, tmp_path: Path) -> None:
    from ui.complaints.window import ComplaintsWindow

    inspector = make_actor("inspector", username="inspector")
    svc = ComplaintService(store, inspector)
    detail, _ = svc.register({
        "channel": "online", "received_at": today_in_shanghai() - timedelta(days=1), "complainant": {"name": "李四"},
        "employers": [{"party": {"name": "某公司"}}], "workers": [{"party": {"name": "李四"}, "owed_fen": 100}],
        "matters": "欠薪",
    })
    context = AppContext(store=store, actor=inspector, error_windows=False)
    window = ComplaintsWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.open_case(detail.id)
    assert page is not None
    ime_commit(page.decision_text, "不属于劳动保障监察职责")
    ComplaintService(store, make_actor("inspector", username="desk2", user_id=None)).accept(
        detail.id, detail.version, today_in_shanghai())
    qtbot.mouseClick(page.refuse_button, Qt.MouseButton.LeftButton)
    text = page.status.text()
    assert "desk2" in text and "已由" in text and "您的输入仍保留在表单中" in text
    assert page.detail.status == "filed"  # the page shows the case as saved now
    assert page.decision_text.text() == "不属于劳动保障监察职责"  # the clerk's entry stays
    page.grab().save(str(tmp_path / "complaint-changed-elsewhere.png"))
    page.close()
    if context.tasks is not None:
        context.tasks.wait_all()


def test_a_mediation_step_after_another_desk_acted_keeps_the_dialog(qtbot, store, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog, QPlainTextEdit

    from app.mediation.service import MediationService
    from tests.fixtures.arbitration import MEDIATOR, make_world, wage_claims
    from ui.mediation.window import MediationWindow
    from ui.widgets.step_dialog import StepDialog

    world = make_world(store)
    case_id = world.mediation().apply(applicants=[world.worker], respondents=[world.employer], claims=wage_claims(),
                                      received_on=date(2024, 2, 1), matter="拖欠工资", organisation="某镇劳动保障所")
    context = AppContext(store=store, actor=MEDIATOR, language="zh_CN", error_windows=False,
                         tasks=TaskRunner(error_windows=False))
    window = MediationWindow(context, today=lambda: date(2024, 2, 2))
    qtbot.addWidget(window)
    window.show()
    opened = window.open_case(case_id)
    dialogs: list[StepDialog] = []

    def clerk_fills_and_clicks_ok(cls, title, fields, parent=None, **kw):
        submitted = kw.pop("submitted")
        dialog = cls(title, fields, parent, **kw)
        dialogs.append(dialog)
        reason = dialog.widgets["reason"]
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlainText("不属于调解范围")
        dialog.accept()  # OK: the dialog runs the step
        if dialog.result() == QDialog.DialogCode.Accepted:
            submitted["outcome"] = dialog.outcome
            return dialog.values()
        return None

    monkeypatch.setattr(StepDialog, "ask", classmethod(clerk_fills_and_clicks_ok))
    # meanwhile the other desk accepts the application
    MediationService(store, make_actor(*MEDIATOR.roles, username="desk2", user_id=None),
                     today=lambda: date(2024, 2, 2)).accept(case_id, date(2024, 2, 2), version=opened.version)
    assert window.run_step("refuse") is None
    (dialog,) = dialogs
    text = dialog.error.text()
    assert "desk2" in text and "已由" in text and "页面已显示" in text  # who, when, and that the entry is kept
    assert dialog.values()["reason"] == "不属于调解范围"
    assert window.current is not None and window.current.status != opened.status  # the case as saved now
    assert window.current.version != opened.version
    dialog.deleteLater()
    context.tasks.shutdown()
