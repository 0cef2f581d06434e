"""Identity numbers: 居民身份证号 (GB 11643) and 统一社会信用代码 (GB 32100).

The checksums come from python-stdnum; we add what it lacks (a birth date in
the future, DOMAIN A2) and turn its exceptions into messages a clerk can act on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from app.clock import bureau_today
from app.errors import UserError

SEX_MALE = "M"
SEX_FEMALE = "F"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


# GB/T 2260 provinces, plus 71/81/82/83 (Taiwan, Hong Kong, Macao residence
# permits) and 91 (new-format foreigners' permanent residence card).
_PROVINCE_CODES = frozenset(
    ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83", "91"]
)


@dataclass(frozen=True)
class PersonalId:
    number: str
    birth_date: date
    sex: str  # "M" or "F"


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


def _ordinary(value: str) -> str:
    """Full-width digits and letters as ordinary ones (NFKC), zero-width characters gone:
    ５２０１０２… is the same person as 520102…."""
    return unicodedata.normalize("NFKC", value or "").translate(str.maketrans("", "", _INVISIBLE))


def normalise_id_no(value: str) -> str:
    return re.sub(r"[\s-]", "", _ordinary(value)).upper()


def validate_id_no(value: str, *, today: date | None = None, field: str = "id_no") -> PersonalId:
    """Validate a resident ID number; lower-case x becomes X."""
    number = normalise_id_no(value)
    if not number:
        raise UserError("id_no.required", field=field)
    if len(number) != 18:
        raise UserError("id_no.length", field=field, length=len(number))
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise UserError("id_no.format", field=field)
    # The birth date first: a clerk who fixes the check character of a number with
    # an impossible birth date would otherwise be told of a second error afterwards.
    try:
        birth = ric.get_birth_date(number)
    except stdnum_errors.ValidationError as exc:
        raise UserError("id_no.birth_date", field=field) from exc
    if birth > (today or bureau_today()):
        raise UserError("id_no.birth_future", field=field)
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise UserError("id_no.checksum", field=field, expected=expected)
    # Only the province is checked: the county part is where the number was
    # issued (often decades after birth, sometimes in a district newer than
    # stdnum's table), so stdnum's county-at-birth-year check refuses real people.
    if number[:2] not in _PROVINCE_CODES:
        raise UserError("id_no.region", field=field)
    sex = SEX_MALE if int(number[16]) % 2 == 1 else SEX_FEMALE
    return PersonalId(number=number, birth_date=birth, sex=sex)


def normalise_uscc(value: str) -> str:
    return re.sub(r"[\s-]", "", _ordinary(value)).upper()


def validate_uscc(value: str, *, field: str = "uscc") -> str:
    code = normalise_uscc(value)
    if not code:
        raise UserError("uscc.required", field=field)
    if len(code) != 18:
        raise UserError("uscc.length", field=field, length=len(code))
    if any(ch not in _USCC_ALPHABET for ch in code):
        raise UserError("uscc.format", field=field)
    expected = uscc.calc_check_digit(code)
    if code[17] != expected:
        raise UserError("uscc.checksum", field=field, expected=expected)
    try:
        return uscc.validate(code)
    except stdnum_errors.ValidationError as exc:
        raise UserError("uscc.format", field=field) from exc


_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8}|12345|95\d{3,6})$")


def normalise_phone(value: str, *, field: str = "phone") -> str:
    phone = re.sub(r"[\s()（）]", "", _ordinary(value))
    if phone and not _PHONE.match(phone):
        raise UserError("phone.format", field=field)
    return phone
