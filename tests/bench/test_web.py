"""``bench/web.py`` at CI size: a region of three canteens and a few hundred orders builds in
the schema (on the backend under test), every timed page answers through the real
application for the right role, and the summary reads latencies as the table prints them.
Not a timing test: CI machines vary; the figures are the benchmark's to print."""

from __future__ import annotations

import pytest

from bench import web


def test_a_small_region_builds_and_every_page_renders(db_url: str) -> None:
    built = web.build_region(db_url, canteens=3, elders=12)
    assert built.canteens == 3 and built.elders == 12
    assert 200 <= built.orders <= 1_000
    assert built.lines >= built.orders and built.events >= built.orders
    figures = web.measure(db_url, canteens=3, requests=3)
    assert [f.page for f in figures] == [
        "board",
        "kitchen sheet",
        "kitchen print",
        "order history",
        "region dashboard",
        "any board (read-only)",
        "audit log",
    ]
    assert [f.failures for f in figures] == [0] * len(figures)
    assert all(f.requests == 3 for f in figures)


def test_the_pages_show_the_built_region(db_url: str) -> None:
    """The dashboard lists every canteen with its month; the board has today's orders."""
    from bot.web.app import create_app
    from menus.db import make_engine, session_factory

    web.build_region(db_url, canteens=2, elders=10)
    engine = make_engine(db_url)
    try:
        app = create_app(session_factory(engine), secret_key=web.SECRET, clock=lambda: web.NOW)
        supervisor = web.signed_in(app, web.SUPERVISOR_LOGIN)
        region = supervisor.get("/region").text
        assert "第1社区老年食堂" in region and "第2社区老年食堂" in region
        board = web.signed_in(app, web.MANAGER_LOGIN).get("/canteens/c001/board").text
        assert "午餐订单" in board and "12月31日（今天）" in board
        assert supervisor.get("/canteens/c002/board").status_code == 200
    finally:
        engine.dispose()


def test_the_summary_gives_median_p95_p99_and_the_verdict() -> None:
    quick = web.summarise("board", "manager", [n / 1000 for n in range(1, 101)])
    shown = (quick.median_ms, quick.p95_ms, quick.p99_ms, quick.max_ms)
    assert shown == pytest.approx((50.5, 95, 99, 100))
    assert quick.met
    slow = web.summarise("region dashboard", "supervisor", [0.25] * 20)
    assert not slow.met
    failed = web.summarise("audit log", "supervisor", [0.01] * 5, failures=1)
    assert not failed.met
    lines = web.table([quick, slow, failed]).splitlines()
    assert lines[0].startswith("page") and "p95 <= 200 ms" in lines[0]
    assert lines[2].endswith("yes") and lines[3].endswith("NO")
    assert lines[4].endswith("NO (1 failed)")
