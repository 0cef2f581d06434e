"""The core never imports Qt or the user interface (import-linter checks it too); no test module imports
another test module (shared set-up lives in tests/fixtures/ or a conftest.py); no import circles in app/ and ui/."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
TESTS = APP.parent / "tests"


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


def imported_test_modules(path: Path) -> list[str]:
    """The test modules (a file test_*.py) that the file at `path` imports, as dotted names."""
    package = ".".join(path.relative_to(APP.parent).parent.parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            # `from tests.unit import test_x` names the module in the imported names
            candidates = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.extend(name for name in candidates if name.rsplit(".", 1)[-1].startswith("test_"))
    return found


def test_no_test_module_imports_another_test_module() -> None:
    offenders = {
        str(path.relative_to(APP.parent)): imported_test_modules(path)
        for path in TESTS.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 100  # the walk really saw the tests


# The circles left (issue 12): none; this list may only shrink. Every import counts, also one inside a
# function or under TYPE_CHECKING.
KNOWN_CIRCLES: list[list[str]] = []


def import_circles() -> list[list[str]]:
    """The groups of modules of app and ui that import each other round a circle (Tarjan's strongly
    connected components of the import graph), each sorted."""
    import grimp

    graph = grimp.build_graph("app", "ui")
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for start in sorted(graph.modules):
        if start in order:
            continue
        # iterative Tarjan: (module, the modules it imports still to visit)
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in order:
                    order[other] = low[other] = len(order)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    low[module] = min(low[module], order[other])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == order[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        circles.append(sorted(group))
    return sorted(circles)


def test_no_new_import_circles() -> None:
    """complaints <-> complaint_import, store.engine <-> store.migrate, ui.context -> ui.tasks -> ui.errors ->
    ui.context and store.migrate -> backup.service -> store.migrate (the pre-upgrade backup, now handed
    to the upgrade by its caller) are broken; no circle may come back or be added."""
    assert import_circles() == KNOWN_CIRCLES


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
