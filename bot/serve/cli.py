"""``zhucan serve``: the webhook server, with ``--workers N`` worker processes.

Kept apart from ``bot/cli/``, which only registers it. The parent checks the configuration
once (a refusal is one message and exit 2), passes ``--db`` and ``--now`` on through the
environment, and hands the rest to uvicorn, which starts the workers.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any, Protocol

from bot.arguments import whole_number
from bot.serve.settings import ServeSettings

GRACE_S = 30
"""On SIGTERM a worker stops taking requests and finishes the updates in hand for this long."""


class _Context(Protocol):
    url: str
    out: Any


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``serve``."""
    p = add("serve", cmd_serve, "serve Telegram webhooks, health, metrics and the console")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=whole_number(1, 65535), default=8443, help="port to listen on")
    p.add_argument(
        "--workers", type=whole_number(1, 64), default=1, help="worker processes (default 1)"
    )


def cmd_serve(args: argparse.Namespace, ctx: _Context) -> int:
    """Serve until SIGINT/SIGTERM."""
    import uvicorn

    settings = ServeSettings.from_env()  # refused here, once, rather than in every worker
    os.environ["ZHUCAN_DB"] = ctx.url
    if getattr(args, "now", None):
        os.environ["ZHUCAN_NOW"] = args.now
    print(
        f"zhucan serve: http://{args.host}:{args.port}{settings.path} "
        f"({args.workers} worker{'s' if args.workers > 1 else ''})",
        file=ctx.out,
        flush=True,
    )
    sys.stdout.flush()
    uvicorn.run(
        "bot.serve.main:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # one structured line per update instead (bot.serve.webhook)
        proxy_headers=False,
        timeout_graceful_shutdown=GRACE_S,
        log_level="info",
    )
    return 0
