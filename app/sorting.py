"""Sort keys for Chinese names: by pinyin, as clerks' Excel sheets sort them.

SQLite (and PostgreSQL's C collation) would order Chinese by code point
(刘 < 南 < 张 < 李), which no clerk recognises.  We store the pinyin of each
name beside it and sort by that.  Surnames read differently from the common
reading of the same character (单 shàn, 曾 zēng …) are corrected for people.
"""

from __future__ import annotations

import os
from functools import lru_cache

SORT_KEY_LENGTH = 400

# Surnames whose reading differs from the character's most common one.
_SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "秘": "bi",
    "尉": "yu",
    "繁": "po",
    "员": "yun",
    "种": "chong",
    "召": "shao",
    "句": "gou",
    "折": "she",
    "粘": "nian",
    "阚": "kan",
    "隗": "wei",
    "过": "guo",
}
_COMPOUND_SURNAMES = {"尉迟": "yu chi", "万俟": "mo qi", "长孙": "zhang sun", "单于": "chan yu"}


@lru_cache(maxsize=4096)
def _pinyin(text: str) -> str:
    # pypinyin copies its dictionaries (megabytes) so that custom words can be added; we add none
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


@lru_cache(maxsize=16384)
def _character_pinyin(character: str) -> str:
    return _pinyin(character)


def _given_name(text: str) -> str:
    """A given name read character by character: names are not words, and the
    few thousand characters they use stay cached (a ledger of 100,000 workers
    has about as many different names)."""
    if all("\u3400" <= c <= "\u9fff" for c in text):
        return " ".join(_character_pinyin(c) for c in text)
    return _pinyin(text)


def name_sort_key(name: str, *, person: bool = False) -> str:
    """'张伟' → 'zhang wei'; letters and digits kept, lower-cased."""
    name = (name or "").strip()
    if not name:
        return ""
    if person:
        for compound, reading in _COMPOUND_SURNAMES.items():
            if name.startswith(compound):
                return _join(reading, _given_name(name[len(compound) :]))
        if name[0] in _SURNAME_READINGS:
            return _join(_SURNAME_READINGS[name[0]], _given_name(name[1:]))
        return _join(_given_name(name))
    return _join(_pinyin(name))


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p).lower()[:SORT_KEY_LENGTH]
