"""Faults during the morning rush: workers killed, PostgreSQL restarted, Telegram redelivering.

What it does: the rush of ``bench/rush.py`` (elders ordering by webhook through a real
``zhucan serve --workers N`` against a fake Bot API on 127.0.0.1), with everything a region
runs beside it: ``zhucan scheduler run`` delivering the outbox, Redis holding Telegram's limits
for all processes, and PostgreSQL in a private cluster of the run's own (``initdb`` into a
temporary folder, ``pg_ctl`` on a free port: the machine's shared cluster is never touched).
The people: elders who order an uncapped dish, elders who compete for a dish capped at half of
them, and family members who order for an elder who says nothing (that elder is told through
the outbox).

Faults, while the rush runs: every ``--kill-every`` seconds (jittered) a random serving worker
(one that finished starting: its "Application startup complete." is in the server's log) is
sent SIGKILL (uvicorn's supervisor starts a new one); once, at ``--restart-pg-at`` of the
updates answered, PostgreSQL is stopped the hard way (``pg_ctl -m immediate``, a crash) and
started again; once, the scheduler is sent SIGKILL and started again a second later, as
systemd's ``Restart=always`` would. The load generator is Telegram: an update whose webhook
POST did not end in 200 (a 500, a connection cut by a dying worker, a refused connection) is
POSTed again, the same update, after a short wait that doubles (0.5 s up to 4 s).

Afterwards it prints the figures and checks (``bench/rush_checks.py``): every update answered,
each with its reply (sent twice only for a redelivered update: a worker killed after Telegram
accepted the reply and before it answered the webhook), 0 lost and 0 doubled orders, 0 oversold
portions, every outbox message sent once (twice only as the outbox's edge: a sender killed
between Telegram accepting it and the row being marked).

Then the limit phase: ``--limit-workers`` (4) workers and the scheduler with Telegram's real
limits (30 messages a second in all, 1 a second per chat) shared through Redis, more elders
talking at once than 30 a second can answer. The busiest second is counted twice: as the shared
limit let messages go (its log in Redis, on Redis's clock) and as the fake received them (its
own clock, where Telegram would count); neither may pass 30.

    .venv/bin/python bench/rush_faults.py [--elders 300] [--capped 40] [--families 30]
        [--workers 2] [--kill-every 5] [--restart-pg-at 0.4] [--concurrency 16]
        [--limit-workers 4] [--limit-elders 150] [--limit-concurrency 64] [--limit-rate 30]
        [--seed N] [--dump FILE]
        [--skip-limit] [--skip-faults] [--pg URL | --sqlite] [--no-redis]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from bench import proc_usage  # noqa: E402
from bench.dialogue import TURNS, prepare, text_update  # noqa: E402
from bench.private_servers import PrivateCluster, PrivateRedis, free_port  # noqa: E402
from bench.rush import (  # noqa: E402
    SECRET,
    TOKEN,
    ZHUCAN,
    Meter,
    Sent,
    Served,
    fake_bot_api,
    fresh_database,
    percentile,
    postmaster_of,
    read_sent,
    serve_env,
    serving,
    started_workers,
    store_cpu,
    usage_line,
)
from bench.rush_checks import (  # noqa: E402
    Attempt,
    Cast,
    Delivery,
    Talker,
    Verdict,
    busiest_second,
    check_orders,
    check_outbox,
    check_replies,
)
from bot.telegram.shared_limit import bot_prefix  # noqa: E402
from menus.clock import TZ, local_today  # noqa: E402
from menus.db import unit_of_work  # noqa: E402
from menus.menu_store import get_canteen, load_menus  # noqa: E402
from menus.models import FamilyLink, Identity, MenuItem, OutboxMessage, Person  # noqa: E402
from menus.vocab import MealSlot  # noqa: E402

FAMILY_TURNS = ("明天中午一份{dish}送到家", "要")
FIRST_WAIT_S = 0.5
LAST_WAIT_S = 4.0
"""Telegram's redelivery, shortened: the first wait, doubling up to this."""
GIVE_UP_S = 120.0
"""An update not answered 200 this long after its first POST counts as never answered."""
DRAIN_S = 60.0
"""How long the outbox may take to empty after the last update."""
SENT_LOG = f"{bot_prefix(TOKEN)}:sent"
"""The shared limit's log of the last second's messages (``bot.telegram.shared_limit``)."""
LEASE_S = 10
"""The scheduler's lease on a claimed outbox row (120 s in production): short, so that a row
held by the killed scheduler is sent within the run."""


# ------------------------------------------------------------------------------ the people


def make_cast(
    url: str, elders: int, capped: int, families: int, now: datetime
) -> tuple[sessionmaker[Session], Cast]:
    """Migrate, load the demo canteen, register everyone, cap one of today's lunch dishes at
    half the elders who will ask for it, and link each family member to an elder of their own."""
    factory, accounts, ids = prepare(url, elders + capped + families, now)
    today = local_today(now)
    rng = random.Random(elders * 7919 + capped)
    with unit_of_work(factory) as session:
        canteen = get_canteen(session)
        lunch = [
            i for m in load_menus(session, [canteen.id], today, MealSlot.LUNCH) for i in m.items
        ]
        tomorrow = load_menus(session, [canteen.id], today + timedelta(days=1), MealSlot.LUNCH)
        later = [i.dish.name for m in tomorrow for i in m.items if i.portions_left is None]
        capped_items = [i for i in lunch if i.portions_left is not None]
        target = capped_items[0] if capped_items else lunch[-1]
        cap = capped // 2
        item = session.get(MenuItem, target.id)
        assert item is not None
        item.portions_cap = item.portions_left = cap
        uncapped = [i.dish.name for i in lunch if i.portions_left is None and i.id != target.id]
        talkers: list[Talker] = []
        for n, ((chat, _dish), elder_id) in enumerate(zip(accounts, ids, strict=True)):
            if n < elders:
                dish = uncapped[n % len(uncapped)]
                talkers.append(Talker(chat, elder_id, elder_id, "elder", _said(TURNS, dish)))
            elif n < elders + capped:
                dish = target.dish.name
                talkers.append(Talker(chat, elder_id, elder_id, "capped", _said(TURNS, dish)))
        told: dict[int, int] = {}
        family_base = rng.randrange(3 * 10**9, 4 * 10**9)
        for n, ((chat, _dish), elder_id) in enumerate(
            zip(accounts[elders + capped :], ids[elders + capped :], strict=True)
        ):
            member = Person(
                kind="family", name=f"测试家属{n}", phone=None, lang="zh", created_at=now
            )
            session.add(member)
            session.flush()
            session.add(
                Identity(channel="telegram", account_id=str(family_base + n), person_id=member.id)
            )
            session.add(
                FamilyLink(
                    family_id=member.id,
                    elder_id=elder_id,
                    relation="daughter",
                    can_order=True,
                    can_pay=False,
                    notify=True,
                )
            )
            dish = later[n % len(later)]
            turns = _said(FAMILY_TURNS, dish)
            talkers.append(Talker(family_base + n, member.id, elder_id, "family", turns))
            told[elder_id] = chat
        capped_item = target.id
    rng.shuffle(talkers)  # the groups talk mixed, as a morning would
    return factory, Cast(talkers, told, capped_item, cap)


def _said(turns: tuple[str, ...], dish: str) -> tuple[str, ...]:
    return tuple(t.format(dish=dish) for t in turns)


# ------------------------------------------------------------------------------ Telegram


class Telegram:
    """The load generator as Telegram: each person's updates one after another, each POSTed
    until it is answered 200, ``concurrency`` people at once."""

    def __init__(self, base: str, path: str = "/telegram") -> None:
        self.base = base
        self.path = path
        self.deliveries: list[Delivery] = []
        self.answered = 0
        self._next_id = 0

    async def rush(self, talkers: list[Talker], concurrency: int) -> float:
        """Every talker's turns; the wall seconds it took."""
        gate = asyncio.Semaphore(concurrency)
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        began = time.perf_counter()
        async with httpx.AsyncClient(
            base_url=self.base, limits=limits, timeout=60, headers=headers
        ) as client:
            await asyncio.gather(*(self._converse(client, t, gate) for t in talkers))
        return time.perf_counter() - began

    async def _converse(
        self, client: httpx.AsyncClient, talker: Talker, gate: asyncio.Semaphore
    ) -> None:
        async with gate:
            for said in talker.turns:
                self._next_id += 1
                delivery = Delivery(self._next_id, talker.chat, said)
                self.deliveries.append(delivery)
                await self._deliver(client, delivery)
                if not delivery.answered:
                    return  # Telegram gave up on this chat's update; the person stops
                self.answered += 1

    async def _deliver(self, client: httpx.AsyncClient, delivery: Delivery) -> None:
        update = text_update(delivery.update_id, delivery.chat, delivery.text)
        wait = FIRST_WAIT_S
        while True:
            start = time.time()
            try:
                answer = await client.post(self.path, json=update)
                outcome = str(answer.status_code)
            except httpx.HTTPError as error:  # a worker died with the connection, or none took it
                outcome = type(error).__name__
            delivery.attempts.append(Attempt(start, time.time(), outcome))
            if outcome == "200" or time.time() - delivery.attempts[0].start > GIVE_UP_S:
                return
            await asyncio.sleep(wait)
            wait = min(2 * wait, LAST_WAIT_S)


# ------------------------------------------------------------------------------ the faults


class Scheduler:
    """``zhucan scheduler run`` as systemd would keep it: started again after it dies. Its
    ``--now`` clock is carried on across restarts."""

    def __init__(self, url: str, env: dict[str, str], now: datetime) -> None:
        self.url = url
        self.env = env
        self.now = now
        self.began = time.monotonic()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop)
        self.process = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        moment = self.now + timedelta(seconds=time.monotonic() - self.began)
        env = {**self.env, "ZHUCAN_NOW": moment.isoformat()}
        command = [ZHUCAN, "--db", self.url, "scheduler", "run"]
        return subprocess.Popen(command, env=env, stdout=self.log, stderr=self.log)

    def kill_and_restart(self, pause_s: float = 1.0) -> None:
        """SIGKILL, then a new one a moment later."""
        self.process.kill()
        self.process.wait(30)
        time.sleep(pause_s)
        self.process = self._start()

    def stop(self) -> str:
        """SIGTERM; the end of its log if it had died meanwhile."""
        died = self.process.poll()
        if died is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(60)
        self.log.seek(0)
        tail = self.log.read().decode(errors="replace")[-2000:] if died is not None else ""
        self.log.close()
        return tail


@dataclass
class Faults:
    """What was broken during the run, and how the server came back."""

    kills: list[tuple[float, int]] = field(default_factory=list)
    """(moment on the wall clock, process id) of each worker sent SIGKILL."""
    pg_down_s: float | None = None
    pg_at_s: float | None = None
    scheduler_killed_at_s: float | None = None
    workers_before: list[int] = field(default_factory=list)
    workers_after: list[int] = field(default_factory=list)
    replaced_s: list[float] = field(default_factory=list)
    """For each kill: seconds until the next new worker had finished starting."""


@dataclass(frozen=True)
class Plan:
    """When to break what."""

    kill_every_s: float
    kill_from: float = 0.05
    """The first kill once this share of the updates is answered."""
    max_kills: int = 1_000
    restart_pg_at: float | None = 0.4
    kill_scheduler_at: float | None = 0.6
    pg_down_s: float = 2.0


def serving_workers(served: Served) -> list[int]:
    """The server's workers that finished starting and still run."""
    started = started_workers(served.log)
    return [w for w in proc_usage.serve_workers(served.pid) if w in started]


async def chaos(
    served: Served,
    plan: Plan,
    progress: Callable[[], float],
    stop: asyncio.Event,
    rng: random.Random,
    cluster: PrivateCluster | None,
    scheduler: Scheduler | None,
) -> Faults:
    """Break things on ``plan`` until ``stop`` is set. Only a worker that is serving is
    killed: one still starting (3-6 s here) has nothing in hand to lose."""
    faults = Faults(workers_before=serving_workers(served))
    began = time.monotonic()
    next_kill: float | None = None
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), 0.1)
            break
        except TimeoutError:
            pass
        done, now = progress(), time.monotonic()
        if next_kill is None and done >= plan.kill_from:
            next_kill = now
        if next_kill is not None and now >= next_kill and len(faults.kills) < plan.max_kills:
            workers = serving_workers(served)
            if workers:
                victim = rng.choice(workers)
                os.kill(victim, signal.SIGKILL)
                faults.kills.append((time.time(), victim))
                next_kill = now + plan.kill_every_s * rng.uniform(0.6, 1.4)
        restart_pg = plan.restart_pg_at if cluster is not None else None
        if restart_pg is not None and faults.pg_down_s is None and done >= restart_pg:
            assert cluster is not None
            faults.pg_at_s = now - began
            faults.pg_down_s = await asyncio.to_thread(cluster.restart, plan.pg_down_s)
        kill_at = plan.kill_scheduler_at if scheduler is not None else None
        if kill_at is not None and faults.scheduler_killed_at_s is None and done >= kill_at:
            assert scheduler is not None
            faults.scheduler_killed_at_s = now - began
            await asyncio.to_thread(scheduler.kill_and_restart)
    return faults


def recovered(served: Served, faults: Faults, workers: int, seconds: float = 60.0) -> None:
    """Wait until the server has ``workers`` serving again; note how long each kill took to
    be made good (from the kill to the next new worker done starting)."""
    deadline = time.monotonic() + seconds
    while len(serving_workers(served)) < workers and time.monotonic() < deadline:
        time.sleep(0.2)
    faults.workers_after = serving_workers(served)
    before = set(faults.workers_before)
    fresh = sorted(t for pid, t in started_workers(served.log).items() if pid not in before)
    for moment, _ in sorted(faults.kills):
        later = [t for t in fresh if t > moment]
        if later:
            faults.replaced_s.append(later[0] - moment)
            fresh.remove(later[0])


# ------------------------------------------------------------------------------ one phase


@dataclass
class Outcome:
    """A phase's figures and verdict."""

    verdict: Verdict
    faults: Faults | None
    wall_s: float
    deliveries: list[Delivery]
    sent: list[Sent]
    lines: list[str]
    busiest: tuple[int, int] = (0, 0)
    """The most messages the fake received in one calendar second and in any one second."""
    booked: list[float] = field(default_factory=list)
    """The moments the shared limit let a message go (Redis's clock)."""

    @property
    def ok(self) -> bool:
        return self.verdict.ok


@dataclass(frozen=True)
class Setup:
    """Where a phase runs: the store's server (None: SQLite), the private cluster to restart
    (None: nothing restarted), Redis for the shared limits (None: each process its own)."""

    server: str | None
    cluster: PrivateCluster | None
    redis: str | None
    port: int


async def _drive(
    telegram: Telegram,
    talkers: list[Talker],
    concurrency: int,
    served: Served,
    plan: Plan | None,
    cluster: PrivateCluster | None,
    scheduler: Scheduler,
    seed: int,
    redis: str | None,
    booked: dict[bytes, float],
    settle: Callable[[], None],
) -> tuple[float, Faults | None]:
    total = sum(len(t.turns) for t in talkers)
    stop, settled = asyncio.Event(), asyncio.Event()
    booking = None
    if redis is not None:
        booking = asyncio.create_task(record_bookings(redis, settled, booked))
    breaking = None
    if plan is not None:
        breaking = asyncio.create_task(
            chaos(
                served,
                plan,
                lambda: telegram.answered / total,
                stop,
                random.Random(seed),
                cluster,
                scheduler,
            )
        )
    wall = await telegram.rush(talkers, concurrency)
    stop.set()
    faults = await breaking if breaking is not None else None
    await asyncio.to_thread(settle)  # the outbox's last messages go meanwhile
    settled.set()
    if booking is not None:
        await booking
    return wall, faults


async def record_bookings(url: str, stop: asyncio.Event, booked: dict[bytes, float]) -> None:
    """The moments the shared limit let messages go, on Redis's clock: each stays in its
    one-second log (``bot.telegram.shared_limit``) for at least a second, so reading the log
    every 0.2 s sees every one."""
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        while not stop.is_set():
            log = await client.zrange(SENT_LOG, 0, -1, withscores=True)
            for member, score in cast(list[tuple[bytes, float]], log):
                booked[member] = score / 1_000_000
            await asyncio.sleep(0.2)
    finally:
        await client.aclose()


def drain(factory: sessionmaker[Session], people: list[int], seconds: float) -> None:
    """Wait until no outbox message to ``people`` is waiting or being sent (or time is up)."""
    factory.kw["bind"].dispose()  # its connections may predate a restart of PostgreSQL
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with factory() as session:
            waiting = session.scalar(
                select(OutboxMessage.id)
                .where(
                    OutboxMessage.person_id.in_(people),
                    OutboxMessage.status.in_(("pending", "sending", "failed")),
                )
                .limit(1)
            )
        if waiting is None:
            return
        time.sleep(0.5)


def run_phase(
    setup: Setup,
    *,
    elders: int,
    capped: int,
    families: int,
    workers: int,
    concurrency: int,
    plan: Plan | None,
    limits: dict[str, str],
    seed: int,
    now: datetime,
    dump: Path | None = None,
) -> Outcome:
    """One rush on a fresh database, with the faults of ``plan`` (None: none), and its checks."""
    with ExitStack() as stack:
        url = stack.enter_context(fresh_database(setup.server))
        factory, people = make_cast(url, elders, capped, families, now)
        record = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "sent.jsonl"
        extra = dict(limits)
        if setup.redis:
            extra["ZHUCAN_REDIS_URL"] = setup.redis
        with fake_bot_api(record) as api:
            env = serve_env(api, now, **extra, ZHUCAN_LEASE_S=str(LEASE_S))
            scheduler = Scheduler(url, env, now)
            died = ""
            try:
                postmaster = postmaster_of(url)
                spent = setup.cluster.cpu_s if setup.cluster is not None else None
                with serving(url, api, workers, setup.port, now, **extra) as served:
                    meter = Meter(served.pid, spent or store_cpu(postmaster))
                    telegram = Telegram(served.base)
                    booked: dict[bytes, float] = {}
                    wall, faults = asyncio.run(
                        _drive(
                            telegram,
                            people.talkers,
                            concurrency,
                            served,
                            plan,
                            setup.cluster,
                            scheduler,
                            seed,
                            setup.redis,
                            booked,
                            lambda: drain(factory, list(people.told), DRAIN_S),
                        )
                    )
                    if faults is not None:
                        recovered(served, faults, workers)
                    usage = meter.read()
            finally:
                died = scheduler.stop()
        sent = read_sent(record)
        verdict = Verdict()
        check_replies(telegram.deliveries, sent, verdict)
        check_orders(factory, people, sent, verdict)
        check_outbox(factory, people, sent, verdict)
        factory.kw["bind"].dispose()
    lines = _figures(telegram.deliveries, wall, faults, workers)
    restarts = " (restarted workers' start-up included)" if faults and faults.kills else ""
    lines.append(
        usage_line(usage, len(telegram.deliveries), shared_store=setup.cluster is None) + restarts
    )
    if died:
        lines.append(f"  the scheduler had died on its own; its log ends:\n{died}")
    if dump is not None:
        _dump(dump, telegram.deliveries, sent, faults)
    outcome = Outcome(verdict, faults, wall, telegram.deliveries, sent, lines + verdict.lines())
    outcome.busiest = busiest_second([m.t for m in sent if m.method == "sendMessage"])
    outcome.booked = sorted(booked.values())
    return outcome


def _dump(path: Path, deliveries: list[Delivery], sent: list[Sent], faults: Faults | None) -> None:
    """Everything the checks read, as JSON, for a closer look at a run."""
    data = {
        "deliveries": [asdict(d) for d in deliveries],
        "sent": [asdict(m) for m in sent],
        "faults": asdict(faults) if faults is not None else None,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _figures(
    deliveries: list[Delivery], wall: float, faults: Faults | None, workers: int
) -> list[str]:
    answered = [d for d in deliveries if d.answered]
    ms = [d.seconds * 1000 for d in answered] or [0.0]
    clean = [d.seconds * 1000 for d in answered if len(d.attempts) == 1] or [0.0]
    outcomes = Counter(a.outcome for d in deliveries for a in d.attempts)
    lines = [
        f"  {len(answered)} updates answered in {wall:.1f} s = {len(answered) / wall:.0f} "
        f"turns/s; per update (first POST to 200) p50 {statistics.median(ms):.0f} ms, p99 "
        f"{percentile(ms, 0.99):.0f} ms; answered at the first POST: p50 "
        f"{statistics.median(clean):.0f} ms, p99 {percentile(clean, 0.99):.0f} ms",
        f"  POST outcomes: {dict(outcomes.most_common())}",
    ]
    if faults is not None:
        pg = (
            f"PostgreSQL restarted at {faults.pg_at_s:.1f} s (unreachable {faults.pg_down_s:.1f} s)"
            if faults.pg_down_s is not None
            else "PostgreSQL not restarted"
        )
        sched = (
            f"scheduler killed at {faults.scheduler_killed_at_s:.1f} s and restarted"
            if faults.scheduler_killed_at_s is not None
            else "scheduler not killed"
        )
        back = faults.replaced_s or [0.0]
        lines.append(
            f"  faults: {len(faults.kills)} serving workers killed (SIGKILL), each replaced by "
            f"uvicorn's supervisor in p50 {statistics.median(back):.1f} s (max {max(back):.1f} s) "
            f"from the kill to the new worker serving; {pg}; {sched}; serving at the end "
            f"{len(faults.workers_after)} of {workers}"
        )
    return lines


# ------------------------------------------------------------------------------ main


@contextmanager
def _setup(args: argparse.Namespace) -> Iterator[Setup]:
    with ExitStack() as stack:
        cluster = None
        if args.sqlite:
            server = None
        elif args.pg:
            server = args.pg
        else:
            cluster = stack.enter_context(PrivateCluster())
            server = cluster.url()
        redis = None if args.no_redis else stack.enter_context(PrivateRedis()).url
        yield Setup(server, cluster, redis, args.port or free_port())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elders", type=int, default=300)
    parser.add_argument("--capped", type=int, default=40)
    parser.add_argument("--families", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--kill-every", type=float, default=5.0, help="seconds between kills")
    parser.add_argument("--max-kills", type=int, default=1_000)
    parser.add_argument("--kill-from", type=float, default=0.05, help="share answered first")
    parser.add_argument("--restart-pg-at", type=float, default=0.4, help="share answered")
    parser.add_argument("--kill-scheduler-at", type=float, default=0.6, help="share answered")
    parser.add_argument("--limit-workers", type=int, default=4)
    parser.add_argument("--limit-elders", type=int, default=150)
    parser.add_argument("--limit-families", type=int, default=20)
    parser.add_argument("--limit-concurrency", type=int, default=64)
    parser.add_argument(
        "--limit-rate", type=int, default=30, help="the shared limit's messages a second"
    )
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--skip-limit", action="store_true")
    parser.add_argument("--pg", help="an existing PostgreSQL server (not restarted) instead")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file (not restarted)")
    parser.add_argument("--no-redis", action="store_true", help="each process its own limits")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--dump", type=Path, help="write the faults phase's evidence here (JSON)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    backend = (
        "sqlite" if args.sqlite else "postgresql (" + ("given" if args.pg else "private") + ")"
    )
    print(f"backend: {backend}; seed {seed}; load average {os.getloadavg()[0]:.1f}", flush=True)
    ok = True
    with _setup(args) as setup:
        if not args.skip_faults:
            plan = Plan(
                kill_every_s=args.kill_every,
                kill_from=args.kill_from,
                max_kills=args.max_kills,
                restart_pg_at=args.restart_pg_at if setup.cluster else None,
                kill_scheduler_at=args.kill_scheduler_at,
            )
            print(
                f"faults: {args.workers} workers; {args.elders} elders, {args.capped} for the "
                f"capped dish (cap {args.capped // 2}), {args.families} families; "
                f"{args.concurrency} at once; a worker killed every ~{args.kill_every:g} s",
                flush=True,
            )
            outcome = run_phase(
                setup,
                elders=args.elders,
                capped=args.capped,
                families=args.families,
                workers=args.workers,
                concurrency=args.concurrency,
                plan=plan,
                limits={},
                seed=seed,
                now=now,
                dump=args.dump,
            )
            print("\n".join(outcome.lines), flush=True)
            print("  invariants hold:", "yes" if outcome.ok else "NO", flush=True)
            ok = ok and outcome.ok
        if not args.skip_limit:
            print(
                f"limit: {args.limit_workers} workers and the scheduler, Telegram's limits "
                f"({args.limit_rate}/s in all, 1/s a chat) "
                f"{'shared in Redis' if setup.redis else 'per process'}"
                f"; {args.limit_elders} elders, {args.limit_families} families, "
                f"{args.limit_concurrency} at once",
                flush=True,
            )
            limited = run_phase(
                setup,
                elders=args.limit_elders,
                capped=0,
                families=args.limit_families,
                workers=args.limit_workers,
                concurrency=args.limit_concurrency,
                plan=None,
                limits={
                    "ZHUCAN_TELEGRAM_RATE": str(args.limit_rate),
                    "ZHUCAN_TELEGRAM_CHAT_RATE": "1",
                },
                seed=seed,
                now=now,
            )
            calendar, sliding = limited.busiest
            times = sorted(m.t for m in limited.sent if m.method == "sendMessage")
            rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
            let_go = busiest_second(limited.booked)
            print("\n".join(limited.lines), flush=True)
            print(
                f"  let go by the shared limit (Redis's clock): {len(limited.booked)}; the busiest "
                f"calendar second {let_go[0]}, the busiest one-second window {let_go[1]}",
                flush=True,
            )
            print(
                f"  received by the fake Bot API (its clock): {len(times)} at {rate:.1f}/s; the "
                f"busiest calendar second {calendar}, the busiest one-second window {sliding}",
                flush=True,
            )
            booked_held = not setup.redis or let_go[1] <= args.limit_rate
            held = calendar <= 30
            print(
                "  the shared limit let no more than",
                args.limit_rate,
                "go in any second:",
                "yes" if booked_held else "NO",
                flush=True,
            )
            print(
                "  no second with more than 30 messages at the fake Bot API:",
                "yes" if held else f"NO ({calendar})",
                flush=True,
            )
            print("  invariants hold:", "yes" if limited.ok else "NO", flush=True)
            ok = ok and held and booked_held and limited.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
