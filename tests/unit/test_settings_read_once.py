"""Settings are read once per transaction, and a write to the setting table in that transaction —
through the ORM or a Core statement — or its end makes the next read see the stored value."""

from __future__ import annotations

import json

from sqlalchemy import event, insert, select, update

from app.accounts.actor import setup_actor
from app.kernel.numbering import allocate_number
from app.kernel.setting_model import Setting
from app.kernel.settings import DEFAULTS, SettingsService, read_setting
from app.kernel.unit_of_work import UnitOfWork


def _count_setting_reads(store) -> list[str]:
    seen: list[str] = []

    def on_execute(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM setting" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", on_execute)
    return seen


def test_many_numbers_in_one_unit_read_the_patterns_once(store) -> None:
    reads = _count_setting_reads(store)
    with UnitOfWork(store, setup_actor()) as uow:
        numbers = [allocate_number(uow, "arbitration", 2023) for _ in range(20)]
    assert numbers[-1] == "某区劳人仲案字〔2023〕第20号"
    assert len(reads) == 2  # organisation and case_number_patterns, once each
    with UnitOfWork(store, setup_actor()) as uow:
        allocate_number(uow, "arbitration", 2023)
    assert len(reads) == 4  # a new transaction reads again


def test_a_setting_written_in_the_same_unit_is_read_back(store) -> None:
    with UnitOfWork(store, setup_actor()) as uow:
        assert allocate_number(uow, "arbitration", 2023).startswith("某区")
        # the ORM's flush
        uow.session.add(Setting(key="organisation", value=json.dumps({"district": "南明区"}, ensure_ascii=False)))
        uow.flush()
        assert allocate_number(uow, "arbitration", 2023).startswith("南明区")
        # a Core statement on the transaction's connection (a site exchange inserts this way)
        uow.session.connection().execute(
            update(Setting).where(Setting.key == "organisation").values(value=json.dumps({"district": "云岩区"},
                                                                                         ensure_ascii=False)))
        assert allocate_number(uow, "arbitration", 2023).startswith("云岩区")
        uow.session.connection().execute(insert(Setting), [{"key": "hearing_rooms", "value": '["一号庭"]'}])
        assert read_setting(uow.session, "hearing_rooms") == ["一号庭"]


def test_a_setting_changed_by_another_desk_is_seen_by_the_next_transaction(store) -> None:
    with store.read() as session:
        assert read_setting(session, "training_hours_target") == "40"
        SettingsService(store, setup_actor()).set("training_hours_target", "48")
        session.commit()  # this desk's transaction ends; the next one reads again
        assert read_setting(session, "training_hours_target") == "48"


def test_a_default_is_a_copy_the_caller_may_change(store) -> None:
    with store.read() as session:
        rooms = read_setting(session, "hearing_rooms")
        rooms.append("临时庭")
        assert read_setting(session, "hearing_rooms") == DEFAULTS["hearing_rooms"] == ["第一仲裁庭", "第二仲裁庭", "第三仲裁庭"]
        stored = session.scalar(select(Setting.value).where(Setting.key == "hearing_rooms"))
    assert stored is None
