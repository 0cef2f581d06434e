"""`db upgrade`: create or migrate the database."""

from __future__ import annotations

import argparse

from app.cli import Subcommands, add_db_option, command_group, print_json
from app.config import resolve_db_url


def register(subparsers: Subcommands) -> None:
    db_sub = command_group(subparsers, "db", "database maintenance")
    upgrade = db_sub.add_parser("upgrade", help="create the database or upgrade it to the newest schema")
    add_db_option(upgrade)
    upgrade.add_argument("--json", action="store_true")
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    from app.backup.service import before_upgrade
    from app.store.engine import (
        check_sqlite_location,
        sqlite_path,
        translate_storage_errors,
        where_is,
    )
    from app.store.migrate import head_revision, upgrade

    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_location(path, create=True)
    with translate_storage_errors(where_is(url)):
        backup = upgrade(url, backup_first=before_upgrade)
    if args.json:
        print_json({"revision": head_revision(), "backup": backup})
    else:
        print(f"数据库已是最新版本 {head_revision()}" if args.language != "en" else f"database at revision {head_revision()}")
        if backup:
            print(f"升级前的备份：{backup}" if args.language != "en" else f"backup taken before the upgrade: {backup}")
    return 0
