"""holiday schedules entered by an administrator

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holiday_day",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_day")),
        sa.UniqueConstraint("day", name=op.f("uq_holiday_day_day")),
    )
    with op.batch_alter_table("holiday_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_holiday_day_uuid"), ["uuid"], unique=True)
        batch_op.create_index(batch_op.f("ix_holiday_day_year"), ["year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("holiday_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_holiday_day_year"))
        batch_op.drop_index(batch_op.f("ix_holiday_day_uuid"))
    op.drop_table("holiday_day")
