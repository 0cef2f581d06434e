"""`staff template | import`: the enforcement staff roster (执法人员) from the command line.

The same service as the 执法人员 window: StaffService.import_records (permission,
validation, audit, one transaction), with the file recorded as an import batch —
a file imported before is refused unless `--again` is given, like the other importers.
"""

from __future__ import annotations

import argparse

from app.cli import Subcommands, command_group
from app.imports.cli import add_template_and_import, import_register, write_template_file


def register(subparsers: Subcommands) -> None:
    sub = command_group(subparsers, "staff", "the enforcement staff roster (执法人员): template, import")

    add_template_and_import(sub, template_help="write the Excel import template of the roster",
                            import_help="import officers (and their certificates); refused rows are listed with reasons",
                            template=_template, run_import=_import)


def _template(args: argparse.Namespace) -> int:
    from app.staff.spreadsheet import write_template

    return write_template_file(args, write_template, "导入模板")


def _import(args: argparse.Namespace) -> int:
    from app.staff.service import StaffService
    from app.staff.spreadsheet import COLUMN_BY_FIELD, read_records

    return import_register(
        args, "staff", read_records,
        lambda store, actor, records, **options: StaffService(store, actor).import_records(records, **options),
        COLUMN_BY_FIELD)
