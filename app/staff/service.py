"""执法人员: the enforcement staff roster and their certificates (DOMAIN B §7).

The rules other areas rely on live here and nowhere else:

- `certificate_valid_on(cert, day)`: stored status 有效 and issue date <= day
  <= expiry date, both ends inclusive.  Expiry is never stored: 过期 is
  derived from the date (`display_status`).
- `StaffService.officers_valid_on(day, category)` and
  `StaffService.check_assignable(officer_id, day, category)`: who may be sent
  to enforce on a date, and why someone may not (a UserError in the user's
  language: 证件已过期（2023-05-01到期）, 证件被暂扣, 执法证类别为安全生产，不能
  承办劳动保障监察案件, 不在编 …).  With `blank_counts=True` a certificate
  whose category was left blank serves for any category (roster data often
  leaves it empty); one with another category never does.
- `StaffService.count_certified_on(day)`: the yearly report's "persons holding
  a valid enforcement certificate on 31 December" (DOMAIN A3).

An officer's "best" certificate (the one lists show) is chosen by one SQL
ordering: valid on the day first, then the latest expiry, then the newest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.imports import batches as import_batches
from app.imports.batches import ImportSource
from app.kernel.import_report import ImportReport, RowProblem
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.legal.identity import validate_id_no
from app.privacy import Sensitive, mask
from app.staff.models import (
    Certificate,
    CertificateReview,
    CertificateStatus,
    CertificateType,
    Officer,
    StaffingType,
)
from app.store.engine import Store

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


def _category_clause(column: ColumnElement[str], wanted: str, *, blank_counts: bool = False) -> ColumnElement[bool]:
    """SQL for `category_matches` (categories are stored normalised)."""
    sep = CATEGORY_SEPARATOR
    clauses = [
        column == wanted,
        column.startswith(wanted + sep, autoescape=True),
        column.endswith(sep + wanted, autoescape=True),
        column.contains(sep + wanted + sep, autoescape=True),
    ]
    if blank_counts:
        clauses += [column == "", column.is_(None)]
    return or_(*clauses)


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class ReviewRow:
    id: int
    version: int
    certificate_id: int
    year: int
    result: str
    reviewed_on: date | None
    note: str


@dataclass(frozen=True)
class CertificateRow:
    id: int
    version: int
    officer_id: int
    cert_type: str
    number: str
    issuing_authority: str
    issue_date: date
    expiry_date: date
    category: str
    status: str  # stored: valid | suspended | cancelled | withdrawn
    reviews: tuple[ReviewRow, ...] = ()

    def valid_on(self, day: date) -> bool:
        return certificate_valid_on(self, day)

    def display_status(self, day: date) -> str:
        return display_status(self, day)


@dataclass(frozen=True)
class OfficerRow:
    """An officer as lists see them: ID number masked, with the best certificate on `as_of`."""

    id: int
    version: int
    name: str
    sex: str | None
    birth_date: date | None
    id_no: str  # masked
    unit: str
    section: str
    post: str
    staffing_type: str
    has_legal_qualification: bool
    legal_qualification_no: str
    on_roster: bool
    as_of: date
    certificate: CertificateRow | None  # the best certificate on as_of (reviews not loaded)

    @property
    def status(self) -> str:
        """The display status of the best certificate on `as_of` (无证 without one)."""
        return display_status(self.certificate, self.as_of)

    @property
    def valid(self) -> bool:
        return self.certificate is not None and certificate_valid_on(self.certificate, self.as_of)

    @property
    def expiring(self) -> bool:
        return expires_soon(self.certificate, self.as_of)

    @property
    def days_left(self) -> int | None:
        if self.certificate is None:
            return None
        return (self.certificate.expiry_date - self.as_of).days


@dataclass(frozen=True)
class OfficerDetail:
    """One officer with all their certificates and reviews (for the form)."""

    officer: OfficerRow
    certificates: tuple[CertificateRow, ...]


@dataclass(frozen=True)
class PublicEntry:
    """One line of the 执法公示 roster: nothing personal (S20)."""

    name: str
    unit: str
    cert_type: str
    number: str
    category: str


def review_row(review: CertificateReview) -> ReviewRow:
    return ReviewRow(
        id=review.id,
        version=review.version,
        certificate_id=review.certificate_id,
        year=review.year,
        result=review.result,
        reviewed_on=review.reviewed_on,
        note=review.note or "",
    )


def certificate_row(cert: Certificate, *, with_reviews: bool = True) -> CertificateRow:
    return CertificateRow(
        id=cert.id,
        version=cert.version,
        officer_id=cert.officer_id,
        cert_type=cert.cert_type,
        number=cert.number,
        issuing_authority=cert.issuing_authority or "",
        issue_date=cert.issue_date,
        expiry_date=cert.expiry_date,
        category=cert.category or "",
        status=cert.status,
        reviews=tuple(review_row(r) for r in cert.reviews) if with_reviews else (),
    )


def _officer_row(values: Any, as_of: date, certificate: CertificateRow | None, *, full: bool = False) -> OfficerRow:
    return OfficerRow(
        id=values.id,
        version=values.version,
        name=values.name,
        sex=values.sex,
        birth_date=values.birth_date,
        id_no=(values.id_no or "") if full else mask(Sensitive.ID_NO, values.id_no),
        unit=values.unit or "",
        section=values.section or "",
        post=values.post or "",
        staffing_type=values.staffing_type,
        has_legal_qualification=bool(values.has_legal_qualification),
        legal_qualification_no=values.legal_qualification_no or "",
        on_roster=bool(values.on_roster),
        as_of=as_of,
        certificate=certificate,
    )


# ---------------------------------------------------------------- the roster query
_BestCert = aliased(Certificate, name="best_cert")
_OFFICER_COLUMNS = (
    Officer.id,
    Officer.version,
    Officer.name,
    Officer.sex,
    Officer.birth_date,
    Officer.id_no,
    Officer.unit,
    Officer.section,
    Officer.post,
    Officer.staffing_type,
    Officer.has_legal_qualification,
    Officer.legal_qualification_no,
    Officer.on_roster,
)
_CERT_COLUMNS = (
    _BestCert.id.label("cert_id"),
    _BestCert.version.label("cert_version"),
    _BestCert.cert_type.label("cert_type"),
    _BestCert.number.label("cert_number"),
    _BestCert.issuing_authority.label("cert_authority"),
    _BestCert.issue_date.label("cert_issue_date"),
    _BestCert.expiry_date.label("cert_expiry_date"),
    _BestCert.category.label("cert_category"),
    _BestCert.status.label("cert_status"),
)


def _valid_clause(cert: Any, day: date) -> ColumnElement[bool]:
    return and_(cert.status == CertificateStatus.VALID.value, cert.issue_date <= day, cert.expiry_date >= day)


def _best_certificate_id(day: date, category: str | None, *, blank_counts: bool = False) -> Any:
    """Correlated subquery: the id of the officer's best certificate (of `category`) on `day`."""
    statement = select(Certificate.id).where(Certificate.officer_id == Officer.id)
    if category:
        statement = statement.where(_category_clause(Certificate.category, category, blank_counts=blank_counts))
    return (
        statement.order_by(
            case((_valid_clause(Certificate, day), 1), else_=0).desc(),
            Certificate.expiry_date.desc(),
            Certificate.id.desc(),
        )
        .limit(1)
        .correlate(Officer)
        .scalar_subquery()
    )


def _row_maker(as_of: date, *, full: bool = False) -> Any:
    def make(values: Any) -> OfficerRow:
        cert = None
        if values.cert_id is not None:
            cert = CertificateRow(
                id=values.cert_id,
                version=values.cert_version,
                officer_id=values.id,
                cert_type=values.cert_type,
                number=values.cert_number,
                issuing_authority=values.cert_authority or "",
                issue_date=values.cert_issue_date,
                expiry_date=values.cert_expiry_date,
                category=values.cert_category or "",
                status=values.cert_status,
            )
        return _officer_row(values, as_of, cert, full=full)

    return make


# ---------------------------------------------------------------- validation
_OFFICER_FIELDS = (
    "name",
    "sex",
    "birth_date",
    "id_no",
    "unit",
    "section",
    "post",
    "staffing_type",
    "has_legal_qualification",
    "legal_qualification_no",
    "on_roster",
)
_CERT_FIELDS = ("cert_type", "number", "issuing_authority", "issue_date", "expiry_date", "category", "status")


def _text(fields: Mapping[str, Any], name: str, limit: int = TEXT_LIMIT) -> str:
    value = " ".join(str(fields.get(name) or "").split())
    if len(value) > limit:
        raise UserError("staff.text_too_long", field=name, limit=limit)
    return value


def _date(fields: Mapping[str, Any], name: str, *, required: bool) -> date | None:
    value = fields.get(name)
    if value in (None, ""):
        if required:
            raise UserError(f"staff.{name}_required", field=name)
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise UserError("staff.bad_date", field=name, value=value) from exc


def clean_officer(fields: Mapping[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Validate and normalise an officer's fields; raises UserError naming the field."""
    unknown = set(fields) - set(_OFFICER_FIELDS)
    if unknown:
        raise ValueError(f"unknown officer fields: {sorted(unknown)}")
    name = _text(fields, "name", NAME_LIMIT)
    if not name:
        raise UserError("staff.name_required", field="name")
    staffing = fields.get("staffing_type") or StaffingType.CIVIL_SERVANT.value
    try:
        staffing = StaffingType(staffing).value
    except ValueError as exc:
        raise UserError("staff.staffing_type_unknown", field="staffing_type", value=staffing) from exc
    raw_id = str(fields.get("id_no") or "").strip()
    cleaned: dict[str, Any] = {
        "name": name,
        "unit": _text(fields, "unit"),
        "section": _text(fields, "section"),
        "post": _text(fields, "post"),
        "staffing_type": staffing,
        "on_roster": bool(fields.get("on_roster", True)),
    }
    if raw_id:
        personal = validate_id_no(raw_id, today=today)
        cleaned.update(id_no=personal.number, sex=personal.sex, birth_date=personal.birth_date)
    else:
        sex = fields.get("sex") or None
        if sex not in (None, "M", "F"):
            raise UserError("staff.bad_sex", field="sex", value=sex)
        birth = _date(fields, "birth_date", required=False)
        if birth is not None and birth > (today or bureau_today()):
            raise UserError("id_no.birth_future", field="birth_date")
        cleaned.update(id_no=None, sex=sex, birth_date=birth)
    number = _text(fields, "legal_qualification_no", NUMBER_LIMIT).replace(" ", "")
    cleaned["legal_qualification_no"] = number or None
    # A number given means the qualification is held.
    cleaned["has_legal_qualification"] = bool(fields.get("has_legal_qualification")) or bool(number)
    return cleaned


def clean_certificate(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(_CERT_FIELDS)
    if unknown:
        raise ValueError(f"unknown certificate fields: {sorted(unknown)}")
    cert_type = fields.get("cert_type") or CertificateType.ADMIN_ENFORCEMENT.value
    try:
        cert_type = CertificateType(cert_type).value
    except ValueError as exc:
        raise UserError("staff.cert_type_unknown", field="cert_type", value=cert_type) from exc
    number = re.sub(r"\s", "", str(fields.get("number") or "")).upper()
    if not number:
        raise UserError("staff.cert_number_required", field="number")
    if len(number) > NUMBER_LIMIT:
        raise UserError("staff.text_too_long", field="number", limit=NUMBER_LIMIT)
    issue = _date(fields, "issue_date", required=True)
    expiry = _date(fields, "expiry_date", required=True)
    assert issue is not None and expiry is not None
    if expiry < issue:
        raise UserError("staff.expiry_before_issue", field="expiry_date", issue=issue.isoformat(),
                        expiry=expiry.isoformat())
    status = fields.get("status") or CertificateStatus.VALID.value
    try:
        status = CertificateStatus(status).value
    except ValueError as exc:
        raise UserError("staff.cert_status_unknown", field="status", value=status) from exc
    category = normalise_category(fields.get("category"))
    if len(category) > TEXT_LIMIT:
        raise UserError("staff.text_too_long", field="category", limit=TEXT_LIMIT)
    return {
        "cert_type": cert_type,
        "number": number,
        "issuing_authority": _text(fields, "issuing_authority"),
        "issue_date": issue,
        "expiry_date": expiry,
        "category": category,
        "status": status,
    }


def clean_review(fields: Mapping[str, Any]) -> dict[str, Any]:
    try:
        year = int(fields.get("year") or 0)
    except (TypeError, ValueError) as exc:
        raise UserError("staff.review_year", field="year", value=fields.get("year")) from exc
    if not 1990 <= year <= 2100:
        raise UserError("staff.review_year", field="year", value=fields.get("year"))
    result = fields.get("result") or ""
    if result not in REVIEW_RESULTS:
        raise UserError("staff.review_result", field="result", value=result)
    return {
        "year": year,
        "result": result,
        "reviewed_on": _date(fields, "reviewed_on", required=False),
        "note": str(fields.get("note") or "").strip() or None,
    }


def _check_officer_unique(session: Session, cleaned: Mapping[str, Any], own_id: int | None = None) -> None:
    number = cleaned.get("id_no")
    if not number:
        return
    existing = session.execute(select(Officer.id, Officer.name).where(Officer.id_no == number)).first()
    if existing is not None and existing.id != own_id:
        raise UserError("staff.duplicate_id_no", field="id_no", name=existing.name, number=existing.id)


def _check_certificate_unique(session: Session, number: str, own_id: int | None = None) -> None:
    existing = session.execute(
        select(Certificate.id, Officer.name)
        .join(Officer, Officer.id == Certificate.officer_id)
        .where(Certificate.number == number)
    ).first()
    if existing is not None and existing.id != own_id:
        raise UserError("staff.duplicate_certificate", field="number", number=number, holder=existing.name)


# ---------------------------------------------------------------- the service
class StaffService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # ---------------------------------------------------------------- reads
    def query(
        self,
        *,
        text: str = "",
        as_of: date | None = None,
        show: RosterFilter | str = RosterFilter.ALL,
        category: str | None = None,
        blank_counts: bool = False,
        include_off_roster: bool = True,
        sort: str = "name",
        descending: bool = False,
        full: bool = False,
    ) -> PagedQuery[OfficerRow]:
        """The roster as a paged query; each row carries its best certificate (of `category`,
        see `category_matches`) on `as_of` (today)."""
        self.actor.require(Permission.STAFF_VIEW)
        day = as_of or bureau_today()
        show = RosterFilter(show)
        best = _best_certificate_id(day, category, blank_counts=blank_counts)
        statement = select(*_OFFICER_COLUMNS, *_CERT_COLUMNS).outerjoin(_BestCert, _BestCert.id == best)
        term = " ".join(text.split())
        if term:
            statement = statement.where(
                or_(Officer.name.contains(term, autoescape=True), _BestCert.number.contains(term.upper(), autoescape=True))
            )
        if not include_off_roster:
            statement = statement.where(Officer.on_roster.is_(True))
        valid = _valid_clause(_BestCert, day)
        if show is RosterFilter.VALID:
            statement = statement.where(valid)
        elif show is RosterFilter.EXPIRING:
            statement = statement.where(valid, _BestCert.expiry_date <= day + timedelta(days=WARNING_DAYS))
        elif show is RosterFilter.EXPIRED:
            statement = statement.where(_BestCert.status == CertificateStatus.VALID.value, _BestCert.expiry_date < day)
        elif show is RosterFilter.NO_VALID:
            statement = statement.where(or_(_BestCert.id.is_(None), ~valid))
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort the roster by {sort}")
        if sort == "name":
            columns: list[Any] = [Officer.name_sort, Officer.id]
        elif sort == "expiry":
            columns = [func.coalesce(_BestCert.expiry_date, date.min), Officer.id]
        else:
            columns = [Officer.id]
        return PagedQuery(self.store, statement, SortSpec(columns, descending), _row_maker(day, full=full))

    def get(self, officer_id: int, *, as_of: date | None = None) -> OfficerDetail:
        self.actor.require(Permission.STAFF_VIEW)
        day = as_of or bureau_today()
        with self.store.read() as session:
            officer = session.get(Officer, officer_id)
            if officer is None:
                raise UserError("staff.officer_not_found", field="officer_id")
            certificates = tuple(certificate_row(c) for c in _sorted_certificates(officer.certificates, day))
            best = certificates[0] if certificates else None
            return OfficerDetail(
                officer=_officer_row(officer, day, replace(best, reviews=()) if best else None),
                certificates=certificates,
            )

    def roster(
        self, *, include_off_roster: bool = False, category: str | None = None, blank_counts: bool = False
    ) -> list[OfficerRow]:
        """Everyone on the roster (for pickers), by name; with `category`, each with their
        best certificate of that category (None when they hold none)."""
        query = self.query(include_off_roster=include_off_roster, category=category, blank_counts=blank_counts)
        return query.page(0, max(query.count(), 1))

    def officers_valid_on(self, day: date, category: str | None = None) -> list[OfficerRow]:
        """Officers on the roster holding a certificate (of `category`) valid on `day`, by name."""
        query = self.query(as_of=day, show=RosterFilter.VALID, category=category, include_off_roster=False)
        return query.page(0, max(query.count(), 1))

    def count_certified_on(self, day: date, category: str | None = None) -> int:
        """Persons holding a certificate valid on `day` (DOMAIN A3: on 31 December for the report).

        Counted from the certificates, so it stays the same for a past year
        when someone later leaves the roster."""
        return self.query(as_of=day, show=RosterFilter.VALID, category=category).count()

    def check_assignable(
        self, officer_id: int, day: date, category: str | None = None, *, blank_counts: bool = False
    ) -> None:
        """Refuse (UserError, saying why) to assign an officer who may not enforce on `day`:
        they need a certificate valid on `day` of `category` (any, when not given; see
        `category_matches` for `blank_counts`)."""
        self.actor.require(Permission.STAFF_VIEW)
        with self.store.read() as session:
            officer = session.get(Officer, officer_id)
            if officer is None:
                raise UserError("staff.officer_not_found", field="officer_id")
            name = officer.name
            if not officer.on_roster:
                raise UserError("staff.not_on_roster", field="officer_id", name=name)
            if not officer.certificates:
                raise UserError("staff.no_certificate", field="officer_id", name=name)
            certificates = [
                c for c in officer.certificates if category_matches(c.category, category, blank_counts=blank_counts)
            ]
            if not certificates:
                others = [c for c in officer.certificates if normalise_category(c.category)]
                if others:  # say what they do hold
                    other = _sorted_certificates(others, day)[0]
                    raise UserError("staff.certificate_other_category", field="officer_id", name=name,
                                    number=other.number, held=normalise_category(other.category), category=category)
                raise UserError("staff.no_certificate_for_category", field="officer_id", name=name,
                                category=category)
            best = _sorted_certificates(certificates, day)[0]
            if certificate_valid_on(best, day):
                return
            status = display_status(best, day)
            params = {"name": name, "number": best.number, "expiry": best.expiry_date.isoformat(),
                      "issue": best.issue_date.isoformat(), "day": day.isoformat()}
            raise UserError(f"staff.certificate_{status}", field="officer_id", **params)

    def public_roster(self, day: date | None = None) -> list[PublicEntry]:
        """The 执法公示 list: each valid certificate on `day` with its holder's name, unit and category."""
        self.actor.require(Permission.STAFF_VIEW)
        day = day or bureau_today()
        statement = (
            select(Officer.name, Officer.unit, Certificate.cert_type, Certificate.number, Certificate.category)
            .join(Certificate, Certificate.officer_id == Officer.id)
            .where(Officer.on_roster.is_(True), _valid_clause(Certificate, day))
            .order_by(Officer.name_sort, Officer.id, Certificate.number)
        )
        with self.store.read() as session:
            return [
                PublicEntry(name=r.name, unit=r.unit or "", cert_type=r.cert_type, number=r.number,
                            category=r.category or "")
                for r in session.execute(statement)
            ]

    def certificates_for_export(self, *, text: str = "", as_of: date | None = None,
                                show: RosterFilter | str = RosterFilter.ALL) -> list[tuple[OfficerRow, CertificateRow | None]]:
        """(officer, certificate) lines for the full roster export: one per certificate,
        officers without one once.  ID numbers masked."""
        self.actor.require(Permission.STAFF_VIEW)
        day = as_of or bureau_today()
        query = self.query(text=text, as_of=day, show=show)
        officers = query.page(0, max(query.count(), 1))
        ids = [o.id for o in officers]
        by_officer: dict[int, list[CertificateRow]] = {}
        with self.store.read() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for cert in session.scalars(select(Certificate).where(Certificate.officer_id.in_(chunk))):
                    by_officer.setdefault(cert.officer_id, []).append(certificate_row(cert))
        lines: list[tuple[OfficerRow, CertificateRow | None]] = []
        for officer in officers:
            certs = _sorted_certificates(by_officer.get(officer.id, []), day)
            if not certs:
                lines.append((officer, None))
            lines.extend((officer, c) for c in certs)
        return lines

    # ---------------------------------------------------------------- officer writes
    def create(self, fields: Mapping[str, Any]) -> OfficerRow:
        cleaned = clean_officer(fields)
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            _check_officer_unique(uow.session, cleaned)
            officer = Officer(**cleaned)
            uow.session.add(officer)
            uow.flush()
            row = _officer_row(officer, bureau_today(), None)
        return row

    def update(self, officer_id: int, version: int, changes: Mapping[str, Any]) -> OfficerRow:
        """Apply `changes` (only the fields the clerk edited) to the officer saved as `version`."""
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            officer = uow.session.get(Officer, officer_id)
            if officer is None:
                raise UserError("staff.officer_not_found", field="officer_id")
            if officer.version != version:
                raise changed_elsewhere(uow.session, officer)
            merged = {name: getattr(officer, name) for name in _OFFICER_FIELDS}
            if "id_no" not in changes and merged["id_no"]:
                merged.pop("sex")
                merged.pop("birth_date")
            merged.update(changes)
            cleaned = clean_officer(merged)
            _check_officer_unique(uow.session, cleaned, own_id=officer.id)
            for name, value in cleaned.items():
                if getattr(officer, name) != value:
                    setattr(officer, name, value)
            uow.flush()
            certs = _sorted_certificates(officer.certificates, bureau_today())
            row = _officer_row(officer, bureau_today(), certificate_row(certs[0], with_reviews=False) if certs else None)
        return row

    # ---------------------------------------------------------------- certificates
    def add_certificate(self, officer_id: int, fields: Mapping[str, Any]) -> CertificateRow:
        cleaned = clean_certificate(fields)
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            if uow.session.get(Officer, officer_id) is None:
                raise UserError("staff.officer_not_found", field="officer_id")
            _check_certificate_unique(uow.session, cleaned["number"])
            cert = Certificate(officer_id=officer_id, **cleaned)
            uow.session.add(cert)
            uow.flush()
            row = certificate_row(cert, with_reviews=False)
        return row

    def update_certificate(self, certificate_id: int, version: int, changes: Mapping[str, Any]) -> CertificateRow:
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            cert = uow.session.get(Certificate, certificate_id)
            if cert is None:
                raise UserError("staff.certificate_not_found")
            if cert.version != version:
                raise changed_elsewhere(uow.session, cert)
            merged = {name: getattr(cert, name) for name in _CERT_FIELDS}
            merged.update(changes)
            cleaned = clean_certificate(merged)
            _check_certificate_unique(uow.session, cleaned["number"], own_id=cert.id)
            for name, value in cleaned.items():
                if getattr(cert, name) != value:
                    setattr(cert, name, value)
            uow.flush()
            row = certificate_row(cert)
        return row

    def add_review(self, certificate_id: int, fields: Mapping[str, Any]) -> ReviewRow:
        cleaned = clean_review(fields)
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            if uow.session.get(Certificate, certificate_id) is None:
                raise UserError("staff.certificate_not_found")
            taken = uow.session.scalar(
                select(CertificateReview.id).where(
                    CertificateReview.certificate_id == certificate_id, CertificateReview.year == cleaned["year"]
                )
            )
            if taken is not None:
                raise UserError("staff.duplicate_review", field="year", year=cleaned["year"])
            review = CertificateReview(certificate_id=certificate_id, **cleaned)
            uow.session.add(review)
            uow.flush()
            row = review_row(review)
        return row

    def delete_review(self, review_id: int) -> None:
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            review = uow.session.get(CertificateReview, review_id)
            if review is not None:
                uow.session.delete(review)

    # ---------------------------------------------------------------- import
    def import_records(
        self,
        records: Iterable[tuple[int, Mapping[str, Any]]],
        *,
        total: int = 0,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        batch_size: int = 200,
        source: ImportSource | None = None,
    ) -> ImportReport:
        """Import (row number, fields) in one transaction: officer fields plus, optionally,
        one certificate (fields prefixed "cert_": cert_type, cert_number, …).

        A refused row (bad officer or certificate, an ID or certificate number
        already registered or repeated in the file, a row an earlier import
        saved) is reported and changes nothing; cancelling saves nothing at
        all.  `source` (the file, `import_batches`): a file imported before is
        refused unless a repeat was asked for; the import is recorded.
        """
        report = ImportReport(total=total)
        seen_ids: dict[str, int] = {}
        seen_numbers: dict[str, int] = {}
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            import_batches.refuse_repeat(uow.session, source)
            keys = import_batches.RowKeys(uow.session, "staff")
            done = 0
            pending: list[Officer] = []
            for row_no, fields in records:
                done += 1
                try:
                    officer_fields, cert_fields = _split_import_fields(fields)
                    cleaned = clean_officer(officer_fields)
                    cert = clean_certificate(cert_fields) if cert_fields else None
                    if cleaned["id_no"] and cleaned["id_no"] in seen_ids:
                        raise UserError("import.duplicate_in_file", field="id_no", row=seen_ids[cleaned["id_no"]])
                    if cert and cert["number"] in seen_numbers:
                        raise UserError("import.duplicate_in_file", field="number", row=seen_numbers[cert["number"]])
                    _check_officer_unique(uow.session, cleaned)
                    if cert:
                        _check_certificate_unique(uow.session, cert["number"])
                    row_key = keys.check(_natural_key(cleaned, cert), "id_no" if cleaned["id_no"] else "cert_number")
                except UserError as err:
                    report.refused.append(RowProblem(row_no, err.code, err.field, err.params))
                else:
                    if cleaned["id_no"]:
                        seen_ids[cleaned["id_no"]] = row_no
                    officer = Officer(**cleaned)
                    if cert:
                        seen_numbers[cert["number"]] = row_no
                        officer.certificates.append(Certificate(**cert))
                    uow.session.add(officer)
                    pending.append(officer)
                    keys.saved(row_no, officer, row_key)
                if done % batch_size == 0:
                    if cancel is not None:
                        cancel.check()
                    uow.flush()
                    if progress:
                        progress(done, total)
            if cancel is not None:
                cancel.check()
            uow.flush()
            report.total = max(total, done)
            report.imported = len(pending)
            report.imported_ids = [o.id for o in pending]
            import_batches.record(uow, source, report.imported, len(report.refused), keys)
            if progress:
                progress(done, report.total)
        return report


CERT_IMPORT_PREFIX = "cert_"


def _natural_key(officer: Mapping[str, Any], cert: Mapping[str, Any] | None) -> str | None:
    """What makes an imported officer the same one again (import_batches.RowKeys): the ID number,
    else the certificate's number; None without either (never matched by name alone)."""
    if officer.get("id_no"):
        return f"id:{officer['id_no']}"
    if cert and cert.get("number"):
        return f"cert:{cert['number']}"
    return None


def _split_import_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Officer fields and certificate fields ("cert_number" → "number"); no certificate
    when none of its cells is filled."""
    problem = getattr(fields, "problem", None)
    if isinstance(problem, UserError):
        raise problem
    officer: dict[str, Any] = {}
    cert: dict[str, Any] = {}
    for key in list(fields.keys()):
        value = fields.get(key)
        if key.startswith(CERT_IMPORT_PREFIX):
            name = key[len(CERT_IMPORT_PREFIX):]
            cert["cert_type" if name == "type" else name] = value
        else:
            officer[key] = value
    if not any(v not in (None, "") for v in cert.values()):
        cert = {}
    return officer, cert


def _sorted_certificates(certificates: Iterable[Any], day: date) -> list[Any]:
    """The same order as the SQL best-certificate choice: valid first, latest expiry, newest."""
    return sorted(
        certificates,
        key=lambda c: (certificate_valid_on(c, day), c.expiry_date, c.id or 0),
        reverse=True,
    )
