"""Masking of personal data (DOMAIN A5, B §8): the one function everything uses."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from enum import StrEnum


class Sensitive(StrEnum):
    ID_NO = "id_no"
    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    ADDRESS = "address"
    NAME = "name"


def mask(kind: Sensitive | str, value: str | None) -> str:
    """Mask one value for display, export, documents and logs."""
    if not value:
        return ""
    kind = Sensitive(kind)
    if kind is Sensitive.ID_NO:
        if len(value) <= 10:
            return "*" * len(value)
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    if kind is Sensitive.PHONE:
        digits = value
        if len(digits) == 11 and digits.startswith("1"):
            return digits[:3] + "****" + digits[-4:]
        if len(digits) <= 4:
            return "*" * len(digits)
        return "*" * (len(digits) - 4) + digits[-4:]
    if kind is Sensitive.BANK_ACCOUNT:
        return "****" + value[-4:] if len(value) > 4 else "****"
    if kind is Sensitive.ADDRESS:
        return _mask_address(value)
    if kind is Sensitive.NAME:
        return value[0] + "*" * max(1, len(value) - 1)
    raise AssertionError(kind)  # pragma: no cover


def keyed_digest(key: bytes, value: str) -> str:
    """HMAC-SHA-256 of a personal value under the database's audit key (32 hex digits): equal
    values give equal digests, so an audit entry can show *that* an ID number changed, and a
    value can be checked against it, without holding the value."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def protected(kind: Sensitive | str, value: str, key: bytes) -> dict[str, str]:
    """A personal value as an audit entry keeps it: masked, plus its keyed digest."""
    return {"masked": mask(kind, value), "hmac": keyed_digest(key, value)}


# Keep the address down to district/county or street level.
_ADDRESS_CUT = re.compile(
    r"^(.*?省)?(.*?(?:自治州|市|盟|地区))?(.*?(?:区|县|旗|市))?(.*?(?:街道|镇|乡))?"
)


def _mask_address(value: str) -> str:
    match = _ADDRESS_CUT.match(value)
    kept = "".join(g for g in match.groups() if g) if match else ""
    if not kept:
        kept = value[:6]
    if len(kept) >= len(value):
        kept = value[: max(1, len(value) // 2)]
    return kept + "****"


# Things that look like an ID number or a mobile phone, wherever they appear.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE_LIKE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def scrub(text: str) -> str:
    """Mask ID-number-like and mobile-number-like runs in free text."""
    text = _ID_LIKE.sub(lambda m: m.group(1) + "********" + m.group(3)[-4:], text)
    return _MOBILE_LIKE.sub(lambda m: m.group(1) + "****" + m.group(3), text)


class ScrubbingFilter(logging.Filter):
    """A logging filter that keeps personal numbers out of every log line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Formatted later by the handler; scrub it now and drop the original.
            import traceback

            record.exc_text = scrub("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        return True
