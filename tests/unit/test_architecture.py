"""The core never imports Qt or the user interface (import-linter checks it too)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_app_never_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(APP.parent)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "ui", "shiboken6"}
        )
        for path in APP.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 20  # the walk really saw the package


def test_money_is_never_a_float_column() -> None:
    from sqlalchemy import Float, Numeric

    import app.models  # noqa: F401
    from app.store.base import Base

    floats = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, Float) or (isinstance(column.type, Numeric) and column.type.asdecimal is False)
    ]
    assert floats == []
