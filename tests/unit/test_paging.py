"""PagedQuery.position_of: where a row stands in a list's own order, NULLs and all."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.kernel.paging import PagedQuery, SortSpec
from app.parties.models import Party
from app.parties.service import PartyService
from tests.fixtures.seeded import Seed
from tests.ui.helpers import seed_parties


def people_with_nulls_and_equal_names(store) -> None:
    from app.accounts.actor import setup_actor

    seed_parties(store, 120)
    service = PartyService(store, setup_actor())
    # Employers have no ID number: a sort on id_no meets NULLs.
    for i in range(15):
        service.create({"kind": "org", "name": f"某建筑劳务有限公司{i}"})
    # Equal names: the unique last column decides.
    for _ in range(3):
        service.create({"kind": "person", "name": "张伟"})


@pytest.fixture
def seed() -> Seed:
    return Seed("paging-people", people_with_nulls_and_equal_names)


@pytest.fixture
def parties(store, seeded, setup_actor) -> PartyService:
    return PartyService(store, setup_actor)


def ids_in_order(query: PagedQuery[Any]) -> list[int]:
    return [row.id for row in query.page(0, query.count())]


@pytest.mark.parametrize("descending", [False, True])
def test_every_row_is_found_where_the_list_shows_it(parties, descending) -> None:
    query = parties.query(sort="name", descending=descending)
    order = ids_in_order(query)
    assert [query.position_of(party_id) for party_id in order] == list(range(len(order)))


@pytest.mark.parametrize("descending", [False, True])
def test_a_sort_on_a_column_with_nulls_counts_them_where_the_database_puts_them(store, parties, descending) -> None:
    statement = select(Party.id, Party.id_no)
    query = PagedQuery(store, statement, SortSpec([Party.id_no, Party.id], descending=descending), lambda r: r)
    order = ids_in_order(query)
    with store.read() as session:
        nulls = set(session.scalars(select(Party.id).where(Party.id_no.is_(None))))
    assert len(nulls) == 15 + 3
    assert [query.position_of(party_id) for party_id in order] == list(range(len(order)))


def test_a_row_outside_the_filter_has_no_position(parties) -> None:
    everyone = parties.query()
    zhang = parties.query(text="张伟")
    inside = ids_in_order(zhang)
    outside = next(i for i in ids_in_order(everyone) if i not in inside)
    assert [zhang.position_of(i) for i in inside] == list(range(len(inside)))
    assert zhang.position_of(outside) is None
    assert everyone.position_of(10**9) is None
