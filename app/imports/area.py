"""The imports area, declared once (app/kernel/areas.py reads it)."""

from __future__ import annotations

from app.kernel.areas import AreaSpec

AREA = AreaSpec(
    "imports",
    messages="app.imports.messages",
    message_values={"workbook_part": "app.spreadsheets.sheet_rows:part_words"},
    audit_tables={
        "import_batch": ("Imports", "导入记录"),
        "import_row_key": ("Imported rows", "导入行记录"),
    },
    audit_fields={
        "file_name": ("File", "文件名"),
        "rows_imported": ("Rows imported", "导入行数"),
        "rows_refused": ("Rows refused", "拒收行数"),
        "imported_at": ("Imported at", "导入时间"),
        "batch_id": ("Import", "导入批次"),
        "row_no": ("Row", "行号"),
        "row_key": ("Row fingerprint", "行指纹"),
    },
    local={
        "import_batch": "which files this installation imported (its refusal of a second import is its own)",
        "import_row_key": "which rows this installation imported, with its import batches",
    },
)
