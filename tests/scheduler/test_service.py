"""The scheduler as a whole: one tick does everything due; APScheduler (the bot's asyncio one,
or a thread-based one) only triggers the jobs and the sweep."""

from __future__ import annotations

import asyncio
import time

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.orm import Session, sessionmaker

from scheduler.channel import LogChannel
from scheduler.config import SchedulerSettings
from scheduler.service import JOBS_ID, SWEEP_ID, SchedulerService
from tests.scheduler.helpers import at, outbox, remind

QUICK = SchedulerSettings(
    global_rate=1000, person_rate=1000, jobs_interval_s=0.2, sweep_interval_s=0.1
)


def test_a_tick_queues_and_sends_what_is_due(shop: sessionmaker[Session]) -> None:
    wang = remind(shop, "王秀兰", "16:00")
    channel = LogChannel()
    service = SchedulerService(shop, channel, QUICK)
    report = asyncio.run(service.tick(at("2026-11-30 16:00")))
    assert [q.kind for q in report.queued] == ["reminder"]
    assert [(d.status, d.person_id) for d in report.delivered] == [("sent", wang)]
    assert channel.lines[0]["text"] == "明天中午的饭还没订，要订吗？"
    again = asyncio.run(service.tick(at("2026-11-30 16:01")))
    assert (again.queued, again.delivered) == ([], [])


def test_a_held_message_goes_out_on_the_tick_after_quiet_hours(
    shop: sessionmaker[Session],
) -> None:
    remind(shop, "王秀兰", "22:30")
    channel = LogChannel()
    service = SchedulerService(shop, channel, QUICK)
    night = asyncio.run(service.tick(at("2026-11-30 22:30")))
    assert [q.kind for q in night.queued if q.kind == "reminder"] == ["reminder"]
    assert [d.kind for d in night.delivered] == ["cutoff"]  # the breakfast sheet for the kitchen
    morning = asyncio.run(service.tick(at("2026-12-01 07:00")))
    assert [(d.kind, d.status) for d in morning.delivered] == [("reminder", "sent")]
    assert channel.lines[-1]["text"] == "今天中午的饭还没订，要订吗？"


def _wait_for(condition: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.05)


def test_a_thread_scheduler_triggers_jobs_and_sweep(shop: sessionmaker[Session]) -> None:
    remind(shop, "王秀兰", "16:00")
    channel = LogChannel()
    service = SchedulerService(shop, channel, QUICK, wall=lambda: at("2026-11-30 16:00"))
    scheduler = BackgroundScheduler()
    service.attach(scheduler)
    assert {job.id for job in scheduler.get_jobs()} == {JOBS_ID, SWEEP_ID}
    scheduler.start()
    try:
        _wait_for(lambda: channel.lines)
    finally:
        scheduler.shutdown(wait=True)
    assert [line["text"] for line in channel.lines] == ["明天中午的饭还没订，要订吗？"]
    assert [m.status for m in outbox(shop)] == ["sent"]


def test_run_forever_on_an_asyncio_loop_until_stopped(shop: sessionmaker[Session]) -> None:
    """What ``zhucan scheduler run`` does, and how the bot runs it on its own loop."""
    remind(shop, "王秀兰", "16:00")
    channel = LogChannel()
    service = SchedulerService(shop, channel, QUICK, wall=lambda: at("2026-11-30 16:00"))

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(service.run_forever(stop))
        deadline = time.monotonic() + 20
        while not channel.lines and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        stop.set()
        await task

    asyncio.run(main())
    assert len(channel.lines) == 1


def test_attach_to_an_existing_asyncio_scheduler(shop: sessionmaker[Session]) -> None:
    """The Telegram bot's JobQueue holds an ``AsyncIOScheduler``: the sweep runs on its loop."""
    remind(shop, "王秀兰", "16:00")
    channel = LogChannel()
    service = SchedulerService(shop, channel, QUICK, wall=lambda: at("2026-11-30 16:00"))

    async def main() -> None:
        scheduler = AsyncIOScheduler()
        service.attach(scheduler)
        scheduler.start()
        deadline = time.monotonic() + 20
        while not channel.lines and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        scheduler.shutdown(wait=False)

    asyncio.run(main())
    assert len(channel.lines) == 1


def test_two_schedulers_ticking_together_queue_and_send_each_message_once(
    db_url: str, shop: sessionmaker[Session]
) -> None:
    """Two processes' worth of jobs and sweeps on one store, at the same moments."""
    import threading

    from menus.db import make_engine, session_factory

    for name in ("王秀兰", "刘德福", "赵桂芝", "李建军", "巴特尔", "陈国强"):
        remind(shop, name, "16:00")
    channels = [LogChannel(), LogChannel()]
    errors: list[BaseException] = []
    # Both processes read the same clock: each minute's ticks start together, so neither runs
    # minutes ahead and takes over the other's lease while that one is still sending.
    same_minute = threading.Barrier(2, timeout=60)

    def ticker(channel: LogChannel) -> None:
        engine = make_engine(db_url)
        try:
            service = SchedulerService(session_factory(engine), channel, QUICK)
            for minute in range(5):
                same_minute.wait()
                asyncio.run(service.tick(at(f"2026-11-30 16:0{minute}")))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=ticker, args=(c,)) for c in channels]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    people = sorted(line["person_id"] for c in channels for line in c.lines)
    assert len(people) == 6 and len(set(people)) == 6
    assert {m.status for m in outbox(shop)} == {"sent"}
