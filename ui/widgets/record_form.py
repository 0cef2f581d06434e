"""The one base of every dialog that edits a record: its fields with their red error
lines, Save, the service's verdict shown next to the field it names, a refusal because
another desk saved first, and a question before typed input is thrown away.

A form builds its inputs with `field(name, widget)` (the widget and its error line in
one cell), adds `self.form_error` and `save_buttons()` to its layout, and calls
`remember_input()` once its fields hold what it opened with.  It says how to save in
`submit()` (the service call; UNCHANGED when there is nothing to send) and, when it can
edit an existing record, which record that is (`edited_record`), how to read it as
saved now (`read_saved`) and how to stand on that saved record (`stand_on`).

`save()` then does the same everywhere: clear the old errors; send; on a UserError show
it next to its field (or under the form) and keep every entry; on a stale save tell who
changed what (ui/widgets/stale_save.py) and stand on the saved version; on success emit
`saved` with the row and close.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import StorageError, UserError
from ui.context import AppContext
from ui.widgets.date_field import DateField
from ui.widgets.discard_guard import AsksBeforeDiscarding, DiscardGuard
from ui.widgets.field_error import FieldError
from ui.widgets.masked_edit import MaskedLineEdit
from ui.widgets.money_edit import MoneyEdit
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.party_picker import PartyPicker
from ui.widgets.stale_save import is_changed_elsewhere, other_desk_saved_first, shown_in


def id_no_still_typed(number: str) -> bool:
    """An ID number of fewer than 18 digits is still being typed: judged once it is complete."""
    return len(number) < 18 and number.isdigit()


class _Unchanged:
    """What `submit()` returns when the clerk changed nothing: the form closes unsaved."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def input_value(widget: QWidget) -> Any:
    """What an input holds, as the services take it: a tick, a choice's data (an editable
    choice without data: its typed text), a number, a date, an amount in fen, a party's id,
    or stripped text."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText().strip() if data is None and widget.isEditable() else data
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, MoneyEdit):
        return widget.fen()
    if isinstance(widget, DateField | OptionalDateEdit):
        return widget.value()
    if isinstance(widget, PartyPicker):
        return widget.party_id()
    assert isinstance(widget, QLineEdit), widget
    return widget.text().strip()


class RecordForm(AsksBeforeDiscarding, QDialog):
    """Fields with error lines, Save / Cancel, the save itself; subclasses say what to send."""

    saved = Signal(object)  # the row the service returned

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, str] = {}  # what the stale-save message calls each field
        self.saved_row: Any = None
        self.form_error = FieldError()
        self.form_error.setObjectName("form_error")

    # ---------------------------------------------------------------- layout
    def field(self, name: str, widget: QWidget, *, label: str | None = None,
              beside: Iterable[QWidget] = ()) -> QWidget:
        """`widget` as input `name`, with its red error line under it (and `beside` to its right)."""
        widget.setObjectName(name)
        self.inputs[name] = widget
        if label is not None:
            self.labels[name] = label
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        extras = list(beside)
        if extras:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            for extra in extras:
                line.addWidget(extra)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        box.addWidget(self.error_line(name))
        return cell

    def error_line(self, name: str, input_widget: QWidget | None = None) -> FieldError:
        """The red line that shows what is wrong with `name` (an input placed by the form itself)."""
        error = FieldError()
        error.setObjectName(f"{name}_error")
        self.errors[name] = error
        if input_widget is not None:
            self.inputs[name] = input_widget
        return error

    def save_buttons(self, *, close: bool = False) -> QDialogButtonBox:
        """Save and Cancel (Close for a form whose other parts save themselves)."""
        other = QDialogButtonBox.StandardButton.Close if close else QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | other)
        # Translated in a fixed context: at run time self.tr() would look in the subclass's.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("RecordForm", "Save"))
        self.buttons.button(other).setText(
            QCoreApplication.translate("RecordForm", "Close") if close
            else QCoreApplication.translate("RecordForm", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def remember_input(self, *, extra: Callable[[], Any] | None = None) -> None:
        """The fields now hold what the form opened with: closing asks only if the clerk types
        (or `extra()`, state the widgets do not show, changes)."""
        self.guard = DiscardGuard(self, extra=extra)

    # ---------------------------------------------------------------- errors
    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.form_error.clear_message()

    def show_error(self, err: UserError) -> None:
        """The service's verdict next to the field it names (under the form when it names none)."""
        text = err.message(self.context.language)
        target = self.errors.get(err.field or "")
        if target is None:
            self.form_error.show_message(text)
            return
        target.show_message(text)
        widget = self.inputs.get(err.field or "")
        if widget is not None:
            widget.setFocus()

    def show_failure(self, err: UserError | StorageError) -> None:
        """A refusal about the whole form (the database, a reveal, a reload) under it."""
        self.form_error.show_message(err.message(self.context.language))

    def check_as_typed(self, name: str, value: str, validate: Callable[[str], Any], *,
                       still_typing: Callable[[str], bool]) -> Any | None:
        """Judge `name` while the clerk types it, with the service's own validator: nothing while
        it is empty or `still_typing`, then the verdict under it.  What `validate` returned, or None."""
        error = self.errors[name]
        if not value or still_typing(value):
            error.clear_message()
            return None
        try:
            result = validate(value)
        except UserError as err:
            error.show_message(err.message(self.context.language))
            return None
        error.clear_message()
        return result

    def error_text(self, name: str) -> str:
        """What the form says is wrong with `name` ("" when nothing; the form's own line for a
        name without a field)."""
        return self.errors[name].message if name in self.errors else self.form_error.message

    # ---------------------------------------------------------------- save
    def submit(self) -> Any:
        """Send the form to the service and return what it saved (UNCHANGED: nothing to send)."""
        raise NotImplementedError

    def edited_record(self) -> Any | None:
        """The saved record this form edits, as last read (None for a new one)."""
        return getattr(self, "row", None)

    def read_saved(self) -> Any:
        """The edited record as it is saved now (after another desk saved it first)."""
        raise NotImplementedError

    def stand_on(self, current: Any) -> None:
        """From now on the form edits `current`, the record as saved now."""
        self.row = current

    def send(self) -> Any:
        """Clear the old errors and submit.  What was saved, UNCHANGED, or None when refused
        (the reason is then shown and every entry kept)."""
        self.clear_errors()
        try:
            return self.submit()
        except UserError as err:
            if is_changed_elsewhere(err) and self.edited_record() is not None:
                self.other_desk_saved_first(err)
            else:
                self.show_error(err)
        except StorageError as err:
            self.show_failure(err)
        return None

    def save(self) -> Any:
        """Send the form and close it; on refusal show why and keep every entry.  The saved row, or None."""
        row = self.send()
        if row is None:
            return None
        if row is UNCHANGED:
            self.reject()
            return None
        return self.saved_as(row)

    def saved_as(self, row: Any) -> Any:
        self.saved_row = row
        self.saved.emit(row)
        self.accept()
        return row

    def other_desk_saved_first(self, err: UserError) -> None:
        """Another desk saved this record after the form opened (ui/widgets/stale_save.py):
        who and when, what is saved now, every entry of this form kept; the form now stands
        on the saved version, so saving again is done knowingly."""
        outcome = other_desk_saved_first(err, before=self.edited_record(), fetch=self.read_saved,
                                         labels=self.labels, language=self.context.language,
                                         show=shown_in(self.inputs))
        if outcome.current is not None:
            self.stand_on(outcome.current)
        self.form_error.show_message(outcome.message)


class ChangesForm(RecordForm):
    """A RecordForm over a service that takes `create(fields)`, `update(id, version, changes)`
    and `get(id)`: a new record sends `fields()`; an edited one only what the clerk changed
    since the form opened (a masked field left alone is never sent), and nothing at all
    closes the form unsaved."""

    service: Any
    row: Any

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._initial: dict[str, Any] = {}

    def fields(self) -> dict[str, Any]:
        raise NotImplementedError

    def _value(self, name: str) -> Any:
        return input_value(self.inputs[name])

    def _remember_initial(self) -> None:
        """What each input holds now is what `changes()` compares with."""
        initial: dict[str, Any] = {}
        for name in self.inputs:
            try:
                initial[name] = self._value(name)
            except UserError:  # an amount that is not one yet
                initial[name] = None
        self._initial = initial

    def changes(self) -> dict[str, Any]:
        """Only what the clerk changed (a masked field left alone is never sent)."""
        changed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, MaskedLineEdit):
                if widget.is_changed():
                    changed[name] = widget.text().strip()
            elif self._value(name) != self._initial.get(name):
                changed[name] = self._value(name)
        return changed

    def submit(self) -> Any:
        if self.row is None:
            return self.service.create(self.fields())
        changes = self.changes()
        if not changes:
            return UNCHANGED
        return self.service.update(self.row.id, self.row.version, changes)

    def read_saved(self) -> Any:
        return self.service.get(self.row.id)
