"""投诉/举报登记: register a complaint or report from the keyboard in under a minute.

Tab order follows the paper form: kind, channel, time received, complainant,
employer(s), project, workers (name → ID number → amount → Enter adds the
worker), matters, requests, evidence, Save.  Before saving, the form asks the
service about open complaints of the same worker against the same employer
and warns (the clerk may still register).  Parties typed here are found in
the register by ID number / credit code, or created with the complaint — in
one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.complaints import rules
from app.complaints.service import ComplaintDetail, ComplaintService, DuplicateWarning
from app.errors import StorageError, UserError
from app.legal.identity import validate_id_no
from app.legal.rates import format_yuan
from ui.context import AppContext
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.naming import named
from ui.widgets.record_form import RecordForm


class DuplicateQuestion:
    """The one seam tests patch: ask whether to register despite open complaints."""

    @classmethod
    def ask(cls, parent: QWidget, warnings: list[DuplicateWarning], language: str) -> bool:
        box = QMessageBox(parent)
        box.setObjectName("duplicate_warning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText("\n".join(w.message(language) for w in warnings))
        box.setInformativeText(QCoreApplication.translate("IntakeForm", "Register this complaint anyway?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


class IntakeForm(RecordForm):
    """Register a complaint or report.  `saved` carries the ComplaintDetail."""

    def __init__(self, context: AppContext, service: ComplaintService, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("complaint_intake")
        self.setWindowTitle(self.tr("Register a complaint or report"))
        self.service = service
        self.language = context.language
        self.last_error: UserError | StorageError | None = None
        self.workers: list[dict[str, Any]] = []
        self.employers: list[dict[str, Any]] = []

        self.kind = named(QComboBox(), "kind")
        for code, _ in rules.KIND_LABELS.items():
            self.kind.addItem(rules.label(rules.KIND_LABELS, code, self.language), str(code))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.channel = named(QComboBox(), "channel")
        for code in rules.CHANNEL_LABELS:
            self.channel.addItem(rules.label(rules.CHANNEL_LABELS, code, self.language), str(code))
        self.received = named(QDateTimeEdit(QDateTime.currentDateTime()), "received")
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.anonymous = named(QCheckBox(self.tr("Anonymous")), "anonymous")
        self.anonymous.setEnabled(False)
        self.anonymous.toggled.connect(self._anonymous_toggled)

        self.complainant_name = named(QLineEdit(), "complainant_name")
        self.complainant_id = named(QLineEdit(), "complainant_id_no")
        self.complainant_id.setMaxLength(18)
        self.complainant_phone = named(QLineEdit(), "complainant_phone")

        self.employer_name = named(QLineEdit(), "employer_name")
        self.employer_uscc = named(QLineEdit(), "employer_uscc")
        self.employer_uscc.setMaxLength(18)
        self.employer_role = named(QComboBox(), "employer_role")
        for code in rules.ROLE_LABELS:
            self.employer_role.addItem(rules.label(rules.ROLE_LABELS, code, self.language), str(code))
        from app.parties.service import PartyService
        from ui.widgets.party_picker import PartyPicker

        self.parties = PartyService(context.store, context.actor)
        self.employer_pick = PartyPicker(self.parties)
        self.employer_pick.setObjectName("employer_pick")
        # choosing an employer from the register's matches (or Enter on the search) adds it:
        # no second button to press
        self.employer_pick.choices.activated.connect(lambda _index: self.add_employer())
        self.employer_pick.search.returnPressed.connect(self.add_employer)
        self.add_employer_button = named(QPushButton(self.tr("Add employer")), "add_employer")
        self.add_employer_button.clicked.connect(self.add_employer)
        self.employer_name.returnPressed.connect(self.add_employer)
        self.employer_uscc.returnPressed.connect(self.add_employer)
        self.employer_table = self._table("employer_table", [self.tr("Employer"), self.tr("Credit code"), self.tr("Role")])

        self.project = named(QComboBox(), "project")
        self.project.addItem(self.tr("(none)"), None)
        self._load_projects()

        self.worker_name = named(QLineEdit(), "worker_name")
        self.worker_id = named(QLineEdit(), "worker_id_no")
        self.worker_id.setMaxLength(18)
        self.worker_owed = MoneyEdit(field="owed")
        self.worker_owed.setObjectName("worker_owed")
        self.worker_migrant = named(QCheckBox(self.tr("Migrant worker")), "worker_migrant")
        self.worker_migrant.setChecked(True)
        self.add_worker_button = named(QPushButton(self.tr("Add worker")), "add_worker")
        self.add_worker_button.clicked.connect(self.add_worker)
        self.worker_owed.returnPressed.connect(self.add_worker)
        # A registered person's name comes from the register when the ID number is typed first.
        self.worker_id.editingFinished.connect(lambda: self._name_from_register(self.worker_id, self.worker_name))
        self.complainant_id.editingFinished.connect(
            lambda: self._name_from_register(self.complainant_id, self.complainant_name))
        self.worker_table = self._table(
            "worker_table", [self.tr("Worker"), self.tr("ID number"), self.tr("Owed (yuan)"), self.tr("Migrant")]
        )
        self.total_label = named(QLabel(), "total")

        self.matters = named(QPlainTextEdit(), "matters")
        self.matters.setTabChangesFocus(True)
        self.requests = named(QPlainTextEdit(), "requests")
        self.requests.setTabChangesFocus(True)
        self.evidence = named(QPlainTextEdit(), "evidence")
        self.evidence.setTabChangesFocus(True)
        for edit in (self.matters, self.requests, self.evidence):
            edit.setFixedHeight(52)

        head = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.channel, 1)
        row.addWidget(QLabel(self.tr("Received")))
        row.addWidget(self.received)
        row.addWidget(self.anonymous)
        head.addRow(self.tr("Kind / channel"), row)

        complainant = QGroupBox(self.tr("Complainant"))
        c_layout = QFormLayout(complainant)
        c_layout.addRow(self.tr("Name"), self.complainant_name)
        c_row = QHBoxLayout()
        c_row.addWidget(self.complainant_id, 2)
        c_row.addWidget(QLabel(self.tr("Phone")))
        c_row.addWidget(self.complainant_phone, 1)
        c_layout.addRow(self.tr("ID number"), c_row)

        employers = QGroupBox(self.tr("Employers complained of"))
        e_layout = QVBoxLayout(employers)
        e_row = QHBoxLayout()
        e_row.addWidget(self.employer_name, 3)
        e_row.addWidget(self.employer_uscc, 2)
        e_row.addWidget(self.employer_role, 1)
        e_row.addWidget(self.add_employer_button)
        self.employer_name.setPlaceholderText(self.tr("Employer name"))
        self.employer_uscc.setPlaceholderText(self.tr("Credit code (optional)"))
        e_layout.addLayout(e_row)
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(self.tr("or from the register")))
        pick_row.addWidget(self.employer_pick, 1)
        e_layout.addLayout(pick_row)
        e_layout.addWidget(self.employer_table)
        p_row = QHBoxLayout()
        p_row.addWidget(QLabel(self.tr("Construction project")))
        p_row.addWidget(self.project, 1)
        e_layout.addLayout(p_row)

        workers = QGroupBox(self.tr("Workers concerned"))
        w_layout = QVBoxLayout(workers)
        w_row = QHBoxLayout()
        self.worker_name.setPlaceholderText(self.tr("Name"))
        self.worker_id.setPlaceholderText(self.tr("ID number"))
        w_row.addWidget(self.worker_name, 2)
        w_row.addWidget(self.worker_id, 3)
        w_row.addWidget(self.worker_owed, 2)
        w_row.addWidget(self.worker_migrant)
        w_row.addWidget(self.add_worker_button)
        w_layout.addLayout(w_row)
        w_layout.addWidget(self.worker_table)
        w_layout.addWidget(self.total_label)

        texts = QFormLayout()
        texts.addRow(self.tr("Matters"), self.matters)
        texts.addRow(self.tr("Requests"), self.requests)
        texts.addRow(self.tr("Evidence received"), self.evidence)

        self.save_buttons().setObjectName("buttons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setText(self.tr("Register"))
        self.save_button.setAutoDefault(False)
        self.status = self.form_error  # the one red line: whose entry is wrong, and why
        self.status.setObjectName("status")

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(complainant)
        layout.addWidget(employers)
        layout.addWidget(workers)
        layout.addLayout(texts)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(860, 820)
        self._show_total()
        for table, remove in ((self.worker_table, self.remove_worker), (self.employer_table, self.remove_employer)):
            self._row_actions(table, remove)
        self.complainant_name.setFocus()
        self.remember_input(extra=lambda: (len(self.workers), len(self.employers)))

    # ---------------------------------------------------------------- rows: change and remove
    def _row_actions(self, table: QTableWidget, remove: Any) -> None:
        from PySide6.QtGui import QAction

        table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        edit = named(QAction(self.tr("Change"), table), "change_row")
        edit.triggered.connect(lambda: self._take_back(table, remove))
        delete = named(QAction(self.tr("Remove"), table), "remove_row")
        delete.triggered.connect(lambda: self._remove_selected(table, remove))
        table.addActions([edit, delete])
        table.installEventFilter(self)  # the Delete key removes the selected row

    def eventFilter(self, watched: Any, event: Any) -> bool:  # Qt override
        from PySide6.QtCore import QEvent

        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and watched in (self.worker_table, self.employer_table)):
            remove = self.remove_worker if watched is self.worker_table else self.remove_employer
            self._remove_selected(watched, remove)
            return True
        return super().eventFilter(watched, event)

    def _selected_row(self, table: QTableWidget) -> int | None:
        rows = sorted({index.row() for index in table.selectedIndexes()})
        return rows[0] if rows else (table.currentRow() if table.currentRow() >= 0 else None)

    def _remove_selected(self, table: QTableWidget, remove: Any) -> None:
        row = self._selected_row(table)
        if row is not None:
            remove(row)

    def _take_back(self, table: QTableWidget, remove: Any) -> None:
        """修改: the row goes back into the entry fields, to be corrected and added again."""
        row = self._selected_row(table)
        if row is None:
            return
        if table is self.worker_table:
            worker = self.workers[row]["party"]
            self.worker_name.setText(worker["name"])
            self.worker_id.setText(worker.get("id_no", ""))
            self.worker_owed.set_fen(self.workers[row]["owed_fen"])
            self.worker_migrant.setChecked(bool(worker.get("is_migrant_worker")))
            remove(row)
            self.worker_name.setFocus()
        else:
            party = self.employers[row]["party"]
            if isinstance(party, dict):
                self.employer_name.setText(party["name"])
                self.employer_uscc.setText(party.get("uscc", ""))
            self.employer_role.setCurrentIndex(max(0, self.employer_role.findData(self.employers[row]["role"])))
            remove(row)
            self.employer_name.setFocus()

    def remove_worker(self, row: int) -> None:
        del self.workers[row]
        self.worker_table.removeRow(row)
        self._show_total()

    def remove_employer(self, row: int) -> None:
        del self.employers[row]
        self.employer_table.removeRow(row)

    # ---------------------------------------------------------------- parts
    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = named(QTableWidget(0, len(headers)), name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setFixedHeight(96)
        return table

    def _load_projects(self) -> None:
        try:
            from app.projects.service import ProjectService

            query = ProjectService(self.context.store, self.context.actor).query()
            for row in query.page(0, 500):
                self.project.addItem(row.name, row.id)
        except (UserError, StorageError, ImportError):
            pass

    def _name_from_register(self, number: QLineEdit, name: QLineEdit) -> None:
        text = number.text().strip().upper()
        if len(text) != 18 or name.text().strip():
            return
        try:
            row = self.parties.find_by_number(text)
        except (UserError, StorageError):
            return
        if row is not None and row.kind == "person":
            name.setText(row.name)

    def _kind_changed(self, _index: int) -> None:
        is_report = self.kind.currentData() == "report"
        self.anonymous.setEnabled(is_report)
        if not is_report:
            self.anonymous.setChecked(False)

    def _anonymous_toggled(self, on: bool) -> None:
        for widget in (self.complainant_name, self.complainant_id, self.complainant_phone):
            widget.setEnabled(not on)

    def _fail(self, err: UserError | StorageError) -> None:
        self.last_error = err
        self.status.show_message(self._whose(err) + err.message(self.language))

    show_error = _fail  # the form's fields are in tables: every refusal is told on the one line
    show_failure = _fail

    def _whose(self, err: UserError | StorageError) -> str:
        """Names the worker or employer an error is about: "张三：" before the reason."""
        field = getattr(err, "field", None) or ""
        for prefix, rows in (("workers.", self.workers), ("employers.", self.employers)):
            index = field[len(prefix):].split(".")[0] if field.startswith(prefix) else ""
            if index.isdigit() and int(index) < len(rows):
                party = rows[int(index)]["party"]
                name = party.get("name", "") if isinstance(party, dict) else ""
                return f"{name}：" if name else ""
        return ""

    def add_employer(self) -> None:
        name = self.employer_name.text().strip()
        picked = self.employer_pick.party_id()
        if not name and picked is not None:  # chosen from the register
            entry: dict[str, Any] = {"party": picked, "role": self.employer_role.currentData()}
            self.employers.append(entry)
            row = self.employer_table.rowCount()
            self.employer_table.insertRow(row)
            try:
                registered = self.parties.get(picked)
                name, code = registered.name, registered.uscc or ""
            except (UserError, StorageError):
                name, code = self.employer_pick.party_text(), ""
            for col, text in enumerate((name, code, self.employer_role.currentText())):
                self.employer_table.setItem(row, col, QTableWidgetItem(text))
            self.employer_pick.clear_choice()
            return
        if not name:
            return
        entry = {"party": {"name": name, "uscc": self.employer_uscc.text().strip()}, "role": self.employer_role.currentData()}
        self.employers.append(entry)
        row = self.employer_table.rowCount()
        self.employer_table.insertRow(row)
        for col, text in enumerate((name, entry["party"]["uscc"], self.employer_role.currentText())):
            self.employer_table.setItem(row, col, QTableWidgetItem(text))
        self.employer_name.clear()
        self.employer_uscc.clear()
        self.employer_name.setFocus()

    def add_worker(self) -> None:
        name = self.worker_name.text().strip()
        if not name:
            return
        try:
            owed = self.worker_owed.fen()
        except UserError as err:
            self._fail(err)
            return
        if owed is None:
            self.status.show_message(self.tr("Enter the amount owed to %1.").replace("%1", name))
            self.worker_owed.setFocus()
            return
        if self.worker_id.text().strip():
            try:  # checked at once, naming whose number it is
                validate_id_no(self.worker_id.text())
            except UserError as err:
                self.last_error = err
                self.status.show_message(f"{name}：" + err.message(self.language))
                self.worker_id.setFocus()
                return
        self._append_worker(name, self.worker_id.text().strip(), owed, self.worker_migrant.isChecked())
        self.worker_name.clear()
        self.worker_id.clear()
        self.worker_owed.clear()
        self.status.clear_message()
        self.worker_name.setFocus()

    def _append_worker(self, name: str, id_no: str, owed: int, migrant: bool) -> None:
        self.workers.append(
            {"party": {"name": name, "id_no": id_no, "is_migrant_worker": migrant}, "owed_fen": owed}
        )
        row = self.worker_table.rowCount()
        self.worker_table.insertRow(row)
        for col, text in enumerate((name, id_no, format_yuan(owed), "✓" if migrant else "")):
            item = QTableWidgetItem(text)
            if col == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.worker_table.setItem(row, col, item)
        self._show_total()

    def _show_total(self) -> None:
        total = sum(w["owed_fen"] for w in self.workers)
        self.total_label.setText(
            self.tr("%1 workers, %2 yuan owed in all.").replace("%1", str(len(self.workers))).replace("%2", format_yuan(total))
        )

    # ---------------------------------------------------------------- save
    def fields(self) -> dict[str, Any]:
        # The machine's clock and zone say when; the service keeps UTC and counts the Shanghai day.
        moment = datetime.fromtimestamp(self.received.dateTime().toSecsSinceEpoch(), UTC)
        anonymous = self.anonymous.isChecked()
        complainant = None
        if not anonymous and self.complainant_name.text().strip():
            complainant = {
                "name": self.complainant_name.text().strip(),
                "id_no": self.complainant_id.text().strip(),
                "phone": self.complainant_phone.text().strip(),
            }
        employers = list(self.employers)
        if self.employer_name.text().strip():  # typed but not added: take it
            employers.append(
                {"party": {"name": self.employer_name.text().strip(), "uscc": self.employer_uscc.text().strip()},
                 "role": self.employer_role.currentData()}
            )
        workers = list(self.workers)
        return {
            "kind": self.kind.currentData(),
            "channel": self.channel.currentData(),
            "received_at": moment,
            "complainant": complainant,
            "anonymous": anonymous,
            "employers": employers,
            "workers": workers,
            "project_id": self.project.currentData(),
            "matters": self.matters.toPlainText(),
            "requests": self.requests.toPlainText(),
            "evidence": self.evidence.toPlainText(),
        }

    def keyPressEvent(self, event: Any) -> None:  # Qt override
        # Enter adds the employer/worker being typed; it must not also register the form.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.last_error = None

    def submit(self) -> ComplaintDetail | None:
        """Register the case; None (the form stays open) when the clerk stops at the duplicate question."""
        fields = self.fields()
        warnings = self.service.open_duplicates_by_number(
            [w["party"].get("id_no", "") for w in fields["workers"]],
            [e["party"].get("uscc", "") for e in fields["employers"] if isinstance(e["party"], dict)],
            [e["party"] for e in fields["employers"] if isinstance(e["party"], int)],
        )
        if warnings and not DuplicateQuestion.ask(self, warnings, self.language):
            return None
        detail, _ = self.service.register(fields)
        return detail
