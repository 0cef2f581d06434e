"""the procedure before a complaint's decision (事先告知, 陈述申辩, 听证, 集体讨论) and 送达回证

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _travelling() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


# New tables only: no existing row changes, so the audit chain still verifies.
def upgrade() -> None:
    op.create_table(
        "complaint_procedure_step",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("decision_kind", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=24), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("intended_fine_fen", sa.BigInteger(), nullable=True),
        sa.Column("hearing_offered", sa.Boolean(), nullable=True),
        sa.Column("complex_case", sa.Boolean(), nullable=True),
        sa.Column("waived", sa.Boolean(), nullable=True),
        sa.Column("persons", sa.String(length=300), nullable=False),
        sa.Column("scheduled_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        *_travelling(),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaint.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("complaint_procedure_step", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_procedure_step_complaint_id", ["complaint_id"], unique=False)
        batch_op.create_index("ix_complaint_procedure_step_uuid", ["uuid"], unique=True)
        batch_op.create_index("ix_complaint_procedure_step_case", ["complaint_id", "occurred_on", "id"], unique=False)
    op.create_table(
        "complaint_service_record",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=32), nullable=False),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("server", sa.String(length=200), nullable=False),
        *_travelling(),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaint.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("complaint_service_record", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_service_record_complaint_id", ["complaint_id"], unique=False)
        batch_op.create_index("ix_complaint_service_record_uuid", ["uuid"], unique=True)
        batch_op.create_index(
            "ix_complaint_service_record_case", ["complaint_id", "document", "served_on"], unique=False
        )


def downgrade() -> None:
    op.drop_table("complaint_service_record")
    op.drop_table("complaint_procedure_step")
