"""Issue 17: every shipped time limit has an English name, and its account of how it was
computed reads in English in the English interface (the law it rests on is cited in Chinese)."""

from __future__ import annotations

import re
from datetime import date

from app.legal.calendar import default_calendar
from app.legal.deadlines import DEFAULT_RULES, due
from app.legal.rule_names import RULE_NAMES_EN, rule_name, rule_trigger

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_every_shipped_rule_has_an_english_name() -> None:
    missing = [rule.id for rule in DEFAULT_RULES if rule.id not in RULE_NAMES_EN]
    assert missing == []
    assert not [name for name in RULE_NAMES_EN.values() if CJK.search(name)]
    assert rule_name(DEFAULT_RULES.get("A2"), "zh_CN") == "决定受理或者不予受理"
    assert rule_name(DEFAULT_RULES.get("A2"), "en") == "Decide whether to accept the application"
    assert rule_name("X9", "en", "某期限") == "某期限"  # a rule from the database the list does not know
    assert not [rule.id for rule in DEFAULT_RULES if CJK.search(rule_trigger(rule, "en"))]
    assert rule_trigger(DEFAULT_RULES.get("A2"), "zh_CN") == "收到仲裁申请之日"


def test_the_explanation_in_english_says_what_the_chinese_one_says() -> None:
    calendar = default_calendar()
    for rule in DEFAULT_RULES:
        deadline = due(date(2023, 9, 28), rule, calendar=calendar)  # before the National Day week: rolls
        assert not CJK.search(deadline.explained("en")), (rule.id, deadline.explained("en"))
        assert deadline.explained("zh_CN") == deadline.explanation
        assert deadline.due.isoformat() in deadline.explained("en")
    a2 = due(date(2023, 9, 28), DEFAULT_RULES.get("A2"), calendar=calendar)
    assert a2.explained("en").startswith("Counted from 2023-09-28 (that day not counted), 5 working days")
    a9 = due(date(2023, 8, 17), DEFAULT_RULES.get("A9"), calendar=calendar)  # 45 days: 2023-10-01, a holiday
    assert "is not a working day, moved to" in a9.explained("en"), a9.explained("en")
