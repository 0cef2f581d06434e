"""One small dialog for every step of a case: a date and the few fields the step needs.

A step is described as data (`Field`s); the dialog builds the form, and
`values()` hands the typed values back.  Tests fill the widgets by their
object names (the field keys) and press OK — or patch `StepDialog.ask`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.arbitration_deadlines import shanghai_today
from ui.widgets.money_edit import MoneyEdit


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "line"  # line, text, date, time, int, money, choice, party (default = a PartyService)
    choices: Sequence[tuple[str, Any]] = field(default=())  # (label, value) for "choice"
    default: Any = None


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StepDialog(QDialog):
    def __init__(self, title: str, fields: Sequence[Field], parent: QWidget | None = None, *,
                 today: date | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("step_dialog")
        self.setWindowTitle(title)
        self.fields = list(fields)
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in self.fields:
            widget = self._make(f, today or shanghai_today())
            widget.setObjectName(f.key)
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _make(self, f: Field, today: date) -> QWidget:
        if f.kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(to_qdate(f.default or today))
            return w
        if f.kind == "time":
            t = QTimeEdit()
            t.setDisplayFormat("HH:mm")
            default = f.default or time(9, 0)
            t.setTime(QTime(default.hour, default.minute))
            return t
        if f.kind == "int":
            s = QSpinBox()
            s.setRange(0, 10_000)
            s.setValue(int(f.default or 0))
            return s
        if f.kind == "money":
            m = MoneyEdit(field=f.key)
            if f.default is not None:
                m.set_fen(int(f.default))
            return m
        if f.kind == "choice":
            c = QComboBox()
            for label, value in f.choices:
                c.addItem(label, value)
            if f.default is not None:
                c.setCurrentIndex(max(0, c.findData(f.default)))
            return c
        if f.kind == "party":
            from ui.widgets.party_picker import PartyPicker

            return PartyPicker(f.default, kind=None)
        if f.kind == "text":
            p = QPlainTextEdit()
            p.setFixedHeight(70)
            if f.default:
                p.setPlainText(str(f.default))
            return p
        line = QLineEdit()
        if f.default:
            line.setText(str(f.default))
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if hasattr(w, "party_id"):
                out[f.key] = w.party_id()
            elif isinstance(w, QDateEdit):
                out[f.key] = from_qdate(w.date())
            elif isinstance(w, QTimeEdit):
                q = w.time()
                out[f.key] = time(q.hour(), q.minute())
            elif isinstance(w, QSpinBox):
                out[f.key] = w.value()
            elif isinstance(w, MoneyEdit):
                out[f.key] = w.fen()
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            elif isinstance(w, QLineEdit):
                out[f.key] = w.text()
        return out

    @classmethod
    def ask(cls, title: str, fields: Sequence[Field], parent: QWidget | None = None, **kw: Any) -> dict[str, Any] | None:
        """Show the dialog modally; the values, or None if cancelled.  Tests patch this seam."""
        dialog = cls(title, fields, parent, **kw)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
