"""What another desk changed: every saved change of every desk moves the audit head
(one row, read by its key), so a desk that polls it sees within seconds that its
lists are out of date — on a server and on a shared SQLite file alike.  The desk's
own saves refresh what they touch already; only the others' count."""

from __future__ import annotations

from sqlalchemy import and_, exists, not_, select

from app.models.audit import AuditEntry, AuditHead
from app.services.actor import Actor
from app.store.engine import Store


def change_counter(store: Store) -> int:
    """The sequence number of the newest change saved by any desk."""
    with store.read() as session:
        return session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0


def others_changed_since(store: Store, seq: int, me: Actor) -> tuple[int, bool]:
    """(the newest sequence number, whether anyone but `me` on this machine saved after `seq`)."""
    with store.read() as session:
        head = session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0
        if head <= seq:
            return head, False
        mine = and_(AuditEntry.actor == me.username, AuditEntry.machine == me.machine)
        others = session.scalar(select(exists().where(AuditEntry.seq > seq, not_(mine))))
        return head, bool(others)
