"""Settings kept in the database (JSON values, audited), with defaults in code."""

from __future__ import annotations

import copy
import json
from typing import Any

from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.sql.dml import UpdateBase

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.kernel.setting_model import Setting
from app.kernel.unit_of_work import UnitOfWork
from app.store.engine import Store

# The organisation the documents speak for; an administrator sets the real names.
DEFAULTS: dict[str, Any] = {
    "organisation": {
        "district": "某区",
        "bureau": "某区人力资源和社会保障局",
        "arbitration_commission": "某区劳动人事争议仲裁委员会",
        "inspection_brigade": "某区劳动保障监察大队",
        # Named in every decision's remedy clause (行政处罚法 art 59(5)).  复议: since 2024-01-01 the people's
        # government at the bureau's own level (行政复议法 2023 art 24(1)); 诉讼: the basic court where the
        # bureau sits (行政诉讼法 arts 14, 18), unless the province assigns cross-district jurisdiction.
        "review_authority": "某区人民政府",
        "court": "某区人民法院",
    },
    # {district}/{body} are the issuing body's short name, {year} four digits, {n} the sequence.
    "case_number_patterns": {
        "arbitration": "{body}劳人仲案字〔{year}〕第{n}号",
        "complaint": "{body}人社监投字〔{year}〕第{n}号",
        "inspection_case": "{body}人社监立字〔{year}〕第{n}号",
        "rectification_order": "{body}人社监令〔{year}〕{n}号",
        "inspection_decision": "{body}人社监处字〔{year}〕{n}号",
        "penalty": "{body}人社罚〔{year}〕{n}号",
        "mediation": "{body}劳调字〔{year}〕第{n}号",
        "prior_notice": "{body}人社告字〔{year}〕{n}号",
        "hearing_notice": "{body}人社听通字〔{year}〕{n}号",
    },
    "training_hours_target": "40",
    # 月最低工资标准 by effective date (the 终局 test of 法 art 47 uses the one in
    # force on the award date).  Defaults: 贵州 一类区 as recalled [M] — an
    # administrator enters the district's own tier and figures.
    "minimum_wage": {
        "tier": "一类区",
        "table": [
            {"effective": "2019-12-01", "monthly_fen": 179000},
            {"effective": "2023-02-01", "monthly_fen": 189000},
        ],
    },
    # 行政处罚法 art 63(1) 较大数额罚款: the amount is set locally (provincial rules; e.g. Hunan: a person
    # 1,000 yuan, an organisation 20,000 yuan).  A notice announcing a fine at or above it must offer a hearing.
    "penalty_hearing_threshold": {"person_fen": 100_000, "organisation_fen": 2_000_000},
    # Hearing rooms offered by the hearing form (free text is allowed too).
    "hearing_rooms": ["第一仲裁庭", "第二仲裁庭", "第三仲裁庭"],
}


_CACHE = "settings_read"  # session.info: (the transaction's connection, {key: its stored JSON text or None})
_FORGET = "settings_forget"  # session.info: the listener that empties it


def read_setting(session: Session, key: str) -> Any:
    """The setting's value (a fresh copy: the caller may change it), else its default.

    Read once per transaction: a unit of work that numbers 700 imported cases reads the
    patterns once, not 700 times.  A write to the setting table on the transaction's
    connection (the ORM's flush, or a Core statement such as a site exchange's) and the
    end of the transaction forget what was read."""
    connection = session.connection()
    held: tuple[Connection, dict[str, str | None]] | None = session.info.get(_CACHE)
    if held is None or held[0] is not connection:
        held = session.info[_CACHE] = (connection, {})
        _forget_on_write(session, connection)
    cache = held[1]
    if key not in cache:
        cache[key] = session.scalar(select(Setting.value).where(Setting.key == key))
    value = cache[key]
    if value is None:
        return copy.deepcopy(DEFAULTS.get(key))
    return json.loads(value)


def _forget_on_write(session: Session, connection: Connection) -> None:
    forget = session.info.get(_FORGET)
    if forget is None:
        def forget(_conn: Connection, clause: Any, *_args: Any) -> None:
            if isinstance(clause, UpdateBase) and getattr(clause.table, "name", None) == Setting.__tablename__:
                session.info.pop(_CACHE, None)

        def forget_at_the_end(_session: Session, transaction: SessionTransaction) -> None:
            if transaction.parent is None:  # not a flush's own subtransaction
                session.info.pop(_CACHE, None)

        session.info[_FORGET] = forget
        event.listen(session, "after_transaction_end", forget_at_the_end)
    if not event.contains(connection, "before_execute", forget):
        event.listen(connection, "before_execute", forget)


class SettingsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def get(self, key: str) -> Any:
        with self.store.read() as session:
            return read_setting(session, key)

    def set(self, key: str, value: Any, permission: Permission = Permission.USER_MANAGE) -> None:
        """Administrators change settings (the caller may name a narrower permission)."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with UnitOfWork(self.store, self.actor, permission) as uow:
            setting = uow.session.scalar(select(Setting).where(Setting.key == key))
            if setting is None:
                uow.session.add(Setting(key=key, value=text))
            elif setting.value != text:
                setting.value = text
