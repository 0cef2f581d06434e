"""The error catalogues (app/errors.py's shared codes and each area's app/<area>/messages.py):
every code has an English and a Chinese text that take the same values, so a message never shows
a raw `{placeholder}` or drops a value in one of the languages; and a code is in one catalogue only."""

from __future__ import annotations

import string

import pytest

from app.errors import UserError, all_messages, catalogues, message_for
from app.kernel import areas


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_code_has_both_texts_with_the_same_placeholders() -> None:
    mismatched = {}
    for code, (english, chinese) in all_messages().items():
        assert english.strip() and chinese.strip(), code
        if placeholders(english) != placeholders(chinese):
            mismatched[code] = (sorted(placeholders(english)), sorted(placeholders(chinese)))
    assert mismatched == {}


def test_no_value_comes_translated_already() -> None:
    """A UserError carries raw values (issue 12): no `status_en`/`status_zh` pair of words made
    before raising; the same placeholder in both texts, put into words when the message is shown."""
    translated = {code for code, texts in all_messages().items()
                  for text in texts for name in placeholders(text) if name.endswith(("_en", "_zh"))}
    assert translated == set()


def test_the_parity_check_sees_a_placeholder_in_one_language_only() -> None:
    assert placeholders("{name}的执法证自{issue}起生效，{day}尚未生效。") == {"name", "issue", "day"}
    assert placeholders("valid from {issue}.") == {"issue"}
    assert placeholders("a literal {{brace}}") == set()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_certificate_not_yet_valid_message_names_the_day(language: str) -> None:
    error = UserError("staff.certificate_not_yet_valid", name="王明", number="JC0001",
                      issue="2027-01-01", expiry="2030-01-01", day="2026-12-03")
    assert "2026-12-03" in error.message(language)


def test_a_code_is_in_one_catalogue_only() -> None:
    where: dict[str, list[str]] = {}
    for name, catalogue in catalogues():
        for code in catalogue:
            where.setdefault(code, []).append(name)
    assert {code: names for code, names in where.items() if len(names) > 1} == {}
    assert len(catalogues()) > 10  # the shared codes and the areas' (moved out of app/errors.py, issue 12)
    assert sum(len(c) for _, c in catalogues()) == len(all_messages()) > 250


def test_every_area_catalogue_is_found_by_the_one_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    module = types.ModuleType("gazette_area_messages")
    module.MESSAGES = {"gazette.late": ("Issue {issue} is late.", "第{issue}期公报逾期。")}
    monkeypatch.setitem(sys.modules, "gazette_area_messages", module)
    areas.register(areas.AreaSpec("gazette", messages="gazette_area_messages"))
    try:
        assert UserError("gazette.late", issue=7).message("zh_CN") == "第7期公报逾期。"
        assert message_for("gazette.late", {"issue": 7}, "en") == "Issue 7 is late."
    finally:
        areas.unregister("gazette")
    assert message_for("gazette.late", {}, "en") == "gazette.late"
    # an area's own code, through the one path the GUI and the command line use
    assert UserError("complaint.not_found").message("zh_CN") != "complaint.not_found"


@pytest.mark.parametrize(("language", "words"), [("zh_CN", "您没有“新增和修改当事人”的权限。"),
                                                 ("en", "You do not have the permission “Add and edit parties”.")])
def test_a_refusal_carries_the_permission_code_and_is_worded_when_shown(language: str, words: str) -> None:
    from app.accounts.actor import Actor

    with pytest.raises(UserError) as caught:
        Actor(username="clerk", roles=frozenset({"leadership"})).require("party.edit")
    assert caught.value.params == {"permission": "party.edit"}  # raw values only (issue 12)
    assert caught.value.message(language) == words


def test_an_area_puts_its_own_codes_into_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    module = types.ModuleType("gazette_area_words")
    module.MESSAGES = {"gazette.not_open": ("The gazette is {gazette_state}.", "公报{gazette_state}。")}
    module.state_words = lambda code, language: {"draft": ("a draft", "尚为草稿")}[code][language != "en"]
    monkeypatch.setitem(sys.modules, "gazette_area_words", module)
    areas.register(areas.AreaSpec("gazette", messages="gazette_area_words",
                                  message_values={"gazette_state": "gazette_area_words:state_words"}))
    try:
        error = UserError("gazette.not_open", gazette_state="draft")
        assert (error.message("zh_CN"), error.message("en")) == ("公报尚为草稿。", "The gazette is a draft.")
    finally:
        areas.unregister("gazette")


def test_two_areas_word_the_same_placeholder_each_for_its_own_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    for key, words in (("gazette", "尚为草稿"), ("bulletin", "待审核")):
        module = types.ModuleType(f"{key}_area_words")
        module.MESSAGES = {f"{key}.not_open": (f"The {key} is {{state}}.", f"{key}{{state}}。")}
        module.state_words = lambda code, language, words=words: words if code == "draft" else code
        monkeypatch.setitem(sys.modules, f"{key}_area_words", module)
        areas.register(areas.AreaSpec(key, messages=f"{key}_area_words",
                                      message_values={"state": f"{key}_area_words:state_words"}))
    try:
        assert UserError("gazette.not_open", state="draft").message("zh_CN") == "gazette尚为草稿。"
        assert UserError("bulletin.not_open", state="draft").message("zh_CN") == "bulletin待审核。"
    finally:
        areas.unregister("gazette")
        areas.unregister("bulletin")


def test_each_placeholder_is_put_into_words_by_one_area_at_most() -> None:
    """An area's `message_values` word its own codes' values (so "status" may be a complaint's status
    in a complaints code and an arbitration case's in an arbitration code); the shared codes
    (app/errors.py) belong to no area, so a placeholder of theirs is worded by the one area that
    declares it, and a declaration of any other shared placeholder (a {kind}, a {path}) would
    change their words."""
    from app.errors import MESSAGES as SHARED

    shared = {name for english, chinese in SHARED.values() for name in placeholders(english) | placeholders(chinese)}
    declared: dict[str, list[str]] = {}
    for spec in areas.areas():
        own = {name for english, chinese in (areas.load(spec.messages).MESSAGES.values() if spec.messages else ())
               for name in placeholders(english) | placeholders(chinese)}
        for name, reference in spec.message_values.items():
            assert callable(areas.load(reference)), reference
            assert name in own | shared, (spec.key, name)  # no word function that no message uses
            declared.setdefault(name, []).append(spec.key)
    assert {name: keys for name, keys in declared.items() if name in shared} == {"permission": ["accounts"]}
    assert {"workbook_part", "unit", "what", "role", "closure", "decision", "category"} <= set(declared)
    assert declared["status"] == declared["action"] == ["complaints", "arbitration", "mediation"]
    error = UserError("import.part_too_large", file="x.xlsx", workbook_part="shared_strings", limit_mb=200)
    assert error.message("zh_CN") == "文件x.xlsx解压后过大（共享字符串超过200MB），可能不是正常的Excel文件。"
    assert "(the shared strings over 200 MB)" in error.message("en")
