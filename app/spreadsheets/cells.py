"""The cell parsers of every importer: text, numbers that must stay text, money, dates, yes/no, choices.

One set of accepted forms and one set of error codes for the parties,
complaints, arbitration and staff templates.  Each parser takes the cell's
value as the reader gives it (None, str, int, float, bool, datetime) and the
column it came from (anything with `.field` and `.label`), and returns the
value for the service or raises UserError naming the column.  A message
never repeats a personal value (an ID number or a phone number).

Choices written down in the templates' 说明 sheets and the README:
- Full-width digits and letters (ＡＢ１２, "１，２３４元") are read as their
  ordinary forms (Unicode NFKC) in ID numbers, credit codes, phones and amounts.
- Zero-width characters (U+200B–U+200F, U+2060, U+FEFF), which come along
  with text copied from web pages and chat programs, are removed from every
  text cell; bidirectional overrides and isolates (U+202A–U+202E,
  U+2066–U+2069), which make text show differently from what it is, are
  refused.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from app.clock import bureau_today
from app.errors import UserError

MAX_YUAN = 10_000_000_000  # 100亿元: no wage claim or arrears comes near it
MAX_FEN = MAX_YUAN * 100
EARLIEST_CASE_DATE = date(1950, 1, 1)  # a registration, receipt or payment before it is a typing error
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
_EXCEL_SERIAL_MAX = 2958465  # 9999-12-31

ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH_TABLE = str.maketrans("", "", ZERO_WIDTH)
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


COMMON_NOTES = (
    "金额：可写 1000、1,000、1，234元、¥1,000、1000.5 或数字单元格，全角数字也可；最多两位小数，不能为负数，不能超过100亿元。",
    "日期：Excel日期，或 2023-03-01、2023/3/1、2023年3月1日、20230301；早于1950年的日期、晚于今天的登记（收件）日期不予导入。",
    "身份证号、统一社会信用代码、电话中的全角数字和字母按半角读取（如“５２０１…”即“5201…”）。",
    "姓名和文字中的零宽字符（复制网页或聊天记录时常带入）自动删除；改变文字显示方向的控制字符（如U+202E）不予导入，请重新输入。",
    "身份证号已在当事人库中登记的，本行姓名必须与库中姓名一致，否则该行不予导入（提示两个姓名，身份证号打码显示）。",
    "同一文件（内容完全相同）再次导入时会被拒绝，并提示首次导入的时间和操作人；确需再次导入的，命令行加 --again，窗口中确认即可。",
)


class ColumnLike(Protocol):
    @property
    def field(self) -> str: ...

    @property
    def label(self) -> str: ...


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.translate(_ZERO_WIDTH_TABLE).strip())


def bad(column: ColumnLike, value: Any) -> UserError:
    shown = value.strftime("%Y-%m-%d") if isinstance(value, datetime | date) else value
    return UserError("import.bad_value", field=column.field, column=column.label, value=shown)


def clean_text(text: str, column: ColumnLike) -> str:
    """Zero-width characters removed; bidirectional controls refused; outer spaces stripped."""
    if _BIDI.search(text):
        raise UserError("import.bidi_control", field=column.field, column=column.label)
    return text.translate(_ZERO_WIDTH_TABLE).strip()


# ---------------------------------------------------------------- text
def text(value: Any, column: ColumnLike, *, keeps_digits: bool | None = None) -> str | None:
    """A text cell.  `keeps_digits` (default: the column's `text` flag, a column formatted as text):
    a long number (ID, credit code, phone) that Excel stored as a floating-point number has lost
    its last digits and is refused."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise bad(column, value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel keeps 15 significant digits: a longer number typed into a
        # number cell has already lost its last digits.
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if keeps_digits or (keeps_digits is None and getattr(column, "text", False)):
            raise UserError("import.number_as_numeric", field=column.field, column=column.label)
        return repr(value)
    if isinstance(value, datetime | date):
        raise bad(column, value)
    return clean_text(str(value), column) or None


def number_text(value: Any, column: ColumnLike) -> str | None:
    """An ID number, credit code or phone: full-width forms made ordinary (NFKC), spaces removed."""
    raw = text(value, column, keeps_digits=True)
    if raw is None:
        return None
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", raw)) or None


# ---------------------------------------------------------------- money
_AMOUNT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_CURRENCY = re.compile(r"^(?:¥|RMB|CNY|人民币)|(?:元|圆|RMB|CNY)$", re.IGNORECASE)


def money(value: Any, column: ColumnLike, *, negative: bool = False) -> int | None:
    """Yuan as typed or stored, to integer fen.

    Accepted: 1000, 1,000, 1，234元, ¥1,000, ￥１０００, 1000.5, 1000.50, and a
    number cell.  Refused: more than two decimals, exponents, Infinity, NaN,
    a negative amount (unless `negative`), anything over `MAX_YUAN`."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise UserError("money.invalid", field=column.field, value=str(value))
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise UserError("money.invalid", field=column.field, value=repr(value))
        amount = Decimal(repr(value))  # the shortest decimal that is this double: 3000.5, not 3000.4999…
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        amount = _amount_text(value, column)
    else:
        raise UserError("money.invalid", field=column.field, value=str(value)[:40])
    if not amount.is_finite():
        raise UserError("money.invalid", field=column.field, value=str(value)[:40])
    if amount < 0 and not negative:
        raise UserError("money.negative", field=column.field)
    if abs(amount) > MAX_YUAN:
        raise UserError("money.too_large", field=column.field, limit=f"{MAX_YUAN:,}")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise UserError("money.too_many_decimals", field=column.field, value=str(value)[:40])
    return int(amount * 100)


def _amount_text(value: str, column: ColumnLike) -> Decimal:
    typed = clean_text(unicodedata.normalize("NFKC", value), column)
    shown = typed[:40]
    plain = re.sub(r"\s", "", typed)
    plain = _CURRENCY.sub("", _CURRENCY.sub("", plain))
    match = _AMOUNT.match(plain)
    if match is None:
        raise UserError("money.invalid", field=column.field, value=shown)
    decimals = match.group(1)
    if decimals is not None and len(decimals.rstrip("0")) > 2:
        raise UserError("money.too_many_decimals", field=column.field, value=shown)
    digits = plain.replace(",", "")
    if len(digits.split(".")[0].lstrip("+-")) > 15:
        raise UserError("money.too_large", field=column.field, limit=f"{MAX_YUAN:,}")
    try:
        return Decimal(digits)
    except InvalidOperation:
        raise UserError("money.invalid", field=column.field, value=shown) from None


# ---------------------------------------------------------------- dates
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def day(
    value: Any,
    column: ColumnLike,
    *,
    earliest: date = EARLIEST_CASE_DATE,
    not_after_today: bool = False,
    today: date | None = None,
) -> date | None:
    """A date cell, an Excel serial day number, or text such as 2023-03-01, 2023/3/1, 2023年3月1日, 20230301.

    Refused when it is not a date, before `earliest`, or (`not_after_today`)
    after today: an Excel serial of 1 is 1900-01-01, a typing error."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise bad(column, value)
    found: date | None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float):
        if not (math.isfinite(value) and 1 <= value <= _EXCEL_SERIAL_MAX):
            raise bad(column, value)
        from openpyxl.utils.datetime import from_excel

        converted = from_excel(value)
        found = converted.date() if isinstance(converted, datetime) else converted
    else:
        typed = re.sub(r"\s", "", unicodedata.normalize("NFKC", clean_text(str(value), column)))
        match = _DATE_TEXT.match(typed) or _DATE_DIGITS.match(typed)
        found = None
        if match:
            try:
                found = date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                found = None
        if found is None:
            raise bad(column, typed[:40])
    if found < earliest:
        raise UserError("date.too_early", field=column.field, column=column.label, date=found.isoformat(),
                        earliest=earliest.isoformat())
    if not_after_today and found > (today or bureau_today()):
        raise UserError("date.in_future", field=column.field, column=column.label, date=found.isoformat())
    return found


def birth_day(value: Any, column: ColumnLike) -> date | None:
    return day(value, column, earliest=EARLIEST_BIRTH_DATE, not_after_today=True)


# ---------------------------------------------------------------- yes/no, choices
def yes_no(value: Any, column: ColumnLike) -> bool | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    typed = re.sub(r"\s", "", unicodedata.normalize("NFKC", clean_text(str(value), column))).lower()
    if typed in {"是", "y", "yes", "true", "1", "√", "✓"}:
        return True
    if typed in {"否", "n", "no", "false", "0", "×"}:
        return False
    raise bad(column, value)


def choice(
    by_label: Mapping[str, str], *, pass_unknown: bool = False
) -> Callable[[Any, ColumnLike], str | None]:
    """A drop-down column: the label (spaces ignored) to its code.  An unknown label is refused
    (`import.bad_value`), or with `pass_unknown` passed on as typed for the service's own message."""

    def convert(value: Any, column: ColumnLike) -> str | None:
        typed = text(value, column)
        if typed is None:
            return None
        key = re.sub(r"\s", "", typed)
        if key in by_label:
            return by_label[key]
        if pass_unknown:
            return typed
        raise bad(column, typed)

    return convert
