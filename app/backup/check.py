"""Is this file a sound Renshe Desk database?  Asked of every backup when it is
made, of every file before it is restored, and of the live database at start-up."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# The tables whose record counts a backup's catalogue entry shows: (English, Chinese) labels.
TABLE_LABELS = {
    "party": ("parties", "当事人"),
    "complaint": ("complaints", "投诉"),
    "arbitration_case": ("arbitration cases", "仲裁案件"),
    "mediation_case": ("mediation cases", "调解案件"),
    "officer": ("officers", "执法人员"),
    "training_session": ("training sessions", "培训"),
    "construction_project": ("projects", "工程项目"),
    "app_user": ("users", "用户"),
    "audit_entry": ("audit entries", "操作日志"),
}
MAIN_TABLES = tuple(TABLE_LABELS)


def counts_text(counts: dict[str, int], language: str) -> str:
    """`当事人 12、投诉 3 …`: the non-empty counts, in the user's language."""
    shown = [
        f"{TABLE_LABELS[t][0 if language == 'en' else 1]} {n}" for t, n in counts.items() if n and t in TABLE_LABELS
    ]
    return (", " if language == "en" else "、").join(shown)


# A table only this program's schema has (from revision 0002 on): tells a newer
# Renshe Desk database from another program's database that also uses Alembic.
OWN_TABLE = "audit_head"


@dataclass
class CheckResult:
    """What the check found.  `problem` is None when the file is sound, else an
    error code of app.errors (backup.not_found, backup.not_database, …)."""

    path: str
    problem: str | None = None
    revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    # The audit chain: verified only at this program's schema (None: not checked).
    audit_ok: bool | None = None
    audit_seq: int = 0
    audit_hash: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def anchor(self) -> str:
        """The chain's head as `audit verify --anchor` takes it (SEQ:first 16 hex digits)."""
        from app.audit.chain import ANCHOR_DIGITS

        return f"{self.audit_seq}:{self.audit_hash[:ANCHOR_DIGITS]}" if self.audit_hash else ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"ok": self.ok, "anchor": self.anchor}


def read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that SQLite opens itself (never creates the file)."""
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=10)
    # A damaged page can put bytes that are not UTF-8 into quick_check's or integrity_check's
    # report; decoding them strictly raised UnicodeDecodeError instead of reporting the damage.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return connection


def quick_check(path: Path) -> str | None:
    """The start-up check of the live database: None if sound, else an error code.

    Through SQLite only (its header check and `PRAGMA quick_check`); a missing
    file is not damage (the first start creates it).
    """
    if not path.exists():
        return None
    if not path.is_file():
        return "backup.not_database"
    try:
        with closing(open_read_only(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return _code_for(exc)
    return None if rows == [("ok",)] else "backup.corrupt"


def _code_for(exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "not a database" in text:
        return "backup.not_database"
    if "unable to open" in text:
        return "backup.unreadable"
    return "backup.corrupt"


def check_file(path: Path, *, verify_audit: bool = True) -> CheckResult:
    """Check `path` read-only: integrity, a revision this program knows, the audit chain."""
    result = CheckResult(path=str(path))
    if not path.is_file():
        result.problem = "backup.not_found" if not path.exists() else "backup.not_database"
        return result
    try:
        with closing(open_read_only(path)) as connection:
            if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                result.problem = "backup.corrupt"
                return result
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                result.problem = "backup.foreign"
                return result
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            result.revision = row[0] if row else None
            result.counts = {
                table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
                for table in MAIN_TABLES
                if table in tables
            }
            if OWN_TABLE in tables:
                head = connection.execute("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetchone()
                if head is not None:
                    result.audit_seq, result.audit_hash = int(head[0]), str(head[1])
    except sqlite3.DatabaseError as exc:
        result.problem = _code_for(exc)
        return result
    from app.store.migrate import head_revision, is_known_revision

    if result.revision is None or not is_known_revision(result.revision):
        result.problem = "backup.newer" if OWN_TABLE in tables else "backup.foreign"
        return result
    if verify_audit and result.revision == head_revision():
        verified = _verify_audit(path)
        result.audit_ok = verified.ok
        result.audit_seq, result.audit_hash = verified.head_seq, verified.head_hash
        if not verified.ok:
            result.problem = "backup.audit_broken"
    return result


def _verify_audit(path: Path) -> Any:
    """`audit verify` on the file, through a read-only engine."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    import app.models  # noqa: F401 - the audited mappers
    from app.audit import chain as audit

    engine = create_engine("sqlite://", creator=lambda: open_read_only(path), poolclass=NullPool)
    try:
        with Session(engine) as session:
            return audit.verify(session, max_breaks=10)
    finally:
        engine.dispose()
