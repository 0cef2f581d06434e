"""The complaint case page's steps: each button runs its step by action (`run_step`), which
reads the step's declared fields (app/complaints/rules.py) from the widgets of the same
names, calls the service method the step names on the writer and shows the fresh case it
returns; a refusal is shown in the status line in the user's language and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.complaints import rules
from app.complaints.service import (
    ComplaintDetail,
    today_in_shanghai,
)
from app.errors import StorageError, UserError
from app.kernel.lifecycle import StepField
from ui.complaints.case_tabs import ComplaintCaseTabs
from ui.widgets.case_steps import on_the_writer
from ui.widgets.stale_save import is_changed_elsewhere, keep_input_note


def _checked_ids(officers: Any) -> list[int]:
    return [int(officers.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(officers.count())
            if officers.item(i).checkState() == Qt.CheckState.Checked]


def _chosen_person(combo: Any) -> int | None:
    value = combo.currentData()
    return None if value is None else int(value)


# How a field's widget gives its value, by the field's kind (a money edit raises its UserError).
READERS: dict[str, Callable[[Any], Any]] = {
    "date": lambda edit: edit.value() or today_in_shanghai(),
    "line": lambda edit: edit.text(),
    "text": lambda edit: edit.toPlainText(),
    "choice": lambda combo: combo.currentData(),
    "person": _chosen_person,
    "money": lambda edit: edit.fen(),
    "int": lambda spin: spin.value(),
    "flag": lambda box: box.isChecked(),
    "persons": _checked_ids,
}
# An amount read only when the decision it belongs to is the one chosen: (the kind's field, the kind).
CARRIED_BY = {
    "fine_amount": ("review_kind", "penalty"),
    "ordered_amount": ("review_kind", "admin_decision"),
    "notice_fine": ("proc_kind", "penalty"),
}


class ComplaintCaseActions(ComplaintCaseTabs):
    """The steps of the case page: one `run_step` for all; what a few steps do besides is AFTER_STEP."""

    last_error: UserError | StorageError | None
    _writing = False  # a step is being saved on the writer

    def show_detail(self, d: ComplaintDetail) -> None:  # the page shows the case (ComplaintCasePage)
        raise NotImplementedError

    # ---------------------------------------------------------------- steps
    def _tell_other_desk(self, text: str) -> None:
        self.status.setStyleSheet("color: #8a5a00;")
        self.status.setText(text)

    def _fail(self, err: UserError | StorageError) -> bool:
        self.last_error = err
        text = err.message(self.language)
        if is_changed_elsewhere(err):
            # another desk saved this case first: show it as saved now; what the clerk entered
            # in the step's fields stays (show_detail leaves the inputs alone)
            try:
                self.show_detail(self.service.get(self.detail.id))
                text += "\n" + keep_input_note()
            except (UserError, StorageError) as failed:
                text += "\n" + failed.message(self.language)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)
        return False

    def _run(self, step: Callable[..., ComplaintDetail], *args: Any, done: str = "", **kwargs: Any) -> bool:
        """Run `step(*args, **kwargs)` — the values already read from the tab — on the task
        runner's single writer, then show the case it returns; False if it was refused."""
        if self._writing:  # one step at a time: a second click while the first is saved does nothing
            return False
        self._writing = True
        try:
            detail = on_the_writer(self.context, self, self.tr("Saving"), lambda: step(*args, **kwargs))
        except (UserError, StorageError) as err:
            return self._fail(err)
        finally:
            self._writing = False
        self.last_error = None
        self.status.setStyleSheet("")
        self.status.setText(done or self.tr("Saved."))
        self.show_detail(detail)
        self.changed.emit(detail)
        return True

    def _widget(self, name: str) -> Any:
        """The page's widget that holds a step's field: the one of that object name (case_tabs.py)."""
        widget = self.findChild(QWidget, name)
        if widget is None:
            raise LookupError(f"the case page has no input {name!r}")
        return widget

    def _value(self, field: StepField) -> Any:
        if field.kind == "hidden":  # from the case (its version), else the declared value, else today
            case_values = {"version": self.detail.version}
            return case_values.get(field.name, field.default if field.default is not None else today_in_shanghai())
        carrier = CARRIED_BY.get(field.name)
        if carrier is not None and self._widget(carrier[0]).currentData() != carrier[1]:
            return None
        return READERS[field.kind](self._widget(field.name))

    def step_values(self, action: str) -> dict[str, Any] | None:
        """What the clerk entered for a step, by field name; None when a required amount is left
        empty (nothing to record).  A typed amount that is not money raises its UserError."""
        values: dict[str, Any] = {}
        for field in rules.step(action).fields:
            value = values[field.name] = self._value(field)
            if value is None and field.required and field.kind == "money":
                return None
            if value is None and field.required and field.kind == "person":
                raise UserError("complaint.officer_not_found", field=field.name)
        return values

    def run_step(self, action: str) -> bool:
        """The step `action`: its fields read, its service method run on the writer, the case shown."""
        step = rules.step(action)
        try:
            values = self.step_values(action)
        except UserError as err:
            return self._fail(err)
        if values is None:
            return False
        ok = self._run(getattr(self.service, step.method), self.detail.id, **step.arguments(values))
        after = AFTER_STEP.get(action)
        if ok and after is not None:
            after(self)
        return ok

    def _serve_next(self, document: str) -> None:
        """The document just made is the one to serve next (art 64(2) counts to its service)."""
        self.service_document.setCurrentIndex(self.service_document.findData(document))


# What a step does on the page once it is recorded: clear its one-off input, or offer what comes next.
AFTER_STEP: dict[str, Callable[[ComplaintCaseActions], None]] = {
    "record_action": lambda page: page.action_note.clear(),
    "add_instalment": lambda page: page.plan_amount.clear(),
    "record_payment": lambda page: page.pay_amount.clear(),
    "record_notice": lambda page: page._serve_next("prior_notice"),
    "record_hearing_notice": lambda page: page._serve_next("hearing_notice"),
}
