"""foundation: parties and their search index

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "party",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id_type", sa.String(length=16), nullable=True),
        sa.Column("id_no", sa.String(length=32), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("is_migrant_worker", sa.Boolean(), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("org_type", sa.String(length=32), nullable=True),
        sa.Column("legal_rep", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
        sa.UniqueConstraint("id_no", name=op.f("uq_party_id_no")),
        sa.UniqueConstraint("uscc", name=op.f("uq_party_uscc")),
    )
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.create_index("ix_party_kind_name_id", ["kind", "name", "id"], unique=False)
        batch_op.create_index("ix_party_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_uuid"), ["uuid"], unique=True)

    if op.get_bind().dialect.name == "sqlite":
        # Two-character pieces of names plus identity numbers (app.store.search).
        op.execute("CREATE VIRTUAL TABLE fts_party USING fts5(terms, tokenize='unicode61')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE fts_party")
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_uuid"))
        batch_op.drop_index("ix_party_name_id")
        batch_op.drop_index("ix_party_kind_name_id")
    op.drop_table("party")
