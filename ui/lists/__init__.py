"""The list pattern: PagedTableModel + PagedTableView + SearchBox (see paged_model.py)."""

from ui.lists.paged_model import CENTRE, KEEP_END, OVERDUE_RED, RIGHT, Column, PagedTableModel
from ui.lists.search_box import SearchBox
from ui.lists.table_view import PagedTableView

__all__ = ["CENTRE", "KEEP_END", "OVERDUE_RED", "RIGHT", "Column", "PagedTableModel", "PagedTableView", "SearchBox"]
