"""The outbox sweeper: claim due messages, send them through the channel within its limits.

Why it is safe with several processes: rows are *claimed* with a lease in one transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so two sweepers never hold the same row; a
sweeper that dies leaves its lease to expire and the row is claimed once more. A sweeper never
starts a send after its lease has run out (another process may hold the row by then): it gives
the rest back instead.

Sent rows are marked in small batches (every ``MARK_EVERY_S`` or ``MARK_BATCH`` messages, and
always when a sweep ends or is cancelled), which keeps up with the channel's rate on SQLite. What
no store can close is the moment between the channel accepting a message and its row being
marked: a process *killed* (SIGKILL, power cut) in that moment sends those few messages again
after the lease. Telegram has no idempotency key to close it from the other side.

Rate limits are applied where messages leave: one dispatcher hands messages to the channel one
after another, each at the earliest moment the buckets and the one-second window allow (see
``scheduler.ratelimit``), and records the moment it really handed it over, so a late wake-up
never lets more than the limit through in any second; sends then run concurrently, so a slow
channel does not lower the rate.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import read_only
from menus.emergencies import URGENT_DUE, URGENT_KINDS
from menus.outbox import (
    Claimed,
    claim_due,
    mark_failed,
    mark_sent_many,
    release_many,
)
from scheduler.channel import Channel, ChannelError
from scheduler.config import SchedulerSettings
from scheduler.jobs import reminders_not_wanted
from scheduler.ratelimit import Clock, RateLimiter

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

SEND_TIMEOUT_S = 30.0
"""A send that takes longer counts as failed (and is retried with back-off); at most a quarter
of the lease."""

MARK_EVERY_S = 0.05
MARK_BATCH = 200


@dataclass(frozen=True)
class Delivery:
    """What became of one claimed message: sent, failed (retried later), dead, dropped (no
    longer wanted), or released (given back unsent: the lease was too short for it)."""

    id: int
    key: str
    kind: str
    person_id: int
    status: str


class _Marks:
    """Ids sent and not yet marked; taken out only by the thread that writes them, so a flush
    cancelled before it ran leaves them for the next one."""

    def __init__(self, factory: sessionmaker[Session], when: Callable[[], datetime]) -> None:
        self.factory = factory
        self.when = when
        self.ids: list[int] = []
        self.lock = threading.Lock()

    def flush(self) -> None:
        with self.lock:
            ids, self.ids = self.ids, []
            if ids:
                try:
                    mark_sent_many(self.factory, ids, self.when())
                except Exception:
                    self.ids[:0] = ids  # try again with the next flush
                    raise


URGENT_LOOK_S = 0.2
"""While a batch waits on a rate limit, how often it looks for an alarm to send first."""


def _rank(message: Claimed) -> int:
    """0 for an alarm (sent before anything else held), 1 for the rest."""
    return 0 if message.kind in URGENT_KINDS else 1


class Sender:
    """Sends due outbox messages through one channel; one per process is enough."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        channel: Channel,
        settings: SchedulerSettings,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        wall: Callable[[], datetime] | None = None,
    ) -> None:
        self.factory = factory
        self.channel = channel
        self.settings = settings
        self.clock = clock
        self.sleep = sleep
        self.wall = wall or (lambda: datetime.now(TZ))
        self.limiter = RateLimiter(
            global_rate=settings.global_rate,
            person_rate=settings.person_rate,
            global_burst=settings.global_burst,
            person_burst=settings.person_burst,
            clock=clock,
        )

    async def sweep(
        self, now: datetime | None = None, *, max_batches: int | None = None
    ) -> list[Delivery]:
        """Claim and send batch after batch until nothing is due (at ``now``, or the wall
        clock's now when not given)."""
        lease = timedelta(seconds=self.settings.lease_s)
        # never claim more than can be sent in half the lease at the global rate
        limit = max(
            1, min(self.settings.batch, int(self.settings.global_rate * lease.total_seconds() / 2))
        )
        marks = _Marks(self.factory, lambda: now or self.wall())
        flusher = asyncio.create_task(self._flush_often(marks))
        done: list[Delivery] = []
        batches = 0
        try:
            while max_batches is None or batches < max_batches:
                moment = now or self.wall()
                claimed = await asyncio.to_thread(
                    claim_due, self.factory, moment, limit=limit, lease=lease
                )
                if not claimed:
                    break
                batches += 1
                results = await self._send_batch(claimed, now, marks)
                done.extend(results)
                if all(r.status == "released" for r in results):
                    break  # nothing could be sent in this lease: leave it to the next sweep
        finally:
            flusher.cancel()
            marks.flush()  # also when cancelled: a message sent is marked sent
        return done

    async def _flush_often(self, marks: _Marks) -> None:
        while True:
            await asyncio.sleep(MARK_EVERY_S)
            if marks.ids:
                try:
                    await asyncio.to_thread(marks.flush)
                except Exception as exc:  # the store hiccuped: the next flush tries again
                    log.warning("marking sent messages failed: %s", type(exc).__name__)

    async def _send_batch(
        self, claimed: list[Claimed], now: datetime | None, marks: _Marks
    ) -> list[Delivery]:
        results: list[Delivery] = []
        reminders = [m.key for m in claimed if m.kind == "reminder"]
        if reminders:
            drop = await asyncio.to_thread(self._not_wanted, reminders, now or self.wall())
            if drop:
                dropped = [m for m in claimed if m.key in drop]
                await asyncio.to_thread(self._drop, [m.id for m in dropped], now or self.wall())
                results += [self._result(m, "dropped") for m in dropped]
                claimed = [m for m in claimed if m.key not in drop]
        # the last send must have finished (or timed out) well before the lease ends, or another
        # sender could claim the row and send it a second time
        lease_s = self.settings.lease_s
        deadline = self.clock() + lease_s - self._timeout() - lease_s * 0.1
        start = self.clock()
        queue = [
            (_rank(m), self.limiter.person_earliest(m.person_id, start), n, m)
            for n, m in enumerate(claimed)
        ]
        heapq.heapify(queue)
        tasks: list[asyncio.Task[Delivery]] = []
        looked = start
        try:
            while queue:
                rank, key, n, message = heapq.heappop(queue)
                ready = self.limiter.person_earliest(message.person_id, start)
                if ready > key:  # this person got a message meanwhile: look again later
                    heapq.heappush(queue, (rank, ready, n, message))
                    continue
                moment = self.clock()
                at = self.limiter.earliest(message.person_id, moment)
                if at > moment and moment - looked >= URGENT_LOOK_S:
                    looked = moment  # waiting on a rate limit: an alarm since? it goes first
                    urgent = await asyncio.to_thread(self._claim_urgent, now)
                    if urgent:
                        heapq.heappush(queue, (rank, key, n, message))
                        for extra, m in enumerate(urgent, start=len(claimed) + len(queue)):
                            heapq.heappush(queue, (_rank(m), start, extra, m))
                        continue
                if at > deadline:  # every message left is at least as late: give them back
                    rest = [message] + [m for _, _, _, m in queue]
                    queue.clear()
                    await asyncio.to_thread(
                        release_many, self.factory, [m.id for m in rest], now or self.wall()
                    )
                    results += [self._result(m, "released") for m in rest]
                    break
                if at > moment:
                    await self.sleep(at - moment)
                handed: asyncio.Future[float] = asyncio.get_running_loop().create_future()
                tasks.append(asyncio.create_task(self._deliver(message, now, marks, handed)))
                # book the moment the channel really got it (the task's first step)
                self.limiter.book(message.person_id, at, actual=await handed)
        finally:
            if tasks:
                results += await asyncio.gather(*tasks)
        return results

    async def _deliver(
        self,
        message: Claimed,
        now: datetime | None,
        marks: _Marks,
        handed: asyncio.Future[float],
    ) -> Delivery:
        if not handed.done():  # the dispatcher may have been cancelled meanwhile
            handed.set_result(self.clock())
        try:
            async with asyncio.timeout(self._timeout()):
                await self.channel.send(message.person_id, message.text, message.choices)
        except Exception as exc:  # the channel's failure, whatever it is, is a failed attempt
            error = str(exc)[:200] if isinstance(exc, ChannelError) else type(exc).__name__
            status = await asyncio.to_thread(
                mark_failed, self.factory, message.id, now or self.wall(), error
            )
            log.warning("send of outbox %s failed (%s): now %s", message.id, error, status)
            return self._result(message, "dead" if status == "dead" else "failed")
        marks.ids.append(message.id)
        if len(marks.ids) >= MARK_BATCH:
            await asyncio.to_thread(marks.flush)
        return self._result(message, "sent")

    def _claim_urgent(self, now: datetime | None) -> list[Claimed]:
        """Alarms queued while this batch waits on a rate limit (due since ``URGENT_DUE``)."""
        lease = timedelta(seconds=self.settings.lease_s)
        moment = now or self.wall()
        return claim_due(self.factory, moment, limit=10, lease=lease, due_by=URGENT_DUE)

    def _timeout(self) -> float:
        return min(SEND_TIMEOUT_S, self.settings.lease_s / 4)

    def _not_wanted(self, keys: list[str], now: datetime) -> set[str]:
        with read_only(self.factory) as session:
            return reminders_not_wanted(session, keys, now)

    def _drop(self, ids: list[int], now: datetime) -> None:
        from menus.outbox import mark_dropped

        for message_id in ids:
            mark_dropped(self.factory, message_id, now, "not_needed")

    @staticmethod
    def _result(message: Claimed, status: str) -> Delivery:
        return Delivery(message.id, message.key, message.kind, message.person_id, status)
