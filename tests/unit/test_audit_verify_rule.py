"""Issue 13: one rule for `audit verify` — it reads nothing personal and changes nothing, so
every role may run it, signed in or not (before, five case-handling roles were refused
with --user and let through without it)."""

from __future__ import annotations

import pytest

from app.accounts.actor import setup_actor
from app.accounts.permissions import Permission, Role
from app.accounts.service import AccountService
from app.cli import PASSWORD_ENV_VAR, run

SECRET = "Pa55word-long-enough"


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_may_verify_with_and_without_signing_in(store, db_url: str, monkeypatch, capsys, role: str) -> None:
    accounts = AccountService(store, setup_actor())
    accounts.create_user("first", "管理员", SECRET, ["admin"])
    from tests.conftest import make_actor

    AccountService(store, make_actor("admin", username="first")).create_user("someone", "某人", SECRET, [role])
    monkeypatch.setenv(PASSWORD_ENV_VAR, SECRET)
    assert run(["audit", "verify", "--db", db_url, "--user", "someone"]) == 0, capsys.readouterr().err
    assert run(["audit", "verify", "--db", db_url]) == 0
    assert "日志完整" in capsys.readouterr().out


def test_the_permission_table_says_so() -> None:
    from app.accounts.actor import Actor, anonymous_reader

    assert all(Actor("x", 1, frozenset({r.value})).can(Permission.AUDIT_VERIFY) for r in Role)
    assert anonymous_reader().can(Permission.AUDIT_VERIFY)
