"""`arbitration template | import | export | desk | counts`: the docket from the command line.

The same services as the GUI (ArbitrationCaseService, import_docket,
DeskService).  Writing needs --user (password from $RENSHE_PASSWORD or a
prompt); on a database without accounts the set-up actor acts.  Reading and
exporting without --user follow the one rule of every read-only command: the
anonymous reader, personal data masked (as `complaints export`, `parties export`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.accounts.permissions import Permission
from app.arbitration.deadlines import shanghai_today
from app.cli import (
    Subcommands,
    actor_for,
    add_standard_options,
    command_group,
    exit_codes,
    open_store_for,
    print_json,
    terminal_progress,
    zh,
)
from app.errors import UserError
from app.imports.cli import add_template_and_import, write_template_file
from app.legal.deadlines import parse_date


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "arbitration", "the arbitration docket (仲裁案件): template, import, export, desk, counts")

    add_template_and_import(sub, template_help="write the Excel import template of the docket",
                            import_help="import an existing docket from a filled template (per-row report)",
                            template=_template, run_import=_import)

    export = sub.add_parser("export", help="export the docket (as filtered) to Excel")
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    export.add_argument("--status", default=None, help="only cases in this state (e.g. accepted, closed)")
    export.add_argument("--overdue", action="store_true", help="only cases with a deadline run out")
    add_standard_options(export)
    export.set_defaults(handler=_export)

    document = sub.add_parser("document", help="write one case's document (文书) as drafted from the case, as PDF; "
                                               "recorded in the audit")
    document.add_argument("number", metavar="CASE", help="the case number (案号), or the id of a case not yet accepted")
    document.add_argument("kind", metavar="KIND", help="acceptance, refusal, answer_notice, tribunal, hearing, award, …")
    document.add_argument("--out", required=True, metavar="FILE.pdf")
    add_standard_options(document)
    document.set_defaults(handler=_document)

    desk = sub.add_parser("desk", help="Today's desk: overdue, due today, due within 3 working days")
    desk.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="as on this day (default: today)")
    add_standard_options(desk)
    desk.set_defaults(handler=_desk)

    counts = sub.add_parser("counts", help="the year's arbitration and mediation figures (yearly report)")
    counts.add_argument("year", type=int)
    add_standard_options(counts)
    counts.set_defaults(handler=_counts)


def _actor(args: argparse.Namespace, store: Any) -> Any:
    # Without --user: the set-up actor while the database has no accounts (it
    # may then read and write), else the anonymous reader (refused: the docket
    # is not public).
    from app.accounts.actor import setup_actor
    from app.accounts.service import has_accounts

    if getattr(args, "user", None):
        return actor_for(args, store, writes=True)
    if not has_accounts(store):
        return setup_actor()
    return actor_for(args, store, writes=False)


def _document(args: argparse.Namespace) -> int:
    from app.complaints.cli import print_issued
    from app.documents.case_documents import arbitration_id_for, issue_arbitration_document

    store = open_store_for(args)
    try:
        actor = _actor(args, store)
        issued = issue_arbitration_document(store, actor, arbitration_id_for(store, actor, args.number), args.kind,
                                            Path(args.out))
    finally:
        store.dispose()
    return print_issued(args, issued)


def _template(args: argparse.Namespace) -> int:
    from app.arbitration.spreadsheet import write_template

    return write_template_file(args, write_template, "仲裁案件导入模板")


def _import(args: argparse.Namespace) -> int:
    from app.arbitration.importing import import_docket
    from app.arbitration.spreadsheet import read_docket
    from app.imports.batches import source_for

    source = source_for("arbitration", Path(args.file), again=args.again)
    total, rows = read_docket(Path(args.file))
    store = open_store_for(args, create=True)
    try:
        report = import_docket(store, actor_for(args, store, writes=True), rows, total=total,
                               progress=terminal_progress("导入" if zh(args) else "importing"), source=source)
    finally:
        store.dispose()
    language = args.language
    if args.json:
        print_json({
            "total": report.total,
            "imported": report.imported,
            "refused": [{"row": p.row, "code": p.code, "message": p.message(language)} for p in report.refused],
        })
    else:
        print(f"导入{report.imported}件，拒绝{len(report.refused)}行" if zh(args)
              else f"imported {report.imported}, refused {len(report.refused)}")
        for p in report.refused:
            print(f"  第{p.row}行：{p.message(language)}" if zh(args) else f"  row {p.row}: {p.message(language)}")
    return exit_codes.for_import(report)


def _export(args: argparse.Namespace) -> int:
    from app.arbitration.service import ArbitrationCaseService
    from app.arbitration.spreadsheet import export_docket
    from app.kernel.exports import ExportTrace

    if Path(args.out).suffix.lower() != ".xlsx":
        raise UserError("export.xlsx_only", path=str(args.out))
    store = open_store_for(args)
    try:
        actor = actor_for(args, store, writes=False)  # the one rule of read-only exports (see the module's notes)
        service = ArbitrationCaseService(store, actor)
        trace = ExportTrace(store, actor, "arbitration.docket", "arbitration_case",
                            details={k: v for k, v in (("status", args.status), ("overdue", args.overdue)) if v})
        rows = export_docket(service.query(status=args.status, overdue=args.overdue), Path(args.out),
                             progress=terminal_progress("导出" if zh(args) else "exporting"), trace=trace)
    finally:
        store.dispose()
    if args.json:
        print_json({"file": args.out, "rows": rows})
    else:
        print(f"已导出{rows}件：{args.out}" if zh(args) else f"exported {rows} cases: {args.out}")
    return 0


def _desk(args: argparse.Namespace) -> int:
    from app.desk.service import BUCKET_LABELS, DeskService

    day = parse_date(args.date, field="date") if args.date else shanghai_today()
    store = open_store_for(args)
    try:
        service = DeskService(store, _actor(args, store), today=lambda: day)
        if not service.visible_providers():  # say so rather than print an empty desk
            service.actor.require(Permission.ARBITRATION_VIEW)
        desk = service.desk()
    finally:
        store.dispose()
    if args.json:
        print_json({
            "today": desk.today.isoformat(),
            "horizon": desk.horizon.isoformat(),
            "counts": {"overdue": desk.counts.overdue, "today": desk.counts.today, "soon": desk.counts.soon},
            "items": [
                {"area": i.area, "case_id": i.case_id, "reference": i.reference, "parties": i.parties,
                 "rule": i.rule_id, "what": i.what, "due": i.due.isoformat(), "bucket": i.bucket.value,
                 "calendar_complete": i.calendar_complete}
                for i in desk.items
            ],
        })
        return 0
    c = desk.counts
    print(f"{desk.today.isoformat()} 已逾期{c.overdue} 今日到期{c.today} 3个工作日内{c.soon}")
    for i in desk.items:
        label = BUCKET_LABELS[i.bucket][1 if zh(args) else 0]
        print(f"{label}\t{i.due.isoformat()}\t{i.reference}\t{i.rule_id} {i.what}")
    return 0


def _counts(args: argparse.Namespace) -> int:
    from app.arbitration.service import ArbitrationCaseService
    from app.mediation.service import MediationService

    store = open_store_for(args)
    try:
        actor = _actor(args, store)
        arb = ArbitrationCaseService(store, actor).year_counts(args.year)
        mediation = MediationService(store, actor)
        med_all, med_online = mediation.year_counts(args.year), mediation.year_counts(args.year, channel="online")
    finally:
        store.dispose()
    document = {
        "year": args.year,
        "arbitration": {
            "received": arb.received, "accepted": arb.accepted, "not_accepted": arb.not_accepted,
            "not_competent": arb.not_competent, "withdrawn_before_decision": arb.withdrawn_before_decision,
            "closed": arb.closed, "closed_by": arb.closed_by, "pending_at_year_end": arb.pending_at_year_end,
            "amount_in_dispute_fen": arb.amount_in_dispute_fen,
            "pending_at_year_start": arb.pending_at_year_start,
            "received_under_review_at_year_end": arb.received_under_review_at_year_end,
            "decided_from_earlier_years": arb.decided_from_earlier_years,
            "stock_and_flow_holds": arb.stock_and_flow_holds,
            "receipts_reconcile": arb.receipts_reconcile,
        },
        "mediation": {"handled": med_all["handled"], "successful": med_all["successful"], "online": med_online},
    }
    if args.json:
        print_json(document)
    else:
        a = document["arbitration"]
        print(f"{args.year}年 仲裁：收件{a['received']} 受理{a['accepted']} 不予受理{a['not_accepted']} "
              f"结案{a['closed']} 年末未结{a['pending_at_year_end']}；调解：办结{med_all['handled']} 成功{med_all['successful']}")
    return 0
