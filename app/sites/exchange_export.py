"""Writing the bundle for a peer: the records that differ from what it is known to hold, the
deletions, their audit entries, the evidence files and the resolutions that travel back."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.accounts.models import User
from app.accounts.permissions import Permission
from app.audit.chain import BULK_INSERT, _bulk_records
from app.audit.models import AuditEntry, AuditHead
from app.kernel.unit_of_work import UnitOfWork
from app.sites import bundle as bundle_format
from app.sites.exchange_parts import (
    ROW_ACTIONS,
    TOMBSTONE,
    ExchangePart,
    Progress,
    _evidence_path,
    _excluded,
    _links,
    _peer,
    _save_links,
    _write_atomically,
)
from app.sites.identity import identity, issuing_body
from app.sites.models import (
    SiteAuditEntry,
    SiteConflict,
    SiteIdentity,
    SitePeer,
    SiteRecordLink,
    SiteRecordOrigin,
    SiteUuidAlias,
)
from app.sites.rows import UuidMaps, digest, rows_of, shape, travelling_order
from app.sites.travel import TRAVELLING, direction
from app.store.types import utc_now


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



def bundle_file_name(sender: str, receiver: str, sequence: int) -> str:
    return f"{sender}-to-{receiver}-{sequence:05d}.rsx"


class ExportPart(ExchangePart):
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
            files = self._files_for(payload_rows.get("complaint_evidence", []))
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
                "files": files,
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
                "files": len(files), "bundle_sha256": bundle_sha, "audit_head": audit_head})
            uow.flush()
            # written before the commit: a bundle that could not be written leaves no trace here
            _write_atomically(target, data)
        if progress:
            progress(1, 1)
        return ExportResult(peer.code, sequence, len(sent_uuids), counts, len(files), str(target),
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
                                "actor_name": (names.get(e.actor_user_id) if e.actor_user_id is not None else None) or e.actor,
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

