"""What a person asks for about themselves rather than an order: reminders, complaints and
praise (passed to the canteen), ratings, spoken replies, the language, and the small talk."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.dialogue.context import Turn
from bot.dialogue.state import Awaiting
from bot.dialogue.utterance import Intent, Utterance
from bot.dialogue.words import COMPLAINT_ONLY, key
from bot.phrasing import clock_words
from bot.turn import Reply
from menus.catalogue import MAIN_CHOICES, choices, say
from menus.db import unit_of_work
from menus.feedback import record, record_rating
from menus.models import Person, StaffMember
from menus.outbox import enqueue
from menus.scripts import CYRILLIC_MN, is_mongolian, script_of
from menus.settings import set_reminder, set_voice_replies

SMALL_TALK = {
    Intent.GREET: "greet",
    Intent.HELP: "help",
    Intent.THANK: "thanks",
    Intent.GOODBYE: "bye",
}


def small_talk(turn: Turn, said: Utterance) -> Reply:
    turn.state.misses = 0
    name = turn.store.address(turn.elder_id, turn.lang)  # 王奶奶, never the full name
    return Reply(say(SMALL_TALK[said.intent], turn.lang, name=name))


def ok(turn: Turn, said: Utterance) -> Reply:
    return Reply(say("ok", turn.lang))


def reminder(turn: Turn, said: Utterance) -> Reply:
    """每天下午四点提醒我: a daily ordering reminder for the speaker."""
    if said.time is None:
        turn.state.ask(Awaiting.REMINDER_TIME)
        return Reply(say("ask_reminder_time", turn.lang))
    with unit_of_work(turn.store.factory) as session:
        set_reminder(session, turn.person_id, said.time, turn.now)
    return Reply(say("reminder_set", turn.lang, time=clock_words(said.time, turn.lang)))


def complaint(turn: Turn, said: Utterance) -> Reply:
    return _feedback(turn, "complaint", said.text)


def praise(turn: Turn, said: Utterance) -> Reply:
    return _feedback(turn, "praise", said.text)


def _feedback(turn: Turn, kind: str, text: str) -> Reply:
    """A complaint or praise: stored, and passed to the canteen's staff through the outbox.
    A bare 我要投诉 first asks what was wrong."""
    plain = key(text).strip("，, ")
    if kind == "complaint" and (plain in COMPLAINT_ONLY or len(plain) <= 1):
        turn.state.ask(Awaiting.COMPLAINT)
        return Reply(say("ask_complaint", turn.lang))
    with unit_of_work(turn.store.factory) as session:
        canteen = turn.store.home(session, turn.elder_id)
        row = record(
            session,
            canteen_id=canteen.id,
            elder_id=turn.elder_id,
            author_id=turn.person_id,
            kind=kind,
            text=text,
            now=turn.now,
        )
        elder = session.get(Person, turn.elder_id)
        staff = session.scalars(
            select(StaffMember.person_id).where(StaffMember.canteen_id == canteen.id)
        )
        told = say(
            "feedback_to_staff",
            "zh",
            kind=say(kind, "zh"),
            id=row.id,
            elder=elder.name if elder else "",
            text=row.text,
        )
        for staff_id in staff:
            key_ = f"feedback-{row.id}-{staff_id}"
            enqueue(
                session, person_id=staff_id, kind="feedback", key=key_, text=told, due_at=turn.now
            )
    return Reply(say("complaint_stored" if kind == "complaint" else "praise_stored", turn.lang))


def rating(turn: Turn, stars: int) -> Reply | None:
    """A number answering the scheduler's after-meal question (昨天的饭菜怎么样？) while the
    dialogue's own last reply offered no numbered choices; otherwise None."""
    with unit_of_work(turn.store.factory) as session:
        if record_rating(session, turn.person_id, stars, turn.now) is None:
            return None
    return Reply(say("rating_thanks", turn.lang))


def voice_replies(turn: Turn, on: bool) -> Reply:
    """不要语音 / 要语音: whether replies to voice notes also come spoken."""
    with unit_of_work(turn.store.factory) as session:
        set_voice_replies(session, turn.person_id, on, turn.now)
    return Reply(say("voice_replies_on" if on else "voice_replies_off", turn.lang))


def switch_language(turn: Turn, lang: str) -> Reply:
    """说蒙古语 / 说汉语: the language asked for, kept even when they type the other one."""
    _keep_language(turn, lang)
    turn.state.lang_asked = True
    return Reply(say("lang_set", lang))


def follow_script(turn: Turn, text: str) -> None:
    """A Mongolian speaker is answered in the script they write in now: Cyrillic for Cyrillic,
    the traditional script for it, Mandarin for a sentence in Mandarin (晌午给俺来一份手把肉;
    a Chinese dish name alone changes nothing, nor Mandarin typed by someone who asked for
    Mongolian replies); kept for the scheduler's notices too. Mandarin
    speakers switch to Mongolian when they write a Mongolian sentence (not one word of it)."""
    script = script_of(text)
    if is_mongolian(turn.lang) and script is not None and script != turn.lang:
        _keep_language(turn, script)
    elif (
        is_mongolian(turn.lang)
        and script is None
        and not turn.state.lang_asked
        and (MANDARIN_SENTENCE.search(text))
    ):
        _keep_language(turn, "zh")
    elif turn.lang == "zh" and script is not None and len(MONGOLIAN_WORD.findall(text)) >= 3:
        _keep_language(turn, script)
    elif turn.lang == "mn" and script is None and len(LATIN_WORD.findall(text)) >= 2:
        _keep_language(turn, CYRILLIC_MN)  # unuudur oroin…: Cyrillic typed in Latin letters


MANDARIN_SENTENCE = re.compile(
    r"[\u4e00-\u9fff]*[我俺要来订送拿吃给的了吧吗呢啥多少几么][\u4e00-\u9fff]*"
    r"|今天|明天|后天|早上|中午|晚上|晌午|后晌|早饭|午饭|晚饭"
    r"|[一二两三四五六七八九十俩仨\d]\s*[份碗个盘]"
)
"""Words that make Mandarin text a sentence, not a dish's name said inside Mongolian: the
little words of a request, a day or a meal, a count with its measure (晚上 小米粥 一碗)."""
MONGOLIAN_WORD = re.compile(r"[\u1820-\u18af\u0400-\u04ff]{2,}")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
"""A Mongolian speaker typing in Latin letters writes Cyrillic Mongolian as it sounds: they
read Cyrillic, not the traditional script."""


def _keep_language(turn: Turn, lang: str) -> None:
    turn.state.lang = lang
    with unit_of_work(turn.store.factory) as session:
        person = session.get(Person, turn.person_id)
        if person is not None:
            person.lang = lang


def not_understood(turn: Turn, said: Utterance) -> Reply:
    """Ask again once in other words; the second time, offer the choices."""
    state = turn.state
    state.misses += 1
    if state.misses >= 2:
        state.misses = 0
        return Reply(say("choices", turn.lang), choices(MAIN_CHOICES, turn.lang))
    return Reply(say("not_understood", turn.lang))
