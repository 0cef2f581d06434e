"""What another desk changed: every saved change of every desk moves the audit head
(one row, read by its key), so a desk that polls it sees within seconds that its
lists are out of date — on a server and on a shared SQLite file alike.  The desk's
own saves refresh what they touch already; only the others' count."""

from __future__ import annotations

from sqlalchemy import and_, exists, not_, select

from app.accounts.actor import Actor
from app.audit.models import AuditEntry, AuditHead
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


def last_change(store: Store, table_name: str, record_id: int) -> tuple[str, str] | None:
    """Who saved this record last and when (local time, to the minute), from its audit
    entries — what a desk is told when another desk changed the case on its screen."""
    from app.accounts.models import User
    from app.clock import local_time

    with store.read() as session:
        last = session.execute(
            select(AuditEntry.actor, AuditEntry.actor_user_id, AuditEntry.at)
            .where(AuditEntry.table_name == table_name, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
        if last is None:
            return None
        who = last.actor
        if last.actor_user_id is not None:
            who = session.scalar(select(User.display_name).where(User.id == last.actor_user_id)) or who
        return who, local_time(last.at).strftime("%Y-%m-%d %H:%M")
