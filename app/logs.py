"""Logging: a rotating file in the data folder; personal numbers scrubbed from every line."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.config import data_dir
from app.privacy import ScrubbingFilter

LOG_FILE_NAME = "renshe-desk.log"
_configured = False


def log_file() -> Path:
    return data_dir() / "logs" / LOG_FILE_NAME


def configure_logging(level: int = logging.INFO) -> Path:
    """Idempotent: one rotating handler on the root logger, with the scrubbing filter."""
    global _configured
    path = log_file()
    if _configured:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubbingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
    return path
