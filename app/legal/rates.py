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


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
_GROUPS = ("", "万", "亿", "万亿")


def _four_digits_in_words(n: int) -> str:
    """1 ≤ n ≤ 9999 in capital numerals; zeros inside collapse to one 零, none at the end."""
    words, zero = "", False
    for value, place in _PLACES:
        digit = n // value % 10
        if digit == 0:
            zero = zero or bool(words)
            continue
        if zero:
            words += "零"
            zero = False
        words += _DIGITS[digit] + place
    return words


def yuan_in_words(fen: int) -> str:
    """An amount in fen in the capital numerals of official documents (人民币大写):
    2,000,000 fen → 贰万元整, 1,300,050 → 壹万叁仟元伍角, 105 → 壹元零伍分."""
    if isinstance(fen, bool) or not isinstance(fen, int) or fen < 0:
        raise ValueError(f"not an amount in fen: {fen!r}")
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    groups = []
    while yuan:
        yuan, group = divmod(yuan, 10_000)
        groups.append(group)
    if len(groups) > len(_GROUPS):
        raise ValueError(f"amount too large: {fen}")
    words, gap = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = gap or bool(words)
            continue
        if words and (gap or group < 1000):
            words += "零"
        gap = False
        words += _four_digits_in_words(group) + _GROUPS[index]
    if words:
        words += "元"
    if jiao == 0 and fen_digit == 0:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    if fen_digit:
        words += _DIGITS[fen_digit] + "分"
    return words
