"""PostgreSQL backups: `pg_dump -Fc` and `pg_restore --clean --if-exists`.

Host, port, user and database come from the URL; the password goes to the
tools through PGPASSWORD in their environment, never on their command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError

if TYPE_CHECKING:
    from app.backup.check import CheckResult

Progress = Callable[[int, int], None]


def database_name(url: str) -> str | None:
    from sqlalchemy import make_url

    return make_url(url).database


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise UserError("backup.pg_tool_missing", tool=name)
    return found


def _environment(url: str) -> dict[str, str]:
    from sqlalchemy import make_url

    parsed = make_url(url)
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", str(parsed.port) if parsed.port else None),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value:
            env[variable] = str(value)
    host = parsed.query.get("host")  # a socket folder given as ?host=/path
    if host and not parsed.host:
        env["PGHOST"] = str(host)
    return env


def _run(arguments: list[str], url: str) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(  # noqa: S603 - fixed tool, arguments from the program
        arguments, env=_environment(url), capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        lines = [line for line in completed.stderr.splitlines() if line.strip()]
        raise UserError("backup.pg_failed", tool=Path(arguments[0]).name, detail=lines[-1] if lines else "")
    return completed


def check_dump(file: Path) -> CheckResult:
    """A dump is sound when pg_restore can read its table of contents."""
    from app.backup.check import CheckResult

    result = CheckResult(path=str(file))
    if not file.is_file():
        result.problem = "backup.not_found"
        return result
    completed = subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--list", str(file)], capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        result.problem = "backup.not_database"
    elif "alembic_version" not in completed.stdout:
        result.problem = "backup.foreign"
    return result


def dump(url: str, destination: Path, *, progress: Progress | None = None) -> CheckResult:
    pg_dump = _tool("pg_dump")
    _tool("pg_restore")
    if progress:
        progress(0, 1)
    partial = destination.with_name(destination.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        _run([pg_dump, "-Fc", "--no-owner", "-f", str(partial)], url)
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if progress:
        progress(1, 1)
    return check_dump(destination)


def restore_tool() -> str:
    """pg_restore, found before anything is touched (and pg_dump, for the copy kept first)."""
    pg_restore = _tool("pg_restore")
    _tool("pg_dump")
    return pg_restore


def load(file: Path, url: str, pg_restore: str, *, progress: Progress | None = None) -> None:
    """Replace the server database's contents with the checked dump `file`, in one transaction.
    The backup service checks the dump and keeps the replaced database first."""
    if progress:
        progress(0, 1)
    _run([pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", "-d", database_name(url) or "", str(file)], url)
    if progress:
        progress(1, 1)
