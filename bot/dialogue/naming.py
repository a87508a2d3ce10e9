"""A dish named by a part of its name, as people shorten names in talk: 牛肉 for 土豆炖牛肉, 汤 for
紫菜蛋花汤, 那个粥 for the 小米粥 just offered. Only among the few dishes in view (the order
being told, the dishes just listed), and only when the part fits exactly one of them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

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


REFUSED_AFTER = re.compile(r"^[就也还都]?(不要|不用|甭要|去掉|算了|别要)(?!太|那么|放|加|紧|钱)")
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


def without_forms(text: str, forms: Iterable[str | None]) -> str:
    """``text`` with these whole names taken out, the longest first (紫菜蛋花汤 before 蛋花汤;
    ᠵᠥᠭᠡᠯᠡᠨ ᠳᠦᠹᠦ whole, never a piece of another word)."""
    for form in sorted((f for f in forms if f), key=len, reverse=True):
        text = text.replace(form, " ")
    return text


MONGOLIAN_WORD = re.compile(r"[\u0400-\u04ff\u1820-\u18af]{3,}")
ENDINGS = frozenset(
    [
        "тай",
        "тэй",
        "той",
        "ын",
        "ийн",
        "ны",
        "ний",
        "н",
        "ыг",
        "ийг",
        "г",
        "д",
        "т",
        "аас",
        "ээс",
        "оос",
        "аар",
        "ээр",
        "оор",
    ]
)
"""Endings after a word of a dish's name (шар тос → шар тостой): a shorter word and a longer one
are the same word when the rest is one of these, or when they share five letters or more (хуу,
a son, is no хуушуур)."""
LINKING_WORDS = frozenset({"ᠲᠠᠢ", "ᠲᠡᠢ", "ᠶᠢᠨ", "ᠢᠶᠠᠨ", "ᠪᠠᠨ", "ᠡᠴᠡ", "ᠠᠴᠠ"})
"""Traditional-script endings written as words of their own: never what names a dish."""


STAYS = re.compile(
    r"留着|保留|不变|照常|照旧|不取消|别取消|不动|别动|还要|үлдээ|хэвээр"
    r"|ᠦᠯᠡᠳᠡᠭᠡ|ᠬᠡᠪ ᠢᠶᠡᠷ|ᠬᠡᠪᠡᠷ"
)
"""A clause about an order that stays (今天晚上的留着 / өнөөдрийнх хэвээр / ᠴᠠᠢ ᠨᠢ ᠬᠡᠪᠡᠷ ᠢᠶᠡᠨ)."""
_MN_CLAUSES = re.compile(r"[，,。.；;！!？?\u1802\u1803\u1808\u1809]+")


def outside_kept(text: str) -> str:
    """The Mongolian sentence without its clauses that keep a dish as it is (ᠴᠠᠢ ᠨᠢ ᠬᠡᠪᠡᠷ
    ᠢᠶᠡᠨ: the tea stays): a dish named there is not the one changed."""
    return " ".join(c for c in _MN_CLAUSES.split(text) if not STAYS.search(c))


def named_by_mongolian_part(
    text: str, names: Mapping[str, Iterable[str]], said: Iterable[str] = ()
) -> str | None:
    """The one dish of ``names`` (its Mongolian names, both scripts) that ``text`` names by a
    word of one of them, a word that is no word of a dish ``said`` whole (шар тос аавын даралтад
    муу. Түүний оронд шар будааны зутан: шар is the millet porridge's too, тос only the
    butter porridge's); None when none or several fit."""
    heard = _words(text)
    said = list(said)
    taken = {w for s in said for n in names.get(s, ()) for w in _words(n)}
    found = {
        name
        for name, mongolian in names.items()
        if name not in said
        and any(
            w not in taken and any(_same_word(w, h) for h in heard)
            for n in mongolian
            for w in _words(n)
        )
    }
    return found.pop() if len(found) == 1 else None


def _same_word(word: str, heard: str) -> bool:
    short, long = sorted((word, heard), key=len)
    if short == long:
        return True
    if len(short) < 3 or not long.startswith(short):
        return False
    return long[len(short) :] in ENDINGS or len(short) >= 5


PLAIN_VOWELS = str.maketrans("өү", "оу")
"""Cyrillic typed without Mongolian letters (шол for шөл) is compared as such."""


def _words(name: str) -> set[str]:
    words = {w.lower().translate(PLAIN_VOWELS) for w in MONGOLIAN_WORD.findall(name)}
    return words - LINKING_WORDS
