"""也订一样的: another order like the one this person just placed (给我爸订了…，再给我妈也订一样
的; 明天也一样), read back like any order before a yes places it."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from bot.dialogue.context import Turn
from bot.dialogue.state import Draft
from bot.dialogue.utterance import Role, Utterance
from menus.db import read_only
from menus.models import Order
from menus.vocab import Fulfillment, MealSlot

SAME = re.compile(
    r"一样|同样|照样|一模一样|照这个"
    r"|(今天|今儿|明天|明儿|后天|后儿|早上|早起|中午|晌午|晚上|后晌|这顿|下顿)的?[我俺]?"
    r"也(给我|给俺|给)?(留|来|订|要)[一两俩仨三]?[碗份个盘](?=[，,。.！!；;\s]|$)"
)
"""Words that ask for what was just ordered again (明儿晌午也给我留一碗: a day or meal, then a
count and no dish; 凉拌黄瓜也要一个 asks for that dish)."""
RECENT = timedelta(hours=6)
"""How far back "the one just placed" reaches: this sitting, not last week's order."""


def same_as_placed(turn: Turn, said: Utterance) -> Draft | None:
    """The draft for 也订一样的 said with no dish (or only dishes added: 明儿晌午也给我留一碗，再加
    个茶叶蛋): the dishes, day, meal and way of the order this person placed last (for whichever
    elder), if it was placed in this sitting; else None."""
    if said.recurring or not SAME.search(said.text):
        return None
    if any(d.role != Role.ADD for d in said.dishes):  # 也要一份红烧肉: that dish, not the last
        return None
    query = (
        select(Order)
        .where(Order.placed_by_id == turn.person_id, Order.status != "cancelled")
        .where(Order.created_at >= turn.now - RECENT)
        .order_by(Order.id.desc())
        .limit(1)
    )
    with read_only(turn.store.factory) as session:
        last = session.scalars(query).first()
        if last is None:
            return None
        return Draft(
            lines={i.dish_name: i.qty for i in last.items},
            day=last.date,
            meal=MealSlot(last.meal),
            fulfillment=Fulfillment(last.fulfillment),
        )
