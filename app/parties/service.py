"""The parties register (当事人库): people and employers every case refers to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.imports.batches import ImportSource, RowKeys
from app.imports.rows import import_rows
from app.kernel.import_report import ImportReport
from app.kernel.paging import PagedQuery, SortSpec
from app.kernel.progress import CancelToken, ProgressCallback
from app.kernel.records import assign_changed, record_at_version
from app.kernel.unit_of_work import UnitOfWork, register_flush_hook
from app.legal.identity import normalise_phone, validate_id_no, validate_uscc
from app.parties.models import IdType, OrgType, Party, PartyKind
from app.privacy import Sensitive, mask
from app.sorting import name_sort_key
from app.store import search
from app.store.engine import Store

NAME_LIMIT = 200
EDITABLE_FIELDS = (
    "kind",
    "name",
    "id_type",
    "id_no",
    "sex",
    "birth_date",
    "is_migrant_worker",
    "uscc",
    "org_type",
    "legal_rep",
    "phone",
    "address",
)
REVEALABLE_FIELDS = {"id_no": Sensitive.ID_NO, "phone": Sensitive.PHONE, "address": Sensitive.ADDRESS}
SORTABLE = ("name", "id")  # indexed orders a list may ask for
_EDITABLE = frozenset(EDITABLE_FIELDS)


@dataclass(frozen=True)
class PartyRow:
    """A party as lists, forms and exports see it: personal data masked."""

    id: int
    version: int
    kind: str
    name: str
    id_type: str | None
    id_no: str  # masked
    sex: str | None
    birth_date: date | None
    is_migrant_worker: bool
    uscc: str
    org_type: str | None
    legal_rep: str
    phone: str  # masked
    address: str  # masked for people; an employer's address is public

    @property
    def identity_number(self) -> str:
        """The number the list shows: masked ID for a person, credit code for an employer."""
        return self.id_no if self.kind == PartyKind.PERSON else self.uscc


def row_from(values: Any) -> PartyRow:
    """Build a masked row from a Party or a result row with the same attribute names."""
    is_person = values.kind == PartyKind.PERSON
    return PartyRow(
        id=values.id,
        version=values.version,
        kind=values.kind,
        name=values.name,
        id_type=values.id_type,
        id_no=mask(Sensitive.ID_NO, values.id_no),
        sex=values.sex,
        birth_date=values.birth_date,
        is_migrant_worker=bool(values.is_migrant_worker),
        uscc=values.uscc or "",
        org_type=values.org_type,
        legal_rep=values.legal_rep or "",
        phone=mask(Sensitive.PHONE, values.phone),
        address=mask(Sensitive.ADDRESS, values.address) if is_person else (values.address or ""),
    )


def full_row_from(values: Any) -> PartyRow:
    """A row with personal data in full: only for an audited full export."""
    return replace(
        row_from(values),
        id_no=values.id_no or "",
        phone=values.phone or "",
        address=values.address or "",
    )


LIST_COLUMNS = (
    Party.id,
    Party.version,
    Party.kind,
    Party.name,
    Party.id_type,
    Party.id_no,
    Party.sex,
    Party.birth_date,
    Party.is_migrant_worker,
    Party.uscc,
    Party.org_type,
    Party.legal_rep,
    Party.phone,
    Party.address,
)


def clean_fields(fields: Mapping[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Validate and normalise a party's fields.  Raises UserError naming the field."""
    unknown = fields.keys() - _EDITABLE
    if unknown:
        raise ValueError(f"unknown party fields: {sorted(unknown)}")
    kind = fields.get("kind") or PartyKind.PERSON
    try:
        kind = PartyKind(kind)
    except ValueError as exc:
        raise UserError("party.kind_unknown", field="kind", value=kind) from exc
    name = " ".join(str(fields.get("name") or "").split())
    if not name:
        raise UserError("party.name_required", field="name")
    if len(name) > NAME_LIMIT:
        raise UserError("party.name_too_long", field="name", limit=NAME_LIMIT)
    cleaned: dict[str, Any] = {
        "kind": kind.value,
        "name": name,
        "name_sort": name_sort_key(name, person=kind is PartyKind.PERSON),
        "phone": normalise_phone(str(fields.get("phone") or "")) or None,
        "address": (str(fields.get("address") or "").strip() or None),
        "id_type": None,
        "id_no": None,
        "sex": None,
        "birth_date": None,
        "is_migrant_worker": False,
        "uscc": None,
        "org_type": None,
        "legal_rep": None,
    }
    if kind is PartyKind.PERSON:
        try:
            id_type = IdType(fields.get("id_type") or IdType.RESIDENT_ID)
        except ValueError as exc:
            raise UserError("party.id_type_unknown", field="id_type", value=fields.get("id_type")) from exc
        raw_id = str(fields.get("id_no") or "").strip()
        cleaned["id_type"] = id_type.value
        cleaned["is_migrant_worker"] = bool(fields.get("is_migrant_worker"))
        if id_type is IdType.RESIDENT_ID and raw_id:
            personal = validate_id_no(raw_id, today=today)
            cleaned.update(id_no=personal.number, sex=personal.sex, birth_date=personal.birth_date)
        else:
            cleaned["id_no"] = raw_id.upper() or None
            cleaned["sex"] = fields.get("sex") or None
            cleaned["birth_date"] = fields.get("birth_date") or None
    else:
        raw_uscc = str(fields.get("uscc") or "").strip()
        cleaned["uscc"] = validate_uscc(raw_uscc) if raw_uscc else None
        org_type = fields.get("org_type") or OrgType.ENTERPRISE
        try:
            cleaned["org_type"] = OrgType(org_type).value
        except ValueError as exc:
            raise UserError("party.org_type_unknown", field="org_type", value=org_type) from exc
        cleaned["legal_rep"] = str(fields.get("legal_rep") or "").strip() or None
    return cleaned


def natural_key(cleaned: Mapping[str, Any]) -> str | None:
    """What makes an imported party the same one again (import_batches.RowKeys): its ID number or
    credit code, or an employer's name when it has no code; None for a person without an ID number
    (a new party each time: never matched by name alone)."""
    if cleaned.get("id_no"):
        return f"id:{cleaned['id_no']}"
    if cleaned.get("uscc"):
        return f"uscc:{cleaned['uscc']}"
    if cleaned.get("kind") == PartyKind.ORG.value and cleaned.get("name"):
        return f"org:{cleaned['name']}"
    return None


def _key_field(cleaned: Mapping[str, Any]) -> str:
    return next((name for name in ("id_no", "uscc") if cleaned.get(name)), "name")


def _check_unique(session: Session, cleaned: Mapping[str, Any], own_id: int | None = None) -> None:
    for column, code, field_name in (
        (Party.id_no, "party.duplicate_id_no", "id_no"),
        (Party.uscc, "party.duplicate_uscc", "uscc"),
    ):
        value = cleaned.get(field_name)
        if not value:
            continue
        existing = session.execute(select(Party.id, Party.name).where(column == value)).first()
        if existing is not None and existing.id != own_id:
            raise UserError(code, field=field_name, name=existing.name, number=existing.id)


def _index_flushed_parties(session: Session) -> None:
    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, Party)]
    if changed:
        search.reindex_parties(session.connection(), [(p.id, p.name, p.id_no, p.uscc) for p in changed])
    deleted = [o.id for o in session.deleted if isinstance(o, Party)]
    if deleted:
        search.unindex_parties(session.connection(), deleted)


register_flush_hook(_index_flushed_parties)


class PartyService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # ---------------------------------------------------------------- reads
    def query(self, *, text: str = "", kind: str | None = None, sort: str = "name", descending: bool = False) -> PagedQuery[PartyRow]:
        """The register as a paged query, filtered and sorted in SQL."""
        self.actor.require(Permission.PARTY_VIEW)
        statement = select(*LIST_COLUMNS)
        searching = bool(text.strip())
        if kind:
            kind_value = PartyKind(kind).value
            # With a search, `kind || ''` keeps SQLite from walking the kind index over
            # every party instead of looking up the matches (290 → 30 ms on a million;
            # tests/benchmarks/RESULTS.md).
            kind_column = Party.kind.concat("") if searching else Party.kind
            statement = statement.where(kind_column == kind_value)
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort parties by {sort}")
        columns = [Party.name_sort, Party.id] if sort == "name" else [Party.id]
        searched = search.search_party_list(
            self.store, statement, text, cast(Table, Party.__table__), columns, in_name_order=sort == "name",
            only_filter=not kind,
        )
        return PagedQuery(
            self.store, searched.statement, SortSpec(searched.sort_columns, descending), row_from, searched.count
        )

    def query_for_export(
        self,
        *,
        text: str = "",
        kind: str | None = None,
        full: bool = False,
        reason: str = "",
    ) -> PagedQuery[PartyRow]:
        """The rows an export writes: masked, or — with the permission and a
        reason, recorded in the audit — in full."""
        self.actor.require(Permission.PARTY_EXPORT)
        query = self.query(text=text, kind=kind)
        if not full:
            return query
        if not reason.strip():
            raise UserError("reveal.reason_required", field="reason")
        # The export is audited with its reason by the file's writer (app.kernel.exports.ExportTrace).
        self.actor.require(Permission.PERSONAL_DATA_EXPORT_FULL)
        return query.with_rows(full_row_from)

    def get(self, party_id: int) -> PartyRow:
        self.actor.require(Permission.PARTY_VIEW)
        with self.store.read() as session:
            party = session.get(Party, party_id)
            if party is None:
                raise UserError("party.not_found")
            return row_from(party)

    def find_by_number(self, number: str) -> PartyRow | None:
        """The party with this exact ID number or credit code, if registered."""
        self.actor.require(Permission.PARTY_VIEW)
        value = number.strip().upper()
        with self.store.read() as session:
            party = session.scalars(
                select(Party).where((Party.id_no == value) | (Party.uscc == value))
            ).first()
            return row_from(party) if party else None

    def reveal(self, party_id: int, field_name: str, reason: str) -> str:
        """The full value of a masked field; the reveal is audited with its reason."""
        if field_name not in REVEALABLE_FIELDS:
            raise ValueError(field_name)
        if not reason.strip():
            raise UserError("reveal.reason_required", field="reason")
        with UnitOfWork(self.store, self.actor, Permission.PERSONAL_DATA_REVEAL) as uow:
            party = uow.session.get(Party, party_id)
            if party is None:
                raise UserError("party.not_found")
            uow.record_event(
                "reveal",
                Party.__tablename__,
                party.id,
                record_uuid=str(party.uuid),
                changes={"field": field_name},
                reason=reason.strip(),
            )
            return str(getattr(party, field_name) or "")

    # ---------------------------------------------------------------- writes
    def create(self, fields: Mapping[str, Any]) -> PartyRow:
        cleaned = clean_fields(fields)
        with UnitOfWork(self.store, self.actor, Permission.PARTY_EDIT) as uow:
            _check_unique(uow.session, cleaned)
            party = Party(**cleaned)
            uow.session.add(party)
            uow.flush()
            row = row_from(party)
        return replace(row, version=party.version)

    def update(self, party_id: int, version: int, changes: Mapping[str, Any]) -> PartyRow:
        """Apply `changes` (only the fields the user edited) to the party saved as `version`."""
        with UnitOfWork(self.store, self.actor, Permission.PARTY_EDIT) as uow:
            party = record_at_version(uow.session, Party, party_id, version, "party.not_found")
            merged = {name: getattr(party, name) for name in EDITABLE_FIELDS}
            merged.update(changes)
            cleaned = clean_fields(merged)
            _check_unique(uow.session, cleaned, own_id=party.id)
            assign_changed(party, cleaned)
            uow.flush()
            row = row_from(party)
        return row

    def import_records(
        self,
        records: Iterable[tuple[int, Mapping[str, Any]]],
        *,
        total: int = 0,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        batch_size: int = 500,
        source: ImportSource | None = None,
    ) -> ImportReport:
        """Import (row number, fields) records in one transaction.

        A refused row is reported with its reason and changes nothing; the
        other rows are saved together at the end.  Cancelling (or any failure)
        saves nothing at all.  `source` (the file, `import_batches`): a file
        imported before is refused unless a repeat was asked for; the import
        is recorded.
        """
        seen: dict[str, int] = {}

        def take(row_no: int, fields: Mapping[str, Any], keys: RowKeys) -> tuple[Party, str | None]:
            cleaned = clean_fields(fields)
            for key in ("id_no", "uscc"):
                value = cleaned.get(key)
                if value and value in seen:
                    raise UserError("import.duplicate_in_file", field=key, row=seen[value])
            _check_unique(uow.session, cleaned)
            row_key = keys.check(natural_key(cleaned), _key_field(cleaned))
            for key in ("id_no", "uscc"):
                if cleaned.get(key):
                    seen[cleaned[key]] = row_no
            party = Party(**cleaned)
            uow.session.add(party)
            return party, row_key

        with UnitOfWork(self.store, self.actor, Permission.PARTY_IMPORT, Permission.PARTY_EDIT) as uow:
            report = import_rows(uow, "parties", records, take, total=total, progress=progress, cancel=cancel,
                                 batch_size=batch_size, source=source)
        return report
