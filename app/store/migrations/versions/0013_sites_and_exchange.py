"""sites and the exchange between them: identity and keys, peers, what each peer holds, conflicts, foreign audit entries

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_private", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_identity")),
        sa.UniqueConstraint("code", name=op.f("uq_site_identity_code")),
    )
    op.create_table(
        "site_peer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("box_public", sa.LargeBinary(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sent", sa.Integer(), nullable=False),
        sa.Column("last_acknowledged", sa.Integer(), nullable=False),
        sa.Column("last_received", sa.Integer(), nullable=False),
        sa.Column("last_exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_imported_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_peer")),
        sa.UniqueConstraint("code", name=op.f("uq_site_peer_code")),
    )
    op.create_table(
        "site_record_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_code", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("received_digest", sa.String(length=64), nullable=True),
        sa.Column("sent_digest", sa.String(length=64), nullable=True),
        sa.Column("sent_sequence", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_record_link")),
        sa.UniqueConstraint("peer_code", "record_uuid", name=op.f("uq_site_record_link_peer_code_record_uuid")),
    )
    with op.batch_alter_table("site_record_link", schema=None) as batch_op:
        batch_op.create_index("ix_site_record_link_peer_code_table_name", ["peer_code", "table_name"], unique=False)
    op.create_table(
        "site_record_origin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_code", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_record_origin")),
        sa.UniqueConstraint("record_uuid", name=op.f("uq_site_record_origin_record_uuid")),
    )
    with op.batch_alter_table("site_record_origin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_record_origin_origin_code"), ["origin_code"], unique=False)
    op.create_table(
        "site_uuid_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("foreign_uuid", sa.String(length=36), nullable=False),
        sa.Column("local_uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_uuid_alias")),
        sa.UniqueConstraint("foreign_uuid", name=op.f("uq_site_uuid_alias_foreign_uuid")),
    )
    with op.batch_alter_table("site_uuid_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_uuid_alias_local_uuid"), ["local_uuid"], unique=False)
    op.create_table(
        "site_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("peer_code", sa.String(length=32), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("theirs_digest", sa.String(length=64), nullable=False),
        sa.Column("theirs_author", sa.String(length=200), nullable=False),
        sa.Column("theirs_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_conflict")),
    )
    with op.batch_alter_table("site_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_conflict_record_uuid"), ["record_uuid"], unique=False)
        batch_op.create_index("ix_site_conflict_status_table_name", ["status", "table_name"], unique=False)
    op.create_table(
        "site_audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin_code", sa.String(length=32), nullable=False),
        sa.Column("origin_seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("machine", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_audit_entry")),
        sa.UniqueConstraint("origin_code", "origin_seq", name=op.f("uq_site_audit_entry_origin_code_origin_seq")),
    )
    with op.batch_alter_table("site_audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_audit_entry_record_uuid"), ["record_uuid"], unique=False)


def downgrade() -> None:
    for table in ("site_audit_entry", "site_conflict", "site_uuid_alias", "site_record_origin", "site_record_link",
                  "site_peer", "site_identity"):
        op.drop_table(table)
