"""The two-character party search on PostgreSQL goes through its GIN index of one- and
two-character pieces (migration 0012), and finds what LIKE would."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.models.party import Party
from app.services.parties import PartyService
from app.store.postgres import NAME_GRAMS_INDEX, search_pieces
from app.store.search import party_search_clause
from tests.conftest import make_actor

pytestmark = pytest.mark.postgresql_only


def test_pieces_of_a_term() -> None:
    assert search_pieces("张") == ["张"]
    assert search_pieces("建筑工程") == ["工程", "建筑", "筑工"]
    assert search_pieces("abc") == ["AB", "BC"]


@pytest.mark.parametrize("term", ["张伟", "张", "建筑工程", "伟民"])
def test_the_search_uses_the_index_and_finds_what_like_finds(store, term: str) -> None:  # type: ignore[no-untyped-def]
    parties = PartyService(store, make_actor("intake"))
    for name in ("张伟", "张伟民", "李张伟", "张三", "李四", "贵州建筑工程有限公司", "建筑某工程公司"):
        parties.create({"kind": "person" if len(name) < 5 else "org", "name": name})
    clause = party_search_clause("postgresql", term, Party.id, Party.name, Party.id_no, Party.uscc)
    assert clause is not None
    with store.read() as session:
        found = set(session.scalars(select(Party.name).where(clause)))
        every = set(session.scalars(select(Party.name)))
        assert found == {n for n in every if term in n}
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(session.scalars(text("EXPLAIN " + str(
            select(Party.id).where(clause).compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        ))))
    assert NAME_GRAMS_INDEX in plan
