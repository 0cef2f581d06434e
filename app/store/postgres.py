"""What only PostgreSQL has: transaction-scoped advisory locks, the trigram
search over party names, the server's connection settings.

Kept here so that services stay free of dialect checks: `app.store.locks`
and `app.store.search` choose between this module and SQLite's way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, text

# The advisory-lock key space of this program: one 64-bit number per named thing,
# so two programs sharing a server do not collide with a fixed small integer.
_LOCK_NAMESPACE = b"renshe-desk:"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for `name` (pg_advisory_xact_lock takes a bigint)."""
    digest = hashlib.blake2b(_LOCK_NAMESPACE + name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def advisory_locks(connection: Connection, names: Iterable[str]) -> None:
    """Take a transaction-scoped advisory lock for each name, in one fixed order
    (sorted by key), so two transactions asking for the same set never deadlock.
    The locks are released at commit or rollback."""
    for key in sorted({lock_key(n) for n in names}):
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
