"""The list pattern (ui/lists): paged model over a real migrated store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.parties.service import PartyService
from app.sorting import name_sort_key
from tests.fixtures.seeded import Seed
from tests.ui.helpers import seed_parties
from ui.lists import Column, PagedTableModel, PagedTableView, SearchBox
from ui.lists.paged_model import default_display

COLUMNS = [
    Column("id", "No.", lambda r: r.id, align=Qt.AlignmentFlag.AlignRight, sort_key="id"),
    Column("name", "Name", lambda r: r.name, sort_key="name"),
    Column("id_no", "ID", lambda r: r.identity_number),
    Column("birth", "Born", lambda r: r.birth_date),
    Column("migrant", "Migrant", lambda r: r.is_migrant_worker),
]


@pytest.fixture
def seed() -> Seed:
    return Seed("450-people", lambda store: seed_parties(store, 450))


@pytest.fixture
def parties(store, seeded, setup_actor):
    return PartyService(store, setup_actor)


def make_model(parties: PartyService, *, page_size: int = 50) -> PagedTableModel:
    model = PagedTableModel(COLUMNS, page_size=page_size, cached_pages=4)
    model.set_query_factory(
        lambda sort, descending: parties.query(sort=sort or "name", descending=descending)
    )
    model.set_initial_sort("name")
    return model


def shown_view(qtbot, model: PagedTableModel, *, height: int = 400) -> PagedTableView:
    view = PagedTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, height)
    view.show()
    return view


def test_model_passes_qtmodeltester(qtmodeltester, parties) -> None:
    model = make_model(parties)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 450


def test_rows_are_fetched_by_page_on_demand(parties) -> None:
    model = make_model(parties, page_size=50)
    assert model.rowCount() == 450
    assert model.pages_fetched == 0  # counting does not read rows
    # flags() never fetches
    for row in range(0, 450, 7):
        assert model.flags(model.index(row, 1)) & Qt.ItemFlag.ItemIsSelectable
    assert model.pages_fetched == 0
    first = model.data(model.index(0, 1))
    assert first and model.pages_fetched == 1
    model.data(model.index(49, 1))
    assert model.pages_fetched == 1  # same page, from the cache
    last = model.row_at(449)
    assert last is not None and model.pages_fetched == 2
    assert model.row_at(450) is None
    # The LRU cache holds at most 4 pages; reading 6 pages evicts the oldest.
    for row in range(0, 300, 50):
        model.row_at(row)
    before = model.pages_fetched
    model.row_at(0)
    assert model.pages_fetched == before + 1


def test_sort_on_a_sortable_column_requeries_in_sql(qtbot, parties) -> None:
    model = make_model(parties)
    names = [model.row_at(i).name for i in range(450)]
    keys = [name_sort_key(n, person=True) for n in names]
    assert keys == sorted(keys)  # pinyin order (app/sorting.py)
    with qtbot.waitSignal(model.modelReset):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    ids = [model.row_at(i).id for i in range(450)]
    assert ids == sorted(ids, reverse=True)
    assert model.sort_key == "id" and model.descending
    # An unsortable column is ignored: no reset, same order.
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.row_at(0).id == ids[0]


def test_header_click_sorts_and_selection_survives_as_ids(qtbot, parties) -> None:
    model = make_model(parties)
    view = shown_view(qtbot, model, height=400)
    target = model.row_at(3)
    view.select_ids([target.id])
    assert view.selected_ids() == [target.id]
    header = view.horizontalHeader()
    with qtbot.waitSignal(model.modelReset):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    assert model.sort_key == "id"
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    assert view.selected_ids() == [target.id]  # still selected, at its new row
    assert view.selected_rows() != [3] or model.row_at(3).id == target.id
    # Clicking an unsortable column changes nothing.
    with qtbot.assertNotEmitted(model.modelReset):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 2))
    assert header.sortIndicatorSection() == 0


def test_fixed_uniform_row_height(qtbot, parties) -> None:
    from PySide6.QtWidgets import QHeaderView

    view = PagedTableView()
    qtbot.addWidget(view)
    view.setModel(make_model(parties))
    vertical = view.verticalHeader()
    assert vertical.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert {view.rowHeight(r) for r in (0, 100, 449)} == {vertical.defaultSectionSize()}


def test_filter_through_a_new_query(parties) -> None:
    model = make_model(parties)
    name = model.row_at(10).name
    counts = []
    model.count_changed.connect(counts.append)
    model.set_query_factory(lambda sort, desc: parties.query(text=name, sort=sort or "name", descending=desc))
    assert counts and counts[-1] == model.rowCount() >= 1
    assert all(name in model.row_at(i).name for i in range(model.rowCount()))


def test_search_box_debounces(qtbot) -> None:
    from tests.ui.helpers import ime_commit, type_text

    box = SearchBox(debounce_ms=50)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.search_changed.connect(seen.append)
    type_text(box, "11010")
    ime_commit(box, "张伟")
    assert seen == []  # nothing while typing
    qtbot.waitUntil(lambda: seen == ["11010张伟"])
    box.flush()
    assert seen == ["11010张伟"]  # unchanged text is not emitted again


def test_default_display() -> None:
    from datetime import date

    assert default_display(None) == ""
    assert default_display(True) == "✓" and default_display(False) == ""
    assert default_display(date(2024, 1, 2)) == "2024-01-02"


def _section_centre(header, section):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_empty_model_is_harmless(qtmodeltester) -> None:
    model = PagedTableModel(COLUMNS)
    assert model.rowCount() == 0 and model.row_at(0) is None
    assert model.data(QModelIndex()) is None
    qtmodeltester.check(model, force_py=True)


def test_a_shown_view_reads_only_the_pages_on_screen(qtbot, parties) -> None:
    model = make_model(parties, page_size=50)
    view = shown_view(qtbot, model, height=400)
    qtbot.waitUntil(lambda: model.pages_fetched >= 1)  # the first paint
    view.repaint()
    assert model.pages_fetched == 1  # 450 rows, about 15 on screen: one page
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_row(449) is not None)
    assert model.pages_fetched <= 4


def _arrow_points_up(qtbot, view: PagedTableView) -> bool:
    """Whether the sort indicator drawn in the header points up (▲): the pixels that
    showing it changes are narrower at the top than at the bottom."""
    header = view.horizontalHeader()
    header.setSortIndicatorShown(False)
    without = header.grab().toImage()
    header.setSortIndicatorShown(True)
    with_arrow = header.grab().toImage()
    rows: dict[int, int] = {}
    for y in range(with_arrow.height()):
        for x in range(with_arrow.width()):
            if with_arrow.pixel(x, y) != without.pixel(x, y):
                rows[y] = rows.get(y, 0) + 1
    assert rows, "no sort indicator was drawn"
    top, bottom = min(rows), max(rows)
    return rows[top] < rows[bottom]


def test_the_sort_arrow_points_up_for_ascending_and_down_for_descending(qtbot, parties) -> None:
    """As in Excel and Windows Explorer, whatever Qt's style draws for its own orders."""
    model = make_model(parties)
    view = shown_view(qtbot, model, height=300)
    assert model.sort_key == "name" and not model.descending
    assert _arrow_points_up(qtbot, view)
    with qtbot.waitSignal(model.modelReset):
        model.sort(model.sort_column, Qt.SortOrder.DescendingOrder)
    assert model.descending
    assert not _arrow_points_up(qtbot, view)


def test_a_row_beyond_the_scanned_pages_is_found_by_its_position(qtbot, parties) -> None:
    model = make_model(parties, page_size=20)
    view = shown_view(qtbot, model, height=300)
    far = model.row_at(437)
    model.refresh()
    before = model.pages_fetched
    found = model.rows_for_ids([far.id], search_pages=2)  # two pages scanned, then asked
    assert found == {far.id: 437}
    assert model.pages_fetched - before <= 3  # the two scanned and the found row's own page
    assert view.select_ids([far.id]) == [437]
    assert view.selected_ids() == [far.id]


class _Listed:
    """A paged source over a Python list (the view's behaviour, not the store's)."""

    def __init__(self, rows: list) -> None:
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> list:
        return self.rows[offset:offset + limit]


def _case_rows():
    from types import SimpleNamespace

    numbers = ["南明区劳人仲案字〔2023〕第7号", "南明区劳人仲案字〔2023〕第1234号", "南明区劳人仲案字〔2023〕第56号"]
    return [SimpleNamespace(id=i, case_no=n, status="已受理") for i, n in enumerate(numbers)]


CASE_COLUMNS = [
    Column("case_no", "Case number", lambda r: r.case_no, width=6, fit=True, elide=Qt.TextElideMode.ElideLeft),
    Column("status", "State", lambda r: r.status, width=2, fit=True),
    Column("rest", "Rest", lambda r: ""),
]


def test_a_fit_column_shows_the_whole_longest_case_number(qtbot) -> None:
    model = PagedTableModel(CASE_COLUMNS)
    model.set_query(_Listed(_case_rows()))
    view = shown_view(qtbot, model)
    metrics = view.fontMetrics()
    longest = metrics.horizontalAdvance("南明区劳人仲案字〔2023〕第1234号")
    qtbot.waitUntil(lambda: view.columnWidth(0) > longest)
    assert view.columnWidth(1) > metrics.horizontalAdvance("已受理")
    # a narrow column cuts the start, never the number that tells cases apart
    delegate = view.itemDelegateForColumn(0)
    assert delegate is not None and delegate.mode == Qt.TextElideMode.ElideLeft


def test_a_width_the_user_sets_is_kept_for_the_next_window(qtbot) -> None:
    model = PagedTableModel(CASE_COLUMNS)
    model.set_query(_Listed(_case_rows()))
    view = shown_view(qtbot, model)
    longest = view.fontMetrics().horizontalAdvance("南明区劳人仲案字〔2023〕第1234号")
    qtbot.waitUntil(lambda: view.columnWidth(0) > longest)
    view.horizontalHeader().resizeSection(1, 321)  # as a drag of the header's edge does
    again = PagedTableModel(CASE_COLUMNS)
    again.set_query(_Listed(_case_rows()))
    second = shown_view(qtbot, again)
    assert second.columnWidth(1) == 321
    second.repaint()
    assert second.columnWidth(1) == 321  # fitting leaves a chosen width alone
