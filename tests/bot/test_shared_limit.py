"""Telegram's limits held by several processes together through Redis (``shared_limit``).

Four processes, each with its own Redis client and eight concurrent senders, send as fast as
the shared limit lets them: in no window of one second do more than 30 messages go, and
together they do reach about 30 a second (the limit is the bound, not slowness).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import time
import uuid
from typing import Any

import pytest
import redis

from bot.telegram.shared_limit import SharedLimits, SharedRateLimiter, default_rate_limiter

URL = os.environ.get("ZHUCAN_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def prefix() -> str:
    """Keys of this test only (other runs may share the server)."""
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI: {exc}", pytrace=False)
        pytest.skip(f"Redis not reachable here ({exc}); CI runs this")
    return f"zhucan-test:{uuid.uuid4().hex}"


def _sender(
    url: str, prefix: str, start: float, seconds: float, chats: int, senders: int, out: Any
) -> None:
    """One process: ``senders`` at once until ``start + seconds``; the moments let go."""

    async def main() -> list[float]:
        limits = SharedLimits(redis.asyncio.Redis.from_url(url), prefix=prefix)
        moments: list[float] = []

        async def one() -> None:
            while time.time() < start + seconds:
                moments.append(await limits.admit(random.randrange(chats)))

        await asyncio.sleep(max(0.0, start - time.time()))
        await asyncio.gather(*(one() for _ in range(senders)))
        await limits.client.aclose()
        return moments

    out.put(asyncio.run(main()))


def _run_processes(
    prefix: str, processes: int, seconds: float, chats: int, senders: int = 8
) -> list[list[float]]:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    start = time.time() + 3.0  # every process started and connected before the race
    workers = [
        context.Process(target=_sender, args=(URL, prefix, start, seconds, chats, senders, out))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=seconds + 30) for _ in workers]
    for worker in workers:
        worker.join(10)
    return results


def most_in_one_second(moments: list[float], window: float = 1.0) -> int:
    """The most moments in any window [t, t + window)."""
    ordered = sorted(moments)
    most, first = 0, 0
    for last, moment in enumerate(ordered):
        while ordered[first] <= moment - window:
            first += 1
        most = max(most, last - first + 1)
    return most


def test_four_processes_together_never_send_more_than_30_in_a_second(prefix: str) -> None:
    seconds = 3.0
    per_process = _run_processes(prefix, processes=4, seconds=seconds, chats=10_000)
    moments = [m for ms in per_process for m in ms]
    assert all(len(ms) > 0 for ms in per_process)  # every process did send
    assert most_in_one_second(moments) <= 30
    assert len(moments) >= 30 * (seconds - 0.5)  # and together they reached the limit
    span = max(moments) - min(moments)  # senders waiting at the end still go after it
    assert len(moments) <= 30 * (span + 1)


def test_one_chat_gets_at_most_its_burst_and_one_a_second(prefix: str) -> None:
    seconds = 2.5
    moments = [m for ms in _run_processes(prefix, 2, seconds, chats=1, senders=1) for m in ms]
    ordered = sorted(moments)
    assert 3 + int(seconds) - 1 <= len(moments) <= 3 + (ordered[-1] - ordered[0]) + 1
    # a token bucket of 1 a second holding 3: at most 3 + w in any w seconds
    assert most_in_one_second(moments, 1.0) <= 4
    assert most_in_one_second(moments, 2.0) <= 5


async def test_telegrams_pause_holds_every_process(prefix: str) -> None:
    one = SharedLimits(redis.asyncio.Redis.from_url(URL), prefix=prefix)
    other = SharedLimits(redis.asyncio.Redis.from_url(URL), prefix=prefix)
    await one.pause(0.4)
    started = time.monotonic()
    await other.admit(7)
    assert time.monotonic() - started >= 0.35
    await one.client.aclose()
    await other.client.aclose()


async def test_without_redis_the_processs_own_limits_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = SharedRateLimiter.from_url("redis://127.0.0.1:1/0")
    started = time.monotonic()
    await limiter.wait_turn(5)
    assert time.monotonic() - started < 3  # refused at once, then the local bucket
    assert limiter.limits.chats[5] is not None  # the local bucket booked it
    await limiter.shutdown()
    monkeypatch.setenv("ZHUCAN_REDIS_URL", URL)
    assert isinstance(default_rate_limiter(), SharedRateLimiter)
    monkeypatch.delenv("ZHUCAN_REDIS_URL")
    assert not isinstance(default_rate_limiter(), SharedRateLimiter)


async def test_two_bots_on_one_redis_keep_a_budget_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """A region too big for one bot runs several: each bot's processes share that bot's 30 a
    second, not one budget for all bots (the keys are per bot id, never the token's secret)."""
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI: {exc}", pytrace=False)
        pytest.skip(f"Redis not reachable here ({exc}); CI runs this")
    monkeypatch.setenv("ZHUCAN_REDIS_URL", URL)
    monkeypatch.setenv("ZHUCAN_TELEGRAM_RATE", "3")
    first, second = (random.randrange(10**9, 2 * 10**9) for _ in range(2))
    one = default_rate_limiter(f"{first}:secret-one")
    again = default_rate_limiter(f"{first}:secret-one")  # another process of the same bot
    other = default_rate_limiter(f"{second}:secret-two")
    assert isinstance(one, SharedRateLimiter) and isinstance(again, SharedRateLimiter)
    assert isinstance(other, SharedRateLimiter)
    assert one.shared.prefix == f"zhucan:telegram:{first}" and "secret" not in one.shared.prefix
    try:
        for chat in range(3):
            assert (await one.shared.try_admit(chat))[0] == 0
        assert (await again.shared.try_admit(99))[0] > 0  # the bot's 3 a second are taken
        assert (await other.shared.try_admit(99))[0] == 0  # another bot's are not
    finally:
        for limiter in (one, again, other):
            await limiter.shutdown()
