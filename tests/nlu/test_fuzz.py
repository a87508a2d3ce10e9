"""Whatever is said, the parser answers in the contract's shape and never raises."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.entities import INTENTS
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

PARSER = Parser(
    MenuNames((DishNames("红烧肉", ("红烧五花肉",), "ᠭᠠᠷ ᠮᠢᠬᠠ", "гар мах"), DishNames("小米粥")))
)
pieces = st.sampled_from(
    [
        "明天",
        "中午",
        "两份",
        "红烧柔",
        "送过来",
        "十点半",
        "3号",
        "ᠭᠠᠷ",
        "\u180e",
        "\u202f",
        "хоёр",
        "不",
        "吗",
        "😀",
        "\x00",
        "\u200b",
        "12月",
        "俩",
        "周",
        "下",
        "号",
        " ",
        "，",
    ]
)
texts = st.one_of(st.text(max_size=200), st.lists(pieces, max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_gets_a_well_formed_answer(text: str) -> None:
    """An intent from the list, a confidence in [0, 1], spans inside the text."""
    result = PARSER.parse(text, today=date(2026, 12, 1))
    assert result["intent"]["name"] in INTENTS
    assert 0.0 <= result["intent"]["confidence"] <= 1.0
    for entity in result["entities"]:
        if "start" in entity:
            assert 0 <= entity["start"] < entity["end"] <= len(result["text"])
        if entity["entity"] == "quantity":
            assert isinstance(entity["value"], int) and entity["value"] > 0
