"""Settings kept in the database (JSON values, audited), with defaults in code."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def read_setting(session: Session, key: str) -> Any:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    if value is None:
        return DEFAULTS.get(key)
    return json.loads(value)


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
