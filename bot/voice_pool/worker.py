"""The ASR worker: takes a voice job, downloads the note from the Bot API, hears it with the
voice pipeline, runs the dialogue turn under the update's turn id and sends the answer.

Why the turn id: Dramatiq redelivers a job whose worker died before acknowledging it, and the
webhook may queue an update Telegram redelivered. Either way the dialogue sees the same turn id
again and answers with the stored reply, changing nothing: one order however often a job runs.
Sending goes through the shared rate limit (``bot.telegram.shared_limit``), the same bucket the
webhook workers and the scheduler use.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any, Protocol, TypeVar

import dramatiq
from dramatiq import Middleware
from dramatiq.brokers.redis import RedisBroker
from prometheus_client import Counter, Histogram
from telegram import Bot
from telegram.error import BadRequest, Forbidden

from bot.telegram.app import SpokenAnswer, send_spoken
from bot.turn import Reply
from bot.voice_pool.jobs import VoiceJob
from bot.voice_pool.queue import ACTOR, QUEUE
from menus.catalogue import say
from voice.audio import MAX_AUDIO_BYTES

log = logging.getLogger("zhucan.voice_worker")

T = TypeVar("T")

WAIT_SECONDS = Histogram(
    "zhucan_voice_wait_seconds",
    "Time a voice note waited in the queue before an ASR worker took it",
    buckets=(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0),
)
JOB_SECONDS = Histogram(
    "zhucan_voice_job_seconds",
    "Time an ASR worker spent on one voice note (download, hearing, turn, sending)",
    buckets=(0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 30.0),
)
JOBS = Counter("zhucan_voice_jobs", "Voice notes an ASR worker finished, by outcome", ["outcome"])
RETRIES = {"max_retries": 5, "min_backoff": 1_000, "max_backoff": 30_000}
"""A job failing for want of the store or Telegram is tried again, sooner than Dramatiq's
default (15 s and up), since a person is waiting."""
TIME_LIMIT_MS = 300_000


class HearsVoice(Protocol):
    """The voice pipeline (``bot.voice_turn.VoiceTurns.handle``)."""

    def handle(
        self, person_id: int, audio: bytes, now: Any, *, turn_id: str | None = None
    ) -> SpokenAnswer: ...


class LoopThread:
    """An event loop in a thread of its own: the bot's HTTP client lives there, and the
    worker's threads (plain threads, as Dramatiq runs actors) hand it coroutines."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True, name="tg-loop")
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 120.0) -> T:
        """Run ``coroutine`` on the loop and wait for its result here."""
        future: Future[T] = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return future.result(timeout)

    def close(self) -> None:
        """Stop the loop and its thread."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class VoiceWorker:
    """Hears queued voice notes and answers them (one ``handle`` per job, any thread)."""

    def __init__(self, voice: HearsVoice, bot: Bot, loop: LoopThread | None = None) -> None:
        self.voice = voice
        self.bot = bot
        self.loop = loop or LoopThread()

    def start(self) -> None:
        """Open the bot (getMe, the rate limiter's connections)."""
        self.loop.run(self.bot.initialize())

    def close(self) -> None:
        """Close the bot and the loop."""
        self.loop.run(self.bot.shutdown())
        self.loop.close()

    def handle(self, fields: dict[str, Any]) -> None:
        """The actor: one queued note, heard and answered. Raises (and Dramatiq retries) when
        the store or Telegram could not be reached; a chat that blocked the bot is given up."""
        job = VoiceJob.from_message(fields)
        started = time.perf_counter()
        try:
            outcome = self._answer(job)
        except (Forbidden, BadRequest) as exc:
            outcome = "undeliverable"
            log.info("voice job %s not delivered: %s", job.turn_id, type(exc).__name__)
        JOBS.labels(outcome).inc()
        JOB_SECONDS.observe(time.perf_counter() - started)
        log.info(
            "voice job done",
            extra={"turn_id": job.turn_id, "outcome": outcome, "ms": _ms(started)},
        )

    def _answer(self, job: VoiceJob) -> str:
        audio = self.loop.run(self._download(job))
        if audio is None:
            refused = Reply(say("voice_too_long", job.lang), lang=job.lang)
            self.loop.run(self._send_reply(job.chat_id, refused, job.lang))
            return "too-long"
        spoken = self.voice.handle(job.person_id, audio, job.arrived, turn_id=job.turn_id)
        lang = getattr(spoken, "lang", job.lang)
        self.loop.run(send_spoken(self.bot, job.chat_id, spoken, lang))
        return "answered" if getattr(spoken, "error", None) is None else "not-heard"

    async def _download(self, job: VoiceJob) -> bytes | None:
        """The note's OGG/Opus bytes, or None when it is over the size the voice takes (checked
        before downloading when Telegram says the size, and again after)."""
        if (job.file_size or 0) > MAX_AUDIO_BYTES:
            return None
        telegram_file = await self.bot.get_file(job.file_id)
        if (telegram_file.file_size or 0) > MAX_AUDIO_BYTES:
            return None
        audio = bytes(await telegram_file.download_as_bytearray())
        return audio if len(audio) <= MAX_AUDIO_BYTES else None

    async def _send_reply(self, chat_id: int, reply: Reply, lang: str) -> None:
        from bot.telegram.render import render

        for piece in render(reply, lang):
            await self.bot.send_message(chat_id, piece.text, reply_markup=piece.markup)


class QueueWait(Middleware):
    """Observes how long each voice note waited, from its enqueueing (the webhook's clock) to
    the moment a worker starts on it."""

    def before_process_message(self, broker: Any, message: Any) -> None:
        if message.queue_name == QUEUE:
            WAIT_SECONDS.observe(max(0.0, time.time() - message.message_timestamp / 1000))


def declare(broker: RedisBroker, worker: VoiceWorker) -> dramatiq.Actor[Any, Any]:
    """The voice actor on ``broker``, run by ``worker`` (both sides name it ``ACTOR``)."""
    broker.add_middleware(QueueWait())
    options: dict[str, Any] = {"time_limit": TIME_LIMIT_MS, **RETRIES}
    decorate = dramatiq.actor(broker=broker, actor_name=ACTOR, queue_name=QUEUE, **options)
    return decorate(worker.handle)


def consume(broker: RedisBroker, threads: int = 1) -> dramatiq.Worker:
    """A started Dramatiq worker on the voice queue. Each thread takes one note at a time
    (prefetch = threads), so notes not yet started stay in Redis for other machines."""
    consumer = dramatiq.Worker(broker, queues={QUEUE}, worker_threads=threads, worker_timeout=100)
    consumer.queue_prefetch = threads
    consumer.start()
    return consumer


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
