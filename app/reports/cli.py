"""`report yearly --year 2023 [--from D --to D] [--json] [--pdf FILE] [--xlsx FILE]`.

The year's figures (app/reports/yearly.py) on the terminal, as one JSON
document, or written as the PDF report and the Excel workbook.  Read-only:
without --user the anonymous reader may run it (the figures hold no personal
data; the workbook's record lists are masked).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import (
    Subcommands,
    add_standard_options,
    command_group,
    open_store_for,
    print_json,
    terminal_progress,
    zh,
)
from app.legal.deadlines import parse_date


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "report", "statistics (统计报表): the yearly rule-of-law report's figures", metavar="REPORT")
    yearly = sub.add_parser("yearly", help="the year's figures (年度法治建设数据): print, --json, --pdf, --xlsx")
    yearly.add_argument("--year", type=int, required=True)
    yearly.add_argument("--from", dest="date_from", default=None, metavar="YYYY-MM-DD",
                        help="start of the period (default: 1 January of the year)")
    yearly.add_argument("--to", dest="date_to", default=None, metavar="YYYY-MM-DD",
                        help="end of the period (default: 31 December of the year)")
    yearly.add_argument("--pdf", default=None, metavar="FILE.pdf", help="write the PDF report")
    yearly.add_argument("--xlsx", default=None, metavar="FILE.xlsx", help="write the Excel workbook")
    add_standard_options(yearly)
    yearly.set_defaults(handler=_yearly)


def _actor(args: argparse.Namespace, store: Any) -> Any:
    from app.accounts.actor import anonymous_reader, setup_actor
    from app.accounts.service import has_accounts
    from app.cli import actor_for

    if getattr(args, "user", None):
        return actor_for(args, store, writes=False)
    return anonymous_reader() if has_accounts(store) else setup_actor()


def _trace(store: Any, actor: Any, export: str, year: int) -> Any:
    from app.kernel.exports import ExportTrace

    return ExportTrace(store, actor, export, "report", details={"year": year})


def _yearly(args: argparse.Namespace) -> int:
    from app.reports.yearly import yearly_figures

    chinese = zh(args)
    date_from = parse_date(args.date_from) if args.date_from else None
    date_to = parse_date(args.date_to) if args.date_to else None
    store = open_store_for(args)
    try:
        actor = _actor(args, store)
        figures = yearly_figures(store, actor, args.year, date_from=date_from, date_to=date_to)
        written: dict[str, str] = {}
        if args.pdf:
            from app.reports.documents import write_yearly_report_pdf

            write_yearly_report_pdf(figures, Path(args.pdf), progress=terminal_progress("PDF"),
                                    trace=_trace(store, actor, "report.yearly.pdf", args.year))
            written["pdf"] = str(args.pdf)
        if args.xlsx:
            from app.reports.spreadsheet import export_yearly_report

            export_yearly_report(figures, Path(args.xlsx), store=store, actor=actor,
                                 progress=terminal_progress("Excel"), trace=_trace(store, actor, "report.yearly.xlsx", args.year))
            written["xlsx"] = str(args.xlsx)
    finally:
        store.dispose()
    if args.json:
        print_json(figures.to_json())
        return 0
    for line in summary_lines(figures, zh=chinese):
        print(line)
    for kind, path in written.items():
        print(f"已写出{kind.upper()}：{path}" if chinese else f"{kind} written: {path}")
    return 0


def summary_lines(figures: Any, *, zh: bool = True) -> list[str]:
    """The figures as a few lines of text (the terminal without --json)."""
    from app.legal.rates import format_percent

    f = figures
    if not zh:
        return [
            f"{f.first} to {f.last}",
            f"complaints received {f.complaints_received}; workers recovered {f.workers_recovered}; "
            f"wages recovered {f.wages_recovered_wan_yuan} wan yuan",
            f"projects under way {f.projects_active} (on the platform {f.projects_on_platform}); "
            f"compliance {format_percent(f.project_compliance_rate)}",
            f"arbitration received {f.arbitration_received}, accepted {f.arbitration_accepted}, not accepted "
            f"{f.arbitration_not_accepted}, amount {f.arbitration_amount_wan_yuan} wan yuan, closed by award or "
            f"mediation {f.arbitration_closed_award_or_mediation}, pending {f.arbitration_pending}",
            f"online mediation handled {f.mediation_online_handled}, successful {f.mediation_online_successful}",
            f"certified staff {f.certified_staff}; exams: participation {format_percent(f.exam_participation_rate)}, "
            f"pass {format_percent(f.exam_pass_rate)}",
            *(f"{r.formula}: {'holds' if r.holds else f'differs by {r.difference}'}" for r in f.reconciliations),
        ]
    s = f.study_sessions
    return [
        f"统计期间：{f.first}至{f.last}",
        f"投诉举报{f.complaints_received}起；为{f.workers_recovered}名劳动者追回工资{f.wages_recovered_wan_yuan}万元",
        f"在建项目{f.projects_active}个（纳入实名制平台{f.projects_on_platform}个）；"
        f"“6项制度”综合达标率{format_percent(f.project_compliance_rate)}",
        f"仲裁接收{f.arbitration_received}件，受理{f.arbitration_accepted}件，不予受理{f.arbitration_not_accepted}件，"
        f"涉案金额{f.arbitration_amount_wan_yuan}万元，裁决和调解结案{f.arbitration_closed_award_or_mediation}件，"
        f"待处理{f.arbitration_pending}件",
        f"“互联网+调解”处理{f.mediation_online_handled}件，其中调解成功{f.mediation_online_successful}件",
        f"持执法证人员{f.certified_staff}人；党组中心组学习{s.get('party_group', 0)}次，全局集中学习"
        f"{s.get('bureau_wide', 0)}次，党支部学习{s.get('party_branch', 0)}次；"
        f"参考率{format_percent(f.exam_participation_rate)}，合格率{format_percent(f.exam_pass_rate)}",
        *(f"{r.formula}：{'✓ 相符' if r.holds else f'相差{r.difference}'}" for r in f.reconciliations),
    ]
