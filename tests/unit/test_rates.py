"""Rates round half-up on Decimal; empty denominators show as —; money stays exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.legal.rates import fen_to_wan_yuan, format_percent, format_yuan, percent, yuan_to_fen
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
    assert hours.process_bind_param(Decimal("2.5"), None) == 25  # type: ignore[arg-type]
    assert hours.process_result_value(25, None) == Decimal("2.5")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        hours.process_bind_param(Decimal("2.55"), None)  # type: ignore[arg-type]
