"""Eight processes racing for the last portions, on the real backend under test.

Each process has its own engine and connection, as separate bot or scheduler processes would;
a barrier releases them together so the race is real.
"""

from __future__ import annotations

import multiprocessing as mp
from datetime import datetime
from multiprocessing.synchronize import Barrier

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import make_engine, session_factory, unit_of_work
from menus.errors import DomainError
from menus.models import Order
from menus.orders import OrderLine, OrderRequest, place_order_once
from menus.people import NewElder, add_elder
from menus.vocab import ElderCategory, Fulfillment, MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, portions_left

RACERS = 8


def _race(
    url: str, elder_id: int, key: str, barrier: Barrier, now: datetime, results: mp.Queue
) -> None:  # type: ignore[type-arg]
    engine = make_engine(url)
    factory = session_factory(engine)
    request = OrderRequest(
        elder_id=elder_id,
        day=LUNCH_DAY,
        meal=MealSlot.LUNCH,
        fulfillment=Fulfillment.PICKUP,
        lines=[OrderLine("手把肉", 1)],
        idempotency_key=key,
    )
    barrier.wait(timeout=60)
    try:
        order, created = place_order_once(factory, request, now)
        results.put(("placed" if created else "same", order.id))
    except DomainError as exc:
        results.put((exc.code, None))
    except Exception as exc:
        results.put((f"error: {exc!r}", None))
    finally:
        engine.dispose()


def _run_racers(db_url: str, elder_ids: list[int], keys: list[str]) -> list[tuple[str, int | None]]:
    ctx = mp.get_context("forkserver")  # clean processes, imports paid once by the server
    ctx.set_forkserver_preload(["menus.orders", "menus.db", "tests.menus.test_concurrency"])
    barrier = ctx.Barrier(len(elder_ids))
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_race, args=(db_url, e, k, barrier, BEFORE_LUNCH, results))
        for e, k in zip(elder_ids, keys, strict=True)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return outcomes


def _elders(factory: sessionmaker[Session], count: int) -> list[int]:
    with unit_of_work(factory) as session:
        return [
            add_elder(
                session,
                NewElder(
                    name=f"抢单老人{i}",
                    phone=None,
                    address="新华东街社区",
                    region="150102",
                    categories={ElderCategory.GAOLING: None},
                ),
                BEFORE_LUNCH,
            ).id
            for i in range(count)
        ]


def test_eight_processes_get_exactly_the_last_three_portions(
    shop: sessionmaker[Session], db_url: str
) -> None:
    """手把肉 has 3 portions: 3 orders succeed, 5 are told it is sold out, none oversold."""
    elder_ids = _elders(shop, RACERS)
    outcomes = _run_racers(db_url, elder_ids, [f"race-{i}" for i in range(RACERS)])
    kinds = sorted(kind for kind, _ in outcomes)
    assert kinds == ["placed"] * 3 + ["sold_out"] * 5, outcomes
    assert portions_left(shop, "手把肉") == 0
    with shop() as session:
        assert session.scalar(select(func.count(Order.id))) == 3


def test_eight_processes_with_one_idempotency_key_make_one_order(
    shop: sessionmaker[Session], db_url: str
) -> None:
    """The same retried request arriving eight times at once is one order and one portion."""
    elder_id = _elders(shop, 1)[0]
    outcomes = _run_racers(db_url, [elder_id] * RACERS, ["tg-update-77"] * RACERS)
    ids = {order_id for _, order_id in outcomes}
    assert len(ids) == 1 and None not in ids, outcomes
    assert sorted(kind for kind, _ in outcomes).count("placed") == 1
    assert portions_left(shop, "手把肉") == 2
    with shop() as session:
        assert session.scalar(select(func.count(Order.id))) == 1
