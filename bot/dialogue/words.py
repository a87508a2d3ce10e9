"""The fixed phrases the dialogue listens for before the NLU (switching language, family
codes, yes or no to a family link, spoken replies on or off), matched on a cleaned key."""

from __future__ import annotations

import re

from bot.listening import (
    ACKNOWLEDGE,
    AGREE,
    ASK_LINK_CODE,
    DISAGREE,
    SAY_MANDARIN,
    SAY_MONGOLIAN,
    VOICE_OFF,
    VOICE_ON,
)
from bot.listening import (
    COMPLAINT_ONLY as _COMPLAINT_ONLY,
)
from nlu.text import clean, fold


def key(text: str) -> str:
    """A fixed phrase's matching key: cleaned, Mongolian folded, end punctuation dropped."""
    return fold(clean(text)).strip("。.!！?？ ᠃")


MN_TO_ASCII_DIGITS = str.maketrans("᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙", "0123456789")
MONGOLIAN = frozenset(map(key, SAY_MONGOLIAN))
MANDARIN = frozenset(map(key, SAY_MANDARIN))
LINK_CODE = frozenset(map(key, ASK_LINK_CODE))
AGREE_WORDS = frozenset(map(key, AGREE))
DISAGREE_WORDS = frozenset(map(key, DISAGREE))
VOICE_OFF_WORDS = frozenset(map(key, VOICE_OFF))
VOICE_ON_WORDS = frozenset(map(key, VOICE_ON))
COMPLAINT_ONLY = frozenset(map(key, _COMPLAINT_ONLY))
ACKNOWLEDGE_WORDS = frozenset(map(key, ACKNOWLEDGE))

KINDS: dict[str, tuple[str, ...]] = {
    "汤": ("soup",), "粥": ("porridge",), "稀": ("porridge", "soup"), "素": ("vegetarian",),
    "青菜": ("vegetarian",), "蔬菜": ("vegetarian",), "主食": ("staple",), "软": ("soft",),
    "烂": ("soft",), "鱼": ("fish",), "辣": ("spicy",), "清淡": ("low_salt",),
    "盐少": ("low_salt",), "少盐": ("low_salt",), "甜": ("sweet",),
    "шөл": ("soup",), "ᠰᠢᠯᠦ": ("soup",), "ногоо": ("vegetarian",), "ᠨᠣᠭᠤᠭ᠎ᠠ": ("vegetarian",),
    "зөөлөн": ("soft",), "ᠵᠥᠭᠡᠯᠡᠨ": ("soft",),
}  # fmt: skip
"""Words for a kind of dish (有啥汤, 有没有软的) and the menu tags that answer them."""
KIND_WORDS = {
    "汤": "汤", "粥": "粥", "稀": "稀的", "素": "素菜", "青菜": "青菜", "蔬菜": "蔬菜",
    "主食": "主食", "软": "软的", "烂": "软的", "鱼": "鱼", "辣": "辣的", "清淡": "清淡的",
    "盐少": "少盐的", "少盐": "少盐的", "甜": "甜的",
}  # fmt: skip
"""How a kind is said back (Mandarin; other languages say the word as heard)."""

SOFT = frozenset({"soft", "porridge"})
FACTS: dict[str, tuple[str, frozenset[str]]] = {
    "软": ("soft", SOFT), "烂": ("soft", SOFT), "好嚼": ("soft", SOFT),
    "刺": ("bones", frozenset({"bones"})),
    "辣": ("spicy", frozenset({"spicy"})), "咸": ("salty", frozenset({"salty"})),
    "甜": ("sweet", frozenset({"sweet"})), "油": ("fat", frozenset({"fried", "fat"})),
    "腻": ("fat", frozenset({"fried", "fat"})),
    # hard or chewy is answered by whether it is soft (硬不硬, 嚼得动吗, 咬得动不)
    "硬": ("soft", SOFT), "嚼得动": ("soft", SOFT), "咬得动": ("soft", SOFT),
    # Mongolian, Cyrillic (also typed with о/у for ө/ү) and traditional script: soft (or hard,
    # answered by whether it is soft), bones, spicy, salty, sweet, fatty.
    "зөөлөн": ("soft", SOFT), "зоолон": ("soft", SOFT), "хатуу": ("soft", SOFT),
    "ᠵᠥᠭᠡᠯᠡᠨ": ("soft", SOFT), "ᠬᠠᠲᠠᠭᠤ": ("soft", SOFT),
    "ястай": ("bones", frozenset({"bones"})), "ᠶᠠᠰᠤ": ("bones", frozenset({"bones"})),
    "халуун ногоо": ("spicy", frozenset({"spicy"})),
    "ᠬᠠᠯᠠᠭᠤᠨ ᠨᠣᠭᠣᠭ": ("spicy", frozenset({"spicy"})),
    "давс": ("salty", frozenset({"salty"})), "ᠳᠠᠪᠤᠰᠤ": ("salty", frozenset({"salty"})),
    "чихэр": ("sweet", frozenset({"sweet"})), "ᠴᠢᠬᠢᠷ": ("sweet", frozenset({"sweet"})),
    "өөх": ("fat", frozenset({"fried", "fat"})), "тос": ("fat", frozenset({"fried", "fat"})),
    "ᠥᠭᠡᠬᠦ": ("fat", frozenset({"fried", "fat"})), "ᠲᠣᠰᠣ": ("fat", frozenset({"fried", "fat"})),
}  # fmt: skip
"""A question about one dish (软不软, 有刺吗) and the tags that make the answer yes."""

ASKED_FOR = re.compile(
    r"(?:有没有|有没|还有|有)(?P<what>[\u4e00-\u9fff]{1,6}?)(?:吗|么|没有|不|呀|啊)?$"
)
"""有没有烧麦 / 有烧麦吗: the thing asked for, when it is not a dish on file."""
NOT_A_DISH = ("什么", "啥", "哪", "些", "吃的", "饭", "菜单", "好吃", "别的", "其他")
"""Words in 有没有… that ask for the menu or a choice, not for one dish."""
