"""The acting user, as every service sees it."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from functools import lru_cache

from app.accounts.permissions import (
    Permission,
    anonymous_permissions,
    role_allows,
)
from app.errors import UserError

SETUP_ACTOR_NAME = "(setup)"
ANONYMOUS_ACTOR_NAME = "(anonymous)"


@lru_cache(maxsize=1)
def this_machine() -> str:
    return socket.gethostname()[:128] or "unknown"


@dataclass(frozen=True)
class Actor:
    username: str
    user_id: int | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    # The built-in set-up actor may write only while the database has no accounts.
    is_setup: bool = False
    is_anonymous: bool = False
    machine: str = field(default_factory=this_machine)

    def can(self, permission: Permission | str) -> bool:
        if self.is_setup:
            return True
        if self.is_anonymous:
            return permission in anonymous_permissions()
        return any(role_allows(role, permission) for role in self.roles)

    def require(self, permission: Permission | str) -> None:
        if not self.can(permission):
            raise UserError("permission.denied", permission=str(permission))


def setup_actor() -> Actor:
    return Actor(username=SETUP_ACTOR_NAME, is_setup=True)


def anonymous_reader() -> Actor:
    return Actor(username=ANONYMOUS_ACTOR_NAME, is_anonymous=True)
