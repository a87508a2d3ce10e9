"""Dialogue-over-Telegram benchmark: many elders each order a meal in five text turns.

What it measures: the whole path of a Telegram text turn inside the bot — PTB parsing the
update, the per-chat update processor, the handler, the person lookup, ``Dialogue.handle``
(understanding, state load/save, quoting and placing the order in the store), rendering the
reply keyboard, and PTB building the ``sendMessage`` call — with Telegram's servers replaced by
a recording ``BaseRequest`` (no network). Each simulated person waits for the reply before the
next turn, as a person does; ``--concurrency`` people talk at once.

Turns: 我要订餐 → a dish (rotating over the day's uncapped lunch dishes) → 中午 → 自己去拿 → 要.
Latency of a turn = from the update entering PTB's update queue to the reply reaching the
(fake) Bot API. Prints turns/s, p50/p90/p99 per turn (ms), orders stored (must equal people),
and peak RSS. Targets on the 2-core machine: p99 ≤ 50 ms and ≥ 200 turns/s.

Measured figures and where the time goes: README, "Benchmarks".

The outgoing rate limiter is replaced by a generous one: Telegram's own limits (30 messages/s
overall) would cap any bot at 30 turns/s, which is not what this measures.

    .venv/bin/python bench/dialogue.py [--people 1000] [--concurrency 16] [--db URL]
    .venv/bin/python bench/dialogue.py --people 200 --profile      # pyinstrument, if installed
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.request import BaseRequest, RequestData  # noqa: E402

from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.ratelimit import Bucket, Limits, RateLimiter  # noqa: E402
from menus.clock import TZ, local_today  # noqa: E402
from menus.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from menus.demo import load_demo  # noqa: E402
from menus.menu_store import get_canteen, load_menus  # noqa: E402
from menus.models import Identity, Order  # noqa: E402
from menus.people import NewElder, add_elder  # noqa: E402
from menus.vocab import MealSlot  # noqa: E402

TOKEN = "123456:BENCH-token"
BOT = {"id": 123456, "is_bot": True, "first_name": "助餐", "username": "zhucan_bot"}
TURNS = ("我要订餐", "{dish}", "中午", "自己去拿", "要")


class Recorder(BaseRequest):
    """Telegram's side, in-process: answers getMe and sendMessage with valid Bot API JSON and
    tells the benchmark which chat got a reply."""

    def __init__(self) -> None:
        self.waiting: dict[int, asyncio.Future[tuple[float, str]]] = {}
        self.sent = 0
        self._message_id = 0

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        if endpoint == "getMe":
            return 200, json.dumps({"ok": True, "result": BOT}).encode()
        if endpoint != "sendMessage" or request_data is None:
            return 200, b'{"ok": true, "result": true}'
        params = request_data.parameters
        chat = int(str(params["chat_id"]))
        self.sent += 1
        self._message_id += 1
        waiter = self.waiting.pop(chat, None)
        if waiter is not None and not waiter.done():
            waiter.set_result((time.perf_counter(), str(params["text"])))
        message = {
            "message_id": self._message_id,
            "date": 0,
            "chat": {"id": chat, "type": "private"},
            "text": params["text"],
        }
        return 200, json.dumps({"ok": True, "result": message}).encode()


def prepare(url: str, people: int, now: datetime) -> tuple[Any, list[tuple[int, str]], list[int]]:
    """Migrate, load the demo canteen, register ``people`` elders with Telegram accounts."""
    upgrade(url)
    factory = session_factory(make_engine(url))
    base = random.randrange(10**9, 2 * 10**9)
    with unit_of_work(factory) as session:
        load_demo(session, now)
        canteen = get_canteen(session)
        lunch = load_menus(session, [canteen.id], local_today(now), MealSlot.LUNCH)
        dishes = [i.dish.name for m in lunch for i in m.items if i.portions_left is None]
        if not dishes:
            raise SystemExit("no uncapped lunch dishes today in the demo canteen")
        area = canteen.delivery_area[0] if canteen.delivery_area else "社区"
        accounts: list[tuple[int, str]] = []
        ids: list[int] = []
        for n in range(people):
            elder = add_elder(
                session,
                NewElder(
                    name=f"测试老人{n}",
                    phone=None,
                    address=f"{area}{n}号",
                    region=canteen.region,
                    community=area,
                ),
                now,
            )
            session.add(Identity(channel="telegram", account_id=str(base + n), person_id=elder.id))
            accounts.append((base + n, dishes[n % len(dishes)]))
            ids.append(elder.id)
    return factory, accounts, ids


def text_update(update_id: int, chat: int, text: str) -> dict[str, Any]:
    """A private text message as Telegram sends it."""
    person = {"id": chat, "is_bot": False, "first_name": "老人"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": chat, "type": "private"},
            "from": person,
            "text": text,
        },
    }


async def drive(
    factory: Any,
    accounts: list[tuple[int, str]],
    now: datetime,
    concurrency: int,
    workers: int | None = None,
) -> tuple[list[float], float, int]:
    """Every person's five turns through the running application; (latencies, wall, failures)."""
    recorder = Recorder()
    generous = RateLimiter(Limits(Bucket(1e9, 10**9), per_chat_rate=1e9, per_chat_burst=10**9))
    app = build_application(
        TOKEN,
        factory,
        request=recorder,
        get_updates_request=recorder,
        now=now,
        rate_limiter=generous,
        scheduler_settings=None,
        store_workers=workers,
    )
    latencies: list[float] = []
    failures = 0
    next_id = 0
    gate = asyncio.Semaphore(concurrency)
    loop = asyncio.get_running_loop()

    async def converse(chat: int, dish: str) -> None:
        nonlocal next_id, failures
        async with gate:
            reply = ""
            for template in TURNS:
                next_id += 1
                update = Update.de_json(
                    text_update(next_id, chat, template.format(dish=dish)), app.bot
                )
                waiter: asyncio.Future[tuple[float, str]] = loop.create_future()
                recorder.waiting[chat] = waiter
                start = time.perf_counter()
                await app.update_queue.put(update)
                done, reply = await asyncio.wait_for(waiter, 30)
                latencies.append(done - start)
            if not reply.startswith("订好了"):
                failures += 1
                if failures <= 3:
                    print(f"  not placed for chat {chat}: {reply[:80]}", file=sys.stderr)

    async with app:
        await app.start()
        started = time.perf_counter()
        await asyncio.gather(*(converse(chat, dish) for chat, dish in accounts))
        wall = time.perf_counter() - started
        await app.stop()
    return latencies, wall, failures


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, help="store threads (default: the bot's own)")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--now", help="ISO time (default: 08:00 today, Asia/Shanghai)")
    parser.add_argument("--profile", action="store_true", help="profile with pyinstrument")
    args = parser.parse_args(argv)
    now = (
        datetime.fromisoformat(args.now).replace(tzinfo=TZ)
        if args.now
        else datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    )
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        factory, accounts, ids = prepare(url, args.people, now)
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(async_mode="enabled")
            profiler.start()
        before = resource.getrusage(resource.RUSAGE_SELF)
        latencies, wall, failures = asyncio.run(
            drive(factory, accounts, now, args.concurrency, args.workers)
        )
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
        with factory() as session:
            stored = session.scalar(
                select(func.count()).select_from(Order).where(Order.elder_id.in_(ids))
            )
    turns = len(latencies)
    ms = [x * 1000 for x in latencies]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    backend = url.split(":", 1)[0]
    print(
        f"backend: {backend}; people: {args.people}; concurrency: {args.concurrency}; "
        f"store workers: {args.workers or 'default'}"
    )
    print(f"turns: {turns} in {wall:.2f} s = {turns / wall:.0f} turns/s")
    print(
        f"per turn: p50 {statistics.median(ms):.1f} ms, p90 {percentile(ms, 0.9):.1f} ms, "
        f"p99 {percentile(ms, 0.99):.1f} ms, max {max(ms):.1f} ms"
    )
    print(
        f"bot process CPU: {cpu * 1000 / turns:.2f} ms per turn "
        f"(the store server's CPU not included); load average {os.getloadavg()[0]:.1f}"
    )
    print(f"orders stored: {stored} (people: {args.people}); not placed: {failures}")
    print(f"peak RSS: {peak:.0f} MB")
    met = percentile(ms, 0.99) <= 50 and turns / wall >= 200 and stored == args.people
    print("targets (p99 <= 50 ms, >= 200 turns/s, one order each):", "met" if met else "NOT met")
    return 0 if stored == args.people else 1


if __name__ == "__main__":
    sys.exit(main())
