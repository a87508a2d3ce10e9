"""Questions an elder (or family for them) asks: the menu, what suits their health, their
orders, their cards. Nothing here changes the store."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from bot.dialogue.context import Turn
from bot.dialogue.state import MealRef
from bot.dialogue.utterance import Utterance
from bot.phrasing import advice, day_words, dish_label, flags, items_words, money, when_words
from bot.turn import Reply
from menus.catalogue import say, word
from menus.db import read_only
from menus.menu_store import load_menus
from menus.models import Card
from menus.orders import OrderSummary, list_orders
from menus.people import find_elder
from menus.states import OPEN_STATUSES
from menus.vocab import MealSlot


def menu(turn: Turn, said: Utterance) -> Reply:
    """The day's menu in spoken order with prices, and what suits the elder's conditions."""
    lang = turn.lang
    day, meal = said.day or turn.today, said.meal
    menus, dishes, conditions = _menus(turn, day, meal, said)
    turn.state.menu_read = None
    if len(menus) == 1:
        turn.state.menu_read = MealRef(day, MealSlot(menus[0].meal))
    if not menus:
        return Reply(say("menu_none", lang, when=day_words(day, turn.today, lang)))
    lines = []
    for one in menus:
        items = say("comma", lang).join(
            say(
                "menu_item",
                lang,
                dish=dish_label(i.dish, lang),
                price=money(i.dish.price_fen, lang),
            )
            for i in one.items
        )
        intro = say("menu_intro", lang, when=when_words(one.date, one.meal, turn.today, lang))
        lines.append(intro + items + say("stop", lang))
    lines += flags(dishes, conditions, lang)
    return Reply("".join(lines))


def nutrition(turn: Turn, said: Utterance) -> Reply:
    _, dishes, conditions = _menus(turn, said.day or turn.today, said.meal, said)
    return Reply(advice(dishes, conditions, turn.lang))


def _menus(
    turn: Turn, day: date, meal: MealSlot | None, said: Utterance
) -> tuple[list[Any], list[Any], set[str]]:
    with read_only(turn.store.factory) as session:
        elder = find_elder(session, str(turn.elder_id))
        conditions = {c.condition for c in elder.elder.conditions} if elder.elder else set()
        conditions |= said.conditions
        canteen = turn.store.home(session, turn.elder_id)
        menus = load_menus(session, [canteen.id], day, meal)
        if meal is None:
            menus = [m for m in menus if m.meal != "breakfast"] or menus
        dishes = [i.dish for m in menus for i in m.items]
        session.expunge_all()
    return menus, dishes, conditions


def upcoming(
    turn: Turn, *, changeable: bool = False, dishes: frozenset[str] = frozenset()
) -> OrderSummary | None:
    """The next open order (one that may still change), with one of ``dishes`` if named."""
    wanted = ("placed", "confirmed") if changeable else tuple(s.value for s in OPEN_STATUSES)
    with read_only(turn.store.factory) as session:
        for order in list_orders(session, elder_id=turn.elder_id):
            named = not dishes or dishes & {i.dish_name for i in order.items}
            if order.date >= turn.today and order.status in wanted and named:
                return OrderSummary.of(order)
    return None


def orders(turn: Turn, said: Utterance) -> Reply:
    """The elder's orders still to come (the first three)."""
    lang = turn.lang
    with read_only(turn.store.factory) as session:
        found = [
            OrderSummary.of(o)
            for o in list_orders(session, elder_id=turn.elder_id)
            if o.date >= turn.today and o.status in {s.value for s in OPEN_STATUSES}
        ]
    if not found:
        return Reply(say("no_orders", lang))
    lines = [say("orders_intro", lang)]
    for order in found[:3]:
        lines.append(
            say(
                "order_line",
                lang,
                when=when_words(order.date, order.meal, turn.today, lang),
                items=items_words(order, lang, turn.store.names(lang)),
                status=word("status", order.status, lang),
            )
        )
    return Reply("".join(lines))


def balance(turn: Turn, said: Utterance) -> Reply:
    """What is left on the elder's family and charity cards."""
    lang = turn.lang
    with read_only(turn.store.factory) as session:
        cards = list(session.scalars(select(Card).where(Card.elder_id == turn.elder_id)))
        if not cards:
            return Reply(say("balance_none", lang))
        parts = [
            say(
                "balance_card",
                lang,
                kind=word("card", c.kind, lang),
                money=money(c.balance_fen, lang),
            )
            for c in cards
        ]
    return Reply(say("balance", lang, cards=say("comma", lang).join(parts)))
