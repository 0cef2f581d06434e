"""Every source string of ui/ has a Simplified Chinese translation, and the shipped .qm matches it.

The check regenerates the .ts from the sources (pyside6-lupdate, on a copy in a
temporary folder) so a string added to the code but not to the translation
fails here, not in front of a clerk.  Fix: `make translations`, translate the
new entries in resources/translations/renshe_zh_CN.ts, `make translations` again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "renshe_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "renshe_zh_CN.qm"


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed")
    return found


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> ET.ElementTree[ET.Element]:
    work = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, work)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(work), "-target-language", "zh_CN", "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    return ET.parse(work)


def _messages(tree: ET.ElementTree[ET.Element]):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            yield name, message


def test_every_source_string_is_translated(regenerated: ET.ElementTree[ET.Element]) -> None:
    missing = []
    count = 0
    for context, message in _messages(regenerated):
        count += 1
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            missing.append(f"{context}: {message.findtext('source')!r}")
    assert count > 100
    assert not missing, "untranslated (run `make translations` and translate):\n" + "\n".join(missing)


def test_committed_qm_is_loadable_and_current(regenerated: ET.ElementTree[ET.Element]) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "zh_CN"
    stale = []
    for context, message in _messages(regenerated):
        if message.get("numerus") == "yes":
            expected = message.find("translation").findtext("numerusform")
            got = translator.translate(context, message.findtext("source"), None, 3)
            expected = expected.replace("%n", "3")
            got = got.replace("%n", "3")
        else:
            expected = message.findtext("translation")
            got = translator.translate(context, message.findtext("source"))
        if got != expected:
            stale.append(f"{context}: {message.findtext('source')!r} -> {got!r}, .ts says {expected!r}")
    assert not stale, "the .qm is older than the .ts; run `make translations`:\n" + "\n".join(stale)


def test_qt_own_file_dialog_speaks_chinese(qtbot, qapp) -> None:
    # Qt's qtbase_zh_CN.qm misses "&Look in:" and "Files of &type:" (their source texts
    # changed); resources/translations/qtfixes_zh_CN.qm fills the gap.
    from PySide6.QtWidgets import QFileDialog, QLabel

    from ui.application import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = QFileDialog(None, "保存", str(ROOT), "Excel (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"].startswith("查找范围")
        assert labels["fileTypeLabel"].startswith("文件类型")
        assert labels["fileNameLabel"].startswith("文件名")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("environment", "expected_lc_time"),
    [
        ({}, "zh_CN.UTF-8"),
        ({"LANG": "C.UTF-8"}, "zh_CN.UTF-8"),
        ({"LC_ALL": "POSIX"}, "zh_CN.UTF-8"),
        ({"LANG": "en_GB.UTF-8"}, None),  # the user's own choice stays
        ({"LC_TIME": "de_DE.UTF-8"}, "de_DE.UTF-8"),
    ],
)
def test_dates_in_qt_dialogs_follow_a_chinese_locale_when_the_machine_has_none(
    monkeypatch, environment, expected_lc_time
) -> None:
    from ui.application import give_qt_a_chinese_system_locale

    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", "linux")
    give_qt_a_chinese_system_locale("zh_CN")
    import os

    assert os.environ.get("LC_TIME") == expected_lc_time
