"""Conflicts between this site and a peer: listing them, marking records in conflict, and a
person's field-by-field resolution (or keep-or-delete, for a delete against an edit)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models import User
from app.accounts.permissions import Permission
from app.audit.models import AuditEntry
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.privacy import mask
from app.sites.exchange_parts import (
    DELETED,
    KEPT,
    RECORD_FIELD,
    TOMBSTONE,
    ExchangePart,
    _referred_to,
    _referring_columns,
)
from app.sites.models import SiteConflict, SiteRecordLink, SiteUuidAlias
from app.sites.rows import Shape, UuidMaps, attributes_from, rows_of, shape
from app.sites.travel import TRAVELLING
from app.store.engine import Store
from app.store.types import utc_now


@dataclass(frozen=True)
class FieldChoice:
    name: str
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    id: int
    table_name: str
    record_id: int
    record_uuid: str
    peer: str
    status: str
    theirs_author: str
    theirs_at: datetime | None
    mine_author: str
    mine_at: datetime | None
    opened_at: datetime
    fields: tuple[FieldChoice, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "table": self.table_name, "record_id": self.record_id, "record_uuid": self.record_uuid,
                "peer": self.peer, "status": self.status, "theirs_author": self.theirs_author,
                "theirs_at": self.theirs_at, "mine_author": self.mine_author, "mine_at": self.mine_at,
                "opened_at": self.opened_at,
                "fields": [{"name": f.name, "mine": f.mine, "theirs": f.theirs} for f in self.fields]}


class ConflictPart(ExchangePart):
    def conflicts(self, *, include_closed: bool = False) -> list[ConflictView]:
        with self.store.read() as session:
            self._require_reader(session)
            stmt = select(SiteConflict).order_by(SiteConflict.id)
            if not include_closed:
                stmt = stmt.where(SiteConflict.status == "open")
            return [self._conflict_view(session, c) for c in session.scalars(stmt)]

    def open_conflict_ids(self, table_name: str) -> dict[int, int]:
        """record id → open conflict id, for a list to mark its records."""
        return open_conflict_ids(self.store, table_name)

    def _conflict_view(self, session: Session, conflict: SiteConflict) -> ConflictView:
        theirs = json.loads(conflict.theirs)
        current = list(rows_of(session, conflict.table_name, UuidMaps(session), [conflict.record_uuid]))
        mine = current[0][2] if current and conflict.status == "open" else json.loads(conflict.mine)
        if theirs is None or json.loads(conflict.mine) is None:
            # a delete against an edit: the choice is the record's, kept or deleted
            deleted_there = theirs is None
            fields: tuple[FieldChoice, ...] = (FieldChoice(RECORD_FIELD, KEPT if deleted_there else DELETED,
                                                           DELETED if deleted_there else KEPT),)
            return self._view(session, conflict, fields)
        derived = TRAVELLING[conflict.table_name].derived if conflict.table_name in TRAVELLING else {}
        names = [n for n in shape(conflict.table_name).all_columns
                 if mine.get(n) != theirs.get(n) and n not in derived]
        # ID numbers, phones and addresses are shown masked, here as everywhere
        sensitive = getattr(shape(conflict.table_name).mapper.class_, "__sensitive__", {})

        def shown(name: str, value: Any) -> Any:
            return mask(sensitive[name], value) if name in sensitive and value is not None else value

        return self._view(session, conflict,
                          tuple(FieldChoice(n, shown(n, mine.get(n)), shown(n, theirs.get(n))) for n in names))

    @staticmethod
    def _view(session: Session, conflict: SiteConflict, fields: tuple[FieldChoice, ...]) -> ConflictView:
        last = session.execute(select(AuditEntry.actor, AuditEntry.at, User.display_name)
                               .outerjoin(User, User.id == AuditEntry.actor_user_id).where(
            AuditEntry.table_name == conflict.table_name, AuditEntry.record_id == conflict.record_id,
            AuditEntry.action.in_(("insert", "update", "delete"))).order_by(AuditEntry.seq.desc()).limit(1)).first()
        mine_author = (last[2] or last[0]) if last else ""
        return ConflictView(conflict.id, conflict.table_name, conflict.record_id, conflict.record_uuid,
                            conflict.peer_code, conflict.status, conflict.theirs_author, conflict.theirs_at,
                            mine_author, last[1] if last else None, conflict.opened_at, fields)

    def resolve(self, conflict_id: int, choices: dict[str, str]) -> ConflictView:
        """Settle a conflict field by field: for each differing field, "mine" or "theirs"
        (a field not named keeps ours).  The record takes the chosen values (audited),
        and the result travels back to the peer in the next bundle."""
        for name, choice in choices.items():
            if choice not in ("mine", "theirs"):
                raise UserError("exchange.choice_invalid", field=name, value=choice)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            session = uow.session
            conflict = session.get(SiteConflict, conflict_id)
            if conflict is None or conflict.status != "open":
                raise UserError("exchange.conflict_not_found", id=conflict_id)
            view = self._conflict_view(session, conflict)
            differing = {f.name for f in view.fields}
            unknown = sorted(set(choices) - differing)
            if unknown:
                raise UserError("exchange.field_not_in_conflict", field=unknown[0], value=unknown[0])
            if view.fields and view.fields[0].name == RECORD_FIELD:
                self._resolve_delete(uow, conflict, view, choices.get(RECORD_FIELD, "mine"))
                return self._conflict_view(session, conflict)
            sh = shape(conflict.table_name)
            theirs = json.loads(conflict.theirs)
            chosen = dict(choices)
            for column, source in TRAVELLING[conflict.table_name].derived.items():
                if chosen.get(source) == "theirs":
                    chosen[column] = "theirs"
            picked = {n: theirs.get(n) for n, c in chosen.items() if c == "theirs"}
            maps = UuidMaps(session)
            aliases = dict(session.execute(select(SiteUuidAlias.foreign_uuid, SiteUuidAlias.local_uuid)).all())
            partial = _subset(sh, picked)
            try:
                values = attributes_from(partial, picked, maps, aliases)
            except LookupError as exc:
                raise UserError("exchange.missing_reference", table=exc.args[0], uuid=exc.args[1]) from exc
            self._update(session, sh.mapper.class_, conflict.record_id, values)
            uow.flush()
            link = _link_for(session, conflict)
            # what we hold now descends from their version too: it goes back to them as a change of it
            link.received_digest = conflict.theirs_digest
            settled = {n: choices.get(n, "mine") for n in sorted(differing)}
            _settle(conflict, self.actor.username, settled)
            uow.record_event("conflict_resolve", conflict.table_name, conflict.record_id,
                             record_uuid=conflict.record_uuid,
                             changes={"peer": conflict.peer_code, "conflict": conflict.id, "choices": settled})
            uow.flush()
            return self._conflict_view(session, conflict)

    def _resolve_delete(self, uow: UnitOfWork, conflict: SiteConflict, view: ConflictView, choice: str) -> None:
        """A delete against an edit, settled: the record deleted (audited) or kept.  Either way
        the outcome goes to the peer — a tombstone, or the record again."""
        session = uow.session
        field_choice = view.fields[0]
        delete = (field_choice.mine if choice == "mine" else field_choice.theirs) == DELETED
        link = _link_for(session, conflict)
        deleted_there = field_choice.theirs == DELETED
        if delete:
            if _referred_to(session, conflict.table_name, conflict.record_id):
                raise UserError("exchange.still_referred", table=conflict.table_name, id=conflict.record_id)
            record = session.get(shape(conflict.table_name).mapper.class_, conflict.record_id)
            if record is not None:
                session.delete(record)
                uow.flush()
            if deleted_there:
                # the peer deleted it; but if it may hold our edit since (it came back there,
                # marked), a tombstone for that version follows
                sent_since = link.sent_digest not in (None, TOMBSTONE)
                link.received_digest = None if sent_since else TOMBSTONE
            else:
                # our delete stands: a tombstone goes to the peer for the version it sent
                link.received_digest, link.sent_digest, link.sent_sequence = conflict.theirs_digest, None, None
        else:
            # kept: deleted there, it goes back to the peer whole; deleted here, we hold the peer's version
            link.received_digest = TOMBSTONE if deleted_there else conflict.theirs_digest
        _settle(conflict, self.actor.username, {RECORD_FIELD: choice})
        uow.record_event("conflict_resolve", conflict.table_name, conflict.record_id,
                         record_uuid=conflict.record_uuid,
                         changes={"peer": conflict.peer_code, "conflict": conflict.id,
                                  "choices": {RECORD_FIELD: choice}, "record": DELETED if delete else KEPT})
        uow.flush()


def open_conflict_ids(store: Store, table_name: str) -> dict[int, int]:
    """record id → open conflict id of a table's records in conflict with another site (one
    small query: what a list marks; any reader may see that a record is in conflict)."""
    with store.read() as session:
        marked = dict(session.execute(select(SiteConflict.record_id, SiteConflict.id).where(
            SiteConflict.table_name == table_name, SiteConflict.status == "open")).all())
        # a conflict on a part of a record (a mediation case's claim, a complaint's worker) marks the record
        for child, column in _parts_of(table_name):
            in_conflict = dict(session.execute(select(SiteConflict.record_id, SiteConflict.id).where(
                SiteConflict.table_name == child.name, SiteConflict.status == "open")).all())
            if in_conflict:
                for child_id, parent_id in session.execute(
                        select(child.c.id, column).where(child.c.id.in_(list(in_conflict)))):
                    if parent_id is not None:
                        marked.setdefault(parent_id, in_conflict[child_id])
        return marked


def _parts_of(table_name: str) -> list[tuple[Any, Any]]:
    """Travelling tables whose rows are parts of a record of `table_name` (mediation_claim of
    mediation_case, complaint_worker of complaint): named after it, and referring to it."""
    prefix = table_name.split("_")[0] + "_"
    return [(table, column) for table, column in _referring_columns(table_name)
            if table.name in TRAVELLING and table.name.startswith(prefix) and table.name != table_name]


def _settle(conflict: SiteConflict, by: str, choices: dict[str, str]) -> None:
    conflict.status = "resolved"
    conflict.resolved_by = by
    conflict.resolved_at = utc_now()
    conflict.resolution = json.dumps({"choices": choices, "by": by, "at": conflict.resolved_at.isoformat()},
                                     ensure_ascii=False)


def _link_for(session: Session, conflict: SiteConflict) -> SiteRecordLink:
    link = session.scalar(select(SiteRecordLink).where(SiteRecordLink.peer_code == conflict.peer_code,
                                                        SiteRecordLink.record_uuid == conflict.record_uuid))
    if link is None:
        link = SiteRecordLink(peer_code=conflict.peer_code, table_name=conflict.table_name,
                              record_uuid=conflict.record_uuid)
        session.add(link)
    return link


def _subset(sh: Shape, picked: dict[str, Any]) -> Shape:
    """The shape restricted to the columns picked (so only they are set)."""
    return Shape(sh.table, sh.mapper, tuple(c for c in sh.columns if c in picked),
                 {c: t for c, t in sh.references.items() if c in picked}, sh.attr, sh.kinds)

