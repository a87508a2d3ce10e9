"""The ASR worker end to end, offline: a voice note queued by the webhook in the real Redis,
taken by a Dramatiq worker, downloaded from a fake Bot API on 127.0.0.1 (getFile and the file
URL, as Telegram serves them), heard by whisper-base (the engine the voice tests use), the
dialogue's turn run under the update's turn id, and the answer sent through the shared rate
limit in Redis. And a job run twice places one order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis.asyncio
from dramatiq import Message
from telegram.ext import ExtBot

from bot.dialogue import Dialogue
from bot.telegram.ratelimit import RateLimiter
from bot.telegram.shared_limit import SharedLimits, SharedRateLimiter
from bot.voice_pool.worker import WAIT_SECONDS, VoiceWorker, consume, declare
from bot.voice_turn import VoiceTurns
from tests.bot.fake_telegram import TOKEN, LoopbackServer, text_update, voice_update
from tests.bot.telegram_harness import fast_limiter
from tests.bot.voice_pool.conftest import REDIS, Served
from tests.voice.conftest import voice
from voice.engines import Voice

__all__ = ["voice"]  # the session's engines, loaded once

ELDER = 1001
READ_BACK = ("我要订餐", "米饭", "中午", "自己去拿")
"""Typed up to the question 要订吗？; the voice note 要 answers it."""


@pytest.fixture
def loopback(served: Served) -> Iterator[LoopbackServer]:
    with LoopbackServer(served.fake) as server:
        yield server


def _worker(served: Served, server: LoopbackServer, voice: Voice, limiter: RateLimiter) -> Any:
    bot: ExtBot[Any] = ExtBot(
        TOKEN,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        rate_limiter=limiter,
    )
    worker = VoiceWorker(VoiceTurns(Dialogue(served.factory), voice), bot)
    worker.start()
    return worker


def _up_to_the_question(served: Served, note: bytes) -> None:
    served.identify("王秀兰", ELDER)
    for n, text in enumerate(READ_BACK, 1):
        assert served.post(text_update(n, ELDER, text)) == 200
    assert served.fake.texts()[-1].endswith("要订吗？")
    served.fake.add_file("note-9", "voice/file_9.oga", note)
    assert served.post(voice_update(9, ELDER, "note-9", size=len(note))) == 200


def _waits() -> float:
    return next(s.value for s in WAIT_SECONDS.collect()[0].samples if s.name.endswith("_count"))


def test_a_queued_note_is_heard_ordered_and_answered_by_the_pool(
    served: Served, loopback: LoopbackServer, voice: Voice, said_yes: bytes
) -> None:
    _up_to_the_question(served, said_yes)
    before = len(served.fake.texts())
    waits = _waits()
    limits = SharedLimits(
        redis.asyncio.Redis.from_url(REDIS), prefix=f"{served.queue.broker.namespace}:tg"
    )
    worker = _worker(served, loopback, voice, SharedRateLimiter(limits))
    declare(served.queue.broker, worker)
    seconds, micros = served.queue.client.time()
    started = seconds * 1_000_000 + micros  # on Redis's clock, as the limit books sends
    consumer = consume(served.queue.broker, threads=1)
    try:
        served.fake.wait_for(1, "sendVoice", timeout=120)
    finally:
        consumer.stop(timeout=10_000)
        worker.close()
    heard, placed = served.fake.texts()[before:]
    assert heard == "我听到的是：要"
    assert placed.startswith("订好了")
    assert served.orders() == 1
    assert served.fake.sent("getFile") == [{"file_id": "note-9"}]
    assert loopback.bad_paths == []
    depth = served.queue.depth()
    assert (depth.waiting, depth.in_hand) == (0, 0)  # acknowledged
    assert _waits() == waits + 1
    booked = served.queue.client.zcount(f"{limits.prefix}:sent", started, "+inf")
    assert booked >= 3  # the worker's three sends, each booked in the shared limit (a call
    # PTB retries, or getFile on a slow machine, may book once more: seen 4 in a fresh clone)


def test_a_job_run_twice_places_one_order(
    served: Served, loopback: LoopbackServer, voice: Voice, said_yes: bytes
) -> None:
    """As when a worker dies after the turn and Dramatiq hands the job to another."""
    _up_to_the_question(served, said_yes)
    raw = served.queue.client.hvals(f"{served.queue.broker.namespace}:voice.msgs")
    (fields,) = [Message.decode(r).args[0] for r in raw]
    before = len(served.fake.texts())
    worker = _worker(served, loopback, voice, fast_limiter())
    try:
        worker.handle(fields)
        worker.handle(fields)
    finally:
        worker.close()
    first, second = served.fake.texts()[before : before + 2], served.fake.texts()[before + 2 :]
    assert first == second and first[1].startswith("订好了")
    assert served.orders() == 1
    assert len(served.fake.sent("sendVoice")) == 2
