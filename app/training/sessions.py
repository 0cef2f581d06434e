"""培训考试: study and training sessions — the paged list and the writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, or_, select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.records import assign_changed, record_at_version
from app.kernel.unit_of_work import UnitOfWork
from app.store.engine import Store
from app.store.types import utc_now
from app.training.fields import SESSION_FIELDS, check_on_roster, clean_session, unique_ids
from app.training.figures import SORTABLE, in_year
from app.training.models import SessionKind, TrainingAttendance, TrainingSession
from app.training.rows import SessionDetail, SessionRow

_ATTENDEE_COUNT = (
    select(func.count(TrainingAttendance.id))
    .where(TrainingAttendance.session_id == TrainingSession.id)
    .correlate(TrainingSession)
    .scalar_subquery()
)


def _session_row(values: Any) -> SessionRow:
    return SessionRow(
        id=values.id,
        version=values.version,
        kind=values.kind,
        held_on=values.held_on,
        topic=values.topic,
        organiser=values.organiser or "",
        hours=values.hours,
        on_rule_of_law=bool(values.on_rule_of_law),
        attendee_count=int(values.attendee_count or 0),
    )


class TrainingSessions:
    """The sessions' reads and writes (TrainingService)."""

    store: Store
    actor: Actor

    def sessions(
        self,
        *,
        year: int | None = None,
        kind: str | None = None,
        text: str = "",
        sort: str = "held_on",
        descending: bool = True,
    ) -> PagedQuery[SessionRow]:
        self.actor.require(Permission.TRAINING_VIEW)
        statement = select(
            TrainingSession.id,
            TrainingSession.version,
            TrainingSession.kind,
            TrainingSession.held_on,
            TrainingSession.topic,
            TrainingSession.organiser,
            TrainingSession.hours,
            TrainingSession.on_rule_of_law,
            _ATTENDEE_COUNT.label("attendee_count"),
        )
        if year is not None:
            statement = statement.where(in_year(TrainingSession.held_on, year))
        if kind:
            statement = statement.where(TrainingSession.kind == SessionKind(kind).value)
        term = " ".join(text.split())
        if term:
            statement = statement.where(
                or_(TrainingSession.topic.contains(term, autoescape=True),
                    TrainingSession.organiser.contains(term, autoescape=True))
            )
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort sessions by {sort}")
        columns: list[Any] = [TrainingSession.held_on, TrainingSession.id] if sort == "held_on" else [TrainingSession.id]
        return PagedQuery(self.store, statement, SortSpec(columns, descending), _session_row)

    def get_session(self, session_id: int) -> SessionDetail:
        self.actor.require(Permission.TRAINING_VIEW)
        with self.store.read() as session:
            record = session.get(TrainingSession, session_id)
            if record is None:
                raise UserError("training.session_not_found")
            ids = tuple(sorted(a.officer_id for a in record.attendances))
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser or "", record.hours, bool(record.on_rule_of_law), len(ids))
            return SessionDetail(row, ids)

    def create_session(self, fields: Mapping[str, Any], attendee_ids: Iterable[int]) -> SessionRow:
        cleaned = clean_session(fields)
        wanted = unique_ids(attendee_ids)
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            check_on_roster(uow.session, wanted)
            record = TrainingSession(**cleaned)
            record.attendances = [TrainingAttendance(officer_id=i) for i in wanted]
            uow.session.add(record)
            uow.flush()
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser, record.hours, record.on_rule_of_law, len(wanted))
        return row

    def update_session(
        self,
        session_id: int,
        version: int,
        changes: Mapping[str, Any],
        attendee_ids: Iterable[int] | None = None,
    ) -> SessionRow:
        """Apply the changed fields; with `attendee_ids`, make them the attendees.  People
        already recorded stay allowed even if they have since left the roster."""
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            record = record_at_version(uow.session, TrainingSession, session_id, version, "training.session_not_found")
            merged = {name: getattr(record, name) for name in SESSION_FIELDS}
            merged.update(changes)
            cleaned = clean_session(merged)
            changed = assign_changed(record, cleaned)
            if attendee_ids is not None:
                wanted = unique_ids(attendee_ids)
                current = {a.officer_id: a for a in record.attendances}
                check_on_roster(uow.session, [i for i in wanted if i not in current])
                keep = set(wanted)
                for officer_id, attendance in current.items():
                    if officer_id not in keep:
                        record.attendances.remove(attendance)
                        changed = True
                for officer_id in wanted:
                    if officer_id not in current:
                        record.attendances.append(TrainingAttendance(officer_id=officer_id))
                        changed = True
            if changed:
                record.updated_at = utc_now()  # an attendee-only change bumps the version too
            uow.flush()
            row = SessionRow(record.id, record.version, record.kind, record.held_on, record.topic,
                             record.organiser, record.hours, record.on_rule_of_law, len(record.attendances))
        return row

    def delete_session(self, session_id: int) -> None:
        with UnitOfWork(self.store, self.actor, Permission.TRAINING_EDIT) as uow:
            record = uow.session.get(TrainingSession, session_id)
            if record is None:
                raise UserError("training.session_not_found")
            uow.session.delete(record)
