"""Telegram's limits held across every process that sends for one bot, in Redis.

Why: the per-process buckets (``bot.telegram.ratelimit``) keep one process under 30 messages a
second; N webhook workers and a scheduler would together send N+1 times that. Here the limits
live in Redis and one Lua script checks and books them atomically, so all processes together
stay within them:

- overall: a log of the moments messages were let go in the last second (a sorted set); a
  message goes only while fewer than ``overall`` went in the second before it, so no window of
  one second ever holds more (counted on Redis's clock, the one all processes share);
- per chat: a token bucket kept as its theoretical arrival time (GCRA), as in the per-process
  limiter (1 a second, bursts of 3);
- a pause Telegram asked for (``RetryAfter``) holds every process.

A refused caller is told how long to wait and asks again. If Redis cannot be reached, sending
goes on under this process's own buckets (a warning is logged): Telegram's 429 answers, which
the limiter honours, are the worse failure than a burst over the limit.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import random
import uuid
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.telegram.ratelimit import Bucket, Limits, RateLimiter

log = logging.getLogger(__name__)

PREFIX = "zhucan:telegram"
"""The start of every key of the limits in Redis."""

ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return {paused * 1000, now} end
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local wait = 0
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  wait = tonumber(oldest[2]) + window - now + 1
end
local interval, tolerance = tonumber(ARGV[3]), tonumber(ARGV[4])
local tat = now
if ARGV[6] == '1' then
  tat = math.max(tonumber(redis.call('GET', KEYS[2]) or now), now)
  wait = math.max(wait, tat - tolerance - now)
end
if wait > 0 then return {wait, now} end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], math.floor(window / 1000) + 1000)
if ARGV[6] == '1' then
  redis.call('SET', KEYS[2], tat + interval, 'PX', math.floor((tat + interval - now) / 1000) + 1000)
end
return {0, now}
"""
"""KEYS: the overall log, the chat's bucket, the pause. ARGV: overall limit, window (µs), the
chat's interval and burst tolerance (µs), a unique member, whether there is a chat. Returns
(µs to wait, 0 when let go; Redis's clock in µs)."""


class SharedLimits:
    """The limits in Redis under ``prefix``; ``admit`` waits until a message may go."""

    def __init__(
        self,
        client: Redis,
        *,
        prefix: str = PREFIX,
        overall: int = 30,
        window_s: float = 1.0,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = 3,
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.overall = overall
        self.window_us = int(window_s * 1_000_000)
        self.chat_interval_us = int(1_000_000 / per_chat_rate)
        self.chat_tolerance_us = (per_chat_burst - 1) * self.chat_interval_us
        self._script = client.register_script(ADMIT)
        self._member = f"{uuid.uuid4().hex[:12]}:"
        self._count = itertools.count()

    def _keys(self, chat_id: int | str | None) -> list[str]:
        chat = f"{self.prefix}:chat:{chat_id}" if chat_id is not None else f"{self.prefix}:none"
        return [f"{self.prefix}:sent", chat, f"{self.prefix}:pause"]

    async def try_admit(self, chat_id: int | str | None) -> tuple[float, float]:
        """One try: (seconds to wait, 0 when let go and booked; Redis's clock in seconds)."""
        args: list[str | int] = [
            self.overall,
            self.window_us,
            self.chat_interval_us,
            self.chat_tolerance_us,
            f"{self._member}{next(self._count)}",
            "1" if chat_id is not None else "0",
        ]
        wait, now = await self._script(keys=self._keys(chat_id), args=args)
        return int(wait) / 1_000_000, int(now) / 1_000_000

    async def admit(self, chat_id: int | str | None) -> float:
        """Wait until a message to ``chat_id`` may go and book it; the moment (Redis's clock)."""
        while True:
            wait, now = await self.try_admit(chat_id)
            if wait == 0:
                return now
            # a little jitter, so waiters refused together do not all ask again together
            await asyncio.sleep(wait + random.uniform(0, 0.005))

    async def pause(self, seconds: float) -> None:
        """Hold every process's sending for ``seconds`` (Telegram's ``RetryAfter``)."""
        key = self._keys(None)[2]
        current = await self.client.pttl(key)
        wanted = int(seconds * 1000)
        if int(current) < wanted:
            await self.client.set(key, 1, px=wanted)


class SharedRateLimiter(RateLimiter):
    """PTB's rate limiter over ``SharedLimits``; falls back to the per-process buckets (and
    logs it) while Redis cannot be reached."""

    def __init__(self, shared: SharedLimits, limits: Limits | None = None, **kwargs: Any) -> None:
        super().__init__(limits, **kwargs)
        self.shared = shared

    @classmethod
    def from_url(cls, url: str, limits: Limits | None = None, **options: Any) -> SharedRateLimiter:
        """A limiter on the Redis at ``url`` (``ZHUCAN_REDIS_URL``); ``limits`` are the
        process's own, for when Redis is away."""
        client = Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        return cls(SharedLimits(client, **options), limits)

    async def shutdown(self) -> None:
        """Close the connections to Redis."""
        await self.shared.client.aclose()

    async def wait_turn(self, chat_id: int | str | None) -> None:
        """Wait for the shared limits (or, without Redis, this process's own)."""
        try:
            await self.shared.admit(chat_id)
        except RedisError as exc:
            log.warning(
                "shared rate limit unavailable (%s): this process's own used", type(exc).__name__
            )
            await super().wait_turn(chat_id)

    async def pause_all(self, seconds: float) -> None:
        """Telegram's pause, for every process (and this one, should Redis be away)."""
        await super().pause_all(seconds)
        try:
            await self.shared.pause(seconds)
        except RedisError as exc:
            log.warning("shared pause not stored (%s)", type(exc).__name__)


def bot_prefix(token: str) -> str:
    """The Redis keys of one bot's limits: ``zhucan:telegram:<bot id>`` (the public number
    before the token's colon, never the secret after it).

    Why per bot: Telegram limits each bot on its own, and a region too big for one bot's 30
    messages a second runs several (README, "Capacity model") whose processes may share one
    Redis; under one fixed prefix they would all share one bot's budget."""
    bot_id = token.partition(":")[0].strip()
    return f"{PREFIX}:{bot_id}" if bot_id.isdigit() else PREFIX


def default_rate_limiter(token: str = "") -> RateLimiter:
    """The limiter every sender of the bot ``token`` uses: shared by all its processes through
    Redis when ``ZHUCAN_REDIS_URL`` is set (``bot.telegram.shared_limit``, under
    ``bot_prefix``), else this process's own. ``ZHUCAN_TELEGRAM_RATE`` (30 messages a second in
    all) and ``ZHUCAN_TELEGRAM_CHAT_RATE`` (1 a second per chat) are Telegram's; only a
    benchmark against a fake Bot API raises them."""
    overall = float(os.environ.get("ZHUCAN_TELEGRAM_RATE") or 30)
    per_chat = float(os.environ.get("ZHUCAN_TELEGRAM_CHAT_RATE") or 1)
    local = Limits(Bucket(overall, max(1, int(overall))), per_chat_rate=per_chat)
    url = os.environ.get("ZHUCAN_REDIS_URL", "").strip()
    if not url:
        return RateLimiter(local)
    return SharedRateLimiter.from_url(
        url,
        limits=local,
        prefix=bot_prefix(token),
        overall=max(1, int(overall)),
        per_chat_rate=per_chat,
    )
