"""`exchange export | import | status | conflicts | resolve`: bundles between sites by file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.cli import (
    Subcommands,
    add_standard_options,
    command_group,
    print_json,
    terminal_progress,
    with_service,
    zh,
)
from app.errors import UserError

if TYPE_CHECKING:
    from app.sites.exchange import ExchangeService

T = TypeVar("T")


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "exchange", "exchange bundles with other sites (USB stick)")

    export = sub.add_parser("export", help="write the bundle for a peer: everything it has not acknowledged")
    export.add_argument("--to", required=True, metavar="CODE", help="the peer site's code")
    export.add_argument("--out", required=True, metavar="FILE", help="the bundle file (or a folder to put it in)")
    imp = sub.add_parser("import", help="apply a bundle from a peer (all of it or nothing)")
    imp.add_argument("file", metavar="FILE")
    status = sub.add_parser("status", help="per peer: last sent, last acknowledged, last received")
    conflicts = sub.add_parser("conflicts", help="records changed here and at a peer, both versions")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    resolve = sub.add_parser("resolve", help="settle a conflict field by field")
    resolve.add_argument("id", type=int, metavar="ID")
    resolve.add_argument("--field", action="append", default=[], metavar="NAME=mine|theirs",
                         help="which version of a field to keep (fields not named keep this site's)")
    narrow = sub.add_parser("narrow", help="send a peer less than goes to it by default (per table)")
    narrow.add_argument("--to", required=True, metavar="CODE", help="the peer site's code")
    narrow.add_argument("--exclude", action="append", default=[], metavar="TABLE",
                        help="a table to send this peer nothing of (repeat; none: everything again)")
    for parser, handler in ((export, _export), (imp, _import), (status, _status), (conflicts, _conflicts),
                            (resolve, _resolve), (narrow, _narrow)):
        add_standard_options(parser)
        parser.set_defaults(handler=handler)


def _run(args: argparse.Namespace, work: Callable[[ExchangeService], T]) -> T:
    from app.sites.exchange import ExchangeService

    return with_service(args, ExchangeService, work)


def _export(args: argparse.Namespace) -> int:
    progress = terminal_progress("导出" if zh(args) else "exporting")
    result = _run(args, lambda s: s.export(args.to, Path(args.out), progress=progress))
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"已导出第{result.sequence}号交换包给{result.to}：{result.records}条记录 → {result.path}" if zh(args)
              else f"bundle {result.sequence} for {result.to}: {result.records} records → {result.path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    progress = terminal_progress("导入" if zh(args) else "importing")
    result = _run(args, lambda s: s.import_bundle(Path(args.file), progress=progress))
    if args.json:
        print_json(result.as_dict())
    elif result.held:
        print(f"来自{result.sender}的第{result.sequence}号交换包已暂存：须先导入第{result.missing_sequence}号，"
              f"导入后本包自动应用。" if zh(args)
              else f"bundle {result.sequence} from {result.sender} is held: import bundle {result.missing_sequence} "
                   f"first; this one is applied right after it.")
    elif result.already_applied:
        print(f"来自{result.sender}的第{result.sequence}号交换包已导入过，未作改动。" if zh(args)
              else f"bundle {result.sequence} from {result.sender} was applied before; nothing changed.")
    else:
        print(f"已导入来自{result.sender}的第{result.sequence}号交换包：新增{result.records_new}条，"
              f"更新{result.records_updated}条，删除{result.records_deleted}条，冲突{result.conflicts}条。" if zh(args)
              else f"bundle {result.sequence} from {result.sender}: {result.records_new} new, "
                   f"{result.records_updated} updated, {result.records_deleted} deleted, "
                   f"{result.conflicts} conflicts.")
        for r in result.released:
            print(f"随后应用了暂存的第{r.sequence}号交换包：新增{r.records_new}条，更新{r.records_updated}条，"
                  f"删除{r.records_deleted}条，冲突{r.conflicts}条。" if zh(args)
                  else f"then held bundle {r.sequence}: {r.records_new} new, {r.records_updated} updated, "
                       f"{r.records_deleted} deleted, {r.conflicts} conflicts.")
    return 0


def _status(args: argparse.Namespace) -> int:
    peers = _run(args, lambda s: s.status())
    if args.json:
        print_json(peers)
        return 0
    for p in peers:
        held = ",".join(str(n) for n in p["held"]) or "-"
        print(f"{p['code']}  {p['name']}  sent {p['last_sent']}  acknowledged {p['last_acknowledged']}  "
              f"received {p['last_received']}  held {held}  conflicts {p['open_conflicts']}")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    items = _run(args, lambda s: s.conflicts(include_closed=args.all))
    if args.json:
        print_json([c.as_dict() for c in items])
        return 0
    for c in items:
        print(f"#{c.id} {c.table_name}#{c.record_id} ({c.peer}, {c.status}): "
              + ", ".join(f"{f.name}: {f.mine!r} | {f.theirs!r}" for f in c.fields))
    return 0


def _resolve(args: argparse.Namespace) -> int:
    choices: dict[str, str] = {}
    for item in args.field:
        name, _eq, choice = item.partition("=")
        if not _eq:
            raise UserError("exchange.choice_invalid", field=item, value="")
        choices[name.strip()] = choice.strip()
    view = _run(args, lambda s: s.resolve(args.id, choices))
    if args.json:
        print_json(view.as_dict())
    else:
        print(f"冲突#{view.id}已处理。" if zh(args) else f"conflict #{view.id} resolved.")
    return 0


def _narrow(args: argparse.Namespace) -> int:
    excluded = [t.strip() for item in args.exclude for t in item.split(",") if t.strip()]
    chosen = _run(args, lambda s: s.narrow(args.to, excluded))
    if args.json:
        print_json({"to": args.to, "excluded": chosen})
    elif chosen:
        print(f"今后不再向{args.to}发送：{'、'.join(chosen)}" if zh(args)
              else f"{args.to} is sent nothing of: {', '.join(chosen)}")
    else:
        print(f"向{args.to}发送的内容恢复为默认。" if zh(args) else f"{args.to} is sent everything by default again.")
    return 0
