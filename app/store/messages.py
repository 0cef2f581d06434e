"""The store area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # store
    "db.unreachable": ("Cannot open the database: {detail}", "无法打开数据库：{detail}"),
    "db.newer_than_program": (
        "The database was written by a newer version of the program ({revision}). Please update the program.",
        "数据库由更新版本的程序创建（{revision}），请先升级本程序。",
    ),
    "db.disk_full": ("The disk is full; nothing was saved.", "磁盘已满，未保存任何数据。"),
    "db.locked": ("The database is busy; please try again.", "数据库正忙，请稍后重试。"),
    "db.corrupt_after_restore": (
        "The restored database did not pass SQLite's check; the replaced database is kept beside it.",
        "恢复后的数据库未通过 SQLite 检查；被替换的数据库已保留在其旁边。",
    ),
    # the database is never corrupted, created by accident or answered with a traceback (issue 11)
    "db.missing": (
        "There is no database at {path}. Check the path given with --db; `db upgrade` creates a new database.",
        "数据库不存在：{path}。请检查 --db 给出的路径；如需新建数据库，请运行 db upgrade。",
    ),
    "db.corrupt": (
        "The file {path} is damaged or is not a database of this program. Restore it from a backup.",
        "文件 {path} 已损坏或不是本程序的数据库，请从备份恢复。",
    ),
    "db.not_a_file": (
        "{path} is a folder, not a database file. Give the path of the database file itself.",
        "{path} 是文件夹，不是数据库文件，请给出数据库文件本身的路径。",
    ),
    "db.folder_is_a_file": (
        "{path} is a file, so no database can be made inside it. Give another folder.",
        "{path} 是文件而不是文件夹，无法在其中建立数据库，请换一个文件夹。",
    ),
    "db.permission": (
        "No permission to read and write {path}. Ask the administrator for write access, or use another folder.",
        "没有读写 {path} 的权限。请联系管理员开通写权限，或改用其他文件夹。",
    ),
    "db.network_share": (
        "The database {path} is on a network share. SQLite's locks and its write-ahead log do not work over "
        "a network, so the file would be damaged. Keep the database on this computer's own disk; for several "
        "workstations, use the server mode (PostgreSQL).",
        "数据库 {path} 位于网络共享位置。SQLite 的文件锁和预写日志无法跨网络工作，数据库会因此损坏。"
        "请把数据库放在本机硬盘上；多台电脑共用时，请使用服务器模式（PostgreSQL）。",
    ),
    "db.io": (
        "The disk reported a read or write error on the database. Check the disk and restore from a backup if needed.",
        "读写数据库时磁盘出错。请检查磁盘，必要时从备份恢复。",
    ),
    "db.server_unreachable": (
        "Cannot reach the database server {server}: check that it is running and the network is up.",
        "无法连接数据库服务器 {server}，请检查服务器是否开启、网络是否连通。",
    ),
    "db.auth_failed": (
        "The database server refused the user name or password.",
        "数据库服务器拒绝了用户名或密码，请检查后重试。",
    ),
    "db.schema_older": (
        "The database on the server has an older structure ({revision}). The administrator must run "
        "`db upgrade` with the owner account first.",
        "服务器上的数据库结构较旧（{revision}），请管理员先用所有者账号运行 db upgrade 升级数据库。",
    ),
    "db.no_rights": (
        "The account {user} may not read this database: the administrator grants the desks' rights "
        "with installer/server-setup.sh.",
        "账号 {user} 无权读取该数据库，请管理员用 installer/server-setup.sh 为办案台账号授权。",
    ),
    "db.connection_lost": (
        "The connection to the database server was lost. Nothing was saved; your entries are kept — "
        "try again when the network is back.",
        "与数据库服务器的连接已断开，本次未保存；您的输入已保留，网络恢复后请重试。",
    ),
}
