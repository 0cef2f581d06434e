"""`deadline RULE START [--extension N] [--excluded-days N] [--json]`: the
deadline calculator (issue 6), and `deadline --list` for the rules table.

For now it uses the shipped rules and chinesecalendar's data; once the store
keeps the rules table and the administrator's holiday years, this command
reads them from there.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import Subcommands, add_json_option, print_json
from app.errors import UserError
from app.legal.calendar import LegalCalendar, default_calendar
from app.legal.deadlines import DEFAULT_RULES, RuleTable, due, parse_date


def register(subparsers: Subcommands) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="compute a statutory time limit (e.g. deadline A9 2024-01-02)",
        description="计算法定期限。RULE 为 DOMAIN B §2 的编号（A2、A9、M1、I1、I2…），START 为起算日 YYYY-MM-DD"
        "（向前期限如 A8 为开庭日）。",
    )
    parser.add_argument("rule", nargs="?", metavar="RULE", help="rule id, e.g. A2, A9, M1, I2")
    parser.add_argument("start", nargs="?", metavar="START", help="start date YYYY-MM-DD")
    parser.add_argument(
        "--extension",
        type=int,
        default=0,
        metavar="N",
        help="approved extension in the rule's own unit (A9: days, at most 15; I2: working days, at most 30)",
    )
    parser.add_argument(
        "--excluded-days",
        type=int,
        default=0,
        metavar="N",
        help="calendar days not counted (suspension, public-notice service)",
    )
    parser.add_argument("--list", action="store_true", help="list the rules instead")
    parser.add_argument("--lang", default=argparse.SUPPRESS, help="interface language: zh_CN (default) or en")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="use the holiday schedules entered in this database (default: the shipped calendar only)",
    )
    add_json_option(parser)
    parser.set_defaults(handler=_deadline)


def _deadline(args: argparse.Namespace) -> int:
    rules = DEFAULT_RULES
    if args.list:
        return _list(args, rules)
    if not args.rule:
        raise UserError("deadline.rule_required", field="rule")
    rule = rules.get(args.rule)
    if args.start is None:
        raise UserError("deadline.start_required", field="start")
    start = parse_date(args.start)
    result = due(
        start,
        rule,
        extension=args.extension,
        excluded_days=args.excluded_days,
        calendar=_calendar(args),
    )
    if args.json:
        print_json(result.to_json())
        return 0
    if getattr(args, "language", "zh_CN") == "en":
        amount = f"{rule.amount + result.extension} {result.unit.en}"
        if rule.direction.value == "before":
            line = f"{rule.id} latest {result.due.isoformat()} (at least {amount} before {start.isoformat()})"
        else:
            line = f"{rule.id} due {result.due.isoformat()} ({amount} from {start.isoformat()})"
        if not result.calendar_complete:
            line += f" — no holiday schedule for {', '.join(map(str, result.missing_years))}: weekends only"
    else:
        line = f"{rule.id} {rule.description}：{result.explanation} 依据：{rule.basis}"
    print(line)
    return 0


def _calendar(args: argparse.Namespace) -> LegalCalendar:
    """The database's calendar when one is named (--db or RENSHE_DB), else the shipped one."""
    import os

    if getattr(args, "db", None) or os.environ.get("RENSHE_DB"):
        from app.cli import open_store_for
        from app.legal.holidays import calendar_for

        store = open_store_for(args)
        try:
            return calendar_for(store)
        finally:
            store.dispose()
    return default_calendar()


def _list(args: argparse.Namespace, rules: RuleTable) -> int:
    if args.json:
        print_json({"version": rules.version, "rules": [r.to_mapping() for r in rules]})
        return 0
    for r in rules:
        extension = ""
        if r.max_extension is None:
            extension = "，可延长"
        elif r.max_extension:
            extension = f"，可延长{r.max_extension}{r.unit.zh}"
        sys.stdout.write(f"{r.id}\t{r.summary_zh}{extension}\t{r.description}\t{r.basis}\n")
    return 0
