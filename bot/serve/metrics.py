"""Prometheus metrics at ``/metrics``: turns and their latency from the workers, orders and the
outbox from the store.

Why two sources: what a worker does (turns handled, how long each took) is counted in the
worker; with several workers prometheus_client's multiprocess mode (``PROMETHEUS_MULTIPROC_DIR``,
set by ``zhucan serve --workers N``) adds them up over all processes. What the region cares
about beyond one process (orders placed today, how late the outbox runs) is read from the
store when scraped, so every worker reports the same true figure and a restart loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterator
from datetime import datetime, time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from redis.exceptions import RedisError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from bot.serve.webhook import Handled
from bot.voice_pool.queue import VoiceQueue
from menus.clock import TZ
from menus.db import read_only
from menus.models import Order, OutboxMessage

TURNS = Counter(
    "zhucan_turns", "Telegram updates handled, by kind and HTTP status", ["kind", "status"]
)
TURN_SECONDS = Histogram(
    "zhucan_turn_seconds",
    "Time from a webhook's arrival to its answer (the turn stored and the reply sent)",
    ["kind"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
log = logging.getLogger("zhucan.serve")
WAITING = ("pending", "failed")
"""Outbox states still to be sent (``failed`` waits for its next try)."""


def observe(handled: Handled) -> None:
    """Count one webhook request (``bot.serve.webhook.Observer``)."""
    TURNS.labels(handled.kind, str(handled.status)).inc()
    TURN_SECONDS.labels(handled.kind).observe(handled.seconds)


class StoreCollector(Collector):
    """Figures read from the store at each scrape."""

    def __init__(self, factory: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self.factory = factory
        self.clock = clock

    def collect(self) -> Iterator[Metric]:
        now = self.clock()
        midnight = datetime.combine(now.astimezone(TZ).date(), time(0), TZ)
        with read_only(self.factory) as session:
            today = session.scalar(
                select(func.count()).select_from(Order).where(Order.created_at >= midnight)
            )
            oldest, waiting = session.execute(
                select(func.min(OutboxMessage.due_at), func.count()).where(
                    OutboxMessage.status.in_(WAITING), OutboxMessage.due_at <= now
                )
            ).one()
        yield GaugeMetricFamily(
            "zhucan_orders_placed_today", "Orders placed since local midnight", value=today or 0
        )
        lag = (now - oldest).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "zhucan_outbox_lag_seconds",
            "How long the oldest message due has waited to be sent (0: none waiting)",
            value=max(lag, 0.0),
        )
        yield GaugeMetricFamily(
            "zhucan_outbox_due", "Messages due and not yet sent", value=int(waiting or 0)
        )


class QueueCollector(Collector):
    """The voice queue read from Redis at each scrape: every worker reports the same figure."""

    def __init__(self, queue: VoiceQueue) -> None:
        self.queue = queue

    def collect(self) -> Iterator[Metric]:
        try:
            depth = self.queue.depth()
        except RedisError as exc:  # the scrape still shows the rest
            log.warning("voice queue not readable: %s", type(exc).__name__)
            return
        yield GaugeMetricFamily(
            "zhucan_voice_queue_depth", "Voice notes waiting for an ASR worker", value=depth.waiting
        )
        yield GaugeMetricFamily(
            "zhucan_voice_queue_in_hand",
            "Voice notes an ASR worker has taken and not finished",
            value=depth.in_hand,
        )
        yield GaugeMetricFamily(
            "zhucan_voice_queue_wait_seconds",
            "How long the oldest waiting voice note has waited (0: none waiting)",
            value=depth.oldest_s,
        )


class MetricsEndpoint:
    """``/metrics``: the workers' figures (all processes' in multiprocess mode), the store's
    and the voice queue's."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        clock: Callable[[], datetime],
        voice_queue: VoiceQueue | None = None,
    ) -> None:
        self.store = CollectorRegistry(auto_describe=False)
        self.store.register(StoreCollector(factory, clock))
        if voice_queue is not None:
            self.store.register(QueueCollector(voice_queue))

    def _text(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            workers = CollectorRegistry()
            multiprocess.MultiProcessCollector(workers)  # type: ignore[no-untyped-call]
        else:
            workers = REGISTRY
        return generate_latest(workers) + generate_latest(self.store)

    async def endpoint(self, request: Request) -> Response:
        body = await asyncio.to_thread(self._text)
        return Response(body, media_type=CONTENT_TYPE_LATEST)
