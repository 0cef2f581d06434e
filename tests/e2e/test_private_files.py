"""Issue 13, records at rest: owner-only files and folders, and a private temporary folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps the data in the user's profile")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RENSHE_DATA_DIR": str(data_dir)}
    env.pop("RENSHE_DB", None)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, umask=0o022)


def test_database_wal_export_and_data_folder_are_owner_only(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"  # made by the program
    out = tmp_path / "out"
    out.mkdir()
    made = _run(data_dir, "db", "upgrade")  # a read-only export creates no database (issue 11)
    assert made.returncode == 0, made.stderr
    done = _run(data_dir, "parties", "export", "--out", str(out / "parties.xlsx"))
    assert done.returncode == 0, done.stderr
    database = data_dir / "renshe-desk.db"
    assert _mode(data_dir) == 0o700
    assert _mode(database) == 0o600
    assert _mode(out / "parties.xlsx") == 0o600

    # While a program holds the database, its -wal and -shm exist: they are owner-only too.
    probe = (
        "import sqlite3, os, stat, sys\n"
        "from app.config import protect_files\n"
        "protect_files()\n"
        f"c = sqlite3.connect({str(database)!r}); c.execute('pragma journal_mode=wal')\n"
        "c.execute('create table if not exists probe(x)'); c.execute('insert into probe values (1)'); c.commit()\n"
        f"print(' '.join(oct(stat.S_IMODE(os.stat({str(database)!r} + s).st_mode)) for s in ('-wal', '-shm')))\n"
    )
    env = {**os.environ, "RENSHE_DATA_DIR": str(data_dir)}
    modes = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=60, umask=0o022)
    assert modes.stdout.split() == ["0o600", "0o600"], modes.stderr


def test_a_killed_exports_leftovers_are_removed_at_the_next_start_and_temp_files_go_there(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    leftover = data_dir / "tmp" / "999999999-dead"  # a process id that is not running
    leftover.mkdir(parents=True)
    (leftover / "openpyxl.abc123").write_text("52010219900307001X")
    script = (
        "import os, sys, tempfile\n"
        "from app.config import protect_files\n"
        "mine = protect_files()\n"
        "from openpyxl.worksheet._writer import create_temporary_file\n"
        "print(mine); print(create_temporary_file()); print(tempfile.gettempdir())\n"
    )
    env = {**os.environ, "RENSHE_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    mine, sheet_temp, gettempdir = done.stdout.split()
    assert not leftover.exists()
    assert Path(sheet_temp).parent == Path(mine) == Path(gettempdir)
    assert Path(mine).parent == data_dir / "tmp"
    assert _mode(Path(mine)) == 0o700 and _mode(data_dir / "tmp") == 0o700


def test_a_running_programs_temp_folder_is_left_alone(tmp_path: Path) -> None:
    from app.config import clean_private_temp

    root = tmp_path / "tmp"
    alive = root / f"{os.getppid()}-x"
    dead = root / "999999999-y"
    alive.mkdir(parents=True)
    dead.mkdir()
    (root / "stray.part").write_text("x")
    removed = clean_private_temp(root)
    assert alive.exists() and not dead.exists() and not (root / "stray.part").exists()
    assert set(removed) == {dead, root / "stray.part"}
