"""PostgreSQL: the party search reads a table of the names' pieces, kept by a trigger (SQLite: nothing)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""

from alembic import op

from app.store import postgres

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


# 0012 indexed the expression renshe_name_grams(name) with GIN: a search had to fetch every
# matching party twice (count, then page) and could not read them in the list's order.
# The pieces now go into fts_party_gram, keyed (piece, name_sort, id), filled here from the
# parties already registered and kept by a trigger from then on.  plpgsql is built in: the
# owner role needs no extension and no superuser right.
def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in postgres.GRAMS_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in postgres.GRAMS_DROP:
        op.execute(statement)
