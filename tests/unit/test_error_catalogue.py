"""The error catalogue: every code has an English and a Chinese text that take the same values,
so a message never shows a raw `{placeholder}` or drops a value in one of the languages."""

from __future__ import annotations

import string

import pytest

from app.errors import MESSAGES, UserError


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def same_value(field: str) -> str:
    """A value passed translated already comes as a pair, `status_en` for the English text and
    `status_zh` for the Chinese (issue 12 wants raw values only; until then the pair counts as one)."""
    return field.removesuffix("_en").removesuffix("_zh") + ("_*" if field.endswith(("_en", "_zh")) else "")


def test_every_code_has_both_texts_with_the_same_placeholders() -> None:
    mismatched = {}
    for code, (english, chinese) in MESSAGES.items():
        assert english.strip() and chinese.strip(), code
        if {same_value(f) for f in placeholders(english)} != {same_value(f) for f in placeholders(chinese)}:
            mismatched[code] = (sorted(placeholders(english)), sorted(placeholders(chinese)))
    assert mismatched == {}


def test_the_parity_check_sees_a_placeholder_in_one_language_only() -> None:
    assert placeholders("{name}的执法证自{issue}起生效，{day}尚未生效。") == {"name", "issue", "day"}
    assert placeholders("valid from {issue}.") == {"issue"}
    assert placeholders("a literal {{brace}}") == set()
    assert same_value("status_en") == same_value("status_zh") != same_value("status")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_certificate_not_yet_valid_message_names_the_day(language: str) -> None:
    error = UserError("staff.certificate_not_yet_valid", name="王明", number="JC0001",
                      issue="2027-01-01", expiry="2030-01-01", day="2026-12-03")
    assert "2026-12-03" in error.message(language)
