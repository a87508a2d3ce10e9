"""Web console benchmark: the board, the kitchen sheet and the region dashboard over a region.

What it measures: page time through the real ASGI application (Starlette's TestClient: the
session and security middleware, the sign-in check, the store's queries in a worker thread,
Jinja2), signed in as the role that uses each page: a canteen's manager (its board today, its
kitchen sheet and A4 print view for lunch, an order's history), and the region's 民政
supervisor (the region dashboard, any canteen's board read-only, the region's audit log).
Each page is asked for ``--requests`` times after a few unmeasured ones; it prints the median,
p95 and p99 in ms per page and whether p95 is at most 200 ms (the issue's target).

The region: ``--canteens`` canteens (200) under one region code, ``--elders`` elders (20,000)
spread over them, December 2026 on the menus and a month of orders with their lines and their
history (each elder eats lunch most days, some breakfast and dinner; past meals completed,
a few cancelled or missed; today's lunch being cooked), complaints and praise, and the audit
entries of the staff's moves. "Today" is 2026-12-31 10:30, so the dashboard's month is whole.

Why bulk inserts (SQLAlchemy Core, in the schema's own tables and constraints: every order's
parts add up, every line points at its menu item and dish) and not ``place_order_once``: a
month is about 600,000 orders, hours through the one-transaction service; ``bench/orders.py``
measures that path. Accounts are made with the store's ``create_account``. The statistics are
refreshed after the build (``ANALYZE``), as PostgreSQL's autovacuum would do by itself.

    .venv/bin/python bench/web.py [--canteens 200] [--elders 20000] [--requests 200]
    .venv/bin/python bench/web.py --db postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/web.py --profile region      # cProfile of one page's handler

With a PostgreSQL URL the region is built in a database of its own on that server, dropped
afterwards; with a SQLite URL the file must not exist yet (default: a temporary file).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    Connection,
    Table,
    bindparam,
    create_engine,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.routing import Route  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from bot.web.app import create_app  # noqa: E402
from menus.accounts import NewAccount, create_account, sign_in  # noqa: E402
from menus.clock import TZ  # noqa: E402
from menus.db import make_engine, normalise_url, session_factory, unit_of_work, upgrade  # noqa: E402
from menus.models import (  # noqa: E402
    AuditEntry,
    Canteen,
    CanteenSlot,
    Dish,
    ElderCategoryRow,
    ElderProfile,
    Feedback,
    Menu,
    MenuItem,
    Order,
    OrderEvent,
    OrderItem,
    Person,
    StaffMember,
)
from menus.vocab import ElderCategory, Fulfillment, MealSlot, OrderStatus  # noqa: E402

REGION = "150102"
MONTH = date(2026, 12, 1)
NOW = datetime(2026, 12, 31, 10, 30, tzinfo=TZ)
"""10:30 on the month's last day: breakfast served, lunch cooking, dinner still ordered."""
TARGET_P95_MS = 200.0
PASSWORD = "bench password 2026"
SECRET = "bench-secret-key-0123456789abcdef"
MANAGER_LOGIN, SUPERVISOR_LOGIN = "bench_manager", "bench_supervisor"

SLOTS = {  # meal: (cut-off, days before, serving from, serving until)
    MealSlot.BREAKFAST: ("19:00", 1, "07:00", "08:30"),
    MealSlot.LUNCH: ("09:30", 0, "11:30", "13:00"),
    MealSlot.DINNER: ("15:00", 0, "17:00", "18:30"),
}
EATS = {MealSlot.BREAKFAST: 0.10, MealSlot.LUNCH: 0.75, MealSlot.DINNER: 0.20}
"""The share of a canteen's elders who order each meal on a day."""
DISHES = (
    ("红烧肉", 1200), ("小米粥", 200), ("莜面鱼鱼", 800), ("西红柿炒鸡蛋", 600),
    ("烧麦", 900), ("羊肉汤", 1000), ("清炒白菜", 400), ("土豆炖牛肉", 1100),
    ("米饭", 100), ("馒头", 100), ("鸡蛋羹", 500), ("炖豆腐", 500),
)  # fmt: skip
MENU_SIZE = {MealSlot.BREAKFAST: 3, MealSlot.LUNCH: 5, MealSlot.DINNER: 4}
LUNCH_CAP = 90
"""Lunch's first dish is capped (so the board shows portions left and sold-out warnings)."""
COMMUNITIES = ("东街社区", "西街社区", "南门社区", "北苑社区")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何高林罗郑梁谢宋唐韩冯于董程曹袁邓许傅沈曾彭吕苏卢"
GIVEN = ("秀兰", "桂芝", "玉梅", "德福", "国强", "建军", "淑珍", "凤英", "巴特尔", "其木格")
CATEGORIES = (ElderCategory.GAOLING, ElderCategory.DUJU, ElderCategory.DIBAO, ElderCategory.TEKUN)
BATCH = 5_000


# ------------------------------------------------------------------------------ figures


@dataclass(frozen=True)
class PageFigures:
    """One page's timings, as printed."""

    page: str
    who: str
    requests: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    failures: int

    @property
    def met(self) -> bool:
        """p95 within the target and every request answered 200."""
        return self.p95_ms <= TARGET_P95_MS and self.failures == 0


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (the same as ``bench/orders.py``)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def summarise(page: str, who: str, seconds: Sequence[float], failures: int = 0) -> PageFigures:
    """A page's latencies (seconds) as its line of figures (ms)."""
    ms = [s * 1000 for s in seconds]
    return PageFigures(
        page=page,
        who=who,
        requests=len(ms),
        median_ms=statistics.median(ms) if ms else 0.0,
        p95_ms=percentile(ms, 95),
        p99_ms=percentile(ms, 99),
        max_ms=max(ms, default=0.0),
        failures=failures,
    )


def table(rows: Sequence[PageFigures]) -> str:
    """The figures as a table, one page a line, with the verdict against the target."""
    head = (
        f"{'page':<22}{'signed in as':<13}{'requests':>9}{'median ms':>11}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}  p95 <= {TARGET_P95_MS:.0f} ms"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        verdict = "yes" if r.met else "NO" + (f" ({r.failures} failed)" if r.failures else "")
        lines.append(
            f"{r.page:<22}{r.who:<13}{r.requests:>9}{r.median_ms:>11.1f}{r.p95_ms:>9.1f}"
            f"{r.p99_ms:>9.1f}{r.max_ms:>9.1f}  {verdict}"
        )
    return "\n".join(lines)


# ------------------------------------------------------------------------ the region


@dataclass
class Ids:
    """The next free id of each table the build fills (explicit ids link the rows)."""

    next: dict[str, int]

    def take(self, name: str) -> int:
        """A fresh id for a row of table ``name``."""
        value = self.next.get(name, 1)
        self.next[name] = value + 1
        return value


@dataclass(frozen=True)
class Place:
    """A canteen as the order generator needs it: its id, its elders and menus' items."""

    id: int
    manager: int
    manager_name: str
    elders: tuple[tuple[int, bool], ...]
    """(person id, has a subsidy category)."""
    menus: dict[tuple[date, MealSlot], tuple[tuple[int, int, str, int], ...]]
    """(day, meal) → its items: (menu item id, dish id, dish name, price in fen)."""


@dataclass
class Built:
    """What the build made, for the report and the page requests."""

    canteens: int = 0
    elders: int = 0
    orders: int = 0
    lines: int = 0
    events: int = 0
    audit: int = 0
    feedback: int = 0
    seconds: float = 0.0
    first_code: str = ""


def utc(moment: datetime) -> datetime:
    """An aware time in UTC, as the store keeps it (its column type refuses naive ones)."""
    return moment.astimezone(UTC)


def local(day: date, hhmm: str) -> datetime:
    """A local time of day, aware."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=TZ)


def insert_rows(connection: Connection, model: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``model``'s table in batches (executemany); how many."""
    target: Table = model.__table__
    batch: list[dict[str, Any]] = []
    count = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            connection.execute(insert(target), batch)
            count += len(batch)
            batch = []
    if batch:
        connection.execute(insert(target), batch)
        count += len(batch)
    return count


def days_of_month() -> list[date]:
    """Every day of December 2026."""
    return [MONTH + timedelta(days=n) for n in range(31)]


def canteen_rows(count: int) -> Iterator[dict[str, Any]]:
    """The region's canteens: ids 1..count, codes c001…"""
    for n in range(1, count + 1):
        yield {
            "id": n,
            "code": f"c{n:03d}",
            "name": f"第{n}社区老年食堂",
            "name_mn": None,
            "kind": "canteen",
            "region": REGION,
            "address": f"呼和浩特市新城区{n}号",
            "phone": f"0471-{n:07d}",
            "modes": ["dine_in", "pickup", "delivery"],
            "delivery_area": list(COMMUNITIES[:2] if n % 2 else COMMUNITIES[2:]),
        }


def slot_rows(count: int, ids: Ids) -> Iterator[dict[str, Any]]:
    """Breakfast, lunch and dinner at every canteen."""
    for canteen in range(1, count + 1):
        for meal, (cutoff, before, start, end) in SLOTS.items():
            yield {
                "id": ids.take("slots"),
                "canteen_id": canteen,
                "meal": meal.value,
                "cutoff": cutoff,
                "days_before": before,
                "serve_start": start,
                "serve_end": end,
            }


def dish_rows(count: int) -> Iterator[dict[str, Any]]:
    """The twelve dishes of every canteen: dish id = (canteen - 1) * 12 + position + 1."""
    for canteen in range(1, count + 1):
        for position, (name, price) in enumerate(DISHES):
            yield {
                "id": (canteen - 1) * len(DISHES) + position + 1,
                "canteen_id": canteen,
                "name": name,
                "name_mn": None,
                "name_mn_cyrl": None,
                "aliases": [],
                "price_fen": price,
                "nutrition": {},
                "tags": [],
                "allergens": [],
            }


def build_catalogue(connection: Connection, count: int, ids: Ids) -> None:
    """Canteens, their meals and their dishes."""
    insert_rows(connection, Canteen, canteen_rows(count))
    insert_rows(connection, CanteenSlot, slot_rows(count, ids))
    insert_rows(connection, Dish, dish_rows(count))


def month_menus(
    connection: Connection, canteen: int, ids: Ids, rng: random.Random
) -> dict[tuple[date, MealSlot], list[dict[str, Any]]]:
    """A month of menus at one canteen with their items (stored), the item rows by menu."""
    menus: list[dict[str, Any]] = []
    items: dict[tuple[date, MealSlot], list[dict[str, Any]]] = {}
    first_dish = (canteen - 1) * len(DISHES) + 1
    for day in days_of_month():
        for meal, size in MENU_SIZE.items():
            menu_id = ids.take("menus")
            menus.append({"id": menu_id, "canteen_id": canteen, "date": day, "meal": meal.value})
            chosen = rng.sample(range(len(DISHES)), size)
            items[(day, meal)] = [
                {"id": ids.take("menu_items"), "menu_id": menu_id, "dish_id": first_dish + d}
                | {"position": position, "portions_cap": cap, "portions_left": cap}
                for position, d in enumerate(chosen)
                for cap in [LUNCH_CAP if meal is MealSlot.LUNCH and position == 0 else None]
            ]
    insert_rows(connection, Menu, menus)
    insert_rows(connection, MenuItem, (row for rows in items.values() for row in rows))
    return items


def people_rows(
    canteen: int, elders: int, ids: Ids, rng: random.Random
) -> tuple[list[dict[str, Any]], list[tuple[int, bool]], list[dict[str, Any]]]:
    """A canteen's manager and its elders: (people rows, elders, elder profile rows)."""
    created = utc(local(MONTH - timedelta(days=60), "09:00"))
    common = {"lang": "zh", "created_at": created}
    manager = {"id": ids.take("people"), "kind": "staff", "name": f"{canteen}号食堂经理"}
    people = [{**manager, "phone": None, **common}]
    found: list[tuple[int, bool]] = []
    profiles: list[dict[str, Any]] = []
    for _ in range(elders):
        person = ids.take("people")
        name = f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{person:05d}"
        phone = f"139{person:08d}"
        people.append({"id": person, "kind": "elder", "name": name, "phone": phone, **common})
        community = rng.choice(COMMUNITIES[:2] if canteen % 2 else COMMUNITIES[2:])
        profiles.append(
            {
                "person_id": person,
                "address": f"{community}{rng.randint(1, 40)}号楼{rng.randint(1, 6)}单元",
                "community": community,
                "region": REGION,
                "birth_year": rng.randint(1930, 1962),
                "gender": rng.choice(("female", "male")),
                "dietary_notes": None,
            }
        )
        found.append((person, rng.random() < 0.6))
    return people, found, profiles


def build_people(
    connection: Connection, canteen: int, elders: int, ids: Ids, rng: random.Random
) -> tuple[int, str, list[tuple[int, bool]]]:
    """A canteen's manager (staff there) and its elders with their categories."""
    people, found, profiles = people_rows(canteen, elders, ids, rng)
    insert_rows(connection, Person, people)
    insert_rows(connection, ElderProfile, profiles)
    categories = [
        {"elder_id": person, "category": rng.choice(CATEGORIES).value, "level": None}
        for person, subsidised in found
        if subsidised
    ]
    insert_rows(connection, ElderCategoryRow, categories)
    staff = {"id": ids.take("staff"), "person_id": people[0]["id"], "canteen_id": canteen}
    insert_rows(connection, StaffMember, [{**staff, "role": "manager"}])
    return people[0]["id"], people[0]["name"], found


# ---------------------------------------------------------------------- the orders


def status_of(day: date, meal: MealSlot, rng: random.Random) -> OrderStatus:
    """Where an order of that day and meal stands at ``NOW``."""
    if day < NOW.date() or meal is MealSlot.BREAKFAST:
        roll = rng.random()
        if roll < 0.03:
            return OrderStatus.CANCELLED
        return OrderStatus.MISSED if roll < 0.05 else OrderStatus.COMPLETED
    if meal is MealSlot.DINNER:
        return OrderStatus.PLACED
    return rng.choice((OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.PREPARING))


def path_to(status: OrderStatus, fulfillment: Fulfillment) -> list[OrderStatus]:
    """The statuses an order went through to reach ``status`` (the state machine's moves)."""
    handed = (
        OrderStatus.OUT_FOR_DELIVERY if fulfillment is Fulfillment.DELIVERY else OrderStatus.READY
    )
    paths = {
        OrderStatus.PLACED: [OrderStatus.PLACED],
        OrderStatus.CONFIRMED: [OrderStatus.PLACED, OrderStatus.CONFIRMED],
        OrderStatus.PREPARING: [OrderStatus.PLACED, OrderStatus.PREPARING],
        OrderStatus.CANCELLED: [OrderStatus.PLACED, OrderStatus.CANCELLED],
        OrderStatus.COMPLETED: [OrderStatus.PLACED, OrderStatus.PREPARING, handed, status],
        OrderStatus.MISSED: [OrderStatus.PLACED, OrderStatus.PREPARING, handed, status],
    }
    return paths[status]


@dataclass
class Rows:
    """One day's rows of a canteen, before they are inserted."""

    orders: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    events: list[dict[str, Any]]


def one_order(
    place: Place,
    elder: tuple[int, bool],
    key: tuple[date, MealSlot],
    ids: Ids,
    rows: Rows,
    rng: random.Random,
) -> dict[int, int]:
    """An elder's order for one meal, its lines and history added to ``rows``; the portions
    it took of each menu item (to count down the capped dish)."""
    day, meal = key
    fulfillment = rng.choices(list(Fulfillment), (0.15, 0.60, 0.25))[0]
    status = status_of(day, meal, rng)
    chosen = rng.sample(place.menus[key], rng.choice((1, 2, 2, 3)))
    order_id = ids.take("orders")
    taken: dict[int, int] = {}
    price = 0
    for item_id, dish_id, name, fen in chosen:
        qty = 2 if rng.random() < 0.15 else 1
        price += qty * fen
        taken[item_id] = qty
        rows.lines.append(
            {"id": ids.take("order_items"), "order_id": order_id, "menu_item_id": item_id}
            | {"dish_id": dish_id, "dish_name": name, "qty": qty, "unit_price_fen": fen}
        )
    placed = local(day, SLOTS[meal][0]) - timedelta(hours=rng.randint(2, 20))
    rows.orders.append(order_row(place, elder, key, order_id, fulfillment, status, price, placed))
    history(place, elder[0], order_id, path_to(status, fulfillment), placed, ids, rows)
    return {} if status is OrderStatus.CANCELLED else taken


def order_row(
    place: Place,
    elder: tuple[int, bool],
    key: tuple[date, MealSlot],
    order_id: int,
    fulfillment: Fulfillment,
    status: OrderStatus,
    price: int,
    placed: datetime,
) -> dict[str, Any]:
    """The order's own row: its parts add up (subsidy, then paid on the day)."""
    subsidy = min(price, 300 if elder[1] else 100)
    return {
        "id": order_id,
        "idempotency_key": f"bench-web:{order_id}",
        "elder_id": elder[0],
        "placed_by_id": None,
        "placed_by_role": "self",
        "canteen_id": place.id,
        "date": key[0],
        "meal": key[1].value,
        "fulfillment": fulfillment.value,
        "delivery_address": None,
        "status": status.value,
        "price_fen": price,
        "subsidy_fen": subsidy,
        "subsidy_policy_id": None,
        "voucher_fen": 0,
        "card_fen": 0,
        "payable_fen": price - subsidy,
        "created_at": utc(placed),
        "updated_at": utc(placed),
    }


def history(
    place: Place,
    elder: int,
    order_id: int,
    path: list[OrderStatus],
    placed: datetime,
    ids: Ids,
    rows: Rows,
) -> None:
    """The order's events: placed by the elder, each later move by the canteen's manager."""
    before: OrderStatus | None = None
    for step, status in enumerate(path):
        by_staff = step > 0
        rows.events.append(
            {
                "id": ids.take("order_events"),
                "order_id": order_id,
                "at": utc(placed + timedelta(hours=3 * step)),
                "actor_id": place.manager if by_staff else elder,
                "actor_role": "staff" if by_staff else "self",
                "from_status": before.value if before else None,
                "to_status": status.value,
                "reason": "老人临时有事" if status is OrderStatus.CANCELLED else None,
            }
        )
        before = status
    rows.orders[-1]["updated_at"] = rows.events[-1]["at"]


def day_of_orders(
    place: Place, day: date, ids: Ids, left: dict[int, int], rng: random.Random
) -> Rows:
    """Every order of one canteen on one day; ``left`` counts capped portions down."""
    rows = Rows([], [], [])
    for meal, share in EATS.items():
        key = (day, meal)
        for elder in [e for e in place.elders if rng.random() < share]:
            for item, qty in one_order(place, elder, key, ids, rows, rng).items():
                if item in left:
                    left[item] = left[item] - qty
    return rows


def capped_ok(rows: Rows, left: dict[int, int]) -> None:
    """Keep the schema's rule that portions left never go below zero: orders beyond the cap
    lose the capped line (a real canteen refuses them; the count stays about the same)."""
    over = {item for item, n in left.items() if n < 0}
    if not over:
        return
    kept = [line for line in rows.lines if line["menu_item_id"] not in over]
    dropped = {line["order_id"] for line in rows.lines if line["menu_item_id"] in over}
    orphans = dropped - {line["order_id"] for line in kept}
    rows.lines = kept
    rows.orders = [o for o in rows.orders if o["id"] not in orphans]
    rows.events = [e for e in rows.events if e["order_id"] not in orphans]
    for order in rows.orders:
        if order["id"] in dropped:
            reprice(order, [line for line in kept if line["order_id"] == order["id"]])
    for item in over:
        left[item] = 0


def reprice(order: dict[str, Any], lines: list[dict[str, Any]]) -> None:
    """An order's price and parts again, from its remaining lines."""
    price = sum(line["qty"] * line["unit_price_fen"] for line in lines)
    subsidy = min(price, order["subsidy_fen"])
    order.update(price_fen=price, subsidy_fen=subsidy, payable_fen=price - subsidy)


def build_canteen_month(
    connection: Connection, canteen: int, elders: int, ids: Ids, built: Built
) -> None:
    """One canteen's people, menus and month of orders, feedback and audit entries."""
    rng = random.Random(canteen)
    manager, manager_name, found = build_people(connection, canteen, elders, ids, rng)
    items = month_menus(connection, canteen, ids, rng)
    dishes = {(canteen - 1) * len(DISHES) + i + 1: d for i, d in enumerate(DISHES)}
    menus = {
        key: tuple((r["id"], r["dish_id"], *dishes[r["dish_id"]]) for r in rows)
        for key, rows in items.items()
    }
    place = Place(canteen, manager, manager_name, tuple(found), menus)
    left = {r["id"]: LUNCH_CAP for rows in items.values() for r in rows if r["portions_cap"]}
    for day in days_of_month():
        rows = day_of_orders(place, day, ids, left, rng)
        capped_ok(rows, left)
        built.orders += insert_rows(connection, Order, rows.orders)
        built.lines += insert_rows(connection, OrderItem, rows.lines)
        built.events += insert_rows(connection, OrderEvent, rows.events)
    count_down = (
        update(MenuItem)
        .where(MenuItem.id == bindparam("item"))
        .values(portions_left=bindparam("left"))
    )
    connection.execute(count_down, [{"item": item, "left": n} for item, n in left.items()])
    built.feedback += insert_rows(connection, Feedback, feedback_rows(place, rng))
    built.audit += insert_rows(connection, AuditEntry, audit_rows(place, rng))
    built.elders += len(found)


def feedback_rows(place: Place, rng: random.Random) -> Iterator[dict[str, Any]]:
    """A month's complaints (half answered), praise and ratings at one canteen."""
    for _ in range(12):
        elder = rng.choice(place.elders)[0]
        kind = rng.choice(("complaint", "praise", "rating"))
        at = local(rng.choice(days_of_month()), "13:30")
        answered = kind == "complaint" and rng.random() < 0.5
        yield {
            "canteen_id": place.id,
            "elder_id": elder,
            "author_id": elder,
            "order_id": None,
            "kind": kind,
            "rating": rng.randint(1, 5) if kind == "rating" else None,
            "text": {"complaint": "菜太咸了", "praise": "饭菜很香"}.get(kind, ""),
            "created_at": utc(at),
            "answer": "已转告厨师" if answered else None,
            "answered_by_id": place.manager if answered else None,
            "answered_at": utc(at + timedelta(hours=2)) if answered else None,
        }


def audit_rows(place: Place, rng: random.Random) -> Iterator[dict[str, Any]]:
    """The console's audit entries: a few order moves a day by the manager."""
    for day in days_of_month():
        for n in range(3):
            yield {
                "at": utc(local(day, f"1{n}:0{rng.randint(0, 9)}")),
                "actor_id": place.manager,
                "actor_name": place.manager_name,
                "canteen_id": place.id,
                "region": REGION,
                "action": "order.status",
                "target": f"order:{rng.randint(1, 600_000)}",
                "detail": {"from": "preparing", "to": "ready", "elder": "某老人"},
            }


def build_region(url: str, canteens: int, elders: int) -> Built:
    """Migrate, fill the region in one transaction, refresh the statistics, make accounts."""
    started = time.perf_counter()
    upgrade(url)
    engine = make_engine(url)
    built = Built(canteens=canteens, first_code="c001")
    ids = Ids({})
    try:
        with engine.begin() as connection:
            build_catalogue(connection, canteens, ids)
            for canteen in range(1, canteens + 1):
                share = elders // canteens + (1 if canteen <= elders % canteens else 0)
                build_canteen_month(connection, canteen, share, ids, built)
            if connection.dialect.name == "postgresql":
                reset_sequences(connection)
        refresh_statistics(engine)
        make_accounts(session_factory(engine))
    finally:
        engine.dispose()
    built.seconds = time.perf_counter() - started
    return built


def reset_sequences(connection: Connection) -> None:
    """PostgreSQL's id sequences past the explicit ids, so the store's own inserts (accounts,
    sessions) get fresh ones."""
    explicit = (Canteen, CanteenSlot, Dish, Menu, MenuItem, Person, StaffMember)
    for model in (*explicit, Order, OrderItem, OrderEvent):
        name = model.__tablename__
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), MAX(id)) FROM {name}")
        )


def refresh_statistics(engine: Any) -> None:
    """``ANALYZE`` (PostgreSQL: ``VACUUM ANALYZE``, as autovacuum would after a load)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def make_accounts(factory: sessionmaker[Session]) -> None:
    """The first canteen's manager and the region's supervisor, through the store."""
    with unit_of_work(factory) as session:
        manager = NewAccount("1号食堂经理", MANAGER_LOGIN, "manager", canteen_code="c001")
        create_account(session, manager, PASSWORD, NOW)
        supervisor = NewAccount("民政孙科长", SUPERVISOR_LOGIN, "supervisor", region=REGION)
        create_account(session, supervisor, PASSWORD, NOW)


# ------------------------------------------------------------------------ the pages


@dataclass(frozen=True)
class PageSpec:
    """A page to time: its name, who asks, and the paths asked for in turn."""

    name: str
    who: str
    paths: tuple[str, ...]


def page_specs(factory: sessionmaker[Session], canteens: int) -> list[PageSpec]:
    """The pages of the benchmark, with the paths each asks for."""
    today = NOW.date().isoformat()
    with factory() as session:
        orders = session.scalars(
            select(Order.id)
            .where(Order.canteen_id == 1, Order.date == NOW.date())
            .order_by(Order.id)
            .limit(50)
        ).all()
    boards = tuple(f"/canteens/c{n:03d}/board" for n in range(1, canteens + 1))
    return [
        PageSpec("board", "manager", ("/canteens/c001/board",)),
        PageSpec("kitchen sheet", "manager", (f"/canteens/c001/kitchen?date={today}&meal=lunch",)),
        PageSpec("kitchen print", "manager", ("/canteens/c001/kitchen/print?meal=lunch",)),
        PageSpec("order history", "manager", tuple(f"/canteens/c001/orders/{n}" for n in orders)),
        PageSpec("region dashboard", "supervisor", ("/region",)),
        PageSpec("any board (read-only)", "supervisor", boards),
        PageSpec("audit log", "supervisor", ("/audit",)),
    ]


def signed_in(app: Starlette, login: str) -> TestClient:
    """A client signed in through the sign-in form, as a browser does."""
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login").text
    token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    answer = client.post("/login", data={"csrf": token, "login": login, "password": PASSWORD})
    if answer.status_code != 303:
        raise SystemExit(f"signing in as {login} failed: {answer.status_code}")
    return client


def time_page(client: TestClient, spec: PageSpec, requests: int, warm: int = 5) -> PageFigures:
    """``requests`` timed GETs of the page (its paths in turn), after ``warm`` untimed ones."""
    for n in range(warm):
        client.get(spec.paths[n % len(spec.paths)])
    seconds: list[float] = []
    failures = 0
    clock = time.perf_counter
    for n in range(requests):
        path = spec.paths[n % len(spec.paths)]
        started = clock()
        answer = client.get(path)
        seconds.append(clock() - started)
        failures += answer.status_code != 200
    return summarise(spec.name, spec.who, seconds, failures)


def measure(url: str, canteens: int, requests: int) -> list[PageFigures]:
    """Every page, timed through the application on the built store."""
    engine = make_engine(url)
    try:
        factory = session_factory(engine)
        app = create_app(factory, secret_key=SECRET, clock=lambda: NOW)
        clients = {"manager": signed_in(app, MANAGER_LOGIN)}
        clients["supervisor"] = signed_in(app, SUPERVISOR_LOGIN)
        try:
            specs = page_specs(factory, canteens)
            return [time_page(clients[s.who], s, requests) for s in specs]
        finally:
            for client in clients.values():
                client.close()
    finally:
        engine.dispose()


def profile(url: str, canteens: int, page: str, requests: int) -> str:
    """cProfile of one page's handler, called in this thread (the TestClient runs handlers in
    a worker thread, which a profiler started here does not see); the top 30 by cumulative."""
    engine = make_engine(url)
    try:
        factory = session_factory(engine)
        app = create_app(factory, secret_key=SECRET, clock=lambda: NOW)
        spec = next(s for s in page_specs(factory, canteens) if s.name.startswith(page))
        login = MANAGER_LOGIN if spec.who == "manager" else SUPERVISOR_LOGIN
        with unit_of_work(factory) as session:
            token = sign_in(session, login, PASSWORD, "bench", NOW).token
        call = handler_call(app, spec.paths[0], token or "")
        call()
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [call() for _ in range(requests)])
    finally:
        engine.dispose()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    return out.getvalue()


def handler_call(app: Starlette, path: str, token: str) -> Callable[[], Any]:
    """A call of the page's handler with a request as the middleware would give it."""
    bare, _, query = path.partition("?")
    for route in app.routes:
        if not isinstance(route, Route):
            continue
        match = route.path_regex.match(bare)
        if match and "GET" in (route.methods or ()):
            params = route.param_convertors
            found = {k: params[k].convert(v) for k, v in match.groupdict().items()}
            scope = {
                "type": "http",
                "method": "GET",
                "path": bare,
                "query_string": query.encode(),
                "headers": [],
                "path_params": found,
                "session": {"sid": token},
                "scheme": "http",
                "server": ("testserver", 80),
                "root_path": "",
            }
            return lambda: route.endpoint(Request(scope))
    raise SystemExit(f"no page at {path}")


# ----------------------------------------------------------------------- databases


@contextmanager
def database(url: str | None) -> Iterator[str]:
    """Where to build: a temporary SQLite file, a new SQLite file, or a database of its own
    on the PostgreSQL server of ``url`` (dropped afterwards)."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix="zhucan_web_bench_") as folder:
            yield f"sqlite:///{Path(folder) / 'region.db'}"
        return
    parsed = make_url(normalise_url(url))
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and Path(parsed.database).exists():
            raise SystemExit(f"{parsed.database} exists: the benchmark builds a new store")
        yield parsed.render_as_string(hide_password=False)
        return
    with pg_database(parsed.render_as_string(hide_password=False)) as fresh:
        yield fresh


@contextmanager
def pg_database(server_url: str) -> Iterator[str]:
    """A database ``zhucan_web_<hex>`` on the server, dropped afterwards."""
    server = make_url(server_url)
    name = f"zhucan_web_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def describe(built: Built, url: str) -> str:
    """What was built, in one line."""
    backend = make_url(url).get_backend_name()
    backend = "postgresql" if backend.startswith("postgres") else backend
    return (
        f"{backend}: built in {built.seconds:.1f} s: {built.canteens} canteens in {REGION}, "
        f"{built.elders:,} elders, {built.orders:,} orders with {built.lines:,} lines and "
        f"{built.events:,} history events ({MONTH:%Y-%m}), {built.feedback:,} feedback, "
        f"{built.audit:,} audit entries; now {NOW:%Y-%m-%d %H:%M}"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--canteens", type=int, default=200)
    parser.add_argument("--elders", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--db", help="SQLite or PostgreSQL URL (default: a temporary SQLite)")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page (e.g. region)")
    args = parser.parse_args(argv)
    if args.canteens < 1 or args.elders < args.canteens or args.requests < 1:
        parser.error("need at least one canteen, an elder per canteen and one request")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with database(args.db) as url:
        built = build_region(url, args.canteens, args.elders)
        print(describe(built, url), flush=True)
        if args.profile:
            print(profile(url, args.canteens, args.profile, args.requests))
            return 0
        figures = measure(url, args.canteens, args.requests)
    print(table(figures))
    met = all(f.met for f in figures)
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms on every page: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
