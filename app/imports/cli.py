"""What every spreadsheet import command shares: the progress line, the run through the
area's service with the file recorded as an import batch, and the report of refused rows
(one line per row, naming the column) with the import's exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from app.cli import (
    actor_for,
    add_json_option,
    add_standard_options,
    exit_codes,
    open_store_for,
    print_json,
    terminal_progress,
    zh,
)
from app.kernel.import_report import ImportReport


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...


def line_progress(label: str) -> tuple[Callable[[int, int], None], Callable[[], None]]:
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


def add_template_and_import(sub: Any, *, template_help: str, import_help: str,
                            template: Callable[[argparse.Namespace], int],
                            run_import: Callable[[argparse.Namespace], int]) -> None:
    """An area's `template --out FILE.xlsx` and `import FILE.xlsx [--again]`, with the same
    options everywhere (the database, the user, --json)."""
    command = sub.add_parser("template", help=template_help)
    command.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write the template")
    add_json_option(command)
    command.set_defaults(handler=template)

    command = sub.add_parser("import", help=import_help)
    command.add_argument("file", metavar="FILE.xlsx")
    command.add_argument("--again", action="store_true",
                         help="import a file that was imported before (refused otherwise, naming the first import)")
    add_standard_options(command)
    command.set_defaults(handler=run_import)


def write_template_file(args: argparse.Namespace, write: Callable[[Path], Any], title_zh: str) -> int:
    """`template`: the empty workbook written, its path said (or printed as JSON)."""
    out = Path(args.out)
    write(out)
    if args.json:
        print_json({"file": str(out)})
    else:
        print(f"已生成{title_zh}：{out}" if zh(args) else f"template written: {out}")
    return exit_codes.DONE


def import_register(args: argparse.Namespace, kind: str, read_records: Callable[[Path], tuple[int, Any]],
                    run: Callable[..., ImportReport], columns: Mapping[str, _Labelled]) -> int:
    """A register's import (parties, staff): the file read before the database is touched,
    then `run(store, actor, records, total=, progress=, source=)` in one transaction."""
    from app.imports.batches import source_for

    path = Path(args.file)
    source = source_for(kind, path, again=args.again)
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
            progress, finish = line_progress("导入" if zh(args) else "importing")
            try:
                report = run(store, actor, counted(), total=estimate, progress=progress, source=source)
            finally:
                finish()
        finally:
            store.dispose()
    finally:
        records.close()  # closes the workbook
    return report_import(args, path, read, report, columns)


def report_import(args: argparse.Namespace, path: Path, read: int, report: Any,
                  columns: Mapping[str, _Labelled]) -> int:
    refused = [
        {
            "row": problem.row,
            "field": problem.field,
            "column": columns[problem.field].label if problem.field in columns else None,
            "code": problem.code,
            "message": problem.message(args.language),
        }
        for problem in report.refused
    ]
    if args.json:
        print_json({"file": str(path), "total": read, "imported": report.imported, "refused": refused})
    elif zh(args):
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
