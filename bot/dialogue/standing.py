"""Standing orders in the conversation: 这礼拜每天晌午都给我送一份 is told like any order (dish,
meal, way, one question at a time) and read back with its days and its first meal's price;
the yes stores it (``menus.standing``) and places what is already open. 住院了先停了 pauses
it, 出院了接着送 resumes it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.dialogue.context import Turn
from bot.dialogue.state import Draft
from bot.dialogue.utterance import Kind, Utterance
from bot.phrasing import day_words, recurrence_words
from bot.turn import Reply
from menus.catalogue import say, word
from menus.db import read_only, unit_of_work
from menus.orders import list_orders
from menus.standing import Recurrence, active, create, pause_days, place_due, set_paused
from menus.vocab import Fulfillment, MealSlot
from nlu import lexicon_zh as lex
from nlu.recurrence import copies_last, names_a_span, pause_or_resume, pause_span
from nlu.recurrence import days as recurrence_days
from nlu.text import has_han

FROM = re.compile(r"从|起|开始|以后|往后")
"""A day said with these is when a standing order starts (从明天起每天)."""
LOOKAHEAD_DAYS = 14


def begin(turn: Turn, said: Utterance) -> None:
    """Mark the draft as a standing order (and copy the last order for 老样子)."""
    if turn.state.draft is None:
        turn.state.draft = Draft()
    draft = turn.state.draft
    weekdays, start, end = recurrence_days(said.text, turn.today)
    named = names_a_span(said.text)  # 礼拜一到礼拜五: weekdays, from the first still open
    dated = _dates_up_to(turn, said)
    if dated is not None and end is None and not named:
        start, end = dated  # 从明天到12月6日 / 12月7日到9日: never past the last day said
    start = _start(turn, said, draft, (start, end), named)
    draft.recurrence = Recurrence(weekdays, start, end)
    draft.day = None
    if copies_last(said.text):
        copy_last(turn, draft, said)


def _start(
    turn: Turn, said: Utterance, draft: Draft, span: tuple[date, date | None], named: bool
) -> date:
    """The standing order's first day: the one said with 从 / 起 / 开始 (从明天起每天,
    маргаашаас эхлээд өдөр бүр: not today; 周六周日我不在 names no start); beside a span of
    weekdays, the day of 明天开始; else the start said before (只要工作日吧)."""
    start, end = span
    first = said.day if FROM.search(said.text) or not has_han(said.text) else None
    if named:
        begins = _starts_on(said.text, turn.today)
        return start if begins is None else max(start, begins)
    if first is not None and start < first and (end is None or first <= end):
        return first
    if first is None and draft.recurrence is not None:
        return max(start, draft.recurrence.start)
    return start


_STARTS = re.compile(
    "(" + "|".join(w for w, _ in sorted(lex.RELATIVE_DAYS, key=lambda p: -len(p[0]))) + ")"
    r"\s*(起|开始|以后|往后)"
)


def _starts_on(text: str, today: date) -> date | None:
    """The day of 明天开始 / 后天起, said beside a span of weekdays; None when none is said."""
    found = _STARTS.search(text)
    offsets = dict(lex.RELATIVE_DAYS)
    return today + timedelta(days=offsets[found.group(1)]) if found else None


UNTIL_DATE = re.compile(r"(到|至)\s*(?=[0-9一二三四五六七八九十]|今|明|后|大后|下)|хүртэл|ᠬᠦᠷᠲᠡᠯ")
"""到 before a day (到12月6日, 到明天, not 送到家), хүртэл (until): the day a standing wish ends."""


def _dates_up_to(turn: Turn, said: Utterance) -> tuple[date, date] | None:
    """The first and last day of 从明天到12月6日 / 12月7日到9日 / 每天中午到12月5日 (from
    today): the days said with 到 or хүртэл; None when no such day is said."""
    if not UNTIL_DATE.search(said.text):
        return None
    days = sorted(date.fromisoformat(str(m.value)) for m in said.of(Kind.DATE) if not m.refused)
    if not days or days[-1] < turn.today:
        return None
    first = max(days[0], turn.today) if len(days) > 1 else turn.today
    return first, days[-1]


def copy_last(turn: Turn, draft: Draft, said: Utterance) -> None:
    """老样子 / 跟昨天一样: the dishes, meal and way of the elder's last order, into ``draft``
    (a meal or way already said stays). Not when other dishes are named (跟昨天一样，要饺子);
    dishes of that order named describe it (夜儿个那个面还有那个鸡蛋羹…都跟夜儿个一样)."""
    with read_only(turn.store.factory) as session:
        orders = [
            o for o in list_orders(session, elder_id=turn.elder_id) if o.status != "cancelled"
        ]
        if not orders:
            return
        last = max(orders, key=lambda o: (o.date, o.id))
        lines = {i.dish_name: i.qty for i in last.items}
        if any(str(d.value) not in lines for d in said.dishes):
            return
        draft.lines = lines
        draft.meal = draft.meal or MealSlot(last.meal)
        draft.fulfillment = draft.fulfillment or Fulfillment(last.fulfillment)


def first_day(turn: Turn, draft: Draft) -> None:
    """The standing order's first meal still open (its price is the one read back)."""
    assert draft.recurrence is not None and draft.meal is not None
    start = max(draft.recurrence.start, turn.today)
    for day in draft.recurrence.days(start, start + timedelta(days=LOOKAHEAD_DAYS)):
        if not turn.store.closed(turn.elder_id, draft.meal, day, turn.now):
            draft.day = day
            return
    draft.day = start


def read_back_words(turn: Turn, draft: Draft) -> tuple[str, str]:
    """What a standing order's read-back starts with (长期订单，明天到12月6日每天晚饭。) and the
    words for its first meal: none when it is the first of the days just said (明天到12月6日:
    the first is 明天), else its day alone (第一顿：后天; the meal was just said)."""
    assert draft.recurrence is not None and draft.meal is not None and draft.day is not None
    rec, lang = draft.recurrence, turn.lang
    days = recurrence_words(rec.weekdays, rec.start, rec.end, turn.today, lang)
    meal = word("meal", draft.meal, lang)
    if rec.end is not None and draft.day == rec.start:
        return say("standing_read_back_days", lang, days=days, meal=meal), ""
    first = day_words(draft.day, turn.today, lang)
    return say("standing_read_back", lang, days=days, meal=meal), first


def place(turn: Turn, draft: Draft) -> Reply:
    """The yes: the standing order stored, and its meals already open placed."""
    assert draft.recurrence is not None and draft.meal is not None
    assert draft.fulfillment is not None
    with unit_of_work(turn.store.factory) as session:
        create(
            session,
            elder_id=turn.elder_id,
            meal=draft.meal,
            fulfillment=draft.fulfillment,
            lines=dict(draft.lines),
            recurrence=draft.recurrence,
            placed_by_id=turn.person_id,
            placed_by_role=turn.actor,
            now=turn.now,
        )
    place_due(turn.store.factory, turn.now, elder_id=turn.elder_id)
    turn.placed = True
    rec = draft.recurrence
    days = recurrence_words(rec.weekdays, rec.start, rec.end, turn.today, turn.lang)
    meal = word("meal", draft.meal, turn.lang)
    turn.state.drop_draft()
    return Reply(say("standing_placed", turn.lang, days=days, meal=meal))


THOSE_DAYS = re.compile(r"тэр\s*(хоёр\s*)?өд|ᠲᠡᠷᠡ\s*(ᠬᠣᠶᠠᠷ\s*)?ᠡᠳᠦᠷ|нэг\s*өдөр", re.IGNORECASE)
"""Тэр өдрийнхийг / тэр хоёр өдөр / ᠲᠡᠷᠡ ᠡᠳᠦᠷ: the day (or days) just named, paused alone."""


def _days_named(turn: Turn, said: Utterance) -> tuple[date, date] | None:
    """Пүрэв гарагт хошуу орно. Тэр өдрийнхийг түр зогсоо / маргааш нөгөөдөр … тэр хоёр өдөр
    түр зогсоочих: a Mongolian pause of the days said (Mandarin has ``pause_span``); None for
    a pause until said otherwise."""
    if has_han(said.text):
        return None
    days = sorted({d for d in (date.fromisoformat(str(m.value)) for m in said.of(Kind.DATE))})
    days = [d for d in days if d >= turn.today]
    if not days or not (len(days) >= 2 or THOSE_DAYS.search(said.text)):
        return None
    return days[0], days[-1]


def pause_or_resume_reply(turn: Turn, said: Utterance) -> Reply | None:
    """住院了先停了 / 出院了接着送, when the elder has a standing order; else None."""
    wish = pause_or_resume(said.text)
    if wish is None:
        return None
    span = pause_span(said.text, turn.today)  # 礼拜四礼拜五先停了，礼拜六接着送
    span = span or (_days_named(turn, said) if wish else None)
    with unit_of_work(turn.store.factory) as session:
        if not active(session, turn.elder_id):
            return None
        by, actor = turn.person_id, turn.actor
        if span is not None:
            pause_days(session, turn.elder_id, *span, turn.now, actor_id=by, actor=actor)
        else:
            set_paused(session, turn.elder_id, wish, turn.now, actor_id=by, actor=actor)
    turn.state.drop_draft()
    if span is not None:
        first, last = (day_words(d, turn.today, turn.lang) for d in span)
        return Reply(say("standing_paused_days", turn.lang, first=first, last=last))
    return Reply(say("standing_paused" if wish else "standing_resumed", turn.lang))
