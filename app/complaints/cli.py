"""`complaints template | import | export`: complaints ledgers from the command line.

The same services as the GUI: the import goes through
complaint_import.import_ledger (permissions, validation, audit, one
transaction); the exports through ComplaintService.query / .ledger (masked).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import (
    Subcommands,
    actor_for,
    add_standard_options,
    command_group,
    exit_codes,
    open_store_for,
    print_json,
    zh,
)
from app.errors import UserError
from app.imports.cli import (
    add_template_and_import,
    line_progress,
    report_import,
    write_template_file,
)

SHEETS = ("list", "ledger")


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "complaints", "complaints and wage recovery (投诉举报与追欠台账): template, import, export")

    add_template_and_import(sub, template_help="write the Excel template of the complaints ledger",
                            import_help="import a complaints ledger; refused rows are listed with their reasons",
                            template=_template, run_import=_import)

    export = sub.add_parser("export", help="export the complaints list or the wage-recovery ledger to Excel (masked)")
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    export.add_argument("--sheet", choices=SHEETS, default="list",
                        help="list: one row per complaint (default); ledger: one row per worker per case")
    export.add_argument("--status", default=None, help="only complaints in this state (e.g. investigating)")
    export.add_argument("--channel", default=None, help="only this channel (visit, phone, letter, online, …)")
    export.add_argument("--from", dest="date_from", default=None, metavar="YYYY-MM-DD", help="received on or after")
    export.add_argument("--to", dest="date_to", default=None, metavar="YYYY-MM-DD", help="received on or before")
    export.add_argument("--overdue", action="store_true", help="only overdue cases")
    add_standard_options(export)
    export.set_defaults(handler=_export)

    document = sub.add_parser("document", help="write one case's document (文书) as PDF; recorded in the audit")
    document.add_argument("number", metavar="NUMBER", help="the complaint's registration or case number")
    document.add_argument("kind", metavar="KIND",
                          help="registration, refusal, filing, rectification, prior_notice, statement, hearing_record, "
                               "discussion, admin_decision, penalty, service_receipt, closure")
    document.add_argument("--out", required=True, metavar="FILE.pdf")
    add_standard_options(document)
    document.set_defaults(handler=_document)


def _document(args: argparse.Namespace) -> int:
    from app.documents.case_documents import complaint_id_for, issue_complaint_document

    store = open_store_for(args)
    try:
        actor = actor_for(args, store, writes=False)
        issued = issue_complaint_document(store, actor, complaint_id_for(store, actor, args.number), args.kind,
                                          Path(args.out))
    finally:
        store.dispose()
    return print_issued(args, issued)


def print_issued(args: argparse.Namespace, issued: Any) -> int:
    """The line (or JSON) of a document written: the file, the case, the pages, the audit anchor it carries."""
    if args.json:
        print_json({"file": str(issued.file), "case": issued.case_no, "document": issued.title,
                    "pages": issued.pages, "anchor": issued.anchor})
    elif zh(args):
        print(f"已出具{issued.title}（{issued.case_no}，{issued.pages}页）：{issued.file}")
    else:
        print(f"{issued.title} of {issued.case_no} ({issued.pages} page(s)) written to {issued.file}")
    return exit_codes.DONE


def _template(args: argparse.Namespace) -> int:
    from app.complaints.spreadsheet import write_template

    return write_template_file(args, write_template, "投诉台账模板")


def _import(args: argparse.Namespace) -> int:
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import COLUMN_BY_FIELD, import_ledger_file

    path = Path(args.file)
    store = open_store_for(args, create=True)
    try:
        actor = actor_for(args, store, writes=True)
        progress, finish = line_progress("导入" if zh(args) else "importing")
        try:
            report, read = import_ledger_file(ComplaintService(store, actor), path, progress=progress,
                                              again=args.again)
        finally:
            finish()
    finally:
        store.dispose()

    return report_import(args, path, read, report, COLUMN_BY_FIELD)


def _day(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError("deadline.bad_date", field=field, value=value) from None


def _export(args: argparse.Namespace) -> int:
    from app.complaints.service import ComplaintService
    from app.complaints.spreadsheet import export_complaints, export_ledger

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UserError("export.xlsx_only", path=str(out))
    filters = {
        "status": args.status,
        "channel": args.channel,
        "received_from": _day(args.date_from, "from"),
        "received_to": _day(args.date_to, "to"),
        "overdue_only": bool(args.overdue),
    }
    store = open_store_for(args)
    try:
        actor = actor_for(args, store, writes=False)
        service = ComplaintService(store, actor)
        from app.accounts.permissions import Permission

        actor.require(Permission.COMPLAINT_EXPORT)
        from app.kernel.exports import ExportTrace

        trace = ExportTrace(store, actor, f"complaints.{args.sheet}", "complaint",
                            details={k: v for k, v in filters.items() if v})
        progress, finish = line_progress("导出" if zh(args) else "exporting")
        try:
            if args.sheet == "ledger":
                rows = export_ledger(service.ledger(**filters), out, progress=progress, trace=trace)
            else:
                rows = export_complaints(service.query(**filters), out, progress=progress, trace=trace)
        finally:
            finish()
    finally:
        store.dispose()
    if args.json:
        print_json({"file": str(out), "sheet": args.sheet, "rows": rows, "masked": True})
    else:
        print(f"已导出 {rows} 行到 {out}" if zh(args) else f"{rows} rows exported to {out}")
    return 0
