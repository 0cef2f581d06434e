"""What an import reports: how many rows, which were imported, and each refused row with its reason.

Every importer (parties, complaints, arbitration, staff) fills one `ImportReport`; the GUI's report
dialog and the command line's --json read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RowProblem:
    row: int
    code: str
    field: str | None
    params: dict[str, Any]

    def message(self, language: str = "zh_CN") -> str:
        from app.errors import message_for

        return message_for(self.code, self.params, language)


@dataclass
class ImportReport:
    total: int = 0
    imported: int = 0
    refused: list[RowProblem] = field(default_factory=list)
    imported_ids: list[int] = field(default_factory=list)
