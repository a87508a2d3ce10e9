"""Numbers as elders say them: 俩, 仨, 两, 十二, 二十五, full-width or Arabic digits."""

from __future__ import annotations

import re

DIGIT = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
         "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
UNIT = {"十": 10, "百": 100}
NUMBER_RE = re.compile(r"[0-9]+|[零〇一幺二两俩三仨四五六七八九十百]+")


def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 二十五 → 25, 一百零五 → 105, 两 → 2, 12 → 12; ``None`` if not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, None
    for char in text:
        if char in DIGIT:
            if current is not None and current != 0 and char != "零":
                # 一二 is not a number we read (too ambiguous): give up
                return None
            current = DIGIT[char]
        elif char in UNIT:
            total += (current if current is not None else 1) * UNIT[char]
            current = None
        else:
            return None
    if current:
        total += current
    return total


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """``(value, start, end)`` of every number in the text."""
    found = []
    for match in NUMBER_RE.finditer(text):
        value = chinese_to_int(match.group())
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found
