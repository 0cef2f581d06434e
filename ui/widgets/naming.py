"""`named(widget, "name")`: a widget built and given its object name in one expression.

PySide6 accepts a Qt property as a constructor keyword (`QLabel(objectName="x")`), but its type
stubs do not list those keywords, so mypy cannot check such a call. `named` does the same thing
(the name is set right after the widget is built) and keeps the widget's own type.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

QObjectT = TypeVar("QObjectT", bound=QObject)


def named(qobject: QObjectT, name: str) -> QObjectT:
    """Give `qobject` its object name (what tests and style sheets find it by) and return it."""
    qobject.setObjectName(name)
    return qobject
