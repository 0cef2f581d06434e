"""在建项目: checking and normalising a project's fields, and that its parties are employers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.errors import UserError
from app.legal.identity import normalise_phone
from app.parties.models import Party, PartyKind
from app.projects.models import GuaranteeForm, ProjectStatus, SubcontractorRole
from app.projects.rules import EDITABLE_FIELDS, NAME_LIMIT, PARTY_FIELD_ROLES


def collapse_spaces(value: Any) -> str:
    return " ".join(str(value or "").split())


def _optional_text(value: Any) -> str | None:
    return collapse_spaces(value) or None


def _money(value: Any, field_name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError("money.invalid", field=field_name, value=str(value))
    if value < 0:
        raise UserError("project.amount_negative", field=field_name)
    return value


def _account(value: Any) -> str | None:
    account = "".join(str(value or "").split()).replace("-", "")
    if not account:
        return None
    if not account.isdigit() or not 8 <= len(account) <= 32:
        raise UserError("project.account_format", field="wage_account_no")
    return account


def _subcontractor_entries(value: Any) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []
    party_id: Any
    for item in value or ():
        if isinstance(item, Mapping):
            party_id, role = item.get("party_id"), item.get("role") or SubcontractorRole.SUBCONTRACTOR.value
        elif isinstance(item, tuple | list):
            party_id, role = item[0], (item[1] if len(item) > 1 else SubcontractorRole.SUBCONTRACTOR.value)
        else:
            party_id, role = item, SubcontractorRole.SUBCONTRACTOR.value
        try:
            role = SubcontractorRole(role).value
        except ValueError as exc:
            raise UserError("project.role_unknown", field="subcontractors", value=role) from exc
        entries.append((int(party_id), role))
    return entries


def clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise a project's fields (not the parties: see check_parties)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"unknown project fields: {sorted(unknown)}")
    name = collapse_spaces(fields.get("name"))
    if not name:
        raise UserError("project.name_required", field="name")
    if len(name) > NAME_LIMIT:
        raise UserError("project.name_too_long", field="name", limit=NAME_LIMIT)
    status = fields.get("status") or ProjectStatus.ACTIVE.value
    try:
        status = ProjectStatus(status).value
    except ValueError as exc:
        raise UserError("project.status_unknown", field="status", value=status) from exc
    form = fields.get("guarantee_form") or GuaranteeForm.NONE.value
    try:
        form = GuaranteeForm(form).value
    except ValueError as exc:
        raise UserError("project.guarantee_form_unknown", field="guarantee_form", value=form) from exc
    start = fields.get("start_date")
    planned = fields.get("planned_completion")
    completed = fields.get("completed_on")
    if start and planned and planned < start:
        raise UserError("project.completion_before_start", field="planned_completion",
                        start=start.isoformat(), end=planned.isoformat())
    if start and completed and completed < start:
        raise UserError("project.completion_before_start", field="completed_on",
                        start=start.isoformat(), end=completed.isoformat())
    subcontractors = _subcontractor_entries(fields.get("subcontractors"))
    seen: set[int] = set()
    for party_id, _role in subcontractors:
        if party_id in seen:
            raise UserError("project.subcontractor_duplicate", field="subcontractors")
        seen.add(party_id)
    return {
        "name": name,
        "location": collapse_spaces(fields.get("location")),
        "permit_no": _optional_text(fields.get("permit_no")),
        "builder_id": fields.get("builder_id") or None,
        "contractor_id": fields.get("contractor_id") or None,
        "subcontractors": subcontractors,
        "contract_value_fen": _money(fields.get("contract_value_fen"), "contract_value_fen"),
        "start_date": start or None,
        "planned_completion": planned or None,
        "completed_on": completed or None,
        "status": status,
        "on_realname_platform": bool(fields.get("on_realname_platform")),
        "wage_manager_name": _optional_text(fields.get("wage_manager_name")),
        "wage_manager_phone": normalise_phone(str(fields.get("wage_manager_phone") or ""),
                                              field="wage_manager_phone") or None,
        "wage_account_bank": _optional_text(fields.get("wage_account_bank")),
        "wage_account_no": _account(fields.get("wage_account_no")),
        "guarantee_form": form,
        "guarantee_amount_fen": _money(fields.get("guarantee_amount_fen"), "guarantee_amount_fen"),
        "guarantee_date": fields.get("guarantee_date") or None,
    }


def check_parties(session: Session, cleaned: Mapping[str, Any]) -> None:
    """Each chosen party exists and is an employer (kind org)."""
    wanted: list[tuple[str, int]] = [
        (name, cleaned[name]) for name in ("builder_id", "contractor_id") if cleaned.get(name)
    ]
    wanted += [("subcontractors", party_id) for party_id, _role in cleaned.get("subcontractors", ())]
    for field_name, party_id in wanted:
        role = PARTY_FIELD_ROLES[field_name]
        party = session.get(Party, party_id)
        if party is None:
            raise UserError("project.party_not_found", field=field_name, role=role)
        if party.kind != PartyKind.ORG.value:
            raise UserError("project.party_not_employer", field=field_name, name=party.name, role=role)
