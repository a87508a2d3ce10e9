"""Morning rush through ``zhucan serve``: many elders order by webhook, 1 and 2 workers.

What it measures: the whole webhook path of a text turn in a real server — uvicorn, the
Starlette app, the secret check, PTB's ``Update.de_json`` and ``process_update``, the dialogue
on PostgreSQL under the person's lock, and the reply's ``sendMessage`` over HTTP to a fake Bot
API server on 127.0.0.1 (``tests.bot.fake_telegram``: real Bot API JSON answers, in a process of
its own). A turn's latency is the webhook POST's round trip: the server answers only once the
turn is stored and the reply sent. Each elder waits for the answer before the next turn (as
Telegram does, one update of a chat at a time); ``--concurrency`` elders talk at once.

Turns: 我要订餐 → a dish → 中午 → 自己去拿 → 要 (as ``bench/dialogue.py``). Every run gets a
fresh database (a new PostgreSQL database, dropped afterwards). Telegram's own limits (30
messages/s) would cap any bot at 30 turns/s, so the fake's run raises them
(``ZHUCAN_TELEGRAM_RATE``, ``ZHUCAN_TELEGRAM_CHAT_RATE``). Prints turns/s, p50/p99 per text
turn, orders stored, and the 1 → 2 workers ratio.

    .venv/bin/python bench/rush.py [--people 300] [--concurrency 16] [--workers 1,2]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --sqlite]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.dialogue import TURNS, prepare, text_update  # noqa: E402
from menus.clock import TZ  # noqa: E402
from menus.models import Order  # noqa: E402

TOKEN = "123456:RUSH-token"
SECRET = "rush-secret"
ZHUCAN = str(Path(sys.executable).with_name("zhucan"))


def _fake_bot_api(token: str, ports: Any) -> None:
    """The Bot API on 127.0.0.1 in a process of its own, until terminated."""
    from tests.bot.fake_telegram import FakeTelegram, LoopbackServer

    with LoopbackServer(FakeTelegram(token)) as server:
        ports.put(server.port)
        signal.sigwait({signal.SIGTERM})


@contextmanager
def fake_bot_api() -> Iterator[str]:
    """The fake's base URL (``ZHUCAN_TELEGRAM_API_URL``)."""
    context = multiprocessing.get_context("spawn")
    ports = context.Queue()
    process = context.Process(target=_fake_bot_api, args=(TOKEN, ports), daemon=True)
    process.start()
    try:
        yield f"http://127.0.0.1:{ports.get(timeout=30)}"
    finally:
        process.terminate()
        process.join(10)


@contextmanager
def fresh_database(pg: str | None) -> Iterator[str]:
    """A new, empty database for one run."""
    if pg is None:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'rush.db'}"
        return
    server = make_url(pg)
    name = f"zhucan_rush_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def serving(url: str, api: str, workers: int, port: int, now: datetime) -> Iterator[str]:
    """``zhucan serve`` running (ready) on ``port``; stopped with SIGTERM afterwards."""
    env = {
        **os.environ,
        "ZHUCAN_TELEGRAM_TOKEN": TOKEN,
        "ZHUCAN_WEBHOOK_SECRET": SECRET,
        "ZHUCAN_TELEGRAM_API_URL": api,
        "ZHUCAN_NOW": now.isoformat(),
        "ZHUCAN_TELEGRAM_RATE": "100000",
        "ZHUCAN_TELEGRAM_CHAT_RATE": "1000",
    }
    env.pop("ZHUCAN_REDIS_URL", None)
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    command = [ZHUCAN, "--db", url, "serve", "--port", str(port), "--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        yield from _until_stopped(command, env, log, port, workers)


def _until_stopped(
    command: list[str], env: dict[str, str], log: Any, port: int, workers: int
) -> Iterator[str]:
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit(f"zhucan serve did not start:\n{log.read().decode()[-3000:]}")
            time.sleep(0.3)
        time.sleep(1.0 if workers > 1 else 0)  # the other workers finish starting
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)


async def rush(
    base: str, accounts: list[tuple[int, str]], concurrency: int
) -> tuple[list[float], float, int]:
    """Every elder's five turns by webhook; (latencies, wall seconds, non-200 answers)."""
    latencies: list[float] = []
    refused = 0
    next_id = 0
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def converse(chat: int, dish: str) -> None:
            nonlocal next_id, refused
            async with gate:
                for template in TURNS:
                    next_id += 1
                    update = text_update(next_id, chat, template.format(dish=dish))
                    started = time.perf_counter()
                    answer = await client.post("/telegram", json=update, headers=headers)
                    latencies.append(time.perf_counter() - started)
                    refused += answer.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(converse(chat, dish) for chat, dish in accounts))
        wall = time.perf_counter() - began
    return latencies, wall, refused


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def one_run(args: argparse.Namespace, api: str, workers: int, now: datetime) -> dict[str, Any]:
    """A fresh database, the elders, the server with ``workers`` workers, the rush."""
    with fresh_database(None if args.sqlite else args.pg) as url:
        factory, accounts, ids = prepare(url, args.people, now)
        with serving(url, api, workers, args.port, now) as base:
            latencies, wall, refused = asyncio.run(rush(base, accounts, args.concurrency))
        with factory() as session:
            stored = session.scalar(
                select(func.count()).select_from(Order).where(Order.elder_id.in_(ids))
            )
        factory.kw["bind"].dispose()
    ms = [x * 1000 for x in latencies]
    result = {
        "workers": workers,
        "turns": len(ms),
        "turns_per_s": len(ms) / wall,
        "p50_ms": statistics.median(ms),
        "p99_ms": percentile(ms, 0.99),
        "orders": stored,
        "refused": refused,
    }
    print(
        f"{workers} worker(s): {result['turns']} turns in {wall:.1f} s = "
        f"{result['turns_per_s']:.0f} turns/s; p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms; orders {stored} of {args.people}; "
        f"non-200 answers {refused}",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2,4")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead")
    parser.add_argument("--port", type=int, default=18543)
    args = parser.parse_args(argv)
    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    counts = [int(n) for n in args.workers.split(",")]
    print(
        f"backend: {'sqlite' if args.sqlite else 'postgresql'}; people: {args.people}; "
        f"concurrency: {args.concurrency}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    with fake_bot_api() as api:
        results = [one_run(args, api, workers, now) for workers in counts]
    if len(results) > 1:
        ratio = results[1]["turns_per_s"] / results[0]["turns_per_s"]
        print(f"scaling {counts[0]} -> {counts[1]} workers: {ratio:.2f}x")
    ok = all(r["orders"] == args.people and r["refused"] == 0 for r in results)
    print("every elder's order stored once, every update answered 200:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
