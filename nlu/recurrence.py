"""Hearing a wish for repeated meals (每天, 工作日, 这礼拜每天, 下周一到周五, 老样子; өдөр бүр,
ᠡᠳᠦᠷ ᠪᠦᠷᠢ): an order for every day is not an order for one day, and must never be placed as
one. A rule over word classes, like ``nlu.emergency``."""

from __future__ import annotations

import re

from nlu.text import clean, fold

_ZH = (
    r"每天|天天|每日|每顿|工作日|每个?(礼拜|星期|周)[一二三四五六日天]?|"
    r"(这|下|本)(礼拜|星期|周)(每天|都|一到|1到)|(周|星期|礼拜)[一二三四五六日天]到(周|星期|礼拜)?[一二三四五六日天]|"
    r"长期|以后都|往后(每天|都)|老样子|跟(昨天|上次|平时)一样|照旧"
)
_MN = (
    "өдөр бүр",
    "ᠡᠳᠦᠷ ᠪᠦᠷᠢ",
    "өдөр болгон",
    "долоо хоног бүр",
    "ажлын өдөр",
    "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ",
    "өмнөхтэй адил",
    "урьдын адил",
)  # fmt: skip (тус бүр is "each", not "every day")
ZH = re.compile(_ZH)
MN = tuple(fold(clean(word)) for word in _MN)


def heard(text: str) -> bool:
    """Whether ``text`` asks for meals on more than one day (a standing order)."""
    plain = clean(text)
    spaced = f" {fold(plain)} "
    return bool(ZH.search(plain)) or any(f" {word} " in spaced for word in MN)
