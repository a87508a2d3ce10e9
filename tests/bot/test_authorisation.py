"""Who may do what, as a matrix: elder, linked family, unlinked person, staff of this canteen
and staff of another canteen, against each action on 王秀兰 and the canteen ``test``. Staff of
her canteen order and cancel for her only when they name her (an order taken on the phone).

Each cell plays the action through the dialogue. Allowed: the stored effect is there. Refused:
a polite reply, and every row of every table as it was (the speaker's dialogue state aside).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.turn import Reply
from menus.db import unit_of_work
from menus.feedback import record
from menus.menu_store import get_canteen, home_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import Dish, Feedback, Order, Person
from menus.people import import_people_file
from menus.vocab import Fulfillment
from tests.bot.test_conversations import snapshot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import place

NOW = BEFORE_LUNCH
OTHER_CANTEEN = """
canteen:
  code: other
  name: 别的社区食堂
  region: "150105"
  modes: [dine_in, pickup]
  delivery_area: [别的社区]
dishes:
  - {name: 羊肉面, price: 10}
menus:
  - {date: 2026-12-02, meal: lunch, dishes: [羊肉面]}
"""
OTHER_STAFF = """
staff:
  - {name: 王师傅, phone: "13704719999", canteen: other, role: manager}
"""
MENU_FILE = b"""
canteen: {code: test, partial: true}
dishes:
  - {name: \xe8\x8e\x9c\xe9\x9d\xa2\xe7\xaa\x9d\xe7\xaa\x9d, price: 8}
menus:
  - {date: 2026-12-03, meal: lunch, dishes: [\xe8\x8e\x9c\xe9\x9d\xa2\xe7\xaa\x9d\xe7\xaa\x9d]}
"""  # 莜面窝窝 on 2026-12-03
NEW_DISH = "莜面窝窝"


@dataclass
class World:
    """The test canteen with 王秀兰's order (tomorrow's lunch) and her complaint, and a second
    canteen with its own manager."""

    factory: sessionmaker[Session]
    order_id: int
    feedback_id: int
    dialogue: Dialogue

    def person(self, name: str) -> int:
        with self.factory() as session:
            found = session.scalar(select(Person.id).where(Person.name == name))
        assert found is not None
        return found

    def say(self, speaker: str, *texts: str) -> Reply:
        reply = Reply("")
        for text in texts:
            reply = self.dialogue.handle(self.person(speaker), text, NOW)
        return reply

    def order_status(self) -> str:
        with self.factory() as session:
            order = session.get(Order, self.order_id)
            assert order is not None
            return order.status


@pytest.fixture
def world(shop: sessionmaker[Session], tmp_path: Path) -> World:
    tomorrow = NOW.date().replace(day=2)
    order = place(
        shop, NOW, "王秀兰", [("红烧肉", 1)], day=tomorrow, fulfillment=Fulfillment.DELIVERY
    )
    people = tmp_path / "other_staff.yaml"
    people.write_text(OTHER_STAFF, encoding="utf-8")
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(OTHER_CANTEEN.encode(), "other.yaml"), "o")
        import_people_file(session, people, NOW)
    with unit_of_work(shop) as session:
        elder = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        assert elder is not None
        row = record(
            session,
            canteen_id=get_canteen(session, "test").id,
            elder_id=elder,
            author_id=elder,
            kind="complaint",
            text="红烧肉太咸了",
            now=NOW,
        )
        feedback_id = row.id
    return World(shop, order.id, feedback_id, Dialogue(shop))


# ------------------------------------------------------------------ the actions


def see_orders(world: World, speaker: str) -> bool:
    """我的订单 (or, for staff, the delivery list that names her order)."""
    staff = speaker in (SPEAKERS["staff of this canteen"], SPEAKERS["staff of another canteen"])
    reply = world.say(speaker, "明天中午的送餐单" if staff else "我的订单")
    return "红烧肉" in reply.text


def order_for_her(world: World, speaker: str) -> bool:
    world.say(speaker, "明天中午一份鸡蛋羹送到家", "要")
    with world.factory() as session:
        count = session.scalar(
            select(func.count()).select_from(Order).where(Order.elder_id == world.person("王秀兰"))
        )
    return count == 2


def cancel_her_order(world: World, speaker: str) -> bool:
    world.say(speaker, "取消订单", "要")
    return world.order_status() == "cancelled"


def order_for_her_by_name(world: World, speaker: str) -> bool:
    """What canteen staff say taking her order on the phone (family and she may say it too)."""
    world.say(speaker, "王秀兰打电话来，明天中午要一份鸡蛋羹，送到家", "要")
    with world.factory() as session:
        count = session.scalar(
            select(func.count()).select_from(Order).where(Order.elder_id == world.person("王秀兰"))
        )
    return count == 2


def cancel_her_order_by_name(world: World, speaker: str) -> bool:
    world.say(speaker, "王秀兰说明天中午不吃了，把她那单取消", "要")
    return world.order_status() == "cancelled"


def publish_menu(world: World, speaker: str) -> bool:
    world.dialogue.handle_file(world.person(speaker), "week.yaml", MENU_FILE, NOW)
    world.say(speaker, "发布")
    with world.factory() as session:
        return session.scalar(select(Dish.id).where(Dish.name == NEW_DISH)) is not None


def kitchen_sheet(world: World, speaker: str) -> bool:
    return "红烧肉1份" in world.say(speaker, "明天中午的厨房单").text


def mark_delivered(world: World, speaker: str) -> bool:
    world.say(speaker, f"{world.order_id}号送到了")
    return world.order_status() == "completed"


def answer_complaint(world: World, speaker: str) -> bool:
    world.say(speaker, f"回复 {world.feedback_id} 下次少放盐")
    with world.factory() as session:
        row = session.get(Feedback, world.feedback_id)
        assert row is not None
        return row.answer is not None


ACTIONS: dict[str, Callable[[World, str], bool]] = {
    "see orders": see_orders,
    "order for her": order_for_her,
    "cancel her order": cancel_her_order,
    "order for her by name": order_for_her_by_name,
    "cancel her order by name": cancel_her_order_by_name,
    "publish a menu file": publish_menu,
    "kitchen sheet": kitchen_sheet,
    "mark delivered": mark_delivered,
    "answer a complaint": answer_complaint,
}
SPEAKERS = {  # the role in the matrix → who plays it
    "elder": "王秀兰",
    "linked family": "李娜",
    "unlinked person": "路人甲",
    "staff of this canteen": "张建国",
    "staff of another canteen": "王师傅",
}
BY_NAME = ("order for her by name", "cancel her order by name")
ALLOWED = {
    "elder": {"see orders", "order for her", "cancel her order", *BY_NAME},
    "linked family": {"see orders", "order for her", "cancel her order", *BY_NAME},
    "unlinked person": set(),
    "staff of this canteen": {  # her orders only when she is named: taken on the phone
        *BY_NAME,
        "see orders",
        "publish a menu file",
        "kitchen sheet",
        "mark delivered",
        "answer a complaint",
    },
    "staff of another canteen": set(),
}
CELLS = [(role, action) for role in SPEAKERS for action in ACTIONS]


@pytest.mark.parametrize(("role", "action"), CELLS, ids=[f"{r}: {a}" for r, a in CELLS])
def test_authorisation(world: World, role: str, action: str) -> None:
    speaker = SPEAKERS[role]
    before = snapshot(world.factory)
    replies: list[str] = []
    original = world.dialogue.handle

    def listening(person_id: int, text: str, now: object, **kw: object) -> Reply:
        reply = original(person_id, text, now, **kw)  # type: ignore[arg-type]
        replies.append(reply.text)
        return reply

    world.dialogue.handle = listening  # type: ignore[method-assign]
    done = ACTIONS[action](world, speaker)
    allowed = action in ALLOWED[role]
    assert done is allowed, (role, action, replies)
    assert all(text.strip() and "Traceback" not in text for text in replies)
    if not allowed:
        assert snapshot(world.factory) == before, replies


def test_each_canteen_serves_its_own_elders(world: World) -> None:
    """王秀兰's community is in the test canteen's delivery area, whatever else exists."""
    with world.factory() as session:
        assert home_canteen(session, world.person("王秀兰")).code == "test"
