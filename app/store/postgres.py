"""What only PostgreSQL has: transaction-scoped advisory locks, the trigram
search over party names, the server's connection settings.

Kept here so that services stay free of dialect checks: `app.store.locks`
and `app.store.search` choose between this module and SQLite's way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Integer,
    Select,
    String,
    Table,
    Text,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
    union,
)
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.expression import TableClause

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
# Migration 0018: the pieces go into a table of their own, one row per (piece, party),
# with the party's sort key, kept by a trigger whoever writes the party (the ORM, the
# exchange import's Core inserts, COPY).  Its primary key answers a one-piece search (张,
# 张伟) in the list's own order: the first page reads 100 index entries and looks up 100
# parties, and the count reads the index alone.  The GIN index of 0012 could do neither:
# every match had to be fetched, twice (count and page), 8.6 s for 张伟 at a million
# parties when the planner walked the name order instead (tests/benchmarks/RESULTS.md).
GRAMS_TABLE = "fts_party_gram"  # fts_*: the search index, outside the models (app.store.migrate)
GRAMS_KEY = f"pk_{GRAMS_TABLE}"
GRAMS_SYNC = "renshe_party_grams_sync"
GRAMS_TRIGGER = "trg_party_search_grams"
GRAMS_BACKFILL = (
    f"INSERT INTO {GRAMS_TABLE} (gram, name_sort, party_id) "
    f"SELECT piece, name_sort, id FROM party, unnest({NAME_GRAMS}(name)) AS piece"
)
GRAMS_ADD_KEY = f"ALTER TABLE {GRAMS_TABLE} ADD CONSTRAINT {GRAMS_KEY} PRIMARY KEY (gram, name_sort, party_id)"
GRAMS_DROP_KEY = f"ALTER TABLE {GRAMS_TABLE} DROP CONSTRAINT IF EXISTS {GRAMS_KEY}"
GRAMS_DDL = (
    f"DROP INDEX IF EXISTS {NAME_GRAMS_INDEX}",
    f"CREATE TABLE {GRAMS_TABLE} (gram text NOT NULL, name_sort varchar(400) NOT NULL, party_id integer NOT NULL)",
    GRAMS_BACKFILL,  # before the key: one sort builds it
    GRAMS_ADD_KEY,
    # Rows are removed through the key (the old name's pieces), so no index on party_id is needed.
    f"""CREATE OR REPLACE FUNCTION {GRAMS_SYNC}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM {GRAMS_TABLE}
     WHERE gram = ANY({NAME_GRAMS}(OLD.name)) AND name_sort = OLD.name_sort AND party_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO {GRAMS_TABLE} (gram, name_sort, party_id)
    SELECT piece, NEW.name_sort, NEW.id FROM unnest({NAME_GRAMS}(NEW.name)) AS piece;
  END IF;
  RETURN NULL;
END
$$""",
    f"CREATE TRIGGER {GRAMS_TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF id, name, name_sort ON party "
    f"FOR EACH ROW EXECUTE FUNCTION {GRAMS_SYNC}()",
)
GRAMS_DROP = (
    f"DROP TRIGGER IF EXISTS {GRAMS_TRIGGER} ON party",
    f"DROP FUNCTION IF EXISTS {GRAMS_SYNC}()",
    f"DROP TABLE IF EXISTS {GRAMS_TABLE}",
    f"CREATE INDEX IF NOT EXISTS {NAME_GRAMS_INDEX} ON party USING gin ({NAME_GRAMS}(name))",
)
# The prefix indexes as the newest schema has them, for a bulk load that drops them first
# and builds them once after (the benchmark's COPY).
PREFIX_INDEX_DDL = (
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


def gram_table() -> TableClause:
    return table(GRAMS_TABLE, column("gram", Text), column("name_sort", String), column("party_id", Integer))


def term_pieces(term: str) -> list[str]:
    """Every piece a name must hold to contain every word of `term`, the first piece of
    the first word first."""
    pieces: list[str] = []
    for word in term.split():
        pieces.extend(p for p in search_pieces(word) if p not in pieces)
    return pieces


def words_in_name(name_column: ColumnElement[str], term: str) -> list[ColumnElement[bool]]:
    """What the pieces do not prove: a word of three characters or more stands together."""
    return [func.upper(name_column).contains(w.upper(), autoescape=True) for w in term.split() if len(w) > 2]


def holding(id_column: ColumnElement[int], name_sort_column: ColumnElement[str], piece: str) -> ColumnElement[bool]:
    """The party's name holds `piece`: one look-up of the pieces table's whole key."""
    grams = gram_table().alias()
    return tuple_(name_sort_column, id_column).in_(
        select(grams.c.name_sort, grams.c.party_id).where(grams.c.gram == piece)
    )


def matching_ids(party: Table, term: str) -> CompoundSelect[Any]:
    """The ids of the parties whose name holds every word of `term`, or whose ID number or
    credit code starts with it (the search's meaning on every backend)."""
    pieces = term_pieces(term)
    grams = gram_table().alias()
    named = party.alias()
    by_name = (
        select(grams.c.party_id)
        .join(named, named.c.id == grams.c.party_id)
        .where(grams.c.gram == pieces[0], *(holding(grams.c.party_id, grams.c.name_sort, p) for p in pieces[1:]))
        .where(*words_in_name(named.c.name, term))
    )
    upper = term.upper()
    by_id_no, by_uscc = party.alias(), party.alias()
    return union(
        by_name,
        select(by_id_no.c.id).where(by_id_no.c.id_no.startswith(upper, autoescape=True)),
        select(by_uscc.c.id).where(by_uscc.c.uscc.startswith(upper, autoescape=True)),
    )


def number_starts_with(party: Table, term: str) -> Select[Any]:
    """A query that finds a party whose ID number or credit code starts with `term`."""
    upper = term.upper()
    return (
        select(party.c.id)
        .where(or_(party.c.id_no.startswith(upper, autoescape=True), party.c.uscc.startswith(upper, autoescape=True)))
        .limit(1)
    )


def unindexed(sort_column: ColumnElement[Any] | QueryableAttribute[Any]) -> ColumnElement[Any]:
    """`sort_column` as an expression no index serves, with the same order (text || '',
    number + 0).  Ordering a search by it makes the server look the matches up first and
    sort them, instead of walking the list's index in order hoping to meet 100 matches
    soon: the planner assumes matches are spread evenly, but 张伟 sorts near the end by
    pinyin, and that walk read 900,000 rows (5.3 s at a million, RESULTS.md)."""
    if isinstance(sort_column.type, String):
        return sort_column.concat(literal_column("''"))
    return sort_column + literal_column("0")


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
