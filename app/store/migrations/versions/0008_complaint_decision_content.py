"""what a complaint's decision says: facts, basis, what is ordered, amounts in fen

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# All nullable and left NULL on the rows already there: the audit's record
# digests leave NULL columns out (audit.record_state), so they still verify.
def upgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_facts", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("decision_basis", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("decision_order", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("ordered_fen", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("fine_fen", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_column("fine_fen")
        batch_op.drop_column("ordered_fen")
        batch_op.drop_column("decision_order")
        batch_op.drop_column("decision_basis")
        batch_op.drop_column("decision_facts")
