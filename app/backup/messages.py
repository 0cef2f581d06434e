"""The backup area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # backup and restore (issue 11, part B)
    "backup.not_found": ("There is no file {path}.", "文件不存在：{path}"),
    "backup.not_database": ("{path} is not a database file.", "{path} 不是数据库文件。"),
    "backup.unreadable": ("{path} cannot be read.", "无法读取 {path}。"),
    "backup.corrupt": (
        "{path} is damaged (SQLite's integrity check failed).",
        "{path} 已损坏（SQLite 完整性检查未通过）。",
    ),
    "backup.foreign": (
        "{path} is not a Renshe Desk database (it belongs to another program).",
        "{path} 不是人社办案台的数据库（属于其他程序）。",
    ),
    "backup.newer": (
        "{path} was made by a newer version of this program; install that version to use it.",
        "{path} 来自更新版本的人社办案台，本程序无法使用；请先安装新版本。",
    ),
    "backup.audit_broken": (
        "{path}: its audit log does not verify (records were altered outside the program).",
        "{path} 的操作日志校验未通过（有记录在程序之外被改动）。",
    ),
    "backup.exists": ("{path} already exists; choose another name.", "{path} 已存在，请另选文件名。"),
    "backup.folder_missing": ("The folder {path} does not exist.", "文件夹不存在：{path}"),
    "backup.source_missing": (
        "There is no database at {path}; nothing was backed up.",
        "数据库不存在：{path}，未做备份。",
    ),
    "backup.is_live": (
        "{path} is the database itself, not a backup.",
        "{path} 就是当前数据库本身，不是备份文件。",
    ),
    "backup.check_failed": (
        "The backup {path} was written but did not pass its check: {reason}",
        "备份 {path} 已写出，但未通过校验：{reason}",
    ),
    "backup.pre_upgrade_failed": (
        "The database was not upgraded: the copy taken before the upgrade did not pass its check ({path}).",
        "数据库未升级：升级前的备份未通过校验（{path}）。",
    ),
    "backup.confirm": (
        "Restoring replaces the database; add --yes to do it.",
        "恢复将替换当前数据库；确认无误请加 --yes 再运行。",
    ),
    "backup.pg_tool_missing": (
        "{tool} was not found: PostgreSQL backups need the PostgreSQL client tools (pg_dump, pg_restore) on PATH.",
        "未找到 {tool}：PostgreSQL 的备份与恢复需要安装 PostgreSQL 客户端工具（pg_dump、pg_restore）并加入 PATH。",
    ),
    "backup.pg_failed": ("{tool} failed: {detail}", "{tool} 运行失败：{detail}"),
}
