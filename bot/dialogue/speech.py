"""How a person wants to be spoken to: 说慢点 / 说快点 / 大声点 (the voice's rate and loudness,
kept in their settings for every spoken reply after) and 说短点 / 说详细点 (short replies, kept
with their conversation). Heard before the NLU in a short utterance; the last reply is then
said again the way they asked."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.dialogue.context import Turn
from bot.listening import SPEECH_WISHES
from bot.turn import Reply
from menus.catalogue import say
from menus.db import unit_of_work
from menus.settings import change_speech
from menus.spoken import SYLLABLE_LIMIT, syllables
from nlu.text import clean

WISHES = {wish: re.compile("|".join(patterns)) for wish, patterns in SPEECH_WISHES.items()}
LONGEST = 16
"""A wish about speech is said on its own (你说慢点儿); a longer sentence is about more."""
LONG_REPLY = 40
"""Characters: a reply longer than this (a read-back with its price parts) is said in its short
form when asked for again: whoever asks 再说一遍 did not catch it whole."""


FILLER = re.compile(r"[\s，,。.！!？?、~～啊呀吧呢嘛哦噢嗯哎了点儿些]+")
NOT_HEARD = re.compile(r"^(啥|什么|你说啥|说啥|没听清|没听见|听不清|听不见)[？?，,。\s]")
"""啥？几张？大点声: a word half heard, echoed after 啥: nothing new is asked, the last reply
again."""


ECHOED_QUESTION = re.compile(r"^(几|多少|啥|什么|哪)[\u4e00-\u9fff]{0,2}$")
"""几张 / 多少钱 / 哪天: the part half heard, asked back."""


def half_heard(text: str) -> bool:
    """啥？几张？ / 什么？多少钱？ / 你说啥？: the last reply was not caught; nothing new is
    asked (a wish or an order after 啥 is understood as said)."""
    plain = clean(text)
    if not NOT_HEARD.match(plain + " "):
        return False
    rest = FILLER.sub("", NOT_HEARD.sub("", plain + " ", count=1))
    return not rest or ECHOED_QUESTION.match(rest) is not None


def wish_of(text: str) -> tuple[str, str] | None:
    """(slower, faster, louder, shorter or longer; what else was said) when ``text`` asks for
    it: 说慢点 alone, or 说慢点，羊背子多少钱 (the question is still to be answered)."""
    plain = clean(text).lower()
    if len(plain) > LONGEST:
        return None
    for wish, pattern in WISHES.items():
        if pattern.search(plain):
            rest = pattern.sub(" ", plain)  # 太长了，记不住: both say the one wish
            if NOT_HEARD.match(rest.strip() + " "):
                return wish, ""
            return wish, "" if len(FILLER.sub("", rest)) <= 2 else rest.strip(" ，,。")
    return None


def keep(turn: Turn, wish: str) -> None:
    """Keep the wish: short replies with the conversation, rate and loudness in the settings."""
    if wish in ("shorter", "longer"):
        turn.state.short = wish == "shorter"
    else:
        with unit_of_work(turn.store.factory) as session:
            change_speech(session, turn.person_id, wish, turn.now)


def change(turn: Turn, wish: str) -> Reply:
    """Keep the wish, say so, and say the last reply again as now wanted."""
    keep(turn, wish)
    told = say(f"speech_{wish}", turn.lang)
    last = _unacknowledged(turn.state.last, turn.lang)
    if last is None:
        return Reply(told)
    if wish == "longer":
        again = replace(last, text=last.full) if last.full else last
    else:
        again = as_wanted(turn, last, repeat=True)
    if syllables(told + again.text) > SYLLABLE_LIMIT:  # what changes is heard; no words on it
        told = ""
    return Reply(told + again.text, again.choices, again.inline)


def _unacknowledged(reply: Reply | None, lang: str) -> Reply | None:
    """The last reply without the words that took an earlier wish (大声点, then 说慢点: 好，我说
    慢一点。and the menu, never 好，我大声一点。 said again before it)."""
    if reply is None:
        return None
    for wish in WISHES:
        told = say(f"speech_{wish}", lang)
        if reply.text.startswith(told):
            return replace(
                reply,
                text=reply.text.removeprefix(told),
                short=reply.short.removeprefix(told) if reply.short else reply.short,
                full=reply.full.removeprefix(told) if reply.full else reply.full,
            )
    return reply


def as_wanted(turn: Turn, reply: Reply, *, repeat: bool = False) -> Reply:
    """``reply`` in its short form when the person asked for short replies, when a long reply
    is said again (a repeat of 60 characters is not what helps), or when an elder would hear
    more than the listening budget (说详细点 still says it whole)."""
    wants_short = turn.state.short or (repeat and len(reply.text) > LONG_REPLY)
    heard_long = turn.kind == "elder" and syllables(reply.text) > SYLLABLE_LIMIT
    if reply.short and (wants_short or heard_long):
        return replace(reply, text=reply.short)
    return reply
