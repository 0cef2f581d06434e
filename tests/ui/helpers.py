"""Helpers for driving widgets like a clerk.

Never `qtbot.keyClicks(w, "张三")`: any non-ASCII character aborts the process
(TOOLCHAIN trap 2).  Type with key events that carry their text, or commit
through the input method as a pinyin IME does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (events carry the text, so Chinese works)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def ime_commit(widget: QWidget, text: str) -> None:
    """Commit `text` in one go, as an input method does after the clerk picks the characters."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clear(widget: QLineEdit) -> None:
    """Select all and delete, with keys."""
    widget.setFocus()
    widget.selectAll()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))


def retype(widget: QLineEdit, text: str) -> None:
    clear(widget)
    type_text(widget, text)


def make_id_no(n: int, *, region: str = "110101", birth: str = "19900307") -> str:
    """A valid resident ID number, different for each n < 1000."""
    from stdnum.cn import ric

    body = f"{region}{birth}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def wrong_check_digit(id_no: str) -> str:
    """The same number with a wrong check character."""
    last = id_no[-1]
    return id_no[:-1] + ("1" if last != "1" else "2")


SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def seed_parties(store, count: int, *, actor=None) -> None:
    """`count` people with Chinese names and valid ID numbers, imported in one go."""
    from app.accounts.actor import setup_actor
    from app.parties.service import PartyService

    records = []
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[i % 7]
        birth = f"19{60 + i % 40:02d}0{1 + i % 9}1{i % 9}"
        records.append(
            (i + 2, {"kind": "person", "name": name, "id_no": make_id_no(i % 1000, birth=birth, region=["110101", "440305", "510104"][i // 1000 % 3]),
                     "phone": f"139{i:08d}", "is_migrant_worker": i % 3 == 0})
        )
    PartyService(store, actor or setup_actor()).import_records(records, total=count)


def install_chinese(app):
    """Install the program's zh_CN translators into `app`; returns them (remove after)."""
    from ui.application import install_translators

    return install_translators(app, "zh_CN")


def remove_translators(app, translators) -> None:
    for translator in translators:
        app.removeTranslator(translator)
