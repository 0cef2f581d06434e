"""A save refused because another desk saved the same record first (issue 14).

Every form that edits an existing record sends the version it opened; the service
refuses a stale one with `record.changed_by` (who saved it, and when).  The form
then does the same thing everywhere, through `other_desk_saved_first`:

- it reads the record as it is saved now;
- it tells the clerk who changed it and when, and which values are saved now;
- it keeps every entry the clerk made (nothing in the form is reset);
- it stands on the saved version from then on, so saving again puts the clerk's
  changes on top of the other desk's, knowingly.

A case page (complaint, mediation, arbitration) shows the saved case again instead
of listing values: `is_changed_elsewhere` tells it to reload, and `keep_input_note`
ends its message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from app.errors import StorageError, UserError
from app.legal.rates import fen_to_yuan

STALE_CODES = ("record.changed_by", "record.changed_elsewhere")


def is_changed_elsewhere(err: BaseException) -> bool:
    """Whether `err` refuses a save because another desk saved the record first."""
    return isinstance(err, UserError) and err.code in STALE_CODES


def keep_input_note() -> str:
    return QCoreApplication.translate("StaleSave", "Your entries are still in the form.")


def shown(value: Any) -> str:
    """A saved value as the message lists it."""
    if value is None or value == "":
        return QCoreApplication.translate("StaleSave", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("StaleSave", "yes") if value else QCoreApplication.translate("StaleSave", "no")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, (list, tuple)):
        return "、".join(shown(v) for v in value) if value else QCoreApplication.translate("StaleSave", "(empty)")
    return str(value)


def shown_in(inputs: Mapping[str, QWidget]) -> Callable[[str, Any], str]:
    """Values as the form's own inputs word them: a choice by its item's text, money in yuan."""

    def show(name: str, value: Any) -> str:
        widget = inputs.get(name)
        if isinstance(widget, QComboBox) and value is not None and (index := widget.findData(value)) >= 0:
            return widget.itemText(index) or shown(value)
        if name.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
            return f"{fen_to_yuan(value):,.2f}"
        return shown(value)

    return show


def saved_now(before: Any, current: Any, labels: Mapping[str, str],
              show: Callable[[str, Any], str] | None = None) -> list[str]:
    """`label：value` for every labelled field whose saved value differs from `before`
    (a party's id is shown by the name beside it: builder_id by builder_name)."""
    lines = []
    for name, label in labels.items():
        if not hasattr(current, name) or not hasattr(before, name):
            continue
        new = getattr(current, name)
        if new == getattr(before, name):
            continue
        twin = name[: -len("_id")] + "_name" if name.endswith("_id") else ""
        if twin and hasattr(current, twin):
            text = shown(getattr(current, twin))
        else:
            text = show(name, new) if show is not None else shown(new)
        lines.append(f"{label.rstrip(':：')}：{text}")
    return lines


@dataclass
class StaleOutcome:
    """What the form shows (`message`) and the record as saved now (`current`, None when it
    could not be read: the message then says why)."""

    message: str
    current: Any | None


def other_desk_saved_first(
    err: UserError,
    *,
    before: Any,
    fetch: Callable[[], Any],
    labels: Mapping[str, str],
    language: str,
    show: Callable[[str, Any], str] | None = None,
) -> StaleOutcome:
    """The form's answer to a stale save: who and when, what is saved now, input kept."""
    try:
        current = fetch()
    except (UserError, StorageError) as failed:
        return StaleOutcome(failed.message(language), None)
    text = err.message(language)
    changed = saved_now(before, current, labels, show)
    if changed:
        text += "\n" + QCoreApplication.translate("StaleSave", "Saved now: %1").replace("%1", "；".join(changed))
    text += "\n" + keep_input_note()
    return StaleOutcome(text, current)


class SavedElsewhere(UserError):
    """A stale refusal after the page has already shown the record as saved now: the
    message says who and when, then that the clerk's entries are kept."""

    def __init__(self, original: UserError) -> None:
        super().__init__(original.code, original.field, **original.params)

    def message(self, language: str = "zh_CN") -> str:
        note = QCoreApplication.translate(
            "StaleSave", "The page now shows what is saved. Your entries are kept: check them and confirm again.")
        return super().message(language) + "\n" + note


class AtVersion:
    """A case service whose every step call carries `version=` — the version the clerk saw.

    When another desk saved the case first, `on_stale()` shows the case as saved now and
    returns its version; the refusal then goes on as SavedElsewhere (so the step dialog
    keeps the clerk's entries and says so), and confirming again uses the saved version."""

    def __init__(self, service: Any, version: int, on_stale: Callable[[], int] | None = None) -> None:
        self._service = service
        self.version = version
        self._on_stale = on_stale

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._service, name)

        def at_version(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, version=self.version, **kwargs)
            except UserError as err:
                if not is_changed_elsewhere(err) or self._on_stale is None or isinstance(err, SavedElsewhere):
                    raise
                try:
                    self.version = self._on_stale()
                except (UserError, StorageError):
                    raise err from None
                raise SavedElsewhere(err) from err

        return at_version
