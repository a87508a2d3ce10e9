"""Outgoing rate limits: about 30 messages a second in all and one a second per chat.

Why our own: Telegram answers faster senders with 429 (``RetryAfter``) and may stop delivering
for a while; reminders to many elders at 9:00 would hit that at once. PTB's ``AIORateLimiter``
needs an extra; this is the same idea in a few lines, with an injectable clock so that tests
need no real waiting.

Each limit is a token bucket kept as its *theoretical arrival time* (GCRA): a send may go when
``tat - burst_window <= now``; taking a slot moves ``tat`` on by one interval. Both buckets of a
send are reserved together, before any waiting, so concurrent senders queue fairly.
"""

from __future__ import annotations

import asyncio
import time
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from scheduler.ratelimit import TokenBucket

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

MAX_RETRIES = 2
IDLE_CHATS = 10_000
"""Buckets of chats idle for a while are dropped once there are more than this many."""


Bucket = TokenBucket
"""The same token bucket the scheduler's sender paces with."""


@dataclass
class Limits:
    """The overall bucket and one bucket per chat."""

    overall: Bucket = field(default_factory=lambda: Bucket(rate=30.0, burst=30))
    per_chat_rate: float = 1.0
    per_chat_burst: int = 3
    chats: dict[int | str, Bucket] = field(default_factory=dict)

    def reserve(self, chat_id: int | str | None, now: float) -> float:
        """Reserve a slot in both buckets; the delay (seconds) before the send may go."""
        buckets = [self.overall]
        if chat_id is not None:
            chat = self.chats.get(chat_id)
            if chat is None:
                if len(self.chats) > IDLE_CHATS:
                    self.chats = {k: b for k, b in self.chats.items() if not b.idle_since(now)}
                chat = self.chats[chat_id] = Bucket(self.per_chat_rate, self.per_chat_burst)
            buckets.append(chat)
        at = max(b.earliest(now) for b in buckets)
        for bucket in buckets:
            bucket.book(at)
        return at - now


class RateLimiter(BaseRateLimiter[int]):
    """PTB rate limiter over ``Limits``; every Bot API call made by the bot passes through it.

    A ``RetryAfter`` from Telegram pauses all sending for the time it asks, then retries (twice
    at most). Calls that send nothing to a chat (getUpdates, getFile) count only overall, and
    getUpdates is not limited at all.
    """

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.limits = limits or Limits()
        self.clock = clock
        self.sleep = sleep
        self._paused_until = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def wait_turn(self, chat_id: int | str | None) -> None:
        """Wait until one message to ``chat_id`` may be sent (reserving it)."""
        now = self.clock()
        pause = max(0.0, self._paused_until - now)
        delay = self.limits.reserve(chat_id, now + pause) + pause
        if delay > 0:
            await self.sleep(delay)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for the buckets, call, and honour Telegram's ``RetryAfter``."""
        if endpoint == "getUpdates":
            return await callback(*args, **kwargs)
        chat = data.get("chat_id")
        chat_id = chat if isinstance(chat, int | str) else None
        retries = rate_limit_args if rate_limit_args is not None else MAX_RETRIES
        for attempt in range(retries + 1):
            await self.wait_turn(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
                    warnings.simplefilter("ignore", PTBDeprecationWarning)
                    pause = exc.retry_after
                seconds = pause if isinstance(pause, int | float) else pause.total_seconds()
                await self.pause_all(seconds + 0.1)
        raise AssertionError("unreachable")  # pragma: no cover

    async def pause_all(self, seconds: float) -> None:
        """Telegram asked for a pause: no message goes for ``seconds``."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)
