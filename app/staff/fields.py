"""执法人员: checking and normalising an officer's, a certificate's and a review's fields,
and splitting an imported row into the two."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import bureau_today
from app.errors import UserError
from app.legal.identity import validate_id_no
from app.staff.models import Certificate, CertificateStatus, CertificateType, Officer, StaffingType
from app.staff.rules import NAME_LIMIT, NUMBER_LIMIT, REVIEW_RESULTS, TEXT_LIMIT, normalise_category

OFFICER_FIELDS = (
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
CERT_FIELDS = ("cert_type", "number", "issuing_authority", "issue_date", "expiry_date", "category", "status")


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
    unknown = set(fields) - set(OFFICER_FIELDS)
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
    unknown = set(fields) - set(CERT_FIELDS)
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


def check_officer_unique(session: Session, cleaned: Mapping[str, Any], own_id: int | None = None) -> None:
    number = cleaned.get("id_no")
    if not number:
        return
    existing = session.execute(select(Officer.id, Officer.name).where(Officer.id_no == number)).first()
    if existing is not None and existing.id != own_id:
        raise UserError("staff.duplicate_id_no", field="id_no", name=existing.name, number=existing.id)


def check_certificate_unique(session: Session, number: str, own_id: int | None = None) -> None:
    existing = session.execute(
        select(Certificate.id, Officer.name)
        .join(Officer, Officer.id == Certificate.officer_id)
        .where(Certificate.number == number)
    ).first()
    if existing is not None and existing.id != own_id:
        raise UserError("staff.duplicate_certificate", field="number", number=number, holder=existing.name)



CERT_IMPORT_PREFIX = "cert_"


def natural_key(officer: Mapping[str, Any], cert: Mapping[str, Any] | None) -> str | None:
    """What makes an imported officer the same one again (import_batches.RowKeys): the ID number,
    else the certificate's number; None without either (never matched by name alone)."""
    if officer.get("id_no"):
        return f"id:{officer['id_no']}"
    if cert and cert.get("number"):
        return f"cert:{cert['number']}"
    return None


def split_import_fields(fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
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
