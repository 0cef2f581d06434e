"""Serialising a check and the write that depends on it (a hearing booked only
if its room is free), across desks.

A check done in Python and then an insert is a race between two desks unless
both take the same lock before the check.  PostgreSQL: an advisory lock per
named thing (the room on that day, the arbitrator on that day), held to the
end of the transaction.  SQLite has one writer at a time: taking its write
lock before the check (a no-op write on the audit head, which every change
writes anyway) makes the check see every committed booking and holds others
off until this transaction ends.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from app.store import postgres


def serialise_on(session: Session, names: Iterable[str]) -> None:
    """Hold the locks named `names` until the session's transaction ends."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        postgres.advisory_locks(connection, names)
        return
    connection.exec_driver_sql("UPDATE audit_head SET last_seq = last_seq WHERE id = 1")
