"""Issue 17: people by name, not by login name, wherever a clerk reads a person.

On the small 2023 demo district (every entry written through the services by the demo's
accounts shouli, jiancha, shuji …): the status bar, the 操作日志's 操作人 column and its
filter, and the values of its changes that name a person (the tribunal, a hearing's members,
an officer, a party), the 办案经过 of an arbitration case and the 办理记录 of a complaint.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.conftest import make_actor
from tests.ui.helpers import install_chinese, remove_translators
from ui.context import AppContext
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LOGINS = {"admin", "shouli", "jiancha", "zhongcai1", "zhongcai2", "zhongcai3", "shuji", "tiaojie", "fazhi", "lingdao"}


@pytest.fixture(scope="module")
def district_file(tmp_path_factory: pytest.TempPathFactory, small_district_file: Path) -> Path:
    """The demo district's 2023 on the small plan: a copy of the run's (tests/conftest.py)."""
    from tests.fixtures.template import copy_database

    return copy_database(small_district_file, tmp_path_factory.mktemp("district") / "district.db")


@pytest.fixture
def chinese_window(qtbot, qapp, district_file: Path, tmp_path: Path):
    from app.store import open_store
    from ui.application import install_font
    from ui.main_window import MainWindow

    copy = tmp_path / "district.db"
    shutil.copy(district_file, copy)
    store = open_store(f"sqlite:///{copy}")
    install_font(qapp)
    translators = install_chinese(qapp)
    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=make_actor("admin", username="admin"), language="zh_CN",
                         error_windows=False, tasks=tasks)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window, store
    tasks.shutdown()
    remove_translators(qapp, translators)
    store.dispose()


def _names(store) -> dict[str, str]:
    from app.accounts.models import User

    with store.read() as session:
        return dict(session.execute(select(User.username, User.display_name)).all())


def test_the_status_bar_names_the_user(chinese_window) -> None:
    window, store = chinese_window
    name = _names(store)["admin"]
    assert name and name != "admin"
    assert window.user_label.text().endswith(name), window.user_label.text()
    assert "admin" not in window.user_label.text()
    assert "admin" in window.user_label.toolTip()  # the login name, for whoever needs it


def test_the_audit_log_names_the_operator_and_the_people_in_its_changes(qtbot, chinese_window) -> None:
    from app.accounts.models import User
    from app.arbitration.models import ArbitrationCase

    window, store = chinese_window
    names = _names(store)
    admin = window.open_area("admin")
    log = admin.show_audit()
    model = log.model
    qtbot.waitUntil(lambda: model.rowCount() > 100, timeout=20_000)
    operator = model.column_index("actor")
    shown = {str(model.index(r, operator).data()) for r in range(min(model.rowCount(), 200))}
    assert shown and not shown & LOGINS, shown
    assert shown & set(names.values())

    # the filter lists people by name and filters by their login
    items = {log.actor_combo.itemText(i): log.actor_combo.itemData(i) for i in range(1, log.actor_combo.count())}
    assert not set(items) & LOGINS, items
    assert items[names["jiancha"]] == "jiancha"
    log.actor_combo.setCurrentIndex(log.actor_combo.findData("jiancha"))
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    assert {str(model.index(r, operator).data()) for r in range(min(model.rowCount(), 50))} == {names["jiancha"]}

    # the tribunal formed on a case: its members by name, not by account number
    with store.read() as session:
        case_id, chief = session.execute(select(ArbitrationCase.id, User.display_name)
                                         .join(User, User.id == ArbitrationCase.chief_arbitrator_id)
                                         .order_by(ArbitrationCase.id)).first()
    log.actor_combo.setCurrentIndex(0)
    log.table_combo.setCurrentIndex(log.table_combo.findData("arbitration_case"))
    log.record_edit.setText(str(case_id))
    log.apply_filters()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    changes = [str(model.index(r, model.column_index("changes")).data()) for r in range(model.rowCount())]
    formed = [c for c in changes if "首席仲裁员" in c]
    assert formed and chief in formed[0], changes
    # the 记录 column names the case by its number; its database id is only in the tooltip
    with store.read() as session:
        case_no = session.scalar(select(ArbitrationCase.case_no).where(ArbitrationCase.id == case_id))
    record = model.column_index("record")
    assert case_no and {str(model.index(r, record).data()) for r in range(model.rowCount())} == {case_no}
    assert str(case_id) in str(model.index(0, record).data(Qt.ItemDataRole.ToolTipRole))
    # and a history line's 经办人 by name
    log.table_combo.setCurrentIndex(log.table_combo.findData("complaint_event"))
    log.record_edit.clear()
    log.apply_filters()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    text = str(model.index(0, model.column_index("changes")).data())
    assert "经办人: " in text and not any(f": {login}" in text for login in LOGINS), text


def test_case_histories_name_people(qtbot, chinese_window) -> None:
    from app.arbitration.models import ArbitrationCase
    from app.complaints.models import Complaint

    window, store = chinese_window
    names = set(_names(store).values())
    with store.read() as session:
        arbitration_id = session.scalar(select(ArbitrationCase.id).where(ArbitrationCase.status == "closed")
                                        .order_by(ArbitrationCase.id))
        complaint_id = session.scalar(select(Complaint.id).where(Complaint.status == "closed").order_by(Complaint.id))
    page = window.open_area("arbitration").open_case(arbitration_id)
    actors = {page.timeline.item(r, 3).text() for r in range(page.timeline.rowCount())}
    assert actors and not actors & LOGINS and actors <= names | {""}, actors
    complaint_page = window.open_area("complaints").open_case(complaint_id)
    events = complaint_page.events_table
    actors = {events.item(r, 3).text() for r in range(events.rowCount())}
    assert actors and not actors & LOGINS and actors <= names | {""}, actors
    complaint_page.reject()


# Values that are codes by nature: a credit code, a certificate's number, a login name in the accounts'
# own table, the holiday calendar's version, a setting's key and value, the numbering's kind.
CODES_BY_NATURE = {("party", "uscc"), ("officer_certificate", "number"), ("app_user", "username"),
                   ("complaint", "deadline_calendar"), ("setting", "key"), ("setting", "value"),
                   ("issued_number", "doc_type"), ("number_counter", "doc_type")}


def test_the_audit_log_shows_no_internal_codes(qtbot, chinese_window) -> None:
    """Every entry the demo year wrote: steps, roles, categories, results, states, details — in words."""
    import re

    from app.audit import labels as audit_labels

    window, store = chinese_window
    names = _names(store)
    log = window.open_area("admin").show_audit()
    query = log.service.query()
    code = re.compile(r"(?:^|→ )([a-z][a-z_]{2,})$")
    labels = {log.field_label(f): f for f in audit_labels.fields()}
    raw: dict[tuple[str, str], str] = {}
    rows = 0
    for offset in range(0, query.count(), 500):
        for row in query.page(offset, 500):
            rows += 1
            for part in log.changes_text(row).split("；"):
                label, _, value = part.partition(": ")
                field = labels.get(label, label)
                if (row.table_name, field) not in CODES_BY_NATURE and code.search(value.strip()):
                    raw.setdefault((row.table_name, field), part)
    assert rows > 1000, rows
    assert raw == {}, raw
    # the tribunal formed, as its history line records it: by name
    tribunal = [log.changes_text(r) for r in query.page(0, 2000)
                if r.table_name == "arbitration_event" and "form_tribunal" in str(r.changes.get("kind"))]
    assert tribunal and "首席仲裁员: " in tribunal[0], tribunal[:1]
    assert any(name in tribunal[0] for name in names.values()), tribunal[0]
    # the case a history line belongs to: by its number, not its database id
    assert "案件: 南明区劳人仲案字〔2023〕第" in tribunal[0], tribunal[0]
