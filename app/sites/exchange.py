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

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.accounts.actor import Actor
from app.accounts.permissions import Permission
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork
from app.sites import bundle as bundle_format
from app.sites.exchange_conflicts import ConflictPart, ConflictView, FieldChoice, open_conflict_ids
from app.sites.exchange_export import ExportPart, ExportResult, bundle_file_name
from app.sites.exchange_import import ImportPart, ImportResult
from app.sites.exchange_parts import (
    DELETED,
    KEPT,
    RECORD_FIELD,
    ROW_ACTIONS,
    TOMBSTONE,
    Progress,
    _dumps,
    _excluded,
    _peer,
    _read,
)
from app.sites.identity import identity
from app.sites.models import SiteConflict, SiteHeldBundle, SitePeer
from app.sites.rows import travelling_order
from app.sites.travel import TRAVELLING, direction
from app.store.engine import Store

__all__ = ["DELETED", "KEPT", "RECORD_FIELD", "ROW_ACTIONS", "TOMBSTONE", "ConflictView", "ExchangeService",
           "ExportResult", "FieldChoice", "ImportResult", "Progress", "bundle_file_name", "open_conflict_ids"]


class ExchangeService(ExportPart, ImportPart, ConflictPart):
    """The exchange with peer sites, composed of its parts: export (exchange_export), import
    (exchange_import) and conflicts (exchange_conflicts); shared pieces in exchange_parts."""

    def __init__(self, store: Store, actor: Actor, *, evidence_root: Path | None = None) -> None:
        self.store = store
        self.actor = actor
        self._evidence_root = evidence_root

    def inspect(self, path: Path) -> tuple[str, str, int]:
        """(from, to, sequence) of a bundle file, without opening its contents."""
        header, _body, _cipher, _sig = bundle_format.read_header(_read(path))
        return header.sender, header.receiver, header.sequence

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
