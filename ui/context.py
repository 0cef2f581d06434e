"""What every window is given: the store, the signed-in user and the language.

Windows take an AppContext, never the whole application object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.accounts.actor import Actor
from app.accounts.permissions import Permission, label
from app.store.engine import Store

if TYPE_CHECKING:
    from ui.tasks import TaskRunner


@dataclass
class AppContext:
    store: Store
    actor: Actor
    language: str = "zh_CN"
    # Whether error dialogs may open (False under --smoke-test and in tests).
    error_windows: bool = True
    tasks: TaskRunner | None = field(default=None)

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def missing_permission_tip(self, permission: Permission) -> str:
        """The tooltip of a control disabled for want of `permission`."""
        return f"需要权限：{label(permission, 'zh_CN')}" if self.language != "en" else f"Requires the permission: {label(permission, 'en')}"
