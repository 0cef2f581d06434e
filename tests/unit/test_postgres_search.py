"""The party search on PostgreSQL: a table of each name's one- and two-character pieces
(fts_party_gram, migrations 0012 and 0018), kept by a trigger, finds what LIKE would, in
the list's own order, and reads its index for a one-piece term."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text

from app.parties.models import Party
from app.parties.service import PartyService
from app.store import open_store
from app.store.migrate import alembic_config, current_revision, head_revision
from app.store.postgres import GRAMS_KEY, GRAMS_TABLE, search_pieces, term_pieces
from app.store.search import party_search_clause
from tests.conftest import make_actor

pytestmark = pytest.mark.postgresql_only

NAMES = ("张伟", "张伟民", "李张伟", "张三", "李四", "贵州建筑工程有限公司", "建筑某工程公司", "王伟", "ABC科技有限公司")


def test_pieces_of_a_term() -> None:
    assert search_pieces("张") == ["张"]
    assert search_pieces("建筑工程") == ["工程", "建筑", "筑工"]
    assert search_pieces("abc") == ["AB", "BC"]
    assert term_pieces("张 伟民 张") == ["张", "伟民"]


def register(store: Any, names: tuple[str, ...] = NAMES) -> PartyService:
    parties = PartyService(store, make_actor("intake"))
    for name in names:
        parties.create({"kind": "person" if len(name) < 5 else "org", "name": name})
    return parties


def listed(parties: PartyService, term: str, **options: Any) -> tuple[int, list[str]]:
    query = parties.query(text=term, **options)
    return query.count(), [row.name for row in query.page(0, 100)]


def names_in_list_order(store: Any, keep: Any) -> list[str]:
    with store.read() as session:
        rows = session.execute(select(Party.name, Party.name_sort, Party.id)).all()
    return [r.name for r in sorted(rows, key=lambda r: (r.name_sort, r.id)) if keep(r.name)]


@pytest.mark.parametrize("term", ["张伟", "张", "建筑工程", "伟民", "张 伟", "abc", "科技 ABC", "赵"])
def test_the_list_finds_what_like_finds_in_its_own_order(store, term: str) -> None:
    parties = register(store)
    words = term.upper().split()
    expected = names_in_list_order(store, lambda name: all(w in name.upper() for w in words))
    assert listed(parties, term) == (len(expected), expected)
    # Where a row stands in the searched list (the window selects a party after saving it).
    query = parties.query(text=term)
    for position, row in enumerate(query.page(0, 100)):
        assert query.position_of(row.id) == position
    # The same answer through the plain clause (the order by id, exports) and downwards.
    assert listed(parties, term, sort="id")[0] == len(expected)
    assert listed(parties, term, descending=True)[1] == expected[::-1]
    clause = party_search_clause("postgresql", term, Party.id, Party.name, Party.id_no, Party.uscc)
    assert clause is not None
    with store.read() as session:
        assert sorted(session.scalars(select(Party.name).where(clause))) == sorted(expected)


def test_a_two_character_search_reads_the_pieces_key_in_the_list_order(store) -> None:
    parties = register(store)
    query = parties.query(text="张伟")
    with store.read() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        page_plan = explain(session, query._statement.order_by(*query._sort.columns).limit(100))
        assert query._count_statement is not None
        count_plan = explain(session, query._count_statement)
    assert f"Index Only Scan using {GRAMS_KEY}" in count_plan  # the count never reads a party
    assert GRAMS_KEY in page_plan and "Sort" not in page_plan  # read in order, not sorted


def explain(session: Any, statement: Any) -> str:
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return "\n".join(session.scalars(text("EXPLAIN " + str(compiled).replace("%%", "%"))))


def test_the_pieces_follow_a_renamed_party(store) -> None:
    parties = register(store, ("张伟", "李四"))
    row = parties.query(text="张伟").page(0, 1)[0]
    parties.update(row.id, row.version, {"name": "赵六"})
    assert listed(parties, "张伟") == (0, [])
    assert listed(parties, "赵六") == (1, ["赵六"])
    assert listed(parties, "赵") == (1, ["赵六"])
    with store.read() as session:
        pieces = session.execute(text(f"SELECT gram, name_sort FROM {GRAMS_TABLE} WHERE party_id = :id"),
                                 {"id": row.id}).all()
        party = session.get(Party, row.id)
        assert party is not None
        assert sorted(p.gram for p in pieces) == sorted(["赵", "六", "赵六"])
        assert {p.name_sort for p in pieces} == {party.name_sort}


def test_an_id_number_starting_with_the_term_is_found_beside_the_names(store) -> None:
    """An ID of type 其他 is kept as typed, so it may start with Chinese: the search then
    takes the plain path (ids found, then sorted) and still finds both kinds of match."""
    parties = register(store, ("张伟", "李四"))
    parties.create({"kind": "person", "name": "王五", "id_type": "other", "id_no": "张伟证0001"})
    expected = names_in_list_order(store, lambda name: name in {"张伟", "王五"})
    assert listed(parties, "张伟") == (2, expected)


def test_0018_fills_the_pieces_of_the_parties_already_registered(db_url: str) -> None:
    """A database at 0017 (downgraded, so the parties predate the pieces table) upgrades with
    every party searchable."""
    store = open_store(db_url, backup=False)
    try:
        parties = register(store)
        with store.engine.begin() as connection:
            config = alembic_config(db_url)
            config.attributes["connection"] = connection
            command.downgrade(config, "0017")
            assert connection.scalar(text(f"SELECT to_regclass('{GRAMS_TABLE}')")) is None
            parties_before = connection.scalar(select(func.count()).select_from(Party))
        assert current_revision(store.engine) == "0017"
        with store.engine.begin() as connection:
            config = alembic_config(db_url)
            config.attributes["connection"] = connection
            command.upgrade(config, head_revision())
            assert connection.scalar(select(func.count()).select_from(Party)) == parties_before
        assert listed(parties, "张伟") == (3, names_in_list_order(store, lambda name: "张伟" in name))
        assert listed(parties, "建筑工程")[0] == 1
    finally:
        store.dispose()
