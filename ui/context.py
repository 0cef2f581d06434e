"""What every window is given: the store, the signed-in user, the language and the task runner.

Windows take an AppContext, never the whole application object.  `tasks` is always
set: the application passes its one runner; a context made without one (tests, the
login dialogs) makes its own, so no window ever checks or creates a runner.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.accounts.actor import Actor
from app.accounts.permissions import Permission, label
from app.store.engine import Store
from ui.tasks import TaskRunner


@dataclass(init=False)
class AppContext:
    store: Store
    actor: Actor
    language: str
    # Whether error dialogs may open (False under --smoke-test and in tests).
    error_windows: bool
    tasks: TaskRunner

    def __init__(self, store: Store, actor: Actor, language: str = "zh_CN", error_windows: bool = True,
                 tasks: TaskRunner | None = None) -> None:
        self.store = store
        self.actor = actor
        self.language = language
        self.error_windows = error_windows
        self.tasks = tasks if tasks is not None else TaskRunner(language=language, error_windows=error_windows)

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def missing_permission_tip(self, permission: Permission) -> str:
        """The tooltip of a control disabled for want of `permission`."""
        return f"需要权限：{label(permission, 'zh_CN')}" if self.language != "en" else f"Requires the permission: {label(permission, 'en')}"
