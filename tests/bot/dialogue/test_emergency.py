"""The emergency word: heard in every state, answered with numbers, alerts queued to family and
the community contact ahead of every other message, never held by quiet hours, and a staff
收到 passed back to the elder."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.clock import TZ
from menus.db import unit_of_work
from menus.models import Feedback, OutboxMessage, Person
from menus.orders import list_orders
from menus.outbox import enqueue
from menus.people import find_elder
from nlu.emergency import heard
from scheduler.config import SchedulerSettings
from scheduler.sender import Sender
from tests.conftest import BEFORE_LUNCH
from tests.scheduler.helpers import FAST, add_staff

NIGHT = datetime(2026, 12, 1, 23, 30, tzinfo=TZ)


class Recording:
    """A channel that records what it was handed, in order."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        self.sent.append((person_id, text))


@pytest.mark.parametrize(
    "text",
    ["我摔倒了", "救命啊", "胸口疼得厉害", "喘不上气", "我妈摔了一跤起不来", "ᠪᠢ ᠤᠨᠠᠪᠠ",
     "би унасан", "амьсгаа давчдаж байна", "цээж өвдөж байна", "我早上摔了起不来",
     "早上在厕所倒了起不来", "ᠡᠬᠡ᠂ ᠵᠢᠷᠦᠬᠡ ᠮᠢᠨᠢ ᠡᠪᠡᠳᠴᠦ ᠪᠠᠢᠨ᠎ᠠ", "ᠠᠮᠢᠰᠬᠤᠯ ᠳᠠᠪᠴᠢᠳᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ",
     "зурх овдож байна", "哎呀… 胸口 疼。 气 上 不 来。", "我 刚才 院子 里 摔 了。 起 不 来",
     "气喘不来", "我这头突然晕得厉害，眼前直发黑，手也发麻，是不是血压又上来了",
     "我眼前一黑", "半边身子动不了", "他嘴歪了，说话不清", "我老伴突然嘴歪了，没事吧", "他嘴角歪了",
     "眼前一阵发黑", "右半边身子不能动", "说不出话来了", "口齿不清了", "突然手麻了"],
)  # fmt: skip
def test_emergencies_are_heard(text: str) -> None:
    assert heard(text)


@pytest.mark.parametrize(
    "text",
    ["我没摔着，就想订饭", "吃完胃里不舒服", "最近老头晕，血压多少合适",
     "把早饭改成午饭，起不来那么早", "不对，早上起不来，改成晚上", "早上太早起不来，订晚饭吧",
     "清蒸鱼有刺吗", "толгой өвдөөд байна", "хонины шөл нэг авъя", "我要订餐", "хоол захиалъя",
     "Надад туслаач", "我 早上 起 不 来", "这菜麻得不行", "突然想吃饺子", "咸得不行",
     "辣得厉害", "你说话不清楚，再说一遍", "突然有事麻烦你把明天的取消了", "突然想吃麻婆豆腐",
     "一下子订了麻花", "我手机上突然看不见菜单了", "那个菜太麻了，吃一口一下子嘴都麻了",
     "打完麻药半边脸麻了，来碗粥", "牙疼得厉害，来碗粥", "胃疼得厉害，吃点什么好",
     "腿疼得不行，不去食堂了，送到家吧"],
)  # fmt: skip
def test_what_is_not_an_emergency_is_not_heard(text: str) -> None:
    assert not heard(text)


def _ids(shop: sessionmaker[Session]) -> tuple[int, int]:
    with shop() as session:
        daughter = session.scalar(select(Person.id).where(Person.name == "李娜"))
        assert daughter is not None
        return find_elder(session, "王秀兰").id, daughter


def test_mid_order_a_fall_stops_the_order_and_alerts_family_and_community(
    shop: sessionmaker[Session],
) -> None:
    elder, daughter = _ids(shop)
    community = add_staff(shop, "社区周主任", "community")
    with unit_of_work(shop) as session:
        session.get_one(Person, community).phone = "13704719999"
    dialogue = Dialogue(shop)
    dialogue.handle(elder, "中午一份红烧肉", BEFORE_LUNCH)
    started = time.perf_counter()
    reply = dialogue.handle(elder, "哎呀我摔倒了，起不来", BEFORE_LUNCH)
    elapsed = time.perf_counter() - started
    assert "120" in reply.text and "13904710101" in reply.text and "13704719999" in reply.text
    assert not reply.choices  # no question about the order in between
    assert elapsed < 1.0
    with shop() as session:
        alerts = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "emergency"))
        assert sorted(a.person_id for a in alerts) == sorted([daughter, community])
        (record,) = session.scalars(select(Feedback).where(Feedback.kind == "emergency"))
        assert record.elder_id == elder and "摔倒" in record.text
    with shop() as session:
        assert list_orders(session, elder_id=elder) == []
    assert "要订吗" not in dialogue.handle(elder, "要", BEFORE_LUNCH).text  # the draft is gone


def test_alerts_leave_first_at_night_and_a_staff_yes_is_passed_back(
    shop: sessionmaker[Session],
) -> None:
    """Quiet hours and a backlog hold ordinary messages, never an alarm."""
    elder, daughter = _ids(shop)
    community = add_staff(shop, "社区周主任", "community")
    with unit_of_work(shop) as session:
        for n in range(5):  # a backlog, due long before
            enqueue(session, person_id=daughter, kind="reminder", key=f"old-{n}", text=f"旧{n}",
                    due_at=NIGHT - timedelta(hours=3))  # fmt: skip
    Dialogue(shop).handle(elder, "救命，胸口疼", NIGHT)
    channel = Recording()
    settings = SchedulerSettings(**{**FAST.__dict__, "global_rate": 1.0, "batch": 2})
    asyncio.run(Sender(shop, channel, settings).sweep(NIGHT))
    first = [text for _, text in channel.sent[:2]]
    assert all("紧急" in text for text in first), channel.sent
    reply = Dialogue(shop).handle(community, "收到", NIGHT)
    assert "王秀兰" in reply.text
    with shop() as session:
        told = session.scalars(
            select(OutboxMessage.person_id).where(OutboxMessage.kind == "emergency_answer")
        )
        assert sorted(told) == sorted([elder, daughter])
