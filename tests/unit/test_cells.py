"""The one cell-parser set (app/spreadsheets/cells.py): properties over many values (hypothesis)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.spreadsheets import cells


@dataclass(frozen=True)
class Col:
    field: str = "owed_fen"
    label: str = "欠薪金额（元）"


COL = Col()
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
amounts = st.decimals(min_value=0, max_value=cells.MAX_YUAN, places=2, allow_nan=False, allow_infinity=False)


def forms(amount: Decimal) -> list[object]:
    plain = f"{amount:.2f}"
    grouped = f"{amount:,.2f}"
    return [plain, grouped, f"¥{grouped}", f"{grouped}元", grouped.replace(",", "，") + "元",
            plain.translate(FULL_WIDTH), f" {plain} ", f"￥{plain}"]


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_every_accepted_form_of_an_amount_gives_the_same_fen(amount: Decimal) -> None:
    fen = int(amount * 100)
    for form in forms(amount):
        assert cells.money(form, COL) == fen, form
    if amount == amount.to_integral_value():
        assert cells.money(int(amount), COL) == fen


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True), st.integers(),
                 st.decimals(allow_nan=True, allow_infinity=True), st.booleans(), st.none()))
def test_money_never_raises_anything_but_a_user_error(value: object) -> None:
    try:
        fen = cells.money(value, COL)
    except UserError as err:
        assert err.code.startswith("money.") and err.field == "owed_fen"
        return
    assert fen is None or (isinstance(fen, int) and 0 <= fen <= cells.MAX_FEN)


@pytest.mark.parametrize(("value", "code"), [
    ("1e30", "money.invalid"), (1e30, "money.too_large"), (float("inf"), "money.invalid"), ("Infinity", "money.invalid"),
    ("NaN", "money.invalid"), (float("nan"), "money.invalid"), ("-5", "money.negative"), (-5, "money.negative"),
    ("12.345", "money.too_many_decimals"), (12.345, "money.too_many_decimals"), ("10000000001", "money.too_large"),
    ("1,00", "money.invalid"), ("一千", "money.invalid"), (True, "money.invalid"),
])
def test_refused_amounts(value: object, code: str) -> None:
    with pytest.raises(UserError) as caught:
        cells.money(value, COL)
    assert caught.value.code == code


def test_the_accepted_forms_of_the_issue() -> None:
    for form, fen in (("1000", 100000), ("1,000", 100000), ("1，234元", 123400), ("¥1,000", 100000),
                      ("1000.5", 100050), (1000.5, 100050), ("１０００", 100000)):
        assert cells.money(form, COL) == fen, form


DAY = Col("received_on", "登记日期")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2026, 12, 1)))
def test_a_date_in_every_written_form_reads_back(day: date) -> None:
    for form in (day.isoformat(), f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日",
                 day.strftime("%Y%m%d"), day.isoformat().translate(FULL_WIDTH)):
        assert cells.day(form, DAY) == day, form


@pytest.mark.parametrize("value", [1, "1900-01-01", "1949-12-31", 0, -3, float("inf"), "2023-02-30", "昨天"])
def test_implausible_or_impossible_dates_are_refused(value: object) -> None:
    with pytest.raises(UserError) as caught:
        cells.day(value, DAY)
    assert caught.value.code in ("date.too_early", "import.bad_value")


def test_a_registration_after_today_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        cells.day("2030-01-01", DAY, not_after_today=True, today=date(2026, 12, 2))
    assert caught.value.code == "date.in_future"


NAME = Col("name", "姓名")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20))
def test_zero_width_characters_are_removed_and_bidi_controls_refused(typed: str) -> None:
    try:
        result = cells.text(typed, NAME)
    except UserError as err:
        assert err.code == "import.bidi_control"
        assert any(ch in cells.BIDI_CONTROLS for ch in typed)
        return
    assert not any(ch in cells.BIDI_CONTROLS for ch in typed)
    assert result is None or not any(ch in cells.ZERO_WIDTH for ch in result)


def test_zero_width_in_a_name() -> None:
    assert cells.text("张\u200b伟\ufeff", NAME) == "张伟"
    with pytest.raises(UserError):
        cells.text("张\u202e伟", NAME)


ID = Col("id_no", "身份证号")


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[0-9]{17}[0-9X]\Z"))
def test_full_width_id_numbers_read_as_ordinary(number: str) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert cells.number_text(wide, ID) == number
    assert unicodedata.normalize("NFKC", wide) == number


def test_an_id_number_stored_as_a_float_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        cells.number_text(1.10105194912310e17, ID)
    assert caught.value.code == "import.number_as_numeric"
