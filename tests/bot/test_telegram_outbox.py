"""The outbox over Telegram: ``TelegramChannel`` is the scheduler's channel, and the application
runs the scheduler (its timed jobs and its one sender) in its own APScheduler.

The channel is tested on the recording request; the whole path (an elder orders over Telegram,
the scheduler's ``order_notifications`` job queues the family's message, its sender delivers
it over Telegram) runs the unmodified application long-polling the loopback Bot API server.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.telegram.app import SCHEDULER, build_application
from bot.telegram.channel import BAD_REQUEST, BLOCKED, NO_ACCOUNT, TelegramChannel
from menus.db import unit_of_work
from menus.models import Identity, OutboxMessage, Person
from menus.outbox import enqueue
from scheduler.channel import Channel, ChannelError
from scheduler.config import SchedulerSettings
from scheduler.sender import Sender
from scheduler.service import SchedulerService
from tests.bot.fake_telegram import TOKEN, FakeTelegram, LoopbackServer, callback_update
from tests.bot.fake_telegram import text_update as text
from tests.bot.telegram_harness import Harness, buttons, fast_limiter
from tests.conftest import BEFORE_LUNCH

FAST = SchedulerSettings(
    global_rate=1000.0,
    person_rate=1000.0,
    global_burst=50,
    person_burst=50,
    jobs_interval_s=0.2,
    sweep_interval_s=0.05,
)


def person(factory: sessionmaker[Session], name: str) -> int:
    with factory() as session:
        return int(session.scalars(select(Person.id).where(Person.name == name)).one())


def queue(
    factory: sessionmaker[Session], name: str, key: str, words: str, choices: tuple[str, ...] = ()
) -> int:
    who = person(factory, name)
    with unit_of_work(factory) as session:
        enqueue(
            session,
            person_id=who,
            kind="reminder" if key.startswith("reminder") else "note",
            key=key,
            text=words,
            choices=choices,
            due_at=BEFORE_LUNCH,
        )
    return who


def row(factory: sessionmaker[Session], key: str) -> tuple[str, int, str | None]:
    with factory() as session:
        found = session.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()
        return found.status, found.attempts, found.last_error


# ------------------------------------------------------------------ the channel alone


async def test_the_channel_sends_text_with_inline_buttons_to_the_persons_chat(
    tg: Harness,
) -> None:
    wang = tg.identify("王秀兰", 1001)
    channel = TelegramChannel(tg.app.bot, tg.factory)
    assert isinstance(channel, Channel)
    await channel.send(wang, "明天中午的饭还没订，要订吗？", ["要订", "不用了"])
    (sent,) = tg.fake.sent()
    assert (sent["chat_id"], sent["text"]) == (1001, "明天中午的饭还没订，要订吗？")
    assert "inline_keyboard" in sent["reply_markup"]
    assert buttons(sent["reply_markup"]) == ["要订", "不用了"]


async def test_without_choices_the_main_buttons_stay_in_the_persons_language(
    tg: Harness,
) -> None:
    bater = tg.identify("巴特尔", 1005)
    await TelegramChannel(tg.app.bot, tg.factory).send(bater, "ᠰᠠᠶᠢᠨ", [])
    markup = tg.last()["reply_markup"]
    assert "keyboard" in markup and "今天菜单" not in buttons(markup)


async def test_the_channel_refuses_with_a_code_and_nothing_personal(tg: Harness) -> None:
    channel = TelegramChannel(tg.app.bot, tg.factory)
    liu = person(tg.factory, "刘德福")  # no Telegram account
    with pytest.raises(ChannelError) as none:
        await channel.send(liu, "该订午饭了。", [])
    assert str(none.value) == NO_ACCOUNT
    wang = tg.identify("王秀兰", 1001)
    tg.fake.refuse[1001] = {"error_code": 403, "description": "Forbidden: bot was blocked"}
    with pytest.raises(ChannelError) as blocked:
        await channel.send(wang, "该订午饭了。", [])
    assert str(blocked.value) == BLOCKED
    tg.fake.refuse[1001] = {"error_code": 400, "description": "Bad Request: chat not found"}
    with pytest.raises(ChannelError) as bad:
        await channel.send(wang, "该订午饭了。", [])
    assert str(bad.value) == BAD_REQUEST
    assert tg.fake.sent() and all(m["chat_id"] == 1001 for m in tg.fake.sent())


async def test_one_chat_that_got_it_is_enough(tg: Harness) -> None:
    wang = tg.identify("王秀兰", 1001)
    with unit_of_work(tg.factory) as session:  # a second account, since blocked
        session.add(Identity(channel="telegram", account_id="1002", person_id=wang))
    tg.fake.refuse[1002] = {"error_code": 403, "description": "Forbidden: bot was blocked"}
    await TelegramChannel(tg.app.bot, tg.factory).send(wang, "菜单出来了。", [])
    assert [m["chat_id"] for m in tg.fake.sent()] == [1001, 1002]


async def test_the_senders_failures_keep_the_code_and_back_off(tg: Harness) -> None:
    tg.identify("王秀兰", 1001)
    queue(tg.factory, "王秀兰", "link-1", "李娜想替您订饭，同意吗？", ("同意", "不同意"))
    queue(tg.factory, "刘德福", "note-2", "该订午饭了。")
    sender = Sender(tg.factory, TelegramChannel(tg.app.bot, tg.factory), FAST)
    done = await sender.sweep(BEFORE_LUNCH)
    assert sorted((d.key, d.status) for d in done) == [("link-1", "sent"), ("note-2", "failed")]
    assert row(tg.factory, "link-1")[0] == "sent"
    assert row(tg.factory, "note-2") == ("pending", 1, NO_ACCOUNT)
    assert await sender.sweep(BEFORE_LUNCH) == []  # backing off; nothing sent twice
    assert tg.fake.texts() == ["李娜想替您订饭，同意吗？"]


# ------------------------------------------------- the application runs the scheduler


def test_the_application_runs_the_scheduler_unless_told_not_to(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZHUCAN_SWEEP_INTERVAL_S", "0.5")
    app = build_application(TOKEN, shop, now=BEFORE_LUNCH)
    service = app.bot_data[SCHEDULER]
    assert isinstance(service, SchedulerService)
    assert service.settings.sweep_interval_s == 0.5
    assert app.job_queue is not None
    assert {j.id for j in app.job_queue.scheduler.get_jobs()} == {
        "zhucan-scheduler-jobs",
        "zhucan-scheduler-sweep",
    }
    alone = build_application(TOKEN, shop, now=BEFORE_LUNCH, scheduler_settings=None)
    assert SCHEDULER not in alone.bot_data


async def say(fake: FakeTelegram, update: dict[str, Any]) -> dict[str, Any]:
    """Send one update through Telegram and wait for the bot's answer to it."""
    count = len(fake.sent())
    fake.push(update)
    await asyncio.to_thread(fake.wait_for, count + 1)
    return fake.sent()[-1]


async def test_an_order_over_telegram_reaches_the_family_once_through_the_scheduler(
    shop: sessionmaker[Session],
) -> None:
    elder, daughter = 7001, 7101
    with unit_of_work(shop) as session:
        for name, account in (("刘德福", elder), ("李娜", daughter)):
            who = session.scalars(select(Person.id).where(Person.name == name)).one()
            session.add(Identity(channel="telegram", account_id=str(account), person_id=who))
    queue(shop, "刘德福", "note-1", "明天的菜单出来了。")  # due already
    fake = FakeTelegram()
    with LoopbackServer(fake) as server:
        app = build_application(
            TOKEN,
            shop,
            base_url=server.base_url,
            base_file_url=server.base_file_url,
            now=BEFORE_LUNCH,
            rate_limiter=fast_limiter(),
            scheduler_settings=FAST,
        )
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                await asyncio.to_thread(fake.wait_for, 1)
                assert fake.sent()[0]["text"] == "明天的菜单出来了。"
                # 王秀兰 orders over Telegram; her daughter 李娜 is told by the scheduler
                with unit_of_work(shop) as session:
                    wang = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
                    session.add(Identity(channel="telegram", account_id="7002", person_id=wang))
                await say(fake, text(1, 7002, "我要订餐"))
                await say(fake, text(2, 7002, "米饭"))
                await say(fake, text(3, 7002, "中午"))
                read_back = await say(fake, text(4, 7002, "自己来取"))
                assert read_back["text"].endswith("要订吗？"), read_back["text"]
                markup = read_back["reply_markup"]
                placed = await say(fake, callback_update(5, 7002, "q-1", "要", markup))
                assert placed["text"].startswith("订好了"), placed["text"]

                def told() -> list[str]:
                    return [m["text"] for m in fake.sent() if m["chat_id"] == daughter]

                for _ in range(200):
                    if told():
                        break
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.6)  # several more job runs and sweeps: nothing again
                (notice,) = told()
                assert notice.startswith("王秀兰今天中午的饭订好了")
            finally:
                await app.updater.stop()
                await app.stop()
    assert server.bad_paths == []
    assert [m["text"] for m in fake.sent() if m["chat_id"] == elder] == ["明天的菜单出来了。"]
    li_na = person(shop, "李娜")
    with shop() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "order")).all()
    assert [(r.person_id, r.status) for r in rows] == [(li_na, "sent")]
    assert row(shop, "note-1")[0] == "sent"


async def test_stopping_the_application_stops_the_scheduler(shop: sessionmaker[Session]) -> None:
    fake = FakeTelegram()
    slow = replace(FAST, sweep_interval_s=0.05)
    with LoopbackServer(fake) as server:
        app = build_application(
            TOKEN,
            shop,
            base_url=server.base_url,
            now=BEFORE_LUNCH,
            rate_limiter=fast_limiter(),
            scheduler_settings=slow,
        )
        async with app:
            await app.start()
            assert app.job_queue is not None and app.job_queue.scheduler.running
            await app.stop()
            assert not app.job_queue.scheduler.running
        tg_account = 7003
        with unit_of_work(shop) as session:
            wang = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
            session.add(Identity(channel="telegram", account_id=str(tg_account), person_id=wang))
        queue(shop, "王秀兰", "late-1", "晚到的消息。")
        await asyncio.sleep(0.3)
    assert fake.sent() == []
    assert row(shop, "late-1")[0] == "pending"


async def test_a_fall_said_over_telegram_at_night_alerts_the_family_first_within_a_second(
    shop: sessionmaker[Session],
) -> None:
    """我摔倒了 over Telegram at night, with ordinary messages waiting for the daughter and one
    message a second allowed her: the alert is in the outbox within a second of the update
    arriving and reaches her chat ahead of the backlog (six seconds of it), not behind it."""
    import time
    from datetime import datetime

    from menus.clock import TZ

    night = datetime(2026, 12, 1, 23, 30, tzinfo=TZ)
    elder, daughter = 7201, 7202
    with unit_of_work(shop) as session:
        for name, account in (("王秀兰", elder), ("李娜", daughter)):
            who = session.scalars(select(Person.id).where(Person.name == name)).one()
            session.add(Identity(channel="telegram", account_id=str(account), person_id=who))
    for n in range(6):  # a backlog for the daughter, due long before
        queue(shop, "李娜", f"old-{n}", f"普通消息{n}。")
    fake = FakeTelegram()
    slow = replace(FAST, global_rate=2.0, person_rate=1.0, global_burst=1, person_burst=1)
    with LoopbackServer(fake) as server:
        app = build_application(
            TOKEN, shop, base_url=server.base_url, now=night,
            rate_limiter=fast_limiter(), scheduler_settings=slow,
        )  # fmt: skip
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                started = time.perf_counter()
                fake.push(text(1, elder, "我摔倒了，起不来"))
                queued = None
                while queued is None and time.perf_counter() - started < 5:
                    with shop() as session:
                        queued = session.scalars(
                            select(OutboxMessage.id).where(OutboxMessage.kind == "emergency")
                        ).first()
                    await asyncio.sleep(0.01)
                assert queued is not None and time.perf_counter() - started <= 1.0
                for _ in range(100):
                    if any(m["chat_id"] == elder for m in fake.sent()):
                        break
                    await asyncio.sleep(0.05)
                reply = next(m["text"] for m in fake.sent() if m["chat_id"] == elder)
                assert "120" in reply

                def alerts() -> list[str]:
                    told = [m["text"] for m in fake.sent() if m["chat_id"] == daughter]
                    return [t for t in told if "紧急" in t and "王秀兰" in t]

                while not alerts() and time.perf_counter() - started < 3:
                    await asyncio.sleep(0.05)
                assert alerts(), fake.sent()
                assert time.perf_counter() - started < 3  # the six ordinary ones take six
                backlog = [m for m in fake.sent() if m["text"].startswith("普通消息")]
                assert len(backlog) < 6
            finally:
                await app.updater.stop()
                await app.stop()
