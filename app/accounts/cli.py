"""`users add` and `audit verify`."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from app.accounts.permissions import Role
from app.cli import (
    Subcommands,
    actor_for,
    add_standard_options,
    command_group,
    open_store_for,
    print_json,
    terminal_progress,
)
from app.errors import UserError

if TYPE_CHECKING:
    from app.accounts.actor import Actor
    from app.store import Store


def register(subparsers: Subcommands) -> None:
    users_sub = command_group(subparsers, "users", "login accounts")
    add = users_sub.add_parser(
        "add",
        help="create a user; the password is read from standard input, never from the command line",
    )
    add.add_argument("username")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help="a role (repeat for several)",
    )
    add.add_argument("--display-name", default="", help="the name shown in the program")
    add_standard_options(add)
    add.set_defaults(handler=_add_user)

    audit_sub = command_group(subparsers, "audit", "the audit record")
    verify = audit_sub.add_parser("verify", help="check that no audit entry or audited record was altered")
    add_standard_options(verify)
    verify.add_argument(
        "--anchor", action="append", default=[], metavar="SEQ:HASH",
        help="an anchor written down from an earlier verify (repeatable): that entry must still have that hash",
    )
    verify.add_argument(
        "--anchor-from", action="append", default=[], metavar="FILE",
        help="an exported file (xlsx/pdf) whose properties carry the anchor written at export (repeatable)",
    )
    verify.set_defaults(handler=_verify)


def _read_new_password(username: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"{username} 的新密码 / new password: ")
        second = getpass.getpass("再次输入 / again: ")
        if first != second:
            raise UserError("user.passwords_differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _add_user(args: argparse.Namespace) -> int:
    from app.accounts.service import AccountService, has_accounts

    store = open_store_for(args, create=True)  # users add makes the first account
    try:
        password = _read_new_password(args.username)
        actor = actor_for(args, store, writes=True)
        service = AccountService(store, actor)
        if actor.is_setup and not has_accounts(store) and Role.ADMIN.value in args.role and len(args.role) == 1:
            # The very first account on a fresh database: the set-up actor creates it.
            service.create_first_admin(args.username, args.display_name, password)
            row = AccountService(store, actor_for_admin(store, args.username)).find(args.username)
        else:
            row = service.create_user(args.username, args.display_name, password, args.role)
        if args.json:
            print_json({"id": row.id, "username": row.username, "roles": sorted(row.roles)})
        else:
            print(f"已创建用户 {row.username}" if args.language != "en" else f"created user {row.username}")
        return 0
    finally:
        store.dispose()


def actor_for_admin(store: Store, username: str) -> Actor:
    from sqlalchemy import select

    from app.accounts.models import User
    from app.accounts.service import actor_of

    with store.read() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return actor_of(user)


def _verify(args: argparse.Namespace) -> int:
    from app.audit import chain as audit
    from app.audit.log import AuditLogService
    from app.kernel.exports import anchor_from_file

    try:
        anchors = [audit.parse_anchor(text) for text in args.anchor]
        anchors += [audit.parse_anchor(anchor_from_file(path)) for path in args.anchor_from]
    except ValueError as exc:
        raise UserError("audit.anchor_invalid", value=str(exc)) from exc
    store = open_store_for(args)
    try:
        actor = actor_for(args, store, writes=False)
        result = AuditLogService(store, actor).verify(progress=terminal_progress("校验"), anchors=anchors)
        language = args.language
        if args.json:
            print_json(
                {
                    "ok": result.ok,
                    "entries_checked": result.entries_checked,
                    "records_checked": result.records_checked,
                    "anchor": result.anchor,
                    "breaks": [
                        {
                            "code": b.code,
                            "seq": b.seq,
                            "table": b.table_name,
                            "record_id": b.record_id,
                            "label": b.label,
                            "message": b.describe(language),
                        }
                        for b in result.breaks
                    ],
                }
            )
        elif result.ok:
            print(
                f"日志完整：已校验 {result.entries_checked} 条日志、{result.records_checked} 条记录。"
                f"校验锚点 {result.anchor}（请记在本机以外，日后用 --anchor 核对）"
                if language != "en"
                else f"intact: {result.entries_checked} entries and {result.records_checked} records checked; "
                f"anchor {result.anchor} (write it down away from this machine; check it later with --anchor)"
            )
        else:
            first = result.breaks[0].describe(language)
            print(
                f"日志被篡改：{first}（共 {len(result.breaks)} 处问题）"
                if language != "en"
                else f"tampered: {first} ({len(result.breaks)} problems)",
                file=sys.stderr,
            )
        return 0 if result.ok else 1
    finally:
        store.dispose()
