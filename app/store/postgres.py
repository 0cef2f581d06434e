"""What only PostgreSQL has: transaction-scoped advisory locks, the trigram
search over party names, the server's connection settings.

Kept here so that services stay free of dialect checks: `app.store.locks`
and `app.store.search` choose between this module and SQLite's way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import ARRAY, ColumnElement, Connection, Text, and_, cast, func, text
from sqlalchemy.dialects.postgresql import array

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


# The two-character party search (TOOLCHAIN trap 5: most Chinese search terms are two
# characters, which trigram indexes cannot serve).  A name is cut into its distinct one-
# and two-character pieces (建筑工程 → 建 筑 工 程 建筑 筑工 工程); the GIN index over that
# array finds the names holding every piece of the term; LIKE then confirms the pieces
# stand together.  Upper-cased, as the SQLite index is.
NAME_GRAMS = "renshe_name_grams"
NAME_GRAMS_INDEX = "ix_party_name_grams"
ID_NO_PREFIX_INDEX = "ix_party_id_no_prefix"
USCC_PREFIX_INDEX = "ix_party_uscc_prefix"
SEARCH_INDEXES = (NAME_GRAMS_INDEX, ID_NO_PREFIX_INDEX, USCC_PREFIX_INDEX)
SEARCH_DDL = (
    f"""CREATE OR REPLACE FUNCTION {NAME_GRAMS}(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT piece), '{{}}') FROM (
    SELECT substr(upper(value), i, 1) AS piece FROM generate_series(1, char_length(value)) AS i
    UNION ALL
    SELECT substr(upper(value), i, 2) FROM generate_series(1, char_length(value) - 1) AS i
  ) AS pieces
$$""",
    f"CREATE INDEX IF NOT EXISTS {NAME_GRAMS_INDEX} ON party USING gin ({NAME_GRAMS}(name))",
    # The search ORs the name with a prefix of the ID number or credit code: without an
    # index serving LIKE 'prefix%' in any collation, that OR alone makes it a full scan.
    f"CREATE INDEX IF NOT EXISTS {ID_NO_PREFIX_INDEX} ON party (id_no text_pattern_ops)",
    f"CREATE INDEX IF NOT EXISTS {USCC_PREFIX_INDEX} ON party (uscc text_pattern_ops)",
)
SEARCH_DROP = (
    f"DROP INDEX IF EXISTS {USCC_PREFIX_INDEX}",
    f"DROP INDEX IF EXISTS {ID_NO_PREFIX_INDEX}",
    f"DROP INDEX IF EXISTS {NAME_GRAMS_INDEX}",
    f"DROP FUNCTION IF EXISTS {NAME_GRAMS}(text)",
)


def search_pieces(term: str) -> list[str]:
    """The pieces of `term` a matching name must hold: its two-character pieces, or the
    character itself for a one-character term."""
    upper = term.upper()
    if len(upper) == 1:
        return [upper]
    return sorted({upper[i : i + 2] for i in range(len(upper) - 1)})


def name_search_clause(name_column: ColumnElement[str], term: str) -> ColumnElement[bool]:
    """Names containing `term`, found through the index of pieces."""
    pieces = func.renshe_name_grams(name_column).op("@>")(
        cast(array(search_pieces(term)), ARRAY(Text))
    )
    if len(term) <= 2:
        return pieces
    return and_(pieces, func.upper(name_column).contains(term.upper(), autoescape=True))


def storage_error_code(text: str) -> str | None:
    """The StorageError code for a PostgreSQL connection fault (lower-cased driver text)."""
    if "deadlock detected" in text or "could not serialize access" in text:
        return "db.locked"  # the server chose this desk's transaction to give way: try again
    if "password authentication failed" in text or "no password supplied" in text:
        return "db.auth_failed"
    if "server closed the connection" in text or "terminating connection" in text or (
        "consuming input failed" in text
    ):
        return "db.connection_lost"
    if "connection refused" in text or "could not translate host name" in text or "timeout expired" in text:
        return "db.server_unreachable"
    return None


def desk_grants(desk_role: str, owner_role: str) -> list[str]:
    """What the desks' role may do, run by the owner after `db upgrade`: read and write
    rows, take sequence numbers — never create, alter or drop a table (it owns none, and
    PostgreSQL 15 lets no one but the owner create in the public schema).  The default
    privileges give it the same on tables a later `db upgrade` creates."""
    return [
        f'GRANT USAGE ON SCHEMA public TO "{desk_role}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{desk_role}"',
        f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{desk_role}"',
        f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner_role}" IN SCHEMA public '
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{desk_role}"',
        f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner_role}" IN SCHEMA public '
        f'GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "{desk_role}"',
    ]
