"""Accounts: the first administrator, sign-in with lock-out, users and roles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.accounts.actor import Actor, setup_actor
from app.accounts.models import User
from app.accounts.permissions import Permission, Role
from app.clock import local_time
from app.errors import UserError
from app.kernel.unit_of_work import UnitOfWork, changed_elsewhere
from app.store.engine import Store
from app.store.types import utc_now

MAX_FAILED_LOGINS = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_hasher = PasswordHasher()  # argon2id, memory-hard (argon2-cffi's defaults: RFC 9106's low-memory choice)


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so both failures take as long.  Made at the
    first sign-in, not at import: every command-line start imported this module and paid ~0.2 s."""
    return _hasher.hash("not a password of anyone")


@dataclass(frozen=True)
class UserRow:
    id: int
    version: int
    username: str
    display_name: str
    roles: frozenset[str]
    active: bool
    failed_logins: int
    locked_until: datetime | None

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utc_now())


def _row(user: User) -> UserRow:
    return UserRow(
        id=user.id,
        version=user.version,
        username=user.username,
        display_name=user.display_name,
        roles=user.role_set,
        active=user.active,
        failed_logins=user.failed_logins,
        locked_until=user.locked_until,
    )


def actor_of(user: User | UserRow) -> Actor:
    roles = user.role_set if isinstance(user, User) else user.roles
    return Actor(username=user.username, user_id=user.id, roles=frozenset(roles))


def _check_username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise UserError("user.name_required", field="username")
    if not _USERNAME.match(username):
        raise UserError("user.name_format", field="username")
    return username


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError("user.password_too_short", field="password", minimum=MIN_PASSWORD_LENGTH)


def _check_roles(roles: Iterable[str]) -> str:
    cleaned = set()
    for role in roles:
        try:
            cleaned.add(Role(role).value)
        except ValueError as exc:
            raise UserError("user.role_unknown", field="roles", role=role) from exc
    if not cleaned:
        raise UserError("user.roles_required", field="roles")
    return ",".join(sorted(cleaned))


def has_accounts(store: Store) -> bool:
    with store.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


class AccountService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # ------------------------------------------------------------ first start
    def create_first_admin(self, username: str, display_name: str, password: str) -> Actor:
        """The first account, an administrator; allowed only while there are none."""
        username = _check_username(username)
        _check_password(password)
        with UnitOfWork(self.store, setup_actor()) as uow:
            user = User(
                username=username,
                display_name=display_name.strip() or username,
                password_hash=_hasher.hash(password),
                roles=Role.ADMIN.value,
            )
            uow.session.add(user)
            uow.flush()
            actor = actor_of(user)
        return actor

    # ------------------------------------------------------------ sign-in
    def sign_in(self, username: str, password: str, *, now: datetime | None = None) -> Actor:
        """The signed-in actor, or UserError auth.failed / auth.locked / auth.disabled.

        The failure message never says whether the name or the password was wrong.
        Five wrong passwords lock the account for 15 minutes.
        """
        now = now or utc_now()
        username = (username or "").strip()
        with self.store.read() as session:
            user = session.scalar(select(User).where(User.username == username))
        if user is None:
            _verify(_dummy_hash(), password)
            raise UserError("auth.failed")
        outcome: UserError | None = None
        with UnitOfWork(self.store, actor_of(user)) as uow:
            user = uow.session.get(User, user.id)
            assert user is not None
            if user.locked_until is not None and user.locked_until > now:
                outcome = UserError("auth.locked", until=_local(user.locked_until))
            elif not _verify(user.password_hash, password):
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.failed_logins = 0
                    user.locked_until = now + LOCK_DURATION
                    outcome = UserError("auth.locked", until=_local(user.locked_until))
                else:
                    outcome = UserError("auth.failed")
            elif not user.active:
                outcome = UserError("auth.disabled")
            else:
                if user.failed_logins or user.locked_until is not None:
                    user.failed_logins = 0
                    user.locked_until = None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                uow.record_event("login", User.__tablename__, user.id, record_uuid=str(user.uuid))
                actor = actor_of(user)
        # The failed-login counter is saved before the refusal is raised.
        if outcome is not None:
            raise outcome
        return actor

    # ------------------------------------------------------------ administration
    def list_users(self) -> list[UserRow]:
        self.actor.require(Permission.USER_MANAGE)
        with self.store.read() as session:
            return [_row(u) for u in session.scalars(select(User).order_by(User.username))]

    def create_user(self, username: str, display_name: str, password: str, roles: Iterable[str]) -> UserRow:
        username = _check_username(username)
        _check_password(password)
        role_text = _check_roles(roles)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            if uow.session.scalar(select(User.id).where(User.username == username)) is not None:
                raise UserError("user.duplicate", field="username", username=username)
            user = User(
                username=username,
                display_name=display_name.strip() or username,
                password_hash=_hasher.hash(password),
                roles=role_text,
            )
            uow.session.add(user)
            uow.flush()
            return _row(user)

    def update_user(self, user_id: int, version: int, *, display_name: str | None = None, roles: Iterable[str] | None = None) -> UserRow:
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            user = self._get(uow, user_id, version)
            if display_name is not None:
                user.display_name = display_name.strip() or user.username
            if roles is not None:
                new_roles = _check_roles(roles)
                if Role.ADMIN.value in user.role_set and Role.ADMIN.value not in new_roles.split(","):
                    self._keep_an_admin(uow, user)
                user.roles = new_roles
            uow.flush()
            return _row(user)

    def reset_password(self, user_id: int, new_password: str) -> UserRow:
        _check_password(new_password)
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            user = self._get(uow, user_id)
            user.password_hash = _hasher.hash(new_password)
            user.failed_logins = 0
            user.locked_until = None
            uow.flush()
            return _row(user)

    def set_active(self, user_id: int, active: bool) -> UserRow:
        """Disable or re-enable an account (accounts are never deleted)."""
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            user = self._get(uow, user_id)
            if not active and Role.ADMIN.value in user.role_set:
                self._keep_an_admin(uow, user)
            user.active = active
            uow.flush()
            return _row(user)

    def unlock(self, user_id: int) -> UserRow:
        with UnitOfWork(self.store, self.actor, Permission.USER_MANAGE) as uow:
            user = self._get(uow, user_id)
            user.failed_logins = 0
            user.locked_until = None
            uow.flush()
            return _row(user)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        _check_password(new_password)
        if self.actor.user_id is None:
            raise UserError("auth.failed")
        with UnitOfWork(self.store, self.actor) as uow:
            user = self._get(uow, self.actor.user_id)
            if not _verify(user.password_hash, old_password):
                raise UserError("auth.failed", field="old_password")
            user.password_hash = _hasher.hash(new_password)

    # ------------------------------------------------------------ helpers
    @staticmethod
    def _get(uow: UnitOfWork, user_id: int, version: int | None = None) -> User:
        user = uow.session.get(User, user_id)
        if user is None:
            raise UserError("user.not_found", username=str(user_id))
        if version is not None and user.version != version:
            raise changed_elsewhere(uow.session, user)
        return user

    @staticmethod
    def _keep_an_admin(uow: UnitOfWork, leaving: User) -> None:
        others = [
            u
            for u in uow.session.scalars(select(User).where(User.active.is_(True), User.id != leaving.id))
            if Role.ADMIN.value in u.role_set
        ]
        if not others:
            raise UserError("user.last_admin")

    def find(self, username: str) -> UserRow:
        self.actor.require(Permission.USER_MANAGE)
        with self.store.read() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise UserError("user.not_found", username=username)
            return _row(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _local(moment: datetime) -> str:
    return local_time(moment).strftime("%Y-%m-%d %H:%M")
