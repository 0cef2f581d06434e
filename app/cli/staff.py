"""`staff template | import`: the enforcement staff roster (执法人员) from the command line.

The same service as the 执法人员 window: StaffService.import_records (permission,
validation, audit, one transaction), with the file recorded as an import batch —
a file imported before is refused unless `--again` is given, like the other importers.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
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
)
from app.cli.parties import _line_progress, _zh


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
        print(f"已生成导入模板：{out}" if _zh(args) else f"template written: {out}")
    return exit_codes.DONE


def _import(args: argparse.Namespace) -> int:
    from app.services.import_batches import source_for
    from app.services.staff import StaffService
    from app.spreadsheets.staff import COLUMN_BY_FIELD, read_records

    path = Path(args.file)
    source = source_for("staff", path, again=args.again)
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
                report = StaffService(store, actor).import_records(counted(), total=estimate, progress=progress,
                                                                   source=source)
            finally:
                finish()
        finally:
            store.dispose()
    finally:
        records.close()  # type: ignore[attr-defined]  # closes the workbook

    refused = [
        {
            "row": problem.row,
            "field": problem.field,
            "column": COLUMN_BY_FIELD[problem.field].label if problem.field in COLUMN_BY_FIELD else None,
            "code": problem.code,
            "message": problem.message(args.language),
        }
        for problem in report.refused
    ]
    if args.json:
        print_json({"file": str(path), "total": read, "imported": report.imported, "refused": refused})
    elif _zh(args):
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
