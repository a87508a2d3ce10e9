"""``zhucan serve``: the webhook server, with ``--workers N`` worker processes.

Kept apart from ``bot/cli/``, which only registers it. The parent checks the configuration
once (a refusal is one message and exit 2), passes ``--db`` and ``--now`` on through the
environment, and hands the rest to uvicorn, which starts the workers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from bot.arguments import whole_number
from bot.serve.settings import NOW_SINCE, ServeSettings

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

    from bot.serve.logs import CONFIG

    settings = ServeSettings.from_env()  # refused here, once, rather than in every worker
    os.environ["ZHUCAN_DB"] = ctx.url
    if getattr(args, "now", None):
        os.environ["ZHUCAN_NOW"] = args.now
    if os.environ.get("ZHUCAN_NOW", "").strip():  # one clock for every worker, however late
        os.environ.setdefault(NOW_SINCE, f"{time.time():.3f}")
    if args.workers > 1:
        metrics_folder()
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
        # The console's sign-in limit counts by address: behind the proxy of deploy/, the
        # address is the one it forwards, trusted only from ZHUCAN_FORWARDED_ALLOW_IPS.
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("ZHUCAN_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        timeout_graceful_shutdown=GRACE_S,
        log_level="info",
        log_config=CONFIG,
    )
    return 0


def metrics_folder() -> Path:
    """The folder prometheus_client's multiprocess mode shares between the workers
    (``PROMETHEUS_MULTIPROC_DIR``): made if not given, emptied of an earlier run's files
    before any worker starts (their counts would add to this run's)."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "").strip()
    folder = Path(given) if given else Path(tempfile.mkdtemp(prefix="zhucan-metrics-"))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
    return folder
