"""`site init | show | export-key | trust`: this installation as a site, and the peers it trusts."""

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
    with_service,
    zh,
)

if TYPE_CHECKING:
    from app.sites.identity import SiteService

T = TypeVar("T")


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "site", "this installation as a site: code, name, kind, keys, trusted peers")

    init = sub.add_parser("init", help="make this installation a site, with a new key pair")
    init.add_argument("--code", required=True, help="the site's code (letters, digits, - and _)")
    init.add_argument("--name", required=True, help="the site's name, e.g. 某镇劳动保障所")
    init.add_argument("--kind", required=True, choices=("district", "arbitration", "township"))
    init.add_argument("--issuing-body", metavar="BODY",
                      help="the issuing body the site's case numbers carry (某区, 甲镇); a township's must differ "
                           "from the district's (default: the setting organisation.district as it is)")
    add_standard_options(init)
    init.set_defaults(handler=_init)

    show = sub.add_parser("show", help="this site and its fingerprint, and the trusted peers")
    add_standard_options(show)
    show.set_defaults(handler=_show)

    export_key = sub.add_parser("export-key", help="write this site's public key file for the peers")
    export_key.add_argument("--out", required=True, metavar="FILE")
    add_standard_options(export_key)
    export_key.set_defaults(handler=_export_key)

    trust = sub.add_parser("trust", help="register a peer's public key file (compare its fingerprint by telephone)")
    trust.add_argument("file", metavar="FILE")
    add_standard_options(trust)
    trust.set_defaults(handler=_trust)


def _run(args: argparse.Namespace, work: Callable[[SiteService], T], *, create: bool = False) -> T:
    from app.sites.identity import SiteService

    return with_service(args, SiteService, work, create=create)


def _init(args: argparse.Namespace) -> int:
    # making an installation a site may be the first thing done with its database
    view = _run(args, lambda s: s.init(code=args.code, name=args.name, kind=args.kind,
                                       issuing_body=args.issuing_body), create=True)
    if args.json:
        print_json(view.as_dict())
    else:
        print(f"站点已设置：{view.code} {view.name}，指纹 {view.fingerprint}" if zh(args)
              else f"site set up: {view.code} {view.name}, fingerprint {view.fingerprint}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from app.errors import UserError

    view, peers = _run(args, lambda s: (s.show(), s.peers()))
    if view is None:
        raise UserError("site.not_set_up")
    if args.json:
        print_json({**view.as_dict(), "peers": [p.as_dict() for p in peers]})
        return 0
    print(f"{view.code}  {view.name}  ({view.kind})")
    print(("指纹 " if zh(args) else "fingerprint ") + view.fingerprint)
    for p in peers:
        print(f"  {p.code}  {p.name}  ({p.kind})  {p.fingerprint}")
    return 0


def _export_key(args: argparse.Namespace) -> int:
    view = _run(args, lambda s: s.export_key(Path(args.out)))
    if args.json:
        print_json({**view.as_dict(), "file": args.out})
    else:
        print(f"公钥已导出：{args.out}（指纹 {view.fingerprint}）" if zh(args)
              else f"public key written: {args.out} (fingerprint {view.fingerprint})")
    return 0


def _trust(args: argparse.Namespace) -> int:
    view = _run(args, lambda s: s.trust(Path(args.file)))
    if args.json:
        print_json(view.as_dict())
    else:
        print(f"已信任站点 {view.code} {view.name}，指纹 {view.fingerprint}（请与对方电话核对）" if zh(args)
              else f"trusted {view.code} {view.name}, fingerprint {view.fingerprint} (compare it by telephone)")
    return 0
