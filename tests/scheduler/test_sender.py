"""The sender: due messages sent once, failures retried then dead, limits kept, and several
senders (threads, processes) sharing one store never sending a message twice or losing one."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import make_engine, session_factory
from menus.models import OutboxMessage
from menus.outbox import MAX_ATTEMPTS, claim_due
from scheduler.channel import ChannelError, LogChannel, read_log
from scheduler.config import SchedulerSettings
from scheduler.jobs import ordering_reminders
from scheduler.sender import Sender
from tests.menus.helpers import place
from tests.scheduler.helpers import FAST, at, make_people, outbox, queue_messages, remind

ROOT = Path(__file__).resolve().parents[2]
T0 = at("2026-12-01 10:00")


class TimedChannel:
    """Records when each message was handed over (monotonic seconds)."""

    def __init__(self) -> None:
        self.sent: list[tuple[float, int, str]] = []

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        self.sent.append((time.monotonic(), person_id, text))


class FailingChannel:
    """Always fails, as a network would."""

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        raise ChannelError("network_down")


def _max_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    best = start = 0
    for end, t in enumerate(times):
        while times[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def _statuses(factory: sessionmaker[Session]) -> Counter[str]:
    return Counter(m.status for m in outbox(factory))


def test_due_messages_are_sent_once(factory: sessionmaker[Session]) -> None:
    people = make_people(factory, 5)
    queue_messages(factory, people[:3], T0)
    queue_messages(factory, people[3:], T0 + timedelta(hours=1), prefix="later")
    channel = LogChannel()
    sender = Sender(factory, channel, FAST)
    done = asyncio.run(sender.sweep(T0))
    assert sorted(d.status for d in done) == ["sent"] * 3
    assert sorted(line["person_id"] for line in channel.lines) == people[:3]
    assert asyncio.run(sender.sweep(T0)) == []
    assert _statuses(factory) == {"sent": 3, "pending": 2}


def test_failures_back_off_then_are_dead_and_visible(factory: sessionmaker[Session]) -> None:
    (person,) = make_people(factory, 1)
    queue_messages(factory, [person], T0)
    sender = Sender(factory, FailingChannel(), FAST)
    seen = []
    now = T0
    for _ in range(MAX_ATTEMPTS):
        seen += [d.status for d in asyncio.run(sender.sweep(now))]
        assert asyncio.run(sender.sweep(now)) == []  # not again before its back-off
        now += timedelta(hours=1)
    assert seen == ["failed"] * (MAX_ATTEMPTS - 1) + ["dead"]
    (row,) = outbox(factory)
    assert (row.status, row.last_error) == ("dead", "network_down")


def test_a_reminder_is_dropped_if_the_meal_was_ordered_meanwhile(
    shop: sessionmaker[Session],
) -> None:
    remind(shop, "王秀兰", "22:30")
    ordering_reminders(shop, FAST, at("2026-11-30 22:30"))  # held until 07:00
    place(shop, at("2026-12-01 06:50"), "王秀兰")
    channel = LogChannel()
    done = asyncio.run(Sender(shop, channel, FAST).sweep(at("2026-12-01 07:00")))
    assert [d.status for d in done] == ["dropped"]
    assert channel.lines == []


def test_the_global_limit_is_held(factory: sessionmaker[Session]) -> None:
    people = make_people(factory, 60)
    queue_messages(factory, people, T0)
    channel = TimedChannel()
    settings = SchedulerSettings(global_rate=40, person_rate=1)
    started = time.monotonic()
    asyncio.run(Sender(factory, channel, settings).sweep(T0))
    elapsed = time.monotonic() - started
    times = [t for t, _, _ in channel.sent]
    assert len(times) == 60
    assert _max_in_window(times, 1.0) <= 41  # 40 a second (+1: a wake-up may come late)
    assert elapsed >= 59 / 40 - 0.05


def test_one_person_gets_at_most_their_rate(factory: sessionmaker[Session]) -> None:
    (person,) = make_people(factory, 1)
    for n in range(4):
        queue_messages(factory, [person], T0, prefix=f"x{n}")
    channel = TimedChannel()
    settings = SchedulerSettings(global_rate=100, person_rate=5)
    asyncio.run(Sender(factory, channel, settings).sweep(T0))
    times = sorted(t for t, _, _ in channel.sent)
    assert len(times) == 4
    assert all(b - a >= 0.2 - 0.01 for a, b in itertools.pairwise(times))
    assert [text for _, _, text in channel.sent] == [f"x{n}:0:{person}" for n in range(4)]


def test_messages_beyond_the_lease_are_given_back_then_sent(
    factory: sessionmaker[Session],
) -> None:
    """A sender never starts a send after its lease ran out; it releases the row instead."""
    (person,) = make_people(factory, 1)
    for n in range(3):
        queue_messages(factory, [person], T0, prefix=f"y{n}")
    channel = LogChannel()
    settings = SchedulerSettings(global_rate=100, person_rate=2, lease_s=1)
    done = asyncio.run(Sender(factory, channel, settings).sweep(T0))
    assert "released" in {d.status for d in done}
    assert sorted(line["text"] for line in channel.lines) == [f"y{n}:0:{person}" for n in range(3)]
    assert _statuses(factory) == {"sent": 3}


def _sweep_loop(url: str, channel: LogChannel, stop: threading.Event) -> None:
    engine = make_engine(url)
    factory = session_factory(engine)
    # Small batches, one per sweep: the two senders take turns at the outbox instead of one
    # of them draining it whole while the other waits for the database (which proves nothing).
    settings = SchedulerSettings(global_rate=2000, person_rate=2000, batch=10)
    sender = Sender(factory, channel, settings)
    try:
        while not stop.is_set():
            if not asyncio.run(sender.sweep(datetime.now(TZ), max_batches=1)):
                time.sleep(0.005)
    finally:
        engine.dispose()


def test_two_senders_sharing_the_store_send_each_message_once(
    db_url: str, factory: sessionmaker[Session]
) -> None:
    """Two sweepers in a loop while messages keep arriving: every one sent exactly once."""
    people = make_people(factory, 50)
    channels = [LogChannel(), LogChannel()]
    stop = threading.Event()
    threads = [
        threading.Thread(target=_sweep_loop, args=(db_url, c, stop), daemon=True) for c in channels
    ]
    for thread in threads:
        thread.start()
    expected: list[str] = []
    for batch in range(8):
        expected += queue_messages(
            factory, people, datetime.now(TZ) - timedelta(seconds=1), prefix=f"b{batch}"
        )
        time.sleep(0.05)
    deadline = time.monotonic() + 60
    while _statuses(factory).get("sent", 0) < len(expected) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    texts = [line["text"] for c in channels for line in c.lines]
    assert len(expected) == 400
    assert Counter(texts) == Counter(expected)  # all of them, none twice
    assert all(c.lines for c in channels)  # both did some of the work
    assert _statuses(factory) == {"sent": 400}


def test_a_sender_killed_mid_sweep_loses_and_doubles_nothing(
    db_url: str, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """A process claims a batch, sends four, and is killed (SIGKILL) holding the rest. After
    the lease a new sender sends the rest: every message exactly once."""
    people = make_people(factory, 20)
    expected = queue_messages(factory, people, T0)
    log, marker = tmp_path / "sent.jsonl", tmp_path / "hanging"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.scheduler.crash_sender", db_url, str(log), str(marker),
         "5", T0.isoformat()],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the sender process ended early"
            assert time.monotonic() < deadline, "the sender process never got to its 5th send"
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert len(read_log(log)) == 4
    assert _statuses(factory) == {"sent": 4, "sending": 16}
    # before the lease ends nobody may take the claimed rows
    assert claim_due(factory, T0 + timedelta(seconds=30), limit=100) == []
    channel = LogChannel(log)
    done = asyncio.run(Sender(factory, channel, FAST).sweep(T0 + timedelta(seconds=61)))
    channel.close()
    assert len(done) == 16
    assert Counter(line["text"] for line in read_log(log)) == Counter(expected)
    assert _statuses(factory) == {"sent": 20}


def test_rows_keep_their_order_of_due_time(factory: sessionmaker[Session]) -> None:
    people = make_people(factory, 3)
    queue_messages(factory, [people[0]], T0 + timedelta(minutes=2), prefix="c")
    queue_messages(factory, [people[1]], T0 + timedelta(minutes=1), prefix="b")
    queue_messages(factory, [people[2]], T0, prefix="a")
    channel = TimedChannel()
    asyncio.run(
        Sender(factory, channel, SchedulerSettings(global_rate=50)).sweep(T0 + timedelta(minutes=5))
    )
    assert [text[0] for _, _, text in channel.sent] == ["a", "b", "c"]
    with factory() as session:
        assert all(r.sent_at is not None for r in session.scalars(select(OutboxMessage)))


class SlowChannel:
    """Never answers in time."""

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        await asyncio.sleep(5)


def test_a_send_that_hangs_counts_as_failed_well_inside_the_lease(
    factory: sessionmaker[Session],
) -> None:
    (person,) = make_people(factory, 1)
    queue_messages(factory, [person], T0)
    settings = SchedulerSettings(lease_s=2)  # sends time out after half a second
    started = time.monotonic()
    done = asyncio.run(Sender(factory, SlowChannel(), settings).sweep(T0))
    assert time.monotonic() - started < 2
    assert [d.status for d in done] == ["failed"]
    (row,) = outbox(factory)
    assert (row.status, row.last_error, row.attempts) == ("pending", "TimeoutError", 1)
