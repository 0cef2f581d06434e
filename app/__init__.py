"""Renshe Desk core: domain, services, store and exports. Never imports Qt."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "renshe-desk"


def _read_version() -> str:
    """The version written once, in pyproject.toml.

    A source checkout reads pyproject.toml beside the package (an editable
    install's metadata would be stale after a version bump); the frozen build
    carries the same file at the bundle's top (installer/renshe-desk.spec);
    an installed wheel has no pyproject.toml and answers from its metadata."""
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(APP_NAME)
    except PackageNotFoundError:
        return "0+unknown"


__version__ = _read_version()
