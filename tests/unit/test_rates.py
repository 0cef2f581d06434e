"""Rates round half-up on Decimal; empty denominators show as —; money stays exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.legal.rates import (
    fen_to_wan_yuan,
    format_percent,
    format_yuan,
    percent,
    yuan_in_words,
    yuan_to_fen,
)
from app.store.types import ScaledDecimal


def test_compliance_example_from_the_domain() -> None:
    assert percent(63, 66) == Decimal("95.45")
    assert percent(21, 22) == Decimal("95.45")
    assert percent(126, 22 * 6) == Decimal("95.45")


def test_half_up_not_bankers_rounding() -> None:
    # 1/8 = 12.5 % exactly; 0.125 % needs half-up at the third place
    assert percent(1, 800) == Decimal("0.13")  # round() would give 0.12
    assert percent(0, 5) == Decimal("0.00")


def test_no_denominator_is_a_dash() -> None:
    assert percent(0, 0) is None
    assert format_percent(None) == "—"
    assert format_percent(percent(17, 17)) == "100.00%"


def test_money() -> None:
    assert yuan_to_fen("5,233,000.00") == 523_300_000
    assert fen_to_wan_yuan(523_300_000) == Decimal("523.30")
    assert fen_to_wan_yuan(496_536_999) == Decimal("496.54")
    assert format_yuan(1_234_560) == "12,345.60"
    with pytest.raises(ValueError):
        yuan_to_fen("1.005")


def test_scaled_decimal_is_exact_and_refuses_extra_places() -> None:
    hours = ScaledDecimal(1)
    assert hours.process_bind_param(Decimal("2.5"), None) == 25
    assert hours.process_result_value(25, None) == Decimal("2.5")
    with pytest.raises(ValueError):
        hours.process_bind_param(Decimal("2.55"), None)


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (105, "壹元零伍分"),
        (1_000, "壹拾元整"),
        (100_100, "壹仟零壹元整"),
        (101_000, "壹仟零壹拾元整"),
        (2_000_000, "贰万元整"),
        (1_300_050, "壹万叁仟元伍角"),
        (2_000_050, "贰万元伍角"),
        (10_050_000, "壹拾万零伍佰元整"),
        (12_345_678_99, "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角玖分"),
        (100_000_000_00, "壹亿元整"),
        (100_010_000_00, "壹亿零壹万元整"),
        (100_001_000_00, "壹亿零壹仟元整"),
    ],
)
def test_yuan_in_words(fen: int, words: str) -> None:
    assert yuan_in_words(fen) == words


@pytest.mark.parametrize("bad", [-1, 1.5, True, "100"])
def test_yuan_in_words_refuses_what_is_not_fen(bad: object) -> None:
    with pytest.raises(ValueError):
        yuan_in_words(bad)
