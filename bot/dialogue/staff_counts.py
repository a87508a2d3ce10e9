"""Counts canteen staff ask for in a sentence: 明天中午一共几单了 / 今天多少人订饭, 手把肉一共
几份, 鲈鱼还能订几份 / 羊背子还剩几份. Read from the kitchen sheet and the menu's portions, the
same figures the console and the kitchen sheet show; one short answer each."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from bot.dialogue.context import Turn
from bot.dialogue.naming import NOT_DISH_WORDS, named_by_part, parts_of
from bot.dialogue.utterance import Kind, Mention, Utterance
from bot.dialogue.words import KINDS
from bot.phrasing import when_words
from bot.turn import Reply
from menus.catalogue import say
from menus.db import read_only
from menus.menu_store import load_menus, names_match
from menus.models import Canteen
from menus.reports import kitchen_sheet
from menus.spoken import number
from menus.vocab import MealSlot

ASKS_COUNT = ("几单", "多少单", "多少人", "几个人", "几份", "多少份", "还剩", "剩几", "剩多少",
              "几分", "还能订", "还有几", "还有多少", "一共", "几碗", "几个", "几家", "多少碗",
              "多少个", "хэд", "ᠬᠡᠳᠦ", "ᠬᠡᠳᠡᠨ", "heden")  # fmt: skip
"""Mongolian staff ask with хэд / хэдэн (ᠬᠡᠳᠦ / ᠬᠡᠳᠡᠨ, heden typed in Latin): хонины шөл
хэдэн аяга хийх вэ."""
LEFT = ("剩", "还能订", "还能卖", "还有几", "还有多少", "үлд", "улд", "ᠦᠯᠡᠳ")
ORDERED = ("订了", "订出", "卖了", "卖出", "订掉")
"""Asked with a question of what is left, the question of how many were ordered as well."""


def asks(text: str) -> bool:
    """Whether a staff sentence asks for a count (not хэдэн цагт: at what time)."""
    return any(word in text for word in ASKS_COUNT) and not AT_WHAT_TIME.search(text)


AT_WHAT_TIME = re.compile(r"хэдэн цаг|ᠬᠡᠳᠦᠨ ᠴᠠᠭ|几点|几分钟")


def answer(turn: Turn, canteen_id: int, said: Utterance, day: date, meal: MealSlot) -> Reply:
    """The count asked for, of the meal ``meal`` on ``day``, in one sentence."""
    lang = turn.lang
    with read_only(turn.store.factory) as session:
        canteen = session.get(Canteen, canteen_id)
        assert canteen is not None
        sheet = kitchen_sheet(session, canteen, day, meal)
        items = [i for m in load_menus(session, [canteen.id], day, meal) for i in m.items]
        session.expunge_all()
    when = when_words(day, meal, turn.today, lang)
    said = _dish_by_part(said, [i.dish.name for i in items])
    said = _dishes_of_kind(said, [(i.dish.name, set(i.dish.tags or ())) for i in items])
    community = _community_named(said.text, list(sheet.delivery))
    if not said.dishes and community is not None:  # 往丰州路社区送几份
        count = number(len(sheet.delivery[community]), lang)
        return Reply(say("staff_count_to", lang, when=when, community=community, count=count))
    if not said.dishes:
        counts = {
            "orders": sheet.orders,
            "delivery": sum(len(group) for group in sheet.delivery.values()),
            "pickup": sheet.pickup,
            "dine_in": sheet.dine_in,
        }
        figures = {k: number(v, lang) for k, v in counts.items()}
        return Reply(say("staff_count_orders", lang, when=when, **figures))
    return Reply(_of_dishes(said, items, sheet.portions, when, lang))


def _of_dishes(
    said: Utterance, items: list[Any], portions: dict[str, int], when: str, lang: str
) -> str:
    """For each dish asked: how many are ordered, or left, or both; all of them when asked."""
    parts = []
    for mention in said.dishes:
        name = str(mention.value)
        item = next((i for i in items if names_match(name, [i.dish.name, *i.dish.aliases])), None)
        if item is None:
            parts.append(say("staff_count_not_on", lang, when=when, dish=name))
            continue
        leaving = any(word in said.text for word in LEFT)
        if not leaving or any(word in said.text for word in ORDERED):  # 订出去几份了？还剩几份？
            ordered = number(portions.get(item.dish.name, 0), lang)
            parts.append(say("staff_count_ordered", lang, when=when, dish=name, qty=ordered))
        if leaving:
            left = item.portions_left
            key = "staff_count_unlimited" if left is None else "staff_count_left"
            parts.append(say(key, lang, when=when, dish=name, left=number(left or 0, lang)))
    counted = [portions.get(str(d.value), 0) for d in said.dishes]
    if len(counted) > 1 and TOTAL.search(said.text):  # 面条一共下几碗: each, and all of them
        parts.append(say("staff_count_total", lang, when=when, qty=number(sum(counted), lang)))
    return "".join(parts)


TOTAL = re.compile(r"一共|总共|统共|加起来")


def dishes_asked(
    turn: Turn, canteen_id: int, said: Utterance, day: date, meal: MealSlot
) -> list[str]:
    """The meal's dishes a staff question names: by name, by part (鱼), or by kind (粥)."""
    with read_only(turn.store.factory) as session:
        items = [i for m in load_menus(session, [canteen_id], day, meal) for i in m.items]
        served = [(i.dish.name, set(i.dish.tags or ())) for i in items]
        aliases = {i.dish.name: [i.dish.name, *i.dish.aliases] for i in items}
    said = _dishes_of_kind(_dish_by_part(said, [n for n, _ in served]), served)
    named = [str(d.value) for d in said.dishes]
    return [n for n, known in aliases.items() if any(names_match(d, known) for d in named)]


def _dish_by_part(said: Utterance, served: list[str]) -> Utterance:
    """手把几份: a dish of the meal named by a part of its name, as staff shorten names in the
    kitchen; the sentence as it was when it names one already, or no single one."""
    if said.dishes:
        return said
    found = named_by_part(said.text, served)
    if found is None or not any(p in said.text for p in parts_of(found) if len(p) >= 2):
        return said  # 几份饭 / 几个菜: no dish's name, only a kind
    return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, found)))


NAMED_KINDS = (("面条", "面"), ("面", "面"), ("粥", "粥"), ("汤", "汤"), ("饺子", "饺子"),
               ("包子", "包子"))  # fmt: skip
"""A kind the kitchen names by the last word of its dishes' names (面条 → 牛肉面, 西红柿鸡蛋面)."""


def _dishes_of_kind(said: Utterance, served: list[tuple[str, set[str]]]) -> Utterance:
    """两样粥各几碗 / 汤一共几份: no dish named, but a kind of dish (粥, 汤, 素菜): each dish of
    the meal of that kind is asked about."""
    if said.dishes:
        return said
    text = NOT_DISH_WORDS.sub(" ", said.text)  # 单子里面: no 面
    head = next((h for w, h in NAMED_KINDS if w in text), None)
    word = next((w for w in sorted(KINDS, key=len, reverse=True) if w in text), None)
    if word is None and head is None:
        return said
    tags = set(KINDS[word]) if word else set()
    found = [
        Mention(Kind.DISH, name)
        for name, have in served
        if tags & have or (head is not None and name.endswith(head))
    ]
    return replace(said, mentions=(*said.mentions, *found)) if found else said


def _community_named(text: str, communities: list[str]) -> str | None:
    """丰州路 / 丰州路社区: the delivery community a question names."""
    return next(
        (c for c in communities if c and (c in text or c.removesuffix("社区") in text)), None
    )
