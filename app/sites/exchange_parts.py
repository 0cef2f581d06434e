"""What the parts of the site exchange share (app/sites/exchange.py composes them): the
service's state, the reader check, the row update, and the small helpers on peers, links,
files and JSON that export, import and conflicts all use."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.config import data_dir
from app.errors import UserError
from app.sites.models import SitePeer, SiteRecordLink
from app.store.base import Base
from app.store.engine import Store

Progress = Callable[[int, int], None]
ROW_ACTIONS = ("insert", "update", "delete", "baseline")
# The digest standing for "this record was deleted" in links and conflicts: a delete
# travels as a tombstone, and a delete at one site against an edit at the other is a
# conflict like any other (the record is kept until a person chooses).
TOMBSTONE = "deleted"
# The one "field" a conflict between a delete and an edit offers: keep the record or delete it.
RECORD_FIELD = "record"
KEPT, DELETED = "kept", "deleted"


def _evidence_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def _peer(session: Session, code: str) -> SitePeer:
    peer = session.scalar(select(SitePeer).where(SitePeer.code == code))
    if peer is None:
        raise UserError("exchange.unknown_peer", site=code)
    return peer


def _links(session: Session, peer_code: str) -> dict[str, SiteRecordLink]:
    return {link.record_uuid: link for link in session.scalars(
        select(SiteRecordLink).where(SiteRecordLink.peer_code == peer_code))}


class ExchangePart:
    """The state every part of ExchangeService reads (set by its __init__)."""

    store: Store
    actor: Actor
    _evidence_root: Path | None

    @property
    def evidence_root(self) -> Path:
        return self._evidence_root or (data_dir() / "evidence")

    def _require_reader(self, session: Session) -> None:
        self.actor.require(Permission.USER_MANAGE)
        # the set-up actor reads only while there are no accounts, as it writes (UnitOfWork)
        if self.actor.is_setup and session.scalar(select(func.count()).select_from(User)):
            raise UserError("auth.setup_closed")


    @staticmethod
    def _update(session: Session, model: type, record_id: int, values: dict[str, Any]) -> None:
        obj = session.get(model, record_id)
        for key, value in values.items():
            if getattr(obj, key) != value:
                setattr(obj, key, value)



def _excluded(peer: SitePeer) -> list[str]:
    try:
        value = json.loads(peer.excluded_tables or "[]")
    except ValueError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def _referring_columns(table_name: str) -> list[tuple[Any, Any]]:
    return [(t, fk.parent) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
            if fk.column.table.name == table_name]


def _referred_to(session: Session, table_name: str, record_id: int) -> bool:
    """Whether any record here still refers to this one."""
    return any(session.execute(select(column).where(column == record_id).limit(1)).first() is not None
               for table, column in _referring_columns(table_name))


def _save_links(session: Session, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
    if new:
        session.connection().execute(insert(SiteRecordLink), new)
    if changed:
        session.connection().execute(
            update(SiteRecordLink).where(SiteRecordLink.id == bindparam("link_id"))
            .values(sent_digest=bindparam("sent_digest"), sent_sequence=bindparam("sent_sequence")), changed)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError("exchange.file_unreadable", path=str(path)) from exc


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
