"""执法人员: the reads — the roster as a paged query, who may be assigned on a day,
the 执法公示 list and the export lines.

An officer's "best" certificate (the one lists show) is chosen by one SQL
ordering: valid on the day first, then the latest expiry, then the newest.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.kernel.paging import PagedQuery, SortSpec
from app.staff.models import Certificate, CertificateStatus, Officer
from app.staff.rows import (
    CertificateRow,
    OfficerDetail,
    OfficerRow,
    PublicEntry,
    certificate_row,
    officer_row,
)
from app.staff.rules import (
    CATEGORY_SEPARATOR,
    SORTABLE,
    WARNING_DAYS,
    RosterFilter,
    category_matches,
    certificate_valid_on,
    display_status,
    normalise_category,
    sorted_certificates,
)
from app.store.engine import Store


def _category_clause(column: SQLColumnExpression[str], wanted: str, *, blank_counts: bool = False) -> ColumnElement[bool]:
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


def valid_clause(cert: Any, day: date) -> ColumnElement[bool]:
    return and_(cert.status == CertificateStatus.VALID.value, cert.issue_date <= day, cert.expiry_date >= day)


def _best_certificate_id(day: date, category: str | None, *, blank_counts: bool = False) -> Any:
    """Correlated subquery: the id of the officer's best certificate (of `category`) on `day`."""
    statement = select(Certificate.id).where(Certificate.officer_id == Officer.id)
    if category:
        statement = statement.where(_category_clause(Certificate.category, category, blank_counts=blank_counts))
    return (
        statement.order_by(
            case((valid_clause(Certificate, day), 1), else_=0).desc(),
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
        return officer_row(values, as_of, cert, full=full)

    return make



class StaffQueries:
    """The roster's reads (StaffService)."""

    store: Store
    actor: Actor

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
        valid = valid_clause(_BestCert, day)
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
            certificates = tuple(certificate_row(c) for c in sorted_certificates(officer.certificates, day))
            best = certificates[0] if certificates else None
            return OfficerDetail(
                officer=officer_row(officer, day, replace(best, reviews=()) if best else None),
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
                    other = sorted_certificates(others, day)[0]
                    raise UserError("staff.certificate_other_category", field="officer_id", name=name,
                                    number=other.number, held=normalise_category(other.category), category=category)
                raise UserError("staff.no_certificate_for_category", field="officer_id", name=name,
                                category=category)
            best = sorted_certificates(certificates, day)[0]
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
            .where(Officer.on_roster.is_(True), valid_clause(Certificate, day))
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
            certs = sorted_certificates(by_officer.get(officer.id, []), day)
            if not certs:
                lines.append((officer, None))
            lines.extend((officer, c) for c in certs)
        return lines
