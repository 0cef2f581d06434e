"""`backup create`, `backup list` and `backup restore`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import Subcommands, add_standard_options, command_group, print_json, terminal_progress
from app.config import resolve_db_url
from app.errors import UserError, message_for

KIND_LABELS = {
    "daily": ("daily", "每日自动"),
    "manual": ("manual", "手动"),
    "pre-upgrade": ("before upgrade", "升级前"),
    "pre-restore": ("before restore", "恢复前"),
}


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "backup", "back up, list and restore the database")

    create = sub.add_parser("create", help="write a checked copy of the database (exit 0 only when it verifies)")
    add_standard_options(create, user=False)
    create.add_argument("--out", required=True, metavar="FILE", help="the new backup file, or a folder to put it in")
    create.set_defaults(handler=_create)

    listing = sub.add_parser("list", help="the backups the program knows of, with their check results")
    add_standard_options(listing, user=False)
    listing.set_defaults(handler=_list)

    restore = sub.add_parser("restore", help="check FILE, then put it in place of the database (keeps the replaced one)")
    restore.add_argument("file", metavar="FILE")
    add_standard_options(restore, user=False)
    restore.add_argument("--yes", action="store_true", help="confirm that the database is to be replaced")
    restore.set_defaults(handler=_restore)


def kind_label(kind: str, language: str) -> str:
    en, zh = KIND_LABELS.get(kind, (kind, kind))
    return en if language == "en" else zh


def check_text(code: str, path: str, language: str) -> str:
    if code == "ok":
        return "passed" if language == "en" else "校验通过"
    return message_for(code, {"path": Path(path).name}, language)


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size, 1) / 1024:.0f} KB"


def _local(at: str) -> str:
    from datetime import datetime

    from app.clock import local_time

    return local_time(datetime.fromisoformat(at)).strftime("%Y-%m-%d %H:%M")


def _entry_json(entry: Any, language: str) -> dict[str, Any]:
    shown: dict[str, Any] = entry.as_dict()
    return shown | {
        "anchor": f"{entry.audit_seq}:{entry.audit_hash[:16]}" if entry.audit_hash else None,
        "check_message": check_text(entry.check, entry.file, language),
    }


def _create(args: argparse.Namespace) -> int:
    from app.backup import service

    url = resolve_db_url(args.db)
    label = "备份" if args.language != "en" else "backing up"
    entry = service.create(url, Path(args.out), progress=terminal_progress(label))
    if not entry.ok:
        raise UserError("backup.check_failed", path=entry.file, reason=check_text(entry.check, entry.file, args.language))
    if args.json:
        print_json(_entry_json(entry, args.language))
        return 0
    from app.backup.check import counts_text

    counts = counts_text(entry.counts, args.language)
    anchor = f"{entry.audit_seq}:{entry.audit_hash[:16]}"
    if args.language == "en":
        print(f"backup written and verified: {entry.file} ({_size(entry.size)}; {counts}; audit anchor {anchor})")
    else:
        print(f"备份已写出并校验通过：{entry.file}（{_size(entry.size)}；{counts}；日志校验锚点 {anchor}）")
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.backup import service

    entries = service.list_backups(resolve_db_url(args.db))
    language = args.language
    if args.json:
        print_json({"backups": [_entry_json(e, language) for e in entries]})
        return 0
    if not entries:
        print("no backups of this database yet" if language == "en" else "此数据库尚无备份")
        return 0
    for e in entries:
        gone = "" if Path(e.file).exists() else (" (file missing)" if language == "en" else "（文件已不在）")
        print(f"{_local(e.at)}  {kind_label(e.kind, language)}  {_size(e.size)}  {check_text(e.check, e.file, language)}  {e.file}{gone}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.backup import service

    if not args.yes:
        raise UserError("backup.confirm")
    url = resolve_db_url(args.db)
    label = "恢复" if args.language != "en" else "restoring"
    result = service.restore(Path(args.file), url, progress=terminal_progress(label))
    if args.json:
        print_json({"restored": str(args.file), "kept": str(result.kept) if result.kept else None, "upgraded": result.upgraded})
    elif args.language == "en":
        print(f"restored from {args.file}; the replaced database is kept as {result.kept}")
    else:
        print(f"已从 {args.file} 恢复；被替换的数据库保存在 {result.kept}")
    return 0
