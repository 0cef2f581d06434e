"""Alembic environment: run against the connection handed in by app.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import app.models  # noqa: F401  (registers every table)
from app.store.base import Base
from app.store.migrate import include_object

target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things (TOOLCHAIN trap 9)
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        run(conn)
