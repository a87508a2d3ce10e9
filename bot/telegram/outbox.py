"""Delivering the outbox over Telegram: claim due messages, send them, mark them sent or failed.

Why a plain asyncio task and not PTB's JobQueue: the JobQueue is APScheduler, and the design
keeps one scheduler per process (``scheduler/``); here one loop sweeps the table every few
seconds. Rows are claimed with a lease (``menus.outbox.claim_due``), so several bot processes
never send the same row; sending goes through the bot's rate limiter like every reply.

Delivery is at least once: a process that dies between Telegram's answer and ``mark_sent``
leaves the row to be claimed again when its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.telegram.render import render
from bot.telegram.turns import Answer
from menus.models import Identity, Person
from menus.outbox import Claimed, claim_due, mark_failed, mark_sent

log = logging.getLogger(__name__)

CHANNEL = "telegram"
TASK = "zhucan.outbox"
INTERVAL_S = 2.0
BATCH = 50
STOP_GRACE_S = 30.0

Runner = Callable[..., Awaitable[Any]]
"""Runs a blocking store call off the event loop (``asyncio.to_thread`` or the bot's own)."""


@dataclass(frozen=True)
class Round:
    """What one sweep did (counts only: no personal data)."""

    claimed: int = 0
    sent: int = 0
    failed: int = 0


def _recipients(factory: sessionmaker[Session], person_ids: set[int]) -> dict[int, Any]:
    """person id → (their Telegram chat ids, their language)."""
    with factory() as session:
        accounts = session.execute(
            select(Identity.person_id, Identity.account_id).where(
                Identity.channel == CHANNEL, Identity.person_id.in_(person_ids)
            )
        ).all()
        langs = dict(
            session.execute(select(Person.id, Person.lang).where(Person.id.in_(person_ids))).all()
        )
    found: dict[int, Any] = {pid: ([], langs.get(pid, "zh")) for pid in person_ids}
    for person_id, account in accounts:
        if account.lstrip("-").isdigit():
            found[person_id][0].append(int(account))
    return found


async def _deliver(
    bot: Bot,
    factory: sessionmaker[Session],
    message: Claimed,
    to: Any,
    now: datetime,
    run: Runner,
) -> bool:
    chats, lang = to
    if not chats:
        await run(mark_failed, factory, message.id, now, "no telegram account")
        return False
    answer = Answer(message.text, list(message.choices), inline=bool(message.choices))
    try:
        for chat_id in chats:
            for piece in render(answer, lang):
                await bot.send_message(chat_id, piece.text, reply_markup=piece.markup)
    except Forbidden:  # the person blocked the bot: retrying will not help, but keep a trace
        await run(mark_failed, factory, message.id, now, "blocked by the person")
        return False
    except TelegramError as exc:
        await run(mark_failed, factory, message.id, now, type(exc).__name__)
        return False
    await run(mark_sent, factory, message.id, now)
    return True


async def deliver_due(
    bot: Bot,
    factory: sessionmaker[Session],
    now: datetime,
    *,
    limit: int = BATCH,
    run: Runner = asyncio.to_thread,
) -> Round:
    """One sweep: claim what is due and send it, all chats at once under the rate limits.
    ``run`` runs store calls off the event loop (the bot passes its store threads)."""
    claimed = await run(claim_due, factory, now, limit=limit)
    if not claimed:
        return Round()
    recipients = await run(_recipients, factory, {m.person_id for m in claimed})
    results = await asyncio.gather(
        *(_deliver(bot, factory, m, recipients[m.person_id], now, run) for m in claimed)
    )
    sent = sum(results)
    return Round(claimed=len(claimed), sent=sent, failed=len(claimed) - sent)


async def _sweep_until(
    bot: Bot,
    factory: sessionmaker[Session],
    clock: Callable[[], datetime],
    interval: float,
    stop: asyncio.Event,
    run: Runner,
) -> None:
    """Sweep every ``interval`` seconds until ``stop`` is set, always finishing a round (a
    round cut short would leave claimed rows to be sent again when their lease ends)."""
    while not stop.is_set():
        try:
            done = await deliver_due(bot, factory, clock(), run=run)
            if done.claimed:
                log.info("outbox: %d sent, %d failed", done.sent, done.failed)
        except Exception as exc:  # the store was unreachable: try again next round
            log.warning("outbox sweep failed: %s", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


@dataclass
class Sweeper:
    """The running sweep and the event that ends it."""

    task: asyncio.Task[None]
    stop: asyncio.Event


def start_outbox(
    app: Application[Any, Any, Any, Any, Any, Any],
    factory: sessionmaker[Session],
    clock: Callable[[], datetime],
    *,
    interval: float = INTERVAL_S,
    run: Runner = asyncio.to_thread,
) -> Sweeper:
    """Start sweeping in the running loop (``post_init``); ``stop_outbox`` ends it."""
    stop = asyncio.Event()
    task = asyncio.get_running_loop().create_task(
        _sweep_until(app.bot, factory, clock, interval, stop, run), name=TASK
    )
    sweeper = app.bot_data[TASK] = Sweeper(task, stop)
    return sweeper


async def stop_outbox(
    app: Application[Any, Any, Any, Any, Any, Any], *, grace: float = STOP_GRACE_S
) -> None:
    """Let the current round finish (``post_stop``), then end the sweep."""
    sweeper = app.bot_data.pop(TASK, None)
    if not isinstance(sweeper, Sweeper):
        return
    sweeper.stop.set()
    try:
        await asyncio.wait_for(sweeper.task, grace)
    except TimeoutError:  # wait_for has cancelled it; its claimed rows go out after the lease
        log.warning("outbox sweep did not finish within %.0f s", grace)
