"""`parties template | import | export`: the parties register from the command line.

The same services as the GUI: the import goes through
PartyService.import_records (permission, validation, audit, one transaction),
the export through PartyService.query_for_export (masked unless the user may
and says why).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import (
    Subcommands,
    actor_for,
    add_standard_options,
    command_group,
    open_store_for,
    print_json,
    zh,
)
from app.errors import UserError
from app.imports.cli import (
    add_template_and_import,
    import_register,
    line_progress,
    write_template_file,
)

FORMATS = ("xlsx", "pdf")


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "parties", "the parties register (当事人库): template, import, export")

    add_template_and_import(sub, template_help="write the Excel import template",
                            import_help="import people and employers from a filled template; refused rows are listed with their reasons",
                            template=_template, run_import=_import)

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
    add_standard_options(export)
    export.set_defaults(handler=_export)


def _template(args: argparse.Namespace) -> int:
    from app.parties.spreadsheet import write_template

    return write_template_file(args, write_template, "导入模板")


def _import(args: argparse.Namespace) -> int:
    from app.parties.service import PartyService
    from app.parties.spreadsheet import COLUMN_BY_FIELD, read_records

    return import_register(
        args, "parties", read_records,
        lambda store, actor, records, **options: PartyService(store, actor).import_records(records, **options),
        COLUMN_BY_FIELD)


def _export_format(args: argparse.Namespace, out: Path) -> str:
    if args.format:
        return str(args.format)
    suffix = out.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UserError("export.unknown_format", path=str(out))


def _export(args: argparse.Namespace) -> int:
    from app.kernel.exports import ExportTrace
    from app.parties.service import PartyService

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
        progress, finish = line_progress("导出" if zh(args) else "exporting")
        try:
            if fmt == "pdf":
                from app.parties.documents import write_party_register_pdf

                rows = write_party_register_pdf(query, out, progress=progress, title=args.title, trace=trace)
            else:
                from app.parties.spreadsheet import export_parties

                rows = export_parties(query, out, progress=progress, trace=trace)
        finally:
            finish()
    finally:
        store.dispose()
    if args.json:
        print_json({"file": str(out), "format": fmt, "rows": rows, "masked": not args.full})
    else:
        print(f"已导出 {rows} 条到 {out}" if zh(args) else f"{rows} rows exported to {out}")
    return 0
