"""A complaint a staff member passes on for an elder (我是社区周主任，丰州路的刘振华老爷子反映上回
排骨太硬了…给记一下): stored as that elder's complaint, so it is in the canteen's inbox like any
other. Only for an elder of a canteen the staff member works for, named by full name."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.dialogue.context import Turn
from bot.turn import Reply
from menus.catalogue import say
from menus.db import unit_of_work
from menus.feedback import record
from menus.models import ElderProfile, Person

FAULT = re.compile(r"反映|投诉|意见|太硬|太咸|太淡|太油|凉了|不好吃|嚼不动|咬不动|记一下|记下")
"""Words that pass on a complaint."""


def relayed(turn: Turn, text: str, canteens: list[int]) -> Reply | None:
    """The complaint stored for the elder named, and said so; None when no complaint is passed
    on for one of this staff member's elders."""
    if not FAULT.search(text):
        return None
    with unit_of_work(turn.store.factory) as session:
        elders = list(
            session.scalars(
                select(Person)
                .join(ElderProfile, ElderProfile.person_id == Person.id)
                .where(Person.name.in_(_names_in(text)))
            )
        )
        ours = [(p, turn.store.home(session, p.id).id) for p in elders]
        ours = [(p, canteen_id) for p, canteen_id in ours if canteen_id in canteens]
        if len(ours) != 1:
            return None
        elder, canteen_id = ours[0]
        record(
            session,
            canteen_id=canteen_id,
            elder_id=elder.id,
            author_id=turn.person_id,
            kind="complaint",
            text=text[:2000],
            now=turn.now,
        )
        name = elder.name
        turn.state.for_elder = elder.id  # 她今天中午订的是啥: the elder just spoken of
    return Reply(say("complaint_relayed", turn.lang, elder=name))


def _names_in(text: str) -> set[str]:
    """Every run of two to four characters of the text's start: the names it may hold."""
    head = text[:200]
    return {head[i : i + n] for n in (2, 3, 4) for i in range(len(head) - n + 1)}
