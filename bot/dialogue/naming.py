"""A dish named by a part of its name, as people shorten names in talk: 牛肉 for 土豆炖牛肉, 汤 for
紫菜蛋花汤, 那个粥 for the 小米粥 just offered. Only among the few dishes in view (the order
being told, the dishes just listed), and only when the part fits exactly one of them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import nlu.lexicon_zh as lex

HEADS = "汤粥面饭肉鱼蛋饼包饺菜羹"
"""Last characters that name a dish's kind (汤不要了: the soup in the order)."""


def parts_of(name: str) -> set[str]:
    """Every run of two characters or more of ``name``, and its last one if it names a kind."""
    parts = {name[i:j] for i in range(len(name)) for j in range(i + 2, len(name) + 1)}
    return parts | ({name[-1]} if name and name[-1] in HEADS else set())


NOT_DISH_WORDS = re.compile(
    "|".join(
        sorted(
            {word for word, _ in lex.MEALS if any(head in word for head in HEADS)}
            | {"订饭", "吃饭", "饭菜", "送饭", "做饭", "饭钱", "菜单", "点菜", "买菜", "外面"}
            | {"里面", "上面", "见面", "面前", "当面", "方面", "前面", "后面", "下面"},
            key=len,
            reverse=True,
        )
    )
)
"""Words holding a dish's kind that name no dish: 午饭 (a meal, not the 米饭), 菜单, 外面."""


def named_by_part(text: str, names: Iterable[str], said: Iterable[str] = ()) -> str | None:
    """The one dish of ``names`` that ``text`` names by a part of its name, a part that is no
    part of a dish ``said`` by its own name; None when none or several fit."""
    said, text = list(said), NOT_DISH_WORDS.sub(" ", text)
    return _the_one(names, said, lambda p: p in text)


def fitting(text: str, names: Iterable[str]) -> list[str]:
    """Every dish of ``names`` that ``text`` names by a part of its name (面 fits 牛肉面 and
    西红柿鸡蛋面), in the order given."""
    text = NOT_DISH_WORDS.sub(" ", text)
    return [name for name in names if any(p in text for p in parts_of(name))]


REFUSED_AFTER = re.compile(r"^[就也还都]?(不要|不用|甭要|去掉|算了|别要)")
"""What, right after a part of a dish's name, gives that dish up (那鱼不要了)."""
REFUSED_BEFORE = re.compile(r"(不要|甭要|去掉|别要|别给|不吃)(那个|这个|那|这)?$")
"""What, right before a part of a dish's name, gives that dish up (不要鱼了)."""


def refused_by_part(text: str, names: Iterable[str], said: Iterable[str] = ()) -> str | None:
    """Like ``named_by_part``, but only a part said right before or after a refusal (那鱼不要了
    换鸡蛋羹 米饭也换成馒头 / 不要鱼了: the fish goes too, though the rice was named whole)."""
    said, text = list(said), NOT_DISH_WORDS.sub(" ", text)
    return _the_one(
        names,
        said,
        lambda p: any(
            REFUSED_AFTER.match(text[m.end() :]) or REFUSED_BEFORE.search(text[: m.start()])
            for m in re.finditer(re.escape(p), text)
        ),
    )


def _the_one(names: Iterable[str], said: list[str], heard: Callable[[str], bool]) -> str | None:
    """The one dish of ``names`` (not said whole) with a part ``heard`` that is no part of a dish
    said whole; None when none or several."""
    found = {
        name
        for name in names
        if name not in said
        and any(heard(p) and not any(p in other for other in said) for p in parts_of(name))
    }
    return found.pop() if len(found) == 1 else None


def without_names(text: str, names: Iterable[str]) -> str:
    """``text`` with the parts of these dishes' names taken out (黄油炒米周 asks no question
    about 油: the 油 is the dish's own)."""
    for name in names:
        for part in sorted((p for p in parts_of(name) if len(p) >= 2), key=len, reverse=True):
            text = text.replace(part, " ")
    return text
