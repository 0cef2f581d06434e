"""A killed import leaves no reader process behind (issue 13): the child watches its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.complaints.spreadsheet import BACKGROUND_FROM_BYTES, write_template
from tests.fixtures.identities import make_id

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_kill_9_of_an_import_ends_its_reader_child(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["投诉台账"]
    for i in range(20000):
        ws.append([date(2023, 1, 1 + i % 28), "来访", "投诉", f"工人{i}",
                   make_id("520102", f"19{60 + i % 40:02d}0101", 11 + 2 * (i // 40 % 400)), None, "是",
                   f"贵州某建筑劳务有限公司{i % 50}", None, None, 1000 + i])
    wb.save(path)
    assert path.stat().st_size >= BACKGROUND_FROM_BYTES  # read in a child process
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENSHE_")}
    env["RENSHE_DATA_DIR"] = str(tmp_path)
    parent = subprocess.Popen(
        [sys.executable, "main.py", "complaints", "import", str(path), "--db", f"sqlite:///{tmp_path / 'k.db'}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        children: list[int] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and parent.poll() is None:
            children = _children(parent.pid)
            if children:
                time.sleep(1.0)  # the reader is at work
                children = _children(parent.pid)
                break
            time.sleep(0.05)
        assert children, "the import started no reader process"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        gone_by = time.monotonic() + 10  # the child checks every 0.5 s; a loaded machine is slow
        while time.monotonic() < gone_by and any(_alive(c) for c in children):
            time.sleep(0.1)
        left = [c for c in children if _alive(c)]
        described = [Path(f"/proc/{c}/cmdline").read_bytes()[:200] + Path(f"/proc/{c}/status").read_bytes()[:400]
                     for c in left]
        for pid in left:  # clean up before failing
            os.kill(pid, signal.SIGKILL)
        assert not left, f"the reader process outlived its parent: {described}"
    finally:
        if parent.poll() is None:
            parent.kill()
