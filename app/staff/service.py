"""执法人员: the enforcement staff roster and their certificates (DOMAIN B §7).

The rules other areas rely on live in this package and nowhere else:

- `certificate_valid_on(cert, day)` (`rules`): stored status 有效 and issue
  date <= day <= expiry date, both ends inclusive.  Expiry is never stored:
  过期 is derived from the date (`display_status`).
- `StaffService.officers_valid_on(day, category)` and
  `StaffService.check_assignable(officer_id, day, category)` (`queries`): who
  may be sent to enforce on a date, and why someone may not (a UserError in
  the user's language: 证件已过期（2023-05-01到期）, 证件被暂扣, 执法证类别为安全
  生产，不能承办劳动保障监察案件, 不在编 …).  With `blank_counts=True` a
  certificate whose category was left blank serves for any category (roster
  data often leaves it empty); one with another category never does.
- `StaffService.count_certified_on(day)`: the yearly report's "persons holding
  a valid enforcement certificate on 31 December" (DOMAIN A3).

The package: `rules` (statuses, labels, categories), `rows` (what lists show),
`fields` (checking what a clerk or a file gives), `queries` (reads) and
`commands` (writes and the import); the service joins the two halves and this
module keeps the names other code imports.
"""

from __future__ import annotations

from app.accounts.actor import Actor
from app.staff.commands import StaffCommands
from app.staff.fields import clean_certificate, clean_officer, clean_review
from app.staff.queries import StaffQueries
from app.staff.rows import (
    CertificateRow,
    OfficerDetail,
    OfficerRow,
    PublicEntry,
    ReviewRow,
    certificate_row,
    review_row,
)
from app.staff.rules import (
    CATEGORY_SEPARATOR,
    CERT_TYPE_LABELS_ZH,
    NAME_LIMIT,
    NUMBER_LIMIT,
    REVIEW_LABELS_ZH,
    REVIEW_RESULTS,
    SORTABLE,
    STAFFING_LABELS_ZH,
    STATUS_LABELS_ZH,
    TEXT_LIMIT,
    WARNING_DAYS,
    DisplayStatus,
    RosterFilter,
    category_matches,
    certificate_valid_on,
    display_status,
    expires_soon,
    normalise_category,
)
from app.store.engine import Store

__all__ = [
    "CATEGORY_SEPARATOR",
    "CERT_TYPE_LABELS_ZH",
    "NAME_LIMIT",
    "NUMBER_LIMIT",
    "REVIEW_LABELS_ZH",
    "REVIEW_RESULTS",
    "SORTABLE",
    "STAFFING_LABELS_ZH",
    "STATUS_LABELS_ZH",
    "TEXT_LIMIT",
    "WARNING_DAYS",
    "CertificateRow",
    "DisplayStatus",
    "OfficerDetail",
    "OfficerRow",
    "PublicEntry",
    "ReviewRow",
    "RosterFilter",
    "StaffService",
    "category_matches",
    "certificate_row",
    "certificate_valid_on",
    "clean_certificate",
    "clean_officer",
    "clean_review",
    "display_status",
    "expires_soon",
    "normalise_category",
    "review_row",
]


class StaffService(StaffQueries, StaffCommands):
    """The roster: its reads (`StaffQueries`) and writes (`StaffCommands`) for one actor."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
