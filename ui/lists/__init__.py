"""The list pattern: PagedTableModel + PagedTableView + SearchBox (see paged_model.py)."""

from ui.lists.paged_model import Column, PagedTableModel
from ui.lists.search_box import SearchBox
from ui.lists.table_view import PagedTableView

__all__ = ["Column", "PagedTableModel", "PagedTableView", "SearchBox"]
