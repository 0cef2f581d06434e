"""Small pieces of wording that differ between the interface's languages."""

from __future__ import annotations


def list_separator(language: str) -> str:
    """Between names in a line: 张三、李四 in Chinese, "Zhang San, Li Si" in English."""
    return ", " if language == "en" else "、"


def bracketed(text: str, language: str) -> str:
    """A remark after a word: 张三（主办） in Chinese, "Zhang San (lead)" in English."""
    return f" ({text})" if language == "en" else f"（{text}）"


def item_separator(language: str) -> str:
    """Between the items of a line: "；" in Chinese, "; " in English."""
    return "; " if language == "en" else "；"


def wide_space(language: str) -> str:
    """The gap between the parts of a title: the ideographic space in Chinese, two spaces in English."""
    return "  " if language == "en" else "\u3000"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # Qt's name: lupdate looks for it
    """Mark `source` for translation in `context` and return it unchanged, as Qt's own does.

    lupdate finds the marked strings by this name; the word is translated where it is shown
    (`QCoreApplication.translate(context, source)`). PySide6's stub types the result as `object`,
    so the tables of words built with it could not say they hold strings.
    """
    return source
