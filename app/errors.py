"""Typed errors: what the user can act on (UserError) apart from storage faults.

`app/` raises `UserError(code, **params)`; the words are looked up by
`message_for` in the user's language by whoever shows the error (the GUI, the
command line, the import report) — the one path both front ends translate through.
The codes every area shares are below; each area keeps its own in
app/<area>/messages.py, named in its declaration (app/<area>/area.py).  A bug is
any other exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The shared codes: code -> (English, Simplified Chinese).  Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # identity numbers
    "id_no.required": ("The ID number is required.", "请填写身份证号。"),
    "id_no.length": (
        "The ID number must have 18 characters (it has {length}).",
        "身份证号应为18位（现为{length}位）。",
    ),
    "id_no.format": (
        "The ID number may contain only digits and a final X.",
        "身份证号只能由数字组成，最后一位可以是X。",
    ),
    "id_no.checksum": (
        "The ID number's check character is wrong (expected {expected}).",
        "身份证号校验位错误（应为{expected}）。",
    ),
    "id_no.birth_date": ("The ID number holds an impossible birth date.", "身份证号中的出生日期无效。"),
    "id_no.birth_future": ("The ID number holds a birth date in the future.", "身份证号中的出生日期晚于今天。"),
    "id_no.region": ("The ID number's region code is unknown.", "身份证号的地区代码无效。"),
    "uscc.required": ("The unified social credit code is required.", "请填写统一社会信用代码。"),
    "uscc.length": (
        "The unified social credit code must have 18 characters (it has {length}).",
        "统一社会信用代码应为18位（现为{length}位）。",
    ),
    "uscc.format": (
        "The unified social credit code contains characters that are not allowed (I, O, S, V, Z or symbols).",
        "统一社会信用代码含有不允许的字符（I、O、S、V、Z或符号）。",
    ),
    "uscc.checksum": (
        "The unified social credit code's check character is wrong (expected {expected}).",
        "统一社会信用代码校验位错误（应为{expected}）。",
    ),
    "phone.format": ("The phone number is not valid.", "联系电话格式不正确。"),
    "record.changed_elsewhere": (
        "Someone else changed this record since you opened it. Reopen it and enter your change again.",
        "该记录在您打开后已被他人修改，请重新打开后再修改。",
    ),
    # accounts and permissions
    "permission.denied": (
        "You do not have the permission “{permission}”.",
        "您没有“{permission}”的权限。",
    ),
    "export.cancelled": ("The export was cancelled.", "导出已取消。"),
    "export.unknown_format": (
        "Cannot tell the export format from {path}: name it .xlsx or .pdf, or give --format.",
        "无法从文件名{path}判断导出格式：请使用 .xlsx 或 .pdf 后缀，或指定 --format。",
    ),
    "file.not_found": ("File not found: {path}", "找不到文件：{path}"),
    "file.cannot_write": ("Cannot write the file {path}: {detail}", "无法写入文件{path}：{detail}"),
    # construction projects and the six wage-payment systems
    "money.invalid": (
        "“{value}” is not an amount in yuan (digits, at most two decimals).",
        "“{value}”不是有效的金额（元，最多两位小数）。",
    ),
    "document.not_yet": (
        "The case has not reached the step this document records ({title}).",
        "本案尚未进行到该文书记载的步骤（{title}）。",
    ),
    "file.disk_full": ("The disk is full; {path} was not written.", "磁盘已满，未能写入 {path}。"),
    "file.permission": ("No permission to use {path}.", "没有使用 {path} 的权限。"),
    "file.missing": ("There is no file or folder {path}.", "文件或文件夹不存在：{path}。"),
    "file.is_folder": ("{path} is a folder; give a file name.", "{path} 是文件夹，请给出文件名。"),
    "file.is_the_database": (
        "{path} is the program's own database (or part of it); it cannot be attached or copied here.",
        "{path} 是本程序的数据库文件（或其组成部分），不能作为附件或在此复制。",
    ),
    "file.failed": ("Cannot use {path}: {reason}.", "无法使用 {path}：{reason}。"),
    "app.unexpected": (
        "An unexpected error occurred (a fault in the program); nothing unfinished was saved. "
        "The details are in the log file {log}.",
        "程序发生意外错误，未完成的操作没有保存。详细信息见日志文件 {log}。",
    ),
    "settings.organisation_blank": (
        "Every name must be filled in: the documents print them.", "各项名称都须填写，文书中要使用。",
    ),
    "settings.threshold_invalid": (
        "Enter both hearing thresholds as amounts of 0 or more.", "请填写两个听证标准金额（不小于0）。",
    ),
    "money.negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "money.too_many_decimals": (
        "“{value}” has more than two decimals (yuan to the fen).",
        "金额“{value}”超过两位小数（元，精确到分）。",
    ),
    "money.too_large": ("An amount cannot exceed {limit} yuan.", "金额不能超过{limit}元。"),
    "date.too_early": ("{column}: {date} is before {earliest}; check the date.",
                       "“{column}”的日期{date}早于{earliest}，请检查。"),
    "date.in_future": ("{column}: {date} is after today.", "“{column}”的日期{date}晚于今天。"),
    # several desks on one server (issue 14)
    "record.changed_by": (
        "{who} changed this record at {when}, after you opened it; nothing was saved. "
        "Check the saved values, then save again.",
        "该记录在您打开后已由{who}于{when}修改，本次未保存。请核对已保存的新内容后再次保存。",
    ),
    "document.unknown": ("There is no document {kind}; choose one of: {choices}.",
                         "没有名为{kind}的文书，可选：{choices}。"),
    "document.case_not_found": ("No case is numbered {number}.", "没有编号为{number}的案件。"),
    "export.temp_disk_full": (
        "The disk is full: the export's working file in {folder} cannot be written; nothing was exported.",
        "磁盘已满：导出用的临时文件（位于{folder}）无法写入，未导出任何内容。",
    ),
    "export.temp_failed": (
        "The export's working file in {folder} cannot be written ({detail}); nothing was exported.",
        "导出用的临时文件（位于{folder}）无法写入（{detail}），未导出任何内容。",
    ),
    # --- i17-exports ---
    "export.xlsx_only": ("{path}: this export writes Excel files only; name the file .xlsx.",
                         "{path}：此项只能导出为Excel文件，请使用 .xlsx 后缀。"),
}


def catalogues() -> list[tuple[str, dict[str, tuple[str, str]]]]:
    """Where the codes are: ("app.errors", the shared codes), then each area's catalogue."""
    from app.kernel import areas

    found: list[tuple[str, dict[str, tuple[str, str]]]] = [(__name__, MESSAGES)]
    for spec in areas.areas():
        if spec.messages:
            found.append((spec.messages, areas.load(spec.messages).MESSAGES))
    return found


_merged: tuple[int, dict[str, tuple[str, str]]] | None = None


def all_messages() -> dict[str, tuple[str, str]]:
    """Every code's texts, from every catalogue."""
    global _merged
    from app.kernel import areas

    if _merged is None or _merged[0] != areas.generation():
        merged: dict[str, tuple[str, str]] = {}
        for _name, catalogue in catalogues():
            merged.update(catalogue)
        _merged = (areas.generation(), merged)
    return _merged[1]


_words: tuple[int, dict[str, dict[str, Any]], dict[str, Any]] | None = None


def _value_words(code: str) -> dict[str, Any]:
    """placeholder -> function(value, language) -> words, for the placeholders of `code`.

    An area's `message_values` put its own codes' values into words: "status" is a complaint's
    status in a complaints code and an arbitration case's in an arbitration code.  The shared codes
    above belong to no area: their values are put into words by the one area that declares the
    placeholder (the permission, by the accounts area)."""
    global _words
    from app.kernel import areas

    if _words is None or _words[0] != areas.generation():
        own: dict[str, dict[str, Any]] = {}
        declared: dict[str, list[Any]] = {}
        for spec in areas.areas():
            functions = {name: areas.load(reference) for name, reference in spec.message_values.items()}
            for name, function in functions.items():
                declared.setdefault(name, []).append(function)
            if spec.messages and functions:
                for owned_code in areas.load(spec.messages).MESSAGES:
                    own[owned_code] = functions
        shared = {name: functions[0] for name, functions in declared.items() if len(functions) == 1}
        _words = (areas.generation(), own, shared)
    _generation, own, shared = _words
    if code in MESSAGES:
        return shared
    return own.get(code, {})


def words_from(table: Mapping[str, tuple[str, str]], value: str, language: str) -> str:
    """A raw value's words from an (English, Chinese) table, for an area's `message_values`;
    the value itself when the table does not know it."""
    en, zh = table.get(value, (value, value))
    return en if language == "en" else zh


def message_for(code: str, params: dict[str, Any], language: str = "zh_CN") -> str:
    """The message of `code` in `language`.  A UserError carries raw values only: a value that is
    itself a code (a permission, a state …) is put in words here, by its area's `message_values`."""
    en, zh = all_messages().get(code, (code, code))
    template = en if language == "en" else zh
    words = _value_words(code) if params else {}
    shown = {name: words[name](value, language) if name in words else value for name, value in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template


class UserError(Exception):
    """Something the user can correct.  `field` names the input it concerns."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def message(self, language: str = "zh_CN") -> str:
        return message_for(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message("en")


class StorageError(Exception):
    """The store failed in a way the user can do something about (disk, lock, I/O)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str = "zh_CN") -> str:
        return message_for(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message("en")


class Cancelled(Exception):
    """Raised inside a long service when its cancel token is set."""
