"""One unit of work for every write: permission, change, audit — one transaction."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.audit.models import AuditEntry
from app.clock import local_time
from app.errors import UserError
from app.store.engine import Store, as_storage_error

FlushHook = Callable[[Session], None]
_flush_hooks: list[FlushHook] = []


def register_flush_hook(hook: FlushHook) -> None:
    """Run `hook(session)` after every flush of every unit of work (e.g. search indexing)."""
    if hook not in _flush_hooks:
        _flush_hooks.append(hook)


def changed_elsewhere(session: Session, record: Any) -> UserError:
    """The refusal of a save made on a stale version of `record`: who saved it last, and
    when, read from its audit entries (record.changed_by)."""
    last = session.execute(
        select(AuditEntry.actor, AuditEntry.actor_user_id, AuditEntry.at)
        .where(AuditEntry.table_name == record.__table__.name, AuditEntry.record_id == record.id)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    if last is None:
        return UserError("record.changed_elsewhere")
    who = last.actor
    if last.actor_user_id is not None:
        who = session.scalar(select(User.display_name).where(User.id == last.actor_user_id)) or who
    return UserError("record.changed_by", who=who, when=local_time(last.at).strftime("%Y-%m-%d %H:%M"))


class UnitOfWork:
    """`with UnitOfWork(store, actor, Permission.X) as uow: uow.session.add(...)`

    Checks the permission, then on leaving commits the changes together with
    their audit entries — or rolls both back.  A stale version (someone else
    saved the record meanwhile) becomes a UserError.
    """

    def __init__(self, store: Store, actor: Actor, *permissions: Permission) -> None:
        self.store = store
        self.actor = actor
        self.permissions = permissions
        self.session: Session
        self._events: list[audit.PendingEntry] = []
        # What each flush changed, in order: written to the audit chain once, just before the
        # commit (one head lock and three statements per unit of work, not per flush — on a
        # server every statement is a round trip; the demo's 2023 flushes 4 times per unit).
        self._flushed: list[audit.PendingEntry] = []

    def __enter__(self) -> UnitOfWork:
        for permission in self.permissions:
            self.actor.require(permission)
        self.session = self.store.write_session()
        event.listen(self.session, "after_flush", self._after_flush)
        if self.actor.is_setup:
            has_accounts = self.session.scalar(select(func.count()).select_from(User)) or 0
            if has_accounts:
                self.session.close()
                raise UserError("auth.setup_closed")
        return self

    def _after_flush(self, session: Session, _context: Any) -> None:
        for hook in _flush_hooks:
            hook(session)
        # The entries are made now, from the flush's own changes and digests; written at the end.
        self._flushed.extend(audit.pending_from_flush(session))

    def record_event(
        self,
        action: str,
        table_name: str,
        record_id: int | None,
        *,
        record_uuid: str | None = None,
        changes: dict[str, Any] | None = None,
        reason: str | None = None,
    ) -> None:
        """An audit entry for something that is not a row change (a reveal, a login)."""
        self._events.append(
            audit.PendingEntry(
                action=action,
                table_name=table_name,
                record_id=record_id,
                record_uuid=record_uuid,
                changes=changes or {},
                record_digest=None,
                reason=reason,
            )
        )

    def append_audit(self, entries: list[audit.PendingEntry]) -> None:
        """Write entries made outside the ORM (a Core bulk insert) into the chain now, after
        what this unit has flushed so far: a record deleted and its id reused in one unit
        must meet its delete before its insert in the chain, or `audit verify` sees a change."""
        self.flush()
        audit.append(self.session.connection(), self.actor, [*self._flushed, *entries])
        self._flushed.clear()

    def flush(self) -> None:
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise UserError("record.changed_elsewhere") from exc

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                self.flush()
                entries = [*self._flushed, *self._events]
                if entries:
                    audit.append(self.session.connection(), self.actor, entries)
                self.session.commit()
            else:
                self.session.rollback()
        except BaseException as err:
            self.session.rollback()
            exc = err
            raise
        finally:
            self.session.close()
            if isinstance(exc, OperationalError):
                translated = as_storage_error(exc)
                if translated is not None:
                    raise translated from exc
