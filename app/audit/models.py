"""The audit record: append-only, hash-chained (DOMAIN B §7 全过程记录)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base


class AuditEntry(Base):
    """One change (or reveal) of one record.

    `entry_hash` = SHA-256 over `prev_hash` and the entry's canonical content;
    `record_digest` = SHA-256 of the record's audited state after the change,
    so an edit made behind the program's back no longer matches.
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    actor_user_id: Mapped[int | None]
    machine: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete | reveal | login …
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int | None]
    record_uuid: Mapped[str | None] = mapped_column(String(36))
    changes: Mapped[str] = mapped_column(Text)  # canonical JSON {field: [old, new]}
    reason: Mapped[str | None] = mapped_column(Text)
    record_digest: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entry_table_record", "table_name", "record_id", "seq"),
        Index("ix_audit_entry_at", "at"),
        Index("ix_audit_entry_actor_seq", "actor", "seq"),
    )


class AuditKey(Base):
    """This database's secret for the keyed digests of personal values in audit entries
    (app.privacy.keyed_digest).  Made by migration 0010 (or on first use); never audited,
    never exported: whoever can read it can read the records themselves, while a copy of
    the audit entries alone gives no way to test guesses of an ID number."""

    __tablename__ = "audit_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's head: one row, locked by every writer to keep the chain linear."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
