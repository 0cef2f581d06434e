"""ID numbers and credit codes: python-stdnum's checks plus ours, with clear reasons."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from app.errors import UserError
from app.legal.identity import normalise_phone, validate_id_no, validate_uscc


def with_check(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


def test_valid_number_gives_birth_date_and_sex() -> None:
    person = validate_id_no("110105194912310021".replace("21", "2X")[:17] + "X")
    assert person.number == "11010519491231002X"
    assert person.birth_date == date(1949, 12, 31)
    assert person.sex == "F"  # sequence 002: even


def test_lower_case_x_is_stored_upper_case() -> None:
    assert validate_id_no("11010519491231002x").number == "11010519491231002X"


def test_odd_sequence_is_male() -> None:
    assert validate_id_no(with_check("52010219900307001")).sex == "M"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "id_no.required"),
        ("1101051949123100", "id_no.length"),
        ("11010519491231002Y", "id_no.format"),
        ("110105194912310021", "id_no.checksum"),
        (with_check("11010519490231001"), "id_no.birth_date"),  # 31 February
        (with_check("99010519900101001"), "id_no.region"),
    ],
)
def test_bad_numbers_are_refused_with_their_reason(number: str, code: str) -> None:
    with pytest.raises(UserError) as caught:
        validate_id_no(number)
    assert caught.value.code == code
    assert caught.value.field == "id_no"


def test_checksum_message_names_the_expected_character() -> None:
    with pytest.raises(UserError) as caught:
        validate_id_no("110105194912310021")
    assert caught.value.message("zh_CN") == "身份证号校验位错误（应为X）。"


def test_an_impossible_birth_date_is_reported_before_a_wrong_check_character() -> None:
    # 520102199002301234: 30 February and a wrong check character.  The clerk must hear
    # of the date first, not fix the check character and then be told the date is wrong.
    with pytest.raises(UserError) as caught:
        validate_id_no("520102199002301234")
    assert caught.value.code == "id_no.birth_date"


def test_birth_date_in_the_future_is_refused() -> None:
    number = with_check("11010520300101001")
    with pytest.raises(UserError) as caught:
        validate_id_no(number, today=date(2026, 11, 29))
    assert caught.value.code == "id_no.birth_future"
    # the same number is fine for someone checking in 2031
    assert validate_id_no(number, today=date(2031, 1, 1)).birth_date == date(2030, 1, 1)


@given(
    region=st.sampled_from(["110105", "520102", "522101", "310104"]),
    born=st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 12, 31)),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_every_well_formed_number_validates(region: str, born: date, sequence: int) -> None:
    number = with_check(f"{region}{born:%Y%m%d}{sequence:03d}")
    person = validate_id_no(number)
    assert person.birth_date == born
    assert person.sex == ("M" if sequence % 2 else "F")


def test_credit_code_valid_and_normalised() -> None:
    assert validate_uscc(" 91110000600037341l ") == "91110000600037341L"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("", "uscc.required"),
        ("9111000060003734", "uscc.length"),
        ("91110000600037341I", "uscc.format"),
        ("91110000600037341A", "uscc.checksum"),
    ],
)
def test_bad_credit_codes(code: str, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        validate_uscc(code)
    assert caught.value.code == expected


def test_credit_code_check_character_matches_stdnum() -> None:
    body = "91520102MA6DL2Q1X"
    assert validate_uscc(body + uscc.calc_check_digit(body)).startswith(body)


@pytest.mark.parametrize("phone", ["13812345678", "0851-85551234", "12345", "138 1234 5678"])
def test_phones_accepted(phone: str) -> None:
    assert normalise_phone(phone)


def test_bad_phone_refused() -> None:
    with pytest.raises(UserError) as caught:
        normalise_phone("12")
    assert caught.value.code == "phone.format"
