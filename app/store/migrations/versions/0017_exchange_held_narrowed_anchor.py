"""exchange: bundles held until the missing one arrives, per-peer narrowing, the sender's audit anchor, the peer's issuing body, bulk audit entries' records

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("site_peer", schema=None) as batch_op:
        # JSON list of travelling tables not sent to this peer (an administrator's narrowing)
        batch_op.add_column(sa.Column("excluded_tables", sa.Text(), nullable=True))
        # SEQ:HASH of the peer's audit chain head as its last applied bundle stated it
        batch_op.add_column(sa.Column("last_received_anchor", sa.String(length=100), nullable=True))
        # the body in the peer's case numbers (某区 in 某区劳人仲案字〔2024〕第1号): no two sites may share it
        batch_op.add_column(sa.Column("issuing_body", sa.String(length=100), nullable=True))
    with op.batch_alter_table("site_audit_entry", schema=None) as batch_op:
        # the uuids of the records a ledger import's bulk entry covers (it names them by the origin's ids)
        batch_op.add_column(sa.Column("record_uuids", sa.Text(), nullable=True))
    op.create_table(
        "site_held_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_code", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("since", sa.Integer(), nullable=False),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_held_bundle")),
        sa.UniqueConstraint("peer_code", "sequence", name=op.f("uq_site_held_bundle_peer_code_sequence")),
    )


def downgrade() -> None:
    op.drop_table("site_held_bundle")
    with op.batch_alter_table("site_audit_entry", schema=None) as batch_op:
        batch_op.drop_column("record_uuids")
    with op.batch_alter_table("site_peer", schema=None) as batch_op:
        batch_op.drop_column("issuing_body")
        batch_op.drop_column("last_received_anchor")
        batch_op.drop_column("excluded_tables")
