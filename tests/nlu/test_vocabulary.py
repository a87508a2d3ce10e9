"""One vocabulary: the voice grammar is built from the parser's words, so what the grammar lets
a recogniser write, the parser must read as meant. Each shape below is a path the grammar
allows (checked on ``voice.grammar.MANDARIN_FOLLOWS``); every word of each class in it is
tried, and the parse must carry the meaning the shape has. Demo menu, today 2026-12-01."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from nlu.parser import Parser
from nlu.vocabulary import spoken_classes_zh
from voice.grammar import MANDARIN_FOLLOWS, MANDARIN_REPEATS

TODAY = date(2026, 12, 1)
WORDS = spoken_classes_zh()
DISH, OTHER = "红烧肉", "鸡蛋羹"


def _allowed(shape: Sequence[str]) -> bool:
    """The shape is a path of the grammar from start to end, no class more often than allowed."""
    path = ["^", *shape, "$"]
    counts = {c: shape.count(c) for c in shape}
    within = all(n <= MANDARIN_REPEATS.get(c, 1) for c, n in counts.items())
    return within and all(b in MANDARIN_FOLLOWS[a] for a, b in itertools.pairwise(path))


def _dishes(result: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (str(e["value"]), str(e.get("role") or ""))
        for e in result["entities"]
        if e["entity"] == "dish"
    )


def _fill(shape: Sequence[str], cls: str, word: str) -> str:
    """The shape with ``word`` for ``cls`` and a plain word for every other class."""
    plain = {
        "qty": "一份", "verb": "要", "day": "明天", "meal": "中午", "ba": "把", "swap": "换成",
        "link": "和", "add": "再加", "filler": "那个", "mode": "送到家",
    }  # fmt: skip
    parts, dishes = [], iter([DISH, OTHER])
    for c in shape:
        parts.append(word if c == cls else next(dishes) if c == "dish" else plain[c])
    return "".join(parts)


SHAPES: list[tuple[tuple[str, ...], str, str, list[tuple[str, str]]]] = [
    # (shape, the class whose every word is tried, the intent, the dishes with their roles)
    (("verb", "qty", "dish"), "verb", "order_meal", [(DISH, "")]),
    (("verb", "qty", "dish"), "qty", "order_meal", [(DISH, "")]),
    (("day", "meal", "verb", "qty", "dish"), "day", "order_meal", [(DISH, "")]),
    (("day", "meal", "verb", "qty", "dish"), "meal", "order_meal", [(DISH, "")]),
    (("dish", "refuse_after"), "refuse_after", "", [(DISH, "remove")]),
    (("refuse_before", "dish"), "refuse_before", "", [(DISH, "remove")]),
    (("ba", "dish", "swap", "dish"), "swap", "", [(DISH, "replace_from"), (OTHER, "replace_to")]),
    (("add", "qty", "dish"), "add", "", [(DISH, "add")]),
    (("filler", "verb", "qty", "dish"), "filler", "order_meal", [(DISH, "")]),
    (("dish", "qty", "link", "dish", "qty"), "link", "", [(DISH, ""), (OTHER, "")]),
    (("dish", "qty"), "qty", "", [(DISH, "")]),
    (("verb", "qty", "dish", "mode"), "mode", "order_meal", [(DISH, "")]),
    (("yes",), "yes", "affirm", []),
    (("no",), "no", "deny", []),
]


@pytest.mark.parametrize(("shape", "cls", "intent", "dishes"), SHAPES, ids=lambda v: str(v))
def test_every_word_of_a_grammar_shape_is_read_as_meant(
    parser: Parser, shape: tuple[str, ...], cls: str, intent: str, dishes: list[tuple[str, str]]
) -> None:
    assert _allowed(shape), f"the grammar does not allow {shape}"
    misread = []
    for word in WORDS[cls]:
        text = _fill(shape, cls, word)
        result = parser.parse(text, today=TODAY)
        if (intent and result["intent"]["name"] != intent) or _dishes(result) != dishes:
            misread.append(f"{text} → {result['intent']['name']} {_dishes(result)}")
    assert not misread, "\n".join(misread)


def test_the_grammar_words_are_the_parsers() -> None:
    """The grammar's classes come from the parser's lexicon: no class is empty, no word is
    blank, and the words people say most are where the parser expects them."""
    assert all(WORDS.values()) and all(w.strip() for ws in WORDS.values() for w in ws)
    assert {"俩", "仨", "一份", "两碗", "个"} <= set(WORDS["qty"])
    assert {"不要了", "就算了"} <= set(WORDS["refuse_after"]) and "换成" in WORDS["swap"]
    assert {"再加", "还要"} <= set(WORDS["add"]) and "那个" in WORDS["filler"]
