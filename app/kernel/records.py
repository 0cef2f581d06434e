"""Editing a saved record: the steps every area's `update` shares.

A form saves the fields the clerk changed against the version it showed.
`record_at_version` loads the record and refuses a missing one (the area's
not-found code) or one saved meanwhile by someone else (`changed_elsewhere`:
who, and when); `assign_changed` writes only the values that differ, so the
audit entry lists exactly what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import UserError
from app.kernel.unit_of_work import changed_elsewhere

RecordT = TypeVar("RecordT")


def record_at_version(
    session: Session, model: type[RecordT], record_id: int, version: int, not_found: str, *,
    field: str | None = None,
) -> RecordT:
    """The record `record_id` of `model` as saved at `version`; UserError `not_found` (naming
    `field`) when there is none, `changed_elsewhere` when it was saved since."""
    record = session.get(model, record_id)
    if record is None:
        raise UserError(not_found, field=field)
    if getattr(record, "version") != version:  # noqa: B009  (every model has one; the TypeVar does not say so)
        raise changed_elsewhere(session, record)
    return record


def assign_changed(record: Any, cleaned: Mapping[str, Any]) -> bool:
    """Set each of `cleaned` on `record` where it differs; whether anything did."""
    changed = False
    for name, value in cleaned.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed = True
    return changed
