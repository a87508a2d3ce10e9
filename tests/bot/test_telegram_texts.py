"""The Telegram channel's catalogue: every sentence in both languages, Mongolian in its script."""

from __future__ import annotations

import re
import string

import pytest

from bot.telegram.texts import MN, ZH, main_actions, say

MONGOLIAN_LETTERS = re.compile("[\u1820-\u18af]")
CJK = re.compile("[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogues_have_the_same_sentences_and_blanks() -> None:
    assert ZH.keys() == MN.keys()
    for key in ZH:
        assert _fields(ZH[key]) == _fields(MN[key]), key


@pytest.mark.parametrize("key", sorted(MN))
def test_mongolian_is_in_traditional_script(key: str) -> None:
    text = MN[key]
    assert MONGOLIAN_LETTERS.search(text), key
    assert not CJK.search(text), key
    assert not re.search("[\u0400-\u04ff]", text), key  # not Cyrillic


def test_sentences_are_short() -> None:
    """Elders read (or hear) one short sentence or two, not paragraphs."""
    assert all(len(text) <= 80 for text in ZH.values())
    assert all(len(text) <= 80 for text in MN.values())


def test_say_fills_blanks_and_falls_back_to_mandarin() -> None:
    assert say("registered", "zh", name="王秀兰").startswith("登记好了，王秀兰")
    assert say("ask_name", "xx") == ZH["ask_name"]
    assert main_actions("mn") == [
        MN["btn_menu"],
        MN["btn_order"],
        MN["btn_orders"],
        MN["btn_repeat"],
    ]
