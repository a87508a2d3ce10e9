"""Orders, days, money and food said the way people say them (明天中午, 十二块钱), in the
person's language. Pure functions over the catalogue (``menus.catalogue``) and the spoken
numbers (``menus.spoken``): the dialogue and the notifications call them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from menus.catalogue import date_words, day_words, joined, say, word
from menus.orders import OrderSummary
from menus.scripts import name_in
from menus.spoken import clock as clock_words
from menus.spoken import count, digits, money
from menus.vocab import MealSlot

__all__ = [
    "advice",
    "clock_words",
    "cost_words",
    "count",
    "day_words",
    "dish_label",
    "flags",
    "items_words",
    "mode_words",
    "money",
    "read_back",
    "read_back_also",
    "read_back_full",
    "read_back_several",
    "serve_words",
    "when_words",
]

FLAGS = {  # condition → (tags that suit it, tags that don't, the word for why)
    "hypertension": ({"low_salt"}, set(), "salty"),
    "diabetes": ({"low_sugar"}, {"sweet"}, "sweet"),
    "chewing": ({"soft", "porridge"}, set(), "hard"),
    "gout": (set(), {"high_purine"}, "purine"),
    "hyperlipidemia": ({"low_fat"}, {"fried"}, "fatty"),
}
SALTY_SODIUM_MG = 800
"""A portion with more sodium than this (2 g of salt) is flagged for high blood pressure: it is
two fifths of the 5 g a day the Chinese Dietary Guidelines allow older people."""


NO_NAMES: Mapping[str, str] = {}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The catalogue's names for ``date.weekday()`` 0 to 6 (the ``weekday`` word)."""


def dish_label(dish: Any, lang: str = "zh") -> str:
    """A dish's name in ``lang``: its Mongolian name (in the person's script) where the menu
    gives one."""
    return name_in(lang, str(dish.name), dish.name_mn, getattr(dish, "name_mn_cyrl", None))


def when_words(day: date, meal: MealSlot | str, today: date, lang: str = "zh") -> str:
    """明天午饭."""
    meal_word = word("meal", MealSlot(meal).value, lang)
    return say("when", lang, day=day_words(day, today, lang), meal=meal_word)


def mode_words(mode: str, lang: str = "zh") -> str:
    """送到家, 自己去拿, 在食堂吃."""
    return word("mode", mode, lang) if mode else ""


def items_words(order: OrderSummary, lang: str = "zh", names: Mapping[str, str] = NO_NAMES) -> str:
    """红烧肉一份、米饭两份; 红烧肉、鸡蛋羹各一份，米饭两份: every dish with its count, the
    dishes of one count said together with the count once (each dish is still heard with its
    count, in fewer syllables). ``names``: the dishes' names in ``lang`` where not Mandarin."""
    by_count: dict[int, list[str]] = {}
    for item in order.items:
        by_count.setdefault(item.qty, []).append(names.get(item.dish_name, item.dish_name))
    groups = [
        say("items_each", lang, dishes=joined(dishes, lang), qty=count(qty, lang))
        if len(dishes) > 1
        else say("item", lang, dish=dishes[0], qty=count(qty, lang))
        for qty, dishes in by_count.items()
    ]
    if len(groups) == len(order.items):
        return joined(groups, lang)
    return say("comma", lang).join(groups)


def read_back(
    order: OrderSummary,
    today: date,
    lang: str = "zh",
    names: Mapping[str, str] = NO_NAMES,
    *,
    named: bool = True,
    when: str | None = None,
) -> str:
    """The order and what it costs after the subsidy, and how that is paid: short enough to
    be heard whole (about 60 characters). ``named``: starting with the elder's name (for
    family, who may order for two), never to the elder themself (an elder is spoken to as 您,
    not by full name). ``when``: the words for the day and meal where they are not the order's
    own (a standing order's first meal: said with its days already, ``bot.dialogue.standing``)."""
    return say(
        "read_back",
        lang,
        **_order_words(order, today, lang, names, named=named, when=when),
        cost=cost_words(order, lang),
    )


def cost_words(order: OrderSummary, lang: str = "zh") -> str:
    """补贴后十七块钱，从卡上扣 / 补贴、用券后您付十块钱 / 补贴后您付六块钱: the price the elder
    pays after the subsidy, then only the ways of paying that are used. A price split between
    the card and cash says only the parts (补贴后，卡上扣三十块钱，您再付五块钱), not their sum
    as well: the shortest form that still says what the elder pays (说详细点 says each part:
    ``read_back_full``)."""
    net = order.price_fen - order.subsidy_fen
    if not order.voucher_fen and not order.card_fen:
        if not order.payable_fen:
            return say("cost_free", lang)
        return say("cost_plain", lang, payable=money(order.payable_fen, lang))
    if order.card_fen == net:
        return say("cost_card_all", lang, net=money(net, lang))
    if order.voucher_fen and not order.card_fen:  # what is left to pay, heard at once
        if not order.payable_fen:
            return say("cost_voucher_free", lang)
        return say("cost_voucher", lang, payable=money(order.payable_fen, lang))
    voucher, card = _voucher_and_card(order, lang)
    pay = (
        say("cost_pay", lang, payable=money(order.payable_fen, lang))
        if order.payable_fen
        else say("nothing_to_pay", lang)
    )
    return say("cost_parts", lang, voucher=voucher, card=card, pay=pay)


def _voucher_and_card(order: OrderSummary, lang: str) -> tuple[str, str]:
    """，消费券三块钱 and ，卡上扣十块钱: the parts of a price paid by voucher and by card, each
    only when used."""
    voucher = (
        say("read_back_voucher", lang, voucher=money(order.voucher_fen, lang))
        if order.voucher_fen
        else ""
    )
    card = say("read_back_card", lang, card=money(order.card_fen, lang)) if order.card_fen else ""
    return voucher, card


def read_back_full(
    order: OrderSummary,
    today: date,
    lang: str = "zh",
    names: Mapping[str, str] = NO_NAMES,
    *,
    named: bool = True,
    when: str | None = None,
) -> str:
    """The order with every part of its price (原价, 补贴, 券, 卡, 还需付), for 说详细点."""
    voucher, card = _voucher_and_card(order, lang)
    return say(
        "read_back_full",
        lang,
        **_order_words(order, today, lang, names, named=named, when=when),
        price=money(order.price_fen, lang),
        subsidy=money(order.subsidy_fen, lang),
        voucher=voucher,
        card=card,
        payable=say("pay_rest_full", lang, payable=money(order.payable_fen, lang))
        if order.payable_fen
        else say("nothing_to_pay_full", lang),
    )


def _order_words(
    order: OrderSummary,
    today: date,
    lang: str,
    names: Mapping[str, str],
    *,
    named: bool,
    when: str | None = None,
) -> dict[str, str]:
    """Whose, when and how (the head: 明天午饭，送到家, or 送到家 alone where the day and meal
    were said before it) and what: the words every read-back starts with."""
    said_when = when_words(order.date, order.meal, today, lang) if when is None else when
    head = (part for part in (said_when, mode_words(order.fulfillment, lang)) if part)
    return {
        "who": say("read_back_who", lang, name=order.elder_name) if named else "",
        "head": say("comma", lang).join(head),
        "items": items_words(order, lang, names),
    }


def read_back_also(
    order: OrderSummary, lang: str = "zh", names: Mapping[str, str] = NO_NAMES
) -> str:
    """李淑芬：鸡蛋羹一份。补贴后您付三块五。: a second elder's order read back right after the
    first one for the same meal and the same way of getting it, so the day, meal and way are
    said once for both."""
    return say(
        "read_back_also",
        lang,
        name=order.elder_name,
        items=items_words(order, lang, names),
        cost=cost_words(order, lang),
    )


def read_back_short(
    order: OrderSummary,
    today: date,
    lang: str = "zh",
    names: Mapping[str, str] = NO_NAMES,
    *,
    named: bool = True,
    when: str | None = None,
) -> str:
    """The order briefly: when, how, what, and only what is left to pay (说短点, 再说一遍)."""
    return say(
        "read_back_short",
        lang,
        **_order_words(order, today, lang, names, named=named, when=when),
        pay=_pay_short(order, lang),
    )


def read_back_several(
    orders: Sequence[OrderSummary],
    today: date,
    lang: str = "zh",
    names: Mapping[str, str] = NO_NAMES,
    *,
    named: bool = True,
) -> str:
    """午饭都送到家。今天：羊肉面片、馒头各一份。从卡上扣七块钱。明天：手把肉一份。…: several
    orders read back in one breath (two days, two meals, two elders): what they all share
    (whose, the day, the meal, the way) said once, then each by what is its own, with its dishes
    and only what is left to pay or what the card pays (说详细点 says each price whole); an order
    like the one before but for its day, meal or elder in a word (明天也一样。). Each order still
    says whose, when, how, every dish with its count and what is paid: one hearing holds two.
    ``named``: the elder's name said where one elder has them all (for family)."""
    first = orders[0]
    one_elder = all(o.elder_id == first.elder_id for o in orders)
    way_shared = all(o.fulfillment == first.fulfillment for o in orders)
    # the day or meal all share is said once, with the way (明天都送到家。)
    day_shared = way_shared and all(o.date == first.date for o in orders)
    meal_shared = way_shared and all(o.meal == first.meal for o in orders)
    text = say("read_back_who", lang, name=first.elder_name) if one_elder and named else ""
    if way_shared:
        shared = _when_part(first, today, lang, day=day_shared, meal=meal_shared)
        way = mode_words(first.fulfillment, lang)
        text += say("several_when_way" if shared else "several_way", lang, when=shared, way=way)
    before: tuple[str, str] | None = None
    for order in orders:
        own = _when_part(order, today, lang, day=not day_shared, meal=not meal_shared)
        said = say("comma", lang).join(p for p in (not one_elder and order.elder_name, own) if p)
        pay = _pay_short(order, lang)
        body = say("several_order", lang, items=items_words(order, lang, names), pay=pay)
        if before == (body, order.fulfillment) and said:
            text += say("read_back_same", lang, when=said)
        else:
            way = "" if way_shared else mode_words(order.fulfillment, lang)
            label = say("comma", lang).join(part for part in (said, way) if part)
            text += (say("several_label", lang, label=label) if label else "") + body
        before = (body, order.fulfillment)
    return text


def _when_part(order: OrderSummary, today: date, lang: str, *, day: bool, meal: bool) -> str:
    """明天午饭, 明天 or 午饭: the parts of an order's when asked for (none: empty)."""
    if day and meal:
        return when_words(order.date, order.meal, today, lang)
    if day:
        return day_words(order.date, today, lang)
    return word("meal", MealSlot(order.meal).value, lang) if meal else ""


def _pay_short(order: OrderSummary, lang: str) -> str:
    """您付六块钱 / 从卡上扣三块五 / 不用付钱: what is left to pay, or what the card pays (never
    "nothing to pay" for money the card will give)."""
    if order.payable_fen:
        return say("pay_short", lang, payable=money(order.payable_fen, lang))
    if order.card_fen:
        return say("pay_card_short", lang, card=money(order.card_fen, lang))
    return say("pay_nothing_short", lang)


def serve_words(order: OrderSummary, today: date, lang: str = "zh") -> str:
    """When and where the meal will be ready."""
    if order.serve_start is None or order.serve_end is None:
        return ""
    key = {"delivery": "serve_delivery", "pickup": "serve_pickup"}.get(
        order.fulfillment, "serve_dine_in"
    )
    return say(
        key,
        lang,
        day=day_words(order.date, today, lang),
        start=clock_words(order.serve_start, lang),
        end=clock_words(order.serve_end, lang),
    )


def flags(dishes: Iterable[Any], conditions: set[str], lang: str) -> list[str]:
    """Point out what suits the elder's conditions (two at most, said together: 西红柿鸡蛋面、
    鸡蛋羹适合您) and what to eat less of."""
    out: list[str] = []
    seen: set[str] = set()
    suits: list[str] = []
    for condition in sorted(conditions):
        good_tags, bad_tags, why = FLAGS.get(condition, (set(), set(), ""))
        for dish in dishes:
            if dish.name in seen:
                continue
            tags = set(dish.tags)
            salty = (
                condition == "hypertension"
                and dish.nutrition.get("sodium_mg", 0) >= SALTY_SODIUM_MG
            )
            if salty or bad_tags & tags:
                shown = dish_label(dish, lang)
                out.append(say("menu_flag_bad", lang, dish=shown, why=say(why, lang)))
                seen.add(dish.name)
            elif good_tags & tags and len(suits) < 2:
                suits.append(dish_label(dish, lang))
                seen.add(dish.name)
    if suits:
        out.insert(0, say("menu_flag_good", lang, dish=joined(suits, lang)))
    return out


def advice(dishes: list[Any], conditions: set[str], lang: str) -> str:
    """Nutrition advice following the Chinese Dietary Guidelines for older people: the rule for
    each condition, then which of the day's dishes suit and which to eat less of, then the salt
    in the saltiest dish (salt ≈ sodium × 2.54)."""
    parts = [say(f"advice_{c}", lang) for c in sorted(conditions) if f"advice_{c}" in _KEYS]
    if not parts:
        parts.append(say("advice_general", lang))
    parts += flags(dishes, conditions or {"hypertension"}, lang)
    salty = max(dishes, key=lambda d: d.nutrition.get("sodium_mg", 0), default=None)
    if salty is not None and salty.nutrition.get("sodium_mg", 0) >= SALTY_SODIUM_MG:
        grams = round(salty.nutrition["sodium_mg"] * 2.54 / 1000)
        shown = dish_label(salty, lang)
        parts.append(say("advice_salt", lang, dish=shown, salt=count(grams, lang)))
    return "".join(parts)


_KEYS = {
    "advice_hypertension",
    "advice_diabetes",
    "advice_chewing",
    "advice_gout",
    "advice_hyperlipidemia",
}


def recurrence_words(
    weekdays: tuple[int, ...], start: date, end: date | None, today: date, lang: str = "zh"
) -> str:
    """每天 / 工作日 / 明天到12月6日每天 / 12月7日到11日 as a standing order's days are said: two
    dates of one month say the month once."""
    if set(weekdays) == set(range(7)):
        every = say("every_day", lang)
    elif set(weekdays) == set(range(5)):
        every = say("workdays", lang)
    else:
        days = joined((word("weekday", WEEKDAYS[d], lang) for d in weekdays), lang)
        every = say("every_weekday", lang, days=days)
    if end is None:
        return every
    first, last = day_words(start, today, lang), day_words(end, today, lang)
    dates = first == date_words(start, lang) and last == date_words(end, lang)
    if dates and (start.year, start.month) == (end.year, end.month):
        last = say("date_span_day", lang, day=digits(str(end.day), lang))
    return say("date_span", lang, start=first, end=last) + every
