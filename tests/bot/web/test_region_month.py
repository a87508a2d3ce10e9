"""The region dashboard's month on the page: the chart drawn as inline SVG (no script), the
categories, subsidy against budget, food-safety gaps and tomorrow's missing menus; and the
budget set at the command line."""

from __future__ import annotations

import io
import re
from datetime import date

from bot.cli import run
from bot.web.charts import day_bars, nice_top
from menus.db import unit_of_work
from menus.menu_store import get_canteen
from menus.region_month import set_budget
from tests.bot.web.conftest import Console
from tests.conftest import BEFORE_LUNCH


def test_the_axis_top_is_a_round_number() -> None:
    assert [nice_top(n) for n in (0, 1, 3, 7, 12, 180, 2100)] == [5, 1, 5, 10, 20, 200, 2500]


def test_bars_scale_to_the_largest_day() -> None:
    chart = day_bars(
        [(date(2026, 12, 1), 10), (date(2026, 12, 2), 5), (date(2026, 12, 3), 0)], "份"
    )
    tall, half, none = chart.bars
    assert tall.height == 2 * half.height and none.height == 0
    assert tall.y + tall.height == chart.baseline == none.y
    assert [t.label for t in chart.ticks] == ["0", "2", "4", "6", "8", "10"]
    assert tall.title == "12月1日：10份" and [b.label for b in chart.bars] == ["1", "2", "3"]


def test_the_dashboard_shows_the_month(console: Console) -> None:
    with unit_of_work(console.factory) as session:
        set_budget(session, "test", 500_00, BEFORE_LUNCH)
    page = console.signed_in("supervisor").get("/region")
    assert page.status_code == 200
    text = page.text
    svg = re.search(r"<svg class=\"chart\".*?</svg>", text, re.S)
    assert (
        svg
        and 'role="img"' in svg.group(0)
        and '<title id="per-day-title">本月每天供餐份数' in text
    )
    assert "<script" not in text
    assert "按老人类别" in text and "500.00" in text and "缺留样的日子" in text
    assert "明天（12月2日）的菜单" in text
    assert "别的社区食堂" not in text  # another region's canteen


def test_another_regions_supervisor_sees_none_of_it(console: Console) -> None:
    text = console.signed_in("other_supervisor").get("/region").text
    assert "测试社区老年食堂" not in text and "别的社区食堂" in text


def test_set_budget_at_the_command_line(console: Console, db_url: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = ["web", "set-budget", "--canteen", "test", "--yuan", "30000", "--db", db_url]
    assert run([*args, "--now", "2026-12-01T08:00:00+08:00"], out=out, err=err) == 0
    assert "每月补贴预算 30000 元" in out.getvalue()
    with console.factory() as session:
        assert get_canteen(session, "test").subsidy_budget_fen == 3_000_000
    bad = ["web", "set-budget", "--canteen", "test", "--yuan", "很多", "--db", db_url]
    assert run(bad, out=out, err=err) == 2
    with console.factory() as session:
        assert get_canteen(session, "test").subsidy_budget_fen == 3_000_000
