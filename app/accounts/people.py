"""Who did it, as a clerk reads it: the account's name (张丽) for the login name
(shouli) that history lines and audit entries store."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.accounts.models import User
from app.store.engine import Store


def display_names(session: Session | Connection, usernames: Iterable[str]) -> dict[str, str]:
    """Login name → the account's display name.  A login with no account here (an
    import, the set-up, a record from another site) maps to itself."""
    wanted = {u for u in usernames if u}
    found: dict[str, str] = {}
    if wanted:
        found = {u: n for u, n in session.execute(
            select(User.username, User.display_name).where(User.username.in_(wanted))).all() if n}
    return {u: found.get(u, u) for u in wanted}


def display_name(store: Store, username: str) -> str:
    """One login's display name (the status bar's 当前用户), the login itself when it has no account."""
    with store.read() as session:
        return display_names(session, [username]).get(username, username)


def names_by_id(session: Session, user_ids: Iterable[int]) -> dict[int, str]:
    """Account id → display name (the tribunal, a hearing's members, a mediator in the audit log)."""
    wanted = {i for i in user_ids if isinstance(i, int)}
    if not wanted:
        return {}
    return {i: n or u for i, u, n in session.execute(
        select(User.id, User.username, User.display_name).where(User.id.in_(wanted))).all()}
