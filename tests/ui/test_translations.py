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
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> ET.ElementTree:
    work = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, work)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(work), "-target-language", "zh_CN", "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    return ET.parse(work)


def _messages(tree: ET.ElementTree):  # type: ignore[no-untyped-def]
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            yield name, message


def test_every_source_string_is_translated(regenerated: ET.ElementTree) -> None:
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


def test_committed_qm_is_loadable_and_current(regenerated: ET.ElementTree) -> None:
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
