"""The table view every list uses with PagedTableModel.

* Fixed, uniform row height: Qt never measures rows (which would fetch them all).
* Whole-row selection; the selection is kept as ids across every model reset
  (refresh after a save, a new filter, a new sort order).
* Header clicks sort only on the columns the SQL can sort by; a click on another
  column leaves the order and the sort indicator as they were.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ui.lists.paged_model import PagedTableModel

# How many of the first rows a `fit` column is measured over (they are on screen).
FIT_ROWS = 60
CELL_PADDING = 16


def layout_settings() -> QSettings:
    """The user's list layouts (column widths), kept in the data folder beside the database."""
    from app.config import data_dir

    return QSettings(str(data_dir() / "layout.ini"), QSettings.Format.IniFormat)


class _ElidingDelegate(QStyledItemDelegate):
    """Cuts a cell's text where its column says (e.g. the start of a case number)."""

    def __init__(self, mode: Qt.TextElideMode, parent: QWidget) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option: Any, index: Any) -> None:  # Qt override
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


class PagedTableView(QTableView):
    # The ids of the selected rows changed: (list of ids).
    selection_changed_ids = Signal(list)
    # A row was double-clicked or Enter pressed on it: (row object).
    row_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setMinimumSectionSize(self.fontMetrics().height() + 4)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(self._remember_width)
        self.doubleClicked.connect(self._activated)
        self._kept_ids: list[Any] = []
        self._setting_widths = False
        self._fit_pending = False
        self._user_widths: dict[str, int] = {}

    # ---------------------------------------------------------------- model
    def paged_model(self) -> PagedTableModel[Any]:
        model = self.model()
        assert isinstance(model, PagedTableModel)
        return model

    def setModel(self, model: Any) -> None:  # Qt override
        old = self.model()
        if isinstance(old, PagedTableModel):
            old.modelAboutToBeReset.disconnect(self._remember_selection)
            old.modelReset.disconnect(self._restore_selection)
            old.sort_changed.disconnect(self._show_sort)
            old.modelReset.disconnect(self._ask_fit)
        super().setModel(model)
        if isinstance(model, PagedTableModel):
            model.modelAboutToBeReset.connect(self._remember_selection)
            model.modelReset.connect(self._restore_selection)
            model.sort_changed.connect(self._show_sort)
            model.modelReset.connect(self._ask_fit)
            self._apply_widths(model)
            self._ask_fit()
            self._show_sort(model.sort_column, model.descending)
        selection = self.selectionModel()
        if selection is not None:
            selection.selectionChanged.connect(self._selection_changed)

    def _apply_widths(self, model: PagedTableModel[Any]) -> None:
        # Widths are given in Chinese characters; never narrower than the header
        # (plus room for the sort arrow), whatever the language.  A width the user
        # set by dragging wins, and is remembered for the next start.
        char = self.fontMetrics().horizontalAdvance("中")
        header_metrics = self.horizontalHeader().fontMetrics()
        self._user_widths = self._saved_widths(model)
        self._setting_widths = True
        try:
            for i, column in enumerate(model.columns):
                if column.elide is not None:
                    self.setItemDelegateForColumn(i, _ElidingDelegate(column.elide, self))
                if column.key in self._user_widths:
                    self.setColumnWidth(i, self._user_widths[column.key])
                elif column.width:
                    header = header_metrics.horizontalAdvance(column.title) + 28
                    self.setColumnWidth(i, max(column.width * char + CELL_PADDING, header))
        finally:
            self._setting_widths = False

    # ---------------------------------------------------------------- widths: fit and remember
    def layout_key(self) -> str:
        """Names this list's layout by its columns, so every list with the same columns
        (the docket in any window, say) keeps one set of widths."""
        model = self.model()
        if not isinstance(model, PagedTableModel):
            return ""
        return "columns/" + "-".join(column.key for column in model.columns)

    def _saved_widths(self, model: PagedTableModel[Any]) -> dict[str, int]:
        settings = layout_settings()
        settings.beginGroup(self.layout_key())
        widths = {}
        for column in model.columns:
            value = settings.value(column.key)
            if value is not None and str(value).isdigit() and int(value) > 0:
                widths[column.key] = int(value)
        settings.endGroup()
        return widths

    def _remember_width(self, section: int, _old: int, new: int) -> None:
        model = self.model()
        if self._setting_widths or not isinstance(model, PagedTableModel):
            return
        if section >= len(model.columns) - 1:
            return  # the last column stretches with the window: its width is not a choice
        key = model.columns[section].key
        self._user_widths[key] = new
        settings = layout_settings()
        settings.setValue(f"{self.layout_key()}/{key}", new)
        settings.sync()

    def _ask_fit(self) -> None:
        # Measured after the next paint, which has fetched the rows on screen: fitting
        # never fetches a page of its own.
        self._fit_pending = True
        self.viewport().update()

    def paintEvent(self, event: Any) -> None:  # Qt override
        super().paintEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self.fit_columns()

    def fit_columns(self) -> None:
        """Widen each `fit` column to the longest text among the first rows (cached
        rows only), unless the user has chosen its width."""
        model = self.model()
        if not isinstance(model, PagedTableModel):
            return
        metrics = self.fontMetrics()
        count = min(model.rowCount(), FIT_ROWS)
        rows = [row for row in (model.cached_row(i) for i in range(count)) if row is not None]
        if not rows:
            return
        self._setting_widths = True
        try:
            for i, column in enumerate(model.columns):
                if not column.fit or column.key in self._user_widths:
                    continue
                widest = max(metrics.horizontalAdvance(column.text(row)) for row in rows) + CELL_PADDING
                if widest > self.columnWidth(i):
                    self.setColumnWidth(i, widest)
        finally:
            self._setting_widths = False

    # ---------------------------------------------------------------- selection as ids
    def selected_rows(self) -> list[int]:
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted(index.row() for index in selection.selectedRows())

    def selected_ids(self) -> list[Any]:
        return self.paged_model().ids_for_rows(self.selected_rows())

    def current_item(self) -> Any:
        """The row object of the current (or first selected) row, or None."""
        rows = self.selected_rows()
        if not rows:
            return None
        return self.paged_model().row_at(rows[0])

    def select_ids(self, ids: list[Any], *, scroll: bool = True) -> list[int]:
        """Select the rows with these ids (those that can be found); returns their rows."""
        model = self.paged_model()
        found = model.rows_for_ids(ids)
        rows = sorted(found.values())
        selection = self.selectionModel()
        block = QItemSelection()
        last_column = max(model.columnCount() - 1, 0)
        for row in rows:
            block.select(model.index(row, 0), model.index(row, last_column))
        selection.select(
            block,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        if rows:
            selection.setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll:
                self.scrollTo(model.index(rows[0], 0), QAbstractItemView.ScrollHint.EnsureVisible)
        return rows

    def _remember_selection(self) -> None:
        # Still the old query: its cached pages answer without touching the store.
        model = self.paged_model()
        kept = []
        for row in self.selected_rows():
            item = model.cached_row(row)
            if item is not None:
                kept.append(model.row_id(item))
        self._kept_ids = kept

    def _restore_selection(self) -> None:
        ids, self._kept_ids = self._kept_ids, []
        if ids:
            self.select_ids(ids, scroll=False)

    def _selection_changed(self, *_args: Any) -> None:
        model = self.model()
        if isinstance(model, PagedTableModel):
            self.selection_changed_ids.emit(self.selected_ids())

    # ---------------------------------------------------------------- sorting
    def _header_clicked(self, section: int) -> None:
        model = self.paged_model()
        if not model.is_sortable(section):
            # QHeaderView already moved its indicator before telling us: put it back.
            self._show_sort(model.sort_column, model.descending)
            return
        if section == model.sort_column:
            order = Qt.SortOrder.AscendingOrder if model.descending else Qt.SortOrder.DescendingOrder
        else:
            order = Qt.SortOrder.AscendingOrder
        model.sort(section, order)

    def _show_sort(self, column: int, descending: bool) -> None:
        header = self.horizontalHeader()
        if column < 0:
            header.setSortIndicatorShown(False)
            return
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, indicator_order(descending, self.style().name()))

    # ---------------------------------------------------------------- activation
    def _activated(self, index: QModelIndex) -> None:
        item = self.paged_model().row_at(index.row())
        if item is not None:
            self.row_activated.emit(item)

    def keyPressEvent(self, event: Any) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)


def indicator_order(descending: bool, style_name: str) -> Qt.SortOrder:
    """The header indicator for a list sorted this way, drawn ▲ for ascending and ▼ for
    descending, as in Excel, WPS and Windows Explorer.

    Qt gives an ascending header `SortDown`: the Windows styles draw that ▲, but Fusion
    (the style on Linux desktops such as UOS and Kylin) draws it ▼.  The indicator is only
    shown: the lists keep their order in the model (`PagedTableModel.descending`).
    """
    ascending_arrow_up = style_name.lower() != "fusion"
    if descending == ascending_arrow_up:
        return Qt.SortOrder.DescendingOrder
    return Qt.SortOrder.AscendingOrder

