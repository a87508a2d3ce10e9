"""The voice queue: Dramatiq's Redis broker, used by the webhook to enqueue and by ASR workers
to consume.

Why Dramatiq on Redis: Redis is already the one shared service every webhook worker reaches
(Telegram's limits live there); Dramatiq is small, typed, well kept, acknowledges a message
only after its actor returned (a worker killed half-way leaves it to be redelivered: its
unacknowledged messages go back to the queue once its heartbeat stops), retries with back-off,
and its workers are plain processes that can run on any machine that reaches Redis. A
PostgreSQL queue (Procrastinate) would tie the queue to PostgreSQL while the store may still be
SQLite, and Celery brings much more than one queue needs.

The broker's keys (under ``namespace``): ``<ns>:voice`` is the list of waiting message ids,
``<ns>:voice.msgs`` the messages themselves (waiting and in hand), so the depth and the oldest
wait are read straight from them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import redis
from dramatiq import Message
from dramatiq.brokers.redis import RedisBroker

from bot.voice_pool.jobs import VoiceJob

QUEUE = "voice"
ACTOR = "voice_turn"
NAMESPACE = "zhucan"
SEEN_S = 24 * 3600
"""How long an update's turn id is remembered as queued (Telegram gives up within a day)."""
BUSY_AT = 3
"""More voice notes waiting than this, and the person is told to wait a moment."""


@dataclass(frozen=True)
class Depth:
    """How the queue stands: notes waiting, notes in a worker's hands, and how long the oldest
    waiting note has waited (seconds; 0 when none waits)."""

    waiting: int
    in_hand: int
    oldest_s: float


class VoiceQueue:
    """Enqueue voice jobs (the webhook) and read how long the queue is (metrics, the bench)."""

    def __init__(self, broker: RedisBroker, *, busy_at: int = BUSY_AT) -> None:
        self.broker = broker
        self.client: redis.Redis = broker.client
        self.busy_at = busy_at
        broker.declare_queue(QUEUE)
        self._list = f"{broker.namespace}:{QUEUE}"
        self._messages = f"{self._list}.msgs"

    @classmethod
    def from_url(
        cls, url: str, *, namespace: str = NAMESPACE, busy_at: int = BUSY_AT
    ) -> VoiceQueue:
        """The queue on the Redis at ``url`` (``ZHUCAN_REDIS_URL``); calls fail within seconds
        when Redis is away, so the webhook can answer 500 and Telegram redeliver."""
        client = redis.Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        broker = RedisBroker(client=client, namespace=namespace)  # type: ignore[no-untyped-call]
        return cls(broker, busy_at=busy_at)

    def submit(self, job: VoiceJob) -> int:
        """Queue the job once per turn id (a redelivered update is not queued again) and say
        how many notes now wait. Returns only after Redis holds the message."""
        seen = f"{self.broker.namespace}:voice-seen:{job.turn_id}"
        if not self.client.exists(seen):
            message: Message[Any] = Message(
                queue_name=QUEUE,
                actor_name=ACTOR,
                args=(job.to_message(),),
                kwargs={},
                options={},
            )
            self.broker.enqueue(message)
            self.client.set(seen, 1, ex=SEEN_S)  # after: a crash between queues it twice, harmless
        return int(self.client.llen(self._list))

    def busy(self, waiting: int) -> bool:
        """Whether ``waiting`` notes are enough to tell the person to wait."""
        return waiting > self.busy_at

    def depth(self) -> Depth:
        """The queue now: waiting, in hand, the oldest wait."""
        waiting = int(self.client.llen(self._list))
        held = int(self.client.hlen(self._messages))
        oldest = 0.0
        first = self.client.lindex(self._list, 0)
        data = self.client.hget(self._messages, first) if first is not None else None
        if data is not None:
            raw = data if isinstance(data, bytes) else data.encode()
            queued = Message.decode(raw).message_timestamp / 1000
            oldest = max(0.0, time.time() - queued)
        return Depth(waiting, max(0, held - waiting), oldest)

    def flush(self) -> None:
        """Drop every queued note (tests and the bench, on a namespace of their own)."""
        self.broker.flush(QUEUE)
        for key in self.client.scan_iter(f"{self.broker.namespace}:*"):
            self.client.delete(key)

    def close(self) -> None:
        """Close the connections to Redis."""
        self.client.close()
