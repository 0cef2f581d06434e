"""The list pattern every list in the program reuses: a table model over a paged query.

A list never loads all its rows.  The model holds a `PagedQuery` (app/services/
paging.py): `count()` gives `rowCount`, and `data()` fetches the page (PAGE_SIZE
rows) that holds the asked-for row into a small LRU cache on demand — so a million
parties cost one count and a page or two per screenful.  Sorting and filtering
happen in SQL: a header click on a sortable column asks the window's query
factory for a new query; the search box does the same with its text.

Usage (see ui/parties/window.py for a complete one):

    columns = [
        Column("id", tr("No."), lambda r: r.id, align=Qt.AlignmentFlag.AlignRight, sort_key="id"),
        Column("name", tr("Name"), lambda r: r.name, sort_key="name"),
    ]
    model = PagedTableModel(columns)
    model.set_query_factory(lambda sort, descending: service.query(
        text=text, sort=sort or "name", descending=descending))   # runs model.refresh()

    model.set_query(query)          # or: a fixed query (no header sorting)
    model.row_at(5)                 # the row object, or None
    model.ids_for_rows([0, 3])      # their ids
    model.rows_for_ids({42})        # where those ids are now (searches a bounded window)

`flags()` never fetches.  The view (ui/lists/table_view.py) keeps the selection
as ids across refreshes through `ids_for_rows` / `rows_for_ids`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

RowT = TypeVar("RowT")

PAGE_SIZE = 200
CACHED_PAGES = 16
# rows_for_ids looks this many pages into the result at most (beyond the cached ones).
ID_SEARCH_PAGES = 50
POSITION_LOOKUPS = 10  # ids still missing after the scan, looked up one query each

# How columns show their cells, the same in every list.
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # amounts, counts
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter  # ticks, short codes
KEEP_END = Qt.TextElideMode.ElideLeft  # case numbers keep their end: …〔2023〕第123号
OVERDUE_RED = QColor("#b00020")  # a deadline passed

AnyIndex = QModelIndex | QPersistentModelIndex


class PagedSource(Protocol[RowT]):  # what app.kernel.paging.PagedQuery offers
    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> list[RowT]: ...


# query_factory(sort_key or None, descending) -> a new query with that order.
QueryFactory = Callable[[str | None, bool], PagedSource[Any]]


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column of a list.

    key        a stable name (tests and saved layouts use it)
    title      the header text, already translated
    value      row -> the cell's value (str, int, date, bool …; formatted by `display`)
    align      Qt alignment of the cell (default: left, vertically centred)
    sort_key   the query's sort name when the SQL can sort by this column; None = not sortable
    display    value -> text; default: dates as YYYY-MM-DD, bools as ✓/blank, None as blank
    foreground row -> QColor/QBrush or None
    decoration row -> QIcon/QColor or None
    tooltip    row -> str or None
    width      preferred width in characters (the view applies it), None = default
    fit        widen the column to the longest text shown (case numbers, states): the
               distinguishing part must never be cut off
    elide      where a text too long for its cell is cut; case numbers keep their end
               (…〔2023〕第123号), None = the view's default (the end is cut)
    """

    key: str
    title: str
    value: Callable[[RowT], Any]
    align: Qt.AlignmentFlag | None = None
    sort_key: str | None = None
    display: Callable[[Any], str] | None = None
    foreground: Callable[[RowT], Any] | None = None
    decoration: Callable[[RowT], Any] | None = None
    tooltip: Callable[[RowT], str | None] | None = None
    width: int | None = None
    fit: bool = False
    elide: Qt.TextElideMode | None = None

    def text(self, row: RowT) -> str:
        value = self.value(row)
        if self.display is not None:
            return self.display(value)
        return default_display(value)


def default_display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _id_attribute(row: Any) -> Any:
    """A list's row id by default: the row's `id`."""
    return row.id


class PagedTableModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table over a paged query; rows fetched by page on demand."""

    # Emitted after every reset (new query, refresh, sort): (row count).
    count_changed = Signal(int)
    # The sort in effect changed: (column index or -1, descending).
    sort_changed = Signal(int, bool)

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = CACHED_PAGES,
        row_id: Callable[[RowT], Any] = _id_attribute,
    ) -> None:
        super().__init__(parent)
        self.columns: list[Column[RowT]] = list(columns)
        self.page_size = page_size
        self.cached_pages = cached_pages
        self.row_id = row_id
        self._query: PagedSource[RowT] | None = None
        self._factory: QueryFactory | None = None
        self._count = 0
        self._pages: OrderedDict[int, list[RowT]] = OrderedDict()
        self._sort_column = -1
        self._descending = False
        self.pages_fetched = 0  # how many page() calls went to the store (tests, benchmarks)
        # rows to mark (a record in conflict with another site): ids asked again on every refresh
        self._mark_source: Callable[[], Iterable[Any]] | None = None
        self._mark_tooltip = ""
        self._marked: frozenset[Any] = frozenset()

    # ---------------------------------------------------------------- the query
    @property
    def query(self) -> PagedSource[RowT] | None:
        return self._query

    def set_row_marks(self, marked_ids: Callable[[], Iterable[Any]], tooltip: str) -> None:
        """Mark the rows whose id is in `marked_ids()` (asked on every refresh): the row is
        tinted, and its first cell shows ⚠ with `tooltip`."""
        self._mark_source = marked_ids
        self._mark_tooltip = tooltip
        self.refresh()

    def is_marked(self, row: int) -> bool:
        item = self.row_at(row) if self._marked else None
        return item is not None and self.row_id(item) in self._marked

    def set_query(self, query: PagedSource[RowT] | None) -> None:
        """Show this query (already filtered and sorted)."""
        self.beginResetModel()
        self._marked = frozenset(self._mark_source()) if self._mark_source is not None else frozenset()
        self._query = query
        self._pages.clear()
        self._count = query.count() if query is not None else 0
        self.endResetModel()
        self.count_changed.emit(self._count)

    def set_query_factory(self, factory: QueryFactory | None) -> None:
        """Build queries from now on with `factory(sort_key, descending)`; refreshes."""
        self._factory = factory
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after a save, an import or a new filter)."""
        if self._factory is not None:
            self.set_query(self._factory(self.sort_key, self._descending))
        elif self._query is not None:
            self.set_query(self._query)

    @property
    def sort_key(self) -> str | None:
        if 0 <= self._sort_column < len(self.columns):
            return self.columns[self._sort_column].sort_key
        return None

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def is_sortable(self, column: int) -> bool:
        return (
            self._factory is not None
            and 0 <= column < len(self.columns)
            and self.columns[column].sort_key is not None
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort request: re-query with an SQL ORDER BY; ignored for unsortable columns."""
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self._sort_column and descending == self._descending:
            return
        self._sort_column = column
        self._descending = descending
        self.sort_changed.emit(column, descending)
        self.refresh()

    def set_initial_sort(self, key: str, descending: bool = False) -> None:
        """Say which column the factory's default order corresponds to (no re-query)."""
        for i, column in enumerate(self.columns):
            if column.sort_key == key:
                self._sort_column = i
                self._descending = descending
                self.sort_changed.emit(i, descending)
                return
        raise KeyError(key)

    # ---------------------------------------------------------------- rows
    def row_at(self, row: int) -> RowT | None:
        """The row object at `row` (fetching its page if needed), or None when out of range."""
        if self._query is None or not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.page_size)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def cached_row(self, row: int) -> RowT | None:
        """The row object if its page is cached; never fetches."""
        number, offset = divmod(row, self.page_size)
        page = self._pages.get(number)
        return page[offset] if page is not None and offset < len(page) else None

    def ids_for_rows(self, rows: Iterable[int]) -> list[Any]:
        ids = []
        for row in rows:
            item = self.row_at(row)
            if item is not None:
                ids.append(self.row_id(item))
        return ids

    def rows_for_ids(self, ids: Iterable[Any], *, search_pages: int = ID_SEARCH_PAGES) -> dict[Any, int]:
        """{id: row} for the ids found: first in the cached pages, then in the first
        `search_pages` pages of the result (a bounded scan — a list of a million never
        reads them all to restore a selection), then, for a few still missing, by asking
        the query where the row stands (`PagedQuery.position_of`: a row saved far down
        a long list is still found)."""
        wanted = set(ids)
        found: dict[Any, int] = {}
        for number, page in list(self._pages.items()):
            self._collect(number, page, wanted, found)
        pages = (self._count + self.page_size - 1) // self.page_size
        for number in range(min(pages, search_pages)):
            if not wanted - found.keys():
                break
            if number in self._pages:
                continue
            self._collect(number, self._page(number), wanted, found)
        position_of = getattr(self._query, "position_of", None)
        missing = [key for key in wanted if key not in found][:POSITION_LOOKUPS]
        if position_of is not None and pages > search_pages:
            for key in missing:
                row = position_of(key)
                if row is None or not 0 <= row < self._count:
                    continue
                item = self.row_at(row)
                # The query's unique sort column is the row's id in every list; check it all the same.
                if item is not None and self.row_id(item) == key:
                    found[key] = row
        return found

    def _collect(self, number: int, page: list[RowT], wanted: set[Any], found: dict[Any, int]) -> None:
        for offset, item in enumerate(page):
            key = self.row_id(item)
            if key in wanted and key not in found:
                found[key] = number * self.page_size + offset

    def _page(self, number: int) -> list[RowT]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        assert self._query is not None
        page = self._query.page(number * self.page_size, self.page_size)
        self.pages_fetched += 1
        self._pages[number] = page
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)
        return page

    # ---------------------------------------------------------------- Qt's model API
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Never fetches: Qt calls this for every visible cell, often.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align or (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(MARK_BACKGROUND) if self.is_marked(index.row()) else None
        if role not in _FETCHING_ROLES:
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        marked = index.column() == 0 and self.row_id(item) in self._marked
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{MARK_SIGN} {column.text(item)}" if marked else column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if marked:
                return self._mark_tooltip
            return column.tooltip(item) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground(item) if column.foreground else None
        if role == Qt.ItemDataRole.DecorationRole:
            return column.decoration(item) if column.decoration else None
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(column.align or (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter))
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._count:
            return section + 1
        return None

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)


MARK_SIGN = "⚠"
MARK_BACKGROUND = "#ffe0b2"  # a light orange a clerk notices in a white list

_FETCHING_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.UserRole,
    }
)
