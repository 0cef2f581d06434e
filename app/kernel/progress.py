"""Progress and cancellation of long work (imports, exports, reports, backups).

A service takes `progress: ProgressCallback | None` (called with done, total) and `cancel: CancelToken | None`
(set from any thread, checked between batches); `raise_if_cancelled` is that check for code that takes any
object with a `cancelled` attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import Cancelled

ProgressCallback = Callable[[int, int], None]


class CancelToken:
    """Set from any thread; long services check it between batches."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        if self._cancelled:
            raise Cancelled()


def raise_if_cancelled(cancel: Any) -> None:
    """Raise Cancelled if `cancel` (a CancelToken, or None) has been set."""
    if cancel is not None and getattr(cancel, "cancelled", False):
        raise Cancelled()
