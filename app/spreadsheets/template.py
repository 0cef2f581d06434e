"""What the import templates share: a column of a template, one row's fields, a converter for a column of choices.

Used by the parties, staff and complaints spreadsheets (app/spreadsheets/).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import UserError
from app.spreadsheets import cells


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
