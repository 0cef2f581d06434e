"""What the import templates share: a column of a template, one row's fields, a converter for a
column of choices, the 说明 sheet, and reading a filled template row by row into fields.

Used by the parties, staff, complaints and arbitration spreadsheets.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.kernel.files import save_atomically
from app.spreadsheets import add_choice_list, cells
from app.spreadsheets.sheet_rows import Table, normalise_label, open_table


@dataclass(frozen=True)
class Column:
    label: str  # the header in the template
    field: str  # PartyService field name
    width: float  # Excel column width (characters)
    required: bool  # must the header be present?
    help: str  # the 说明 sheet's text
    choices: tuple[str, ...] = ()
    text: bool = False  # formatted as text in the template (long numbers)
    aliases: tuple[str, ...] = ()


class RowFields(dict[str, Any]):
    """The fields of one row.  If a cell could not be read, reading the row
    (`get` / `[]`) raises that cell's UserError, so the import service refuses
    the row with the reason (instead of stopping the whole import)."""

    def __init__(self, values: Mapping[str, Any], problem: UserError | None = None) -> None:
        super().__init__(values)
        self.problem = problem

    def get(self, key: str, default: Any = None) -> Any:
        if self.problem is not None:
            raise self.problem
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        if self.problem is not None:
            raise self.problem
        return super().__getitem__(key)


def choice_converter(labels: Mapping[str, str], extra: Mapping[str, str] | None = None) -> Callable[[Any, Column], str | None]:
    """A cell converter for a column of choices: the label, or the stored value itself, gives the value."""
    by_label = {label: value for value, label in labels.items()}
    by_label.update({value: value for value in labels})
    if extra:
        by_label.update(extra)
    refuse = cells.choice(by_label)
    passing = cells.choice(by_label, pass_unknown=True)

    def convert(value: Any, column: Column) -> str | None:
        # 类别 and 单位类型 pass an unknown value on: the service refuses it with
        # its own message (party.kind_unknown / party.org_type_unknown).
        return (passing if column.field in ("kind", "org_type") else refuse)(value, column)

    return convert


Converter = Callable[[Any, Column], Any]

# The 说明 sheet's line on how a register import treats a bad row (parties, staff).
ROW_BY_ROW_NOTE = "导入时逐行校验：有错误的行不导入，导入结束后列出行号和原因；其余各行一并保存。"


def header_lookup(columns: Iterable[Column]) -> dict[str, str]:
    """{normalised header or alias: field} for `sheet_rows.open_table`."""
    return {normalise_label(label): c.field for c in columns for label in (c.label, *c.aliases)}


def required_headers(columns: Iterable[Column]) -> tuple[tuple[str, str], ...]:
    """(field, header) of the columns a filled template must have."""
    return tuple((c.field, c.label) for c in columns if c.required)


def read_template(
    path: str | os.PathLike[str],
    sheet_name: str,
    columns: Sequence[Column],
    row_fields: Callable[[Mapping[str, Any]], RowFields],
    *,
    exact_count: bool = False,
) -> tuple[int, Iterator[tuple[int, RowFields]]]:
    """Open a filled template through the one reader (`sheet_rows.open_table`: every row,
    whatever the stored dimension says; the file checked against the limits first) and
    return (row count, iterator of (row number, `row_fields(cells)`)).

    A bad file fails here (`file.not_found`, `import.not_a_workbook`,
    `import.wrong_template` …) before any row is read.  `exact_count` counts the rows that
    are not blank (what the iterator yields); else the count is an estimate for a progress
    bar.  The workbook stays open until the iterator is exhausted or closed."""
    table = open_table(Path(path), sheet_name, header_lookup(columns), required_headers(columns),
                       exact_count=exact_count)
    return table.estimated_rows, converted_rows(table, row_fields)


def converted_rows(table: Table, row_fields: Callable[[Mapping[str, Any]], RowFields]) -> Iterator[tuple[int, RowFields]]:
    """(row number, fields) for each (row number, cells) of `table`, closing the workbook at the end."""
    try:
        for row_no, raw in table.rows:
            yield row_no, row_fields(raw)
    finally:
        table.close()


def convert_cells(
    raw: Mapping[str, Any], converters: Mapping[str, Converter], column_by_field: Mapping[str, Column]
) -> tuple[dict[str, Any], UserError | None]:
    """One row's cells converted column by column (`cells.text` where no converter is named):
    the fields that have a value, and the first cell's UserError (the row is then refused)."""
    fields: dict[str, Any] = {}
    problem: UserError | None = None
    for name, value in raw.items():
        try:
            convert: Converter = converters.get(name, cells.text)
            converted = convert(value, column_by_field[name])
        except UserError as err:
            problem = problem or err
            continue
        if converted is not None:
            fields[name] = converted
    return fields, problem


def write_header_row(
    ws: Any,
    columns: Sequence[Column],
    *,
    required_fields: Collection[str],
    date_fields: Collection[str] = (),
    rows: int,
    freeze: str,
) -> None:
    """A template sheet's header row: the labels (red where the field is required), each
    column's width, text format for long numbers, date format, and a drop-down list of
    its choices for `rows` rows; the header kept in view from `freeze`."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True)
    required_font = Font(bold=True, color="C00000")
    fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="808080")
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.label)
        cell.font = required_font if column.field in required_fields else header_font
        cell.fill = fill
        cell.border = Border(bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = get_column_letter(index)
        dim = ws.column_dimensions[letter]
        dim.width = column.width
        if column.text:
            # Typed numbers stay text: an 18-digit ID typed into a number cell
            # loses its last three digits in Excel.
            dim.number_format = "@"
        if column.field in date_fields:
            dim.number_format = "yyyy-mm-dd"
        if column.choices:
            add_choice_list(ws, letter, column.choices, rows)
    ws.row_dimensions[1].height = 22
    ws.freeze_panes = freeze


def write_help_sheet(
    wb: Any,
    title: str,
    lines: Iterable[Sequence[str]],
    notes: Iterable[str],
    *,
    widths: tuple[float, float, float],
    freeze: bool = True,
) -> None:
    """The 说明 sheet of an import template: one line per column (列名, 是否必填, 填写说明),
    a blank line, then the notes; the last column wraps."""
    from openpyxl.styles import Alignment, Font, PatternFill

    help_ws = wb.create_sheet(title)
    help_ws.append(["列名", "是否必填", "填写说明"])
    for cell in help_ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for line in lines:
        help_ws.append(list(line))
    help_ws.append([])
    for note in notes:
        help_ws.append([note])
    for letter, width in zip("ABC", widths, strict=True):
        help_ws.column_dimensions[letter].width = width
    for row in help_ws.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    if freeze:
        help_ws.freeze_panes = "A2"


def save_template(wb: Any, path: str | os.PathLike[str]) -> None:
    """Open the template on its first sheet and write it to `path` atomically."""
    wb.active = 0
    save_atomically(wb.save, Path(path))
