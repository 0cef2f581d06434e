"""执法人员: the rows lists, forms and documents show (an officer with the best certificate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.privacy import Sensitive, mask
from app.staff.models import Certificate, CertificateReview
from app.staff.rules import certificate_valid_on, display_status, expires_soon


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


def officer_row(values: Any, as_of: date, certificate: CertificateRow | None, *, full: bool = False) -> OfficerRow:
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
