"""在建项目: the yearly checklist (`ComplianceItem`).

Read with `checklist(year)`, which never writes — a year with no stored list
shows the list it would get: the nearest earlier year's list, else DOMAIN
A3's default six.  The list is stored ("seeded") by the first write that
needs it (a check, or an administrator's edit).  Only the current or a
future year's list can be edited; an item a recorded check uses cannot be
removed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.projects.fields import collapse_spaces
from app.projects.models import (
    DEFAULT_COMPLIANCE_ITEMS,
    ComplianceCheck,
    ComplianceCheckItem,
    ComplianceItem,
)
from app.projects.rows import ChecklistItemRow
from app.projects.rules import LABEL_LIMIT
from app.store.engine import Store


def stored_items(session: Session, year: int) -> list[ComplianceItem]:
    return list(
        session.scalars(
            select(ComplianceItem).where(ComplianceItem.year == year).order_by(ComplianceItem.position, ComplianceItem.id)
        )
    )


def seed_source(session: Session, year: int) -> list[tuple[str, str]]:
    """(code, label) pairs a year with no stored list gets: the nearest earlier year's, else the default six."""
    earlier = session.scalar(select(func.max(ComplianceItem.year)).where(ComplianceItem.year < year))
    if earlier is not None:
        return [(i.code, i.label) for i in stored_items(session, earlier)]
    return list(DEFAULT_COMPLIANCE_ITEMS)


def codes_in_use(session: Session, year: int) -> set[str]:
    return set(
        session.scalars(
            select(ComplianceCheckItem.item_code)
            .join(ComplianceCheck, ComplianceCheck.id == ComplianceCheckItem.check_id)
            .where(ComplianceCheck.checked_on >= date(year, 1, 1), ComplianceCheck.checked_on <= date(year, 12, 31))
            .distinct()
        )
    )


def ensure_items(session: Session, year: int) -> list[ComplianceItem]:
    """The year's stored list, seeding it first when the year has none (inside a unit of work)."""
    items = stored_items(session, year)
    if items:
        return items
    for position, (code, label) in enumerate(seed_source(session, year)):
        session.add(ComplianceItem(year=year, code=code, label=label, position=position))
    session.flush()
    return stored_items(session, year)


def labels_for(session: Session, pairs: Iterable[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """{(year, code): label} for the stored items asked for (falls back to the default labels)."""
    wanted = set(pairs)
    years = {y for y, _ in wanted}
    labels = dict(((0, c), lbl) for c, lbl in DEFAULT_COMPLIANCE_ITEMS)
    found: dict[tuple[int, str], str] = {}
    if years:
        for item in session.scalars(select(ComplianceItem).where(ComplianceItem.year.in_(years))):
            found[(item.year, item.code)] = item.label
    return {(y, c): found.get((y, c)) or labels.get((0, c), c) for y, c in wanted}


class ProjectChecklist:
    """The yearly checklist's reads and writes (ProjectService)."""

    store: Store
    actor: Actor

    def checklist(self, year: int) -> list[ChecklistItemRow]:
        """The year's list; a year with no stored list shows the list it would get (ids None). Never writes."""
        self.actor.require(Permission.PROJECT_VIEW)
        with self.store.read() as session:
            items = stored_items(session, year)
            in_use = codes_in_use(session, year)
            if items:
                return [ChecklistItemRow(i.id, year, i.code, i.label, i.position, i.code in in_use) for i in items]
            return [
                ChecklistItemRow(None, year, code, label, position, code in in_use)
                for position, (code, label) in enumerate(seed_source(session, year))
            ]

    def ensure_checklist(self, year: int) -> list[ChecklistItemRow]:
        """Store the year's list if it is not stored yet (as the first check would); return it."""
        with UnitOfWork(self.store, self.actor, Permission.PROJECT_EDIT) as uow:
            ensure_items(uow.session, year)
        return self.checklist(year)

    def save_checklist(
        self, year: int, items: Sequence[tuple[str | None, str]], *, today: date | None = None
    ) -> list[ChecklistItemRow]:
        """Replace the year's list with `items` = [(code or None for a new item, label)], in order.

        Administrators only; the current or a future year only; an item used by
        a recorded check cannot be removed (its label may change)."""
        today = today or bureau_today()
        with UnitOfWork(self.store, self.actor, Permission.CHECKLIST_EDIT) as uow:
            if year < today.year:
                raise UserError("checklist.past_year", field="year", year=year)
            cleaned: list[tuple[str | None, str]] = []
            labels: set[str] = set()
            for code, label in items:
                label = collapse_spaces(label)
                if not label:
                    raise UserError("checklist.label_required", field="label")
                if len(label) > LABEL_LIMIT:
                    raise UserError("checklist.label_too_long", field="label", limit=LABEL_LIMIT)
                if label in labels:
                    raise UserError("checklist.duplicate_label", field="label", label=label)
                labels.add(label)
                cleaned.append((code or None, label))
            if not cleaned:
                raise UserError("checklist.empty", field="label")
            stored = {i.code: i for i in ensure_items(uow.session, year)}
            kept = {code for code, _ in cleaned if code}
            unknown = kept - set(stored)
            if unknown:
                raise UserError("check.item_not_on_list", field="label", item=sorted(unknown)[0], year=year)
            in_use = codes_in_use(uow.session, year)
            for code, item in stored.items():
                if code not in kept:
                    if code in in_use:
                        raise UserError("checklist.item_in_use", field="label", label=item.label)
                    uow.session.delete(item)
            uow.flush()
            for position, (code, label) in enumerate(cleaned):
                if code is None:
                    uow.session.add(ComplianceItem(year=year, code=f"item_{uuid.uuid4().hex[:10]}",
                                                   label=label, position=position))
                    continue
                item = stored[code]
                if item.label != label:
                    item.label = label
                if item.position != position:
                    item.position = position
            uow.flush()
        return self.checklist(year)
