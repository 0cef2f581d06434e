"""The exit codes of every command (README, "退出码").

| code | meaning |
| --- | --- |
| 0 | done; an import saved every row (a file without rows saves nothing and is done too) |
| 1 | a verification failed (`audit verify`, `db check`) |
| 2 | the user's error: a bad file, a bad option, no permission, a refused action — one line says which |
| 3 | an import saved some rows and refused others (each listed with its row number and reason) |
| 4 | an import refused every row: nothing was saved |
| 130 | cancelled (Ctrl+C) |
"""

from __future__ import annotations

from typing import Any

DONE = 0
VERIFICATION_FAILED = 1
USER_ERROR = 2
SOME_ROWS_REFUSED = 3
ALL_ROWS_REFUSED = 4
CANCELLED = 130


def for_import(report: Any) -> int:
    """The exit code of an import from its report (`imported`, `refused`)."""
    if not report.refused:
        return DONE
    return SOME_ROWS_REFUSED if report.imported else ALL_ROWS_REFUSED
