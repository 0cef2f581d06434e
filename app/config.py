"""Where the data lives: the database URL, the data folder and the language."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from app import APP_NAME

DB_ENV_VAR = "RENSHE_DB"
DATA_DIR_ENV_VAR = "RENSHE_DATA_DIR"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def data_dir() -> Path:
    """The per-user data folder (platformdirs), created on first use.

    RENSHE_DATA_DIR overrides it, which tests and portable installs use.
    """
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _owner_only(path)
    return path


PRIVATE_TEMP_NAME = "tmp"


def _owner_only(folder: Path) -> None:
    # POSIX: no other local account may list or read the folder.  Windows: the folder lies in
    # the user's own profile (platformdirs), whose ACL already keeps other users out; a no-op.
    if os.name == "posix":
        with contextlib.suppress(OSError):  # a folder someone else owns (a shared RENSHE_DATA_DIR) stays as it is
            if folder.stat().st_uid == os.getuid():
                folder.chmod(0o700)


def protect_files() -> Path:
    """At program start: files are created owner-only, and temporary files go to a private folder.

    - umask 077 (POSIX): new databases (and SQLite's -wal/-shm, which take the database's
      mode), backups, exports and logs are 0600, new folders 0700.
    - Temporary files (openpyxl's write-only sheets hold every exported row, full ID
      numbers included) go to `<data folder>/tmp/<pid>-…`, not the shared /tmp; the folders
      of processes no longer running (a killed export) are removed here.
    Returns this process's temporary folder.
    """
    if os.name == "posix":
        os.umask(0o077)
    root = data_dir() / PRIVATE_TEMP_NAME
    root.mkdir(exist_ok=True, mode=0o700)
    _owner_only(root)
    clean_private_temp(root)
    mine = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
    tempfile.tempdir = str(mine)
    for name in ("TMPDIR", "TEMP", "TMP"):  # a child process (the ledger reader) uses it too
        os.environ[name] = str(mine)
    return mine


def clean_private_temp(root: Path) -> list[Path]:
    """Remove the temporary folders (and stray files) of processes that are gone; the removed paths."""
    removed = []
    for entry in root.iterdir() if root.is_dir() else ():
        pid_text = entry.name.split("-", 1)[0]
        if entry.is_dir() and pid_text.isdigit() and _running(int(pid_text), entry):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed.append(entry)
    return removed


def _running(pid: int, folder: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        # Windows: os.kill would end the process; a folder untouched for a day belongs to no export.
        with contextlib.suppress(OSError):
            return time.time() - folder.stat().st_mtime < 86_400
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, someone else's
    return True


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'renshe-desk.db'}"


def resolve_db_url(cli_value: str | None = None) -> str:
    """--db wins over RENSHE_DB, which wins over the default file."""
    if cli_value:
        return cli_value
    return os.environ.get(DB_ENV_VAR) or default_db_url()


def normalise_language(value: str | None) -> str:
    if not value:
        return DEFAULT_LANGUAGE
    value = value.replace("-", "_")
    if value.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE
