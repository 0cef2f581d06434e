"""Names sort by pinyin, as in the clerks' Excel sheets; surnames read as surnames."""

from __future__ import annotations

from app.parties.service import PartyService
from app.sorting import name_sort_key
from tests.conftest import make_actor


def test_keys() -> None:
    assert name_sort_key("张伟", person=True) == "zhang wei"
    assert name_sort_key("单雄信", person=True) == "shan xiong xin"  # 单 as a surname
    assert name_sort_key("单位") == "dan wei"
    assert name_sort_key("曾国藩", person=True) == "zeng guo fan"
    assert name_sort_key("长孙无忌", person=True) == "zhang sun wu ji"
    assert name_sort_key("贵州ABC建筑有限公司") == "gui zhou abc jian zhu you xian gong si"
    assert name_sort_key("") == ""


def test_register_lists_in_pinyin_order(store) -> None:
    parties = PartyService(store, make_actor("intake"))
    for name in ("张伟", "刘洋", "李娜", "陈静", "王芳", "欧阳晓明", "单雄信"):
        parties.create({"kind": "person", "name": name})
    parties.create({"kind": "org", "name": "南明区老王快餐店"})
    names = [r.name for r in parties.query().page(0, 20)]
    assert names == ["陈静", "李娜", "刘洋", "南明区老王快餐店", "欧阳晓明", "单雄信", "王芳", "张伟"]
    assert [r.name for r in parties.query(descending=True).page(0, 2)] == ["张伟", "王芳"]


def test_rename_moves_the_party_and_the_audit_ignores_the_key(store) -> None:
    import json

    from sqlalchemy import select

    from app.audit import chain as audit
    from app.models import AuditEntry

    parties = PartyService(store, make_actor("intake"))
    row = parties.create({"kind": "person", "name": "张伟"})
    parties.create({"kind": "person", "name": "李娜"})
    parties.update(row.id, row.version, {"name": "艾青"})
    assert [r.name for r in parties.query().page(0, 5)] == ["艾青", "李娜"]
    with store.read() as session:
        changes = json.loads(session.scalars(select(AuditEntry.changes).order_by(AuditEntry.seq.desc())).first())
        assert changes == {"name": ["张伟", "艾青"]}
        assert audit.verify(session).ok
