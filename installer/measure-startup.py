"""Start-up of the frozen program beside the program run from source.

    .venv/bin/python installer/measure-startup.py [FROZEN] [RUNS]
    FROZEN: default dist/renshe-desk/renshe-desk (or /usr/bin/renshe-desk); RUNS: default 5

Each is started as a fresh process, offscreen, with `--smoke-test` on the same database
(made by a warm-up run, so this is a normal start, not the first ever), interleaved so both
see the same load.  Printed: median seconds to the first window (ui/application.py prints
the moment when RENSHE_STARTUP_PROBE is set) and to the exit of the smoke test, which has
by then opened the store and filled the main window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def launch(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.time()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    end = time.time()
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed ({done.returncode}):\n{done.stderr}")
    for line in done.stderr.splitlines():
        if line.startswith("first-window "):
            return float(line.split()[1]) - start, end - start
    raise SystemExit(f"no first-window line from {argv}:\n{done.stderr}")


def main() -> int:
    frozen = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "dist" / "renshe-desk" / "renshe-desk")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    data = Path(tempfile.mkdtemp(prefix="renshe-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RENSHE_STARTUP_PROBE="1", RENSHE_DATA_DIR=str(data))
    env.pop("DISPLAY", None)
    db = f"sqlite:///{data / 'startup.db'}"
    commands = {
        "source": [sys.executable, str(ROOT / "main.py"), "--smoke-test", "--db", db],
        "frozen": [frozen, "--smoke-test", "--db", db],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, argv in commands.items():
            measured = launch(argv, env)
            if i:  # the first round is a warm-up
                times[name].append(measured)
    for name, measured in times.items():
        window = statistics.median(m[0] for m in measured)
        total = statistics.median(m[1] for m in measured)
        print(f"{name:7s} first window {window:.2f} s, smoke test done {total:.2f} s (median of {runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
