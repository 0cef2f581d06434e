"""Files: the one atomic write every export, template and document uses.

The new content goes to a temporary file beside the target (same folder, so
the rename never crosses a file system) and is renamed over the target only
when it is complete: a failure, a full disk or a cancelled export leaves the
target as it was and no temporary file behind.  An operating-system error
becomes one UserError naming the file (`file.disk_full`, `file.cannot_write`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.kernel.progress import raise_if_cancelled

DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


@contextlib.contextmanager
def atomic_output(target: Path, *, owner_only: bool = False) -> Iterator[str]:
    """Yield a temporary file name beside `target`; rename it over `target` on
    success, delete it on any failure (including Cancelled).

    The file gets the process's usual permissions (the program runs with umask
    077: owner only); `owner_only` makes it 0600 whatever the umask (a full export)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise write_error(target, exc) from exc
    os.close(handle)
    try:
        yield temp_name
        os.chmod(temp_name, 0o600 if owner_only else 0o666 & ~current_umask())  # mkstemp makes it 0600
        os.replace(temp_name, target)
    except OSError as exc:
        remove_quietly(temp_name)
        raise write_error(target, exc) from exc
    except BaseException:
        remove_quietly(temp_name)
        raise


def save_atomically(save: Callable[[str], Any], target: Path, *, cancel: Any = None,
                    owner_only: bool = False) -> None:
    """save(temp path) in the target's folder, then — unless `cancel` was set meanwhile —
    rename over the target (`atomic_output`)."""
    with atomic_output(target, owner_only=owner_only) as temp_name:
        save(temp_name)
        raise_if_cancelled(cancel)


def write_error(target: Path, exc: OSError) -> UserError:
    """The user's message for an operating-system error writing `target`."""
    if exc.errno in DISK_FULL_ERRNOS:
        return UserError("file.disk_full", path=str(target))
    return UserError("file.cannot_write", path=str(target), detail=exc.strerror or str(exc))


def current_umask() -> int:
    # os.umask can only be read by setting it (briefly to owner-only, the safe side); the
    # program sets it once at start (app.config.protect_files).
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
