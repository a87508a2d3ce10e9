"""The scheduler as a whole: the jobs and the sweep, triggered by APScheduler.

Why APScheduler only triggers: everything due is found in the store (``scheduler.jobs``), so
APScheduler needs no job store of its own; it says "now" every ``jobs_interval_s`` (the jobs)
and every ``sweep_interval_s`` (the sweep). Jobs missed while the process was down are caught
up by the first run after it starts. Two processes running this against one PostgreSQL store
queue each message once (unique keys) and send it once (claims).

In the Telegram bot, use the bot's own APScheduler (one scheduler per process)::

    service = SchedulerService(factory, telegram_channel, SchedulerSettings.from_env())
    service.attach(application.job_queue.scheduler)

Standalone (``zhucan scheduler run``): ``asyncio.run(service.run_forever())``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from scheduler.channel import Channel
from scheduler.config import SchedulerSettings
from scheduler.jobs import Queued, run_jobs
from scheduler.sender import Delivery, Sender

log = logging.getLogger(__name__)

JOBS_ID = "zhucan-scheduler-jobs"
SWEEP_ID = "zhucan-scheduler-sweep"


@dataclass
class TickReport:
    """What one tick did: messages queued by the jobs, and what the sweep did with due ones."""

    queued: list[Queued] = field(default_factory=list)
    delivered: list[Delivery] = field(default_factory=list)


class SchedulerService:
    """The jobs and the sender for one store and one channel."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        channel: Channel,
        settings: SchedulerSettings,
        *,
        wall: Callable[[], datetime] | None = None,
        sender: Sender | None = None,
    ) -> None:
        self.factory = factory
        self.settings = settings
        self.wall = wall or (lambda: datetime.now(TZ))
        self.sender = sender or Sender(factory, channel, settings, wall=self.wall)

    def run_jobs(self, now: datetime | None = None) -> list[Queued]:
        """Every job once (blocking: call it from a thread in an event loop)."""
        return run_jobs(self.factory, self.settings, now or self.wall())

    async def sweep(self, now: datetime | None = None) -> list[Delivery]:
        """Send everything due."""
        return await self.sender.sweep(now)

    async def tick(self, now: datetime) -> TickReport:
        """Everything due at ``now``, once: the jobs, then the sweep of what is due."""
        queued = await asyncio.to_thread(self.run_jobs, now)
        delivered = await self.sweep(now)
        return TickReport(queued, delivered)

    def attach(self, scheduler: BaseScheduler) -> None:
        """Add the two periodic triggers to an APScheduler (the bot's, or our own).

        With an ``AsyncIOScheduler`` the sweep runs on its event loop (the channel's loop) and
        the jobs in its thread pool; with a thread-based scheduler the sweep gets a loop of its
        own. Late runs are coalesced and never dropped: the store says what is still useful.
        """
        common: dict[str, Any] = {
            "max_instances": 1,
            "coalesce": True,
            "misfire_grace_time": None,
            "replace_existing": True,
            "next_run_time": datetime.now(TZ),
        }
        scheduler.add_job(
            self._jobs_now,
            IntervalTrigger(seconds=self.settings.jobs_interval_s, timezone=TZ),
            id=JOBS_ID,
            name="zhucan jobs",
            **common,
        )
        sweep: Callable[[], Any]
        sweep = self._sweep_now if isinstance(scheduler, AsyncIOScheduler) else self._sweep_blocking
        scheduler.add_job(
            sweep,
            IntervalTrigger(seconds=self.settings.sweep_interval_s, timezone=TZ),
            id=SWEEP_ID,
            name="zhucan outbox sweep",
            **common,
        )

    def _jobs_now(self) -> None:
        self.run_jobs()

    async def _sweep_now(self) -> None:
        try:
            await self.sweep()
        except Exception as exc:  # the next trigger tries again; never kill the scheduler
            log.error("outbox sweep failed: %s", type(exc).__name__)

    def _sweep_blocking(self) -> None:
        asyncio.run(self._sweep_now())

    async def run_forever(self, stop: asyncio.Event | None = None) -> None:
        """Run until ``stop`` is set (or forever): ``zhucan scheduler run``."""
        scheduler = AsyncIOScheduler(timezone=TZ)
        self.attach(scheduler)
        scheduler.start()
        log.info("scheduler started")
        try:
            await (stop or asyncio.Event()).wait()
        finally:
            scheduler.shutdown(wait=False)
            log.info("scheduler stopped")
