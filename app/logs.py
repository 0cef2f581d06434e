"""Logging: a rotating file in the data folder; personal numbers scrubbed from every line."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from app.config import data_dir
from app.privacy import ScrubbingFilter

LOG_FILE_NAME = "renshe-desk.log"
_configured_path: Path | None = None


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written (a full disk) drops the line instead of printing a
    traceback per log line to the terminal — 850 lines for one import on a full disk (issue 13).
    The operation that met the full disk says so itself, in its one line."""

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)


def log_file() -> Path:
    return data_dir() / "logs" / LOG_FILE_NAME


def configure_logging(level: int = logging.INFO) -> Path:
    """Idempotent: one rotating handler on the root logger, with the scrubbing filter.

    Returns the file the log goes to (the first call's, on later calls)."""
    global _configured_path
    if _configured_path is not None:
        return _configured_path
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _QuietFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubbingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured_path = path
    return path
