"""An elder's order taken by canteen staff on the phone (张桂兰刚打电话，晚上要一份饺子; 孙德山
说今天中午不来了，把他那单取消掉): staff name an elder of their canteen by full name with a
request about that elder's meals, and the turn is that elder's conversation, told for them.
The next turns go on with that elder while the order is being told or a cancel is asked.
The store checks again that staff may act for the elder's canteen."""

from __future__ import annotations

import re

from sqlalchemy import literal, or_, select

from bot.dialogue import answers
from bot.dialogue.context import Turn
from bot.dialogue.staff_relay import FAULT
from bot.dialogue.state import Awaiting
from bot.dialogue.utterance import Intent, Kind, Utterance
from bot.turn import Reply
from menus.db import read_only
from menus.feedback import staff_canteens
from menus.models import Person
from nlu.names_mn import names_said

FOR_AN_ELDER = frozenset(
    {
        Intent.ORDER_MEAL,
        Intent.INFORM,
        Intent.CHOOSE_FULFILLMENT,
        Intent.CHANGE_ORDER,
        Intent.CANCEL_ORDER,
        Intent.CHECK_ORDER,
    }
)
"""What staff may ask or do for an elder named: order, change, cancel, and what is ordered."""
POINTED = re.compile(r"(^[那嗯哦，,\s]*|[把给帮替让那])(她|他|老人家?|老太太|老爷子)(?!们)")
"""她今天中午订的是啥: said first, the elder named before (in a complaint passed on, an order
taken); never 他们."""
MIN_NAME = 2
"""A name shorter than this is never looked for inside a sentence."""


def elder_meant(turn: Turn, said: Utterance) -> int | None:
    """The elder this staff turn is for: one of their canteen's elders named in full with a
    request about meals, or the one whose order is being told; None for the staff's own work."""
    state = turn.state
    if state.awaiting == Awaiting.PUBLISH:
        return None
    telling = state.for_elder is not None and (
        state.draft is not None or state.awaiting in (Awaiting.CONFIRM, Awaiting.CANCEL)
    )
    named = _named(turn, said.text)
    if named is None and said.intent in FOR_AN_ELDER and POINTED.search(said.text):
        named = state.for_elder  # 她今天中午订的是啥: the elder spoken of just before
    if named is not None and (said.intent in FOR_AN_ELDER or telling):
        if named != state.for_elder:
            state.drop_draft()  # one elder's draft never becomes another's order
            state.cancel_id = None
        state.for_elder = named
        return named
    return state.for_elder if telling else None


ASKED_OF = re.compile(
    r"啥|什么|订了没|订没订|没订|几份|几个|几碗|几样|是不是|是吧|要的|订的|都有|呢[？?。！!\s]*$"
)
"""其木格的都有啥 / 额尔敦订了几份 / 赵淑珍呢？她没订？: asked about one elder's meals."""
COUNT_ASKED = re.compile(r"几(份|个|碗|根|盘|样|笼|屉)|多少(份|个|碗)")
_ASKED_AS_OTHER = frozenset(
    {Intent.ASK_MENU, Intent.ASK_PRICE, Intent.OUT_OF_SCOPE, Intent.INFORM, Intent.COMPLAIN,
     Intent.CHECK_BALANCE, Intent.AFFIRM, Intent.DENY, Intent.ASK_NUTRITION}
)  # fmt: skip


def asked_about(turn: Turn, said: Utterance) -> Utterance:
    """``said`` as a question about the orders of the elder it names (by full name, or 她 after
    one), when it asks about them and is heard as something else; as it is otherwise (a
    complaint passed on, an order being told, the staff's own counts)."""
    state = turn.state
    counted = bool(said.dishes) and COUNT_ASKED.search(said.text) and not said.of(Kind.QUANTITY)
    unasked = said.intent in (Intent.ORDER_MEAL, Intent.CHOOSE_FULFILLMENT) and (
        not said.dishes or bool(counted)  # 刘振华那家米饭几份: a count asked, not ordered
    )
    if said.intent not in _ASKED_AS_OTHER and not unasked:  # 赵淑珍呢？她没订？
        return said
    if state.draft is not None or FAULT.search(said.text):
        return said
    if not ASKED_OF.search(said.text) and not COUNT_ASKED.search(said.text):
        return said
    pointed = POINTED.search(said.text) is not None and state.for_elder is not None
    if _named(turn, said.text) is None and not pointed:
        return said
    return said.with_intent(Intent.CHECK_ORDER)


def orders_of_several(turn: Turn, said: Utterance) -> Reply | None:
    """刘振华跟李淑芬，这两天都订了些啥: each elder named, their orders, one after another."""
    if not ASKED_OF.search(said.text) or FAULT.search(said.text) or turn.state.draft is not None:
        return None
    named = _all_named(turn, said.text)
    if len(named) < 2:
        return None
    parts = []
    for pid, _ in named:
        turn.elder_id = pid
        parts.append(answers.orders(turn, said).text)  # each named: 刘振华订了：…
    turn.elder_id = turn.person_id
    return Reply("".join(parts))


def _named(turn: Turn, text: str) -> int | None:
    """The one elder of the staff member's canteens whose full name is in ``text``."""
    found = _all_named(turn, text)
    return found[0][0] if len(found) == 1 else None


def _all_named(turn: Turn, text: str) -> list[tuple[int, str]]:
    """Every elder of the staff member's canteens whose full name is in ``text``, or who is
    called in Mongolian by a name of which the register holds the Chinese form (Цэцэг: 其其格)."""
    in_mongolian = names_said(text)  # nobody in a Chinese sentence (tests/nlu/test_names_mn.py)
    with read_only(turn.store.factory) as session:
        canteens = set(staff_canteens(session, turn.person_id))
        said = literal(text).contains(Person.name)
        rows = session.execute(
            select(Person.id, Person.name).where(
                Person.kind == "elder", or_(said, Person.name.in_(in_mongolian))
            )
        ).all()
        return [
            (pid, name)
            for pid, name in rows
            if len(name) >= MIN_NAME
            and (name in text or name in in_mongolian)
            and turn.store.home(session, pid).id in canteens
        ]
