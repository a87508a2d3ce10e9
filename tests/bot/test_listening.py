"""What the bot listens for and the buttons it offers agree: every Mongolian button is a word
the NLU understands, and the agree buttons are among the fixed phrases heard."""

from __future__ import annotations

from datetime import date

import pytest

from bot.listening import AGREE, DISAGREE
from menus.catalogue import (
    AGREE_CHOICES,
    MAIN_CHOICES,
    MEALS,
    MODES,
    PUBLISH,
    SPOKEN,
    YES_NO,
    choices,
)
from nlu.menu import MenuNames
from nlu.parser import Parser

PARSER = Parser(MenuNames(()))
TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("buttons", "wanted"),
    [
        (choices(YES_NO, "mn"), [("affirm", None), ("deny", None)]),
        (choices(MEALS, "mn"), [("inform", ("meal", "lunch")), ("inform", ("meal", "dinner"))]),
        (
            choices(MODES, "mn"),
            [
                ("choose_fulfillment", ("fulfillment", "delivery")),
                ("choose_fulfillment", ("fulfillment", "pickup")),
                ("choose_fulfillment", ("fulfillment", "dine_in")),
            ],
        ),
        (
            choices(MAIN_CHOICES, "mn"),
            [("ask_menu", None), ("order_meal", None), ("check_order", None), ("repeat", None)],
        ),
        (choices(AGREE_CHOICES, "mn"), [("affirm", None), ("deny", None)]),
        (choices(PUBLISH, "mn")[1:], [("deny", None)]),
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
    for lang in SPOKEN:
        yes, no = choices(AGREE_CHOICES, lang)
        assert yes in AGREE and no in DISAGREE, lang
