"""PostgreSQL: the two-character party search gets an index (SQLite has its FTS5 table)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op

from app.store import postgres

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# Nothing to do on SQLite.  On PostgreSQL: an immutable function that cuts a name into
# its one- and two-character pieces, and a GIN index over that array (no extension
# needed, so the owner role that runs `db upgrade` needs no superuser rights).
def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in postgres.SEARCH_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in postgres.SEARCH_DROP:
        op.execute(statement)
