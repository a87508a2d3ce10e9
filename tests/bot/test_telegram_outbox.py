"""Outbox delivery over Telegram: due messages reach each person's chat once, failures back off."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.telegram.outbox import deliver_due, start_outbox, stop_outbox
from menus.db import unit_of_work
from menus.models import OutboxMessage, Person
from menus.outbox import enqueue
from tests.bot.telegram_harness import Harness, buttons
from tests.conftest import BEFORE_LUNCH


def queue(tg: Harness, name: str, key: str, text: str, choices: tuple[str, ...] = ()) -> int:
    with unit_of_work(tg.factory) as session:
        person = session.scalars(select(Person.id).where(Person.name == name)).one()
        enqueue(
            session,
            person_id=person,
            kind="reminder",
            key=key,
            text=text,
            choices=choices,
            due_at=BEFORE_LUNCH,
        )
        return person


def status(tg: Harness, key: str) -> tuple[str, int, str | None]:
    with tg.factory() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()
        return row.status, row.attempts, row.last_error


async def test_due_messages_are_sent_once_with_their_choices(tg: Harness) -> None:
    tg.identify("王秀兰", 1001)
    queue(tg, "王秀兰", "link-1", "李娜想替您订饭，同意吗？", ("同意", "不同意"))
    queue(tg, "刘德福", "remind-2", "该订午饭了。")  # no Telegram account
    done = await deliver_due(tg.app.bot, tg.factory, BEFORE_LUNCH)
    assert (done.claimed, done.sent, done.failed) == (2, 1, 1)
    sent = tg.fake.sent()
    assert [(m["chat_id"], m["text"]) for m in sent] == [(1001, "李娜想替您订饭，同意吗？")]
    assert buttons(sent[0]["reply_markup"]) == ["同意", "不同意"]
    assert "inline_keyboard" in sent[0]["reply_markup"]
    assert status(tg, "link-1")[0] == "sent"
    assert status(tg, "remind-2") == ("pending", 1, "no telegram account")
    again = await deliver_due(tg.app.bot, tg.factory, BEFORE_LUNCH)
    assert again.claimed == 0 and len(tg.fake.sent()) == 1


async def test_a_refused_send_is_retried_later_and_says_why_without_content(tg: Harness) -> None:
    tg.identify("王秀兰", 1001)
    queue(tg, "王秀兰", "r-1", "该订午饭了。")
    tg.fake.refuse[1001] = {"error_code": 403, "description": "Forbidden: bot was blocked"}
    done = await deliver_due(tg.app.bot, tg.factory, BEFORE_LUNCH)
    assert done.failed == 1
    assert status(tg, "r-1") == ("pending", 1, "blocked by the person")
    tg.fake.refuse[1001] = {"error_code": 400, "description": "Bad Request: chat not found"}
    later = BEFORE_LUNCH.replace(hour=9)
    await deliver_due(tg.app.bot, tg.factory, later)
    assert status(tg, "r-1") == ("pending", 2, "BadRequest")


async def test_the_sweep_runs_in_the_background_until_stopped(tg: Harness) -> None:
    tg.identify("王秀兰", 1001)
    start_outbox(tg.app, tg.factory, lambda: BEFORE_LUNCH, interval=0.01)
    queue(tg, "王秀兰", "bg-1", "明天的菜单出来了。")
    await asyncio.to_thread(tg.fake.wait_for, 1)
    await stop_outbox(tg.app)
    assert tg.fake.texts() == ["明天的菜单出来了。"]
    assert status(tg, "bg-1")[0] == "sent"
