"""休息: what an elder (or family) hears when the canteen does not serve the day or meal they
asked about or want to order: that it is closed and why, then the next meal they can still
order. The rule (what is closed, what is open next) is the store's (``menus.closures``)."""

from __future__ import annotations

from datetime import date

from bot.dialogue.context import Turn
from bot.phrasing import day_words, when_words
from menus.catalogue import say
from menus.vocab import MealSlot


def closed_words(turn: Turn, day: date, meal: MealSlot | None, reason: str) -> str:
    """今天午饭食堂休息（停水），不做饭。下一顿能订的是明天午饭。 (``meal`` None: the day)."""
    return closed_and_next(turn, day, meal, reason)[0]


def closed_and_next(
    turn: Turn, day: date, meal: MealSlot | None, reason: str
) -> tuple[str, tuple[date, MealSlot] | None]:
    """What ``closed_words`` says, and the next meal it offers (the order moves to its day)."""
    lang = turn.lang
    if meal is None:
        when = day_words(day, turn.today, lang)
    else:
        when = when_words(day, meal, turn.today, lang)
    text = say("canteen_closed", lang, when=when, reason=reason)
    found = turn.store.next_open_meal(turn.elder_id, (day, meal or MealSlot.DINNER), turn.now)
    if found is not None:
        text += say("next_open_meal", lang, when=when_words(found[0], found[1], turn.today, lang))
    return text, found


def closed_menu(turn: Turn, day: date, meal: MealSlot | None) -> str | None:
    """The answer to a menu question about a closed day or meal (None when it is open): with
    no meal said, the day's closure, else lunch's (the meal people mean)."""
    closure = turn.store.closure(turn.elder_id, day, meal)
    if closure is None and meal is None:
        closure = turn.store.closure(turn.elder_id, day, MealSlot.LUNCH)
        meal = MealSlot.LUNCH if closure is not None else None
    if closure is None:
        return None
    return closed_words(turn, day, closure.meal or meal, closure.reason)
