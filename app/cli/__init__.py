"""The command line: the second front end, over the same services as the GUI.

`python main.py` with no command opens the GUI (main.py hands in ui.application.run_gui);
with a command it runs headless and exits 0, or non-zero with a one-line
error in the user's language.  Each area adds its commands in its own module
(app/<area>/cli.py) through `register(subparsers)`, named in its declaration
(app/<area>/area.py, `cli_modules=`).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeAlias, TypeVar

from app import __version__
from app.config import normalise_language, resolve_db_url
from app.errors import Cancelled, StorageError, UserError

PASSWORD_ENV_VAR = "RENSHE_PASSWORD"

Handler = Callable[[argparse.Namespace], int]
ServiceT = TypeVar("ServiceT")
ResultT = TypeVar("ResultT")


DB_HELP = "database URL (default: $RENSHE_DB or the user data folder)"
LANG_HELP = "interface language: zh_CN (default) or en"
# What `register(subparsers)` is given: the parser's subcommands (argparse's class is generic
# only in its type stubs, hence the string).
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """--db (and --lang) on a subcommand.  SUPPRESS keeps a value given before
    the command from being overwritten by the subcommand's default."""
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=DB_HELP)
    parser.add_argument("--lang", default=argparse.SUPPRESS, help=LANG_HELP)


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=f"act as this user (password from ${PASSWORD_ENV_VAR} or a prompt)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def add_standard_options(parser: argparse.ArgumentParser, *, user: bool = True, json: bool = True) -> None:
    """The options a command's action ends with: --db and --lang, then --user and --json
    unless the action has no use for them."""
    add_db_option(parser)
    if user:
        add_user_option(parser)
    if json:
        add_json_option(parser)


def command_group(
    subparsers: Subcommands,
    name: str,
    help: str,  # noqa: A002 - argparse's own word
    *,
    dest: str | None = None,
    metavar: str = "ACTION",
) -> Subcommands:
    """A command with actions (`main.py NAME ACTION …`): the subparsers its actions are added to."""
    parser = subparsers.add_parser(name, help=help)
    actions: Subcommands = parser.add_subparsers(
        dest=dest or f"{name}_command", metavar=metavar, required=True)
    return actions


def command_modules() -> list[str]:
    """The modules that add subcommands, every area's in the areas' order; each has
    `register(subparsers) -> None`."""
    from app.kernel.areas import areas

    return [name for spec in areas() for name in spec.cli_modules]


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; without commands only the global options (opening the
    GUI then imports none of the command modules before the first window)."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="main.py",
        description="人社办案台 Renshe Desk. Without a command: open the desktop program.",
    )
    parser.add_argument("--version", action="version", version=f"renshe-desk {__version__}")
    parser.add_argument("--lang", default=None, help=LANG_HELP)
    parser.add_argument("--db", metavar="URL", default=None, help=DB_HELP)
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start the GUI, open the database, show the main window and exit 0 (no dialogs)",
    )
    parser.add_argument("--no-err-windows", action="store_true", help="never open error dialogs")
    parser.add_argument(
        "--platform-check",
        metavar="FOLDER",
        help="check the platform-specific parts (data folder, network paths, locking, keyring, fonts, "
        "printing) writing into FOLDER, and exit (the Windows build runs it under Wine)",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(name).register(subparsers)
    return parser


def _names_a_command(argv: list[str]) -> bool:
    """Whether argv holds anything beyond the GUI's options (a command, --help, --version …)."""
    probe = argparse.ArgumentParser(add_help=False)
    probe.add_argument("--lang")
    probe.add_argument("--db")
    probe.add_argument("--smoke-test", action="store_true")
    probe.add_argument("--no-err-windows", action="store_true")
    probe.add_argument("--platform-check")
    try:
        _, rest = probe.parse_known_args(argv)
    except SystemExit:
        return True
    return bool(rest)


def open_store_for(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The store of --db.  Only a command meant to make data passes `create=True`; any other
    command refuses a missing database (db.missing) and creates nothing."""
    from app.store import open_store

    return open_store(resolve_db_url(getattr(args, "db", None)), create=create)


def actor_for(args: argparse.Namespace, store: Any, *, writes: bool) -> Any:
    """The acting user: --user (password from env or prompt), else the set-up
    actor on a database without accounts, else the anonymous read-only reader."""
    from app.accounts.actor import anonymous_reader, setup_actor

    username = getattr(args, "user", None)
    if username:
        from app.accounts.service import AccountService

        password = os.environ.get(PASSWORD_ENV_VAR)
        if password is None:
            password = getpass.getpass(f"{username} 的密码 / password: ")
        return AccountService(store, setup_actor()).sign_in(username, password)
    if writes:
        return setup_actor()  # refused by the unit of work once accounts exist
    return anonymous_reader()


def zh(args: argparse.Namespace) -> bool:
    """The command speaks Chinese (the default) unless --lang en."""
    return getattr(args, "language", "zh_CN") != "en"


def with_service(args: argparse.Namespace, service: Callable[[Any, Any], ServiceT],
                 work: Callable[[ServiceT], ResultT], *, create: bool = False) -> ResultT:
    """`work` done by an area's service on the store of --db, acting as the command's user
    (one who may write); the store is closed after, whatever happened."""
    store = open_store_for(args, create=create)
    try:
        return work(service(store, actor_for(args, store, writes=True)))
    finally:
        store.dispose()


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def terminal_progress(label: str) -> Callable[[int, int], None]:
    """A progress callback that redraws one line on stderr."""

    def report(done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        shown = f"{done}/{total}" if total else str(done)
        sys.stderr.write(f"\r{label} {shown}")
        sys.stderr.flush()
        if total and done >= total:
            sys.stderr.write("\n")

    return report


def run(argv: list[str], *, open_gui: Handler | None = None) -> int:
    """Run a command, or with none, `open_gui(args)` (main.py passes the GUI in,
    so the core never imports it)."""
    parser = build_parser(with_commands=_names_a_command(argv))
    args = parser.parse_args(argv)
    language = normalise_language(args.lang or os.environ.get("RENSHE_LANG"))
    args.language = language
    from app.logs import configure_logging

    configure_logging()
    if args.command is None:
        if open_gui is None:
            parser.print_help()
            return 0
        return open_gui(args)
    handler: Handler = args.handler
    # Every table known to the ORM before any command runs: a command loads only its own
    # area's modules, and a foreign key may name another area's table (arbitration_case →
    # mediation_case), which SQLAlchemy must then find in the metadata.
    import app.models  # noqa: F401
    try:
        return handler(args)
    except (UserError, StorageError) as err:
        return say_error(err.message(language), language)
    except Cancelled:
        print("已取消" if language != "en" else "cancelled", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last guard: one line for the user, the details in the log
        known = environment_error(exc, args)
        if known is not None:
            return say_error(known.message(language), language)
        import logging

        logging.getLogger("renshe.cli").exception("unexpected error in %s", args.command)
        return say_error(unexpected_error_message(language), language, code=70)


def say_error(message: str, language: str, *, code: int = 2) -> int:
    """The one line an error gets on standard error (`错误: …` / `error: …`); returns `code`."""
    print(f"错误: {message}" if language != "en" else f"error: {message}", file=sys.stderr)
    return code


def unexpected_error_message(language: str) -> str:
    """What a fault in the program tells the user: nothing unfinished was saved, the details are
    in the log file (named: the one logging already writes to)."""
    from app.errors import message_for
    from app.logs import configure_logging

    log_file = configure_logging()  # already configured: it returns the file the details went to
    return message_for("app.unexpected", {"log": str(log_file)}, language)


def environment_error(exc: BaseException, args: argparse.Namespace) -> StorageError | UserError | None:
    """What a user's environment did (a damaged, locked or full database, a file that cannot be
    written …) as an error the user can act on; None for a fault in the program."""
    from sqlalchemy.exc import DatabaseError

    if isinstance(exc, DatabaseError):
        from app.store.engine import as_storage_error, where_is

        return as_storage_error(exc, where_is(resolve_db_url(getattr(args, "db", None))))
    if isinstance(exc, OSError):
        import errno

        path = exc.filename if exc.filename is not None else ""
        if exc.errno == errno.ENOSPC:
            return UserError("file.disk_full", path=path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return UserError("file.permission", path=path)
        if exc.errno == errno.ENOENT:
            return UserError("file.missing", path=path)
        if exc.errno == errno.EISDIR:
            return UserError("file.is_folder", path=path)
        return UserError("file.failed", path=path, reason=exc.strerror or type(exc).__name__)
    return None
