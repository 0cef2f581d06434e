"""The imports area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # imports
    "import.not_a_workbook": ("The file is not an Excel workbook (.xlsx): {detail}", "该文件不是Excel工作簿（.xlsx）：{detail}"),
    "import.wrong_template": (
        "The sheet does not follow the program's template: missing column {column}.",
        "表格不符合本程序的模板：缺少“{column}”列。",
    ),
    "import.cancelled": ("The import was cancelled; nothing was saved.", "导入已取消，未保存任何数据。"),
    "import.value_required": ("{column} is required.", "“{column}”不能为空。"),
    "import.bad_value": ("{column}: “{value}” is not valid.", "“{column}”的值“{value}”无效。"),
    "import.duplicate_in_file": ("Same as row {row} in this file.", "与本文件第{row}行重复。"),
    "import.number_as_numeric": (
        "{column} was stored by Excel as a number and has lost its last digits; format the column as text and type it again.",
        "“{column}”被Excel存成了数字，后几位已丢失；请将该列设为文本格式后重新填写。",
    ),
    # hostile and messy import files (issue 13)
    "import.cannot_read": ("Cannot read the file {file}: {detail}", "无法读取文件{file}：{detail}"),
    "import.xls_or_encrypted": (
        "{file} is an old .xls workbook or a password-protected one: open it in Excel, remove the password, "
        "save it as .xlsx (Excel Workbook) and import that.",
        "{file}是旧版.xls工作簿或加了密码的工作簿：请在Excel中打开，去掉密码，另存为.xlsx（Excel工作簿）后再导入。",
    ),
    "import.text_not_workbook": (
        "{file} is a text file (CSV or similar), not an Excel workbook: open it in Excel and save it as .xlsx "
        "(Excel Workbook), then import that.",
        "{file}是文本文件（如CSV），不是Excel工作簿：请在Excel中打开，另存为.xlsx（Excel工作簿）后再导入。",
    ),
    "import.file_too_large": (
        "{file} is larger than {limit_mb} MB; split it into smaller workbooks.",
        "文件{file}超过{limit_mb}MB，请拆分成几个较小的工作簿后分别导入。",
    ),
    "import.too_many_parts": (
        "{file} holds more than {limit} parts; it may not be an ordinary Excel workbook.",
        "文件{file}内部的组成部分超过{limit}个，可能不是正常的Excel文件。",
    ),
    "import.part_too_large": (
        "{file} unpacks too large ({workbook_part} over {limit_mb} MB); it may not be an ordinary Excel workbook.",
        "文件{file}解压后过大（{workbook_part}超过{limit_mb}MB），可能不是正常的Excel文件。",
    ),
    "import.part_too_compressed": (
        "{file} is packed more than {limit} times ({workbook_part}); it may not be an ordinary Excel workbook.",
        "文件{file}的压缩比超过{limit}倍（{workbook_part}），可能不是正常的Excel文件。",
    ),
    "import.too_many_rows": (
        "{file} has more than {limit} rows; split it into smaller workbooks.",
        "文件{file}超过{limit}行，请拆分成几个较小的工作簿后分别导入。",
    ),
    "import.too_many_columns": (
        "{file} uses more than {limit} columns; it may not be an ordinary template. Delete the columns beyond the template's.",
        "文件{file}使用了超过{limit}列，可能不是正常的模板文件；请删除模板以外的列。",
    ),
    "import.bidi_control": (
        "{column} holds characters that make text show in a different order than it is stored; type it again.",
        "“{column}”含有改变文字显示方向的控制字符（显示的内容与实际内容不同），请重新输入。",
    ),
    "import.identity_mismatch": (
        "ID number {number} belongs to “{registered}” in the register, but this row names “{typed}”; check the row.",
        "身份证号{number}在当事人库中登记的是“{registered}”，本行填写的却是“{typed}”，请核对。",
    ),
    "import.already_imported": (
        "{file} was imported already, on {date} by {user}; nothing was imported now. "
        "To import it once more, give --again (or confirm in the window).",
        "文件{file}已于{date}由{user}导入过，本次未导入。确需再次导入的，请加 --again（或在窗口中确认）。",
    ),
    "import.duplicate_case": (
        "The same case is registered already: {number}.",
        "与已登记的案件重复：{number}。",
    ),
    "import.damaged": (
        "{file} is damaged and cannot be read ({detail}); open it in Excel, save it again and import that.",
        "文件{file}已损坏，无法读取（{detail}）；请在Excel中打开并重新保存后再导入。",
    ),
    "import.row_imported_before": (
        "This row was imported already: row {row} of {file}, on {date} by {user}.",
        "本行已于{date}由{user}从文件{file}第{row}行导入过，本次未导入。",
    ),
}
