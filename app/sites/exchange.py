"""Exchanging records with a peer site by bundle files (DESIGN "Many sites").

What is sent: every record of the tables that go this way by default, and
every record once exchanged with this peer, whose travelling form differs from
what the peer is known to hold — the state last received from it, or last sent
to it in a bundle it has acknowledged.  Bundles are therefore cumulative since
the last acknowledgement: a lost stick costs nothing, and a later bundle
holds everything an earlier unacknowledged one did.

How a record is merged: each travelling row carries the digests of the states
the sender knows it shares with us (`bases`).  Ours unchanged since one of
them (or since what we last received from that peer) → theirs is applied.
Both changed → a conflict: ours stays, theirs is kept beside it, and a person
chooses field by field; the resolution travels back.  Nothing is discarded.

Versions (`version`) stay local optimistic locks: digests of the content say
whether two sites hold the same state, whatever their local counters read.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import __version__
from app.accounts.actor import Actor
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.audit.chain import BULK_INSERT, _bulk_records
from app.audit.models import AuditEntry, AuditHead
from app.config import data_dir
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.privacy import mask
from app.sites import bundle as bundle_format
from app.sites.identity import check_issuing_body, identity, issuing_body
from app.sites.models import (
    SiteAuditEntry,
    SiteConflict,
    SiteHeldBundle,
    SiteIdentity,
    SitePeer,
    SiteRecordLink,
    SiteRecordOrigin,
    SiteUuidAlias,
)
from app.sites.rows import (
    Shape,
    UuidMaps,
    attributes_from,
    digest,
    rows_of,
    shape,
    travelling_order,
)
from app.sites.travel import HUB_KINDS, TRAVELLING, Kind, Merge, direction
from app.store import search
from app.store.base import Base
from app.store.engine import Store
from app.store.types import utc_now

Progress = Callable[[int, int], None]
ROW_ACTIONS = ("insert", "update", "delete", "baseline")
# The digest standing for "this record was deleted" in links and conflicts: a delete
# travels as a tombstone, and a delete at one site against an edit at the other is a
# conflict like any other (the record is kept until a person chooses).
TOMBSTONE = "deleted"
# The one "field" a conflict between a delete and an edit offers: keep the record or delete it.
RECORD_FIELD = "record"
KEPT, DELETED = "kept", "deleted"


@dataclass
class ExportResult:
    to: str
    sequence: int
    records: int
    counts: dict[str, int]
    files: int
    path: str
    bundle_sha256: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportResult:
    sender: str
    sequence: int
    records_new: int = 0
    records_updated: int = 0
    records_deleted: int = 0
    conflicts: int = 0
    already_applied: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # table -> records new or updated
    files: int = 0
    bundle_sha256: str = ""
    held: bool = False  # kept until the missing bundle has been imported
    missing_sequence: int | None = None
    released: list[ImportResult] = field(default_factory=list)  # held bundles applied after this one

    def as_dict(self) -> dict[str, Any]:
        return {"held": self.held, "missing_sequence": self.missing_sequence,
                "released": [r.as_dict() for r in self.released],
                "from": self.sender, "sequence": self.sequence, "records_new": self.records_new,
                "records_updated": self.records_updated, "records_deleted": self.records_deleted,
                "conflicts": self.conflicts, "already_applied": self.already_applied, "counts": self.counts, "files": self.files,
                "bundle_sha256": self.bundle_sha256}


@dataclass(frozen=True)
class FieldChoice:
    name: str
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    id: int
    table_name: str
    record_id: int
    record_uuid: str
    peer: str
    status: str
    theirs_author: str
    theirs_at: datetime | None
    mine_author: str
    mine_at: datetime | None
    opened_at: datetime
    fields: tuple[FieldChoice, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "table": self.table_name, "record_id": self.record_id, "record_uuid": self.record_uuid,
                "peer": self.peer, "status": self.status, "theirs_author": self.theirs_author,
                "theirs_at": self.theirs_at, "mine_author": self.mine_author, "mine_at": self.mine_at,
                "opened_at": self.opened_at,
                "fields": [{"name": f.name, "mine": f.mine, "theirs": f.theirs} for f in self.fields]}


def bundle_file_name(sender: str, receiver: str, sequence: int) -> str:
    return f"{sender}-to-{receiver}-{sequence:05d}.rsx"


def _evidence_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def _peer(session: Session, code: str) -> SitePeer:
    peer = session.scalar(select(SitePeer).where(SitePeer.code == code))
    if peer is None:
        raise UserError("exchange.unknown_peer", site=code)
    return peer


def _links(session: Session, peer_code: str) -> dict[str, SiteRecordLink]:
    return {link.record_uuid: link for link in session.scalars(
        select(SiteRecordLink).where(SiteRecordLink.peer_code == peer_code))}


class ExchangeService:
    def __init__(self, store: Store, actor: Actor, *, evidence_root: Path | None = None) -> None:
        self.store = store
        self.actor = actor
        self._evidence_root = evidence_root

    @property
    def evidence_root(self) -> Path:
        return self._evidence_root or (data_dir() / "evidence")

    # ------------------------------------------------------------------ export
    def export(self, to_code: str, out: Path, *, progress: Progress | None = None) -> ExportResult:
        """Write the bundle for `to_code` to `out` (a file, or a folder to put it in)."""
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            session = uow.session
            me = identity(session)
            peer = _peer(session, to_code)
            sequence = peer.last_sent + 1
            rows, forms = self._outgoing(session, me, peer, progress)
            links = _links(session, peer.code)
            payload_rows: dict[str, list[dict[str, Any]]] = {}
            origins = dict(session.execute(select(SiteRecordOrigin.record_uuid, SiteRecordOrigin.origin_code)).all())
            new_links: list[dict[str, Any]] = []
            changed_links: list[dict[str, Any]] = []
            for table_name in travelling_order():
                for record_uuid in rows.get(table_name, ()):
                    form = forms[table_name][record_uuid]
                    link = links.get(record_uuid)
                    bases = [] if link is None else [d for d in (link.received_digest, link.sent_digest) if d]
                    payload_rows.setdefault(table_name, []).append(
                        {"uuid": record_uuid, "data": form, "bases": bases,
                         "origin": origins.get(record_uuid, me.code)})
                    d = digest(form)
                    if link is None:
                        new_links.append({"peer_code": peer.code, "table_name": table_name,
                                          "record_uuid": record_uuid, "sent_digest": d, "sent_sequence": sequence})
                    else:
                        changed_links.append({"link_id": link.id, "sent_digest": d, "sent_sequence": sequence})
            deleted = self._tombstones(session, peer, links, forms)
            for item in deleted:
                changed_links.append({"link_id": links[item["uuid"]].id, "sent_digest": TOMBSTONE,
                                      "sent_sequence": sequence})
            _save_links(session, new_links, changed_links)
            sent_uuids = {u for t in payload_rows.values() for u in (r["uuid"] for r in t)}
            sent_uuids |= {item["uuid"] for item in deleted}  # the delete's audit entry goes with it
            resolutions = self._resolutions_to_send(session, peer, sequence)
            head_seq, head_hash = session.execute(select(AuditHead.last_seq, AuditHead.last_hash)).one()
            audit_head = f"{head_seq}:{head_hash}"
            payload = {
                "format": bundle_format.FORMAT, "program": __version__,
                "from": me.code, "to": peer.code, "sequence": sequence,
                "sender": {"code": me.code, "name": me.name, "kind": me.kind, "issuing_body": issuing_body(session)},
                "since": peer.last_acknowledged, "ack": peer.last_received,
                "created_at": utc_now().isoformat(),
                "schema": {t: list(shape(t).all_columns) for t in payload_rows},
                "rows": payload_rows,
                "deleted": deleted,
                "audit": self._audit_for(session, sent_uuids, me.code, peer.code)
                + self._bulk_audit_for(session, payload_rows, me.code)
                + self._foreign_bulk_audit_for(session, payload_rows, peer.code),
                "files": self._files_for(payload_rows.get("complaint_evidence", [])),
                "resolutions": resolutions,
                # this site's audit chain head as the bundle leaves: the receiver writes it down
                "audit_head": audit_head,
            }
            data = bundle_format.seal(payload, sender=me.code, receiver=peer.code, sequence=sequence,
                                      sign_private=me.sign_private, receiver_box_public=peer.box_public)
            bundle_sha = hashlib.sha256(data).hexdigest()
            peer.last_sent = sequence
            peer.last_exported_at = utc_now()
            counts = {t: len(r) for t, r in payload_rows.items()}
            if deleted:
                counts["deleted"] = len(deleted)
            target = out / bundle_file_name(me.code, peer.code, sequence) if out.is_dir() else out
            uow.record_event("exchange_export", "site_peer", peer.id, changes={
                "to": peer.code, "sequence": sequence, "records": len(sent_uuids), "counts": counts,
                "files": len(payload["files"]), "bundle_sha256": bundle_sha, "audit_head": audit_head})
            uow.flush()
            # written before the commit: a bundle that could not be written leaves no trace here
            _write_atomically(target, data)
        if progress:
            progress(1, 1)
        return ExportResult(peer.code, sequence, len(sent_uuids), counts, len(payload["files"]), str(target),
                            bundle_sha)

    def _outgoing(self, session: Session, me: SiteIdentity, peer: SitePeer,
                  progress: Progress | None) -> tuple[dict[str, list[str]], dict[str, dict[str, dict[str, Any]]]]:
        """The uuids to send per table, and every candidate's travelling form."""
        default = direction(me.kind, peer.kind)
        # an administrator's narrowing: these tables send nothing of their own accord (a record
        # another one refers to still goes with it, or the peer could not take that one in)
        excluded = set(_excluded(peer))
        links = _links(session, peer.code)
        maps = UuidMaps(session)
        forms: dict[str, dict[str, dict[str, Any]]] = {}
        chosen: dict[str, dict[str, None]] = {}  # ordered sets
        order = travelling_order()

        def known_to_peer(record_uuid: str, d: str) -> bool:
            link = links.get(record_uuid)
            if link is None:
                return False
            if link.received_digest == d:
                return True
            return link.sent_digest == d and (link.sent_sequence or 0) <= peer.last_acknowledged

        for i, table_name in enumerate(order):
            if table_name in excluded:
                continue
            travel = TRAVELLING[table_name]
            in_default = bool(travel.directions & default)
            shared = {u for u, link in links.items() if link.table_name == table_name}
            if not in_default and not shared:
                continue
            table_forms = forms.setdefault(table_name, {})
            picked = chosen.setdefault(table_name, {})
            for _id, record_uuid, form in rows_of(session, table_name, maps):
                if not in_default and record_uuid not in shared:
                    continue
                if travel.only is not None and not travel.only(form):
                    continue
                table_forms[record_uuid] = form
                if not known_to_peer(record_uuid, digest(form)):
                    picked[record_uuid] = None
            if progress:
                progress(i + 1, len(order) * 2)
        # what a chosen record refers to goes with it, unless the peer has it already
        for table_name in reversed(order):
            sh = shape(table_name)
            for record_uuid in list(chosen.get(table_name, {})):
                form = forms[table_name][record_uuid]
                for column, target in sh.references.items():
                    ref = form.get(column)
                    if ref is None or ref in chosen.get(target, {}):
                        continue
                    target_forms = forms.setdefault(target, {})
                    if ref not in target_forms:
                        found = list(rows_of(session, target, maps, [ref]))
                        if not found:
                            continue
                        target_forms[ref] = found[0][2]
                    link = links.get(ref)
                    if link is None or not (link.received_digest or link.sent_digest):
                        chosen.setdefault(target, {})[ref] = None
        return {t: list(u) for t, u in chosen.items() if u}, forms

    @staticmethod
    def _tombstones(session: Session, peer: SitePeer, links: dict[str, SiteRecordLink],
                    forms: dict[str, dict[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Records the peer holds (it sent or acknowledged them) that were deleted here since:
        each goes as a tombstone with the states the peer may still hold, so that it deletes
        only an unchanged copy and keeps an edited one as a conflict."""
        candidates: dict[str, list[SiteRecordLink]] = {}
        for record_uuid, link in links.items():
            if link.table_name not in TRAVELLING or record_uuid in forms.get(link.table_name, {}):
                continue
            if link.received_digest == TOMBSTONE:
                continue  # the peer deleted it itself (or told us it did)
            if link.sent_digest == TOMBSTONE and (link.sent_sequence or 0) <= peer.last_acknowledged:
                continue  # our tombstone arrived
            if not (link.received_digest or link.sent_digest):
                continue
            candidates.setdefault(link.table_name, []).append(link)
        out: list[dict[str, Any]] = []
        for table_name in reversed(travelling_order()):  # children before the records they refer to
            table_links = candidates.get(table_name)
            if not table_links:
                continue
            table = shape(table_name).table
            keys = [uuid.UUID(link.record_uuid) for link in table_links]
            present = {str(u) for start in range(0, len(keys), 500)
                       for u in session.scalars(select(table.c.uuid).where(table.c.uuid.in_(keys[start:start + 500])))}
            for link in table_links:
                if link.record_uuid in present:
                    continue
                bases = [d for d in (link.received_digest, link.sent_digest) if d and d != TOMBSTONE]
                out.append({"table": table_name, "uuid": link.record_uuid, "bases": bases})
        return out

    def _audit_for(self, session: Session, uuids: set[str], my_code: str, peer_code: str) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        wanted = sorted(uuids)
        # accounts never travel; an author's name does, so the other site shows who, not a login
        names = dict(session.execute(select(User.id, User.display_name)).all())
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for e in session.scalars(select(AuditEntry).where(AuditEntry.record_uuid.in_(chunk),
                                                              AuditEntry.action.in_(ROW_ACTIONS))):
                entries.append({"origin": my_code, "seq": e.seq, "at": e.at.isoformat(), "actor": e.actor,
                                "actor_name": names.get(e.actor_user_id) or e.actor,
                                "machine": e.machine, "action": e.action, "table": e.table_name,
                                "uuid": e.record_uuid, "changes": e.changes, "reason": e.reason,
                                "hash": e.entry_hash})
            for f in session.scalars(select(SiteAuditEntry).where(SiteAuditEntry.record_uuid.in_(chunk),
                                                                  SiteAuditEntry.origin_code != peer_code)):
                entries.append({"origin": f.origin_code, "seq": f.origin_seq, "at": f.at.isoformat(),
                                "actor": f.actor, "machine": f.machine, "action": f.action, "table": f.table_name,
                                "uuid": f.record_uuid, "changes": f.changes, "reason": f.reason,
                                "hash": f.entry_hash})
        return entries

    @staticmethod
    def _bulk_audit_for(session: Session, payload_rows: dict[str, list[dict[str, Any]]],
                        my_code: str) -> list[dict[str, Any]]:
        """The `bulk_insert` entries (a ledger import's one entry per table) covering records
        sent: each goes once, as written (its hash still checks), with the uuids of the sent
        records it covers — the entry itself names them by this site's ids."""
        entries: list[dict[str, Any]] = []
        for table_name, rows in payload_rows.items():
            bulk = session.scalars(select(AuditEntry).where(
                AuditEntry.table_name == table_name, AuditEntry.record_id.is_(None),
                AuditEntry.action == BULK_INSERT)).all()
            if not bulk:
                continue
            table = shape(table_name).table
            keys = [uuid.UUID(r["uuid"]) for r in rows]
            id_to_uuid: dict[int, str] = {}
            for start in range(0, len(keys), 500):
                for record_id, record_uuid in session.execute(
                        select(table.c.id, table.c.uuid).where(table.c.uuid.in_(keys[start:start + 500]))):
                    id_to_uuid[record_id] = str(record_uuid)
            for e in bulk:
                covered = [id_to_uuid[i] for i, _digest in _bulk_records(e.changes) if i in id_to_uuid]
                if covered:
                    entries.append({"origin": my_code, "seq": e.seq, "at": e.at.isoformat(), "actor": e.actor,
                                    "machine": e.machine, "action": e.action, "table": e.table_name,
                                    "uuid": None, "uuids": covered, "changes": e.changes, "reason": e.reason,
                                    "hash": e.entry_hash})
        return entries

    @staticmethod
    def _foreign_bulk_audit_for(session: Session, payload_rows: dict[str, list[dict[str, Any]]],
                                peer_code: str) -> list[dict[str, Any]]:
        """Another site's `bulk_insert` entries (kept here as they arrived, naming the records by
        uuid, not by id) for the records sent on: a township's ledger import that reached the
        district goes with its parties to the next township, as its one-record entries do
        (`_audit_for`).  Never back to the site they came from; each goes once, as written."""
        aliases = dict(session.execute(select(SiteUuidAlias.foreign_uuid, SiteUuidAlias.local_uuid)).all())
        entries: list[dict[str, Any]] = []
        for table_name, rows in payload_rows.items():
            sent = {r["uuid"] for r in rows}
            for f in session.scalars(select(SiteAuditEntry).where(
                    SiteAuditEntry.table_name == table_name, SiteAuditEntry.record_uuids.is_not(None),
                    SiteAuditEntry.origin_code != peer_code).order_by(SiteAuditEntry.id)):
                covered = [u for u in (aliases.get(str(x), str(x)) for x in json.loads(f.record_uuids or "[]"))
                           if u in sent]
                if covered:
                    entries.append({"origin": f.origin_code, "seq": f.origin_seq, "at": f.at.isoformat(),
                                    "actor": f.actor, "machine": f.machine, "action": f.action, "table": f.table_name,
                                    "uuid": None, "uuids": covered, "changes": f.changes, "reason": f.reason,
                                    "hash": f.entry_hash})
        return entries

    def _files_for(self, evidence_rows: list[dict[str, Any]]) -> dict[str, str]:
        files: dict[str, str] = {}
        for row in evidence_rows:
            sha = row["data"].get("sha256")
            if not sha or sha in files:
                continue
            path = _evidence_path(self.evidence_root, sha)
            if path.is_file():
                files[sha] = base64.b64encode(path.read_bytes()).decode()
        return files

    def _resolutions_to_send(self, session: Session, peer: SitePeer, sequence: int) -> list[dict[str, Any]]:
        """Conflicts with this peer settled here and not yet acknowledged by it."""
        out = []
        for conflict in session.scalars(select(SiteConflict).where(
                SiteConflict.peer_code == peer.code, SiteConflict.status == "resolved")):
            resolution = json.loads(conflict.resolution or "{}")
            sent = resolution.get("sent_sequence")
            if sent is not None and sent <= peer.last_acknowledged:
                continue
            maps = UuidMaps(session)
            current = list(rows_of(session, conflict.table_name, maps, [conflict.record_uuid]))
            out.append({"uuid": conflict.record_uuid, "digest": digest(current[0][2]) if current else TOMBSTONE,
                        "by": resolution.get("by", ""), "at": resolution.get("at", "")})
            resolution["sent_sequence"] = sequence
            conflict.resolution = json.dumps(resolution, ensure_ascii=False)
        return out

    # ------------------------------------------------------------------ import
    def inspect(self, path: Path) -> tuple[str, str, int]:
        """(from, to, sequence) of a bundle file, without opening its contents."""
        header, _body, _cipher, _sig = bundle_format.read_header(_read(path))
        return header.sender, header.receiver, header.sequence

    def import_bundle(self, path: Path, *, progress: Progress | None = None) -> ImportResult:
        """Apply a bundle (all of it or nothing).  One that builds on a bundle not imported
        yet is held — kept here, sealed as it came — and applied as soon as the missing one
        is; the result says so (`held`, `missing_sequence`).  Bundles held before and now
        applicable are applied after this one, each in its own transaction (`released`)."""
        result = self._import_data(_read(path), progress)
        if not (result.held or result.already_applied):
            result.released = self._release_held(result.sender)
        return result

    def _open(self, data: bytes) -> tuple[bundle_format.Header, dict[str, Any], str]:
        header, body, cipher, signature = bundle_format.read_header(data)
        with self.store.read() as session:
            me = identity(session)
            if header.receiver != me.code:
                raise UserError("exchange.not_for_us", to=header.receiver, me=me.code)
            peer = session.scalar(select(SitePeer).where(SitePeer.code == header.sender))
            if peer is None:
                raise UserError("exchange.untrusted", site=header.sender)
            payload = bundle_format.open_sealed(header, body, cipher, signature,
                                                sender_sign_public=peer.sign_public, box_private=me.box_private)
        if payload.get("from") != header.sender or payload.get("to") != header.receiver \
                or payload.get("sequence") != header.sequence:
            raise UserError("exchange.damaged")
        _check_schema(payload)
        return header, payload, hashlib.sha256(data).hexdigest()

    def _import_data(self, data: bytes, progress: Progress | None) -> ImportResult:
        header, payload, bundle_sha = self._open(data)
        result = ImportResult(header.sender, header.sequence, bundle_sha256=bundle_sha)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            session = uow.session
            me = identity(session)
            peer = _peer(session, header.sender)
            if header.sequence <= peer.last_received:
                result.already_applied = True
                uow.session.rollback()
                return result
            body = (payload.get("sender") or {}).get("issuing_body")
            if isinstance(body, str) and body.strip():
                # a site whose case numbers would clash with ours or another peer's: refused
                check_issuing_body(session, peer.code, peer.kind, body.strip())
                peer.issuing_body = body.strip()
            since = int(payload.get("since") or 0)
            if since > peer.last_received:
                self._hold(uow, peer, header.sequence, since, bundle_sha, data, result)
                return result
            peer.last_acknowledged = max(peer.last_acknowledged, int(payload.get("ack") or 0))
            try:
                self._apply_rows(uow, me, peer, payload, result, progress)
            except IntegrityError as exc:
                raise UserError("exchange.clash", detail=str(exc.orig).splitlines()[0][:200]) from exc
            self._apply_resolutions(session, peer, payload.get("resolutions") or [])
            self._keep_audit(session, payload.get("audit") or [])
            result.files = self._keep_files(payload.get("files") or {})
            peer.last_received = header.sequence
            peer.last_imported_at = utc_now()
            # the sender's audit chain head as the bundle states it: written down here, it later
            # shows whether the sender's chain was rewritten (`audit verify --anchor` there)
            anchor = payload.get("audit_head")
            if isinstance(anchor, str) and len(anchor) <= 100:
                peer.last_received_anchor = anchor
            # a held bundle this one supersedes (it holds everything that one did) goes
            for stale in session.scalars(select(SiteHeldBundle).where(
                    SiteHeldBundle.peer_code == peer.code, SiteHeldBundle.sequence <= header.sequence)):
                session.delete(stale)
            uow.record_event("exchange_import", "site_peer", peer.id, changes={
                "from": peer.code, "sequence": header.sequence, "bundle_sha256": bundle_sha,
                "records_new": result.records_new, "records_updated": result.records_updated,
                "records_deleted": result.records_deleted, "conflicts": result.conflicts, "counts": result.counts,
                "sender_audit_head": peer.last_received_anchor})
        return result

    @staticmethod
    def _hold(uow: UnitOfWork, peer: SitePeer, sequence: int, since: int, bundle_sha: str, data: bytes,
              result: ImportResult) -> None:
        session = uow.session
        result.held = True
        result.missing_sequence = peer.last_received + 1
        exists = session.scalar(select(SiteHeldBundle.id).where(SiteHeldBundle.peer_code == peer.code,
                                                                 SiteHeldBundle.sequence == sequence))
        if exists is not None:
            session.rollback()  # held before: nothing changes
            return
        session.add(SiteHeldBundle(peer_code=peer.code, sequence=sequence, since=since, bundle_sha256=bundle_sha,
                                   data=data))
        uow.record_event("exchange_hold", "site_peer", peer.id, changes={
            "from": peer.code, "sequence": sequence, "missing": result.missing_sequence, "bundle_sha256": bundle_sha})

    def _release_held(self, peer_code: str) -> list[ImportResult]:
        """Apply, in order, the held bundles of this peer that can now be applied."""
        released: list[ImportResult] = []
        while True:
            with self.store.read() as session:
                last = session.scalar(select(SitePeer.last_received).where(SitePeer.code == peer_code)) or 0
                data = session.scalar(select(SiteHeldBundle.data).where(
                    SiteHeldBundle.peer_code == peer_code, SiteHeldBundle.sequence > last,
                    SiteHeldBundle.since <= last).order_by(SiteHeldBundle.sequence).limit(1))
            if data is None:
                return released
            result = self._import_data(data, None)
            if result.held or result.already_applied:  # cannot happen; never loop on it
                return released
            released.append(result)

    def held(self) -> list[dict[str, Any]]:
        """Bundles waiting for one before them: per bundle, its sender, its sequence and the one missing."""
        with self.store.read() as session:
            self._require_reader(session)
            received = dict(session.execute(select(SitePeer.code, SitePeer.last_received)).all())
            return [{"from": code, "sequence": sequence, "missing_sequence": received.get(code, 0) + 1,
                     "held_at": at}
                    for code, sequence, at in session.execute(select(
                        SiteHeldBundle.peer_code, SiteHeldBundle.sequence, SiteHeldBundle.held_at)
                        .order_by(SiteHeldBundle.peer_code, SiteHeldBundle.sequence))]

    def _apply_rows(self, uow: UnitOfWork, me: SiteIdentity, peer: SitePeer, payload: dict[str, Any],
                    result: ImportResult, progress: Progress | None) -> None:
        session = uow.session
        maps = UuidMaps(session)
        links = _links(session, peer.code)
        aliases = dict(session.execute(select(SiteUuidAlias.foreign_uuid, SiteUuidAlias.local_uuid)).all())
        open_conflicts = {(c.record_uuid): c for c in session.scalars(select(SiteConflict).where(
            SiteConflict.peer_code == peer.code, SiteConflict.status == "open"))}
        known_origins = set(session.scalars(select(SiteRecordOrigin.record_uuid)))
        authors = _last_authors(payload.get("audit") or [])
        sender_is_hub = peer.kind in HUB_KINDS
        incoming: dict[str, list[dict[str, Any]]] = payload.get("rows") or {}
        total = sum(len(v) for v in incoming.values())
        done = 0
        touched_cases: list[int] = []
        fresh_links: list[_NewLink] = []  # written by Core at the end: ORM objects cost a second per 10,000
        # what the peer settled itself: a record it chose to keep comes back without a new conflict
        settled = {str(item.get("uuid")) for item in payload.get("resolutions") or []}
        reason = f"交换包导入：来自{peer.code}的第{payload.get('sequence')}号 / exchange bundle {payload.get('sequence')} " \
                 f"from {peer.code}"
        self._apply_deletes(uow, me, peer, payload.get("deleted") or [], result, links, aliases, open_conflicts,
                            authors)
        new_origins: list[dict[str, Any]] = []
        for table_name in travelling_order():
            rows = incoming.get(table_name)
            if not rows:
                continue
            sh = shape(table_name)
            travel = TRAVELLING[table_name]
            model = sh.mapper.class_
            local_uuids = [aliases.get(r["uuid"], r["uuid"]) for r in rows]
            local_rows = {u: (i, f) for i, u, f in rows_of(session, table_name, maps, local_uuids)}
            new_objects: list[tuple[dict[str, Any], str]] = []  # (ORM attribute values, uuid)
            pending_deleted_here: list[tuple[int, str, str, dict[str, Any], str, Any]] = []
            for row in rows:
                record_uuid = aliases.get(row["uuid"], row["uuid"])
                theirs: dict[str, Any] = row["data"]
                their_digest = digest(theirs)
                local = local_rows.get(record_uuid)
                known = links.get(record_uuid)
                # a record this site held and deleted since, changed (or kept) at the peer
                deleted_here = local is None and known is not None and bool(known.received_digest or known.sent_digest)
                if local is None and not deleted_here:
                    matched = self._match_natural(session, sh, travel.natural_keys, theirs, maps)
                    if matched is not None:
                        session.add(SiteUuidAlias(table_name=table_name, foreign_uuid=row["uuid"],
                                                  local_uuid=matched))
                        aliases[row["uuid"]] = record_uuid = matched
                        local = next(((i, f) for i, _u, f in rows_of(session, table_name, maps, [matched])), None)
                link = links.get(record_uuid)
                if link is None:
                    new_link = _NewLink(peer.code, table_name, record_uuid)
                    fresh_links.append(new_link)
                    # it stands in for the SiteRecordLink that Core writes at the end
                    link = links[record_uuid] = cast(SiteRecordLink, new_link)
                try:
                    values = attributes_from(sh, theirs, maps, aliases)
                except LookupError as exc:
                    raise UserError("exchange.missing_reference", table=exc.args[0], uuid=exc.args[1]) from exc
                if local is None:
                    new_objects.append((values, record_uuid))
                    link.received_digest = their_digest
                    hub_register = travel.merge == Merge.DISTRICT_WINS and sender_is_hub \
                        and me.kind == Kind.TOWNSHIP.value
                    if deleted_here and record_uuid not in settled and not hub_register:
                        # back it comes, marked: a person decides whether our delete stands
                        pending_deleted_here.append((len(new_objects) - 1, table_name, record_uuid, theirs,
                                                     their_digest, authors.get(row["uuid"])))
                        result.conflicts += 1
                    if record_uuid not in known_origins:
                        new_origins.append({"table_name": table_name, "record_uuid": record_uuid,
                                            "origin_code": str(row.get("origin") or peer.code)})
                        known_origins.add(record_uuid)
                    result.records_new += 1
                    result.counts[table_name] = result.counts.get(table_name, 0) + 1
                else:
                    local_id, mine = local
                    my_digest = digest(mine)
                    if my_digest == their_digest:
                        link.received_digest = their_digest
                    elif my_digest in (row.get("bases") or []) or my_digest == link.received_digest:
                        self._update(session, model, local_id, values)
                        link.received_digest = their_digest
                        conflict = open_conflicts.pop(record_uuid, None)
                        if conflict is not None:
                            conflict.status, conflict.resolved_at = "resolved", utc_now()
                            conflict.resolved_by = f"{authors.get(row['uuid'], ('', None))[0]}@{peer.code}"
                        result.records_updated += 1
                        result.counts[table_name] = result.counts.get(table_name, 0) + 1
                    elif travel.merge == Merge.DISTRICT_WINS and sender_is_hub and me.kind == Kind.TOWNSHIP.value:
                        session.add(self._conflict(table_name, record_uuid, local_id, peer.code, mine, theirs,
                                                   their_digest, authors.get(row["uuid"]), status="superseded"))
                        self._update(session, model, local_id, values)
                        link.received_digest = their_digest
                        result.records_updated += 1
                        result.counts[table_name] = result.counts.get(table_name, 0) + 1
                    else:
                        conflict = open_conflicts.get(record_uuid)
                        if conflict is None:
                            conflict = self._conflict(table_name, record_uuid, local_id, peer.code, mine, theirs,
                                                      their_digest, authors.get(row["uuid"]))
                            session.add(conflict)
                            open_conflicts[record_uuid] = conflict
                            result.conflicts += 1
                        elif conflict.theirs_digest != their_digest:
                            conflict.theirs = _dumps(theirs)
                            conflict.theirs_digest = their_digest
                            conflict.mine = _dumps(mine)
                            result.conflicts += 1
                done += 1
                if progress and done % 500 == 0:
                    progress(done, total)
            uow.flush()
            new_ids = self._insert_new(uow, sh, new_objects, reason)
            for new_id, (_values, record_uuid) in zip(new_ids, new_objects, strict=True):
                maps.add(table_name, new_id, record_uuid)
            for index, t_name, record_uuid, theirs, their_digest, author in pending_deleted_here:
                conflict = self._conflict(t_name, record_uuid, new_ids[index], peer.code, None, theirs, their_digest,
                                          author)
                session.add(conflict)
                open_conflicts[record_uuid] = conflict
            pending_deleted_here.clear()
            if table_name == "arbitration_case":
                touched_cases.extend(maps.id_of(table_name, aliases.get(r["uuid"], r["uuid"])) or 0 for r in rows)
        # the bookkeeping goes in by Core: thousands of ORM objects more would double the import's time
        if new_origins:
            session.connection().execute(insert(SiteRecordOrigin), new_origins)
        _save_links(session, [{"peer_code": link.peer_code, "table_name": link.table_name,
                               "record_uuid": link.record_uuid, "received_digest": link.received_digest,
                               "sent_digest": None, "sent_sequence": None} for link in fresh_links],
                    [])
        if touched_cases:
            self._refresh_arbitration(uow, [c for c in touched_cases if c])
        if progress:
            progress(total, total)

    def _insert_new(self, uow: UnitOfWork, sh: Shape, new: list[tuple[dict[str, Any], str]], reason: str) -> list[int]:
        """Insert the records new here in bulk (Core executemany, the columns' defaults applied
        as the ORM would) with one `bulk_insert` audit entry for the table: each record's id
        and the digest of the row as read back, which is what `audit verify` compares.  Ten
        thousand records saved one by one through the audited ORM path took twice as long.
        The entry goes into the chain at once, before any later change of these records."""
        if not new:
            return []
        session = uow.session
        table = sh.table
        mapper = sh.mapper
        column_of = {prop.key: prop.columns[0] for prop in mapper.column_attrs}
        rows = [{column_of[key].key: value for key, value in values.items()} | {"uuid": uuid.UUID(record_uuid)}
                for values, record_uuid in new]
        connection = session.connection()  # Core, not the ORM's bulk path: a third of the time
        connection.execute(insert(table), rows)
        audited = [(key, column_of[key]) for key in audit.audited_columns(mapper.class_)]
        by_uuid: dict[str, tuple[int, str]] = {}
        party_terms: list[tuple[int, str | None, str | None, str | None]] = []
        keys = [row["uuid"] for row in rows]
        for start in range(0, len(keys), 500):  # read back: ids, and the digest of what was stored
            for row in connection.execute(select(table).where(table.c.uuid.in_(keys[start:start + 500]))).mappings():
                state = {key: row[column] for key, column in audited if row[column] is not None}
                by_uuid[str(row[table.c.uuid])] = (row[table.c.id], audit.state_digest(state))
                if table.name == "party":
                    party_terms.append((row["id"], row["name"], row["id_no"], row["uscc"]))
        if party_terms:  # what the parties' flush hook does for records saved through the ORM
            search.reindex_parties(connection, party_terms)
        records = [by_uuid[record_uuid] for _values, record_uuid in new]
        uow.append_audit([audit.bulk_insert_entry(table.name, sorted(records), reason)])
        return [record_id for record_id, _digest in records]

    def _apply_deletes(self, uow: UnitOfWork, me: SiteIdentity, peer: SitePeer, deleted: list[dict[str, Any]],
                       result: ImportResult, links: dict[str, SiteRecordLink], aliases: dict[str, str],
                       open_conflicts: dict[str, SiteConflict], authors: dict[str, tuple[str, str | None]]) -> None:
        """The peer's tombstones: an unchanged copy here is deleted (audited); one changed here
        since, or one something here still refers to, stays and becomes a conflict."""
        session = uow.session
        maps = UuidMaps(session)
        hub_wins = peer.kind in HUB_KINDS and me.kind == Kind.TOWNSHIP.value
        for item in deleted:
            table_name = str(item.get("table"))
            author = authors.get(str(item.get("uuid")))
            record_uuid = aliases.get(str(item.get("uuid")), str(item.get("uuid")))
            link = links.get(record_uuid)
            found = list(rows_of(session, table_name, maps, [record_uuid]))
            if not found:
                if link is not None:
                    link.received_digest = TOMBSTONE
                conflict = open_conflicts.pop(record_uuid, None)
                if conflict is not None:  # it had come back marked; both sides now agree it goes
                    conflict.status, conflict.resolved_at = "resolved", utc_now()
                    conflict.resolved_by = f"{(author or ('', None))[0]}@{peer.code}"
                continue
            if link is None:
                link = SiteRecordLink(peer_code=peer.code, table_name=table_name, record_uuid=record_uuid)
                session.add(link)
                links[record_uuid] = link
            record_id, mine = found[0][0], found[0][2]
            my_digest = digest(mine)
            unchanged = my_digest in (item.get("bases") or []) or my_digest == link.received_digest
            travel = TRAVELLING[table_name]
            if unchanged or (travel.merge == Merge.DISTRICT_WINS and hub_wins):
                if _referred_to(session, table_name, record_id):
                    unchanged = False  # still in use here: deleting it would take others with it
                else:
                    if not unchanged:  # the district's register wins; our version is kept aside
                        session.add(self._conflict(table_name, record_uuid, record_id, peer.code, mine, None,
                                                   TOMBSTONE, author, status="superseded"))
                    session.delete(session.get(shape(table_name).mapper.class_, record_id))
                    uow.flush()
                    link.received_digest = TOMBSTONE
                    stale = open_conflicts.pop(record_uuid, None)
                    if stale is not None:
                        stale.status, stale.resolved_at = "resolved", utc_now()
                        stale.resolved_by = f"{(author or ('', None))[0]}@{peer.code}"
                    result.records_deleted += 1
                    result.counts["deleted"] = result.counts.get("deleted", 0) + 1
                    continue
            conflict = open_conflicts.get(record_uuid)
            if conflict is None:
                conflict = self._conflict(table_name, record_uuid, record_id, peer.code, mine, None, TOMBSTONE,
                                          author)
                session.add(conflict)
                open_conflicts[record_uuid] = conflict
                result.conflicts += 1
            elif conflict.theirs_digest != TOMBSTONE:
                conflict.theirs, conflict.theirs_digest, conflict.mine = _dumps(None), TOMBSTONE, _dumps(mine)
                result.conflicts += 1

    @staticmethod
    def _update(session: Session, model: type, record_id: int, values: dict[str, Any]) -> None:
        obj = session.get(model, record_id)
        for key, value in values.items():
            if getattr(obj, key) != value:
                setattr(obj, key, value)

    @staticmethod
    def _match_natural(session: Session, sh: Any, keys: tuple[str, ...], theirs: dict[str, Any],
                       maps: UuidMaps) -> str | None:
        for key in keys:
            value = theirs.get(key)
            if value is None:
                continue
            found = session.execute(select(sh.table.c.uuid).where(sh.table.c[key] == value)).scalar()
            if found is not None:
                return str(found)
        return None

    @staticmethod
    def _conflict(table_name: str, record_uuid: str, record_id: int, peer_code: str, mine: dict[str, Any] | None,
                  theirs: dict[str, Any] | None, their_digest: str, author: tuple[str, str | None] | None,
                  status: str = "open") -> SiteConflict:
        who, when = author or ("", None)
        return SiteConflict(table_name=table_name, record_uuid=record_uuid, record_id=record_id,
                            peer_code=peer_code, mine=_dumps(mine), theirs=_dumps(theirs),
                            theirs_digest=their_digest, theirs_author=f"{who}@{peer_code}" if who else peer_code,
                            theirs_at=datetime.fromisoformat(when) if when else None, status=status,
                            resolved_at=utc_now() if status != "open" else None)

    def _refresh_arbitration(self, uow: UnitOfWork, case_ids: list[int]) -> None:
        """Cases that arrived get their deadlines on Today's desk, as received ones here do."""
        from app.arbitration.models import ArbitrationCase
        from app.arbitration.service import _refresh_deadlines
        from app.legal.holidays import calendar_for

        calendar = calendar_for(self.store)
        for case_id in sorted(set(case_ids)):
            case = uow.session.get(ArbitrationCase, case_id)
            if case is not None:
                _refresh_deadlines(uow.session, case, calendar)

    @staticmethod
    def _apply_resolutions(session: Session, peer: SitePeer, resolutions: list[dict[str, Any]]) -> None:
        """The peer settled a conflict it had with us: ours closes once we hold what it settled on."""
        if not resolutions:
            return
        maps = UuidMaps(session)
        for item in resolutions:
            for conflict in session.scalars(select(SiteConflict).where(
                    SiteConflict.record_uuid == item.get("uuid"), SiteConflict.peer_code == peer.code,
                    SiteConflict.status == "open")):
                current = list(rows_of(session, conflict.table_name, maps, [conflict.record_uuid]))
                held = digest(current[0][2]) if current else TOMBSTONE
                if held == item.get("digest"):
                    conflict.status, conflict.resolved_at = "resolved", utc_now()
                    conflict.resolved_by = f"{item.get('by', '')}@{peer.code}"

    @staticmethod
    def _keep_audit(session: Session, entries: list[dict[str, Any]]) -> None:
        if not entries:
            return
        have = set(session.execute(select(SiteAuditEntry.origin_code, SiteAuditEntry.origin_seq)).all())
        mine = session.scalar(select(SiteIdentity.code))
        rows: list[dict[str, Any]] = []
        for e in entries:
            key = (e["origin"], int(e["seq"]))
            if key in have or e["origin"] == mine:
                continue
            have.add(key)
            rows.append({"origin_code": e["origin"], "origin_seq": int(e["seq"]),
                         "at": datetime.fromisoformat(e["at"]), "actor": str(e["actor"])[:64],
                         "machine": str(e.get("machine") or "")[:128], "action": str(e["action"])[:16],
                         "table_name": str(e["table"])[:64], "record_uuid": e.get("uuid"),
                         "changes": str(e.get("changes") or ""), "reason": e.get("reason"),
                         "entry_hash": str(e.get("hash") or "")[:64],
                         "record_uuids": _dumps([str(u) for u in e["uuids"]]) if isinstance(e.get("uuids"), list)
                         else None})
        if rows:
            session.connection().execute(insert(SiteAuditEntry), rows)

    def _keep_files(self, files: dict[str, str]) -> int:
        kept = 0
        for sha, encoded in files.items():
            content = base64.b64decode(encoded)
            if hashlib.sha256(content).hexdigest() != sha:
                raise UserError("exchange.damaged")
            path = _evidence_path(self.evidence_root, sha)
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_atomically(path, content)
                kept += 1
        return kept

    # ------------------------------------------------------------------ narrowing
    def narrowable(self, peer_code: str) -> list[str]:
        """The tables that go to this peer by default (what an administrator may narrow)."""
        with self.store.read() as session:
            self._require_reader(session)
            me = identity(session)
            peer = _peer(session, peer_code)
            default = direction(me.kind, peer.kind)
            return [t for t in travelling_order() if TRAVELLING[t].directions & default]

    def narrow(self, peer_code: str, excluded: list[str]) -> list[str]:
        """Send this peer nothing of these tables from now on (an empty list: everything again)."""
        unknown = sorted(t for t in excluded if t not in TRAVELLING)
        if unknown:
            raise UserError("exchange.table_unknown", table=unknown[0])
        chosen = sorted(set(excluded), key=travelling_order().index)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            peer = _peer(uow.session, peer_code)
            before = _excluded(peer)
            peer.excluded_tables = _dumps(chosen) if chosen else None
            uow.record_event("exchange_narrow", "site_peer", peer.id,
                             changes={"peer": peer.code, "excluded": [before, chosen]})
        return chosen

    # ------------------------------------------------------------------ status, conflicts
    def _require_reader(self, session: Session) -> None:
        self.actor.require(Permission.USER_MANAGE)
        # the set-up actor reads only while there are no accounts, as it writes (UnitOfWork)
        if self.actor.is_setup and session.scalar(select(func.count()).select_from(User)):
            raise UserError("auth.setup_closed")

    def status(self) -> list[dict[str, Any]]:
        with self.store.read() as session:
            self._require_reader(session)
            open_by_peer: dict[str, int] = {}
            for code in session.scalars(select(SiteConflict.peer_code).where(SiteConflict.status == "open")):
                open_by_peer[code] = open_by_peer.get(code, 0) + 1
            held: dict[str, list[int]] = {}
            for code, sequence in session.execute(select(SiteHeldBundle.peer_code, SiteHeldBundle.sequence)
                                                  .order_by(SiteHeldBundle.sequence)):
                held.setdefault(code, []).append(sequence)
            return [{"code": p.code, "name": p.name, "kind": p.kind, "last_sent": p.last_sent,
                     "last_acknowledged": p.last_acknowledged, "last_received": p.last_received,
                     "last_exported_at": p.last_exported_at, "last_imported_at": p.last_imported_at,
                     "open_conflicts": open_by_peer.get(p.code, 0), "held": held.get(p.code, []),
                     "received_audit_head": p.last_received_anchor,
                     "excluded_tables": _excluded(p)}
                    for p in session.scalars(select(SitePeer).order_by(SitePeer.code))]

    def conflicts(self, *, include_closed: bool = False) -> list[ConflictView]:
        with self.store.read() as session:
            self._require_reader(session)
            stmt = select(SiteConflict).order_by(SiteConflict.id)
            if not include_closed:
                stmt = stmt.where(SiteConflict.status == "open")
            return [self._conflict_view(session, c) for c in session.scalars(stmt)]

    def open_conflict_ids(self, table_name: str) -> dict[int, int]:
        """record id → open conflict id, for a list to mark its records."""
        return open_conflict_ids(self.store, table_name)

    def _conflict_view(self, session: Session, conflict: SiteConflict) -> ConflictView:
        theirs = json.loads(conflict.theirs)
        current = list(rows_of(session, conflict.table_name, UuidMaps(session), [conflict.record_uuid]))
        mine = current[0][2] if current and conflict.status == "open" else json.loads(conflict.mine)
        if theirs is None or json.loads(conflict.mine) is None:
            # a delete against an edit: the choice is the record's, kept or deleted
            deleted_there = theirs is None
            fields: tuple[FieldChoice, ...] = (FieldChoice(RECORD_FIELD, KEPT if deleted_there else DELETED,
                                                           DELETED if deleted_there else KEPT),)
            return self._view(session, conflict, fields)
        derived = TRAVELLING[conflict.table_name].derived if conflict.table_name in TRAVELLING else {}
        names = [n for n in shape(conflict.table_name).all_columns
                 if mine.get(n) != theirs.get(n) and n not in derived]
        # ID numbers, phones and addresses are shown masked, here as everywhere
        sensitive = getattr(shape(conflict.table_name).mapper.class_, "__sensitive__", {})

        def shown(name: str, value: Any) -> Any:
            return mask(sensitive[name], value) if name in sensitive and value is not None else value

        return self._view(session, conflict,
                          tuple(FieldChoice(n, shown(n, mine.get(n)), shown(n, theirs.get(n))) for n in names))

    @staticmethod
    def _view(session: Session, conflict: SiteConflict, fields: tuple[FieldChoice, ...]) -> ConflictView:
        last = session.execute(select(AuditEntry.actor, AuditEntry.at, User.display_name)
                               .outerjoin(User, User.id == AuditEntry.actor_user_id).where(
            AuditEntry.table_name == conflict.table_name, AuditEntry.record_id == conflict.record_id,
            AuditEntry.action.in_(("insert", "update", "delete"))).order_by(AuditEntry.seq.desc()).limit(1)).first()
        mine_author = (last[2] or last[0]) if last else ""
        return ConflictView(conflict.id, conflict.table_name, conflict.record_id, conflict.record_uuid,
                            conflict.peer_code, conflict.status, conflict.theirs_author, conflict.theirs_at,
                            mine_author, last[1] if last else None, conflict.opened_at, fields)

    def resolve(self, conflict_id: int, choices: dict[str, str]) -> ConflictView:
        """Settle a conflict field by field: for each differing field, "mine" or "theirs"
        (a field not named keeps ours).  The record takes the chosen values (audited),
        and the result travels back to the peer in the next bundle."""
        for name, choice in choices.items():
            if choice not in ("mine", "theirs"):
                raise UserError("exchange.choice_invalid", field=name, value=choice)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            session = uow.session
            conflict = session.get(SiteConflict, conflict_id)
            if conflict is None or conflict.status != "open":
                raise UserError("exchange.conflict_not_found", id=conflict_id)
            view = self._conflict_view(session, conflict)
            differing = {f.name for f in view.fields}
            unknown = sorted(set(choices) - differing)
            if unknown:
                raise UserError("exchange.field_not_in_conflict", field=unknown[0], value=unknown[0])
            if view.fields and view.fields[0].name == RECORD_FIELD:
                self._resolve_delete(uow, conflict, view, choices.get(RECORD_FIELD, "mine"))
                return self._conflict_view(session, conflict)
            sh = shape(conflict.table_name)
            theirs = json.loads(conflict.theirs)
            chosen = dict(choices)
            for column, source in TRAVELLING[conflict.table_name].derived.items():
                if chosen.get(source) == "theirs":
                    chosen[column] = "theirs"
            picked = {n: theirs.get(n) for n, c in chosen.items() if c == "theirs"}
            maps = UuidMaps(session)
            aliases = dict(session.execute(select(SiteUuidAlias.foreign_uuid, SiteUuidAlias.local_uuid)).all())
            partial = _subset(sh, picked)
            try:
                values = attributes_from(partial, picked, maps, aliases)
            except LookupError as exc:
                raise UserError("exchange.missing_reference", table=exc.args[0], uuid=exc.args[1]) from exc
            self._update(session, sh.mapper.class_, conflict.record_id, values)
            uow.flush()
            link = session.scalar(select(SiteRecordLink).where(SiteRecordLink.peer_code == conflict.peer_code,
                                                                SiteRecordLink.record_uuid == conflict.record_uuid))
            if link is None:
                link = SiteRecordLink(peer_code=conflict.peer_code, table_name=conflict.table_name,
                                      record_uuid=conflict.record_uuid)
                session.add(link)
            # what we hold now descends from their version too: it goes back to them as a change of it
            link.received_digest = conflict.theirs_digest
            conflict.status = "resolved"
            conflict.resolved_by = self.actor.username
            conflict.resolved_at = utc_now()
            conflict.resolution = json.dumps({"choices": {n: choices.get(n, "mine") for n in sorted(differing)},
                                              "by": self.actor.username, "at": conflict.resolved_at.isoformat()},
                                             ensure_ascii=False)
            uow.record_event("conflict_resolve", conflict.table_name, conflict.record_id,
                             record_uuid=conflict.record_uuid,
                             changes={"peer": conflict.peer_code, "conflict": conflict.id,
                                      "choices": {n: choices.get(n, "mine") for n in sorted(differing)}})
            uow.flush()
            return self._conflict_view(session, conflict)

    def _resolve_delete(self, uow: UnitOfWork, conflict: SiteConflict, view: ConflictView, choice: str) -> None:
        """A delete against an edit, settled: the record deleted (audited) or kept.  Either way
        the outcome goes to the peer — a tombstone, or the record again."""
        session = uow.session
        field_choice = view.fields[0]
        delete = (field_choice.mine if choice == "mine" else field_choice.theirs) == DELETED
        link = _link_for(session, conflict)
        deleted_there = field_choice.theirs == DELETED
        if delete:
            if _referred_to(session, conflict.table_name, conflict.record_id):
                raise UserError("exchange.still_referred", table=conflict.table_name, id=conflict.record_id)
            record = session.get(shape(conflict.table_name).mapper.class_, conflict.record_id)
            if record is not None:
                session.delete(record)
                uow.flush()
            if deleted_there:
                # the peer deleted it; but if it may hold our edit since (it came back there,
                # marked), a tombstone for that version follows
                sent_since = link.sent_digest not in (None, TOMBSTONE)
                link.received_digest = None if sent_since else TOMBSTONE
            else:
                # our delete stands: a tombstone goes to the peer for the version it sent
                link.received_digest, link.sent_digest, link.sent_sequence = conflict.theirs_digest, None, None
        else:
            # kept: deleted there, it goes back to the peer whole; deleted here, we hold the peer's version
            link.received_digest = TOMBSTONE if deleted_there else conflict.theirs_digest
        _settle(conflict, self.actor.username, {RECORD_FIELD: choice})
        uow.record_event("conflict_resolve", conflict.table_name, conflict.record_id,
                         record_uuid=conflict.record_uuid,
                         changes={"peer": conflict.peer_code, "conflict": conflict.id,
                                  "choices": {RECORD_FIELD: choice}, "record": DELETED if delete else KEPT})
        uow.flush()


def open_conflict_ids(store: Store, table_name: str) -> dict[int, int]:
    """record id → open conflict id of a table's records in conflict with another site (one
    small query: what a list marks; any reader may see that a record is in conflict)."""
    with store.read() as session:
        marked = dict(session.execute(select(SiteConflict.record_id, SiteConflict.id).where(
            SiteConflict.table_name == table_name, SiteConflict.status == "open")).all())
        # a conflict on a part of a record (a mediation case's claim, a complaint's worker) marks the record
        for child, column in _parts_of(table_name):
            in_conflict = dict(session.execute(select(SiteConflict.record_id, SiteConflict.id).where(
                SiteConflict.table_name == child.name, SiteConflict.status == "open")).all())
            if in_conflict:
                for child_id, parent_id in session.execute(
                        select(child.c.id, column).where(child.c.id.in_(list(in_conflict)))):
                    if parent_id is not None:
                        marked.setdefault(parent_id, in_conflict[child_id])
        return marked


def _parts_of(table_name: str) -> list[tuple[Any, Any]]:
    """Travelling tables whose rows are parts of a record of `table_name` (mediation_claim of
    mediation_case, complaint_worker of complaint): named after it, and referring to it."""
    prefix = table_name.split("_")[0] + "_"
    return [(table, column) for table, column in _referring_columns(table_name)
            if table.name in TRAVELLING and table.name.startswith(prefix) and table.name != table_name]


def _settle(conflict: SiteConflict, by: str, choices: dict[str, str]) -> None:
    conflict.status = "resolved"
    conflict.resolved_by = by
    conflict.resolved_at = utc_now()
    conflict.resolution = json.dumps({"choices": choices, "by": by, "at": conflict.resolved_at.isoformat()},
                                     ensure_ascii=False)


def _excluded(peer: SitePeer) -> list[str]:
    try:
        value = json.loads(peer.excluded_tables or "[]")
    except ValueError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def _referring_columns(table_name: str) -> list[tuple[Any, Any]]:
    return [(t, fk.parent) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
            if fk.column.table.name == table_name]


def _referred_to(session: Session, table_name: str, record_id: int) -> bool:
    """Whether any record here still refers to this one."""
    return any(session.execute(select(column).where(column == record_id).limit(1)).first() is not None
               for table, column in _referring_columns(table_name))


def _link_for(session: Session, conflict: SiteConflict) -> SiteRecordLink:
    link = session.scalar(select(SiteRecordLink).where(SiteRecordLink.peer_code == conflict.peer_code,
                                                        SiteRecordLink.record_uuid == conflict.record_uuid))
    if link is None:
        link = SiteRecordLink(peer_code=conflict.peer_code, table_name=conflict.table_name,
                              record_uuid=conflict.record_uuid)
        session.add(link)
    return link


def _subset(sh: Shape, picked: dict[str, Any]) -> Shape:
    """The shape restricted to the columns picked (so only they are set)."""
    return Shape(sh.table, sh.mapper, tuple(c for c in sh.columns if c in picked),
                 {c: t for c, t in sh.references.items() if c in picked}, sh.attr, sh.kinds)


def _last_authors(entries: list[dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    """record uuid → (author, when) of its latest audit entry in the bundle."""
    latest: dict[str, tuple[str, str, str | None]] = {}
    for e in entries:
        u = e.get("uuid")
        if u and (u not in latest or str(e.get("at")) >= latest[u][1]):
            latest[u] = (str(e.get("actor_name") or e.get("actor") or ""), str(e.get("at") or ""), e.get("at"))
    return {u: (who, when) for u, (who, _sort, when) in latest.items()}


def _check_schema(payload: dict[str, Any]) -> None:
    """A bundle whose records this program cannot read (a newer program's tables or columns) is refused."""
    schema = payload.get("schema") or {}
    for table_name, columns in schema.items():
        if table_name not in TRAVELLING:
            raise UserError("exchange.newer_program", table=table_name, program=payload.get("program", "?"))
        known = set(shape(table_name).all_columns)
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise UserError("exchange.newer_program", table=f"{table_name}.{unknown[0]}",
                            program=payload.get("program", "?"))
    for table_name in payload.get("rows") or {}:
        if table_name not in schema:
            raise UserError("exchange.damaged")
    for item in payload.get("deleted") or []:
        if not isinstance(item, dict) or item.get("table") not in TRAVELLING or not isinstance(item.get("uuid"), str):
            raise UserError("exchange.newer_program", table=str(item.get("table") if isinstance(item, dict) else item),
                            program=payload.get("program", "?"))


@dataclass
class _NewLink:
    """A link made by this import, before it is written (as SiteRecordLink, by Core)."""

    peer_code: str
    table_name: str
    record_uuid: str
    received_digest: str | None = None
    sent_digest: str | None = None
    sent_sequence: int | None = None


def _save_links(session: Session, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
    if new:
        session.connection().execute(insert(SiteRecordLink), new)
    if changed:
        session.connection().execute(
            update(SiteRecordLink).where(SiteRecordLink.id == bindparam("link_id"))
            .values(sent_digest=bindparam("sent_digest"), sent_sequence=bindparam("sent_sequence")), changed)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError("exchange.file_unreadable", path=str(path)) from exc


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
