"""The fixed phrases the dialogue listens for before the NLU (switching language, family
codes, yes or no to a family link, spoken replies on or off), matched on a cleaned key."""

from __future__ import annotations

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
