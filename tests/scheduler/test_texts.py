"""The scheduler's sentences: both languages complete, Mongolian in traditional script."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from menus.spoken import spoken_number
from scheduler.texts import MN, ZH, day_word, meal_word, say, spoken_yuan

HAN = re.compile(r"[\u4e00-\u9fff]")
MONGOLIAN = re.compile(r"[\u1800-\u18af]")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_sentence_exists_in_both_languages_with_the_same_blanks() -> None:
    assert set(MN) == set(ZH)
    for key in ZH:
        assert _fields(MN[key]) == _fields(ZH[key]), key


@pytest.mark.parametrize("key", sorted(k for k in MN if MN[k] != "-"))
def test_mongolian_is_traditional_script_without_han(key: str) -> None:
    assert MONGOLIAN.search(MN[key]) and not HAN.search(MN[key])


def test_days_meals_and_money_as_people_say_them() -> None:
    today = date(2026, 12, 1)
    assert day_word("zh", date(2026, 12, 2), today) == "明天"
    assert day_word("zh", date(2026, 11, 30), today) == "昨天"
    assert day_word("zh", date(2027, 1, 5), today) == "1月5号"
    assert day_word("mn", date(2026, 12, 2), today) == "ᠮᠠᠷᠭᠠᠰᠢ"
    assert meal_word("zh", "lunch") == "中午"
    assert spoken_yuan(1200) == "十二块钱"
    assert spoken_yuan(1250) == "十二块五"
    assert spoken_yuan(50) == "五毛"
    assert spoken_yuan(1250, "mn") == "12.5 ᠶᠤᠸᠠᠨ"
    assert [spoken_number(n) for n in (2, 12, 105, 2005)] == ["两", "十二", "一百零五", "两千零五"]


def test_an_unknown_language_falls_back_to_mandarin() -> None:
    assert say("en", "reminder_yes") == "要订"
