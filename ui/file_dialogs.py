"""The program's one file dialog: Qt's own widget dialog, made safe beside an open SQLite database.

Why: when anything in a process opens and closes a SQLite database file (or
its -wal/-shm), the kernel drops every POSIX lock the process holds on it, and
another process may then checkpoint and delete the WAL under the open program
(SQLite's "How to corrupt", §2.2).  Qt's file dialog did exactly that: to show
the "Type" of each file it asked QMimeDatabase, which opened every file of the
folder to sniff its content — the database, its -wal and its -shm included.

So the dialog here (a) is Qt's non-native dialog, so no platform dialog code
runs in our process; (b) has an icon provider that names icons and types from
the file name alone, never from the content; (c) hides the database files and
their companions, and refuses them if typed in; and (d) is the only one the
program uses (every `choose_*_path` seam ends here).

Each kind of file opens where the user last put or took one of that kind, also
after a restart (issue 17): exports, documents (PDF), imports, backups, the
exchange's keys and bundles, other files, folders.  The folders are kept in the
data folder's layout.ini (`file_dialogs/<kind>`); a folder that is gone falls
back to the home folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QMessageBox, QWidget

# Files SQLite opens for a database: the database itself and its companions.
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db3")
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def is_database_file(name: str) -> bool:
    """Whether a file name is (or belongs to) a SQLite database, judged by the name only."""
    lowered = name.lower()
    for companion in COMPANION_SUFFIXES:
        if lowered.endswith(companion):
            return True
    return lowered.endswith(DATABASE_SUFFIXES)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name alone: never opens a file to sniff it."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)

    def icon(self, what: Any) -> Any:  # both overloads: IconType and QFileInfo
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        return suffix.upper() if suffix else QCoreApplication.translate("FileDialogs", "File")


class HideDatabaseFiles(QSortFilterProxyModel):
    """Leaves SQLite databases and their -wal/-shm/-journal out of the listing."""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QFileSystemModel):
            return True
        index = model.index(source_row, 0, source_parent)
        return model.isDir(index) or not is_database_file(model.fileName(index))


FOLDER_KINDS = ("exports", "documents", "imports", "backups", "exchange", "files", "folders")
_EXCHANGE_PATTERNS = ("*.rsx", "*.key")


def kind_of(name_filter: str, *, save: bool) -> str:
    """Which kind of file a dialog is for, from what it lists: the kinds whose last folders are remembered."""
    lowered = name_filter.lower()
    if any(p in lowered for p in _EXCHANGE_PATTERNS):
        return "exchange"
    if "*.pdf" in lowered:
        return "documents" if save else "files"
    if "*.xlsx" in lowered:
        return "exports" if save else "imports"
    return "files"


def _settings() -> Any:
    from ui.lists.table_view import layout_settings

    return layout_settings()


def last_folder(kind: str) -> Path:
    """The folder the last file of this kind went to or came from, else the home folder."""
    value = _settings().value(f"file_dialogs/{kind}")
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return Path.home()


def remember_folder(kind: str, folder: Path) -> None:
    settings = _settings()
    settings.setValue(f"file_dialogs/{kind}", str(folder))
    settings.sync()


def make_file_dialog(parent: QWidget | None, caption: str, start: str, name_filter: str, *, save: bool,
                     show_databases: bool = False) -> QFileDialog:
    dialog = QFileDialog(parent, caption, start, name_filter)
    dialog.setObjectName("file_dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    proxy = None if show_databases else HideDatabaseFiles(dialog)
    if proxy is not None:
        dialog.setProxyModel(proxy)
    # Qt does not own the icon provider: an attribute on the dialog keeps it alive as long as the
    # dialog; an instance attribute Qt's class does not declare cannot be typed, hence the ignore.
    dialog._keep_alive = (provider, proxy)  # type: ignore[attr-defined]
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(Path(start).name)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def _refuse_database(parent: QWidget | None, path: Path) -> None:
    box = QMessageBox(parent)
    box.setObjectName("database_file_refused")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("FileDialogs", "Renshe Desk"))
    box.setText(
        QCoreApplication.translate(
            "FileDialogs",
            "%1 is a database file. The program never opens a database file directly; "
            "copies of the database are made under System administration → Backup and restore.",
        ).replace("%1", path.name)
    )
    box.exec()


def _ask(dialog: QFileDialog, parent: QWidget | None, *, databases_allowed: bool = False,
         kind: str | None = None) -> Path | None:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
    finally:
        dialog.deleteLater()
    if not chosen or not chosen[0]:
        return None
    path = Path(chosen[0])
    if is_database_file(path.name) and not databases_allowed:
        _refuse_database(parent, path)
        return None
    if kind is not None:
        remember_folder(kind, path if path.is_dir() else path.parent)
    return path


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, name_filter: str) -> Path | None:
    """Where to write a file, or None if the user cancelled.  `suggested`: a name (put in the
    folder this kind of file last went to) or a full path."""
    kind = kind_of(name_filter, save=True)
    start = suggested if Path(suggested).is_absolute() else str(last_folder(kind) / suggested)
    return _ask(make_file_dialog(parent, caption, start, name_filter, save=True), parent, kind=kind)


def choose_open_path(parent: QWidget | None, caption: str, name_filter: str, start: str | None = None) -> Path | None:
    """Which file to read, or None if the user cancelled."""
    kind = kind_of(name_filter, save=False)
    dialog = make_file_dialog(parent, caption, start or str(last_folder(kind)), name_filter, save=False)
    return _ask(dialog, parent, kind=kind)


def choose_backup_file(parent: QWidget | None, caption: str, name_filter: str, start: str | None = None) -> Path | None:
    """A backup to restore from: database files are shown (a backup is one), still named by
    their file names only, so listing them opens none of them."""
    dialog = make_file_dialog(parent, caption, start or str(last_folder("backups")), name_filter, save=False,
                              show_databases=True)
    return _ask(dialog, parent, databases_allowed=True, kind="backups")


def choose_folder(parent: QWidget | None, caption: str, start: str | None = None, *,
                  kind: str = "folders") -> Path | None:
    """A folder (a USB stick, say), chosen in the same dialog that never opens a file."""
    dialog = make_file_dialog(parent, caption, start or str(last_folder(kind)), "", save=False)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _ask(dialog, parent, kind=kind)
