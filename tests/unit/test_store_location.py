"""A SQLite database on a network share is refused (app/store/location.py): fed fake platform facts."""

from __future__ import annotations

import pytest

from app.store.location import filesystem_of, is_network_path, is_unc_path, mounts_from_mountinfo

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
23 22 0:21 / /proc rw,nosuid shared:2 - proc proc rw
40 22 0:35 / /mnt/office rw,relatime shared:20 - cifs //fileserver/office rw,vers=3.0
41 40 8:2 / /mnt/office/local rw,relatime shared:21 - ext4 /dev/sda2 rw
42 22 0:36 / /home/clerk/nfs\\040share rw,relatime - nfs4 server:/export rw
43 22 0:37 / /srv/ssh rw - fuse.sshfs clerk@host:/ rw
44 22 0:38 / /mnt/officex rw - ext4 /dev/sdb1 rw
"""


def test_mountinfo_lines_give_mount_points_and_types() -> None:
    mounts = mounts_from_mountinfo(MOUNTINFO)
    assert ("/mnt/office", "cifs") in mounts
    assert ("/home/clerk/nfs share", "nfs4") in mounts  # \\040 is a space


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/clerk/renshe.db", "ext4"),
        ("/mnt/office/renshe.db", "cifs"),
        ("/mnt/office/local/renshe.db", "ext4"),  # the longest mount point wins
        ("/mnt/officex/renshe.db", "ext4"),  # a prefix of the name is not a parent folder
        ("/home/clerk/nfs share/a/renshe.db", "nfs4"),
        ("/srv/ssh/renshe.db", "fuse.sshfs"),
    ],
)
def test_the_longest_mount_point_holding_the_path_decides(path: str, fstype: str) -> None:
    assert filesystem_of(path, MOUNTINFO) == fstype


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        ("/home/clerk/renshe.db", False),
        ("/mnt/office/renshe.db", True),
        ("/mnt/office/local/renshe.db", False),
        ("/home/clerk/nfs share/renshe.db", True),
        ("/srv/ssh/x/renshe.db", True),
    ],
)
def test_linux_network_file_systems_are_refused(path: str, remote: bool) -> None:
    assert is_network_path(path, platform="linux", mountinfo=MOUNTINFO) is remote


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\server\share\renshe.db", True),
        ("//server/share/renshe.db", True),
        (r"\\?\UNC\server\share\renshe.db", True),
        (r"\\?\C:\data\renshe.db", False),
        (r"\\.\C:\renshe.db", False),
        (r"C:\data\renshe.db", False),
        ("/home/clerk/renshe.db", False),
    ],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert is_unc_path(path) is unc


def test_windows_unc_path_and_mapped_drive_are_refused() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return {"Z:\\": 4, "C:\\": 3}[root]  # DRIVE_REMOTE, DRIVE_FIXED

    assert is_network_path(r"\\server\share\renshe.db", platform="win32", drive_type=drive_type)
    assert is_network_path(r"Z:\renshe\renshe.db", platform="win32", drive_type=drive_type)
    assert not is_network_path(r"C:\Users\clerk\renshe.db", platform="win32", drive_type=drive_type)
    assert asked == ["Z:\\", "C:\\"]


def test_a_unc_path_is_refused_on_any_platform() -> None:
    assert is_network_path("//server/share/renshe.db", platform="linux", mountinfo=MOUNTINFO)


def test_this_machines_own_temporary_folder_is_local(tmp_path) -> None:
    assert not is_network_path(str(tmp_path / "not-yet" / "renshe.db"))
