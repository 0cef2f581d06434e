"""数据库连接 against the run's PostgreSQL server, as a clerk fills it in: a wrong
password is told in words, the right one connects, and what is saved holds no password."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app.store import connection
from tests.fixtures.postgres import DESK_PASSWORD, DESK_ROLE
from tests.ui.helpers import retype, type_text
from ui.admin.connection_dialog import ConnectionDialog
from ui.tasks import TaskRunner


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test never touches the developer's real keyring; "no keyring" is the headless case.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def test_connect_to_the_server_with_a_wrong_then_the_right_password(
    qtbot, pg_server, pg_database, no_keyring, tmp_path
) -> None:
    tasks = TaskRunner(error_windows=False)
    dialog = ConnectionDialog(tasks, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.local_choice.isChecked() and not dialog.server_box.isEnabled()

    qtbot.mouseClick(dialog.server_choice, Qt.MouseButton.LeftButton)
    assert dialog.server_box.isEnabled()
    retype(dialog.host, "127.0.0.1")
    dialog.port.lineEdit().selectAll()
    qtbot.keyClicks(dialog.port, str(pg_server.port))
    retype(dialog.database, pg_database)
    retype(dialog.user, DESK_ROLE)
    type_text(dialog.password, "wrong-password")

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_all(20_000)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled())
    assert "用户名或密码" in dialog.result_label.text()
    assert not dialog.tested_ok
    dialog.grab().save(str(tmp_path / "connection-wrong-password.png"))

    retype(dialog.password, DESK_PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_all(20_000)
    qtbot.waitUntil(lambda: dialog.tested_ok)
    assert f"{DESK_ROLE}@127.0.0.1:{pg_server.port}/{pg_database}" in dialog.result_label.text()
    dialog.grab().save(str(tmp_path / "connection-ok.png"))

    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = connection.settings_path().read_text(encoding="utf-8")
    assert DESK_PASSWORD not in saved and "password" not in saved
    assert json.loads(saved)["server"] == {"host": "127.0.0.1", "port": pg_server.port, "database": pg_database,
                                           "user": DESK_ROLE, "sslmode": "prefer"}
    tasks.shutdown()


def test_an_unreachable_server_is_said_in_words(qtbot, no_keyring) -> None:
    from tests.fixtures.postgres import free_port

    tasks = TaskRunner(error_windows=False)
    dialog = ConnectionDialog(tasks, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.server_choice.setChecked(True)
    retype(dialog.host, "127.0.0.1")
    port = free_port()
    dialog.port.setValue(port)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_all(20_000)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled())
    assert dialog.result_label.text() == f"无法连接数据库服务器 127.0.0.1:{port}，请检查服务器是否开启、网络是否连通。"
    tasks.shutdown()


def test_a_desk_pointed_at_the_server_starts_on_it_and_is_told_of_an_older_schema(
    qtbot, pg_server, pg_database, monkeypatch, capsys
) -> None:
    import argparse

    from sqlalchemy import create_engine

    from ui.application import run_gui

    settings = connection.ServerSettings(host="127.0.0.1", port=pg_server.port, database=pg_database, user=DESK_ROLE)
    connection.save_server(settings, None, remember=False)
    # the keyring holds the password (a stand-in for the OS keyring)
    monkeypatch.setattr(connection, "stored_password", lambda s: DESK_PASSWORD if s == settings else None)
    args = argparse.Namespace(db=None, language="zh_CN", smoke_test=True, no_err_windows=False)
    assert run_gui(args) == 0
    assert "smoke test: main window shown" in capsys.readouterr().err

    engine = create_engine(pg_server.url(pg_database))
    with engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '0008'")
    engine.dispose()
    assert run_gui(args) == 1
    err = capsys.readouterr().err
    assert "db upgrade" in err and "Traceback" not in err
