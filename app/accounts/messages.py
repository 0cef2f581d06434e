"""The accounts area's messages: code -> (English, Simplified Chinese), placeholders in
str.format names.  `app.errors.message_for` finds them through the area's declaration (area.py)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "auth.setup_closed": (
        "This database already has accounts; sign in with --user NAME.",
        "该数据库已有用户账号，请使用 --user 用户名 登录。",
    ),
    "auth.failed": ("The user name or password is wrong.", "用户名或密码错误。"),
    "auth.locked": (
        "Too many wrong passwords: the account is locked until {until}.",
        "密码错误次数过多，账号已锁定至{until}。",
    ),
    "auth.disabled": ("This account has been disabled.", "该账号已停用。"),
    "user.name_required": ("The user name is required.", "请填写用户名。"),
    "user.name_format": (
        "The user name may contain letters, digits, dots, dashes and underscores only.",
        "用户名只能包含字母、数字、点、短横线和下划线。",
    ),
    "user.duplicate": ("The user name {username} is taken.", "用户名{username}已被使用。"),
    "user.not_found": ("No such user: {username}.", "没有该用户：{username}。"),
    "user.password_too_short": (
        "The password must have at least {minimum} characters.",
        "密码至少需要{minimum}个字符。",
    ),
    "user.passwords_differ": ("The two passwords differ.", "两次输入的密码不一致。"),
    "user.role_unknown": ("Unknown role: {role}.", "未知角色：{role}。"),
    "user.roles_required": ("Choose at least one role.", "请至少选择一个角色。"),
    "user.last_admin": (
        "This is the last active administrator; keep at least one.",
        "这是最后一个有效的系统管理员，至少需要保留一个。",
    ),
}
