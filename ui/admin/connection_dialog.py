"""数据库连接: this desk works on the local database (SQLite) or on the office's
PostgreSQL server.  测试连接 tries the server off the GUI thread and says in one
line what is wrong (unreachable, wrong password, schema older or newer).  The
password goes to the operating system's keyring when 记住密码 is ticked, never
into the settings file."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, UserError
from app.store import connection
from ui.tasks import TaskRunner
from ui.widgets.naming import named


class ConnectionDialog(QDialog):
    def __init__(self, tasks: TaskRunner, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection_dialog")
        self.setWindowTitle(self.tr("Database connection"))
        self.tasks = tasks
        self.language = language
        self.tested_ok = False

        self.local_choice = QRadioButton(self.tr("Local database on this PC (SQLite)"))
        self.local_choice.setObjectName("local_choice")
        self.server_choice = QRadioButton(self.tr("Connect to a server (PostgreSQL)"))
        self.server_choice.setObjectName("server_choice")
        choices = QButtonGroup(self)
        choices.addButton(self.local_choice)
        choices.addButton(self.server_choice)

        self.host = named(QLineEdit(), "host")
        self.port = named(QSpinBox(), "port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = named(QLineEdit("renshe"), "database")
        self.user = named(QLineEdit("renshe_desk"), "user")
        self.password = named(QLineEdit(), "password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = named(QComboBox(), "sslmode")
        self.sslmode.addItems(list(connection.SSL_MODES))
        self.remember = named(QCheckBox(self.tr("Remember the password (in the system keyring)")), "remember")
        self.remember.setChecked(True)

        self.server_box = QGroupBox(self.tr("Server"))
        form = QFormLayout(self.server_box)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("TLS (sslmode)"), self.sslmode)
        form.addRow("", self.remember)

        self.result_label = named(QLabel(), "connection_result")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.test_button = self.buttons.addButton(self.tr("Test connection"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        saved = connection.load_server_settings()
        if saved is None:
            self.local_choice.setChecked(True)
        else:
            self.server_choice.setChecked(True)
            self.host.setText(saved.host)
            self.port.setValue(saved.port)
            self.database.setText(saved.database)
            self.user.setText(saved.user)
            self.sslmode.setCurrentText(saved.sslmode)
            self.password.setText(connection.stored_password(saved) or "")
        self.server_choice.toggled.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        self.server_box.setEnabled(self.server_choice.isChecked())
        self.test_button.setEnabled(self.server_choice.isChecked())
        self.result_label.clear()

    def settings(self) -> connection.ServerSettings:
        return connection.ServerSettings(
            host=self.host.text().strip(), port=self.port.value(), database=self.database.text().strip(),
            user=self.user.text().strip(), sslmode=self.sslmode.currentText(),
        )

    def url(self) -> str:
        if self.local_choice.isChecked():
            return connection.default_db_url()
        return self.settings().url(self.password.text())

    def test_connection(self) -> None:
        if not self.host.text().strip():
            self.result_label.setText(self.tr("Enter the server's host name or address."))
            return
        self.result_label.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        url = self.url()
        self.tasks.run(
            lambda _progress, _cancel: connection.check_server(url),
            on_success=self._tested, on_error=self._failed, label=self.tr("Testing the connection"), parent=self,
        )

    def _tested(self, revision: Any) -> None:
        self.tested_ok = True
        self.test_button.setEnabled(True)
        self.result_label.setText(
            self.tr("Connected: %1 (schema %2).").replace("%1", connection.describe(self.url())).replace("%2", str(revision))
        )

    def _failed(self, error: BaseException) -> None:
        self.tested_ok = False
        self.test_button.setEnabled(True)
        if isinstance(error, StorageError | UserError):
            self.result_label.setText(error.message(self.language))
        else:
            self.result_label.setText(str(error))

    def save(self) -> None:
        if self.local_choice.isChecked():
            connection.save_local()
        else:
            if not self.host.text().strip():
                self.result_label.setText(self.tr("Enter the server's host name or address."))
                return
            in_keyring = connection.save_server(self.settings(), self.password.text(), remember=self.remember.isChecked())
            if self.remember.isChecked() and not in_keyring:
                self.result_label.setText(self.tr("No keyring on this PC: the password will be asked at each start."))
        self.accept()
