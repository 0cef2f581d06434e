"""Text search over parties: the one place that knows SQLite FTS5.

SQLite: an FTS5 table (`fts_party`, unicode61 tokenizer) holds, per party,
overlapping two-character pieces of every Chinese run (建筑工程 → 建筑 筑工 工程 程)
plus the identity numbers.  FTS5's trigram tokenizer finds nothing for
two-character terms (TOOLCHAIN trap 5), and most Chinese searches are two
characters.  PostgreSQL: a table of each name's one- and two-character pieces
(`fts_party_gram`), kept by a trigger (app/store/postgres.py, migrations 0012 and
0018); `search_party_list` builds the list's query on it.  Other databases take
the portable path: LIKE on the columns.

Every row of fts_party is a party: reindex_parties writes it in the party's
own transaction, unindex_parties removes it, and parties are never deleted
otherwise.  `count_by_search_index` relies on that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, func, or_, select, text
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql import column, operators, table
from sqlalchemy.sql.elements import BinaryExpression
from sqlalchemy.sql.selectable import ScalarSelect

from app.store import postgres

if TYPE_CHECKING:
    from app.store.engine import Store

FTS_TABLE = "fts_party"
INDEXED_TABLE = "party"  # fts_party's rowid is party.id
_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def index_terms(*texts: str | None) -> str:
    """The tokens stored for a record: bigrams and the last character of each
    Chinese run, and each alphanumeric run whole (upper-cased)."""
    tokens: list[str] = []
    for value in texts:
        if not value:
            continue
        for run in _RUNS.findall(value):
            if _CJK.match(run):
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
                tokens.append(run[-1])
            else:
                tokens.append(run.upper())
    return " ".join(tokens)


def match_expression(term: str) -> str | None:
    """The FTS5 query for what the user typed, or None when nothing is searchable."""
    parts: list[str] = []
    for run in _RUNS.findall(term):
        if _CJK.match(run):
            if len(run) == 1:
                parts.append(f'"{run}"*')
            else:
                parts.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
        else:
            parts.append(f'"{run.upper()}"*')
    return " AND ".join(parts) or None


def party_terms(name: str | None, id_no: str | None, uscc: str | None) -> str:
    return index_terms(name, id_no, uscc)


def reindex_parties(
    connection: Connection, rows: Iterable[tuple[int, str | None, str | None, str | None]]
) -> None:
    """(Re)write the search entries of the given parties: (id, name, id_no, uscc)."""
    if connection.dialect.name != "sqlite":
        return
    batch = [{"rowid": r[0], "terms": party_terms(r[1], r[2], r[3])} for r in rows]
    if not batch:
        return
    connection.execute(
        text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :rowid"), [{"rowid": b["rowid"]} for b in batch]
    )
    connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (:rowid, :terms)"), batch)


def index_party_terms(connection: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Write the search entries of parties just inserted (none exists yet): (id, `party_terms`)."""
    if connection.dialect.name != "sqlite" or not rows:
        return
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", list(rows))


def unindex_parties(connection: Connection, ids: Sequence[int]) -> None:
    if connection.dialect.name != "sqlite" or not ids:
        return
    connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :rowid"), [{"rowid": i} for i in ids])


def party_search_clause(
    dialect_name: str,
    term: str,
    id_column: ColumnElement[int],
    name_column: ColumnElement[str],
    id_no_column: ColumnElement[str],
    uscc_column: ColumnElement[str],
) -> ColumnElement[bool] | None:
    """A WHERE clause that keeps the parties matching `term`, or None for no filter."""
    term = term.strip()
    if not term:
        return None
    if dialect_name == "sqlite":
        expression = match_expression(term)
        if expression is None:
            return None
        fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))
        matching = select(fts.c.rowid).where(fts.c[FTS_TABLE].op("MATCH")(expression))
        return id_column.in_(matching)
    if dialect_name == "postgresql":
        # A table of each name's one- and two-character pieces (app/store/postgres.py).
        return id_column.in_(postgres.matching_ids(_table_of(id_column), term))
    upper = term.upper()
    return or_(
        name_column.contains(term, autoescape=True),
        id_no_column.startswith(upper, autoescape=True),
        uscc_column.startswith(upper, autoescape=True),
    )


def _table_of(column_: ColumnElement[Any]) -> Table:
    owner = getattr(column_, "table", None)
    if not isinstance(owner, Table):
        raise TypeError(f"{column_} is not a column of a table")
    return owner


@dataclass(frozen=True)
class SearchedList:
    """A list's statement with the search applied, the columns to sort it by, and a
    cheaper count of the same rows when there is one."""

    statement: Select[*tuple[Any, ...]]
    sort_columns: list[ColumnElement[Any] | QueryableAttribute[Any]]
    count: Select[*tuple[Any, ...]] | None = None


def search_party_list(
    store: Store,
    statement: Select[*tuple[Any, ...]],
    term: str,
    party: Table,
    sort_columns: Sequence[ColumnElement[Any] | QueryableAttribute[Any]],
    *,
    in_name_order: bool,
    only_filter: bool,
) -> SearchedList:
    """The parties list (`statement` over `party`, sorted by `sort_columns`: (name_sort, id)
    when `in_name_order`) keeping the parties that match `term`.  `only_filter`: the search
    is the statement's only condition, so the number of matches is its count.

    SQLite: the FTS clause (and `count_by_search_index` counts the index).  PostgreSQL: when
    no ID number or credit code starts with the term (always, for a Chinese name), the
    list is joined to the pieces table on the term's first piece and sorted by that
    table's key (piece, sort key, id): a page reads that many index entries and looks up
    that many parties, and a one-piece count reads the index alone (张伟 at a million:
    8.6 s before, RESULTS.md).  Otherwise, and in the order by id, the matching ids are
    found first and then sorted (`postgres.unindexed`)."""
    columns = list(sort_columns)
    clause = party_search_clause(store.dialect, term, party.c.id, party.c.name, party.c.id_no, party.c.uscc)
    if clause is None:
        return SearchedList(statement, columns)
    if store.dialect != "postgresql":
        return SearchedList(statement.where(clause), columns)
    term = term.strip()
    if in_name_order:
        with store.read_statements() as reader:
            numbered = reader.scalar(postgres.number_starts_with(party, term)) is not None
        if not numbered:
            pieces = postgres.term_pieces(term)
            long_words = postgres.words_in_name(party.c.name, term)
            grams = postgres.gram_table().alias("name_piece")
            # The other pieces are looked up by their whole key (piece, the first piece's
            # sort key and id).  Equating the sort keys in the join instead makes the
            # planner expect one row and sort every match (张伟: 190 ms instead of 10).
            joined = statement.join(grams, and_(grams.c.gram == pieces[0], grams.c.party_id == party.c.id)).where(
                *(postgres.holding(grams.c.party_id, grams.c.name_sort, p) for p in pieces[1:]), *long_words
            )
            count = None
            if only_filter and len(pieces) == 1 and not long_words:
                count = select(func.count()).select_from(grams).where(grams.c.gram == pieces[0])
            return SearchedList(joined, [grams.c.name_sort, grams.c.party_id], count)
    return SearchedList(statement.where(clause), [postgres.unindexed(c) for c in columns])


def count_by_search_index(statement: Select[Any]) -> Select[Any] | None:
    """`SELECT count(*)` of `statement` answered by the search index alone, or None.

    When a statement over the party table is filtered by the search clause
    and nothing else (`party.id IN (SELECT rowid FROM fts_party WHERE … MATCH …)`),
    its rows are exactly the matching index entries, because every fts_party
    row is a party (module doc).  Counting the index instead of the parties
    saves looking up every match in the party table: 张伟 on a million people
    matches 8,038 and their lookups were 12 ms of the 28 ms that the count
    and the first page took (tests/benchmarks/RESULTS.md).  Any other shape
    (a kind filter as well, a join, DISTINCT …) returns None: count it as written.
    """
    where = statement.whereclause
    if not isinstance(where, BinaryExpression) or where.operator is not operators.in_op:
        return None
    if not isinstance(where.right, ScalarSelect):
        return None
    froms = statement.get_final_froms()
    if len(froms) != 1 or not isinstance(froms[0], Table) or froms[0].name != INDEXED_TABLE:
        return None
    key = froms[0].c.get("id")
    if key is None or not key.primary_key or not where.left.compare(key):
        return None
    if (
        statement._distinct
        or statement._group_by_clauses
        or statement._having_criteria
        or statement._limit_clause is not None
        or statement._offset_clause is not None
        or statement._setup_joins
    ):
        return None
    matching = where.right.element
    if not isinstance(matching, Select):
        return None
    inner = matching.get_final_froms()
    if len(inner) != 1 or getattr(inner[0], "name", None) != FTS_TABLE or matching.whereclause is None:
        return None
    if matching._limit_clause is not None or matching._offset_clause is not None or matching._distinct:
        return None
    return select(func.count()).select_from(inner[0]).where(matching.whereclause)
