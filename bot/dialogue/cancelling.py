"""Cancelling and changing an order already placed: always about the order meant (the one
with the dish named, else the next one), always asked about before it happens."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from bot.dialogue import ordering
from bot.dialogue.answers import upcoming
from bot.dialogue.context import Turn
from bot.dialogue.naming import STAYS, without_names
from bot.dialogue.state import Awaiting, Draft
from bot.dialogue.utterance import Intent, Kind, Mention, Role, Utterance
from bot.listening import YES_AMONG_WORDS
from bot.phrasing import items_words, money, when_words
from bot.turn import Reply
from menus.catalogue import YES_NO, choices, say
from menus.db import read_only, unit_of_work
from menus.errors import DomainError
from menus.orders import cancel_order, get_order
from menus.vocab import Actor, Fulfillment, MealSlot


def ask_cancel(turn: Turn, said: Utterance) -> Reply:
    """取消订单 / 不要红烧肉了: ask before cancelling the order meant (never another one)."""
    said = _without_kept(turn, said)
    named = frozenset(str(d.value) for d in said.dishes)
    order = upcoming(turn, changeable=True, dishes=named, day=_meal_day(turn, said), meal=said.meal)
    if order is None and named:
        dish = turn.store.dishes_said(named, turn.lang)
        return Reply(say("no_order_of", turn.lang, dish=dish))
    if order is None:
        return Reply(say("no_orders", turn.lang))
    if turn.store.closed(turn.elder_id, MealSlot(order.meal), order.date, turn.now):
        late = DomainError("cancel_after_cutoff")
        return Reply(say("refused", turn.lang, message=ordering.why(late, turn.lang)))
    turn.state.cancel_id = order.id
    turn.state.ask(Awaiting.CANCEL)
    when = when_words(order.date, order.meal, turn.today, turn.lang)
    items = items_words(order, turn.lang, turn.store.names(turn.lang))
    text = say("cancel_which", turn.lang, when=when, items=items)
    return Reply(text, choices(YES_NO, turn.lang), inline=True)


def _without_kept(turn: Turn, said: Utterance) -> Utterance:
    """明天的取消了，今天晚上的留着: what is cancelled is said outside the clauses that keep an
    order; those clauses' days and meals do not choose the order (the rest is heard again)."""
    clauses = [c for c in re.split(r"[，,。；;！!\s]+", said.text) if c]
    rest = [c for c in clauses if not STAYS.search(c)]
    if not rest or len(rest) == len(clauses):
        return said
    text = "，".join(rest)
    return Utterance.from_parse(text, turn.store.parser.parse(text, today=turn.today))


def _meal_day(turn: Turn, said: Utterance) -> date | None:
    """The day of the meal meant: a day gone by is when it was ordered (夜儿个订了个明儿晌午的
    排骨), not the meal's, when a day still to come is said too."""
    days = [date.fromisoformat(str(m.value)) for m in said.of(Kind.DATE)]
    coming = [d for d in days if d >= turn.today]
    return coming[0] if coming else said.day


def cancel(turn: Turn, said: Utterance) -> Reply:
    """The yes to 您要取消…吗？"""
    lang = turn.lang
    order_id, turn.state.cancel_id = turn.state.cancel_id, None
    turn.state.ask(None)
    if order_id is None:
        return Reply(say("no_orders", lang))
    try:
        with unit_of_work(turn.store.factory) as session:
            order = cancel_order(
                session,
                order_id,
                turn.now,
                actor=turn.actor,
                actor_id=turn.person_id,
                reason=say("cancel_reason_phoned", lang) if turn.actor is Actor.STAFF else None,
            )
            card = order.card_fen
    except DomainError as refused:
        return Reply(say("refused", lang, message=ordering.why(refused, lang)))
    refund = say("cancel_refund", lang, card=money(card, lang)) if card else ""
    return Reply(say("cancel_done", lang, refund=refund))


YES_TO_CANCEL = re.compile(
    YES_AMONG_WORDS + r"|取消|退了|退掉|退吧|(就|给我)退|^[嗯哦，,\s]*退[。！!\s]*$|不要了"
)
KEEP_IT = re.compile(
    r"不取消|别取消|先别|不退|别退|不用退|不用取消|算了|等等|等一下|再想想|留着|保留|不动|别动"
)
BOTH = re.compile(r"也|都|还有|бас|ᠪᠠᠰᠠ")
"""对，明天的也取消 / 还有明天中午的: this order and another, not another instead."""
CORRECTED = re.compile(r"不是|不对|错了|说错|搞错|弄错|биш|буруу|ᠪᠢᠰᠢ|ᠪᠤᠷᠤᠭᠤ")
"""不是今天的 / Өнөөдрийнх биш: the order asked about is said not to be the one meant (a day
named only as a reason, 对，取消，明天我还来吃, changes nothing)."""
OTHER_MEAL = re.compile(r"[今明后]天|[今明后]儿|早|中午|晌午|晚|黑夜|后晌|周|礼拜|星期|号")
"""A clause naming a day or meal is about another order (嗯，退了。明儿黑夜那个留着)."""


ASKED_BACK = re.compile(r"吗|[？?]|咋|怎么|能不能")
"""钱能退回卡里吗？ / 那钱咋退啊: a question back, not a yes."""


def _kept(text: str) -> bool:
    """Whether the yes is turned round (先别取消，我再想想), in a clause about this order, or
    is a question back (钱能退回卡里吗)."""
    if ASKED_BACK.search(text):
        return True
    clauses = re.split(r"[，,。；;！!？?\s]+", text)
    return any(KEEP_IT.search(c) and not OTHER_MEAL.search(c) for c in clauses)


def another_meant(turn: Turn, said: Utterance) -> Reply | None:
    """To 您要取消今天晚饭吗？, 不是今天的，明天晚上的取消 (Өнөөдрийнх биш. Маргаашийн оройн
    хоолыг нь цуцал): the order asked about is said to be the wrong one and another is named, so
    that one is asked about instead; None when nothing is corrected, no other day or meal is
    named outside a clause that keeps an order, or no such order exists."""
    if turn.state.cancel_id is None or BOTH.search(said.text) or not CORRECTED.search(said.text):
        return None
    said = _without_kept(turn, said)
    with read_only(turn.store.factory) as session:
        asked = get_order(session, turn.state.cancel_id, lock=False)
        asked_day, asked_meal = asked.date, MealSlot(asked.meal)
    days = [date.fromisoformat(str(m.value)) for m in said.of(Kind.DATE)]
    others = [d for d in days if d >= turn.today and d != asked_day]
    meal = said.meal or asked_meal
    if not others and meal == asked_meal:
        return None
    day = others[0] if others else asked_day
    named = frozenset(str(d.value) for d in said.dishes)
    if upcoming(turn, changeable=True, dishes=named, day=day, meal=meal) is None:
        return None  # no such order: the one asked about is still the question
    meant = (Mention(Kind.DATE, day.isoformat()), Mention(Kind.MEAL, meal.value))
    turn.state.cancel_id = None
    return ask_cancel(turn, replace(said, mentions=(*said.dishes, *meant)))


def cancel_or_keep(turn: Turn, said: Utterance) -> Reply:
    """To 您要取消…吗？, a yes among other words (是的，取消，谢谢您) cancels; else it stays."""
    meant = another_meant(turn, said)
    if meant is not None:
        return meant
    if YES_TO_CANCEL.search(said.text) and not _kept(said.text):
        return cancel(turn, said)
    return _keep(turn)


def cancel_unless_kept(turn: Turn, said: Utterance) -> Reply:
    """A yes (要 / 取消吧) cancels, unless it is turned round (先别取消，我再想想) or another
    order is meant (取消明天的: that one is asked about)."""
    meant = another_meant(turn, said)
    if meant is not None:
        return meant
    return _keep(turn) if _kept(said.text) else cancel(turn, said)


def keep(turn: Turn, said: Utterance) -> Reply:
    """Anything but a yes to 您要取消…吗？: the order stays, unless another is meant (不是今天
    的，是明天晚上的)."""
    return another_meant(turn, said) or _keep(turn)


def _keep(turn: Turn) -> Reply:
    turn.state.cancel_id = None
    turn.state.ask(None)
    return Reply(say("cancel_kept", turn.lang))


def change_or_cancel(turn: Turn, said: Utterance) -> Reply:
    """改成明天 / 不要红烧肉了 with no order being told: about an order already placed."""
    if said.dishes and all(d.role == Role.REMOVE for d in said.dishes):
        return ask_cancel(turn, said)  # 不要红烧肉了, with nothing being told
    return start_change(turn, said)


def start_change(turn: Turn, said: Utterance) -> Reply:
    """改成明天 / 改成两份: the next order that may still change becomes the draft; 今天晚上换成
    荞面饸饹 (a dish swapped in, the day or meal said plainly) only that meal's order, and with
    none there (it was just cancelled) it is a new order."""
    day, meal = _plain_when(said)
    named_when = bool(said.dishes) and (day is not None or meal is not None)
    order = upcoming(turn, changeable=True, day=day, meal=meal) if named_when else None
    order = order or (None if named_when else upcoming(turn, changeable=True))
    if order is None and said.dishes:  # 改成红烧肉 with nothing ordered: a new order
        return ordering.fill(turn, said, intent=Intent.ORDER_MEAL)
    if order is None:
        return Reply(say("no_changeable", turn.lang))
    turn.state.draft = _draft_of(order)
    return ordering.fill(turn, said, intent=Intent.CHANGE_ORDER)


def _draft_of(order: Any) -> Draft:
    """A placed order told again, to be changed: a yes replaces it."""
    return Draft(
        lines={i.dish_name: i.qty for i in order.items},
        day=order.date,
        meal=MealSlot(order.meal),
        fulfillment=Fulfillment(order.fulfillment),
        replacing=order.id,
    )


def _plain_when(said: Utterance) -> tuple[date | None, MealSlot | None]:
    """The day and meal said with no role (今天晚上换成…: which order), not those swapped to."""
    days = [m for m in said.of(Kind.DATE) if m.role is None]
    meals = [m for m in said.of(Kind.MEAL) if m.role is None]
    day = date.fromisoformat(str(days[0].value)) if len(days) == 1 else None
    return day, MealSlot(str(meals[0].value)) if len(meals) == 1 else None


def change_placed(turn: Turn, said: Utterance) -> Reply | None:
    """周四晚上饺子那个改成送到家吧, heard as an order: the way, day or meal swapped for an order
    already placed with the dishes named (on the day and meal said) is a change of it, asked
    about before it happens. None when nothing is swapped, or no placed order has them."""
    swapped = [m for m in said.mentions if m.role == Role.REPLACE_TO and m.kind != Kind.DISH]
    if turn.state.draft is not None or not swapped or not said.dishes:
        return None
    if any(d.role is not None for d in said.dishes):
        return None
    day, meal = _plain_when(said)
    names = frozenset(str(d.value) for d in said.dishes)
    order = upcoming(turn, changeable=True, dishes=names, day=day, meal=meal)
    if order is None or names - {i.dish_name for i in order.items}:
        return None
    turn.state.draft = _draft_of(order)
    text = without_names(said.text, names)  # the dishes only say which order: none is given up
    change = replace(said, text=text, mentions=tuple(swapped))
    return ordering.fill(turn, change, intent=Intent.CHANGE_ORDER)


CANCEL_WORD = re.compile(r"取消|退掉|退了|цуцл|ᠴᠤᠴᠠᠯ")
"""那个饺子给我取消了: a word of cancelling, beside a dish of an order already placed."""


def cancel_placed_refused(turn: Turn, said: Utterance) -> Reply | None:
    """我想吃的是莜面，那个饺子给我取消了, with nothing being told: the order placed with the dish
    given up is asked about first (the new wish is said again after). None when no placed
    order has it, or when it has other dishes too (米饭退了吧 takes out one dish: not this)."""
    refused = [d for d in said.dishes if d.role == Role.REMOVE]
    if turn.state.draft is not None or not refused or not CANCEL_WORD.search(said.text):
        return None
    names = frozenset(str(d.value) for d in refused)
    order = upcoming(turn, changeable=True, dishes=names, day=_meal_day(turn, said))
    if order is None or {i.dish_name for i in order.items} - names:
        return None
    when = (Mention(Kind.DATE, order.date.isoformat()), Mention(Kind.MEAL, order.meal))
    meant = replace(said, mentions=(*refused, *when), intent=Intent.CANCEL_ORDER)
    return ask_cancel(turn, meant)  # that order, whatever other meal the new wish names
