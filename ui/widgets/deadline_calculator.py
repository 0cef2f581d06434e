"""期限计算器: the deadline engine as a small dialog (the same engine as
`python main.py deadline RULE START`): choose a rule, the start date and an
approved extension; the due date, how it was counted and its legal basis show
at once, with 节假日安排未导入 when a year has no holiday schedule."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.arbitration.deadlines import shanghai_today
from app.errors import UserError
from app.legal.calendar import LegalCalendar, default_calendar
from app.legal.deadlines import DEFAULT_RULES, Deadline, Direction, RuleTable, due
from app.legal.rule_names import rule_name, rule_trigger


class DeadlineCalculator(QDialog):
    def __init__(self, parent: QWidget | None = None, *, rules: RuleTable = DEFAULT_RULES,
                 calendar: LegalCalendar | None = None, language: str = "zh_CN", today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadline_calculator")
        self.setWindowTitle(self.tr("Deadline calculator"))
        self.rules = rules
        self.calendar = calendar or default_calendar()
        self.language = language
        self.deadline: Deadline | None = None  # not `result`: that is QDialog.result()
        self.rule = QComboBox()
        self.rule.setObjectName("rule")
        for rule in rules:  # by the deadline's name; the rule id (A2 …) only in the tooltip
            if language == "en":
                before = " before" if rule.direction is Direction.BEFORE else ""
                self.rule.addItem(f"{rule_name(rule, 'en')} ({rule.amount} {rule.unit.en}{before})", rule.id)
            else:
                self.rule.addItem(f"{rule.description}（{rule.summary_zh}）", rule.id)
            self.rule.setItemData(self.rule.count() - 1, f"{rule.id} {rule.basis}", Qt.ItemDataRole.ToolTipRole)
        self.start = QDateEdit()
        self.start.setObjectName("start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        day = today or shanghai_today()
        self.start.setDate(QDate(day.year, day.month, day.day))
        self.extension = QSpinBox()
        self.extension.setObjectName("extension")
        self.extension.setRange(0, 1000)
        self.excluded = QSpinBox()
        self.excluded.setObjectName("excluded_days")
        self.excluded.setRange(0, 10_000)
        self.trigger = QLabel()
        self.trigger.setObjectName("trigger")
        self.trigger.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setObjectName("due")
        self.due_label.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.explanation = QLabel()
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Rule:"), self.rule)
        form.addRow(self.tr("Counted from:"), self.trigger)
        form.addRow(self.tr("Start date:"), self.start)
        form.addRow(self.tr("Approved extension:"), self.extension)
        form.addRow(self.tr("Days not counted (suspension, public notice):"), self.excluded)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.due_label)
        layout.addWidget(self.explanation)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 360)
        self.rule.currentIndexChanged.connect(self.compute)
        self.start.dateChanged.connect(self.compute)
        self.extension.valueChanged.connect(self.compute)
        self.excluded.valueChanged.connect(self.compute)
        self.compute()

    def select_rule(self, rule_id: str) -> None:
        self.rule.setCurrentIndex(self.rule.findData(rule_id))

    def compute(self, *_args: object) -> Deadline | None:
        rule = self.rules.get(self.rule.currentData())
        self.trigger.setText(rule_trigger(rule, self.language))
        self.extension.setEnabled(rule.max_extension != 0)
        self.excluded.setEnabled(rule.direction.value == "forward")
        q = self.start.date()
        try:
            result = due(date(q.year(), q.month(), q.day()), rule,
                         extension=self.extension.value() if self.extension.isEnabled() else 0,
                         excluded_days=self.excluded.value() if self.excluded.isEnabled() else 0,
                         calendar=self.calendar)
        except UserError as err:
            self.deadline = None
            self.due_label.setText("—")
            self.explanation.setText("")
            self.warning.setText(err.message(self.language))
            return None
        self.deadline = result
        label = self.tr("Latest: %1") if rule.direction.value == "before" else self.tr("Due: %1")
        self.due_label.setText(label.replace("%1", result.due.isoformat()))
        basis = self.tr("Basis:")
        self.explanation.setText(f"{result.explained(self.language)}\n{basis} {result.basis}")
        self.warning.setText(result.warning(self.language) or "")
        return result
