"""Applying a peer's bundle: all of it or nothing, in sequence (a bundle that builds on a missing
one is held), merging each record by the digests both sites share, and opening a conflict where
both changed."""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.accounts.permissions import Permission
from app.audit import chain as audit
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.sites import bundle as bundle_format
from app.sites.exchange_parts import (
    TOMBSTONE,
    ExchangePart,
    Progress,
    _dumps,
    _evidence_path,
    _links,
    _peer,
    _read,
    _referred_to,
    _save_links,
    _write_atomically,
)
from app.sites.identity import check_issuing_body, identity
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
from app.sites.travel import HUB_KINDS, TRAVELLING, Kind, Merge
from app.store import search
from app.store.types import utc_now


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


class ImportPart(ExchangePart):
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
                        _overtaken(open_conflicts, record_uuid, authors.get(row["uuid"]), peer.code)
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
                # it may have come back marked; both sides now agree it goes
                _overtaken(open_conflicts, record_uuid, author, peer.code)
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
                    _overtaken(open_conflicts, record_uuid, author, peer.code)
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
        from app.arbitration.deadline_cache import _refresh_deadlines
        from app.arbitration.models import ArbitrationCase
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
        have = {(code, seq) for code, seq in session.execute(select(SiteAuditEntry.origin_code,
                                                                    SiteAuditEntry.origin_seq))}
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


def _overtaken(open_conflicts: dict[str, SiteConflict], record_uuid: str, author: tuple[str, str | None] | None,
               peer_code: str) -> None:
    """The record's open conflict, if it has one, is settled by the peer's newer state: resolved,
    by the author over there."""
    conflict = open_conflicts.pop(record_uuid, None)
    if conflict is not None:
        conflict.status, conflict.resolved_at = "resolved", utc_now()
        conflict.resolved_by = f"{(author or ('', None))[0]}@{peer_code}"


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

