"""Who comes for their meal, and one stop of the delivery round: 自己来取的呢 / 在食堂吃的订了啥
list the meal's pickup or dine-in orders with their dishes, as the delivery list does; 丰州路
那家呢 / 王秀英家送的啥 is the delivery list cut to the stops that place or elder names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from bot.dialogue.context import Turn
from bot.phrasing import when_words
from bot.turn import Reply
from menus.catalogue import say
from menus.db import read_only
from menus.delivery import DeliveryStop, kitchen_orders
from menus.models import Canteen
from menus.vocab import Fulfillment, MealSlot

WAYS: dict[str, tuple[str, ...]] = {
    "pickup": ("自取", "自己来取", "自己取", "自己来拿", "自己拿", "来取", "来拿", "取餐", "自提",
               "过来拿", "过来取", "өөрөө ав", "ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪ"),
    "dine_in": ("堂食", "在食堂吃", "食堂吃", "来吃", "过来吃", "到食堂", "ирж ид", "ᠢᠷᠡᠵᠦ ᠢᠳᠡ"),
}  # fmt: skip
"""Words for a way of getting the meal other than delivery, as staff ask about it."""
ALL_WAYS = ("delivery", "pickup", "dine_in")
ASKS_WHO = re.compile(r"谁|哪些|哪几|哪个|啥|什么|名单|都有|念|报一下|呢[？?。！!\s]*$|хэн|ᠬᠡᠨ")
"""A list asked for (自取的有谁 / 堂食的订了啥 / 自己来取的呢), not a count alone."""
PLACE_TAILS = ("社区", "嘎查", "苏木所在地", "小区", "街道")
"""What ends a community's name and is left out when it is said (丰州路 for 丰州路社区)."""


def kind_of(text: str) -> str | None:
    """ "pickup" or "dine_in" when ``text`` asks who gets the meal that way (not how many)."""
    if not ASKS_WHO.search(text):
        return None
    return next((kind for kind, words in WAYS.items() if any(w in text for w in words)), None)


def way_list(turn: Turn, canteen_id: int, day: date, meal: MealSlot, kind: str) -> Reply:
    """The meal's orders got that way: number, elder, dishes (delivery's own list has more)."""
    with read_only(turn.store.factory) as session:
        canteen = session.get(Canteen, canteen_id)
        assert canteen is not None
        rows = [
            (o.id, o.elder.name, "、".join(f"{i.dish_name}×{i.qty}" for i in o.items))
            for o in kitchen_orders(session, canteen, day, meal)
            if o.fulfillment == Fulfillment(kind).value
        ]
    when, way = when_words(day, meal, turn.today, turn.lang), say(f"way_{kind}", turn.lang)
    if not rows:
        return Reply(say("way_list_none", turn.lang, when=when, way=way))
    lines = [say("way_list_line", turn.lang, id=i, name=n, items=items) for i, n, items in rows]
    intro = say("way_list_intro", turn.lang, when=when, way=way, count=len(rows))
    return Reply(intro + "\n" + "\n".join(lines))


def named_stops(text: str, stops: Iterable[DeliveryStop]) -> list[DeliveryStop]:
    """The stops ``text`` names by their elder or by their place (丰州路 for 丰州路社区, the
    building said with it or not); none when it names none."""
    stops = list(stops)
    by_elder = [s for s in stops if s.elder in text]
    if by_elder:
        return by_elder
    return [s for s in stops if _place(s.address) and _place(s.address) in text]


def _place(address: str) -> str:
    """The community part of an address, without its ending (丰州路社区12号楼 → 丰州路)."""
    for tail in PLACE_TAILS:
        at = address.find(tail)
        if at >= 2:
            return address[:at]
    return ""


WHO_ORDERED = re.compile(r"谁订|谁要|谁的|是谁|都谁|有人订|有谁|哪几个人|哪些人|谁跟谁")
"""鱼都谁订了 / 那个莜面是谁的 / 羊背子有人订了没: who ordered a dish of the meal."""


def asks_who_ordered(text: str) -> bool:
    return WHO_ORDERED.search(text) is not None


def who_ordered(turn: Turn, canteen_id: int, day: date, meal: MealSlot, dishes: list[str]) -> Reply:
    """Each elder with that dish in the meal's orders, and how many portions."""
    with read_only(turn.store.factory) as session:
        canteen = session.get(Canteen, canteen_id)
        assert canteen is not None
        rows = [
            (dish, o.elder.name, i.qty)
            for o in kitchen_orders(session, canteen, day, meal)
            for i in o.items
            for dish in dishes
            if i.dish_name == dish
        ]
    when = when_words(day, meal, turn.today, turn.lang)
    parts = []
    for dish in dishes:
        mine = [(name, qty) for d, name, qty in rows if d == dish]
        if not mine:
            parts.append(say("who_ordered_none", turn.lang, when=when, dish=dish))
            continue
        people = "、".join(say("who_ordered_one", turn.lang, name=n, qty=q) for n, q in mine)
        parts.append(say("who_ordered", turn.lang, when=when, dish=dish, people=people))
    return Reply("".join(parts))
