"""Screenshots of the sign-in dialogs and 系统管理, offscreen, with Chinese sample data.

    python tests/tools/screenshots_admin.py [OUT_DIR]        (default: a new temporary folder, printed)

Writes admin-login.png, admin-login-locked.png, admin-first-run.png,
admin-users.png, admin-audit.png, admin-audit-verify-broken.png and
admin-main-window.png, admin-main-window-audit.png.  A fresh database in a temporary folder, the shipped
font and the zh_CN translation, as a user on a machine without CJK fonts sees it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

USERS = [
    # username, display name, password, roles
    ("zhangwei", "张伟", "inspector-01", ["inspector"]),
    ("lina", "李娜", "arbitrator-01", ["arbitrator", "arb_clerk"]),
    ("wangfang", "王芳", "intake-0001", ["intake"]),
    ("liuyang", "刘洋", "mediator-01", ["mediator"]),
    ("chenjing", "陈静", "reviewer-01", ["legal_reviewer"]),
    ("zhaoju", "赵局长", "leader-0001", ["leadership"]),
]


def type_text(widget, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app, widget, path: Path) -> None:
    settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def admin_screenshots(out: Path) -> list[Path]:
    """Take the screenshots into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="renshe-admin-shots-"))
    os.environ["RENSHE_DATA_DIR"] = str(data)

    from stdnum.cn import ric

    from app.accounts.actor import setup_actor
    from app.accounts.service import MAX_FAILED_LOGINS, AccountService
    from app.errors import UserError
    from app.parties.service import PartyService
    from app.store import open_store
    from ui.admin.window import AdminWindow
    from ui.application import install_font, install_translators, make_application
    from ui.auth.first_run import FirstRunDialog
    from ui.auth.login_dialog import LoginDialog
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    app = make_application()
    install_font(app)
    install_translators(app, "zh_CN")
    db_path = data / "shots.db"
    store = open_store(f"sqlite:///{db_path}")
    shots: list[Path] = []

    def save(widget, name: str) -> None:
        path = out / name
        shoot(app, widget, path)
        shots.append(path)

    # ---- first start: the administrator's account, passwords mistyped
    first = FirstRunDialog(AppContext(store=store, actor=setup_actor(), error_windows=False))
    first.show()
    type_text(first.username, "admin")
    type_text(first.display_name, "系统管理员王")
    type_text(first.password, "admin-pass-1")
    type_text(first.password_again, "admin-pass-2")
    first.create_button.click()
    first.adjustSize()
    save(first, "admin-first-run.png")
    first.close()

    admin = AccountService(store, setup_actor()).create_first_admin(
        "admin", "系统管理员王", "admin-pass-1"
    )
    admin = AccountService(store, setup_actor()).sign_in("admin", "admin-pass-1")
    accounts = AccountService(store, admin)
    for username, name, password, roles in USERS:
        accounts.create_user(username, name, password, roles)
    accounts.set_active(accounts.find("liuyang").id, False)
    anyone = AccountService(store, setup_actor())
    for _ in range(MAX_FAILED_LOGINS):
        with contextlib.suppress(UserError):  # the fifth one locks the account
            anyone.sign_in("wangfang", "wrong-password")
    anyone.sign_in("zhangwei", "inspector-01")

    # ---- the login dialog: a wrong password, then the lock-out
    login = LoginDialog(AppContext(store=store, actor=setup_actor(), error_windows=False))
    login.show()
    type_text(login.username, "zhangwei")
    type_text(login.password, "not-my-password")
    login.sign_in_button.click()
    login.adjustSize()
    save(login, "admin-login.png")
    login.username.clear()
    type_text(login.username, "wangfang")
    type_text(login.password, "intake-0001")
    login.sign_in_button.click()
    login.adjustSize()
    save(login, "admin-login-locked.png")
    login.close()

    # ---- some casework for the log: parties, an edit, a reveal with its reason
    inspector = anyone.sign_in("zhangwei", "inspector-01")
    parties = PartyService(store, inspector)
    body = "52010219880512013"
    worker = parties.create(
        {
            "kind": "person",
            "name": "欧阳晓明",
            "id_no": body + ric.calc_check_digit(body + "0"),
            "phone": "13812345678",
            "address": "贵州省贵阳市南明区花果园街道一期3栋2单元",
        }
    )
    worker = parties.update(worker.id, worker.version, {"phone": "13985012345"})
    parties.reveal(worker.id, "id_no", "核对投诉人身份（监察投诉2026-0153号）")
    parties.create({"kind": "org", "name": "贵州某某建筑工程有限公司", "legal_rep": "赵建国"})
    from app.kernel.exports import ExportTrace
    from app.parties.spreadsheet import export_parties

    export_parties(parties.query_for_export(), out / "当事人.xlsx",
                   trace=ExportTrace(store, inspector, "parties.xlsx", "party", details={"search": "", "kind": ""}))
    accounts.update_user(
        accounts.find("lina").id, accounts.find("lina").version, roles=["arbitrator"]
    )

    tasks = TaskRunner(error_windows=False)
    context = AppContext(store=store, actor=admin, error_windows=False, tasks=tasks)
    window = AdminWindow(context)
    window.resize(1280, 760)
    window.show()
    users = window.show_users()
    users.select_username("lina")
    save(window, "admin-users.png")

    log = window.show_audit()
    log.view.selectRow(0)
    save(window, "admin-audit.png")

    # ---- tamper with a party behind the program's back, then 校验
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE party SET name = '欧阳小明' WHERE id = ?", (worker.id,))
    log.verify()
    tasks.wait_all(30_000)
    settle(app)
    save(window, "admin-audit-verify-broken.png")
    if log.verify_box is not None:
        box = log.verify_box
        box.adjustSize()
        save(box, "admin-verify-box.png")
        box.accept()
    window.close()

    # ---- in the main window: the area in the navigation
    main = MainWindow(AppContext(store=store, actor=admin, error_windows=False, tasks=tasks))
    main.resize(1280, 760)
    main.show()
    admin_area = main.open_area("admin")
    save(main, "admin-main-window.png")
    admin_area.show_audit()
    save(main, "admin-main-window-audit.png")
    main.close()

    tasks.shutdown()
    store.dispose()
    return shots


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="renshe-shots-"))
    print(folder)
    admin_screenshots(folder)
