"""The outgoing limits: ~30 messages a second overall, ~1 a second per chat, on a fake clock."""

from __future__ import annotations

from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.telegram.ratelimit import Bucket, Limits, RateLimiter

# Building RetryAfter with seconds (what Telegram's JSON carries) warns about PTB 23's timedelta.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class FakeTime:
    """A clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_one_chat_gets_a_short_burst_then_one_message_a_second() -> None:
    limits = Limits(per_chat_rate=1.0, per_chat_burst=3)
    delays = [limits.reserve(7, 0.0) for _ in range(6)]
    assert delays == pytest.approx([0, 0, 0, 1, 2, 3])


def test_many_chats_share_thirty_a_second() -> None:
    limits = Limits(overall=Bucket(rate=30.0, burst=30))
    delays = [limits.reserve(chat, 0.0) for chat in range(90)]
    assert delays[:30] == [0.0] * 30
    assert delays[30] == pytest.approx(1 / 30)
    assert delays[-1] == pytest.approx(60 / 30)


def test_the_buckets_refill_with_time() -> None:
    limits = Limits(per_chat_rate=1.0, per_chat_burst=1)
    assert limits.reserve(1, 0.0) == 0
    assert limits.reserve(1, 0.5) == pytest.approx(0.5)
    assert limits.reserve(1, 10.0) == 0


async def test_the_limiter_waits_between_sends_to_one_chat() -> None:
    time = FakeTime()
    limiter = RateLimiter(Limits(per_chat_burst=1), clock=time.clock, sleep=time.sleep)
    calls: list[float] = []

    async def send() -> bool:
        calls.append(time.now)
        return True

    for _ in range(3):
        await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 5}, None)
    assert calls == pytest.approx([100.0, 101.0, 102.0])
    await limiter.process_request(send, (), {}, "getUpdates", {}, None)
    assert calls[-1] == pytest.approx(102.0)  # polling is never held back


async def test_retry_after_pauses_everything_then_retries() -> None:
    time = FakeTime()
    limiter = RateLimiter(clock=time.clock, sleep=time.sleep)
    attempts: list[float] = []

    async def send() -> Any:
        attempts.append(time.now)
        if len(attempts) == 1:
            raise RetryAfter(3)
        return {"ok": True}

    result = await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert result == {"ok": True}
    assert attempts[1] - attempts[0] == pytest.approx(3.1)


async def test_retry_after_gives_up_after_the_retries() -> None:
    time = FakeTime()
    limiter = RateLimiter(clock=time.clock, sleep=time.sleep)

    async def send() -> Any:
        raise RetryAfter(1)

    with pytest.raises(RetryAfter):
        await limiter.process_request(send, (), {}, "sendMessage", {"chat_id": 1}, 1)
