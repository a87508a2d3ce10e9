"""The dialogue: one turn in, one reply out, with the person's state kept in the store.

One engine for every channel (terminal, Telegram, the smart speaker). A turn is handled in
three steps: fixed phrases heard before the NLU (a numbered choice, a rating, switching
language or spoken replies), then the NLU (against the current menu) into a typed
``Utterance``, then the handler module of the speaker's role (``elder``, ``family`` for the
elder chosen, ``staff``). The draft carries its own idempotency key and a turn the channel's id
of the message: a second "yes", a retried update, or a crash between storing and replying never
makes a second order.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import (
    care,
    elder,
    emergency,
    family,
    ordering,
    several,
    speech,
    staff,
    staff_proxy,
)
from bot.dialogue.context import Turn
from bot.dialogue.state import Awaiting
from bot.dialogue.store import Store
from bot.dialogue.utterance import Intent, Utterance
from bot.dialogue.words import (
    LINK_CODE,
    MANDARIN,
    MN_TO_ASCII_DIGITS,
    MONGOLIAN,
    VOICE_OFF_WORDS,
    VOICE_ON_WORDS,
    key,
)
from bot.turn import Reply
from menus.catalogue import say
from menus.db import read_only
from menus.errors import DomainError
from menus.links import elders_of
from menus.scripts import script_of
from nlu.afterthoughts import word_spaces_closed
from nlu.emergency import heard as heard_emergency
from nlu.parser import Parser

log = logging.getLogger(__name__)

ASK_BELOW = 0.45
"""Under this confidence a yes, a cancel or a change is asked about again: on the dev sets the
parser is right about 60 % of the time below 0.5 and 98 % above 0.9 (bench/nlu.py)."""
ACTS = frozenset({Intent.AFFIRM, Intent.CANCEL_ORDER, Intent.CHANGE_ORDER})
ORDERING_INTENTS = frozenset(
    {Intent.ORDER_MEAL, Intent.INFORM, Intent.CHOOSE_FULFILLMENT, Intent.CHANGE_ORDER}
)


class Dialogue:
    """Handles turns for every person, keeping each one's state in the ``conversations`` table."""

    def __init__(
        self, factory: sessionmaker[Session], *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """``clock`` (monotonic seconds) times the caches and the looks at the menu version."""
        self.factory = factory
        self.store = Store(factory, clock=clock)

    @property
    def parser(self) -> Parser:
        return self.store.parser

    def refresh_names(self) -> None:
        """Learn the dish names on file (again after a menu is published)."""
        self.store.refresh_names()

    # ------------------------------------------------------------------- one turn

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> Reply:
        """Understand one utterance and answer it; the state is stored before returning.
        A ``turn_id`` already handled gets the same reply again and changes nothing."""
        return self._run(person_id, now, turn_id, lambda turn: _turn(turn, text.strip()))

    def handle_file(
        self,
        person_id: int,
        filename: str,
        data: bytes,
        now: datetime,
        *,
        turn_id: str | None = None,
    ) -> Reply:
        """A file sent to the bot: canteen staff publish menus this way."""
        return self._run(
            person_id, now, turn_id, lambda turn: staff.menu_file(turn, filename, data)
        )

    def link_family(
        self, family_id: int, code: str, relation: str, now: datetime, *, turn_id: str | None = None
    ) -> Reply:
        """A family member gives an elder's one-time code; the elder is asked to confirm."""
        return self._run(
            family_id, now, turn_id, lambda turn: family.redeem(turn, code.strip(), relation)
        )

    def expected_answers(self, person_id: int) -> list[str]:
        """The answers the last reply offered (its buttons): what a listener such as the voice
        recogniser should expect next, without reading the stored state itself."""
        state = self.store.load_state(person_id)
        return list(state.last.choices) if state.last else []

    def language(self, person_id: int) -> str:
        """The language the person talks in now (the conversation's, else their profile's)."""
        return self.store.load_state(person_id).lang

    def awaiting(self, person_id: int) -> Awaiting | None:
        """What the last reply asked for, if anything."""
        return self.store.load_state(person_id).awaiting

    def _run(
        self, person_id: int, now: datetime, turn_id: str | None, act: Callable[[Turn], Reply]
    ) -> Reply:
        """One turn of one person, read, acted on and stored in one transaction that holds
        their lock (``Store.turn_of``): their messages handled at once by two processes are
        taken one after the other, and nothing of a failed turn is kept."""
        with self.store.turn_of(person_id) as store:
            state = store.load_state(person_id)
            replayed = state.replayed(turn_id)
            if replayed is not None:
                return replayed
            state.forget_if_stale(now)
            turn = Turn(store, person_id, store.kind(person_id), state, now)
            try:
                reply = act(turn)
            except DomainError as refused:
                reply = Reply(say("refused", turn.lang, message=ordering.why(refused, turn.lang)))
            except Exception:  # never show a person an exception; the log has no personal data
                log.exception("dialogue turn failed (person %s)", person_id)
                store.undo()
                return Reply(say("sorry", turn.lang), lang=turn.lang)
            reply.lang = turn.lang  # after the turn: a switch shows in the reply itself
            shown = speech.as_wanted(turn, reply)  # short, for those who asked for it
            state.remember(turn_id, shown, now, whole=reply)
            store.save_state(person_id, state, now)
            return shown


# ----------------------------------------------------------------------- a turn


def _turn(turn: Turn, text: str) -> Reply:
    """Fixed phrases first, then the NLU, then the speaker's role; 对的。再给我婆婆订… (a
    family member's yes, then an order for another elder) is two turns, in that order.
    Mandarin typed a word at a time (礼拜一 到 礼拜五, 天天 要) is read with those spaces closed,
    as the parser reads it, so every rule of the dialogue sees the words it knows."""
    both = _yes_then_another(turn, text)  # 对 再给 我妈 订…: split before the spaces close
    if both is not None:
        yes, rest = (word_spaces_closed(part)[0] for part in both)
        placed, more = _one_turn(turn, yes), _one_turn(turn, rest)
        return Reply(placed.text + more.text, more.choices, more.inline)
    return _one_turn(turn, word_spaces_closed(text)[0])


YES_FIRST = re.compile(
    r"^\s*(对的|对|好的|好|行|可以|没问题|是的|是|嗯)[。！!，,\s]+(?P<rest>.+)$", re.S
)


def _yes_then_another(turn: Turn, text: str) -> tuple[str, str] | None:
    """(the yes, the rest) when a family member answers a read-back with a yes and goes on to
    order for another of their elders; else None."""
    state = turn.state
    yes = YES_FIRST.match(text)
    if turn.kind != "family" or state.awaiting != Awaiting.CONFIRM or yes is None:
        return None
    rest = yes.group("rest")
    said = Utterance.from_parse(rest, turn.store.parser.parse(rest, today=turn.today))
    other = family.named_elder(turn, said)
    if other is None or other == state.for_elder or not said.dishes:
        return None
    return text[: yes.start("rest")], rest


def _one_turn(turn: Turn, text: str) -> Reply:
    """Fixed phrases first, then the NLU, then the speaker's role."""
    fixed = _fixed_phrase(turn, text)
    if isinstance(fixed, Reply):
        return fixed
    text = fixed
    care.follow_script(turn, text)
    if turn.kind != "staff" and heard_emergency(text):  # before anything else is understood
        return emergency.alarm(turn, Utterance(text, Intent.OUT_OF_SCOPE, 1.0), _in_danger(turn))
    parsed = turn.store.parser.parse(text.translate(MN_TO_ASCII_DIGITS), today=turn.today)
    said = Utterance.from_parse(text, parsed)
    if said.intent in ACTS and said.confidence < ASK_BELOW:
        said = said.with_intent(Intent.OUT_OF_SCOPE)  # unsure of a yes or a cancel: ask
    unheard = said.intent == Intent.OUT_OF_SCOPE and speech.half_heard(text)  # 啥？几张？
    if said.intent == Intent.REPEAT or (unheard and turn.state.last):
        last = turn.state.last
        if last is None:
            return Reply(say("nothing_to_repeat", turn.lang))
        return speech.as_wanted(turn, last, repeat=True)  # a long one: its short form
    return ROLES.get(turn.kind, _elder)(turn, said)


def _fixed_phrase(turn: Turn, text: str) -> Reply | str:
    """A reply to a phrase heard before the NLU, or the text to understand (a numbered choice
    becomes the choice's words)."""
    shown = turn.state.last.choices if turn.state.last else []
    number = text.translate(MN_TO_ASCII_DIGITS)  # ᠒ as well as 2
    if number in ("1", "2", "3", "4", "5") and turn.kind == "elder" and not shown:
        rated = care.rating(turn, int(number))
        if rated is not None:
            return rated
    if number.isdigit() and 1 <= int(number) <= len(shown):  # a numbered choice
        text = shown[int(number) - 1]
    return _how_to_speak(turn, text) or text


def _how_to_speak(turn: Turn, text: str) -> Reply | str | None:
    """说蒙古语 / монгол, 不要语音, 说慢点 / 说短点: how the person wants to be answered (with
    more said, 说慢点，羊背子多少钱: kept, and the rest is what to understand)."""
    plain = key(text)
    if plain in MONGOLIAN or plain in MANDARIN:
        mongolian = script_of(text) or "mn"  # монгол: Mongolian in Cyrillic
        return care.switch_language(turn, mongolian if plain in MONGOLIAN else "zh")
    if plain in VOICE_OFF_WORDS or plain in VOICE_ON_WORDS:
        return care.voice_replies(turn, plain in VOICE_ON_WORDS)
    heard = speech.wish_of(text)
    if heard is None:
        return None
    wish, rest = heard
    if rest:
        speech.keep(turn, wish)
        return rest
    return speech.change(turn, wish)


def _in_danger(turn: Turn) -> list[int]:
    """Whom an alarm is about: the elder speaking, or the elder(s) a family member speaks for
    (all of them when it is not clear which: better one call too many)."""
    if turn.kind != "family":
        return [turn.person_id]
    with read_only(turn.store.factory) as session:
        linked = [p.id for p in elders_of(session, turn.person_id)]
    chosen = turn.state.for_elder
    return [chosen] if chosen in linked and chosen is not None else linked


def _elder(turn: Turn, said: Utterance) -> Reply:
    """An elder speaking for themselves: a family code and a link's yes or no come first."""
    turn.elder_id = turn.person_id
    plain = key(said.text)
    if plain in LINK_CODE:
        return family.issue(turn)
    link = family.link_answer(turn, plain, said)
    if link is not None:
        return link
    dropped = several.day_edits(turn, said)  # 后儿个不要了 / 沙葱不要了 of days alike
    if dropped is not None:
        return dropped
    several.take_up_changed(turn, said)  # 后天那顿不用送了: that day's order of those told
    said, told = several.split_days(turn, said), turn.state.draft
    return several.next_in_line(turn, elder.handle(turn, said), told)


def _family(turn: Turn, said: Utterance) -> Reply:
    """A family member, for the elder they chose (asked when there are several)."""
    answered = _for_several(turn, said)
    if isinstance(answered, Reply):
        return answered
    said = answered
    dropped = several.day_edits(turn, said)  # 周五不要了 / 八宝粥太甜 换小米粥 of days alike
    if dropped is not None:
        return dropped
    switched = several.take_up_changed(turn, said)  # 奶奶的莜面换成小米粥
    unnamed = not said.dishes or switched or bool(turn.state.queued)  # whose: taken up above
    keep = turn.state.for_elder if turn.state.draft is not None and unnamed else None
    before = turn.state.for_elder
    chosen = keep or family.choose_elder(turn, said)  # 我妈下楼去拿 edits Dad's order
    if isinstance(chosen, Reply):
        stands_for = family.canteen_asked_of(turn, said)  # 饺子多少钱一份？ (for whom: later)
        if stands_for is None:
            return chosen
        turn.elder_id = stands_for
        return elder.handle(turn, said)
    if chosen != before and turn.state.draft is not None and not turn.state.queued:
        turn.state.drop_draft()  # one elder's draft never becomes another's order
    turn.elder_id = chosen
    said = several.split_days(turn, said)  # 明天中午A，后天中午B: two orders
    told = turn.state.draft
    return several.next_in_line(turn, elder.handle(turn, said), told)


def _for_several(turn: Turn, said: Utterance) -> Reply | Utterance:
    """他俩都订了啥: the answer for all linked elders; 给我爸来…，我妈来…: the first elder's part
    (the others queued); else ``said`` as it is."""
    if said.intent == Intent.CHECK_ORDER and family.asks_about_all(turn, said):
        return family.orders_of_all(turn, said)
    telling = turn.state.draft is not None and bool(turn.state.queued)  # an edit to one of them
    if said.intent in ORDERING_INTENTS and not telling and family.names_several(turn, said):
        turn.state.drop_draft()
        first = several.split(turn, said)
        return Reply(say("family_one_at_a_time", turn.lang)) if first is None else first
    return said


def _staff(turn: Turn, said: Utterance) -> Reply:
    """Canteen staff: their own work, or an elder's meals taken on the phone for that elder."""
    both = staff_proxy.orders_of_several(turn, said)  # 刘振华跟李淑芬都订了些啥
    if both is not None:
        return both
    said = staff_proxy.asked_about(turn, said)  # 其木格的都有啥 / 她今天中午订的啥
    chosen = staff_proxy.elder_meant(turn, said)
    if chosen is None:
        return staff.handle(turn, said)
    turn.elder_id = chosen
    said = several.split_days(turn, said)
    told = turn.state.draft
    return several.next_in_line(turn, elder.handle(turn, said), told)


ROLES: dict[str, Callable[[Turn, Utterance], Reply]] = {
    "elder": _elder,
    "family": _family,
    "staff": _staff,
}
"""Who is speaking decides what they may do: the router from a person's role to its handler."""
