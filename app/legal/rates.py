"""Rates and money for reports: Decimal, rounded half-up (DOMAIN A2, A3).

Python's round() rounds half to even; official figures round half up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NOT_APPLICABLE = "—"  # shown when a rate has no denominator


def percent(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    """numerator / denominator × 100, two places, half-up; None when the denominator is 0."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(CENT, rounding=ROUND_HALF_UP)


def format_percent(rate: Decimal | None) -> str:
    return NOT_APPLICABLE if rate is None else f"{rate}%"


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def yuan_to_fen(yuan: Decimal | str | int) -> int:
    """Yuan as typed (at most two places) to integer fen; more places are refused."""
    value = Decimal(str(yuan).replace(",", "").strip())
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{yuan} has more than two decimal places")
    return int(fen)


def fen_to_wan_yuan(fen: int) -> Decimal:
    """万元, two places, half-up (523.3万元 for 5,233,000.00 yuan)."""
    return (Decimal(fen) / 1_000_000).quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(fen: int | None) -> str:
    """¥ with thousands separators and two decimals, e.g. 12,345.60."""
    if fen is None:
        return ""
    return f"{fen_to_yuan(fen):,.2f}"
