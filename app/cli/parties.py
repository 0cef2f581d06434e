"""`parties template | import | export`: the parties register from the command line.

The same services as the GUI: the import goes through
PartyService.import_records (permission, validation, audit, one transaction),
the export through PartyService.query_for_export (masked unless the user may
and says why).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.cli import (
    actor_for,
    add_db_option,
    add_json_option,
    add_user_option,
    exit_codes,
    open_store_for,
    print_json,
    terminal_progress,
)
from app.errors import UserError

FORMATS = ("xlsx", "pdf")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parties = subparsers.add_parser("parties", help="the parties register (当事人库): template, import, export")
    sub = parties.add_subparsers(dest="parties_command", metavar="ACTION", required=True)

    template = sub.add_parser("template", help="write the Excel import template")
    template.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write the template")
    add_json_option(template)
    template.set_defaults(handler=_template)

    imp = sub.add_parser(
        "import",
        help="import people and employers from a filled template; refused rows are listed with their reasons",
    )
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--again", action="store_true",
                     help="import a file that was imported before (refused otherwise, naming the first import)")
    add_db_option(imp)
    add_user_option(imp)
    add_json_option(imp)
    imp.set_defaults(handler=_import)

    export = sub.add_parser("export", help="export the register (as filtered) to Excel or PDF, masked")
    export.add_argument("--out", required=True, metavar="FILE", help="the .xlsx or .pdf to write")
    export.add_argument("--format", choices=FORMATS, help="xlsx or pdf (default: from the file suffix)")
    export.add_argument("--search", default="", metavar="TEXT", help="only parties whose name or number contains TEXT")
    export.add_argument("--kind", choices=("person", "org"), help="only people or only employers")
    export.add_argument("--title", default=None, help="the PDF's title (default 当事人名册)")
    export.add_argument(
        "--full",
        action="store_true",
        help="personal data in full (needs the permission and --reason; recorded in the audit)",
    )
    export.add_argument("--reason", default="", help="why the full data is exported")
    add_db_option(export)
    add_user_option(export)
    add_json_option(export)
    export.set_defaults(handler=_export)


def _zh(args: argparse.Namespace) -> bool:
    return getattr(args, "language", "zh_CN") != "en"


def _template(args: argparse.Namespace) -> int:
    from app.spreadsheets.parties import write_template

    out = Path(args.out)
    write_template(out)
    if args.json:
        print_json({"file": str(out)})
    else:
        print(f"已生成导入模板：{out}" if _zh(args) else f"template written: {out}")
    return 0


def _line_progress(label: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """terminal_progress plus a `finish()` that ends the line however the count went."""
    report = terminal_progress(label)
    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        shown = True
        report(done, total)

    def finish() -> None:
        if shown and sys.stderr.isatty():
            sys.stderr.write("\n")
            sys.stderr.flush()

    return progress, finish


def _import(args: argparse.Namespace) -> int:
    from app.services.import_batches import source_for
    from app.services.parties import PartyService
    from app.spreadsheets.parties import COLUMN_BY_FIELD, read_records

    path = Path(args.file)
    source = source_for("parties", path, again=args.again)
    estimate, records = read_records(path)  # a bad file fails here, before the database is touched
    read = 0

    def counted() -> Iterator[tuple[int, dict[str, Any]]]:
        nonlocal read
        for record in records:
            read += 1
            yield record

    try:
        store = open_store_for(args, create=True)
        try:
            actor = actor_for(args, store, writes=True)
            progress, finish = _line_progress("导入" if _zh(args) else "importing")
            try:
                report = PartyService(store, actor).import_records(counted(), total=estimate, progress=progress,
                                                                   source=source)
            finally:
                finish()
        finally:
            store.dispose()
    finally:
        records.close()  # type: ignore[attr-defined]  # closes the workbook

    language = args.language
    refused = [
        {
            "row": problem.row,
            "field": problem.field,
            "column": COLUMN_BY_FIELD[problem.field].label if problem.field in COLUMN_BY_FIELD else None,
            "code": problem.code,
            "message": problem.message(language),
        }
        for problem in report.refused
    ]
    if args.json:
        print_json({"file": str(path), "total": read, "imported": report.imported, "refused": refused})
        return exit_codes.for_import(report)
    if _zh(args):
        print(f"{path}：共 {read} 行，导入 {report.imported} 行，未导入 {len(refused)} 行。")
        for item in refused:
            column = f"【{item['column']}】" if item["column"] else ""
            print(f"  第 {item['row']} 行{column}：{item['message']}")
    else:
        print(f"{path}: {read} rows, {report.imported} imported, {len(refused)} refused.")
        for item in refused:
            column = f" [{item['column']}]" if item["column"] else ""
            print(f"  row {item['row']}{column}: {item['message']}")
    return exit_codes.for_import(report)


def _export_format(args: argparse.Namespace, out: Path) -> str:
    if args.format:
        return str(args.format)
    suffix = out.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UserError("export.unknown_format", path=str(out))


def _export(args: argparse.Namespace) -> int:
    from app.services.exports import ExportTrace
    from app.services.parties import PartyService

    out = Path(args.out)
    fmt = _export_format(args, out)
    store = open_store_for(args)
    try:
        actor = actor_for(args, store, writes=bool(args.full))
        query = PartyService(store, actor).query_for_export(
            text=args.search, kind=args.kind, full=bool(args.full), reason=args.reason
        )
        trace = ExportTrace(store, actor, f"parties.{fmt}", "party", full=bool(args.full), reason=args.reason or "",
                            details={"search": args.search or "", "kind": args.kind or ""})
        progress, finish = _line_progress("导出" if _zh(args) else "exporting")
        try:
            if fmt == "pdf":
                from app.documents.party_register import write_party_register_pdf

                rows = write_party_register_pdf(query, out, progress=progress, title=args.title, trace=trace)
            else:
                from app.spreadsheets.parties import export_parties

                rows = export_parties(query, out, progress=progress, trace=trace)
        finally:
            finish()
    finally:
        store.dispose()
    if args.json:
        print_json({"file": str(out), "format": fmt, "rows": rows, "masked": not args.full})
    else:
        print(f"已导出 {rows} 条到 {out}" if _zh(args) else f"{rows} rows exported to {out}")
    return 0
