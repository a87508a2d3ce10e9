"""``zhucan scheduler run|tick`` and ``zhucan outbox list``: the scheduler's commands.

Kept apart from ``bot/cli/`` (which only registers them) so the scheduler's commands change
without touching the rest of the command line. ``scheduler run`` delivers over Telegram when
``ZHUCAN_TELEGRAM_TOKEN`` is set (the bot itself then runs ``zhucan telegram --no-scheduler``);
otherwise, and always with ``--log`` or for ``tick``, messages go through a ``LogChannel`` (a
JSON line per message, ``--log FILE`` or ``ZHUCAN_CHANNEL_LOG``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from bot.arguments import whole_number
from menus.clock import TZ
from menus.db import read_only
from menus.errors import DomainError
from menus.outbox import count_by_status, list_messages
from scheduler.channel import Channel, LogChannel
from scheduler.config import SchedulerSettings
from scheduler.jobs import JOBS
from scheduler.service import SchedulerService

if TYPE_CHECKING:
    from bot.telegram.channel import TelegramChannel

STATUSES = ("pending", "sending", "sent", "failed", "dead", "dropped")
MAX_LIST = 10_000
"""Most messages ``outbox list`` prints at once (a person reads the newest few)."""


class _Context(Protocol):
    """What the handlers need from ``bot.cli.common.Context``."""

    now: Any
    factory: sessionmaker[Session]
    out: Any


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``scheduler run``, ``scheduler tick`` and ``outbox list``."""
    scheduler = sub.add_parser("scheduler", help="reminders and timed work")
    inner = scheduler.add_subparsers(dest="sub", required=True)
    for name, handler, help_text in (
        ("run", cmd_scheduler_run, "run the scheduler until stopped"),
        ("tick", cmd_scheduler_tick, "do everything due at --now once; print JSON lines"),
    ):
        p = add(name, handler, help_text, inner)
        p.add_argument("--log", help="file the log channel writes messages to")
        if name == "tick":
            p.add_argument("--only", action="append", choices=sorted(JOBS), help="only this job")
            p.add_argument("--no-send", action="store_true", help="queue only, send nothing")
    outbox = sub.add_parser("outbox", help="messages waiting or sent")
    p = add(
        "list",
        cmd_outbox_list,
        "messages in the outbox (newest first)",
        outbox.add_subparsers(dest="sub", required=True),
    )
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--limit", type=whole_number(1, MAX_LIST), default=50)
    p.add_argument("--json", action="store_true")


def scheduler_settings() -> SchedulerSettings:
    """``SchedulerSettings.from_env()``, a bad value refused as a bad argument."""
    try:
        return SchedulerSettings.from_env()
    except ValueError as exc:
        raise DomainError("bad_argument", detail=str(exc)) from None


def _channel(args: argparse.Namespace, clock: Callable[[], Any] | None = None) -> LogChannel:
    path = args.log or os.environ.get("ZHUCAN_CHANNEL_LOG")
    if not path:
        from platformdirs import user_data_dir

        path = str(Path(user_data_dir("zhucan", appauthor=False)) / "messages.jsonl")
    return LogChannel(path, clock=clock)


def running_clock(args: argparse.Namespace, ctx: _Context) -> Callable[[], Any] | None:
    """With ``--now`` (or ``ZHUCAN_NOW``) a clock that starts there and runs on; else None
    (the real time)."""
    if not (getattr(args, "now", None) or os.environ.get("ZHUCAN_NOW")):
        return None
    started = time.monotonic()
    return lambda: ctx.now + timedelta(seconds=time.monotonic() - started)


def telegram_channel(factory: sessionmaker[Session]) -> TelegramChannel | None:
    """With ``ZHUCAN_TELEGRAM_TOKEN``: the Telegram channel on a bot of its own, rate-limited
    as the bot's, together with every other sender when ``ZHUCAN_REDIS_URL`` is set
    (``ZHUCAN_TELEGRAM_API_URL`` for a self-hosted Bot API server); else None."""
    token = os.environ.get("ZHUCAN_TELEGRAM_TOKEN", "").strip()
    if not token:
        return None
    from telegram.ext import ExtBot

    from bot.telegram.app import quiet_personal_logs
    from bot.telegram.channel import TelegramChannel
    from bot.telegram.shared_limit import default_rate_limiter

    quiet_personal_logs()
    api = os.environ.get("ZHUCAN_TELEGRAM_API_URL", "").rstrip("/")
    limiter: Any = default_rate_limiter(token)  # PTB types the limiter's argument as None
    if api:
        bot: ExtBot[Any] = ExtBot(
            token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot", rate_limiter=limiter
        )
    else:
        bot = ExtBot(token, rate_limiter=limiter)
    return TelegramChannel(bot, factory)


def cmd_scheduler_tick(args: argparse.Namespace, ctx: _Context) -> int:
    """Run every job due at ``--now``, then send what is due; one JSON line per message."""
    channel = _channel(args, clock=lambda: ctx.now)
    service = SchedulerService(ctx.factory, channel, scheduler_settings(), wall=lambda: ctx.now)
    try:
        if args.only or args.no_send:
            from scheduler.jobs import run_jobs

            queued = run_jobs(ctx.factory, service.settings, ctx.now, only=args.only)
            delivered = [] if args.no_send else asyncio.run(service.sweep(ctx.now))
        else:
            report = asyncio.run(service.tick(ctx.now))
            queued, delivered = report.queued, report.delivered
    finally:
        channel.close()
    for q in queued:
        line = {"event": "queued", "kind": q.kind, "key": q.key, "person_id": q.person_id}
        line["due_at"] = q.due_at.isoformat()
        print(json.dumps(line, ensure_ascii=False), file=ctx.out)
    for d in delivered:
        print(json.dumps({"event": d.status, **asdict(d)}, ensure_ascii=False), file=ctx.out)
    return 0


def cmd_scheduler_run(args: argparse.Namespace, ctx: _Context) -> int:
    """The long-running scheduler (stops on Ctrl-C or SIGTERM). With ``--now`` (a demo, a
    test) its clock starts at that moment and runs on from there."""
    wall = running_clock(args, ctx)
    telegram = None if args.log else telegram_channel(ctx.factory)
    channel: Channel = telegram or _channel(args, clock=wall)
    service = SchedulerService(ctx.factory, channel, scheduler_settings(), wall=wall)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        if telegram is None:
            await service.run_forever(stop)
            return
        async with telegram.bot:  # its HTTP client and rate limiter
            await service.run_forever(stop)

    try:
        asyncio.run(main())
    finally:
        if isinstance(channel, LogChannel):
            channel.close()
    return 0


def cmd_outbox_list(args: argparse.Namespace, ctx: _Context) -> int:
    """Messages with their state; ``dead`` ones failed too often and need a person to look.
    The text is not shown (it may carry addresses); its kind and key say what it is."""
    with read_only(ctx.factory) as session:
        rows = list_messages(session, status=args.status, limit=args.limit)
        counts = count_by_status(session)
    data: list[dict[str, Any]] = [
        {
            "id": r.id,
            "key": r.key,
            "kind": r.kind,
            "person_id": r.person_id,
            "status": r.status,
            "attempts": r.attempts,
            "due_at": r.due_at.astimezone(TZ).isoformat(),
            "sent_at": r.sent_at.astimezone(TZ).isoformat() if r.sent_at else None,
            "last_error": r.last_error,
        }
        for r in rows
    ]
    if args.json:
        print(json.dumps({"counts": counts, "messages": data}, ensure_ascii=False), file=ctx.out)
        return 0
    print("  ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "(empty)", file=ctx.out)
    for m in data:
        error = f"  {m['last_error']}" if m["last_error"] else ""
        print(
            f"#{m['id']} {m['status']:<8} {m['kind']:<12} person {m['person_id']:<6} "
            f"due {m['due_at'][:16]} tries {m['attempts']}{error}  {m['key']}",
            file=ctx.out,
        )
    return 0
