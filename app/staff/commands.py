"""执法人员: the writes — officers, certificates, yearly reviews and the roster import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.clock import bureau_today
from app.errors import UserError
from app.imports.batches import ImportSource, RowKeys
from app.imports.rows import import_rows
from app.kernel.import_report import ImportReport
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.records import assign_changed, record_at_version
from app.kernel.unit_of_work import UnitOfWork
from app.staff.fields import (
    CERT_FIELDS,
    OFFICER_FIELDS,
    check_certificate_unique,
    check_officer_unique,
    clean_certificate,
    clean_officer,
    clean_review,
    natural_key,
    split_import_fields,
)
from app.staff.models import Certificate, CertificateReview, Officer
from app.staff.rows import (
    CertificateRow,
    OfficerRow,
    ReviewRow,
    certificate_row,
    officer_row,
    review_row,
)
from app.staff.rules import sorted_certificates
from app.store.engine import Store


class StaffCommands:
    """The roster's writes (StaffService)."""

    store: Store
    actor: Actor

    # ---------------------------------------------------------------- officer writes
    def create(self, fields: Mapping[str, Any]) -> OfficerRow:
        cleaned = clean_officer(fields)
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            check_officer_unique(uow.session, cleaned)
            officer = Officer(**cleaned)
            uow.session.add(officer)
            uow.flush()
            row = officer_row(officer, bureau_today(), None)
        return row

    def update(self, officer_id: int, version: int, changes: Mapping[str, Any]) -> OfficerRow:
        """Apply `changes` (only the fields the clerk edited) to the officer saved as `version`."""
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            officer = record_at_version(uow.session, Officer, officer_id, version, "staff.officer_not_found", field="officer_id")
            merged = {name: getattr(officer, name) for name in OFFICER_FIELDS}
            if "id_no" not in changes and merged["id_no"]:
                merged.pop("sex")
                merged.pop("birth_date")
            merged.update(changes)
            cleaned = clean_officer(merged)
            check_officer_unique(uow.session, cleaned, own_id=officer.id)
            assign_changed(officer, cleaned)
            uow.flush()
            certs = sorted_certificates(officer.certificates, bureau_today())
            row = officer_row(officer, bureau_today(), certificate_row(certs[0], with_reviews=False) if certs else None)
        return row

    # ---------------------------------------------------------------- certificates
    def add_certificate(self, officer_id: int, fields: Mapping[str, Any]) -> CertificateRow:
        cleaned = clean_certificate(fields)
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            if uow.session.get(Officer, officer_id) is None:
                raise UserError("staff.officer_not_found", field="officer_id")
            check_certificate_unique(uow.session, cleaned["number"])
            cert = Certificate(officer_id=officer_id, **cleaned)
            uow.session.add(cert)
            uow.flush()
            row = certificate_row(cert, with_reviews=False)
        return row

    def update_certificate(self, certificate_id: int, version: int, changes: Mapping[str, Any]) -> CertificateRow:
        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            cert = record_at_version(uow.session, Certificate, certificate_id, version, "staff.certificate_not_found")
            merged = {name: getattr(cert, name) for name in CERT_FIELDS}
            merged.update(changes)
            cleaned = clean_certificate(merged)
            check_certificate_unique(uow.session, cleaned["number"], own_id=cert.id)
            assign_changed(cert, cleaned)
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
        seen_ids: dict[str, int] = {}
        seen_numbers: dict[str, int] = {}

        def take(row_no: int, fields: Mapping[str, Any], keys: RowKeys) -> tuple[Officer, str | None]:
            officer_fields, cert_fields = split_import_fields(fields)
            cleaned = clean_officer(officer_fields)
            cert = clean_certificate(cert_fields) if cert_fields else None
            if cleaned["id_no"] and cleaned["id_no"] in seen_ids:
                raise UserError("import.duplicate_in_file", field="id_no", row=seen_ids[cleaned["id_no"]])
            if cert and cert["number"] in seen_numbers:
                raise UserError("import.duplicate_in_file", field="number", row=seen_numbers[cert["number"]])
            check_officer_unique(uow.session, cleaned)
            if cert:
                check_certificate_unique(uow.session, cert["number"])
            row_key = keys.check(natural_key(cleaned, cert), "id_no" if cleaned["id_no"] else "cert_number")
            if cleaned["id_no"]:
                seen_ids[cleaned["id_no"]] = row_no
            officer = Officer(**cleaned)
            if cert:
                seen_numbers[cert["number"]] = row_no
                officer.certificates.append(Certificate(**cert))
            uow.session.add(officer)
            return officer, row_key

        with UnitOfWork(self.store, self.actor, Permission.STAFF_EDIT) as uow:
            report = import_rows(uow, "staff", records, take, total=total, progress=progress, cancel=cancel,
                                 batch_size=batch_size, source=source)
        return report
