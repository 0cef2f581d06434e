"""Copy a benchmark's SQLite database into a migrated, empty PostgreSQL database (issue 14).

The benchmark databases are built with raw sqlite3 (make_db.py, make_docket.py).  For the
PostgreSQL figures the same rows are copied with COPY, every table the two schemas share,
with the server's triggers and foreign-key checks off during the load
(`session_replication_role = replica`, the test server's superuser may), as a bulk load
would do; then the party search's pieces are built in one statement (what the trigger
would have written row by row), the sequences moved past the copied ids, and VACUUM
ANALYZE run (what autovacuum does after a load; the program never asks).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BATCH = 20_000


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_sqlite_to_postgres(sqlite_path: Path, pg_url: str) -> dict[str, int]:
    """Copy every row of every shared table; returns the rows copied per table."""
    import psycopg

    from app.store import postgres

    source = sqlite3.connect(sqlite_path)
    copied: dict[str, int] = {}
    try:
        tables = [row[0] for row in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'fts_%' AND name <> 'alembic_version' ORDER BY name")]
        with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as target:
            target.execute("SET session_replication_role = replica")
            shared = [t for t in tables if target.execute("SELECT to_regclass(%s)", (t,)).fetchone()[0]]
            # The rows a migration seeds (settings, roles, the audit head) come with the copy.
            target.execute(f"TRUNCATE {', '.join(_quoted(t) for t in shared)}")
            for table in shared:
                pg_types = dict(target.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s", (table,)).fetchall())
                columns = [row[1] for row in source.execute(f"PRAGMA table_info({_quoted(table)})")
                           if row[1] in pg_types]
                flags = [i for i, c in enumerate(columns) if pg_types[c] == "boolean"]
                names = ", ".join(_quoted(c) for c in columns)
                rows = source.execute(f"SELECT {names} FROM {_quoted(table)}")
                count = 0
                with target.cursor() as cursor, cursor.copy(f"COPY {_quoted(table)} ({names}) FROM STDIN") as copy:
                    while batch := rows.fetchmany(BATCH):
                        for row in batch:
                            if flags:
                                row = list(row)
                                for i in flags:
                                    row[i] = None if row[i] is None else bool(row[i])
                            copy.write_row(row)
                        count += len(batch)
                copied[table] = count
                if "id" in pg_types and count:
                    target.execute(
                        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {_quoted(table)})) "
                        "WHERE pg_get_serial_sequence(%s, 'id') IS NOT NULL", (table, table))
            target.execute("SET session_replication_role = DEFAULT")
            if copied.get("party"):
                for statement in (postgres.GRAMS_DROP_KEY, f"TRUNCATE {postgres.GRAMS_TABLE}",
                                  postgres.GRAMS_BACKFILL, postgres.GRAMS_ADD_KEY):
                    target.execute(statement)
            target.execute("VACUUM ANALYZE")
    finally:
        source.close()
    return copied
