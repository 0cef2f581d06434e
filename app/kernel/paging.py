"""Paged, sorted, filtered queries over big tables: what every list model uses.

A list asks for `count()` once and then for windows of rows as the user
scrolls.  Sorting and filtering happen in SQL on indexed columns.  A window in
the far half of the result is read with the order reversed, so jumping to
the last row of a million costs as little as showing the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import QueryableAttribute

from app.kernel.progress import raise_if_cancelled
from app.store import search
from app.store.engine import Store

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class SortSpec:
    """Order by these columns (ascending unless `descending`); the last must be unique."""

    columns: Sequence[ColumnElement[Any] | QueryableAttribute[Any]]
    descending: bool = False


class PagedQuery(Generic[RowT]):
    """A filtered, sorted query read in windows.  Thread-safe: each call opens its own session."""

    def __init__(
        self,
        store: Store,
        statement: Select[*tuple[Any, ...]],
        sort: SortSpec,
        make_row: Callable[[Any], RowT],
        count_statement: Select[*tuple[Any, ...]] | None = None,
    ) -> None:
        """`count_statement`: a cheaper `SELECT count(*)` of the same rows, when the caller
        has one (a search counted in its index, app/store/search.py)."""
        self._store = store
        self._statement = statement
        self._sort = sort
        self._make_row = make_row
        self._count_statement = count_statement
        self._count: int | None = None

    def with_rows(self, make_row: Callable[[Any], RowT]) -> PagedQuery[RowT]:
        """The same query building its rows with another function."""
        return PagedQuery(self._store, self._statement, self._sort, make_row, self._count_statement)

    def count(self) -> int:
        if self._count is None:
            # A plain text search is counted in the search index (app/store/search.py).
            counted = self._count_statement
            if counted is None:
                counted = search.count_by_search_index(self._statement)
            if counted is None:
                counted = select(func.count()).select_from(self._statement.order_by(None).subquery())
            # A count is one plain statement: on a server, no transaction around it.
            with self._store.read_statements() as reader:
                self._count = int(reader.scalar(counted) or 0)
        return self._count

    def page(self, offset: int, limit: int) -> list[RowT]:
        total = self.count()
        if offset >= total or limit <= 0:
            return []
        limit = min(limit, total - offset)
        reverse = offset > total // 2
        if reverse:
            # Read the window from the other end: rows [offset, offset+limit) are
            # rows [total-offset-limit, total-offset) of the reversed order.
            order = self._ordering(not self._sort.descending)
            window = self._statement.order_by(*order).offset(total - offset - limit).limit(limit)
        else:
            order = self._ordering(self._sort.descending)
            window = self._statement.order_by(*order).offset(offset).limit(limit)
        with self._store.read() as session:
            rows = [self._make_row(r) for r in session.execute(window)]
        if reverse:
            rows.reverse()
        return rows

    def _ordering(self, descending: bool) -> list[ColumnElement[Any]]:
        return [c.desc() if descending else c.asc() for c in self._sort.columns]

    def position_of(self, key: Any) -> int | None:
        """The row number of the row whose last (unique) sort column is `key`, or None
        when it is not in the result.  Counts the rows ordered before it (an index
        range on the list's own order), so a list of a million finds a row anywhere."""
        columns = list(self._sort.columns)
        with self._store.read() as session:
            values = session.execute(
                self._statement.with_only_columns(*columns, maintain_column_froms=True)
                .where(columns[-1] == key)
                .order_by(None)
                .limit(1)
            ).first()
            if values is None:
                return None
            nulls_smallest = session.get_bind().dialect.name == "sqlite"  # PostgreSQL: NULL sorts last
            before = _ordered_before(columns, list(values), self._sort.descending, nulls_smallest)
            counted = select(func.count()).select_from(self._statement.where(before).order_by(None).subquery())
            return int(session.scalar(counted) or 0)


def _ordered_before(
    columns: list[ColumnElement[Any] | QueryableAttribute[Any]], values: list[Any], descending: bool, nulls_smallest: bool
) -> ColumnElement[bool]:
    """Rows that `ORDER BY columns` puts before the row with these values (lexicographic,
    with NULL where the database sorts it: first ascending in SQLite, last in PostgreSQL)."""
    alternatives = []
    equal_so_far: list[ColumnElement[bool]] = []
    for column, value in zip(columns, values, strict=True):
        alternatives.append(and_(*equal_so_far, _column_before(column, value, descending, nulls_smallest)))
        equal_so_far.append(column.is_(None) if value is None else column == value)
    return or_(*alternatives)


def _column_before(
    column: ColumnElement[Any] | QueryableAttribute[Any], value: Any, descending: bool, nulls_smallest: bool
) -> ColumnElement[bool]:
    # Is NULL ordered before every value in this direction?
    null_first = nulls_smallest != descending
    if value is None:
        return column.is_not(None) if not null_first else false()
    strictly = column > value if descending else column < value
    return or_(column.is_(None), strictly) if null_first else strictly


def query_pages(query: Any, total: int, page_size: int, *, cancel: Any = None) -> Iterator[Sequence[Any]]:
    """The pages of a PagedQuery (anything with `page(offset, limit)`), up to `total` rows,
    for an export or a printout; `cancel` (a CancelToken) is checked before each page is read."""
    offset = 0
    while offset < total:
        raise_if_cancelled(cancel)
        rows = query.page(offset, page_size)
        if not rows:
            return
        offset += len(rows)
        yield rows
