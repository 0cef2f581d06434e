"""Accounts: first administrator, sign-in and lock-out, administration."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.accounts.actor import setup_actor
from app.accounts.service import LOCK_DURATION, AccountService, has_accounts
from app.errors import UserError
from app.models import User
from app.store.types import utc_now


@pytest.fixture
def admin(store):
    return AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")


def test_first_admin_only_once(store, admin) -> None:
    assert admin.roles == frozenset({"admin"})
    assert has_accounts(store)
    with pytest.raises(UserError) as caught:
        AccountService(store, setup_actor()).create_first_admin("second", "", "secret123")
    assert caught.value.code == "auth.setup_closed"


def test_password_is_hashed_with_argon2(store, admin) -> None:
    with store.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2id$")
    assert "secret123" not in stored


def test_the_program_hashes_at_argon2ids_full_cost(store) -> None:
    """The tests' accounts hash cheaply (tests/fixtures/passwords.py); the program's own hasher is
    argon2id at argon2-cffi's default cost, and a password it hashed signs in."""
    from argon2 import Type

    from app.accounts import service as accounts
    from tests.fixtures.passwords import PROGRAM_HASHER

    assert (PROGRAM_HASHER.type, PROGRAM_HASHER.memory_cost, PROGRAM_HASHER.time_cost) == (Type.ID, 65536, 3)
    cheap = accounts._hasher
    accounts._hasher = PROGRAM_HASHER
    try:
        AccountService(store, setup_actor()).create_first_admin("admin", "管理员", "secret123")
        with store.read() as session:
            stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
        assert stored.startswith("$argon2id$v=19$m=65536,t=3,")
        assert AccountService(store, setup_actor()).sign_in("admin", "secret123").username == "admin"
    finally:
        accounts._hasher = cheap


def test_audit_entries_never_hold_the_password_hash(store, admin) -> None:
    from app.models import AuditEntry

    with store.read() as session:
        changes = " ".join(session.scalars(select(AuditEntry.changes)))
    assert "argon2" not in changes
    assert '"password_hash":["***","***"]' in changes


def test_wrong_name_and_wrong_password_give_the_same_message(store, admin) -> None:
    service = AccountService(store, setup_actor())
    messages = set()
    for name, password in (("nobody", "secret123"), ("admin", "wrong-password")):
        with pytest.raises(UserError) as caught:
            service.sign_in(name, password)
        messages.add(caught.value.message())
    assert messages == {"用户名或密码错误。"}


def test_five_wrong_passwords_lock_for_fifteen_minutes(store, admin) -> None:
    service = AccountService(store, setup_actor())
    now = utc_now()
    codes = []
    for _ in range(5):
        with pytest.raises(UserError) as caught:
            service.sign_in("admin", "wrong-password", now=now)
        codes.append(caught.value.code)
    assert codes == ["auth.failed"] * 4 + ["auth.locked"]
    with pytest.raises(UserError) as caught:
        service.sign_in("admin", "secret123", now=now + timedelta(minutes=14))
    assert caught.value.code == "auth.locked"
    assert service.sign_in("admin", "secret123", now=now + LOCK_DURATION + timedelta(seconds=1)).username == "admin"


def test_admin_creates_disables_unlocks_and_keeps_one_admin(store, admin) -> None:
    service = AccountService(store, admin)
    clerk = service.create_user("li.ming", "李明", "password1", ["intake", "mediator"])
    assert clerk.roles == frozenset({"intake", "mediator"})
    with pytest.raises(UserError) as caught:
        service.create_user("li.ming", "李明", "password1", ["intake"])
    assert caught.value.code == "user.duplicate"
    with pytest.raises(UserError) as caught:
        service.create_user("wang", "王", "short", ["intake"])
    assert caught.value.code == "user.password_too_short"
    with pytest.raises(UserError) as caught:
        service.create_user("wang", "王", "password1", ["boss"])
    assert caught.value.code == "user.role_unknown"

    service.set_active(clerk.id, False)
    with pytest.raises(UserError) as caught:
        AccountService(store, setup_actor()).sign_in("li.ming", "password1")
    assert caught.value.code == "auth.disabled"
    service.set_active(clerk.id, True)
    service.reset_password(clerk.id, "another-pass")
    assert AccountService(store, setup_actor()).sign_in("li.ming", "another-pass").roles == frozenset(
        {"intake", "mediator"}
    )

    with pytest.raises(UserError) as caught:
        service.set_active(admin.user_id, False)
    assert caught.value.code == "user.last_admin"
    row = service.find("admin")
    with pytest.raises(UserError) as caught:
        service.update_user(row.id, row.version, roles=["intake"])
    assert caught.value.code == "user.last_admin"


def test_clerk_cannot_manage_users(store, admin) -> None:
    AccountService(store, admin).create_user("clerk", "", "password1", ["intake"])
    clerk = AccountService(store, setup_actor()).sign_in("clerk", "password1")
    with pytest.raises(UserError) as caught:
        AccountService(store, clerk).create_user("x", "", "password1", ["admin"])
    assert caught.value.code == "permission.denied"
