"""Issue 17: the file dialogs open where the last file of the same kind went, also after a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui import file_dialogs


class FakeUser:
    """Stands in for the clerk at Qt's dialog: notes where it opened, then picks `answer`."""

    def __init__(self, monkeypatch) -> None:
        self.opened_in: list[Path] = []
        self.answer: Path | None = None
        monkeypatch.setattr(QFileDialog, "exec", lambda dialog: self._exec(dialog))
        monkeypatch.setattr(QFileDialog, "selectedFiles", lambda dialog: [str(self.answer)])

    def _exec(self, dialog: QFileDialog) -> QFileDialog.DialogCode:
        self.opened_in.append(Path(dialog.directory().absolutePath()))
        return QFileDialog.DialogCode.Accepted


def test_each_kind_of_file_opens_in_its_last_folder_across_restarts(qtbot, tmp_path, monkeypatch) -> None:
    home = tmp_path / "home"
    exports, imports, documents, backups = (tmp_path / n for n in ("导出", "台账", "文书", "备份"))
    for folder in (home, exports, imports, documents, backups):
        folder.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    user = FakeUser(monkeypatch)

    # the first time, everything opens in the home folder
    user.answer = exports / "投诉.xlsx"
    assert file_dialogs.choose_save_path(None, "导出", "投诉.xlsx", "Excel (*.xlsx)") == user.answer
    user.answer = imports / "台账.xlsx"
    assert file_dialogs.choose_open_path(None, "导入", "Excel (*.xlsx)") == user.answer
    user.answer = documents / "决定书.pdf"
    file_dialogs.choose_save_path(None, "保存PDF", "决定书.pdf", "PDF (*.pdf)")
    user.answer = backups
    file_dialogs.choose_folder(None, "备份到", kind="backups")
    assert user.opened_in == [home] * 4

    # a restart: nothing is kept in memory, the settings file in the data folder holds the folders
    from ui.lists.table_view import layout_settings

    assert Path(layout_settings().fileName()).is_file()
    user.opened_in.clear()
    user.answer = exports / "名册.xlsx"
    file_dialogs.choose_save_path(None, "导出", "名册.xlsx", "Excel (*.xlsx)")
    user.answer = imports / "第二批.xlsx"
    file_dialogs.choose_open_path(None, "导入", "Excel (*.xlsx)")
    user.answer = documents / "通知书.pdf"
    file_dialogs.choose_save_path(None, "保存PDF", "通知书.pdf", "PDF (*.pdf)")
    user.answer = backups / "renshe.db"
    file_dialogs.choose_backup_file(None, "恢复", "备份 (*.db)")
    assert user.opened_in == [exports, imports, documents, backups]


def test_a_folder_that_is_gone_falls_back_to_home_and_a_cancel_remembers_nothing(qtbot, tmp_path, monkeypatch) -> None:
    home, stick = tmp_path / "home", tmp_path / "U盘"
    home.mkdir()
    stick.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    file_dialogs.remember_folder("exports", stick)
    assert file_dialogs.last_folder("exports") == stick
    stick.rmdir()  # the USB stick was taken out
    assert file_dialogs.last_folder("exports") == home

    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: QFileDialog.DialogCode.Rejected)
    assert file_dialogs.choose_open_path(None, "导入", "Excel (*.xlsx)") is None
    assert file_dialogs.last_folder("imports") == home


def test_the_kind_follows_what_the_dialog_lists() -> None:
    kind = file_dialogs.kind_of
    assert kind("Excel (*.xlsx)", save=True) == "exports"
    assert kind("Excel (*.xlsx)", save=False) == "imports"
    assert kind("PDF (*.pdf)", save=True) == "documents"
    assert kind("交换包 / bundle (*.rsx)", save=False) == "exchange"
    assert kind("All files (*)", save=False) == "files"
