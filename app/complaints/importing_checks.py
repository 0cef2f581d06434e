"""Checking a complaints-ledger row before anything is written: types, codes,
dates, amounts and ID numbers (the checks that need no database), with the
same messages a clerk meets on screen.  A refused row becomes its `RowProblem`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.accounts.permissions import Permission
from app.complaints import rules
from app.complaints.common import clean_text, whole_fen
from app.complaints.models import Channel, ClosureKind, ComplaintKind, EmployerRole
from app.complaints.service import ComplaintService
from app.errors import UserError
from app.kernel.import_report import RowProblem
from app.legal.rates import format_yuan
from app.parties.models import PartyKind
from app.parties.service import clean_fields

IMPORTABLE_CLOSURES = frozenset({ClosureKind.PAID.value, ClosureKind.NO_VIOLATION.value, ClosureKind.OTHER.value})
_KINDS = frozenset(k.value for k in ComplaintKind)
_CHANNELS = frozenset(c.value for c in Channel)
_ROLES = frozenset(r.value for r in EmployerRole)
_PARTY_ERROR_FIELDS = ("name", "id_no", "phone", "uscc")


@dataclass
class CheckedRow:
    """One ledger row that passed every check that needs no database (`RowChecker`)."""

    row_no: int
    kind: str
    channel: str
    role: str
    received_on: date
    owed: int
    paid: int
    paid_on: date | None
    accepted_on: date | None
    closed_on: date | None
    closure_kind: str | None
    close_reason: str
    matters: str
    requests: str
    worker: dict[str, Any]  # cleaned party fields
    employer: dict[str, Any]
    worker_key: str
    employer_key: str
    duplicate_key: int  # `_duplicate_key` of worker, employer and day
    natural_key: str  # worker, employer, day and amount: the row's key across imports (import_batches)
    worker_id: int = 0
    employer_id: int = 0


class RowChecker:
    """The checks of a ledger row that need no database: types, codes, dates, amounts, ID numbers.

    It is picklable, so a large file's rows can be checked in the reader's
    process (`app.spreadsheets.background`) while this one writes; called on a
    (row number, fields) record it returns the checked row or the row's problem.
    """

    def __init__(self, today: date, may_handle: bool, may_close: bool) -> None:
        self.today = today
        self.may_handle = may_handle
        self.may_close = may_close
        self._employers: dict[tuple[Any, Any], dict[str, Any]] = {}  # (name, credit code) as typed -> cleaned

    @classmethod
    def for_service(cls, service: ComplaintService) -> RowChecker:
        actor = service.actor
        return cls(service.today(), actor.can(Permission.COMPLAINT_HANDLE), actor.can(Permission.COMPLAINT_CLOSE))

    def __call__(self, record: tuple[int, Mapping[str, Any]]) -> CheckedRow | RowProblem:
        row_no, fields = record
        try:
            return self.check(row_no, fields)
        except UserError as err:
            return RowProblem(row_no, err.code, err.field, err.params)

    def check(self, row_no: int, fields: Mapping[str, Any]) -> CheckedRow:
        problem = getattr(fields, "problem", None)  # a cell that could not be read (`RowFields`) refuses the row
        if problem is not None:
            raise problem
        if type(fields) is not dict:  # read as a plain dict: a RowFields checks its problem on every get
            fields = dict(fields)
        received_on = fields.get("received_on")
        if type(received_on) is not date:
            raise UserError("import.value_required", field="received_on", column="登记日期")
        if received_on > self.today:
            raise UserError("complaint.date_future", field="received_on", date=received_on.isoformat())
        worker = self._clean_party(
            {"name": fields.get("worker_name"), "id_no": fields.get("worker_id_no"),
             "phone": fields.get("worker_phone"), "is_migrant_worker": fields.get("is_migrant_worker", True)},
            PartyKind.PERSON, "worker_",
        )
        employer_fields = (fields.get("employer_name"), fields.get("employer_uscc"))
        employer = self._employers.get(employer_fields)  # a ledger names the same employers again and again
        if employer is None:
            employer = self._clean_party(
                {"name": employer_fields[0], "uscc": employer_fields[1]}, PartyKind.ORG, "employer_"
            )
            self._employers[employer_fields] = employer
        owed = fields.get("owed_fen")
        if owed is None:
            raise UserError("import.value_required", field="owed_fen", column="欠薪金额")
        owed = _fen(owed, "owed_fen")
        paid = _fen(fields.get("paid_fen") or 0, "paid_fen")
        kind = str(fields.get("kind") or ComplaintKind.COMPLAINT.value)
        if kind not in _KINDS:
            raise UserError("complaint.kind_unknown", field="kind", value=kind)
        channel = str(fields.get("channel") or "")
        if channel not in _CHANNELS:
            raise UserError("complaint.channel_unknown", field="channel", value=channel)
        role = str(fields.get("role") or EmployerRole.EMPLOYER.value)
        if role not in _ROLES:
            raise UserError("complaint.role_unknown", field="role", value=role)
        if paid > owed:
            raise UserError("complaint.payment_exceeds_owed", field="paid_fen", name=worker["name"],
                            amount=format_yuan(paid), remaining=format_yuan(owed))
        accepted_on = _date_or_none(fields.get("accepted_on"))
        closed_on = _date_or_none(fields.get("closed_on"))
        closure_kind = fields.get("closure_kind")
        if accepted_on is None and (paid or closed_on or closure_kind):
            accepted_on = received_on
        if accepted_on is not None:
            if not self.may_handle:
                raise UserError("complaint.import_handle_not_permitted", field="accepted_on")
            self._check_day(accepted_on, received_on, "accepted_on")
        paid_on = None
        if paid:
            paid_on = _date_or_none(fields.get("paid_on")) or accepted_on
            self._check_day(paid_on, received_on, "paid_on")  # type: ignore[arg-type]
        close_reason = ""
        if closed_on is not None or closure_kind:
            closure_kind, close_reason = self._closure(fields, closure_kind, closed_on, owed, paid)
            if closed_on is None:
                raise UserError("import.value_required", field="closed_on", column="结案日期")
            self._check_day(closed_on, received_on, "closed_on")
            latest = max(d for d in (accepted_on, paid_on) if d is not None)
            if closed_on < latest:
                raise UserError("complaint.import_closed_too_early", field="closed_on",
                                date=closed_on.isoformat(), latest=latest.isoformat())
        matters = clean_text(fields.get("matters")) or "拖欠工资"
        worker_key = worker["id_no"]
        employer_key = employer["uscc"] or f"name:{employer['name']}"
        employer_text = (employer["uscc"] or employer["name"]).upper()
        duplicate_key = _duplicate_key(worker_key, employer_text, received_on)
        return CheckedRow(
            row_no=row_no, kind=kind, channel=channel, role=role, received_on=received_on, owed=owed, paid=paid,
            paid_on=paid_on, accepted_on=accepted_on, closed_on=closed_on, closure_kind=closure_kind,
            close_reason=close_reason, matters=matters, requests=clean_text(fields.get("requests")),
            worker=worker, employer=employer, worker_key=worker_key, employer_key=employer_key,
            duplicate_key=duplicate_key,
            natural_key=f"{worker_key}\x1f{employer_text}\x1f{received_on.isoformat()}\x1f{owed}",
        )

    def _clean_party(self, fields: dict[str, Any], kind: PartyKind, prefix: str) -> dict[str, Any]:
        try:
            cleaned = clean_fields({**fields, "kind": kind.value}, today=self.today)
        except UserError as err:
            if err.field in _PARTY_ERROR_FIELDS:
                err.field = f"{prefix}{err.field}"
            raise
        if kind is PartyKind.PERSON and not cleaned["id_no"]:
            raise UserError("import.value_required", field="worker_id_no", column="身份证号")
        return cleaned

    def _check_day(self, day: date, received_on: date, field_name: str) -> None:
        if day > self.today:
            raise UserError("complaint.date_future", field=field_name, date=day.isoformat())
        if day < received_on:
            raise UserError("complaint.date_before_received", field=field_name, date=day.isoformat(),
                            received=received_on.isoformat())

    def _closure(
        self, fields: Mapping[str, Any], kind: Any, closed_on: date | None, owed: int, paid: int
    ) -> tuple[str, str]:
        if not self.may_close:
            raise UserError("complaint.import_close_not_permitted", field="closed_on")
        if not kind:
            if not (owed > 0 and paid >= owed):
                raise UserError("import.value_required", field="closure_kind", column="结案方式")
            kind = ClosureKind.PAID.value
        kind = str(kind)
        if kind not in IMPORTABLE_CLOSURES:
            raise UserError("complaint.import_closure_unknown", field="closure_kind", value=kind)
        if kind == ClosureKind.PAID.value and not (owed > 0 and paid >= owed):
            raise UserError("complaint.not_paid", field="closure_kind", paid=format_yuan(paid),
                            owed=format_yuan(owed))
        reason = clean_text(fields.get("close_reason")) or rules.label(rules.CLOSURE_LABELS, kind) + "（台账导入）"
        return kind, reason


def _date_or_none(value: Any) -> date | None:
    return value if type(value) is date else None


def _duplicate_key(worker: str, employer: str, day: date) -> int:
    """64 bits of a hash of the three: a ledger of a million rows keeps a million of these, not of the strings
    (two different rows colliding is a one-in-10^7 chance even then)."""
    digest = hashlib.blake2b(f"{worker}\x1f{employer}\x1f{day.isoformat()}".encode(), digest_size=8).digest()
    return int.from_bytes(digest)


def _fen(value: Any, field_name: str) -> int:
    """A whole amount in fen, 0 or more (a ledger holds no refunds)."""
    amount = whole_fen(value, field_name)
    if amount < 0:
        raise UserError("complaint.amount_negative", field=field_name)
    return amount
