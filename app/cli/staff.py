"""`staff template | import`: the enforcement staff roster (执法人员) from the command line.

The same service as the 执法人员 window: StaffService.import_records (permission,
validation, audit, one transaction), with the file recorded as an import batch —
a file imported before is refused unless `--again` is given, like the other importers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import (
    add_db_option,
    add_json_option,
    add_user_option,
    exit_codes,
    print_json,
)
from app.cli.imports import import_register, zh


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    staff = subparsers.add_parser("staff", help="the enforcement staff roster (执法人员): template, import")
    sub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)

    template = sub.add_parser("template", help="write the Excel import template of the roster")
    template.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write the template")
    add_json_option(template)
    template.set_defaults(handler=_template)

    imp = sub.add_parser("import", help="import officers (and their certificates); refused rows are listed with reasons")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--again", action="store_true",
                     help="import a file that was imported before (refused otherwise, naming the first import)")
    add_db_option(imp)
    add_user_option(imp)
    add_json_option(imp)
    imp.set_defaults(handler=_import)


def _template(args: argparse.Namespace) -> int:
    from app.spreadsheets.staff import write_template

    out = Path(args.out)
    write_template(out)
    if args.json:
        print_json({"file": str(out)})
    else:
        print(f"已生成导入模板：{out}" if zh(args) else f"template written: {out}")
    return exit_codes.DONE


def _import(args: argparse.Namespace) -> int:
    from app.services.staff import StaffService
    from app.spreadsheets.staff import COLUMN_BY_FIELD, read_records

    return import_register(
        args, "staff", read_records,
        lambda store, actor, records, **options: StaffService(store, actor).import_records(records, **options),
        COLUMN_BY_FIELD)
