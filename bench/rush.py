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
turn, orders stored, CPU per turn of the server's processes and of PostgreSQL's (read from
``/proc`` around the rush, ``bench/proc_usage.py``), memory per worker, and the 1 → 2 workers
ratio. ``--private-pg`` runs on a throwaway cluster of its own (``bench/private_servers.py``), so
that PostgreSQL's CPU is the run's alone.

    .venv/bin/python bench/rush.py [--people 300] [--concurrency 16] [--workers 1,2]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --sqlite | --private-pg]

``bench/rush_faults.py`` runs the same rush with faults (workers killed, PostgreSQL restarted).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench import proc_usage  # noqa: E402
from bench.dialogue import TURNS, prepare, text_update  # noqa: E402
from bench.private_servers import PrivateCluster  # noqa: E402
from menus.clock import TZ  # noqa: E402
from menus.models import Order  # noqa: E402

TOKEN = "123456:RUSH-token"
SECRET = "rush-secret"
ZHUCAN = str(Path(sys.executable).with_name("zhucan"))


def _fake_bot_api(token: str, ports: Any, record: str | None) -> None:
    """The Bot API on 127.0.0.1 in a process of its own, until terminated; with ``record``,
    every call that sends (its moment, method, chat and text) is written there as JSON lines
    on the way out."""
    from tests.bot.fake_telegram import FakeTelegram, LoopbackServer

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # for sigwait, in every thread
    fake = FakeTelegram(token)
    sent: list[tuple[float, str, Any, Any]] = []

    def note(method: str, params: dict[str, Any]) -> None:
        if method.startswith("send"):
            sent.append((time.time(), method, params.get("chat_id"), params.get("text")))

    fake.observer = note
    with LoopbackServer(fake) as server:
        server.server.handle_error = _quiet_when_cut  # type: ignore[method-assign,assignment]
        ports.put(server.port)
        signal.sigwait({signal.SIGTERM})
        if record is not None:
            lines = (
                json.dumps({"t": t, "method": m, "chat": c, "text": x}, ensure_ascii=False)
                for t, m, c, x in list(sent)
            )
            Path(record).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def _quiet_when_cut(request: Any, address: Any) -> None:
    """A sender killed half-way cuts its connection: no traceback for that (bench/rush_faults.py
    kills workers on purpose); anything else is printed as the server would."""
    error = sys.exc_info()[1]
    if not isinstance(error, ConnectionError):
        import traceback

        traceback.print_exc()


@contextmanager
def fake_bot_api(record: Path | None = None) -> Iterator[str]:
    """The fake's base URL (``ZHUCAN_TELEGRAM_API_URL``); what it was sent is in ``record``
    once the block ends (``read_sent``)."""
    context = multiprocessing.get_context("spawn")
    ports = context.Queue()
    target = str(record) if record is not None else None
    process = context.Process(target=_fake_bot_api, args=(TOKEN, ports, target), daemon=True)
    process.start()
    try:
        yield f"http://127.0.0.1:{ports.get(timeout=30)}"
    finally:
        process.terminate()
        process.join(30)


@dataclass(frozen=True)
class Sent:
    """One message the fake Bot API was sent: when (wall clock), how, to whom, what."""

    t: float
    method: str
    chat: int
    text: str


def read_sent(record: Path) -> list[Sent]:
    """What ``fake_bot_api(record)`` wrote, in the order it arrived."""
    sent = []
    for line in record.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sent.append(Sent(row["t"], row["method"], int(row["chat"]), str(row["text"] or "")))
    return sent


@contextmanager
def fresh_database(pg: str | None) -> Iterator[str]:
    """A new, empty database for one run."""
    if pg is None:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'rush.db'}"
        return
    server = make_url(pg)
    name = f"zhucan_rush_{uuid.uuid4().hex[:8]}"
    # pre-ping: the server may have been restarted during the run (bench/rush_faults.py)
    admin = create_engine(server, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass(frozen=True)
class Served:
    """A running ``zhucan serve``: its base URL, its supervisor's process id, its log."""

    base: str
    pid: int
    log: Path


def started_workers(log: Path) -> dict[int, float]:
    """The processes of a ``zhucan serve`` log that finished starting (uvicorn's
    "Application startup complete."), with the moment (wall clock) each did."""
    started: dict[int, float] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if '"Application startup complete."' not in line:
            continue
        try:
            row = json.loads(line)
        except ValueError:
            continue
        started[int(row["pid"])] = datetime.fromisoformat(row["ts"]).timestamp()
    return started


def serve_env(api: str, now: datetime, **extra: str) -> dict[str, str]:
    """The environment ``zhucan serve`` (and ``zhucan scheduler run``) get against the fake:
    Telegram's limits raised (``extra`` may set them back), no Redis unless ``extra`` names
    one, no inherited metrics folder."""
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
    env.update(extra)
    return env


@contextmanager
def serving(
    url: str, api: str, workers: int, port: int, now: datetime, **extra: str
) -> Iterator[Served]:
    """``zhucan serve`` running (ready) on ``port``; stopped with SIGTERM afterwards.
    ``extra`` environment variables are added last (``ZHUCAN_REDIS_URL``, the real limits)."""
    env = serve_env(api, now, **extra)
    command = [ZHUCAN, "--db", url, "serve", "--port", str(port), "--workers", str(workers)]
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "serve.log"
        with log.open("wb") as out:
            yield from _until_stopped(command, env, out, log, port, workers)


def _until_stopped(
    command: list[str], env: dict[str, str], out: Any, log: Path, port: int, workers: int
) -> Iterator[Served]:
    process = subprocess.Popen(command, env=env, stdout=out, stderr=out)
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
                text = log.read_text(errors="replace")[-3000:]
                raise SystemExit(f"zhucan serve did not start:\n{text}")
            time.sleep(0.3)
        while len(started_workers(log)) < workers and time.monotonic() < deadline:
            time.sleep(0.2)  # the other workers finish starting
        yield Served(base, process.pid, log)
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


def postmaster_of(url: str) -> int | None:
    """The PostgreSQL server's main process, when it runs on this machine (the parent of the
    backend that answers us); None for SQLite or a server elsewhere."""
    if not url.startswith("postgresql"):
        return None
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            backend = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
            parent = proc_usage.parent(backend)  # while the backend lives
    finally:
        engine.dispose()
    return parent


@dataclass
class Usage:
    """CPU seconds of the server's and PostgreSQL's process trees between two readings, and
    the workers' memory at the second."""

    serve_cpu_s: float = 0.0
    store_cpu_s: float | None = None
    worker_rss_mb: list[float] = field(default_factory=list)


def store_cpu(postmaster: int | None) -> Callable[[], float] | None:
    """A reading of the PostgreSQL server's CPU seconds so far (None: not on this machine)."""
    if postmaster is None:
        return None
    return lambda: proc_usage.tree_cpu(postmaster)


class Meter:
    """Reads the trees of ``zhucan serve`` and of the PostgreSQL server around a run."""

    def __init__(self, serve_pid: int, store: Callable[[], float] | None) -> None:
        self.serve_pid = serve_pid
        self.store = store
        self.serve0 = proc_usage.tree_cpu(serve_pid)
        self.store0 = store() if store is not None else None

    def read(self) -> Usage:
        """What was used since this meter was made."""
        workers = proc_usage.serve_workers(self.serve_pid) or [self.serve_pid]
        usage = Usage(
            serve_cpu_s=proc_usage.tree_cpu(self.serve_pid) - self.serve0,
            worker_rss_mb=[proc_usage.rss_mb(w) for w in workers],
        )
        if self.store is not None and self.store0 is not None:
            usage.store_cpu_s = self.store() - self.store0
        return usage


def usage_line(usage: Usage, turns: int, shared_store: bool) -> str:
    """CPU per turn (server, PostgreSQL) and memory per worker, as printed."""
    line = f"  CPU per turn: zhucan serve {usage.serve_cpu_s * 1000 / max(1, turns):.1f} ms"
    if usage.store_cpu_s is not None:
        line += f", PostgreSQL {usage.store_cpu_s * 1000 / max(1, turns):.1f} ms"
        line += " (a shared server: its other clients' work included)" if shared_store else ""
    rss = ", ".join(f"{m:.0f}" for m in usage.worker_rss_mb)
    return f"{line}; memory per worker: {rss} MB"


def one_run(args: argparse.Namespace, api: str, workers: int, now: datetime) -> dict[str, Any]:
    """A fresh database, the elders, the server with ``workers`` workers, the rush."""
    with fresh_database(None if args.sqlite else args.pg) as url:
        factory, accounts, ids = prepare(url, args.people, now)
        postmaster = postmaster_of(url)
        with serving(url, api, workers, args.port, now) as served:
            meter = Meter(served.pid, store_cpu(postmaster))
            latencies, wall, refused = asyncio.run(rush(served.base, accounts, args.concurrency))
            usage = meter.read()
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
        "serve_cpu_ms": usage.serve_cpu_s * 1000 / max(1, len(ms)),
        "store_cpu_ms": (
            None if usage.store_cpu_s is None else usage.store_cpu_s * 1000 / max(1, len(ms))
        ),
    }
    print(
        f"{workers} worker(s): {result['turns']} turns in {wall:.1f} s = "
        f"{result['turns_per_s']:.0f} turns/s; p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms; orders {stored} of {args.people}; "
        f"non-200 answers {refused}",
        flush=True,
    )
    print(usage_line(usage, len(ms), shared_store=not args.private_pg), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2,4")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead")
    parser.add_argument(
        "--private-pg",
        action="store_true",
        help="a throwaway PostgreSQL cluster of the run's own (its CPU is then the run's alone)",
    )
    parser.add_argument("--port", type=int, default=18543)
    args = parser.parse_args(argv)
    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    counts = [int(n) for n in args.workers.split(",")]
    print(
        f"backend: {'sqlite' if args.sqlite else 'postgresql'}; people: {args.people}; "
        f"concurrency: {args.concurrency}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    with ExitStack() as stack:
        if args.private_pg and not args.sqlite:
            args.pg = stack.enter_context(PrivateCluster()).url()
        api = stack.enter_context(fake_bot_api())
        results = [one_run(args, api, workers, now) for workers in counts]
    if len(results) > 1:
        ratio = results[1]["turns_per_s"] / results[0]["turns_per_s"]
        print(f"scaling {counts[0]} -> {counts[1]} workers: {ratio:.2f}x")
    ok = all(r["orders"] == args.people and r["refused"] == 0 for r in results)
    print("every elder's order stored once, every update answered 200:", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
