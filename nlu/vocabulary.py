"""The parser's Mandarin words, grouped by the part they play in a spoken sentence.

Why here: the voice grammar (``voice.grammar``) must hear the same words the parser
understands, or it produces sentences the parser misreads (a grammar that says 要两份 where
the parser listens for 来两份). The words live once, in ``nlu.lexicon_zh`` and ``nlu.roles``;
this module only sorts them into the classes a sentence is built from (a day, a meal, a count,
a refusal, a swap, a yes, a question…). The bot hands the result to the voice (``voice`` imports
nothing of ``nlu``), and a test walks the grammar's sentences through the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from nlu import lexicon_zh as lex
from nlu.numbers import DIGIT
from nlu.roles import ADD_WORDS, REFUSE_AFTER, REFUSE_BEFORE, SWAP_WORDS

SPOKEN_NUMBERS = (*(d for d in DIGIT if d not in "零〇幺俩仨"), "十")
"""Counts as people say them for portions, from the parser's own digits (一 … 九, 两, 十)."""
CARRYING_MEASURE = ("俩", "仨")
"""Counts that carry their own measure (俩 is 两个): said alone or with one."""
SPOKEN_MEASURES = ("份", "碗", "个", "盘", "笼", "杯", "块", "根", "盒", "两")
"""The measure words of ``lexicon_zh.MEASURE_WORDS`` that portions are counted in aloud."""
ORDER_VERBS = (
    "要", "来", "订", "点", "买", "整", "想吃", "想要", "我要", "我想吃", "我想要", "给我来",
    "给我", "给我订", "帮我订", "我订", "我想订", "订个", "来个", "要个", "就要",
    "那就来", "那就要", "就来",
)  # fmt: skip
"""How an order begins aloud: the ordering cues of ``lexicon_zh.INTENT_CUES`` with the
pronouns and adverbs people put before them."""
PARTICLES = ("了", "吗", "吧", "呢", "啊", "呀", "没", "没有", "不", "嘞", "的", "啦")
"""Sentence-final particles: they change no entity, and a question ends in one."""
FOR_WHOM = ("给", "帮", "替")
"""Before the person a meal is for (给我妈)."""
LINKS = ("和", "跟", "还有", "再", "加", "也")
"""Between two dishes or two counts."""


def _words(pairs: Sequence[tuple[str, object]]) -> tuple[str, ...]:
    """The words of a lexicon's (word, value) list, once each, in its order."""
    return tuple(dict.fromkeys(word for word, _ in pairs))


def _days() -> tuple[str, ...]:
    near = [word for word, offset in lex.RELATIVE_DAYS if offset >= -1]
    names = [d for d in lex.WEEKDAY_WORDS if not d.isdigit()]
    weekdays = [f"{week}{d}" for week in ("周", "星期", "礼拜") for d in names if d != "天"]
    weekdays += ["星期天", "礼拜天"]
    following = [f"下{w}" for w in weekdays]
    return tuple(dict.fromkeys([*near, *weekdays, *following, "这礼拜", "下礼拜", "每天"]))


def _cues() -> tuple[str, ...]:
    """Every cue of an intent other than ordering (which ``ORDER_VERBS`` carries), of two
    characters or more: a one-character cue (分, 香) heard alone is mostly a misheard syllable."""
    return tuple(
        dict.fromkeys(
            w for w, intent, _ in lex.INTENT_CUES if intent != "order_meal" and len(w) > 1
        )
    )


@cache
def spoken_classes_zh() -> dict[str, tuple[str, ...]]:
    """The Mandarin words a spoken sentence to the service is made of, by class.

    ``dish`` is not here: it is the menu's, given by whoever knows the menu."""
    return {
        "filler": tuple(dict.fromkeys((*lex.FILLERS, *lex.POLITE))),
        "day": _days(),
        "meal": _words(lex.MEALS),
        "de": ("的",),
        "verb": ORDER_VERBS,
        "qty": tuple(
            dict.fromkeys(
                [f"{n}{m}" for n in SPOKEN_NUMBERS for m in SPOKEN_MEASURES if n + m != "两两"]
                + [f"{n}{m}" for n in CARRYING_MEASURE for m in ("", "个", "碗", "份")]
                + list(SPOKEN_MEASURES[:4])
            )
        ),
        "each": ("各", "各来", "各要"),
        "link": LINKS,
        "add": ADD_WORDS,
        "refuse_before": REFUSE_BEFORE,
        "refuse_after": REFUSE_AFTER,
        "swap": SWAP_WORDS,
        "ba": ("把",),
        "not_but": ("不是", "是"),
        "mode": _words(lex.FULFILLMENT),
        "for_whom": FOR_WHOM,
        "whom": _words(lex.BENEFICIARY),
        "condition": _words(lex.CONDITIONS),
        "yes": lex.AFFIRM_WORDS,
        "no": lex.DENY_WORDS,
        "cue": _cues(),
        "particle": PARTICLES,
    }
