"""Excel templates, importers and exporters (streaming; no Qt).

One module per register: `app.parties.spreadsheet` for the parties register.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def add_choice_list(ws: Any, letter: str, choices: Sequence[str], rows: int) -> None:
    """A drop-down of `choices` on column `letter`, rows 2..rows+1, refusing anything else."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入有误",
        error="请从下拉列表中选择：" + "、".join(choices),
    )
    validation.add(f"{letter}2:{letter}{rows + 1}")
    ws.add_data_validation(validation)
