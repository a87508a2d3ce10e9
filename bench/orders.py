"""Order-placement benchmark: 10,000 orders, one transaction each, on SQLite and PostgreSQL.

What it measures: the cost of ``menus.orders.place_order_once``, the path every channel (the
``zhucan`` command now, chat and voice later) takes to place an order. Each call is one
transaction that checks every rule, reserves capped portions with a conditional UPDATE,
prices the order (subsidy, voucher, family and charity cards) and stores it with its history.
For each backend it prints attempts, placed, retried (same order back), refused by a rule,
wall time, orders/s (attempts / wall), p50/p90/p99 latency per call, and the process's peak
resident memory; then it checks that the store is still consistent.

Why: a canteen's morning rush (family members ordering for elders before the 09:30 lunch
cut-off) is many small write transactions, so throughput and tail latency of this one call is
what decides whether a 2-core box copes. Target (the issue): at least 300 orders/s on each
backend and a peak under 200 MB.

The mix is meant to look like a real morning: about 2,000 elders of varied subsidy categories
(some with family or charity cards, some with vouchers) in the demo canteen's delivery area;
orders for the open meals of the next days (lunch most, then dinner, then breakfast), 1-3
dishes of 1-2 portions, sometimes named by an alias; 60% pickup, 25% delivery, 15% dine-in;
a few placed by canteen staff on the elder's behalf; ~3% retries of an earlier request with
the same idempotency key (must return the same order); and some orders for capped dishes
that sell out (refused with ``DomainError``; they still count as attempts, with their latency).
Setup (migration, demo canteen, elders) is not timed.

Each backend runs in its own subprocess so that the peak RSS (``ru_maxrss``, which only grows)
belongs to that backend alone; the parent prints a summary table and exits non-zero if a
backend that ran missed the target or left the store inconsistent. An unreachable PostgreSQL
is reported and skipped.

    .venv/bin/python bench/orders.py [--orders N] [--pg URL | --skip-pg]
    .venv/bin/python bench/orders.py --backend sqlite --orders 2000   # one backend, in-process
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ, is_open_for_orders, local_today
from menus.db import make_engine, normalise_url, session_factory, unit_of_work, upgrade
from menus.demo import load_demo
from menus.errors import DomainError
from menus.menu_store import get_canteen, load_menus, slot_times
from menus.models import Card, CardTransaction, MenuItem, Order, OrderItem, StaffMember, Voucher
from menus.orders import OrderLine, OrderRequest, place_order_once
from menus.people import NewElder, add_elder
from menus.states import OPEN_STATUSES
from menus.vocab import Actor, CardKind, Condition, ElderCategory, Fulfillment, Lang, MealSlot

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_ENV = "ZHUCAN_BENCH_PG"
"""How the parent hands the server URL to its child (not argv: it may hold a password)."""
NOW = datetime(2026, 12, 1, 6, 0, tzinfo=TZ)
"""06:00 on a Tuesday: today's breakfast has closed; lunch, dinner and the next days are open."""

TARGET_ORDERS_PER_S = 300.0
TARGET_PEAK_MB = 200.0

MEAL_WEIGHTS = {MealSlot.LUNCH: 0.60, MealSlot.DINNER: 0.25, MealSlot.BREAKFAST: 0.15}
FULFILLMENT_WEIGHTS = {
    Fulfillment.PICKUP: 0.60,
    Fulfillment.DELIVERY: 0.25,
    Fulfillment.DINE_IN: 0.15,
}
DISH_COUNT_WEIGHTS = {1: 0.30, 2: 0.45, 3: 0.25}
RETRY_SHARE = 0.03
CAPPED_SHARE = 0.15
"""Share of orders that ask for a capped dish (when the meal has one); most sell out early."""
ALIAS_SHARE = 0.10
STAFF_SHARE = 0.05
TWO_PORTIONS_SHARE = 0.20


def _words(text: str) -> tuple[str, ...]:
    """Space-separated words as a tuple (keeps the name lists short to read)."""
    return tuple(text.split())


SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马胡朱郭何高林罗郑梁谢宋唐韩冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤"
)
GIVEN_NAMES = _words(
    "秀兰 桂芝 玉梅 德福 国强 建军 淑珍 凤英 桂英 秀英 玉兰 志刚 建华 福海 文华 素芬 春华 玉珍 "
    "永清 振华 金花 宝山 丽华 玉芳 树林 长青 淑兰 凤兰 富贵 秀珍 海军 桂兰 明德 兰英 学文 玉凤"
)
MONGOLIAN_NAMES = _words(
    "巴特尔 其木格 乌云 斯琴 额尔敦 朝鲁 苏和 娜仁 图雅 宝音 那顺 萨仁 阿拉坦 乌日娜 格日勒 "
    "巴雅尔 敖登 达来 呼和 满都拉"
)
STREETS = ("小区", "家属院", "花园", "新村", "大院")
CATEGORY_WEIGHTS: dict[ElderCategory, float] = {
    ElderCategory.GAOLING: 0.30,
    ElderCategory.DUJU: 0.12,
    ElderCategory.KONGCHAO: 0.12,
    ElderCategory.LIUSHOU: 0.05,
    ElderCategory.DIBAO: 0.10,
    ElderCategory.TEKUN: 0.04,
    ElderCategory.SHINENG: 0.08,
    ElderCategory.CANJI: 0.06,
    ElderCategory.JISHENG_TESHU: 0.03,
}


# ------------------------------------------------------------------------------ results


@dataclass
class BackendResult:
    """What one backend's run found; the parent reads it back as JSON."""

    backend: str
    status: str = "ok"  # ok | unreachable | failed
    note: str = ""
    attempts: int = 0
    placed: int = 0
    retried_same: int = 0
    retried_wrong: int = 0
    refused: int = 0
    refused_by_code: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    wall_s: float = 0.0
    orders_per_s: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    setup_s: float = 0.0
    rss_after_setup_mb: float = 0.0
    peak_rss_mb: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.problems and self.errors == 0 and self.retried_wrong == 0

    @property
    def passed(self) -> bool:
        return (
            self.status == "ok"
            and self.consistent
            and self.orders_per_s >= TARGET_ORDERS_PER_S
            and self.peak_rss_mb < TARGET_PEAK_MB
        )


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (``ru_maxrss`` is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


# -------------------------------------------------------------------------------- setup


@dataclass(frozen=True)
class OpenMeal:
    """A menu still open for orders at ``NOW``: what can be asked for, by which names."""

    day: date
    meal: MealSlot
    free: tuple[tuple[str, ...], ...]
    """Uncapped dishes, each as (name, *aliases)."""
    capped: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class World:
    """What the timed loop draws from, read in the (untimed) setup."""

    elder_ids: tuple[int, ...]
    staff_ids: tuple[int, ...]
    meals: tuple[OpenMeal, ...]
    cards_family: int
    cards_charity: int
    elders_with_vouchers: int


def _elder(rng: random.Random, number: int, area: Sequence[str], region: str) -> NewElder:
    mongolian = rng.random() < 0.15
    if mongolian:
        name = rng.choice(MONGOLIAN_NAMES) + f"{number:04d}"
    else:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES) + f"{number:04d}"
    community = rng.choice(area) if area else "新华东街社区"
    categories: dict[ElderCategory, int | None] = {}
    if rng.random() < 0.6:  # the rest are "general" only (every registered elder is)
        kinds = list(CATEGORY_WEIGHTS)
        weights = list(CATEGORY_WEIGHTS.values())
        for category in rng.choices(kinds, weights, k=rng.choice((1, 1, 1, 2))):
            level = rng.randint(1, 3) if category is ElderCategory.SHINENG else None
            categories[category] = level
    conditions = rng.sample(list(Condition), k=rng.choice((0, 0, 1, 1, 2)))
    return NewElder(
        name=name,
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=(
            f"呼和浩特市新城区{community.removesuffix('社区')}{rng.randint(1, 120)}号"
            f"{rng.choice(STREETS)}{rng.randint(1, 20)}号楼{rng.randint(1, 6)}单元"
            f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室"
        ),
        region=region,
        community=community,
        lang=Lang.MN if mongolian else Lang.ZH,
        birth_year=rng.randint(1928, 1965),
        categories=categories,
        conditions=conditions,
    )


def set_up(factory: sessionmaker[Session], elders: int, days: int, seed: int) -> World:
    """The demo canteen, ``elders`` more elders, their cards and vouchers: one transaction."""
    rng = random.Random(seed)
    today = local_today(NOW)
    with unit_of_work(factory) as session:
        load_demo(session, NOW)
        canteen = get_canteen(session, "xinhua")
        area = list(canteen.delivery_area)
        elder_ids: list[int] = []
        family = charity = with_vouchers = 0
        for number in range(elders):
            person = add_elder(session, _elder(rng, number, area, canteen.region), NOW)
            elder_ids.append(person.id)
            cards: list[Card] = []
            if rng.random() < 0.20:  # 孝心卡; some small ones run dry during the run
                balance = rng.choice((1000, 5000, 10000, 20000, 50000))
                cards.append(
                    Card(elder_id=person.id, kind=CardKind.FAMILY.value, balance_fen=balance)
                )
                family += 1
            if rng.random() < 0.05:  # 爱心卡
                balance = rng.choice((2000, 5000, 10000))
                cards.append(
                    Card(elder_id=person.id, kind=CardKind.CHARITY.value, balance_fen=balance)
                )
                charity += 1
            if cards:
                session.add_all(cards)
                session.flush()
                session.add_all(
                    CardTransaction(card_id=c.id, amount_fen=c.balance_fen, at=NOW, note="top_up")
                    for c in cards
                )
            if rng.random() < 0.10:  # 消费券
                with_vouchers += 1
                value = rng.choice((200, 300, 500))
                session.add_all(
                    Voucher(
                        elder_id=person.id,
                        value_fen=value,
                        valid_from=today,
                        valid_to=today + timedelta(days=30),
                    )
                    for _ in range(rng.randint(2, 6))
                )
        staff_ids = tuple(
            session.scalars(
                select(StaffMember.person_id).where(StaffMember.canteen_id == canteen.id)
            )
        )
        meals: list[OpenMeal] = []
        for menu in load_menus(session, [canteen.id]):
            meal = MealSlot(menu.meal)
            times = slot_times(canteen, meal)
            if not today <= menu.date < today + timedelta(days=days) or times is None:
                continue
            if not is_open_for_orders(menu.date, times, NOW):
                continue
            names = [(i.dish.name, *i.dish.aliases) for i in menu.items]
            capped = [i.portions_cap is not None for i in menu.items]
            meals.append(
                OpenMeal(
                    day=menu.date,
                    meal=meal,
                    free=tuple(n for n, c in zip(names, capped, strict=True) if not c),
                    capped=tuple(n for n, c in zip(names, capped, strict=True) if c),
                )
            )
    if not meals:
        raise SystemExit("no open menus after NOW: the demo menus did not load as expected")
    return World(tuple(elder_ids), staff_ids, tuple(meals), family, charity, with_vouchers)


def plan_orders(world: World, count: int, seed: int) -> list[OrderRequest | None]:
    """The requests to send, decided up front (``None``: retry an earlier placed request)."""
    rng = random.Random(seed + 1)
    by_meal: dict[MealSlot, list[OpenMeal]] = {}
    for open_meal in world.meals:
        by_meal.setdefault(open_meal.meal, []).append(open_meal)
    slots = list(by_meal)
    slot_weights = [MEAL_WEIGHTS[s] for s in slots]
    modes = list(FULFILLMENT_WEIGHTS)
    mode_weights = list(FULFILLMENT_WEIGHTS.values())
    run = uuid.uuid4().hex[:8]
    planned: list[OrderRequest | None] = []
    for index in range(count):
        if index > 0 and rng.random() < RETRY_SHARE:
            planned.append(None)
            continue
        target = rng.choice(by_meal[rng.choices(slots, slot_weights)[0]])
        wanted = rng.choices(list(DISH_COUNT_WEIGHTS), list(DISH_COUNT_WEIGHTS.values()))[0]
        dishes: list[tuple[str, ...]] = []
        if target.capped and rng.random() < CAPPED_SHARE:
            dishes.append(rng.choice(target.capped))
        dishes += rng.sample(target.free, k=min(len(target.free), wanted - len(dishes)))
        lines = [
            OrderLine(
                rng.choice(names[1:])
                if len(names) > 1 and rng.random() < ALIAS_SHARE
                else names[0],
                2 if rng.random() < TWO_PORTIONS_SHARE else 1,
            )
            for names in dishes
        ]
        by_staff = bool(world.staff_ids) and rng.random() < STAFF_SHARE
        planned.append(
            OrderRequest(
                elder_id=rng.choice(world.elder_ids),
                day=target.day,
                meal=target.meal,
                fulfillment=rng.choices(modes, mode_weights)[0],
                lines=lines,
                idempotency_key=f"bench:{run}:{index:06d}",
                placed_by_id=rng.choice(world.staff_ids) if by_staff else None,
                placed_by_role=Actor.STAFF if by_staff else Actor.SELF,
                canteen_code="xinhua",
            )
        )
    return planned


# ---------------------------------------------------------------------------- timed run


def place_all(
    factory: sessionmaker[Session],
    planned: Sequence[OrderRequest | None],
    seed: int,
    workers: int = 1,
    url: str = "",
) -> tuple[BackendResult, list[float], float]:
    """Send every request, one ``place_order_once`` (one transaction) each, timing each call.

    With ``workers`` > 1 the requests are shared round-robin among that many processes, each
    with its own engine and connection, as several bot processes share one PostgreSQL at the
    lunch peak; each retries only requests it placed itself, so "retried-same" stays exact.
    Returns the merged result, every latency, and the largest peak RSS of a worker (MB).
    """
    shares = [list(planned[i::workers]) for i in range(workers)]
    clock = time.perf_counter
    started = clock()
    if workers == 1:
        part: tuple[BackendResult, list[float]] = (BackendResult(backend=""), [])
        _place_share(factory, shares[0], seed, part)
        parts = [(part[0], part[1], peak_rss_mb())]
    else:
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        processes = [
            context.Process(target=_worker, args=(url, shares[i], seed + i, queue))
            for i in range(workers)
        ]
        for process in processes:
            process.start()
        parts = [queue.get() for _ in processes]
        for process in processes:
            process.join()
    wall = clock() - started
    result = BackendResult(backend="")
    latencies: list[float] = []
    refused: Counter[str] = Counter()
    for part_result, part_latencies, _rss in parts:
        latencies += part_latencies
        result.placed += part_result.placed
        result.retried_same += part_result.retried_same
        result.retried_wrong += part_result.retried_wrong
        result.errors += part_result.errors
        result.error_samples += part_result.error_samples[: 5 - len(result.error_samples)]
        refused.update(part_result.refused_by_code)
    result.wall_s = wall
    result.attempts = len(latencies)
    result.refused = sum(refused.values())
    result.refused_by_code = dict(refused.most_common())
    return result, latencies, max(rss for _, _, rss in parts)


def _worker(url: str, planned: Sequence[OrderRequest | None], seed: int, queue: Any) -> None:
    """One worker process: its own engine, its share of the requests, results to the parent."""
    engine = make_engine(url)
    try:
        out: tuple[BackendResult, list[float]] = (BackendResult(backend=""), [])
        _place_share(session_factory(engine), planned, seed, out)
        queue.put((out[0], out[1], peak_rss_mb()))
    finally:
        engine.dispose()


def _place_share(
    factory: sessionmaker[Session],
    planned: Sequence[OrderRequest | None],
    seed: int,
    out: tuple[BackendResult, list[float]],
) -> None:
    """One worker's requests, in order; fills ``out`` with its counts and latencies."""
    rng = random.Random(seed + 2)
    result, latencies = out
    placed_requests: list[OrderRequest] = []
    order_of_key: dict[str, int] = {}
    refused: Counter[str] = Counter()
    clock = time.perf_counter
    for request in planned:
        retry = request is None
        if request is None:
            if not placed_requests:
                continue
            request = rng.choice(placed_requests)
        t0 = clock()
        try:
            order, created = place_order_once(factory, request, NOW)
        except DomainError as exc:
            latencies.append(clock() - t0)
            refused[exc.code] += 1
            continue
        except Exception as exc:  # a benchmark reports, it does not stop
            latencies.append(clock() - t0)
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(f"{type(exc).__name__}: {exc}"[:300])
            continue
        latencies.append(clock() - t0)
        if retry:
            if not created and order_of_key.get(request.idempotency_key) == order.id:
                result.retried_same += 1
            else:
                result.retried_wrong += 1
        elif created:
            result.placed += 1
            order_of_key[request.idempotency_key] = order.id
            placed_requests.append(request)
        else:
            result.retried_wrong += 1  # a fresh key must never find an order
    result.refused_by_code = dict(refused)


# --------------------------------------------------------------------------- consistency


def check_store(factory: sessionmaker[Session], placed: int) -> list[str]:
    """Portions, orders, idempotency keys, cards and vouchers still add up."""
    problems: list[str] = []
    with factory() as session:
        open_statuses = [s.value for s in OPEN_STATUSES]
        ordered = dict(
            session.execute(
                select(OrderItem.menu_item_id, func.sum(OrderItem.qty))
                .join(Order, Order.id == OrderItem.order_id)
                .where(Order.status.in_(open_statuses))
                .group_by(OrderItem.menu_item_id)
            ).all()
        )
        capped = session.execute(
            select(MenuItem.id, MenuItem.portions_cap, MenuItem.portions_left).where(
                MenuItem.portions_cap.is_not(None)
            )
        ).all()
        for item_id, cap, left in capped:
            taken = int(ordered.get(item_id, 0))
            if left is None or left < 0:
                problems.append(f"menu item {item_id}: portions_left is {left}")
            elif cap is not None and cap - left != taken:
                problems.append(f"menu item {item_id}: cap {cap} - left {left} != ordered {taken}")
        stored = session.scalar(select(func.count(Order.id))) or 0
        if stored != placed:
            problems.append(f"{stored} orders stored, {placed} placed")
        keys = session.scalar(select(func.count(func.distinct(Order.idempotency_key)))) or 0
        if keys != stored:
            problems.append(f"{stored - keys} duplicate idempotency keys")
        balances = session.execute(
            select(
                Card.id, Card.balance_fen, func.coalesce(func.sum(CardTransaction.amount_fen), 0)
            )
            .outerjoin(CardTransaction, CardTransaction.card_id == Card.id)
            .group_by(Card.id, Card.balance_fen)
        ).all()
        for card_id, balance, moved in balances:
            if balance < 0 or balance != int(moved):
                problems.append(f"card {card_id}: balance {balance}, transactions sum {moved}")
        charged = session.scalar(
            select(func.coalesce(func.sum(CardTransaction.amount_fen), 0)).where(
                CardTransaction.note == "charge"
            )
        )
        card_fen = session.scalar(select(func.coalesce(func.sum(Order.card_fen), 0)))
        if -int(charged or 0) != int(card_fen or 0):
            problems.append(f"orders' card_fen {card_fen} != card charges {-int(charged or 0)}")
        used = session.scalar(
            select(func.count(Voucher.id)).where(Voucher.used_order_id.is_not(None))
        )
        with_voucher = session.scalar(select(func.count(Order.id)).where(Order.voucher_fen > 0))
        if used != with_voucher:
            problems.append(f"{used} vouchers used, {with_voucher} orders paid with one")
    return problems


# ----------------------------------------------------------------------------- backends


@contextmanager
def sqlite_database() -> Iterator[str]:
    """A fresh SQLite file in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="zhucan_bench_") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.db'}"


class Unreachable(Exception):
    """The PostgreSQL server could not be used."""


@contextmanager
def pg_database(server_url: str) -> Iterator[str]:
    """A dedicated database ``zhucan_bench_<hex>`` on the server, dropped afterwards."""
    server = make_url(normalise_url(server_url))
    name = f"zhucan_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:
        admin.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise Unreachable(reason) from None
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_backend(backend: str, args: argparse.Namespace) -> BackendResult:
    """Set up, place the orders, check the store, and print the figures for one backend."""
    label = "postgresql" if backend == "pg" else "sqlite"
    shown = make_url(normalise_url(args.pg)).render_as_string(hide_password=True)
    try:
        with pg_database(args.pg) if backend == "pg" else sqlite_database() as url:
            return _measure(label, url, args)
    except Unreachable as exc:
        print(f"== {label}: PostgreSQL not reachable at {shown} ({exc}); skipped ==", flush=True)
        return BackendResult(backend=label, status="unreachable", note=str(exc))


def _measure(label: str, url: str, args: argparse.Namespace) -> BackendResult:
    print(f"== {label} ==", flush=True)
    t0 = time.perf_counter()
    upgrade(url)
    engine = make_engine(url)
    try:
        factory = session_factory(engine)
        world = set_up(factory, args.elders, args.days, args.seed)
        planned = plan_orders(world, args.orders, args.seed)
        setup_s = time.perf_counter() - t0
        rss_setup = peak_rss_mb()
        capped = sum(len(m.capped) for m in world.meals)
        print(
            f"setup           {setup_s:.1f} s: {len(world.elder_ids):,} elders "
            f"({world.cards_family} family cards, {world.cards_charity} charity cards, "
            f"{world.elders_with_vouchers} with vouchers), {len(world.meals)} open meals over "
            f"{args.days} days, {capped} capped dishes",
            flush=True,
        )
        workers = args.pg_workers if label == "postgresql" else 1
        print(f"workers         {workers} process(es)", flush=True)
        if workers > 1:
            engine.dispose()  # the workers open their own connections after the fork
        result, latencies, worker_rss = place_all(factory, planned, args.seed, workers, url)
        result.backend = label
        result.setup_s = setup_s
        result.rss_after_setup_mb = rss_setup
        result.peak_rss_mb = max(peak_rss_mb(), worker_rss)
        result.problems = check_store(factory, result.placed)
    finally:
        engine.dispose()
    ordered = sorted(latencies)
    result.p50_ms = percentile(ordered, 50) * 1000
    result.p90_ms = percentile(ordered, 90) * 1000
    result.p99_ms = percentile(ordered, 99) * 1000
    result.max_ms = (ordered[-1] if ordered else 0.0) * 1000
    result.orders_per_s = result.attempts / result.wall_s if result.wall_s else 0.0
    report(result)
    return result


def report(r: BackendResult) -> None:
    """The figures for one backend, as the issue asks for them."""
    codes = ", ".join(f"{code} {n}" for code, n in r.refused_by_code.items())
    print(f"attempts        {r.attempts:,}")
    print(f"placed          {r.placed:,}")
    print(
        f"retried-same    {r.retried_same:,}"
        + (f"  (WRONG: {r.retried_wrong})" if r.retried_wrong else "")
    )
    print(f"refused-by-rule {r.refused:,}" + (f"  ({codes})" if codes else ""))
    if r.errors:
        print(f"errors          {r.errors:,}: " + " | ".join(r.error_samples))
    print(f"wall time       {r.wall_s:.2f} s")
    print(f"orders/s        {r.orders_per_s:.1f}")
    print(
        f"latency         p50 {r.p50_ms:.2f} ms  p90 {r.p90_ms:.2f} ms  "
        f"p99 {r.p99_ms:.2f} ms  max {r.max_ms:.1f} ms"
    )
    print(f"peak memory     {r.peak_rss_mb:.1f} MB RSS ({r.rss_after_setup_mb:.1f} MB after setup)")
    print("consistency: ok" if not r.problems else "consistency: FAILED")
    for problem in r.problems[:20]:
        print(f"  - {problem}")
    fast = r.orders_per_s >= TARGET_ORDERS_PER_S
    small = r.peak_rss_mb < TARGET_PEAK_MB
    print(
        f"verdict {r.backend}: {'PASS' if r.passed else 'FAIL'} "
        f"({r.orders_per_s:.0f} orders/s {'>=' if fast else '<'} {TARGET_ORDERS_PER_S:.0f}, "
        f"{r.peak_rss_mb:.0f} MB {'<' if small else '>='} {TARGET_PEAK_MB:.0f} MB"
        f"{'' if r.consistent else ', store inconsistent or errors'})",
        flush=True,
    )


# -------------------------------------------------------------------------------- parent


def run_children(args: argparse.Namespace) -> int:
    """Each backend in its own process (so peak RSS is its own), then a summary table."""
    backends = ["sqlite"] if args.skip_pg else ["sqlite", "pg"]
    results: list[BackendResult] = []
    for backend in backends:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            out = Path(handle.name)
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--backend",
            backend,
            "--orders",
            str(args.orders),
            "--elders",
            str(args.elders),
            "--days",
            str(args.days),
            "--seed",
            str(args.seed),
            "--pg-workers",
            str(args.pg_workers),
            "--result-json",
            str(out),
        ]
        env = {**os.environ, PG_ENV: args.pg}
        code = subprocess.run(command, check=False, env=env).returncode
        try:
            results.append(BackendResult(**json.loads(out.read_text(encoding="utf-8"))))
        except (OSError, ValueError, TypeError):
            label = "postgresql" if backend == "pg" else "sqlite"
            results.append(BackendResult(label, status="failed", note=f"exit status {code}"))
        finally:
            out.unlink(missing_ok=True)
        print(flush=True)
    print_summary(results)
    return 0 if all(r.passed or r.status == "unreachable" for r in results) else 1


def print_summary(results: Sequence[BackendResult]) -> None:
    """One row per backend."""
    head = (
        f"{'backend':<11}{'attempts':>9}{'placed':>8}{'retried':>8}{'refused':>8}{'wall s':>8}"
        f"{'orders/s':>10}{'p50 ms':>8}{'p90 ms':>8}{'p99 ms':>8}{'peak MB':>9}  "
        f"{'consistency':<12}verdict"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        if r.status != "ok":
            print(f"{r.backend:<11}{r.status}: {r.note}")
            continue
        print(
            f"{r.backend:<11}{r.attempts:>9,}{r.placed:>8,}{r.retried_same:>8,}{r.refused:>8,}"
            f"{r.wall_s:>8.1f}{r.orders_per_s:>10.1f}{r.p50_ms:>8.2f}{r.p90_ms:>8.2f}"
            f"{r.p99_ms:>8.2f}{r.peak_rss_mb:>9.1f}  {'ok' if r.consistent else 'FAILED':<12}"
            f"{'PASS' if r.passed else 'FAIL'}"
        )
    print(
        f"target: >= {TARGET_ORDERS_PER_S:.0f} orders/s and < {TARGET_PEAK_MB:.0f} MB peak RSS "
        "per backend, store consistent"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orders", type=int, default=10_000, help="attempts per backend")
    parser.add_argument("--elders", type=int, default=2_000, help="elders to register")
    parser.add_argument("--days", type=int, default=7, help="days of menus to order from")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--pg",
        default=os.environ.get(PG_ENV) or DEFAULT_PG,
        help=f"PostgreSQL server to create the benchmark database on (default {DEFAULT_PG})",
    )
    parser.add_argument("--skip-pg", action="store_true", help="run SQLite only")
    parser.add_argument(
        "--pg-workers",
        type=int,
        default=3,
        help="worker processes on PostgreSQL, as several bot processes share it (SQLite: 1)",
    )
    parser.add_argument(
        "--backend",
        choices=("sqlite", "pg"),
        help="run one backend in this process (what the parent runs in each subprocess)",
    )
    parser.add_argument("--result-json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.orders < 1 or args.elders < 1 or args.days < 1:
        parser.error("--orders, --elders and --days must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.backend is None:
        return run_children(args)
    result = run_backend(args.backend, args)
    if args.result_json is not None:
        payload = asdict(result)
        args.result_json.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return 0 if result.passed or result.status == "unreachable" else 1


if __name__ == "__main__":
    sys.exit(main())
