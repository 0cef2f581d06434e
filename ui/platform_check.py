"""`renshe-desk --platform-check FOLDER`: the code that behaves differently on Windows, run
for real inside a built program (the Windows build runs it under Wine, installer/windows/).

Each check prints one line, `platform-check: ok|FAILED <name>: <what was seen>`; the exit
code is 0 only if every check passed.  FOLDER is where files are written: the build passes a
folder with Chinese characters and a space (C:\\Users\\张伟\\Documents\\案件 导出).

- data folder: the database's default place is platformdirs' user data folder
  (%LOCALAPPDATA%\\renshe-desk on Windows) and can be written;
- network paths: a \\\\server\\share path is refused before SQLite sees it, with the user's
  message; a local folder is not; RENSHE_CHECK_NETWORK_DRIVE (e.g. N:) names a drive the
  caller mapped as a network drive, which must be refused too;
- file locking: while another connection holds SQLite's write lock, a write waits the busy
  timeout and then says db.locked; once the lock is gone it succeeds;
- keyring: a server password stored, read back and forgotten through the program's functions
  (Windows: the Credential Manager).  Where no keyring exists (a bare Linux), the program asks
  at each start instead: that is reported, and fails only on Windows;
- fonts: the shipped CJK font loads into Qt and covers Chinese; a PDF written by reportlab
  into FOLDER embeds it;
- printing: that PDF drawn through Qt's printer (the print path of 打印) into a PDF file in
  FOLDER.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

WINDOWS = sys.platform == "win32"
NETWORK_DRIVE_ENV_VAR = "RENSHE_CHECK_NETWORK_DRIVE"
SAMPLE = "人社办案台 张伟 案件导出 ¥1,234.50"


def check_data_folder(_folder: Path) -> str:
    import platformdirs

    from app import APP_NAME
    from app.config import DATA_DIR_ENV_VAR, data_dir, default_db_url

    folder = data_dir()
    if os.environ.get(DATA_DIR_ENV_VAR):
        return f"{folder} (from {DATA_DIR_ENV_VAR})"
    expected = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert folder == expected, f"{folder} is not platformdirs' {expected}"
    if WINDOWS:
        local = Path(os.environ["LOCALAPPDATA"]) / APP_NAME
        assert folder == local, f"{folder} is not {local}"
    probe = folder / "platform-check.tmp"
    probe.write_text("ok", encoding="utf-8")
    probe.unlink()
    assert default_db_url().endswith(str(folder / "renshe-desk.db")), default_db_url()
    return str(folder)


def check_network_paths(folder: Path) -> str:
    from app.errors import StorageError
    from app.store import open_store
    from app.store.location import is_network_path

    share = r"\\fileserver\案件\renshe-desk.db" if WINDOWS else "//fileserver/案件/renshe-desk.db"
    try:
        open_store(f"sqlite:///{share}", create=True)
    except StorageError as err:
        assert err.code == "db.network_share", err.code
        said = err.message("zh_CN")
    else:
        raise AssertionError(f"{share} was opened")
    assert not is_network_path(str(folder / "本地.db")), f"{folder} taken for a network share"
    seen = [f"{share} refused: {said}"]
    drive = os.environ.get(NETWORK_DRIVE_ENV_VAR)
    if drive:
        mapped = f"{drive.rstrip(chr(92)).rstrip('/')}\\renshe-desk.db"
        assert is_network_path(mapped), f"{mapped} (a mapped network drive) not refused"
        seen.append(f"{mapped} refused")
    return "; ".join(seen)


def check_file_locking(folder: Path) -> str:
    from sqlalchemy import text
    from sqlalchemy.orm import sessionmaker

    from app.errors import StorageError
    from app.store.engine import IMMEDIATE, make_engine, translate_storage_errors

    path = folder / "锁 检查.db"
    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE cases (id INTEGER PRIMARY KEY, name TEXT)"))
        other_desk = sqlite3.connect(path, isolation_level=None, timeout=0)
        other_desk.execute("BEGIN IMMEDIATE")
        other_desk.execute("INSERT INTO cases (name) VALUES ('另一台')")
        sessions = sessionmaker(engine.execution_options(**{IMMEDIATE: True}))  # as open_store's write_sessions
        started = time.monotonic()
        try:
            with translate_storage_errors(str(path)), sessions.begin() as session:
                session.execute(text("INSERT INTO cases (name) VALUES ('本机')"))
        except StorageError as err:
            assert err.code == "db.locked", err.code
            waited = time.monotonic() - started
        else:
            raise AssertionError("a write went through while another connection held the lock")
        other_desk.execute("COMMIT")
        other_desk.close()
        with sessions.begin() as session:
            session.execute(text("INSERT INTO cases (name) VALUES ('本机')"))
        with engine.connect() as connection:
            names = [row[0] for row in connection.execute(text("SELECT name FROM cases ORDER BY id"))]
        assert names == ["另一台", "本机"], names
    finally:
        engine.dispose()
    return f"locked write refused after {waited:.1f} s (db.locked), then written"


def check_keyring(_folder: Path) -> str:
    import keyring

    from app.store.connection import (
        KEYRING_SERVICE,
        ServerSettings,
        forget_password,
        stored_password,
    )

    backend = type(keyring.get_keyring()).__name__
    settings = ServerSettings(host="platform-check.invalid", port=5432, database="检查", user="张伟")
    secret = "口令-Check-1"
    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_key, secret)
    except Exception as exc:  # noqa: BLE001 - no keyring: the program asks at each start
        if WINDOWS:
            raise AssertionError(f"{backend}: {exc}") from exc
        return f"no keyring here ({backend}); the program asks for the password at each start"
    try:
        assert stored_password(settings) == secret, "the stored password did not come back"
    finally:
        forget_password(settings)
    assert stored_password(settings) is None, "the password was not forgotten"
    return f"{backend}: stored, read back, forgotten"


def check_fonts(folder: Path) -> str:
    from reportlab.pdfgen import canvas

    from app.documents.base import register_fonts
    from app.resources import FONT_FAMILY, font_path

    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    assert font_id >= 0, f"Qt could not load {font_path()}"
    families = QFontDatabase.applicationFontFamilies(font_id)
    assert FONT_FAMILY in families, families
    from PySide6.QtGui import QFont

    metrics = QFontMetrics(QFont(FONT_FAMILY))
    missing = [c for c in SAMPLE if not c.isspace() and not metrics.inFontUcs4(ord(c))]
    assert not missing, f"no glyph for {missing}"
    name = register_fonts()
    pdf = folder / "字体 检查.pdf"
    page = canvas.Canvas(str(pdf))
    page.setFont(name, 14)
    page.drawString(72, 760, SAMPLE)
    page.save()
    data = pdf.read_bytes()
    assert b"/FontFile2" in data, "the PDF does not embed a TrueType font"
    return f"Qt: {FONT_FAMILY} covers the sample; {pdf.name}: {len(data)} bytes, font embedded"


def check_printing(folder: Path) -> str:
    from ui.printing import paint_pdf

    source = folder / "字体 检查.pdf"
    if not source.exists():
        check_fonts(folder)
    printers = QPrinterInfo.availablePrinterNames()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = folder / "打印 检查.pdf"
    target.unlink(missing_ok=True)
    printer.setOutputFileName(str(target))
    pages = paint_pdf(source, printer)
    assert pages == 1, f"{pages} pages printed"
    assert target.is_file() and target.stat().st_size > 1000, f"{target} not written"
    return f"{pages} page through QPrinter into {target.name}; printers here: {printers or 'none'}"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("data folder", check_data_folder),
    ("network paths", check_network_paths),
    ("file locking", check_file_locking),
    ("keyring", check_keyring),
    ("fonts", check_fonts),
    ("printing", check_printing),
]


def run_platform_check(folder: Path) -> int:
    """Run every check, writing into `folder` (made if missing); 0 if all passed."""
    from PySide6.QtWidgets import QApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - fonts and printers need it
    folder.mkdir(parents=True, exist_ok=True)
    print(f"platform-check: {sys.platform}, writing into {folder}", flush=True)
    failed = 0
    for name, check in CHECKS:
        try:
            seen = check(folder)
        except Exception as exc:  # noqa: BLE001 - every check runs; each failure is one line
            failed += 1
            print(f"platform-check: FAILED {name}: {type(exc).__name__}: {exc}", flush=True)
        else:
            print(f"platform-check: ok {name}: {seen}", flush=True)
    print(f"platform-check: {len(CHECKS) - failed} of {len(CHECKS)} passed", flush=True)
    return 1 if failed else 0
