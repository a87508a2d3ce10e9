"""What a staff member's question leans on: the question before it. 明天中午的呢 asks the last
question again of tomorrow's lunch; 手把肉呢 / 那还能卖几份 of that dish or the last one, and a
question naming no meal is about the meal asked about just before (红烧排骨订了几份, after
今儿中午米饭一共几碗). With nothing before, a dish names the meal whose menu has it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from bot.dialogue import staff_counts, staff_lists
from bot.dialogue.context import Turn
from bot.dialogue.state import MealRef
from bot.dialogue.utterance import Kind, Mention, Utterance
from menus.menu_store import load_menus, names_match
from menus.models import Canteen
from menus.vocab import MealSlot

LISTED = ("送餐单", "送啥", "送的啥", "送什么", "都送的", "送的是谁", "哪几家", "哪两家", "送谁",
          "给谁送", "捋一下")  # fmt: skip
"""The delivery list asked for by name: whatever count is asked with it, the list answers."""
AGAIN = re.compile(r"呢[？?。！!～~\s]*$")
"""明天中午的呢 / 手把肉呢: the last question, of what is said now."""
QUESTION = {
    "left": "还剩几份",
    "ordered": "订了几份",
    "orders": "一共几单",
    "delivery": "送餐单",
    "kitchen": "厨房单",
}
"""Each kind of question, in words the staff dialogue hears (to ask it again)."""


def kind_of(
    text: str, said: Utterance, delivery: tuple[str, ...], kitchen: tuple[str, ...]
) -> str | None:
    """Which question ``text`` asks, if any: the delivery list when it is asked for by name
    (送餐单给我报一下，一共送几家？都送啥？), else a count, the list, the kitchen sheet."""
    if any(word in text for word in LISTED):
        return "delivery"
    way = staff_lists.kind_of(text)  # 自取的有谁 / 在食堂吃的订了啥 / 自己来取的呢
    if way is not None:
        return way
    if staff_lists.asks_who_ordered(text):  # 鱼都谁订了 / 那个莜面是谁的
        return "who"
    if not said.dishes and any(word in text for word in kitchen):  # 都得做啥，各几份
        return "kitchen"
    if staff_counts.asks(text):
        if any(word in text for word in staff_counts.LEFT):
            return "left"
        return "ordered" if said.dishes else "orders"
    if any(word in text for word in delivery):
        return "delivery"
    if any(word in text for word in kitchen):
        return "kitchen"
    return None


def continued(turn: Turn, said: Utterance, kind: str | None) -> tuple[Utterance, str | None]:
    """``said`` with what it leaves out taken from the question before: the dish (那还能卖几份),
    the question itself (明天中午的呢), and which question it is."""
    state = turn.state
    last, topic = state.asked, state.topic
    again = kind is None and last in QUESTION and AGAIN.search(said.text) is not None
    if again and last is not None:
        kind = last
        said = replace(said, text=said.text + QUESTION[last])
    about_dish = kind == "left" or (again and kind == "ordered")  # 那还能卖几份 / 明天的呢
    if about_dish and not said.dishes and topic is not None:
        said = replace(said, mentions=(*said.mentions, Mention(Kind.DISH, topic)))
    if kind == "orders" and said.dishes:
        kind = "ordered"
    return said, kind


def meal_asked(
    session: Session, canteen: Canteen, said: Utterance, today: date, before: MealRef | None
) -> tuple[date, MealSlot] | None:
    """The meal a question names, or leans on: 明天中午; 明天的呢 (the meal before, that day);
    nothing (the meal before); a dish alone (the meal of today, or the day said, that has it).
    None when it is for the caller to choose (the meal being cooked for)."""
    if said.meal is not None:
        return said.day or today, said.meal
    if before is not None:
        return said.day or before.day, before.meal
    if said.dishes:
        day = said.day or today
        names = [str(d.value) for d in said.dishes]
        for menu in load_menus(session, [canteen.id], day, None):
            dishes = [[i.dish.name, *i.dish.aliases] for i in menu.items]
            if any(names_match(n, known) for known in dishes for n in names):
                return day, MealSlot(menu.meal)
    return None


def remember(turn: Turn, said: Utterance, kind: str | None, day: date, meal: MealSlot) -> None:
    """Keep the question, its meal and its one dish, for the next question to lean on."""
    state = turn.state
    state.asked = kind
    state.menu_read = MealRef(day, meal)
    dishes = {str(d.value) for d in said.dishes}
    if dishes:
        state.topic = next(iter(dishes)) if len(dishes) == 1 else None
