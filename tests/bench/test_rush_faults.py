"""``bench/rush_faults.py`` at CI size: a real ``zhucan serve --workers 2`` and ``zhucan
scheduler run`` on the backend under test, a fake Bot API on 127.0.0.1, about twenty people
ordering by webhook (elders, elders competing for a capped dish, family members whose elder is
told through the outbox), and one serving worker killed with SIGKILL half-way through.
Telegram's redelivery is the load generator's: what was not answered 200 is sent again.

What it asserts is the benchmark's own verdict, counted from outside the server: every update
answered and replied to (a reply twice only for a redelivered update), nobody told 订好了
without exactly one order, no elder with two, no portion oversold, every outbox message sent
once, and the killed worker replaced by uvicorn's supervisor. Restarting PostgreSQL needs a
private cluster (``bench/rush_faults.py`` starts one); here the store is the suite's own."""

from __future__ import annotations

from datetime import datetime

from bench.private_servers import free_port
from bench.rush_faults import Plan, Setup, run_phase
from menus.clock import TZ
from tests.conftest import PG_URL


def test_a_worker_killed_mid_rush_loses_and_doubles_nothing() -> None:
    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    setup = Setup(server=PG_URL or None, cluster=None, redis=None, port=free_port())
    plan = Plan(
        kill_every_s=1.0, kill_from=0.3, max_kills=1, restart_pg_at=None, kill_scheduler_at=None
    )
    outcome = run_phase(
        setup,
        elders=12,
        capped=6,
        families=4,
        workers=2,
        concurrency=8,
        plan=plan,
        limits={},
        seed=7,
        now=now,
    )
    verdict, faults = outcome.verdict, outcome.faults
    report = "\n".join(outcome.lines)
    assert faults is not None and len(faults.kills) == 1, report
    killed = faults.kills[0][1]
    assert len(faults.workers_after) == 2 and killed not in faults.workers_after, report
    assert len(faults.replaced_s) == 1, report  # a new worker took its place
    assert verdict.updates == 12 * 5 + 6 * 5 + 4 * 2, report
    assert verdict.unanswered == 0 and verdict.no_reply == 0, report
    assert verdict.unexplained_repeats == 0 and verdict.stray == 0, report
    assert verdict.apologies == 0, report
    assert verdict.lost == 0 and verdict.doubled == 0 and verdict.untold == 0, report
    assert verdict.told_placed == verdict.orders >= 12 + 3 + 4, report  # the cap is 3
    assert verdict.cap == 3 and verdict.sold == 3 and verdict.left == 0, report
    assert verdict.outbox == 4 and verdict.outbox_once + verdict.outbox_again == 4, report
    assert verdict.outbox_unsent == 0 and verdict.outbox_lost == 0, report
    assert verdict.ok, report
