"""Reminder benchmark: 100,000 elders whose ordering reminder falls due in the same minute.

What it measures, per backend (SQLite, PostgreSQL), each in its own process so that the peak
resident memory is that backend's alone:

- queue: ``scheduler.jobs.ordering_reminders`` at 16:00 finds every elder whose reminder is
  due and whose next lunch is not ordered, and queues one message each in the outbox (one bulk
  ``INSERT ... ON CONFLICT DO NOTHING``); then the same tick again (must queue nothing);
- claim: ``menus.outbox.claim_due`` takes all of them, batch by batch, with a lease (what the
  senders do, without sending);
- send: the ``Sender`` pushes them through a fake channel at the configured limit (30 messages/s
  in total, 1/s per person; for ``--send-seconds``), then at a high limit (``--fast-rate``) to
  show what the store lets the sender reach; it prints the rate achieved, the most messages
  seen in any one second, and duplicates (a person reached twice; must be 0);
- peak memory (``ru_maxrss``).

Queue and claim run ``--runs`` times (the outbox emptied between runs, untimed); the medians
are printed. Setup (migration, the demo canteen, 100,000 elders with Core bulk inserts) is not
timed. Targets (the issue): all queued within 10 s, sending at the limit and never above it,
under 300 MB.

    .venv/bin/python bench/reminders.py [--elders N] [--runs N] [--pg URL | --skip-pg]
    .venv/bin/python bench/reminders.py --backend sqlite --elders 20000   # one backend
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import create_engine, delete, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import make_engine, normalise_url, session_factory, unit_of_work, upgrade
from menus.demo import load_demo
from menus.models import ElderProfile, Menu, OutboxMessage, Person, PersonSettings
from menus.outbox import claim_due
from scheduler.config import SchedulerSettings
from scheduler.jobs import ordering_reminders
from scheduler.sender import Sender

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_ENV = "ZHUCAN_BENCH_PG"
START = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
TARGET_QUEUE_S = 10.0
TARGET_PEAK_MB = 300.0
COMMUNITIES = ["新华东街社区", "海东路社区", "兴安北路社区", "东影南路社区", "光华街社区"]


@dataclass
class Result:
    """One backend's figures."""

    backend: str
    status: str = "ok"
    note: str = ""
    elders: int = 0
    setup_s: float = 0.0
    queued: int = 0
    queue_s: list[float] = field(default_factory=list)
    requeue_s: float = 0.0
    requeued: int = 0
    claim_s: list[float] = field(default_factory=list)
    claimed: int = 0
    limit_rate: float = 0.0
    limit_sent: int = 0
    limit_achieved: float = 0.0
    limit_max_1s: int = 0
    fast_rate: float = 0.0
    fast_sent: int = 0
    fast_achieved: float = 0.0
    fast_max_1s: int = 0
    duplicates: int = 0
    peak_mb: float = 0.0

    @property
    def passed(self) -> bool:
        return (
            self.status == "ok"
            and self.queued == self.elders
            and self.requeued == 0
            and statistics.median(self.queue_s) <= TARGET_QUEUE_S
            and self.limit_max_1s <= self.limit_rate + 1
            and self.fast_max_1s <= self.fast_rate + 1
            and self.duplicates == 0
            and self.peak_mb < TARGET_PEAK_MB
        )


def peak_mb() -> float:
    """This process's peak resident set size (``ru_maxrss`` is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class FakeChannel:
    """Accepts every message at once and notes when and to whom."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.people: Counter[int] = Counter()

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        self.times.append(time.monotonic())
        self.people[person_id] += 1


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most sends in any half-open window of ``window`` seconds."""
    ordered = sorted(times)
    best = start = 0
    for end, moment in enumerate(ordered):
        while ordered[start] <= moment - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def set_up(factory: sessionmaker[Session], elders: int) -> datetime:
    """The demo canteen, then ``elders`` elders with a 16:00 reminder (Core bulk inserts).
    Returns the moment to tick at: 16:00 on a day whose next day has a lunch menu."""
    with unit_of_work(factory) as session:
        load_demo(session, START)
        lunches = sorted(
            session.scalars(select(Menu.date).where(Menu.meal == "lunch", Menu.date > START.date()))
        )
    day: date = lunches[0] - timedelta(days=1)
    created = START - timedelta(days=30)
    chunk = 10_000
    with unit_of_work(factory) as session:
        first = (session.scalar(select(func.max(Person.id))) or 0) + 1
    for start in range(0, elders, chunk):
        ids = range(first + start, first + min(start + chunk, elders))
        with unit_of_work(factory) as session:
            session.execute(
                insert(Person),
                [
                    {"id": i, "kind": "elder", "name": f"老人{i}", "phone": None,
                     "lang": "mn" if i % 10 == 0 else "zh", "created_at": created}
                    for i in ids
                ],
            )  # fmt: skip
            session.execute(
                insert(ElderProfile),
                [
                    {"person_id": i, "address": "", "community": COMMUNITIES[i % 5],
                     "region": "150102"}
                    for i in ids
                ],
            )  # fmt: skip
            session.execute(
                insert(PersonSettings),
                [
                    {"person_id": i, "reminder_at": "16:00", "voice_replies": True,
                     "updated_at": created}
                    for i in ids
                ],
            )  # fmt: skip
    engine = factory.kw["bind"]
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text(f"SELECT setval('people_id_seq', {first + elders})"))
            connection.execute(text("ANALYZE"))
    return datetime.combine(day, dtime(16, 0), tzinfo=TZ)


def _reset_outbox(factory: sessionmaker[Session]) -> None:
    """Empty the outbox between runs (TRUNCATE on PostgreSQL: no dead rows left to slow the
    next run down)."""
    with unit_of_work(factory) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("TRUNCATE outbox"))
        else:
            session.execute(delete(OutboxMessage))


def _requeue(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending")
            .values(status="pending", claimed_until=None)
        )


async def _send_for(sender: Sender, seconds: float, now: datetime) -> None:
    task = asyncio.create_task(sender.sweep(now))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=seconds)
    except TimeoutError:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


def send_phase(
    factory: sessionmaker[Session], rate: float, seconds: float, now: datetime
) -> tuple[int, float, int, Counter[int]]:
    """Send at ``rate`` for ``seconds``: (sent, achieved rate, most in one second, people)."""
    channel = FakeChannel()
    settings = SchedulerSettings(global_rate=rate, person_rate=1.0, batch=2000, lease_s=120)
    sender = Sender(factory, channel, settings, wall=lambda: now)
    asyncio.run(_send_for(sender, seconds, now))
    times = channel.times
    span = (times[-1] - times[0]) if len(times) > 1 else 0.0
    achieved = (len(times) - 1) / span if span else 0.0
    return len(times), achieved, max_in_window(times), channel.people


def measure(label: str, url: str, args: argparse.Namespace) -> Result:
    """Everything for one backend."""
    result = Result(label, elders=args.elders)
    print(f"== {label} ==", flush=True)
    t0 = time.perf_counter()
    upgrade(url)
    engine = make_engine(url)
    factory = session_factory(engine)
    try:
        now = set_up(factory, args.elders)
        result.setup_s = time.perf_counter() - t0
        print(f"setup           {result.setup_s:.1f} s: {args.elders:,} elders, tick at {now}")
        settings = SchedulerSettings()
        for run in range(args.runs):
            if run:
                _reset_outbox(factory)
            started = time.perf_counter()
            queued = ordering_reminders(factory, settings, now)
            result.queue_s.append(time.perf_counter() - started)
            result.queued = len(queued)
            del queued
            started = time.perf_counter()
            again = ordering_reminders(factory, settings, now + timedelta(seconds=30))
            result.requeue_s = time.perf_counter() - started
            result.requeued = len(again)
            started = time.perf_counter()
            claimed = 0
            while batch := claim_due(factory, now, limit=args.claim_batch):
                claimed += len(batch)
            result.claim_s.append(time.perf_counter() - started)
            result.claimed = claimed
            print(
                f"run {run + 1}: queued {result.queued:,} in {result.queue_s[-1]:.2f} s "
                f"(again: {result.requeued} in {result.requeue_s:.2f} s); "
                f"claimed {claimed:,} in {result.claim_s[-1]:.2f} s",
                flush=True,
            )
            _requeue(factory)
        people: Counter[int] = Counter()
        sent, achieved, most, seen = send_phase(factory, args.rate, args.send_seconds, now)
        people.update(seen)
        result.limit_rate, result.limit_sent = args.rate, sent
        result.limit_achieved, result.limit_max_1s = achieved, most
        print(
            f"send @ {args.rate:g}/s   {sent:,} in {args.send_seconds:g} s: {achieved:.1f}/s, "
            f"at most {most} in any second",
            flush=True,
        )
        _requeue(factory)
        sent, achieved, most, seen = send_phase(factory, args.fast_rate, args.send_seconds, now)
        people.update(seen)
        result.fast_rate, result.fast_sent = args.fast_rate, sent
        result.fast_achieved, result.fast_max_1s = achieved, most
        print(
            f"send @ {args.fast_rate:g}/s {sent:,} in {args.send_seconds:g} s: {achieved:.1f}/s, "
            f"at most {most} in any second",
            flush=True,
        )
        with factory() as session:
            marked = session.scalar(select(func.count()).where(OutboxMessage.status == "sent")) or 0
        result.duplicates = sum(n - 1 for n in people.values() if n > 1) + abs(
            marked - sum(people.values())
        )
    finally:
        engine.dispose()
    result.peak_mb = peak_mb()
    print(f"duplicates      {result.duplicates}")
    print(f"peak memory     {result.peak_mb:.1f} MB RSS")
    print(
        f"verdict {label}: {'PASS' if result.passed else 'FAIL'} (queue median "
        f"{statistics.median(result.queue_s):.2f} s vs {TARGET_QUEUE_S:.0f} s, "
        f"{result.peak_mb:.0f} MB vs {TARGET_PEAK_MB:.0f} MB)",
        flush=True,
    )
    return result


@contextmanager
def sqlite_database() -> Iterator[str]:
    """A fresh SQLite file in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="zhucan_bench_") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.db'}"


class Unreachable(Exception):
    """The PostgreSQL server could not be used."""


@contextmanager
def pg_database(server_url: str) -> Iterator[str]:
    """A dedicated database on the server, dropped afterwards."""
    server = make_url(normalise_url(server_url))
    name = f"zhucan_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:
        admin.dispose()
        raise Unreachable(str(getattr(exc, "orig", None) or exc).splitlines()[0]) from None
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_backend(backend: str, args: argparse.Namespace) -> Result:
    label = "postgresql" if backend == "pg" else "sqlite"
    try:
        with pg_database(args.pg) if backend == "pg" else sqlite_database() as url:
            return measure(label, url, args)
    except Unreachable as exc:
        print(f"== {label}: PostgreSQL not reachable ({exc}); skipped ==", flush=True)
        return Result(label, status="unreachable", note=str(exc))


def run_children(args: argparse.Namespace) -> int:
    """Each backend in its own process, then a summary."""
    results = []
    for backend in ["sqlite"] if args.skip_pg else ["sqlite", "pg"]:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            out = Path(handle.name)
        command = [
            sys.executable, str(Path(__file__).resolve()), "--backend", backend,
            "--elders", str(args.elders), "--runs", str(args.runs),
            "--rate", str(args.rate), "--fast-rate", str(args.fast_rate),
            "--send-seconds", str(args.send_seconds), "--claim-batch", str(args.claim_batch),
            "--result-json", str(out),
        ]  # fmt: skip
        code = subprocess.run(command, check=False, env={**os.environ, PG_ENV: args.pg})
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
            results.append(Result(**data))
        except (OSError, ValueError, TypeError):
            label = "postgresql" if backend == "pg" else "sqlite"
            results.append(Result(label, status="failed", note=f"exit {code.returncode}"))
        finally:
            out.unlink(missing_ok=True)
        print(flush=True)
    head = (
        f"{'backend':<11}{'elders':>8}{'queue s':>9}{'claim s':>9}{'@limit/s':>10}{'max 1s':>8}"
        f"{'@fast/s':>9}{'max 1s':>8}{'dups':>6}{'peak MB':>9}  verdict"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        if r.status != "ok":
            print(f"{r.backend:<11}{r.status}: {r.note}")
            continue
        print(
            f"{r.backend:<11}{r.elders:>8,}{statistics.median(r.queue_s):>9.2f}"
            f"{statistics.median(r.claim_s):>9.2f}{r.limit_achieved:>10.1f}{r.limit_max_1s:>8}"
            f"{r.fast_achieved:>9.1f}{r.fast_max_1s:>8}{r.duplicates:>6}{r.peak_mb:>9.1f}  "
            f"{'PASS' if r.passed else 'FAIL'}"
        )
    print(
        f"medians of {args.runs} runs; target: all queued within {TARGET_QUEUE_S:.0f} s, sending "
        f"at the limit and never above it, no duplicates, < {TARGET_PEAK_MB:.0f} MB"
    )
    return 0 if all(r.passed or r.status == "unreachable" for r in results) else 1


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--elders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="queue/claim runs (medians)")
    parser.add_argument("--rate", type=float, default=30.0, help="the configured limit, /s")
    parser.add_argument("--fast-rate", type=float, default=1000.0, help="a high limit, /s")
    parser.add_argument("--send-seconds", type=float, default=10.0)
    parser.add_argument("--claim-batch", type=int, default=1000)
    parser.add_argument("--pg", default=os.environ.get(PG_ENV, DEFAULT_PG))
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--backend", choices=["sqlite", "pg"], help="one backend, in-process")
    parser.add_argument("--result-json", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.backend is None:
        return run_children(args)
    result = run_backend(args.backend, args)
    if args.result_json:
        args.result_json.write_text(json.dumps(asdict(result)), encoding="utf-8")
    return 0 if result.passed or result.status == "unreachable" else 1


if __name__ == "__main__":
    sys.exit(main())
