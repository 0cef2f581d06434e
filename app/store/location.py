"""Where a SQLite database file may live: never on a network share.

SQLite's file locks and its WAL index (shared memory, the -shm file) do not
work over a network file system: two workstations on one file corrupt it.
So a path on a share is refused — a `\\\\server\\share` path, a mapped network
drive on Windows, or (on Linux) a folder whose file system is a network one.
Several workstations use the server mode (PostgreSQL) instead.

Every function takes the platform facts as arguments (with the real ones as
defaults), so each branch is testable on any machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

# Linux file-system types (the mountinfo "fstype" field) that reach over a network.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs", "fuse.rclone", "davfs",
    "fuse.davfs", "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre",
})
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def is_unc_path(path: str) -> bool:
    """`\\\\server\\share\\…` or `//server/share/…` (but not the local device paths `\\\\?\\C:\\…`, `\\\\.\\…`)."""
    normalised = path.replace("/", "\\")
    if not normalised.startswith("\\\\"):
        return False
    if normalised.startswith("\\\\?\\UNC\\"):
        return True
    return not normalised.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape_mountinfo(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as octal escapes."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, plain)
    return field


def mounts_from_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) for each line of /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        separator = fields.index("-")
        if separator + 1 >= len(fields):
            continue
        mounts.append((_unescape_mountinfo(fields[4]), fields[separator + 1]))
    return mounts


def filesystem_of(path: str, mountinfo: str) -> str | None:
    """The file-system type of the mount that holds `path` (the longest mount-point prefix)."""
    target = PurePosixPath(path)
    best: tuple[int, str] | None = None
    for mount_point, fstype in mounts_from_mountinfo(mountinfo):
        point = PurePosixPath(mount_point)
        if target == point or point in target.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fstype)
    return best[1] if best else None


def _read_mountinfo() -> str | None:
    try:
        return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _existing_ancestor(path: str) -> str:
    """The path itself or its nearest folder that exists (a database about to be created has no file yet)."""
    current = os.path.abspath(path)
    while not os.path.exists(current):
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return os.path.realpath(current)


def is_network_path(
    path: str,
    *,
    platform: str | None = None,
    mountinfo: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> bool:
    """Whether the database file at `path` would live on a network share.

    `platform` (sys.platform), `mountinfo` (the text of /proc/self/mountinfo) and
    `drive_type` (GetDriveTypeW) default to the machine's own."""
    platform = platform or sys.platform
    if is_unc_path(path):
        return True
    if platform.startswith("win"):
        if drive_type is None:  # the real machine: a relative path is relative to a folder that may be remote
            path = os.path.abspath(path)
            if is_unc_path(path):
                return True
        drive = PureWindowsPath(path).drive
        if not drive:
            return False
        return (drive_type or _windows_drive_type)(drive + "\\") == DRIVE_REMOTE
    if platform.startswith("linux"):
        text = mountinfo if mountinfo is not None else _read_mountinfo()
        if text is None:
            return False
        resolved = _existing_ancestor(path) if mountinfo is None else path
        return filesystem_of(resolved, text) in NETWORK_FILESYSTEMS
    return False
