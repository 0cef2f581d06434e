"""audit entries keep personal values as masked value + keyed digest; the chain re-anchored

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The key lives in `audit_key` (one row, never audited or exported).  Existing entries'
ID numbers, phones, addresses and account numbers are rewritten, the chain's hashes
recomputed, and a "rechain" audit entry records the old head and the new one, so an
anchor written down before the upgrade can be mapped (app.audit.chain.protect_existing_entries).
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_key")),
    )
    bind = op.get_bind()
    bind.execute(sa.text("INSERT INTO audit_key (id, secret) VALUES (1, :secret)"), {"secret": secrets.token_hex(32)})
    has_head = bind.execute(sa.text("SELECT count(*) FROM audit_head WHERE id = 1")).scalar()
    if has_head:
        import app.models  # noqa: F401  (every table's personal fields)
        from app.accounts.actor import Actor
        from app.audit.chain import protect_existing_entries

        protect_existing_entries(bind, Actor(username="(migration 0010)"))


def downgrade() -> None:
    # The personal values once in the entries are not restored: they live in the records.
    op.drop_table("audit_key")
