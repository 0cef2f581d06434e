"""One small dialog for every step of a case (complaints, arbitration, mediation): a date and
the few fields the step needs.

A step is described as data (`Field`s); the dialog builds the form, and
`values()` hands the typed values back.  Tests fill the widgets by their
object names (the field keys) and press OK — or patch `StepDialog.ask`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate
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
    QVBoxLayout,
    QWidget,
)

from app.arbitration.deadlines import shanghai_today
from app.errors import StorageError, UserError
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.time_edit import TimeEdit


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    # line, text, date, time, int, money, choice, party (default = a PartyService), and
    # hidden (not shown: its default, or today, is handed back)
    kind: str = "line"
    choices: Sequence[tuple[str, Any]] = field(default=())  # (label, value) for "choice"
    default: Any = None
    # a time that follows another: (the other field's key, minutes after it), kept
    # in step until the clerk types this one (the end of a hearing: start + 2 h)
    follows: tuple[str, int] | None = None


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StepDialog(QDialog):
    def __init__(self, title: str, fields: Sequence[Field], parent: QWidget | None = None, *,
                 today: date | None = None, note: str = "",
                 submit: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_dialog")
        self.setWindowTitle(title)
        self.fields = list(fields)
        self.today = today or shanghai_today()
        self.submit = submit
        self.outcome: Any = None
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in self.fields:
            if f.kind == "hidden":
                continue
            widget = self._make(f, self.today)
            widget.setObjectName(f.key)
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        for f in self.fields:
            if f.follows is not None:
                self._keep_following(f)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _keep_following(self, f: Field) -> None:
        assert f.follows is not None
        leader_key, minutes = f.follows
        leader, follower = self.widgets.get(leader_key), self.widgets.get(f.key)
        if not isinstance(leader, TimeEdit) or not isinstance(follower, TimeEdit):
            return

        def follow() -> None:
            start = leader.time_value()
            if start is None or follower.isModified():
                return
            end = (datetime.combine(self.today, start) + timedelta(minutes=minutes)).time()
            follower.set_time(end if end > start else time(23, 59))

        leader.textChanged.connect(follow)
        follow()

    def accept(self) -> None:  # Qt override: a refused step keeps the dialog and what was typed
        for f in self.fields:
            widget = self.widgets.get(f.key)
            if isinstance(widget, TimeEdit) and widget.time_value() is None:
                self._show_error(self.tr("%1 is not a time of day (e.g. 09:30 or 0930).")
                                 .replace("%1", widget.text() or f.label.rstrip(":："))
                                 )
                widget.setFocus()
                return
        if self.submit is not None:
            try:
                self.outcome = self.submit(self.values())
            except (UserError, StorageError) as err:
                self._show_error(err.message(getattr(self.parent(), "language", None) or "zh_CN"))
                return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _make(self, f: Field, today: date) -> QWidget:
        if f.kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(to_qdate(f.default or today))
            return w
        if f.kind == "time":
            return TimeEdit(f.default or (None if f.follows else time(9, 0)))
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
            if f.kind == "hidden":
                out[f.key] = f.default if f.default is not None else self.today
                continue
            w = self.widgets[f.key]
            if hasattr(w, "party_id"):
                out[f.key] = w.party_id()
            elif isinstance(w, QDateEdit):
                out[f.key] = from_qdate(w.date())
            elif isinstance(w, TimeEdit):
                out[f.key] = w.time_value()
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
        """Show the dialog modally; the values, or None if cancelled.  Tests patch this seam.

        With `submit`, OK runs it: a refusal is shown in the dialog, which stays open with
        everything typed, and `submitted` (a dict given in `kw`) receives its result."""
        submitted = kw.pop("submitted", None)
        dialog = cls(title, fields, parent, **kw)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                if submitted is not None and dialog.submit is not None:
                    submitted["outcome"] = dialog.outcome
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
