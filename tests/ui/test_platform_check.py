"""`--platform-check FOLDER` (ui/platform_check.py): the checks the Windows build runs in the
built .exe under Wine, here on Linux; a failing check is one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from ui import platform_check


@pytest.fixture
def own_data_folder(tmp_path, monkeypatch):
    """platformdirs' user data folder under tmp_path (XDG_DATA_HOME), no RENSHE_DATA_DIR."""
    monkeypatch.delenv("RENSHE_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "renshe-desk"


def test_every_check_passes_and_writes_into_a_folder_with_chinese_and_a_space(
    qapp, tmp_path, own_data_folder, capsys
):
    folder = tmp_path / "张伟" / "案件 导出"

    assert main(["--platform-check", str(folder)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert "platform-check: 6 of 6 passed" in lines
    assert f"platform-check: ok data folder: {own_data_folder}" in lines
    assert any(line.startswith("platform-check: ok file locking: locked write refused") for line in lines)
    assert any("refused: 数据库" in line and "网络共享" in line for line in lines)
    font_pdf, printed_pdf = folder / "字体 检查.pdf", folder / "打印 检查.pdf"
    assert b"/FontFile2" in font_pdf.read_bytes()
    assert printed_pdf.read_bytes().startswith(b"%PDF") and printed_pdf.stat().st_size > 10_000


def test_a_failing_check_is_one_line_and_fails_the_run(qapp, tmp_path, own_data_folder, monkeypatch, capsys):
    def refuses_nothing(path: str, **_facts: object) -> bool:
        return False

    monkeypatch.setattr("app.store.location.is_network_path", refuses_nothing)

    assert platform_check.run_platform_check(tmp_path / "out") == 1

    lines = capsys.readouterr().out.splitlines()
    failed = [line for line in lines if line.startswith("platform-check: FAILED")]
    assert len(failed) == 1 and failed[0].startswith("platform-check: FAILED network paths:")
    assert "platform-check: 5 of 6 passed" in lines


def test_a_mapped_network_drive_named_by_the_caller_must_be_refused(qapp, tmp_path, own_data_folder, monkeypatch, capsys):
    # On Linux "N:\\renshe-desk.db" is no network path: the check must say so, not pass.
    monkeypatch.setenv(platform_check.NETWORK_DRIVE_ENV_VAR, "N:")

    with pytest.raises(AssertionError, match="mapped network drive"):
        platform_check.check_network_paths(Path(tmp_path))
