"""Asks before a form with typed input is thrown away (Esc, 取消, the window's ×).

`DiscardGuard(form)` remembers what the form's inputs held when it was opened (call
`remember()` again after loading a record into it); `allows_discard()` is true when
nothing was typed since, or when the clerk says to discard.  `DiscardQuestion.ask`
is the seam tests patch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)


class DiscardQuestion:
    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        """True when the clerk chooses to throw the typed input away."""
        box = QMessageBox(parent)
        box.setObjectName("discard_question")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(QCoreApplication.translate("DiscardGuard", "Discard what you have typed?"))
        box.setInformativeText(QCoreApplication.translate("DiscardGuard", "It has not been saved."))
        discard = box.addButton(QCoreApplication.translate("DiscardGuard", "Discard"),
                                QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QCoreApplication.translate("DiscardGuard", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is discard


def _state(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText() if widget.isEditable() else None
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QTableWidget):
        return widget.rowCount()
    return None


class DiscardGuard:
    def __init__(self, form: QWidget, *, extra: Callable[[], Any] | None = None) -> None:
        self.form = form
        self.extra = extra  # more state than the widgets show (rows added to a list, say)
        self._snapshot: dict[int, Any] = {}
        self._extra: Any = None
        self.remember()

    def _inputs(self) -> list[QWidget]:
        kinds = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QTableWidget)
        found = [w for w in self.form.findChildren(QWidget) if isinstance(w, kinds)]
        # a spin box's or combo box's own line edit is the box's state, not a second input
        return [w for w in found if not (isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox))]

    def remember(self) -> None:
        self._snapshot = {id(w): _state(w) for w in self._inputs()}
        self._extra = self.extra() if self.extra else None

    def changed(self) -> bool:
        if self.extra is not None and self.extra() != self._extra:
            return True
        return any(id(w) in self._snapshot and _state(w) != self._snapshot[id(w)] for w in self._inputs())

    def allows_discard(self) -> bool:
        return not self.changed() or DiscardQuestion.ask(self.form)


if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog as _FormDialog  # what the mixin is mixed into
else:
    _FormDialog = object


class AsksBeforeDiscarding(_FormDialog):
    """Mixin for a form dialog: Esc, 取消 and × ask before typed input is thrown away.
    The form sets `self.guard = DiscardGuard(self)` once its fields hold what it opened with."""

    guard: DiscardGuard | None = None

    def reject(self) -> None:  # Qt override
        if self.guard is None or self.guard.allows_discard():
            super().reject()
