"""The catalogues: every Mandarin sentence has a Mongolian one with the same blanks, written in
traditional script; the button answers are words the NLU understands in each language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.replies import (
    AGREE,
    AGREE_CHOICES,
    DISAGREE,
    MAIN_CHOICES,
    MEALS,
    MN,
    MODES,
    PUBLISH,
    WORDS,
    YES_NO,
    ZH,
    say,
)
from nlu.menu import MenuNames
from nlu.parser import Parser

BLANK = re.compile(r"\{(\w+)\}")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
TRADITIONAL = re.compile(r"[\u1820-\u18aa]")
# Canteen staff commands are matched in Mandarin, so the Mongolian help quotes them as they are.
QUOTES_MANDARIN = {"staff_help"}


@pytest.mark.parametrize("key", sorted(ZH))
def test_every_sentence_has_a_mongolian_one_with_the_same_blanks(key: str) -> None:
    assert key in MN, f"no Mongolian for {key!r}"
    assert set(BLANK.findall(MN[key])) == set(BLANK.findall(ZH[key]))


@pytest.mark.parametrize("key", sorted(MN))
def test_mongolian_is_in_traditional_script(key: str) -> None:
    text = BLANK.sub("", MN[key])
    assert not CYRILLIC.search(text)
    if key not in QUOTES_MANDARIN:
        assert not HAN.search(text), key
    words = re.sub(r"[\s\d:;,.()（）\-«»/…᠂᠃᠐-᠙]", "", text)
    if words:
        assert TRADITIONAL.search(words), key


def test_every_word_table_has_mongolian_for_every_value() -> None:
    for kind, table in WORDS["zh"].items():
        assert set(WORDS["mn"][kind]) == set(table), kind
        for value in WORDS["mn"][kind].values():
            assert TRADITIONAL.search(value) and not HAN.search(value)


def test_say_falls_back_to_mandarin_for_another_language() -> None:
    assert say("ok", "en") == ZH["ok"]


PARSER = Parser(MenuNames(()))
TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("buttons", "wanted"),
    [
        (YES_NO["mn"], [("affirm", None), ("deny", None)]),
        (MEALS["mn"], [("inform", ("meal", "lunch")), ("inform", ("meal", "dinner"))]),
        (
            MODES["mn"],
            [
                ("choose_fulfillment", ("fulfillment", "delivery")),
                ("choose_fulfillment", ("fulfillment", "pickup")),
                ("choose_fulfillment", ("fulfillment", "dine_in")),
            ],
        ),
        (
            list(MAIN_CHOICES["mn"].values()),
            [("ask_menu", None), ("order_meal", None), ("check_order", None), ("repeat", None)],
        ),
        (AGREE_CHOICES["mn"], [("affirm", None), ("deny", None)]),
        (PUBLISH["mn"][1:], [("deny", None)]),
    ],
)
def test_mongolian_buttons_are_understood(
    buttons: list[str], wanted: list[tuple[str, tuple[str, str] | None]]
) -> None:
    for text, (intent, entity) in zip(buttons, wanted, strict=True):
        parsed = PARSER.parse(text, today=TODAY)
        assert parsed["intent"]["name"] == intent, text
        if entity:
            assert (parsed["entities"][0]["entity"], parsed["entities"][0]["value"]) == entity


def test_agree_buttons_are_the_fixed_phrases_heard() -> None:
    for lang, (yes, no) in AGREE_CHOICES.items():
        assert yes in AGREE and no in DISAGREE, lang
