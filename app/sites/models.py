"""Sites and the exchange between them (DESIGN "Many sites", issue 15).

None of these tables travel and none is audited row by row: they are the
exchange's own bookkeeping.  What they change is written into the audit chain
as events (site set up, peer trusted, bundle exported or imported, conflict
resolved).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base
from app.store.types import utc_now


class SiteIdentity(Base):
    """This installation as a site: one row.  The private keys are kept here, in
    the database: a backup restores them with the data they sign for, and every
    desk of a PostgreSQL office signs as the same site.  Whoever can read the
    database can already read every record a bundle carries."""

    __tablename__ = "site_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # district | arbitration | township
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519, raw 32 bytes
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_private: Mapped[bytes] = mapped_column(LargeBinary)  # X25519, raw 32 bytes
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class SitePeer(Base):
    """A site whose public keys were registered here, and where the exchange with it stands."""

    __tablename__ = "site_peer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    trusted_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_sent: Mapped[int] = mapped_column(default=0)  # our bundles to it are numbered 1, 2, …
    last_acknowledged: Mapped[int] = mapped_column(default=0)  # the highest of ours it has applied
    last_received: Mapped[int] = mapped_column(default=0)  # the highest of its bundles applied here
    last_exported_at: Mapped[datetime | None]
    last_imported_at: Mapped[datetime | None]
    # JSON list of travelling tables not sent to this peer: an administrator's narrowing
    excluded_tables: Mapped[str | None] = mapped_column(Text)
    # SEQ:HASH of the peer's audit chain head as stated in its last bundle applied here
    last_received_anchor: Mapped[str | None] = mapped_column(String(100))
    # the body its case numbers carry (organisation → district): no two sites may share one
    issuing_body: Mapped[str | None] = mapped_column(String(100))


class SiteRecordLink(Base):
    """What this site and a peer are known to share of one record, by digest of
    its travelling form: the last state received from the peer (and applied),
    and the last state sent to it (with the bundle's sequence)."""

    __tablename__ = "site_record_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_code: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36))
    received_digest: Mapped[str | None] = mapped_column(String(64))
    sent_digest: Mapped[str | None] = mapped_column(String(64))
    sent_sequence: Mapped[int | None]

    __table_args__ = (
        UniqueConstraint("peer_code", "record_uuid"),
        Index("ix_site_record_link_peer_code_table_name", "peer_code", "table_name"),
    )


class SiteRecordOrigin(Base):
    """The site a record arrived from (records made here have no row)."""

    __tablename__ = "site_record_origin"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    origin_code: Mapped[str] = mapped_column(String(32), index=True)


class SiteUuidAlias(Base):
    """A record another site made on its own for the same thing (the same ID
    number, the same setting): its uuid is taken as this record's."""

    __tablename__ = "site_uuid_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    foreign_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    local_uuid: Mapped[str] = mapped_column(String(36), index=True)


class SiteConflict(Base):
    """A record changed here and at a peer since they last agreed: both versions kept."""

    __tablename__ = "site_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    record_id: Mapped[int]
    peer_code: Mapped[str] = mapped_column(String(32))
    mine: Mapped[str] = mapped_column(Text)  # JSON, travelling form, as it was when the conflict arose
    theirs: Mapped[str] = mapped_column(Text)  # JSON, travelling form
    theirs_digest: Mapped[str] = mapped_column(String(64))
    theirs_author: Mapped[str] = mapped_column(String(200), default="")
    theirs_at: Mapped[datetime | None]
    opened_at: Mapped[datetime] = mapped_column(default=utc_now)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | resolved | superseded
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)  # JSON {field: mine|theirs}

    __table_args__ = (Index("ix_site_conflict_status_table_name", "status", "table_name"),)


class SiteAuditEntry(Base):
    """An audit entry written at another site about a record that travelled here.
    Kept apart from the local chain (which records the import itself), with its
    origin, its author and its hash there."""

    __tablename__ = "site_audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    origin_code: Mapped[str] = mapped_column(String(32))
    origin_seq: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    machine: Mapped[str] = mapped_column(String(128), default="")
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    changes: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    entry_hash: Mapped[str] = mapped_column(String(64))
    # a `bulk_insert` entry (a ledger import) names its records by the origin's ids: the
    # uuids of those that travelled here, as a JSON list
    record_uuids: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("origin_code", "origin_seq"),)


class SiteHeldBundle(Base):
    """A bundle that arrived before one it builds on: kept (as it came, still sealed) and
    applied as soon as the missing one has been imported."""

    __tablename__ = "site_held_bundle"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_code: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int]
    since: Mapped[int]  # the peer's last bundle this one builds on
    bundle_sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    held_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (UniqueConstraint("peer_code", "sequence"),)
