"""The outbox sweeper: claim due messages, send them through the channel within its limits.

Why it is safe with several processes: rows are *claimed* with a lease in one transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so two sweepers never hold the same row; a
sweeper that dies leaves its lease to expire and the row is claimed once more. A sweeper never
starts a send after its lease has run out (another process may hold the row by then): it gives
the row back instead. What no store can close is the moment between the channel accepting a
message and the row being marked sent: a process killed exactly then sends that one message
again after the lease. The row is marked at once after each send to keep that window small.

Rate limits are booked per message before it waits (see ``scheduler.ratelimit``), so however
many sends run at once, the totals stay within the configured rates.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.outbox import Claimed, claim_due, mark_dropped, mark_failed, mark_sent, release
from scheduler.channel import Channel, ChannelError
from scheduler.config import SchedulerSettings
from scheduler.jobs import reminder_still_wanted
from scheduler.ratelimit import Clock, RateLimiter

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

SEND_TIMEOUT_S = 30.0
"""A send that takes longer counts as failed (and is retried with back-off)."""


@dataclass(frozen=True)
class Delivery:
    """What became of one claimed message: sent, failed (retried later), dead, dropped, or
    released (given back unsent, the lease being too short for it)."""

    id: int
    key: str
    kind: str
    person_id: int
    status: str


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
            1, min(self.settings.batch, int(self.settings.global_rate * self.settings.lease_s / 2))
        )
        done: list[Delivery] = []
        batches = 0
        while max_batches is None or batches < max_batches:
            moment = now or self.wall()
            claimed = await asyncio.to_thread(
                claim_due, self.factory, moment, limit=limit, lease=lease
            )
            if not claimed:
                break
            batches += 1
            deadline = self.clock() + self.settings.lease_s * 0.9
            results = await asyncio.gather(
                *(self._deliver(message, deadline, now) for message in claimed)
            )
            done.extend(results)
            if all(r.status == "released" for r in results):
                break  # nothing could be sent in this lease: leave it to the next sweep
        return done

    async def _deliver(self, message: Claimed, deadline: float, now: datetime | None) -> Delivery:
        at = self.limiter.reserve(message.person_id, until=deadline)
        if at > deadline:
            await asyncio.to_thread(release, self.factory, message.id, now or self.wall())
            return self._result(message, "released")
        delay = at - self.clock()
        if delay > 0:
            await self.sleep(delay)
        if message.kind == "reminder" and not await asyncio.to_thread(
            self._reminder_wanted, message.key, now or self.wall()
        ):
            await asyncio.to_thread(
                mark_dropped, self.factory, message.id, now or self.wall(), "not_needed"
            )
            return self._result(message, "dropped")
        try:
            await asyncio.wait_for(
                self.channel.send(message.person_id, message.text, message.choices),
                timeout=SEND_TIMEOUT_S,
            )
        except Exception as exc:  # the channel's failure, whatever it is, is a failed attempt
            error = str(exc)[:200] if isinstance(exc, ChannelError) else type(exc).__name__
            status = await asyncio.to_thread(
                mark_failed, self.factory, message.id, now or self.wall(), error
            )
            log.warning("send of outbox %s failed (%s): now %s", message.id, error, status)
            return self._result(message, "dead" if status == "dead" else "failed")
        await asyncio.to_thread(mark_sent, self.factory, message.id, now or self.wall())
        return self._result(message, "sent")

    def _reminder_wanted(self, key: str, now: datetime) -> bool:
        with self.factory() as session:
            return reminder_still_wanted(session, key, now)

    @staticmethod
    def _result(message: Claimed, status: str) -> Delivery:
        return Delivery(message.id, message.key, message.kind, message.person_id, status)
