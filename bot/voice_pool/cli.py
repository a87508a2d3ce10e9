"""``zhucan voice worker``: an ASR worker of the voice pool, on this machine or another.

It needs what a webhook worker needs to answer (``ZHUCAN_DB``/``--db``, ``ZHUCAN_TELEGRAM_TOKEN``,
``ZHUCAN_TELEGRAM_API_URL``, ``ZHUCAN_REDIS_URL``) and the voice engines (``ZHUCAN_VOICE_*``).
It runs until SIGTERM or SIGINT, then finishes the notes in hand; notes not started stay queued.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

from bot.arguments import whole_number
from menus.errors import DomainError


class JobIdsOnly(logging.Filter):
    """Replaces a queued job in a log record by its id: Dramatiq logs a failed job whole, and a
    voice job carries the chat id and Telegram's file id (with the bot token, the elder's voice
    note)."""

    def filter(self, record: logging.LogRecord) -> bool:
        import dramatiq

        if isinstance(record.args, tuple):
            record.args = tuple(
                f"job {a.message_id}" if isinstance(a, dramatiq.Message) else a for a in record.args
            )
        return True


def quiet_job_logs() -> None:
    """Logs of the worker without personal data: PTB's as the bot keeps them, and every
    handler given ``JobIdsOnly`` (one to stderr made when there is none)."""
    from bot.telegram.app import quiet_personal_logs

    quiet_personal_logs()
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
        root.setLevel(logging.INFO)
    for handler in root.handlers:
        if not any(isinstance(f, JobIdsOnly) for f in handler.filters):
            handler.addFilter(JobIdsOnly())


GRACE_MS = 60_000
"""On SIGTERM the notes in hand get this long to finish (a Whisper turn takes about 2 s)."""


def add_worker_command(voice: Any, add: Callable[..., Any]) -> None:
    """Register ``voice worker`` under ``voice``."""
    p = add("worker", cmd_worker, "hear queued voice notes (the ASR pool of zhucan serve)", voice)
    p.add_argument(
        "--threads", type=whole_number(1, 64), default=1, help="notes heard at once (default 1)"
    )
    p.add_argument(
        "--metrics-port",
        type=whole_number(0, 65535),
        default=0,
        help="serve Prometheus metrics (queue wait, job time) on this port (0: none)",
    )


def _environment() -> tuple[str, str, str]:
    """(bot token, Redis URL, Bot API URL), or one refusal naming what is missing."""
    token = os.environ.get("ZHUCAN_TELEGRAM_TOKEN", "").strip()
    redis_url = os.environ.get("ZHUCAN_REDIS_URL", "").strip()
    if not token or not redis_url:
        raise DomainError(
            "bad_argument", detail="set ZHUCAN_TELEGRAM_TOKEN and ZHUCAN_REDIS_URL (the queue)"
        )
    return token, redis_url, os.environ.get("ZHUCAN_TELEGRAM_API_URL", "").strip().rstrip("/")


def cmd_worker(args: argparse.Namespace, ctx: Any) -> int:
    """Hear voice notes from the queue until told to stop."""
    from prometheus_client import start_http_server
    from telegram.ext import ExtBot

    from bot.dialogue import Dialogue
    from bot.telegram.shared_limit import default_rate_limiter
    from bot.voice_pool.queue import VoiceQueue
    from bot.voice_pool.worker import VoiceWorker, consume, declare
    from bot.voice_turn import VoiceTurns
    from voice.config import VoiceConfig
    from voice.engines import Voice

    token, redis_url, api = _environment()
    quiet_job_logs()
    queue = VoiceQueue.from_url(redis_url)
    bot: ExtBot[Any] = ExtBot(
        token,
        base_url=f"{api}/bot" if api else "https://api.telegram.org/bot",
        base_file_url=f"{api}/file/bot" if api else "https://api.telegram.org/file/bot",
        rate_limiter=default_rate_limiter(token),
    )
    turns = VoiceTurns(Dialogue(ctx.factory), Voice(VoiceConfig.from_env()))
    worker = VoiceWorker(turns, bot)
    worker.start()
    declare(queue.broker, worker)
    if args.metrics_port:
        start_http_server(args.metrics_port, addr="127.0.0.1")  # scraped on this machine
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    consumer = consume(queue.broker, args.threads)
    print(f"zhucan voice worker: {args.threads} thread(s) on the voice queue", file=ctx.out)
    ctx.out.flush()
    stop.wait()
    consumer.stop(timeout=GRACE_MS)
    worker.close()
    queue.close()
    return 0
