"""执法人员: the rules on certificates other areas rely on (DOMAIN B §7).

- `certificate_valid_on(cert, day)`: stored status 有效 and issue date <= day
  <= expiry date, both ends inclusive.  Expiry is never stored: 过期 is
  derived from the date (`display_status`).
- `category_matches`: whether a certificate serves for a category of
  enforcement; with `blank_counts=True` one whose category was left blank
  serves for any category (roster data often leaves it empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from app.staff.models import CertificateStatus, CertificateType, StaffingType

WARNING_DAYS = 60  # 到期提醒: warn this many days before a certificate expires
NAME_LIMIT = 50
TEXT_LIMIT = 100
NUMBER_LIMIT = 64
SORTABLE = ("name", "id", "expiry")
CATEGORY_SEPARATOR = "、"


class DisplayStatus(StrEnum):
    """What a list shows for a certificate on a day: the stored status, or 过期 / 未生效 derived."""

    VALID = "valid"  # 有效
    SUSPENDED = "suspended"  # 暂扣
    CANCELLED = "cancelled"  # 注销
    WITHDRAWN = "withdrawn"  # 收回
    EXPIRED = "expired"  # 过期
    NOT_YET_VALID = "not_yet_valid"  # 未生效 (issue date after the day)
    NONE = "none"  # 无证


STATUS_LABELS_ZH: dict[str, str] = {
    DisplayStatus.VALID.value: "有效",
    DisplayStatus.SUSPENDED.value: "暂扣",
    DisplayStatus.CANCELLED.value: "注销",
    DisplayStatus.WITHDRAWN.value: "收回",
    DisplayStatus.EXPIRED.value: "过期",
    DisplayStatus.NOT_YET_VALID.value: "未生效",
    DisplayStatus.NONE.value: "无证",
}
CERT_TYPE_LABELS_ZH: dict[str, str] = {
    CertificateType.ADMIN_ENFORCEMENT.value: "行政执法证",
    CertificateType.LABOUR_INSPECTION.value: "劳动保障监察证",
    CertificateType.SUPERVISION.value: "执法监督证",
}
STAFFING_LABELS_ZH: dict[str, str] = {
    StaffingType.CIVIL_SERVANT.value: "行政编制",
    StaffingType.MANAGED_AS_CIVIL_SERVANT.value: "参公",
    StaffingType.INSTITUTION.value: "事业编制",
    StaffingType.OTHER.value: "其他",
}
REVIEW_RESULTS = ("passed", "failed")
REVIEW_LABELS_ZH = {"passed": "合格", "failed": "不合格"}


class RosterFilter(StrEnum):
    ALL = "all"
    VALID = "valid"  # holds a certificate valid on the day
    EXPIRING = "expiring"  # valid, but its best certificate expires within WARNING_DAYS
    EXPIRED = "expired"  # the best certificate has passed its expiry date
    NO_VALID = "no_valid"  # nothing valid on the day (expired, suspended, none at all)


# ---------------------------------------------------------------- the rules
def certificate_valid_on(cert: Any, day: date) -> bool:
    """Stored status 有效 and issue_date <= day <= expiry_date (both ends inclusive)."""
    return (
        cert.status == CertificateStatus.VALID.value
        and cert.issue_date is not None
        and cert.expiry_date is not None
        and cert.issue_date <= day <= cert.expiry_date
    )


def display_status(cert: Any | None, day: date) -> str:
    """有效/暂扣/注销/收回 as stored, 过期 when the day is past the expiry date."""
    if cert is None:
        return DisplayStatus.NONE.value
    if cert.status != CertificateStatus.VALID.value:
        return str(cert.status)
    if day > cert.expiry_date:
        return DisplayStatus.EXPIRED.value
    if day < cert.issue_date:
        return DisplayStatus.NOT_YET_VALID.value
    return DisplayStatus.VALID.value


def expires_soon(cert: Any | None, day: date, days: int = WARNING_DAYS) -> bool:
    """Valid on `day` and expiring within `days` days of it (the 60-day warning)."""
    return cert is not None and certificate_valid_on(cert, day) and (cert.expiry_date - day).days <= days


def normalise_category(value: str | None) -> str:
    """"劳动保障监察, 劳动用工" → "劳动保障监察、劳动用工" (one separator, no blanks)."""
    parts = [p for p in re.split(r"[、,，;；/\s]+", str(value or "")) if p]
    return CATEGORY_SEPARATOR.join(dict.fromkeys(parts))


def category_matches(cert_category: str | None, wanted: str | None, *, blank_counts: bool = False) -> bool:
    """Whether a certificate of `cert_category` serves for `wanted` (any certificate when not given).

    Categories are whole words of the 、-separated list.  `blank_counts`: a
    certificate whose category was left blank serves for every category."""
    if not wanted:
        return True
    held = normalise_category(cert_category)
    if not held:
        return blank_counts
    return wanted.strip() in held.split(CATEGORY_SEPARATOR)



def sorted_certificates(certificates: Iterable[Any], day: date) -> list[Any]:
    """The same order as the SQL best-certificate choice: valid first, latest expiry, newest."""
    return sorted(
        certificates,
        key=lambda c: (certificate_valid_on(c, day), c.expiry_date, c.id or 0),
        reverse=True,
    )
