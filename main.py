"""Renshe Desk (人社办案台).  No command: the desktop program.  A command: headless."""

from __future__ import annotations

import argparse
import sys


def open_gui(args: argparse.Namespace) -> int:
    if args.platform_check:  # installer/windows/build-on-linux.sh runs it in the built .exe
        from pathlib import Path

        from ui.platform_check import run_platform_check

        return run_platform_check(Path(args.platform_check))
    from ui.application import run_gui

    return run_gui(args)


def main(argv: list[str] | None = None) -> int:
    from app.config import protect_files

    protect_files()  # before any file is made: owner-only files, a private temporary folder
    from app.cli import run

    return run(sys.argv[1:] if argv is None else argv, open_gui=open_gui)


if __name__ == "__main__":
    # A large ledger import reads the file in a second process (app/spreadsheets/background.py);
    # in a frozen build that process starts from this file and must stop here.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
