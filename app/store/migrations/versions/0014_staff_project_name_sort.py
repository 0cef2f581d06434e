"""officers and projects sort by the pinyin of their names, as parties do

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

BATCH = 5000
TABLES = (
    # table, old index, new index, names are people's
    ("officer", "ix_officer_name_id", "ix_officer_name_sort_id", True),
    ("construction_project", "ix_construction_project_name_id", "ix_construction_project_name_sort_id", False),
)


def upgrade() -> None:
    # name_sort is derived from the name, so the audit's record digests leave it
    # out (__audit_derived__): the audit still verifies after this upgrade.
    from app.sorting import name_sort_key

    connection = op.get_bind()
    for table_name, old_index, new_index, person in TABLES:
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("name_sort", sa.String(length=400), server_default="", nullable=False))
            batch_op.drop_index(old_index)
            batch_op.create_index(new_index, ["name_sort", "id"], unique=False)
        table = sa.table(table_name, sa.column("id"), sa.column("name"), sa.column("name_sort"))
        last_id = 0
        while True:
            rows = connection.execute(
                sa.select(table.c.id, table.c.name).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
            ).all()
            if not rows:
                break
            connection.execute(
                sa.update(table).where(table.c.id == sa.bindparam("rid")).values(name_sort=sa.bindparam("key")),
                [{"rid": r.id, "key": name_sort_key(r.name or "", person=person)} for r in rows],
            )
            last_id = rows[-1].id


def downgrade() -> None:
    for table_name, old_index, new_index, _person in TABLES:
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_index(new_index)
            batch_op.create_index(old_index, ["name", "id"], unique=False)
            batch_op.drop_column("name_sort")
