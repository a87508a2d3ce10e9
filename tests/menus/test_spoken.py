"""Numbers and money the way people say them."""

from __future__ import annotations

import pytest

from menus.spoken import (
    SYLLABLE_LIMIT,
    clock,
    count,
    money,
    number,
    spoken_number,
    spoken_yuan,
    syllables,
)


@pytest.mark.parametrize(
    ("n", "said"),
    [
        (1, "一"),
        (2, "两"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (200, "两百"),
        (2005, "两千零五"),
        (2345, "两千三百四十五"),
    ],
)
def test_counts(n: int, said: str) -> None:
    """俩 and 两 for two, 十二 not 一十二."""
    assert spoken_number(n) == said


@pytest.mark.parametrize(
    ("fen", "said"),
    [
        (1200, "十二块钱"),
        (1250, "十二块五"),
        (255, "两块五毛五"),
        (50, "五毛"),
        (5, "五分"),
        (1205, "十二块零五"),
        (200, "两块钱"),
        (0, "零元"),
    ],
)
def test_money(fen: int, said: str) -> None:
    """十二块五, not 12.50元."""
    assert spoken_yuan(fen) == said


def test_mongolian_writes_figures_in_mongolian_digits() -> None:
    assert money(1250, "mn") == "᠑᠒.᠕ ᠶᠤᠸᠠᠨ"
    assert money(2500, "mn") == "᠒᠕ ᠶᠤᠸᠠᠨ"
    assert money(1205, "mn") == "᠑᠒.᠐᠕ ᠶᠤᠸᠠᠨ"
    assert count(2, "mn") == number(2, "mn") == "᠒"
    assert clock("11:30", "mn") == "᠑᠑:᠓᠐"


def test_mandarin_says_them_and_other_languages_follow_mandarin() -> None:
    assert money(1250) == money(1250, "en") == "十二块五"
    assert count(2) == "两" and number(2) == "2"
    assert clock("16:00") == "下午四点"
    assert clock("07:30") == "早上七点半"
    assert clock("12:15") == "中午十二点十五分"


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        ("今天午饭有：手把肉三十块钱。", 14),  # a syllable per character, a beat per pause
        ("маргааш үдийн хоол", 5),  # мар-гааш ү-дийн хоол: long vowels are one
        ("ᠮᠠᠷᠭᠠᠰᠢ ᠦᠳᠡ", 5),  # traditional script, written vowels counted (long, never short)
        ("᠑᠒ ᠶᠤᠸᠠᠨ", 6),  # a figure: two per digit
        ("包主任 13704791003。", 15),  # a phone number, digit by digit
    ],
)
def test_syllables_count_what_is_heard_not_letters(text: str, heard: int) -> None:
    assert syllables(text) == heard


def test_a_mongolian_read_back_is_as_long_to_hear_as_a_mandarin_one() -> None:
    """Three times the letters, about the same syllables: why the spoken limit is in syllables."""
    zh = "明天午饭，送到家：羊肉汤一份、馒头两份。补贴后九块八，从卡上扣。要订吗？"
    mn = (
        "маргааш үдийн хоол, гэрт хүргэх: хонины шөл 1 хувь, мантуу 2 хувь. "
        "Татаастай 9.8 юань, картаас хасна. Захиалах уу?"
    )
    assert len(mn) >= 2 * len(zh)
    assert abs(syllables(mn) - syllables(zh)) <= 10
    assert syllables(zh) <= SYLLABLE_LIMIT and syllables(mn) <= SYLLABLE_LIMIT
