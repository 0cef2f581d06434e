"""The desktop program: QApplication, font, translations, excepthook, store, sign-in, main window.

Start-up order is chosen so a window is on screen as early as possible: the
main window (an empty frame saying it is opening the database) is shown right
after Qt itself is up, and only then are SQLAlchemy, Alembic and the store
imported and opened, the user signed in and the areas filled in.  openpyxl and
reportlab are imported only by the export/import actions that need them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from app.resources import FONT_FAMILY, font_path, resources_dir

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

APP_NAME = "renshe-desk"
# When set, run_gui prints "first-window <unix time>" on stderr (tests/tools/measure_startup.py).
STARTUP_PROBE_ENV = "RENSHE_STARTUP_PROBE"
# Modules the first window must not wait for (the probe reports whether they were loaded).
HEAVY_MODULES = ("sqlalchemy", "sqlalchemy.orm", "alembic", "openpyxl", "reportlab")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_font(app: QApplication) -> str | None:
    """Register the shipped CJK font and make it the application font.

    Returns the family registered, or None if the file is missing (Chinese
    would then render only where the system has a CJK font)."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.warning("could not load the shipped font %s", font_path())
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else FONT_FAMILY)
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return family


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our translation plus Qt's own (button texts of standard dialogs) — none for English."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    for directory, name in (
        (translations_dir(), f"renshe_{language}.qm"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}.qm"),
        # Installed last, so it is asked first: what Qt's own file has missed.
        (translations_dir(), f"qtfixes_{language}.qm"),
    ):
        translator = QTranslator(app)
        if translator.load(str(directory / name)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation not found: %s", directory / name)
    return installed


def give_qt_a_chinese_system_locale(language: str) -> None:
    """Qt formats dates in its own dialogs (the file dialog's 修改日期) by the system
    locale, which on a machine with no locale set (LANG=C, as on many Linux installs)
    reads "2 12 2026".  Before the application exists, a Chinese interface on such a
    machine gets zh_CN for dates; a locale the user chose is left alone."""
    if language == "en" or sys.platform == "win32":
        return
    unset = ("", "C", "POSIX")
    chosen = [os.environ.get(name, "") for name in ("LC_ALL", "LC_TIME", "LANG")]
    if all(value.split(".")[0] in unset for value in chosen):
        os.environ.pop("LC_ALL", None)
        os.environ["LC_TIME"] = "zh_CN.UTF-8"


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    from ui.gui_gc import collect_on_gui_thread

    collect_on_gui_thread(app)
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Run the desktop program; the exit code."""
    smoke = bool(getattr(args, "smoke_test", False))
    language = getattr(args, "language", None) or "zh_CN"
    error_windows = not (smoke or getattr(args, "no_err_windows", False))
    if smoke and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        # A smoke test on a build or CI machine has no screen; it checks the
        # program starts, not the windowing system.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    give_qt_a_chinese_system_locale(language)
    app = make_application()
    install_font(app)
    translators = install_translators(app, language)
    app.setProperty("renshe_translators", len(translators))

    from ui.errors import install_excepthook

    hook = install_excepthook(error_windows=error_windows)
    previous_handler = qInstallMessageHandler(qt_message_to_log)
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()
    if os.environ.get(STARTUP_PROBE_ENV):
        heavy = ",".join(f"{m}:{int(m in sys.modules)}" for m in HEAVY_MODULES)
        print(f"first-window {time.time():.6f} {heavy}", file=sys.stderr, flush=True)

    context = None
    try:
        # A damaged database is found by SQLite before the store opens it (issue 11).
        from app.config import resolve_db_url
        from ui.damaged_database import check_at_start

        if not check_at_start(resolve_db_url(getattr(args, "db", None)), language, error_windows, parent=window):
            return 1
        context = open_context(args, language, error_windows, parent=window)
        if context is None:
            return 1
        hook._context = context
        if smoke:
            context.actor = smoke_actor(context)
        else:
            from ui.auth.session import sign_in  # written alongside: login / first-run set-up

            actor = sign_in(context)
            if actor is None:
                return 0  # the user cancelled the login
            context.actor = actor
        window.set_context(context)
        if not smoke:
            from ui.admin.backup import start_daily_backup

            start_daily_backup(context, window)  # the first start of the day, in the background
        if smoke:
            app.processEvents()
            context.tasks.wait_all(10_000)
            window.close()
            print("smoke test: main window shown", file=sys.stderr)
            return 0
        return app.exec()
    except Exception as exc:  # noqa: BLE001 - the last guard: whatever escaped start-up is one line, never a traceback
        return _start_failed(exc, args, language, error_windows, window, hook)
    finally:
        opened = window.context or context  # the window may not have got it: start-up stopped first
        if opened is not None:
            opened.tasks.shutdown()
        hook.uninstall()
        qInstallMessageHandler(previous_handler)
        for translator in translators:
            app.removeTranslator(translator)


# Notices of Qt's offscreen/minimal platforms that say nothing about the program.
_PLATFORM_NOISE = ("This plugin does not support propagateSizeHints",)


def qt_message_to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log file (scrubbed like every line), not the terminal."""
    if any(noise in message for noise in _PLATFORM_NOISE):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def open_context(
    args: argparse.Namespace, language: str, error_windows: bool, *, parent: Any = None
) -> AppContext | None:
    """Open (create, migrate) the store; on failure say why in a dialog and return None."""
    from app.accounts.actor import anonymous_reader
    from app.config import resolve_db_url
    from app.errors import StorageError, UserError
    from app.store import open_store
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    url = resolve_db_url(getattr(args, "db", None))
    server_mode = False
    if not getattr(args, "db", None) and not os.environ.get("RENSHE_DB"):
        chosen = desk_database_url(parent, language, error_windows)
        if chosen is None:
            return None
        url, server_mode = chosen
    try:
        if server_mode:
            from app.store.connection import check_server

            check_server(url)  # unreachable, wrong password, older/newer schema: said in words
        # A desk never migrates a server: `db upgrade` with the owner's account does.
        store = open_store(url, migrate=not server_mode)
    except (UserError, StorageError) as err:
        _store_failed(parent, err.message(language), error_windows, language)
        return None
    except Exception as exc:  # noqa: BLE001 - any failure to open is told to the user, then logged
        log.exception("cannot open the database")
        from app.errors import message_for

        _store_failed(parent, message_for("db.unreachable", {"detail": str(exc)}, language), error_windows, language)
        return None
    tasks = TaskRunner(QApplication.instance(), language=language, error_windows=error_windows)
    return AppContext(store=store, actor=anonymous_reader(), language=language, error_windows=error_windows, tasks=tasks)


def desk_database_url(parent: Any, language: str, error_windows: bool) -> tuple[str, bool] | None:
    """The database this desk was pointed at (数据库连接): (url, on a server?), or None if the
    user cancelled.  The first start, with neither a choice nor a local database yet, asks."""
    from app.config import default_db_url
    from app.store import connection
    from app.store.migrate import sqlite_file

    settings = connection.load_server_settings()
    local_file = sqlite_file(default_db_url())
    assert local_file is not None  # the default database is always a SQLite file
    first_start = not connection.settings_path().exists() and not local_file.exists()
    if settings is None and first_start and error_windows:
        from ui.admin.connection_dialog import ConnectionDialog
        from ui.tasks import TaskRunner

        dialog = ConnectionDialog(TaskRunner(QApplication.instance(), language=language, error_windows=True),
                                  language, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        settings = connection.load_server_settings()
    if settings is None:
        return default_db_url(), False
    password = connection.stored_password(settings)
    if password is None and error_windows:
        from PySide6.QtCore import QCoreApplication

        password, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("Application", "Database server"),
            QCoreApplication.translate("Application", "Password of %1:").replace("%1", settings.keyring_key),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
    return settings.url(password), True


def smoke_actor(context: AppContext) -> Any:
    """--smoke-test signs nobody in: the set-up actor on a database without accounts, else read-only."""
    from app.accounts.actor import anonymous_reader, setup_actor
    from app.accounts.service import has_accounts

    return anonymous_reader() if has_accounts(context.store) else setup_actor()


def _start_failed(
    exc: Exception, args: argparse.Namespace, language: str, error_windows: bool, parent: Any, hook: Any
) -> int:
    """Start-up met a fault the steps above do not name (a damaged page that SQLite's quick check
    passed but a query reads, a bug): one line, as the command line says it, and the message box a
    desk shows for it; the details go to the log only."""
    from app.cli import environment_error, say_error, unexpected_error_message

    known = environment_error(exc, args)
    if known is not None:
        log.error("start-up stopped: %s", known.code)
        _store_failed(parent, known.message(language), error_windows, language)
        return 1
    hook(type(exc), exc, exc.__traceback__)  # logged; the crash dialog when the desk shows dialogs
    return say_error(unexpected_error_message(language), language, code=70)


def _store_failed(parent: Any, message: str, error_windows: bool, language: str) -> None:
    from app.cli import say_error

    say_error(message, language)
    if not error_windows:
        return
    from PySide6.QtCore import QCoreApplication

    box = QMessageBox(parent)
    box.setObjectName("store_error")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Application", "Cannot open the database"))
    box.setText(QCoreApplication.translate("Application", "The database could not be opened."))
    box.setInformativeText(message)
    box.exec()
