"""Where the data lives: the database URL, the data folder and the language."""

from __future__ import annotations

import os
from pathlib import Path

from app import APP_NAME

DB_ENV_VAR = "RENSHE_DB"
DATA_DIR_ENV_VAR = "RENSHE_DATA_DIR"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def data_dir() -> Path:
    """The per-user data folder (platformdirs), created on first use.

    RENSHE_DATA_DIR overrides it, which tests and portable installs use.
    """
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'renshe-desk.db'}"


def resolve_db_url(cli_value: str | None = None) -> str:
    """--db wins over RENSHE_DB, which wins over the default file."""
    if cli_value:
        return cli_value
    return os.environ.get(DB_ENV_VAR) or default_db_url()


def normalise_language(value: str | None) -> str:
    if not value:
        return DEFAULT_LANGUAGE
    value = value.replace("-", "_")
    if value.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE
