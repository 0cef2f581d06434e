"""Launch-to-first-window time of the program vs a bare PySide6 window started the same way.

    python tests/tools/measure_startup.py [RUNS]      (default 7; the first run of each is a warm-up)

Both are started as fresh processes with the same interpreter on the offscreen
platform; each prints the wall-clock time at which its first window was shown
and processed (ui/application.py does so when RENSHE_STARTUP_PROBE is set).
The program runs `main.py --smoke-test` on a database created by the warm-up
run, so the figure is a normal (not first-ever) start.  Also reported: the
time until the smoke test has opened the store and filled the window, and
which heavy modules were already imported when the first window appeared.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1280, 800); w.show()
app.processEvents()
print(f"first-window {time.time():.6f}", file=sys.stderr, flush=True)
"""


def launch(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds to first window, seconds to exit, modules note)."""
    start = time.time()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    end = time.time()
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed ({done.returncode}):\n{done.stderr}")
    for line in done.stderr.splitlines():
        if line.startswith("first-window "):
            parts = line.split()
            return float(parts[1]) - start, end - start, parts[2] if len(parts) > 2 else ""
    raise SystemExit(f"no first-window line from {argv}:\n{done.stderr}")


def main(runs: int) -> int:
    data = Path(tempfile.mkdtemp(prefix="renshe-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               RENSHE_STARTUP_PROBE="1", RENSHE_DATA_DIR=str(data))
    db = f"sqlite:///{data / 'startup.db'}"
    program = [sys.executable, "main.py", "--smoke-test", "--db", db]
    bare = [sys.executable, "-c", BARE]
    results: dict[str, list[tuple[float, float, str]]] = {"bare": [], "program": []}
    for i in range(runs + 1):
        for name, argv in (("bare", bare), ("program", program)):
            measured = launch(argv, env)
            if i > 0:  # the first run warms the disk cache and creates the database
                results[name].append(measured)
    bare_first = statistics.median(r[0] for r in results["bare"])
    ours_first = statistics.median(r[0] for r in results["program"])
    ours_done = statistics.median(r[1] for r in results["program"])
    print(f"runs: {runs} each (after one warm-up), medians, Python {sys.version.split()[0]}")
    print(f"bare PySide6 window:            first window {bare_first * 1000:6.0f} ms")
    print(f"renshe-desk (main.py):          first window {ours_first * 1000:6.0f} ms "
          f"({ours_first / bare_first:.2f}x bare)")
    print(f"renshe-desk smoke test overall: store open, window filled, exit {ours_done * 1000:6.0f} ms")
    print(f"heavy modules loaded at the first window: {results['program'][-1][2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
