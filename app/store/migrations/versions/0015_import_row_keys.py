"""import row keys: the natural key of every row an import saved, per import batch (issue 13)

A row imported before is then refused in any later file, not only in the same
file (which the batch's SHA-256 catches).  The keys are keyed digests (HMAC
under the audit key), so the table holds no personal value.  Imports made
before this revision have no keys; their rows are still found by the
duplicate-case queries of each importer.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_row_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("row_key", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], name=op.f("fk_import_row_key_batch_id_import_batch")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_row_key")),
    )
    with op.batch_alter_table("import_row_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_row_key_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_row_key_row_key"), ["row_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("import_row_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_row_key_row_key"))
        batch_op.drop_index(batch_op.f("ix_import_row_key_batch_id"))
    op.drop_table("import_row_key")
